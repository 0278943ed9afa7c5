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
    said = Counter((m.group(1) != "全", m.group(2)) for t in texts for m in _OWN.finditer(t))
    if not said:
        return ""
    return max(said, key=lambda key: (said[key] if key[0] else 0, said[key], key[1]))[1]


@functools.cache
def _scope_rules(place: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = tables.load("generalize")["scope_words"]
    return tuple(
        (
            re.compile(r["pattern"].replace("{地}", re.escape(place))),
            r["text"] if "text" in r else "{{ " + r["slot"] + " }}",
        )
        for r in rules
        if place or "{地}" not in r["pattern"]
    )


@functools.cache
def _campaign_ref() -> re.Pattern[str]:
    data = tables.load("generalize")["campaign_refs"]
    before = "|".join(f"(?<={re.escape(w)})" for w in sorted(data["after"], key=len, reverse=True))
    edge = "(?<![^，。；：！？、“（\\n])"  # the start of a clause (or of the text)
    stop = "|".join(re.escape(w) for w in data["not_before"])
    return re.compile(f"(?:{edge}|{before}){re.escape(data['word'])}(?!{stop})")


_SLOT = re.compile(r"\{\{.*?\}\}")
# The unit's short name starting a clause, acting (not 县教育局机关, 县教育局“…”活动, 县教育局的).
_ACTING = re.compile(r"(?<![^，。；：！？\n])\{\{ org\.short \}\}(?![机“的])")


def own_words(text: str, place: str) -> str:
    """`text` with the source's unit words and its generic 活动 as slots. A slot's own text is
    never touched and is a word, not a clause start: {{ guidance.普法规划 }}活动 stays."""
    text = _ACTING.sub("{{ scope.self }}", text)
    slots = _SLOT.findall(text)
    if slots:
        text = _SLOT.sub("\x00", text)
    for pattern, slot in _scope_rules(place):
        text = pattern.sub(slot, text)
    if tables.load("generalize")["campaign_refs"]["word"] in text:
        text = _campaign_ref().sub("{{ campaign_noun }}", text)
    if slots:
        rest = iter(slots)
        text = re.sub("\x00", lambda _m: next(rest), text)
    return text
