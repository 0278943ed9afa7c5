"""The rule registry: each rule's function (code) joined with its row in check_rules.yaml."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from nigao.errors import UsageError

if TYPE_CHECKING:
    from nigao.check.context import Context
    from nigao.check.findings import Finding

RuleFunc = Callable[["Context"], Iterable["Finding"]]

_FUNCS: dict[str, RuleFunc] = {}

# Rule modules, imported on first use of the registry.
_MODULES = ("structure", "punctuation", "dates", "leftovers", "content", "frame", "layout")


def rule(*ids: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a function as the check for one or more rule ids (it reports under them)."""

    def register(func: RuleFunc) -> RuleFunc:
        for rule_id in ids:
            _FUNCS[rule_id] = func
        return func

    return register


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    group: str
    title: str
    bad: str
    good: str
    fixable: bool


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id, in the table's order."""
    import importlib

    from nigao.check.tables import rule_table

    for name in _MODULES:
        importlib.import_module(f"nigao.check.rules.{name}")
    out: dict[str, Rule] = {}
    for row in rule_table():
        out[row["id"]] = Rule(
            id=row["id"],
            severity=row["severity"],
            group=row["group"],
            title=row["title"],
            bad=str(row.get("bad", "")),
            good=str(row.get("good", "")),
            fixable=bool(row.get("fix", False)),
        )
    return out


def functions() -> dict[str, RuleFunc]:
    rules()
    return _FUNCS


def select(only: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> set[str]:
    """Rule ids to run; an id may be a prefix ending in '-' or '*' (NUM-, LEFT-*)."""
    known = rules()

    def expand(items: Iterable[str]) -> set[str]:
        chosen: set[str] = set()
        for raw in items:
            item = raw.strip().upper()
            if not item:
                continue
            if item.endswith(("*", "-")):
                prefix = item.rstrip("*")
                matched = {r for r in known if r.startswith(prefix)}
            else:
                matched = {item} & set(known)
            if not matched:
                raise UsageError(f"没有这条规则：{raw}（nigao check --list-rules 查看全部规则）")
            chosen |= matched
        return chosen

    chosen = expand(only) if only else set(known)
    if ignore:
        chosen -= expand(ignore)
    return chosen
