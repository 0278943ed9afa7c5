"""Make a slotted skeleton read correctly for any county and any campaign.

Slotting replaces names; what is left may still belong to the source: its campaign's type
words (大讨论, 专项活动), local slogans, the phases and offices of a past campaign, the
issuing bureau named without its county, dated wording. The rules are data
(data/generalize.yaml); this module only knows how to drop a clause, a sentence or a
paragraph without breaking the punctuation around it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from nigao.ingest import tables
from nigao.kinds import title_topic

_CLAUSE_END = "，；：。！？"
_SENTENCE_END = "。！？"
_CAMPAIGN = "{{ campaign }}"
_QUOTED_CAMPAIGN = "“{{ campaign }}”"
_TYPED_CAMPAIGN = "“{{ campaign }}”{{ campaign_type }}"
_CLAUSE_SPLIT = re.compile("[，；：。！？]")
_QUOTE_PAIR = re.compile("“[^“”\n]*”")
_PROTECTED = re.compile("“[^“”]*”|（[^（）]*）|《[^《》]*》|‘[^‘’]*’")


@dataclass(frozen=True)
class _Rules:
    campaign_words: re.Pattern[str]
    campaign_slot: re.Pattern[str]
    campaign_literals: tuple[str, ...]
    campaign_any: re.Pattern[str]  # the slot or a campaign word (speed)
    source_only: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...]
    slogans: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...]
    acting_org: tuple[tuple[re.Pattern[str], str, str], ...]
    modern: re.Pattern[str]
    modern_terms: dict[str, str]
    drop_hints: re.Pattern[str]  # any hint of a source_only or slogans rule (speed)


def _drop_rules(rules: list[dict]) -> tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...]:
    """(pattern, drop mode, its hints as one literal alternation) per rule."""
    return tuple(
        (re.compile(r["pattern"]), r["drop"], re.compile(_alternation(r["hint"]))) for r in rules
    )


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _rules() -> _Rules:
    data = tables.load("generalize")
    types = _alternation(data["campaign_types"])
    words = _alternation(data["campaign_words"])
    slot = re.escape(_CAMPAIGN)
    return _Rules(
        campaign_words=re.compile(rf"“?(?:{words})”?(?:{types})?"),
        campaign_slot=re.compile(rf"(“?){slot}(”?)((?:{types})*)"),
        campaign_literals=tuple(data["campaign_words"]),
        campaign_any=re.compile(_alternation([_CAMPAIGN, *data["campaign_words"]])),
        source_only=_drop_rules(data["source_only"]),
        slogans=_drop_rules(data["slogans"]),
        acting_org=tuple(
            (re.compile(r["pattern"]), r["slot"], r["hint"]) for r in data["acting_org"]
        ),
        modern=re.compile(_alternation(list(data["modern_terms"]))),
        modern_terms=dict(data["modern_terms"]),
        drop_hints=re.compile(
            _alternation(
                sorted({w for r in data["source_only"] + data["slogans"] for w in r["hint"]})
            )
        ),
    )


def campaign_core(title: str) -> str:
    """The campaign part of a source title: 教育局转作风解难题抓关键活动方案 → 转作风解难题抓关键."""
    return campaign_parts(title)[0]


def campaign_parts(title: str) -> tuple[str, str]:
    """(campaign part, its type word) of a source title: 教育局科学发展大讨论工作方案 → (科学发展, 大讨论)."""
    core = title_topic(title.strip(), sample=True)
    types = tables.load("generalize")["campaign_types"]
    for word in sorted(types, key=len, reverse=True):
        if core.endswith(word):
            return core[: -len(word)], word
    return core, ""


# -- dropping text without breaking its punctuation ----------------------------------------


def _boundaries(text: str, ends: str) -> list[int]:
    """Positions of the `ends` punctuation outside quotes and brackets (C-speed scans)."""
    spans = [m.span() for m in _PROTECTED.finditer(text)]  # sorted, never overlapping
    starts = [a for a, _b in spans]
    found = []
    for match in re.finditer(f"[{ends}]", text):
        at = match.start()
        k = bisect.bisect_left(starts, at) - 1  # the one span that may hold `at`: last a < at
        if k < 0 or at >= spans[k][1] - 1:
            found.append(at)
    return found


def _drop(text: str, start: int, end: int, mode: str) -> str:
    """`text` without the clause / sentence around [start, end)."""
    if mode == "paragraph":
        return ""
    if mode == "quote":
        return text[:start] + text[end:]
    ends = _CLAUSE_END if mode == "clause" else _SENTENCE_END
    marks = _boundaries(text, ends)
    left = max((at + 1 for at in marks if at < start), default=0)
    right = min((at for at in marks if at >= end), default=len(text))
    if right == len(text):  # no closing punctuation: to the end
        return text[:left].rstrip("，；、") if left else ""
    closing = text[right]
    at_sentence_start = left == 0 or text[left - 1] in _SENTENCE_END
    if closing in "，；、" or at_sentence_start:
        return text[:left] + text[right + 1 :]
    # The last clause of a sentence: drop it with the comma before it, keep the 。
    return text[: left - 1] + text[right:]


def _apply_drops(text: str, rules: tuple[tuple[re.Pattern[str], str, re.Pattern[str]], ...]) -> str:
    for pattern, mode, hint in rules:
        if not hint.search(text):
            continue
        for _ in range(50):  # each pass removes text: bounded
            match = pattern.search(text)
            if match is None:
                break
            text = _drop(text, match.start(), match.end(), mode)
    return text


@functools.lru_cache(maxsize=64)
def _trigrams(core: str) -> re.Pattern[str]:
    """Any three consecutive characters of `core`, found in one scan."""
    return re.compile(_alternation(list({core[i : i + 3] for i in range(len(core) - 2)})))


def _drop_title_words(text: str, core: str) -> str:
    """A clause that is only words of the source title's campaign (解难题，抓关键) goes."""
    if len(core) < 3 or not _trigrams(core).search(text):
        return text  # no three characters of the title's campaign: the usual case
    if not any(len(piece) >= 3 and piece in core for piece in _CLAUSE_SPLIT.split(text)):
        return text
    start = 0
    for i in [*_boundaries(text, _CLAUSE_END), len(text)]:
        clause = text[start:i]
        if len(clause) >= 3 and clause in core:
            return _drop_title_words(_drop(text, start, i, "clause"), core)
        start = i + 1
    return text


