"""User-facing errors: one clear line in Chinese, never a traceback.

Every module raises `NigaoError` (or a subclass) for anything a user did or
gave; the CLI prints `str(error)` on one line and exits with `exit_code`.
"""

from __future__ import annotations


class NigaoError(Exception):
    """An error a user can act on. The message is complete Simplified Chinese."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        prefix = ""
        if path is not None:
            prefix = f"{path}"
            if line is not None:
                prefix += f":{line}"
            prefix += ": "
        super().__init__(prefix + message)


class UsageError(NigaoError):
    """Bad arguments or an unreadable input: exit code 2 (as `nigao check` promises)."""

    exit_code = 2


class ReadError(NigaoError):
    """A file that cannot be read or decoded."""

    exit_code = 2
