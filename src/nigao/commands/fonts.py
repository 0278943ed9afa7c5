"""`nigao fonts`: which 公文 fonts are installed, and what a PDF made here would use instead."""

from __future__ import annotations

import json
import unicodedata

import click

from nigao.commands._common import friendly


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _installed(flag: bool | None) -> str:
    return {True: "已安装", False: "未安装", None: "无法检测"}[flag]


def _table(table: list[tuple[str, ...]]) -> None:
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    for i, row in enumerate(table):
        click.echo("  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if i == 0:
            click.echo("  ".join("-" * w for w in widths))


def _document_fonts(path: str, as_json: bool) -> None:
    """Which fonts one .docx names, and which of them a PDF made here substitutes."""
    from pathlib import Path

    from nigao.fonts import substitutions

    rows = substitutions(Path(path))
    if as_json:
        data = [
            {"font": r.name, "installed": r.installed, "pdf_font": r.pdf_font,
             "substituted": r.substituted}
            for r in rows
        ]  # fmt: skip
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = [("文档中的字体", "本机", "生成 PDF 时使用")]
    table += [(r.name, _installed(r.installed), r.pdf_font or "（未找到 fontconfig）") for r in rows]
    _table(table)
    swapped = [r.name for r in rows if r.substituted]
    if swapped:
        click.echo(f"\n{len(swapped)} 种字体在本机被替代：{'、'.join(swapped)}。"
                   "Word 文档中保留原名，在装有这些字体的电脑上按原字体显示和打印。")  # fmt: skip
    else:
        click.echo("\n文档用到的字体本机都已安装，PDF 不做替代。")


@click.command(name="fonts")
@click.argument("docx", required=False, type=click.Path(dir_okay=False), metavar="[Word文档]")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出（供脚本使用）")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def fonts(docx: str | None, as_json: bool) -> None:
    """查看公文字体（仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312、宋体）是否已安装，
    以及用 LibreOffice 生成 PDF 时各自的替代字体。Word 文档里始终保留公文字体名称。

    给出一个 Word 文档时，列出它用到的每种字体，并指出本机生成 PDF 时哪些被替代。"""
    if docx is not None:
        _document_fonts(docx, as_json)
        return
    from nigao.fonts import INSTALL_HINT, report

    rows = report()
    if as_json:
        data = [
            {"font": r.name, "role": r.role, "installed": r.installed, "pdf_font": r.pdf_font}
            for r in rows
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = [("公文字体", "用途", "本机", "生成 PDF 时使用")]
    table += [
        (r.name, r.role, _installed(r.installed), r.pdf_font or "（未找到 fontconfig）")
        for r in rows
    ]
    _table(table)
    if any(r.installed is None for r in rows):
        click.echo("\n本机没有 fontconfig（fc-list），无法检测字体；Word 文档不受影响。")
    elif not all(r.installed for r in rows):
        click.echo(
            "\n未安装的字体在 Word 文档中保留原名，在装有这些字体的电脑上按原字体显示和打印；"
            f"本机生成 PDF 时使用右列的开源字体。如缺少开源中文字体：{INSTALL_HINT}"
        )
