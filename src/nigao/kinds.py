"""Document kinds (文种) and section roles: the one list the profile, ingest, check, the CLI
choices and the web form derive from.

The names live here (a light module: no YAML is read on import, so `nigao --help` and the
Click choices pay nothing); each kind's and role's data is keyed by them in the tables:
data/kinds.yaml (section order, default headings, Chinese aliases; `kinds_table`) and
data/roles.yaml (ingest's heading keywords and kind words). tests/test_kinds.py holds the
tables to these lists.
"""

from __future__ import annotations

import functools
from typing import Any

from nigao.lazyre import LazyPattern

KIND_NAMES = {"plan": "方案", "summary": "总结", "report": "经验材料"}
KINDS = tuple(KIND_NAMES)

ROLE_NAMES = {
    "preamble": "开头（导语）", "significance": "重要意义", "guiding_ideas": "指导思想",
    "goals": "工作目标", "tasks": "主要任务", "steps": "实施步骤", "organization": "组织领导",
    "measures": "保障措施", "overview": "基本情况", "practices": "主要做法", "results": "工作成效",
    "experience": "经验体会", "problems": "存在问题", "next_steps": "下一步打算",
    "closing": "结尾",
}  # fmt: skip
ROLES = tuple(ROLE_NAMES)


@functools.cache
def kinds_table() -> dict[str, Any]:
    """data/kinds.yaml: each kind's usual section order and each role's default heading.

    Read once per process (a batch composes hundreds of drafts); callers must not change it."""
    from nigao.tables import table

    return table("kinds")


@functools.cache
def aliases() -> dict[str, dict[str, str]]:
    """Chinese words accepted for `kind` and `role` (data/kinds.yaml `aliases`)."""
    return kinds_table().get("aliases", {})


# ---------------------------------------------------------------- a title's 文种 and issuer

# The 文种 words a title ends in (…读书活动实施方案, …工作总结): cut to find its topic.
TITLE_KIND_WORDS = ("总结", "实施方案", "工作方案", "活动方案", "方案", "计划", "意见", "经验材料", "材料")
_KIND_WORDS = "|".join(TITLE_KIND_WORDS)
# One 文种 at the end of a title (…工作方案).
TITLE_KIND = LazyPattern(rf"(?:工作)?(?:{_KIND_WORDS})$")
# A sample site's title may stack them and add its own word (…工作计划总结范文).
SAMPLE_TITLE_KIND = LazyPattern(rf"(?:工作)?(?:{_KIND_WORDS}|范文)+$")
# The issuing bureau in front of a title (县教育局：…, 中共区教育体育局党委…) or its 关于.
TITLE_ISSUER = LazyPattern(r"^(?:中共)?(?:[县区市])?教育(?:体育)?局(?:党委|党组)?[：:]?|^关于")


def title_topic(title: str, sample: bool = False) -> str:
    """A title without its issuer and 文种: 教育局转作风解难题抓关键活动方案 → 转作风解难题抓关键
    (`sample`: the stacked suffixes of a sample site too)."""
    suffix = SAMPLE_TITLE_KIND if sample else TITLE_KIND
    return suffix.sub("", TITLE_ISSUER.sub("", title)).strip()
