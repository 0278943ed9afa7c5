"""Section roles and document kinds as the profile knows them: the role list, their Chinese
names, and data/kinds.yaml (each kind's section order, each role's heading, Chinese aliases)."""

from __future__ import annotations

import functools
from typing import Any

ROLES = (
    "preamble", "significance", "guiding_ideas", "goals", "tasks", "steps", "organization",
    "measures", "overview", "practices", "results", "experience", "problems", "next_steps",
    "closing",
)  # fmt: skip
ROLE_NAMES = {
    "preamble": "开头（导语）", "significance": "重要意义", "guiding_ideas": "指导思想",
    "goals": "工作目标", "tasks": "主要任务", "steps": "实施步骤", "organization": "组织领导",
    "measures": "保障措施", "overview": "基本情况", "practices": "主要做法", "results": "工作成效",
    "experience": "经验体会", "problems": "存在问题", "next_steps": "下一步打算",
    "closing": "结尾",
}  # fmt: skip


def aliases() -> dict[str, dict[str, str]]:
    """Chinese words accepted for `kind` and `role` (data/kinds.yaml `aliases`)."""
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = kinds_table().get("aliases", {})
    return _ALIASES


_ALIASES: dict[str, dict[str, str]] | None = None


@functools.cache
def kinds_table() -> dict[str, Any]:
    """data/kinds.yaml: each kind's usual section order and each role's default heading.

    Read once per process (a batch composes hundreds of drafts); callers must not change it."""
    from nigao.tables import table

    return table("kinds")
