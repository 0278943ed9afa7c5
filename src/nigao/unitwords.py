"""The words a draft uses for its own unit and campaign, derived from the profile.

A skeleton is written at one unit level (a county bureau: 全县教育系统, 我县, 局机关各股室) about
one campaign (本次活动). A school's own plan, or a 区 bureau's, or a 行动 rather than an 活动,
needs other words. Ingest turns the source's words into `scope.*` and `campaign_noun` slots
(data/generalize.yaml `scope_words`, `campaign_refs`); this module fills them from the profile
by the tables in data/unit_words.yaml, so no skeleton and no compose branch knows a level.
"""

from __future__ import annotations

import functools
import re
from typing import Any


@functools.cache
def _table() -> dict[str, Any]:
    from nigao.tables import table

    return table("unit_words")


@functools.cache
def _region_re() -> re.Pattern[str]:
    return re.compile(_table()["region_pattern"])


def region_of(org: dict[str, Any]) -> str | None:
    """org.region, else the county (区, 市, 旗) the unit's full name starts with: 梅岭县教育局 →
    梅岭县, 济南市历下区教育局 → 历下区; None when the name starts with no place."""
    given = org.get("region")
    if given:
        return str(given)
    match = _region_re().match(str(org.get("name") or ""))
    return match.group(1) if match else None


def level_of(org: dict[str, Any]) -> dict[str, str]:
    """The level entry of data/unit_words.yaml that the unit's full name ends with (a school,
    a kindergarten …), else the bureau level."""
    name = str(org.get("name") or "").rstrip()
    for level in _table()["levels"]:
        if any(name.endswith(e) for e in level.get("endings", ())):
            return level["words"]
    return _table()["bureau"]


def scope_words(org: dict[str, Any]) -> dict[str, str]:
    """scope.all / scope.our / scope.system … for this unit: 全县 / 我县 / 全县教育系统 for a county
    bureau (全区 … for a 区), 全校 / 我校 / 全校 for a school; scope.self is the unit acting
    (县教育局 by its short name, a school as 学校)."""
    region = region_of(org) or ""
    place = next((s for s in _table()["place_suffixes"] if region.endswith(s)), "县")
    short = str(org.get("short") or org.get("name") or "")
    return {
        key: value.replace("{地}", place).replace("{简称}", short)
        for key, value in level_of(org).items()
    }


def campaign_noun(campaign: str | None, type_word: str) -> str:
    """How the draft refers back to its campaign (推进{noun}扎实开展, 制定{noun}计划): the type word
    when it is a noun on its own (行动, 工程, 专项整治), 活动 for 宣传月/读书周 and the like, 工作
    when the profile names no campaign."""
    name = str(campaign or "")
    if not name:
        return _table()["no_campaign_noun"]
    table = _table()
    word = type_word or next(
        (w for w in sorted(table["campaign_nouns"], key=len, reverse=True) if name.endswith(w)),
        "",
    )
    return table["campaign_nouns"].get(word, table["default_campaign_noun"])