# -- rewriting ------------------------------------------------------------------------------


def _campaign(text: str) -> str:
    """The source's campaign, however it is named, becomes “{{ campaign }}”{{ campaign_type }}."""
    rules = _rules()
    if not rules.campaign_any.search(text):
        return text

    def slot(match: re.Match[str]) -> str:
        quoted = match.group(1) and match.group(2)
        if quoted and not match.group(3):
            return _QUOTED_CAMPAIGN  # “{{ campaign }}” on its own (围绕“…”这一主题)
        return _TYPED_CAMPAIGN

    # The slot with the type words after it first, so they are not read as a second name.
    parts = rules.campaign_slot.split(text)
    out = []
    for match, between in zip([None, *rules.campaign_slot.finditer(text)], parts[::4], strict=True):
        if match is not None:
            out.append(slot(match))
        out.append(rules.campaign_words.sub(_TYPED_CAMPAIGN, between))
    return "".join(out)


def _acting_org(text: str) -> str:
    for pattern, slot, hint in _rules().acting_org:
        if hint in text:
            text = pattern.sub("{{ " + slot + " }}", text)
    return text


def _modern(text: str) -> str:
    rules = _rules()
    return rules.modern.sub(lambda m: rules.modern_terms[m.group(0)], text)


@functools.cache
def _openers() -> re.Pattern[str]:
    words = tables.load("generalize")["quote_openers"]
    return re.compile(f"(?:{_alternation(words)})")


def _opening_for(before: str) -> int | None:
    """Where the missing “ of a lone ” goes: right after the nearest verb or 以 of its clause."""
    clause_start = max(before.rfind(ch) for ch in _CLAUSE_END + "“”\n") + 1
    clause = before[clause_start:]
    best = None
    for match in _openers().finditer(clause):
        if len(clause) - match.end() >= 2:  # at least two characters inside the quotes
            best = (len(match.group(0)) > 1, match.end())
            if best[0]:
                break  # a verb (树立, 开展 …) wins over 以/把 after it
    if best is None:
        return None
    return clause_start + best[1]


