"""The `nigao` command: a thin Click shell over plain library functions.

Subcommands are imported only when invoked (LazyGroup), so `nigao --help`
and each command pay only for the modules they use. Each command lives in
`nigao/commands/<name>.py` as a small Click function calling the library.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from nigao import clickzh

clickzh.install()

# name → "module:attribute"; help text shown by `nigao --help` without importing the module.
COMMANDS: dict[str, tuple[str, str]] = {
    "ingest": ("nigao.commands.ingest:ingest", "把范文整理成可复用的章节骨架库"),
    "init": ("nigao.commands.draft:init", "生成带中文注释的配置文件（profile）模板"),
    "schema": ("nigao.commands.draft:schema", "输出配置文件的 JSON Schema，供编辑器补全和检查"),
    "skeletons": ("nigao.commands.skeletons:skeletons", "浏览、查看、搜索章节骨架"),
    "new": ("nigao.commands.draft:new", "按配置文件拟稿：生成草稿 .md 和 Word 文档"),
    "export": ("nigao.commands.draft:export", "把修改后的草稿 .md 导出为 Word（和 PDF）"),
    "check": ("nigao.commands.check:check", "校对草稿或任意公文：编号、标点、日期、遗留内容、版式"),
    "fonts": ("nigao.commands.fonts:fonts", "查看公文字体是否已安装，以及生成 PDF 时的替代字体"),
    "batch": ("nigao.commands.batch:batch", "按单位清单批量拟稿（每所学校一份）"),
    "serve": ("nigao.commands.serve:serve", "在本机打开拟稿网页（填表、选骨架、预览、下载）"),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._available(name)]

    def _available(self, name: str) -> bool:
        module = COMMANDS[name][0].split(":")[0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not self._available(name):
            return None
        target, _help = COMMANDS[name]
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        if command.options_metavar == "[OPTIONS]":  # Click's default, in English
            command.options_metavar = "[选项]"
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)


CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


@click.group(
    cls=LazyGroup,
    context_settings=CONTEXT_SETTINGS,
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数]...",
)
@click.version_option(package_name="nigao", message="nigao %(version)s", help="显示版本并退出")
def cli() -> None:
    """拟稿（nigao）：用范文骨架和配置文件起草教育局的方案、总结和经验材料，
    并按 GB/T 9704-2012 排版输出 Word 文档。"""


def main() -> None:
    """Entry point: run the CLI, turning any NigaoError into one line in Chinese."""
    from nigao.errors import NigaoError

    try:
        code = cli.main(standalone_mode=False, prog_name="nigao")
        # Click returns (not raises) an Exit's code when standalone_mode is off.
        if isinstance(code, int) and code:
            sys.exit(code)
    except NigaoError as error:
        click.echo(f"错误：{error}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        click.echo("已取消。", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except KeyboardInterrupt:
        click.echo("已中断。", err=True)
        sys.exit(130)
    except OSError as error:  # a file that vanished or changed while being read, a full disk …
        from nigao.errors import os_reason, shown

        where = f"{shown(error.filename)}: " if error.filename else ""
        click.echo(f"错误：{where}{os_reason(error)}", err=True)
        sys.exit(2)
    except MemoryError:
        click.echo("错误：内存不足，已停止（输入是否过大？）", err=True)
        sys.exit(2)
