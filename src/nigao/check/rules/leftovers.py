"""Leftovers of reuse: placeholders, empty leader entries, editing notes, web-page clutter,
Traditional script."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from nigao import webclutter
from nigao.check.context import TEXT_KINDS, Context
from nigao.check.findings import Finding
from nigao.check.registry import rule
from nigao.check.tables import patterns
from nigao.check.text import HAN, first_matches, is_han

_CHECKED = TEXT_KINDS | {"signature", "date", "doc_number", "printer", "print_date"}


@rule("LEFT-PLACEHOLDER")
def placeholders(ctx: Context) -> Iterator[Finding]:
    table = patterns()["placeholders_re"]
    for unit in ctx.units:
        if unit.kind not in _CHECKED or not unit.text:
            continue
        for (_regex, message), match in first_matches(unit.text, table):
            yield ctx.report(
                unit,
                "LEFT-PLACEHOLDER",
                f"{message}：“{_around(unit.text, *match.span())}”",
                "填写实际内容，或删去",
            )


def _around(text: str, start: int, end: int, width: int = 4) -> str:
    """The match with a little context, so “#小学” is recognisable in the message."""
    return text[max(0, start - width) : start] + text[start:end] + text[end : end + width]


@cache
def _leader_re() -> tuple[re.Pattern[str], frozenset[str]]:
    table = patterns()
    roles = sorted(table["leader_roles"], key=len, reverse=True)
    alternatives = "|".join(roles)
    regex = re.compile(
        rf"(?P<role>{alternatives})[：:](?P<value>.*?)"
        rf"(?=$|[。；;]|(?:{alternatives}|{HAN}{{2,4}}(?:股室|单位|部门|科室))[：:])"
    )
    return regex, frozenset(table["posts"])


_LEADER_SPLIT = re.compile(r"[、，,；;\s]+")


@rule("LEFT-EMPTY-LEADER")
def empty_leaders(ctx: Context) -> Iterator[Finding]:
    regex, posts = _leader_re()
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS or "：" not in unit.text and ":" not in unit.text:
            continue
        for match in _iter_roles(regex, unit.text):
            role = match.group("role")
            value = match.group("value").strip(" \u3000，,、。；;")
            if not value:
                problem = f"“{role}：”后面没有填写姓名"
            elif value[0] in "及和与等、":
                problem = f"“{role}：{_clip(value)}”缺少姓名"
            else:
                pieces = [p for p in _LEADER_SPLIT.split(value) if p]
                if not pieces or not all(_is_post(p, posts) for p in pieces):
                    continue
                problem = f"“{role}：{_clip(value)}”只写了职务，没有姓名"
            yield ctx.report(unit, "LEFT-EMPTY-LEADER", problem, "填写人员姓名（和职务）")


def _iter_roles(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    position = 0
    while True:
        match = regex.search(text, position)
        if not match:
            return
        start = match.start("role")
        before = text[start - 1] if start else ""
        if not is_han(before) or text[start - 2 : start] == "小组":
            yield match
        position = match.end("role")


def _is_post(piece: str, posts: frozenset[str]) -> bool:
    return any(piece.endswith(post) and len(piece) - len(post) <= 4 for post in posts)


def _clip(text: str, n: int = 14) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


@rule("LEFT-NOTE")
def notes(ctx: Context) -> Iterator[Finding]:
    regex = patterns()["notes_re"]
    for unit in ctx.units:
        if unit.kind not in _CHECKED and unit.kind != "clutter":
            continue
        for match in regex.finditer(unit.text):
            yield ctx.report(
                unit,
                "LEFT-NOTE",
                f"残留的编辑说明“{match.group()}”",
                "删去说明文字（盖章在打印后进行）",
            )


@rule("LEFT-CLUTTER")
def clutter(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units:
        if unit.kind == "clutter" or (unit.kind in TEXT_KINDS and webclutter.search(unit.text)):
            yield ctx.report(
                unit,
                "LEFT-CLUTTER",
                f"网页杂项：“{_clip(unit.text, 24)}”",
                "删去这一行（不是公文内容）",
            )


@rule("SCRIPT-TRADITIONAL")
def traditional(ctx: Context) -> Iterator[Finding]:
    if ctx.script == "traditional":
        first = next((u for u in ctx.units if u.kind != "clutter"), None)
        yield ctx.report(
            first,
            "SCRIPT-TRADITIONAL",
            "全文使用繁体字",
            "转换为简体字（如用 nigao ingest 整理，会自动转换）",
        )
