"""A regular expression compiled on first use.

Compiling costs import time that a command which never uses the pattern should not pay
(`nigao --help` stays light). After the first use the compiled pattern's methods are stored
on the instance, so a pattern in a hot loop costs no more than a compiled one.
"""

from __future__ import annotations

import re


class LazyPattern:
    """`re.compile(pattern, flags)` on first use of any `re.Pattern` attribute."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):  # match, search, sub, finditer, … of the compiled pattern
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        compiled = self._compiled
        for method in ("match", "fullmatch", "search", "sub", "subn", "finditer", "findall", "split"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
