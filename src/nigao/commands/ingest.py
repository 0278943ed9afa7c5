"""`nigao ingest`: turn sample documents into the skeleton library (templates/)."""

from __future__ import annotations

from pathlib import Path

import click

from nigao.commands._common import friendly

KIND_LABELS = {"plan": "方案", "summary": "总结", "report": "经验材料"}


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("templates"),
    show_default=True,
    help="骨架库文件夹（默认为当前文件夹下的 templates/）",
)
@click.option("--force", is_flag=True, help="覆盖骨架库里内容不同（如手工改过）的骨架")
@click.option("--dry-run", is_flag=True, help="只显示找到的提纲和填空项，不写入任何文件")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出整理结果（不写入骨架）")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def ingest(paths: tuple[Path, ...], out: Path, force: bool, dry_run: bool, as_json: bool) -> None:
    """读取范文（.txt、.md、网页 .html、.docx、.doc/.wps、.pdf，文件或文件夹），去掉网页杂质，识别提纲和章节角色，
    把每个可复用的章节写成骨架文件：templates/<角色>/<编号>.md.j2。"""
    from nigao.ingest.make_skeletons import ingest_paths

    write = not (dry_run or as_json)
    rows = ingest_paths(list(paths), out if write else None, force)
    for row in rows:
        if row.error:
            click.echo(f"错误：{row.error}", err=True)
    good = [row for row in rows if row.result is not None]
    if as_json:
        import json

        data = [
            row.result.to_json()
            if row.result is not None
            else {"source": row.document, "error": row.error}
            for row in rows
        ]
        payload = data[0] if len(rows) == 1 else data
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif dry_run:
        for row in good:
            _print_outline(row)
    elif good:
        _print_table(good, out)
    if any(row.error for row in rows):
        raise click.exceptions.Exit(2)


def _print_outline(row) -> None:  # noqa: ANN001 - a library Row
    result = row.result
    doc = result.document
    script = "繁体" if result.script == "traditional" else "简体"
    click.echo(
        f"{row.document}  【{KIND_LABELS.get(doc.kind, doc.kind)}】{doc.title}（原文{script}）"
    )
    if doc.recipients:
        click.echo(f"  主送：{doc.recipients}")
    click.echo(
        f"  开头：{len(doc.preamble)} 段；结尾：{len(doc.closing)} 段；去掉杂质 {len(result.removed)} 行"
    )
    for depth, section in doc.walk():
        form = "段首标题" if section.run_in else "独立标题"
        click.echo(
            f"  {'  ' * (depth - 1)}[{depth}] {section.heading}  "
            f"｜{form}｜{section.role or '-'}｜{len(section.paragraphs)} 段"
        )
    for skeleton in row.written:
        slots = "、".join(f"{name}（{label}）" for name, label in skeleton.slots.items()) or "无"
        click.echo(f"  骨架 {skeleton.id}：填空项 {slots}")
    for warning in result.warnings:
        click.echo(f"  注意：{warning}")


def _print_table(rows, out: Path) -> None:  # noqa: ANN001 - library Rows
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"骨架库：{out}", show_lines=False)
    for name in ("文档", "文种", "标题", "章节数", "写入骨架", "提示"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(
            row.document,
            KIND_LABELS.get(row.kind, row.kind),
            row.title,
            str(row.sections),
            str(row.skeletons),
            "；".join(row.warnings),
        )
    import sys

    Console(width=None if sys.stdout.isatty() else 160).print(table)
