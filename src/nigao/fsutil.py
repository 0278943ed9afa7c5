"""File-system safety: nothing is overwritten without --force, nothing is half-written.

Every output goes to a temporary name in the target folder and is renamed into
place only when complete, so an interrupted or failed run leaves no partial file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from nigao.errors import NigaoError, os_reason

_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


def safe_name(name: str, fallback: str = "未命名") -> str:
    """A file-name stem safe on Windows, macOS and Linux, keeping Chinese text."""
    text = unicodedata.normalize("NFC", str(name))
    text = _UNSAFE.sub("_", text).strip().strip(".")
    text = re.sub(r"_+", "_", text)
    if not text or set(text) <= {"_", "."}:
        text = fallback
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = "_" + text
    return text[:120]


def check_writable(paths: Iterable[Path], force: bool) -> None:
    """Refuse, before anything is written, if any output exists and --force was not given."""
    existing = [str(p) for p in paths if Path(p).exists()]
    if existing and not force:
        raise NigaoError(
            "文件已存在，未覆盖：" + "、".join(existing) + "（如需覆盖，请加 --force）"
        )


def _umask() -> int:
    """The process umask (mkstemp makes 0600 files; outputs should read like any other file)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(
            prefix=".~" + path.name[:40] + ".", suffix=".part", dir=path.parent
        )
    except OSError as error:
        raise NigaoError(
            f"无法写入文件夹：{os_reason(error)}", path=str(path.parent)
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise NigaoError(f"写入失败：{os_reason(error)}", path=str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
