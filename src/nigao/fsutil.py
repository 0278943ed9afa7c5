"""File-system safety: nothing is overwritten without --force, nothing is half-written.

Every output goes to a temporary name in the target folder and is renamed into
place only when complete, so an interrupted or failed run leaves no partial file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from nigao.errors import NigaoError, os_reason, shown

TEMP_PREFIX = ".~"  # every temporary output starts with it (a re-run can find its own)

_WINDOWS_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


# File systems limit a name to 255 bytes (ext4, NTFS counts UTF-16 units; 255 bytes is the
# stricter for Chinese). A stem keeps room for ".docx", a "-2" for a duplicate and the suffix.
MAX_STEM_BYTES = 200


def safe_name(name: str, fallback: str = "未命名") -> str:
    """A file-name stem safe on Windows, macOS and Linux, keeping Chinese text.

    A name too long for the file system is cut at a character boundary and gets a stable
    suffix from the whole name (`…-1a2b3c4d`), so two long names that differ only at the end
    stay two files, and the same name always gives the same stem.
    """
    text = unicodedata.normalize("NFC", str(name))
    text = _UNSAFE.sub("_", text).strip().strip(".")
    text = re.sub(r"_+", "_", text)
    if not text or set(text) <= {"_", "."}:
        text = fallback
    if text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = "_" + text
    if len(text.encode("utf-8")) <= MAX_STEM_BYTES:
        return text
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    cut = text.encode("utf-8")[: MAX_STEM_BYTES - 9].decode("utf-8", "ignore").rstrip(" ._")
    return f"{cut}-{digest}"


def fold_name(name: str) -> str:
    """Names that one disk may treat as one file (case, Unicode normalisation) share a key."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", name).casefold())


def check_writable(paths: Iterable[Path], force: bool) -> None:
    """Refuse, before anything is written, if any output exists and --force was not given."""
    existing = [shown(p) for p in paths if Path(p).exists()]
    if existing and not force:
        raise NigaoError(
            "文件已存在，未覆盖：" + "、".join(existing) + "（如需覆盖，请加 --force）"
        )


def _temp_file(path: Path) -> tuple[int, str]:
    """A new file of our own beside `path` (`temp_prefix` + random + `.part`), made as
    mkstemp makes one but with the umask's usual permissions: an output reads like any other
    file. (tempfile itself would import shutil, random, bz2 and lzma: 3 ms of every run.)"""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    prefix = os.path.join(path.parent, temp_prefix(path.name))
    for _ in range(100):
        name = f"{prefix}{os.urandom(5).hex()}.part"
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "没有可用的临时文件名", prefix)


def temp_prefix(name: str, pid: int | None = None) -> str:
    """The start of a temporary file's name for output `name`, written by process `pid`."""
    return f"{TEMP_PREFIX}{name[:40]}.{os.getpid() if pid is None else pid}."


def remove_stale_temps(folder: Path, names: Iterable[str]) -> list[Path]:
    """Remove the temporary files of outputs `names` left by runs that were killed.

    A temporary name carries its writer's process id; one whose writer is still running
    (another run writing now) is left alone.
    """
    wanted = {TEMP_PREFIX + name[:40] + "." for name in names}
    removed: list[Path] = []
    try:
        entries = [p for p in Path(folder).iterdir() if p.name.startswith(TEMP_PREFIX)]
    except OSError:
        return removed
    for path in entries:
        head, _, rest = path.name.rpartition(".part")[0].rpartition(".")[0].rpartition(".")
        if not path.name.endswith(".part") or head + "." not in wanted:
            continue
        pid = rest
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but not ours to signal
    return True


def _exists_error(path: Path) -> NigaoError:
    return NigaoError(
        f"文件已存在，未覆盖：{shown(path)}（可能同时有另一次运行写了它；如需覆盖，请加 --force）"
    )


def atomic_write(path: Path, data: bytes | str, *, replace: bool = True) -> None:
    """Write to a temporary file beside `path`, then move it into place in one step.

    With `replace=False` the move refuses to replace a file that appeared meanwhile (a hard
    link, which fails if the name exists; where the file system has no hard links, an
    exclusive create): of two runs writing one name at once, exactly one wins.
    """
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temp_file(path)
    except OSError as error:
        raise NigaoError(f"无法写入文件夹：{os_reason(error)}", path=str(path.parent)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if replace:
            os.replace(tmp, path)
        else:
            _place_new(tmp, path, data)
    except FileExistsError:
        raise _exists_error(path) from None
    except OSError as error:
        raise NigaoError(f"写入失败：{os_reason(error)}", path=str(path)) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _place_new(tmp: str, path: Path, data: bytes) -> None:
    """Give `tmp`'s content the name `path` only if no file has that name (FileExistsError)."""
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in (
            errno.EPERM,
            errno.ENOTSUP,
            errno.EOPNOTSUPP,
            errno.EMLINK,
            errno.ENOSYS,
        ):
            raise
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def write_all(files: list[tuple[Path, str | bytes]], *, replace: bool) -> None:
    """Write several outputs, each atomically; if a later one fails, remove those this run made.

    Files are written in the given order, so two runs racing for the same outputs collide on
    the first one and the loser writes nothing.
    """
    created: list[Path] = []
    for path, _data in files:  # what a killed earlier run left for these names
        remove_stale_temps(Path(path).parent, [Path(path).name])
    try:
        for path, data in files:
            existed = Path(path).exists()
            atomic_write(path, data, replace=replace)
            if not existed:
                created.append(Path(path))
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        raise
