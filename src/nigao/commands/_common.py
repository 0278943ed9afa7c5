"""Helpers shared by the command modules: turning library errors into Click errors."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


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
