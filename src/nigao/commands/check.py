"""`nigao check`: proofread drafts (.md, .docx) and any .txt; optionally apply mechanical fixes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from nigao.commands._common import friendly, library_option_for


def _ids(value: str | None) -> list[str] | None:
    if not value:
        return None
    return [part for part in value.replace("，", ",").split(",") if part.strip()]


def _expand(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """A folder stands for the files in it nigao reads (sorted, hidden ones skipped)."""
    from nigao.readers import files_in

    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = files_in(path)
            out.extend(found)
        else:
            out.append(path)
    return tuple(out)


@click.command(
    "check",
    short_help="校对草稿或任意公文：编号、标点、日期、遗留内容、版式",
)
@click.help_option("-h", "--help", help="显示帮助并退出")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path), metavar="文件…")
@click.option(
    "--profile",
    "profile",
    type=click.Path(path_type=Path),
    help="配置文件：用其中的地区、人员、年份核对内容",
)
@click.option(
    "--region", metavar="县区名", help="本单位所在县（区），如“海州区”（不用配置文件时核对地名）"
)
@library_option_for(
    "起草时用的骨架文件夹（可重复）：查套用其中范文主题的遗留内容（须与 --profile 一起用）"
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出问题列表")
@click.option("--rules", "only", metavar="编号,…", help="只查这些规则（可写前缀，如 NUM-）")
@click.option("--ignore", metavar="编号,…", help="不查这些规则（可写前缀，如 LAYOUT-）")
@click.option("--list-rules", is_flag=True, help="列出全部规则：编号、严重程度、查什么、示例")
@click.option("--fix", is_flag=True, help="自动修正标点、序号写法、日期格式（仅 .md 和 .txt）")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="与 --fix 一起用：修正后写入的新文件"
)
@click.option("--in-place", is_flag=True, help="与 --fix 一起用：直接改写原文件")
@click.option("--force", is_flag=True, help="覆盖已存在的输出文件")
@friendly
def check(
    files: tuple[Path, ...],
    profile: Path | None,
    region: str | None,
    libraries: tuple[str, ...],
    as_json: bool,
    only: str | None,
    ignore: str | None,
    list_rules: bool,
    fix: bool,
    output: Path | None,
    in_place: bool,
    force: bool,
) -> None:
    """校对公文：草稿 .md、Word .docx/.doc、.txt、网页 .html、.pdf（给出文件夹则检查其中所有这些文件）。

    每处问题显示为“文件:行号: 规则编号 严重程度 说明 — 建议”（.docx 显示第几段），
    最后一行是汇总。有“错误”时退出码为 1，参数错误或文件无法读取时为 2。
    """
    from nigao.check import report
    from nigao.errors import NigaoError, UsageError

    if list_rules:
        click.echo(report.rules_text(as_json), nl=False)
        return
    if not files:
        raise UsageError("请给出要检查的文件（或用 --list-rules 查看规则）")
    given = files
    files = _expand(files)
    if not files:
        raise UsageError(
            f"{'、'.join(map(str, given))} 里没有可检查的文件（.md、.txt、.html、.docx、.doc、.pdf）"
        )
    if (output or in_place) and not fix:
        raise UsageError("-o 和 --in-place 要与 --fix 一起使用")
    if fix:
        if output and in_place:
            raise UsageError("--fix 时 -o 和 --in-place 只能选一个")
        if not output and not in_place:
            raise UsageError("--fix 需要 -o 新文件名，或 --in-place 直接改写原文件")
        if output and len(files) != 1:
            raise UsageError("-o 只能用于一个文件；多个文件请用 --in-place")
    rules, ignored = _ids(only), _ids(ignore)

    from nigao.check import profile_facts
    from nigao.check.registry import select

    select(rules, ignored)  # unknown rule ids are a usage error before any file is read
    facts = None
    if profile is not None or region:
        try:
            facts = profile_facts(str(profile) if profile else None, region=region)
        except NigaoError as error:
            raise UsageError(str(error)) from None
    if libraries:
        if facts is None or profile is None:
            raise UsageError("--library 要与 --profile 一起使用（配置文件说明草稿自己的主题）")
        from dataclasses import replace

        from nigao.skeletons import load_library

        try:
            facts = replace(facts, topics=load_library(libraries).topics())
        except NigaoError as error:
            raise UsageError(str(error)) from None

    results = []
    unreadable = False
    errors: list[dict[str, object]] = []  # --json: an unreadable file is an item, not []
    fixed_notes: list[str] = []
    for path in files:
        try:
            if fix:
                target = path if in_place else output
                count, findings = report.fix_file(path, target, facts, rules, ignored, force)
                fixed_notes.append(f"{path}：已自动修正 {count} 处，写入 {target}")
            else:
                findings = report.check_file(path, facts, rules, ignored)
        except NigaoError as error:  # this file only: report it and go on with the others
            click.echo(f"错误：{error}", err=True)
            errors.append(report.error_item(path, error))
            unreadable = True
            continue
        results.append((str(path), findings))

    if as_json:
        click.echo(report.as_json(results, errors))
    elif results:
        click.echo(report.as_text(results), nl=False)
    for note in fixed_notes:
        click.echo(note, err=as_json)
    if unreadable:
        sys.exit(2)
    if any(f.severity == "error" for _, findings in results for f in findings):
        sys.exit(1)
