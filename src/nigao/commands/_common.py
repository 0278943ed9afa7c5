"""Helpers shared by the command modules: turning library errors into Click errors."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

def library_option_for(help: str) -> Callable[[F], F]:
    """`--library DIR` (repeatable), with what it means to this command."""
    return click.option(
        "--library", "libraries", multiple=True, type=click.Path(file_okay=False),
        metavar="文件夹", help=help,
    )  # fmt: skip


# `--library DIR` for every command that drafts from skeletons.
library_option = library_option_for(
    "另外的骨架文件夹（可重复；同编号的骨架以它为准）。也可用环境变量 NIGAO_LIBRARY"
)


def friendly(func: F) -> F:
    """Run a command body so a NigaoError prints one Chinese line (also under CliRunner)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from nigao.errors import NigaoError

        try:
            return func(*args, **kwargs)
        except NigaoError as error:
            click.echo(f"错误：{error}", err=True)
            raise click.exceptions.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]
