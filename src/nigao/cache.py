"""A content-keyed cache of parsed YAML and derived tables in the user's cache folder.

Reading YAML safely is the slowest part of a short run (`nigao new` reads some forty skeleton
front matters and the data tables, and importing PyYAML alone costs more than drafting). The
result of a parse depends only on the text and on nigao's own code, so it is stored under a
hash of both and reused by later runs. Nothing else changes: output stays byte-identical and
errors are never cached (a text that fails is parsed, and fails, every time).

Where: `$NIGAO_CACHE` if set (an empty value or `off` turns the cache off), else
`$XDG_CACHE_HOME/nigao`, else `~/.cache/nigao`. A folder that cannot be created or written
is skipped silently: the cache is only ever a shortcut. Safe to delete at any time.

Values are stored with `marshal` (plain dicts, lists, strings, numbers, booleans, None):
anything else (a date in YAML) is simply not cached.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

_MISS = object()


def folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    env = os.environ.get("NIGAO_CACHE")
    if env is not None:
        if env.strip() in ("", "0", "off", "no", "false"):
            return None
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "nigao"


@cache
def _salt() -> bytes:
    """Changes whenever nigao's code or Python's marshal format may change what is stored."""
    here = Path(__file__).parent
    parts = [sys.version, str(marshal.version)]
    parts += [_stamp(str(here / name)) for name in ("cache.py", "yamlsafe.py", "__init__.py")]
    return "|".join(parts).encode()


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return path + "\0"
    return f"{path}:{st.st_mtime_ns}:{st.st_size}\0"


def _digest(kind: str, key: str) -> str:
    try:
        from _blake2 import blake2b  # hashlib would also load OpenSSL: 10 ms for one hash
    except ImportError:  # pragma: no cover - every CPython build has _blake2
        from hashlib import blake2b
    h = blake2b(_salt(), digest_size=20)
    h.update(kind.encode())
    h.update(b"\0")
    h.update(key.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _get(kind: str, digest: str) -> Any:
    base = folder()
    if base is None:
        return _MISS
    try:
        data = (base / kind / digest[:2] / digest).read_bytes()
        return marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return _MISS


def _put(kind: str, digest: str, value: Any) -> None:
    base = folder()
    if base is None:
        return
    try:
        data = marshal.dumps(value)
    except ValueError:  # not a plain value (a date): not cached
        return
    target = base / kind / digest[:2] / digest
    temp = target.with_name(f"{digest}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, target)  # readers see the whole entry or none
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()


def memo(
    kind: str, key: str, build: Callable[[], T], code: str | tuple[str, ...] | None = None
) -> T:
    """`build()`, or what it returned for the same `kind` and `key` text in an earlier run.

    `key` must hold everything the value depends on besides nigao's code (the text read);
    `code` is the file (or files) of the modules whose code builds it (a change empties the entry).
    `build` raising is not cached. The value must be marshal-able to be stored.
    """
    if folder() is None:
        return build()
    files = (code,) if isinstance(code, str) else code or ()
    digest = _digest(kind, "".join(map(_stamp, files)) + key)
    value = _get(kind, digest)
    if value is _MISS:
        value = build()
        _put(kind, digest, value)
    return value  # type: ignore[return-value]
