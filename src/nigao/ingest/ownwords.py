"""The source's words for its own unit and its own campaign become slots.

A county bureau's sample says 全县教育系统, 我县, 局机关各股室 and refers back to its campaign
as 活动 (制定活动计划, 推进活动扎实开展). Kept as they are, a school drafting from it would
write 在全县教育系统开展, a 区 bureau 我县, and a 行动 would become an 活动 again. The source's
level is the place character it uses with 我 (我县 → 县; else the one it uses most with 全), so
a 区 document's 全市 (the city above it) stays; those words become `scope.*` slots, and a bare
活动 that refers back to the campaign becomes `campaign_noun` (data/generalize.yaml
`scope_words`, `campaign_refs`; the profile fills both through data/unit_words.yaml).
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from nigao.ingest import tables

_OWN = re.compile(r"(?<![健完齐周安])([全我本])([县区市旗])")


def own_place(texts: list[str]) -> str:
    """The source's own level: the place character it says 我/本 with most, else 全 (县, 区 …);
    '' when it says neither."""
    said = Counter(_OWN.findall("\n".join(texts)))  # (全/我/本, 县/区 …) pairs
    if not said:
        return ""
    own = Counter()
    for (word, place), n in said.items():
        own[(word != "全", place)] += n
    return max(own, key=lambda key: (own[key] if key[0] else 0, own[key], key[1]))[1]


@functools.cache
def _rewriter(
    place: str,
) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """One alternation for every rewrite, in table order, scanned once per text: a slot first
    (kept as it is, so its own text is never touched), the unit acting, the scope words of this
    place, then the campaign's 活动 (whether it refers back is decided by what precedes it, in
    `own_words`: a lookbehind per word would be tried at every position). Returns it, the
    characters a match can start with (one class, scanned at C speed), group name → its
    replacement ('' keeps the match), and the words after which 活动 refers back."""
    data = tables.load("generalize")
    refs = data["campaign_refs"]
    stop = "|".join(re.escape(w) for w in refs["not_before"])
    parts = [
        ("acting", r"\{(?<![^，。；：！？\n]\{)\{ org\.short \}\}(?![机“的])", "{{ scope.self }}"),
        ("slot", r"\{\{.*?\}\}|【[^】]*】", ""),  # a slot or a marker: kept as it is
    ]
    for i, rule in enumerate(data["scope_words"]):
        if place or "{地}" not in rule["pattern"]:
            text = rule["text"] if "text" in rule else "{{ " + rule["slot"] + " }}"
            parts.append((f"s{i}", rule["pattern"].replace("{地}", re.escape(place)), text))
    parts.append(("noun", f"{re.escape(refs['word'])}(?!{stop})", "{{ campaign_noun }}"))
    pattern = re.compile("|".join(f"(?P<{name}>{body})" for name, body, _t in parts))
    first = re.compile("[" + "".join(sorted(_first_chars(pattern))) + "]")
    return pattern, first, {name: text for name, _b, text in parts}, tuple(refs["after"])


def _first_chars(pattern: re.Pattern[str]) -> set[str]:
    """The characters a match of `pattern` can start with (every rule starts with one)."""
    from re import _parser  # type: ignore[attr-defined]

    chars: set[str] = set()
    for branch in _parser.parse(pattern.pattern)[0][1][1]:
        # each branch: (SUBPATTERN, (group, add, del, body)); the body's first item
        op, arg = branch[0][1][3][0]
        if op is _parser.LITERAL:
            chars.add(chr(arg))
        elif op is _parser.IN:
            chars |= {chr(v) for o, v in arg if o is _parser.LITERAL}
        elif op is _parser.BRANCH:
            chars |= {chr(b[0][1]) for b in arg[1] if b[0][0] is _parser.LITERAL}
        else:
            raise ValueError(f"a scope_words pattern must start with a character: {branch}")
    return chars


_CLAUSE_START = "，。；：！？、“（\n"


def own_words(text: str, place: str) -> str:
    """`text` with the source's unit words and its generic 活动 as slots. A slot's own text is
    never touched and is a word, not a clause start: {{ guidance.普法规划 }}活动 stays."""
    pattern, first, replacement, after = _rewriter(place)
    out: list[str] = []
    kept = done = 0  # text[kept:] is not yet in out; nothing before `done` is matched again
    for start in first.finditer(text):
        at = start.start()
        if at < done:
            continue
        match = pattern.match(text, at)
        if match is None:
            continue
        done = match.end()
        name = match.lastgroup or ""
        new = replacement[name]
        referring = not at or text[at - 1] in _CLAUSE_START or text.endswith(after, 0, at)
        if name == "noun" and not referring:
            continue  # after another word: a kind of activity (读书活动)
        if new:
            out += (text[kept:at], new)
            kept = done
    if not out:
        return text
    out.append(text[kept:])
    return "".join(out)
