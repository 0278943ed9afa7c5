"""`nigao skeletons list|show|search`: browsing the skeleton library."""

from __future__ import annotations

import re
from typing import Any

import click

from nigao.commands._common import friendly, library_option
from nigao.kinds import KINDS


def _slots_shown(text: str) -> str:
    """Each {{ slot }} of a heading as 〔slot〕."""
    from nigao.skeletons import SLOT_IN_TEXT

    return SLOT_IN_TEXT.sub(r"〔\1〕", text)


def _console() -> Any:
    import shutil
    import sys

    from rich.console import Console

    # Piped output (or CliRunner) gets a wide fixed width so Chinese rows are not wrapped.
    width = None if sys.stdout.isatty() else max(shutil.get_terminal_size((160, 40)).columns, 160)
    return Console(width=width, highlight=False, soft_wrap=False)


def _library(libraries: tuple[str, ...]) -> Any:
    from nigao.skeletons import load_library

    return load_library(libraries)


def _origin(skeleton: Any) -> str:
    from nigao.skeletons import SHIPPED

    where = skeleton.origin if skeleton.origin == SHIPPED else f"用户：{skeleton.origin}"
    return f"{where}·nigao 框架" if skeleton.source == "nigao" else where


def _role_order() -> dict[str, int]:
    from nigao.profile import ROLES

    return {role: i for i, role in enumerate(ROLES)}


@click.group("skeletons", options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
@click.help_option("-h", "--help", help="显示帮助并退出")
def skeletons() -> None:
    """浏览、查看、搜索章节骨架（内置骨架库和自己的骨架文件夹）。"""


@skeletons.command("list", options_metavar="[选项]")
@click.option("--role", metavar="角色", help="只列出某一角色，如 guiding_ideas、tasks、measures")
@click.option(
    "--kind", type=click.Choice(KINDS), help="只列出可用于某一文种的骨架"
)
@library_option
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def list_(role: str | None, kind: str | None, libraries: tuple[str, ...]) -> None:
    """列出骨架：编号、角色、标题、来源、字数、槽位数。"""
    from rich.table import Table

    from nigao.errors import UsageError
    from nigao.profile import ROLE_NAMES, ROLES

    if role and role not in ROLES:
        raise UsageError(f"没有 “{role}” 这个角色，可选：{'、'.join(ROLES)}")
    library = _library(libraries)
    order = _role_order()
    rows = [
        s
        for s in library.all()
        if (not role or s.role == role) and (not kind or not s.kinds or kind in s.kinds)
    ]
    rows.sort(key=lambda s: (order.get(s.role, 99), not s.default, s.id))
    if not rows:
        click.echo(
            "没有符合条件的骨架。" if len(library) else "骨架库是空的（先运行 nigao ingest）。"
        )
        return
    table = Table(title=f"章节骨架（{len(rows)} 个）", title_justify="left")
    for name, justify in (
        ("编号", "left"),
        ("角色", "left"),
        ("标题", "left"),
        ("来源", "left"),
        ("字数", "right"),
        ("槽位", "right"),
    ):
        table.add_column(name, justify=justify, no_wrap=name != "标题")
    for s in rows:
        sid = s.id + (" ★" if s.default else "")
        role_text = f"{s.role}（{ROLE_NAMES.get(s.role, '?')}）"
        table.add_row(
            sid,
            role_text,
            _slots_shown(s.heading) or "—",
            _origin(s),
            str(len(s.body.strip())),
            str(len(s.used_slots)),
        )
    console = _console()
    console.print(table)
    console.print("★ 为该角色的默认骨架。查看全文：nigao skeletons show 编号", highlight=False)


def _marked(text: str) -> Any:
    """The body with every {{ slot }} shown as 〔slot〕 (highlighted on a terminal) and the
    examples block announced in words."""
    from rich.text import Text

    from nigao.skeletons import SLOT_IN_TEXT, examples_in_words

    text = examples_in_words(text)
    out = Text()
    last = 0
    for match in SLOT_IN_TEXT.finditer(text):
        out.append(text[last : match.start()])
        out.append(f"〔{match.group(1)}〕", style="bold black on yellow")
        last = match.end()
    out.append(text[last:])
    return out


@skeletons.command("show", options_metavar="[选项]")
@click.argument("skeleton_id", metavar="骨架编号")
@library_option
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def show(skeleton_id: str, libraries: tuple[str, ...]) -> None:
    """显示一个骨架的全文（槽位以〔名称〕标出）和槽位说明表。"""
    from rich.table import Table

    from nigao.profile import ROLE_NAMES
    from nigao.skeletons import profile_key, slot_label

    library = _library(libraries)
    s = library.get(skeleton_id)
    console = _console()
    heading = _slots_shown(s.heading) or "—"
    console.print(f"{s.id}  角色：{s.role}（{ROLE_NAMES.get(s.role, '?')}）  标题：{heading}")
    console.print(f"来源：{_origin(s)}  文件：{s.path}" + ("  （默认骨架）" if s.default else ""))
    if s.source:
        console.print(f"整理自：{s.source}" + (f"（{s.title}）" if s.title else ""))
    if s.id in library.overridden:
        console.print(f"覆盖了：{library.overridden[s.id].path}")
    console.print()
    if s.heading:
        console.print(_marked("## " + s.heading), soft_wrap=True)
        console.print()
    console.print(_marked(s.body.strip()), soft_wrap=True)
    slots = s.used_slots
    if not slots:
        console.print("\n（这个骨架没有槽位。）")
        return
    table = Table(title="槽位", title_justify="left")
    table.add_column("槽位")
    table.add_column("说明")
    table.add_column("填在配置文件的")
    for slot in slots:
        table.add_row(f"〔{slot}〕", slot_label(s, slot), profile_key(slot))
    console.print()
    console.print(table)


@skeletons.command("search", options_metavar="[选项]")
@click.argument("words", nargs=-1, required=True, metavar="词语…")
@library_option
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def search(words: tuple[str, ...], libraries: tuple[str, ...]) -> None:
    """按文字查找骨架（几个词同时出现才算找到），显示所在的句子。"""
    from rich.table import Table
    from rich.text import Text

    library = _library(libraries)
    order = _role_order()
    needles = [w.lower() for w in words if w.strip()]
    hits = []
    for s in library.all():
        haystack = f"{s.id}\n{s.heading}\n{s.title}\n{s.body}".lower()
        if all(n in haystack for n in needles):
            hits.append(s)
    hits.sort(key=lambda s: (order.get(s.role, 99), s.id))
    if not hits:
        click.echo(f"没有找到包含 “{' '.join(words)}” 的骨架。")
        return
    table = Table(title=f"找到 {len(hits)} 个骨架", title_justify="left")
    table.add_column("编号", no_wrap=True)
    table.add_column("角色", no_wrap=True)
    table.add_column("上下文")
    for s in hits:
        context = _context(f"{s.heading}\n{s.body}", needles[0])
        text = Text(context)
        for needle in needles:
            text.highlight_regex(re.escape(needle), style="bold black on yellow")
        table.add_row(s.id, s.role, text)
    _console().print(table)


def _context(text: str, needle: str, span: int = 30) -> str:
    flat = " ".join(line.strip() for line in text.splitlines() if line.strip())
    i = flat.lower().find(needle)
    if i < 0:
        return flat[: span * 2] + ("……" if len(flat) > span * 2 else "")
    start, end = max(0, i - span), min(len(flat), i + len(needle) + span)
    return ("……" if start else "") + flat[start:end] + ("……" if end < len(flat) else "")
