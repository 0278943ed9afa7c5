"""Compiled regular expressions kept between runs, as Python keeps .pyc files for modules.

CPython compiles a pattern with Python code (a parser and a code generator); only matching
runs in C. A `nigao new` compiles about a hundred patterns (the checker's rules, the label
grammar, the draft reader …), 15–20 ms of a 100 ms run, and every run starts from nothing.
What the compiler produces is plain data — a list of integers and the group tables — that
depends only on the pattern text, its flags and the Python build. `install()` keeps that data
in one file in the parse-cache folder (`nigao.cache.folder()`, `regex/`) and lets `re` build
each Pattern from it with `_sre.compile`, the call `re` itself ends with.

Safe by construction: an entry is keyed by the pattern's own text and flags (never stale);
a pattern is stored only when the Pattern built from the stored data equals the one `re`
compiled itself (equality compares the compiled code); the file name carries the Python
version, so another interpreter never reads it; anything unexpected — no cache folder, a
damaged file, a Python whose `re` internals differ — leaves `re` compiling as usual.
Only the command line installs it (`nigao.cli.main`): importing nigao changes nothing.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

MAX_ENTRIES = 4000  # a file past this keeps only the patterns of the run that saves it

_table: dict[tuple[str, int], tuple[Any, ...]] = {}
_used: set[tuple[str, int]] = set()
_added = False
_path: Path | None = None


def _file() -> Path | None:
    """The table's file for this Python build, or None when the cache is off."""
    import _sre

    from nigao.cache import folder

    base = folder()
    if base is None:
        return None
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - every CPython build has _blake2
        from hashlib import blake2b
    build = f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}"
    return base / "regex" / f"{blake2b(build.encode(), digest_size=10).hexdigest()}.marshal"


def install() -> bool:
    """Serve `re`'s compiles from the stored table from now on (this process). True if it did."""
    global _path
    if _path is not None:
        return True
    try:
        import _sre
        import re._compiler as compiler
        import re._parser as parser

        _sre.compile  # noqa: B018 - the hook needs these three; older layouts fall back
        compiler._code  # noqa: B018
        parser.parse  # noqa: B018
    except (ImportError, AttributeError):
        return False
    path = _file()
    if path is None:
        return False
    try:
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, dict):
            _table.update(loaded)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    _path = path
    original = compiler.compile

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, str):
            return original(p, flags)
        key = (p, int(flags))
        entry = _table.get(key)
        if entry is not None:
            try:
                pattern = _sre.compile(p, *entry)
                _used.add(key)
                return pattern
            except Exception:  # a damaged entry: compile it again below
                _table.pop(key, None)
        pattern = original(p, flags)
        _remember(key, pattern, _sre, compiler, parser)
        return pattern

    compiler.compile = compile_cached
    import atexit

    atexit.register(save)
    return True


def _remember(key: tuple[str, int], pattern: Any, sre: Any, compiler: Any, parser: Any) -> None:
    """Store what `pattern` was compiled from, if rebuilding from it gives the same Pattern."""
    global _added
    import warnings

    text, flags = key
    try:
        with warnings.catch_warnings():  # `re` already warned about this pattern, if at all
            warnings.simplefilter("ignore")
            tree = parser.parse(text, flags)
        code = [int(c) for c in compiler._code(tree, flags)]
        groups = tree.state.groups
        index = dict(tree.state.groupdict)
        names: list[str | None] = [None] * groups
        for name, i in index.items():
            names[i] = name
        entry = (int(flags | tree.state.flags), code, groups - 1, index, tuple(names))
        if sre.compile(text, *entry) != pattern:
            return
    except Exception:  # anything unexpected: this pattern is simply not stored
        return
    _table[key] = entry
    _used.add(key)
    _added = True


def save() -> None:
    """Write the table if this run compiled something new (temp file + rename)."""
    global _added
    if not _added or _path is None:
        return
    table = _table
    if len(table) > MAX_ENTRIES:
        table = {k: v for k, v in _table.items() if k in _used}
    temp = _path.with_name(f"{_path.name}.{os.getpid()}.tmp")
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(marshal.dumps(table))
        os.replace(temp, _path)
        _added = False
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temp.unlink()