def mend_quotes(text: str) -> str:
    """Mechanical quote slips of a source, line by line.

    “…“的: a second opening quote while one is open was meant to close it. A lone ” gets its
    missing “ after the nearest verb or 以 of its clause (树立以生为本” → 树立“以生为本”); with
    none, the stray ” is removed.
    """
    if "“" not in text and "”" not in text:
        return text
    if _paired(text):
        return text
    return "\n".join(line if _paired(line) else _mend_line(line) for line in text.split("\n"))


def _paired(text: str) -> bool:
    """Every quote already paired (the usual case, found at C speed)."""
    rest = _QUOTE_PAIR.sub("", text)
    return "“" not in rest and "”" not in rest


def _mend_line(text: str) -> str:
    out: list[str] = []
    open_ = False
    for i, ch in enumerate(text):
        if ch == "“":
            if open_:
                nxt = text.find("“", i + 1)
                close = text.find("”", i + 1)
                if close < 0 or (0 <= nxt < close):
                    out.append("”")
                    open_ = False
                    continue
            open_ = True
        elif ch == "”":
            if not open_:
                done = "".join(out)
                at = _opening_for(done)
                if at is None:
                    continue  # no place for the missing “: the stray ” goes
                out = [done[:at], "“", done[at:]]
            open_ = False
        out.append(ch)
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _triggers(core: str) -> re.Pattern[str]:
    """Any word a step after mend_quotes could act on; without one the text stays (speed).

    One flat alternation of literals (hints, campaign words, org hints, modern terms, the
    title's trigrams), so the regex engine can skip ahead by their first characters.
    """
    rules = _rules()
    data = tables.load("generalize")
    words = {w for r in data["source_only"] + data["slogans"] for w in r["hint"]}
    words |= {_CAMPAIGN, *rules.campaign_literals, *(h for _p, _s, h in rules.acting_org)}
    words |= set(rules.modern_terms)
    if len(core) >= 3:
        words |= {core[i : i + 3] for i in range(len(core) - 2)}
    return re.compile(_alternation(sorted(words)))


def generalize_text(text: str, core: str = "") -> str:
    """One heading or paragraph (slots already `{{ … }}`) made general; may return ''."""
    text = mend_quotes(text)
    if not _triggers(core).search(text):  # the usual paragraph: nothing more to generalize
        return text.strip().lstrip("，；、")
    rules = _rules()
    if rules.drop_hints.search(text):  # else no drop rule is tried: the usual case
        text = _apply_drops(text, rules.source_only)
        text = _apply_drops(text, rules.slogans)
    text = _drop_title_words(text, core)
    text = _campaign(text)
    text = _acting_org(text)
    text = _modern(text)
    return text.strip().lstrip("，；、")


def generalize_items(
    items: list[tuple[int, bool, str]],
    texts: list[str],
    core: str,
    memo: dict[str, str] | None = None,
) -> tuple[list[tuple[int, bool, str]], list[str]]:
    """Generalize a skeleton's heading, paragraphs and child headings (in reading order).

    Paragraphs left empty are dropped; headings stay (with their text generalized). A
    paragraph that ends announcing a list (…如下：) loses that sentence when no paragraph
    follows it any more. `memo` caches results across the skeletons of one document.
    """
    kept_items: list[tuple[int, bool, str]] = []
    kept: list[str] = []
    for item, text in zip(items, texts, strict=True):
        level = item[0]
        if memo is None:
            new = generalize_text(text, core)
        else:  # one document's skeletons share paragraphs (a section and its sub-sections)
            new = memo.get(text)
            if new is None:
                new = memo[text] = generalize_text(text, core)
        if level < 0 and not new:
            continue
        if level >= 0 and not new:
            new = text
        kept_items.append(item)
        kept.append(new)
    for i, (item, text) in enumerate(zip(kept_items, kept, strict=True)):
        following = i + 1 < len(kept_items) and kept_items[i + 1][0] < 0
        if item[0] < 0 and text.endswith("如下：") and not following:
            kept[i] = _drop(text, len(text) - 1, len(text), "sentence")
    pairs = [(it, t) for it, t in zip(kept_items, kept, strict=True) if it[0] >= 0 or t]
    return [p[0] for p in pairs], [p[1] for p in pairs]
