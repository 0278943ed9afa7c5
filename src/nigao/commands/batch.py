"""`nigao batch`: draft one profile for every unit of a units file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from nigao.commands._common import friendly, library_option

if TYPE_CHECKING:
    from nigao.batch import BatchReport


@click.command("batch")
@click.argument("profile_path", type=click.Path(dir_okay=False), metavar="配置文件")
@click.option(
    "--units",
    "units_path",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="单位清单",
    help="单位清单（.csv 或 .yaml）：每行一个单位，列名是配置项的中文名称（单位名称、简称、组长……）或写法（org.name、facts.学校数量）",
)
@click.option(
    "-o",
    "--output",
    metavar="文件夹",
    help="输出文件夹（默认 drafts/配置文件名/）",
)
@click.option(
    "--name-by",
    default="org.name",
    show_default=True,
    metavar="配置项",
    help="用哪一项作文件名，如 org.short",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 256), metavar="N", help="并行进程数（默认：本机核数）"
)
@click.option(
    "--number-start",
    type=click.IntRange(1, None),
    default=1,
    show_default=True,
    metavar="N",
    help="配置文件的发文字号写成 岚教发〔2027〕{序号}号 时，第一行的序号（也可在单位清单加“序号”列）",
)
@click.option("--force", is_flag=True, help="重新生成已存在的文件（默认跳过已完成的单位）")
@library_option
@click.option("--no-check", "no_check", is_flag=True, help="生成后不做自动校对")
@click.help_option("-h", "--help", help="显示帮助并退出")
@friendly
def batch(
    profile_path: str,
    units_path: str,
    output: str | None,
    name_by: str,
    jobs: int | None,
    number_start: int,
    force: bool,
    libraries: tuple[str, ...],
    no_check: bool,
) -> None:
    """按单位清单批量拟稿：每所学校（单位）一份 .md 和 .docx。

    某一行出错不影响其他行；中断后重新运行会跳过已完成的单位。"""
    from nigao.batch import run_batch
    from nigao.fsutil import safe_name
    from nigao.units import read_units

    out_dir = Path(output) if output else Path("drafts") / safe_name(Path(profile_path).stem)
    interactive = sys.stderr.isatty()
    progress = None
    task = None
    if interactive:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        total = len(read_units(Path(units_path)))
        progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        )
        progress.start()
        task = progress.add_task("拟稿中", total=total)

    def advance(_result: object) -> None:
        if progress is not None and task is not None:
            progress.advance(task)

    try:
        report = run_batch(
            Path(profile_path),
            Path(units_path),
            out_dir,
            name_by=name_by,
            jobs=jobs,
            force=force,
            libraries=libraries,
            on_result=advance,
            check=not no_check,
            number_start=number_start,
        )
    finally:
        if progress is not None:
            progress.stop()

    for note in report.notes:
        click.echo(f"提示：{note}")
    for row in report.rows:
        if row.message:  # a failure, or characters a file cannot hold that were removed
            click.echo(_row_line(units_path, row.line, row.name, row.message), err=True)
    for row in report.rows:
        for finding in row.findings:  # like `nigao new`: lines of the row's .md
            click.echo(f"  校对：{finding}")
    _summary(report, out_dir)
    if report.failed:
        raise click.exceptions.Exit(1)


def _row_line(units_path: str, line: int, name: str, message: str) -> str:
    """One line per row problem, its place named once: a message that already points into
    the units file (units.csv:3:2: date：…) keeps that place, others get the row's."""
    import re

    match = re.match(r"(.+?:\d+(?::\d+)?): (.*)", message)
    if match and match.group(1).startswith(f"{units_path}:"):
        return f"{match.group(1)}: {name}：{match.group(2)}"
    return f"{units_path}:{line}: {name}：{message}"


def _summary(report: BatchReport, out_dir: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"批量拟稿结果（{out_dir}）")
    table.add_column("已生成", justify="right")
    table.add_column("其中含【待填】", justify="right")
    table.add_column("已存在、跳过", justify="right")
    table.add_column("失败", justify="right")
    table.add_row(
        str(report.count("written")),
        str(report.with_markers),
        str(report.count("skipped")),
        str(len(report.failed)),
    )
    Console(soft_wrap=True).print(table)
