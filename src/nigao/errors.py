"""User-facing errors: one clear line in Chinese, never a traceback.

Every module raises `NigaoError` (or a subclass) for anything a user did or
gave; the CLI prints `str(error)` on one line and exits with `exit_code`.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


def shown(path: object) -> str:
    """A file name for a message: a newline or control character in it cannot split the line."""
    text = str(path)
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text) if _CONTROL.search(text) else text


class NigaoError(Exception):
    """An error a user can act on. The message is complete Simplified Chinese."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        prefix = ""
        if path is not None:
            prefix = shown(path)
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


# The operating system's reasons, in Chinese: `strerror` is English (or the C locale's
# language) and must not reach a clerk. Anything not listed says only its number.
_OS_REASONS = {
    "ENOENT": "找不到这个文件或文件夹",
    "EACCES": "没有权限",
    "EPERM": "没有权限",
    "EISDIR": "这是一个文件夹，不是文件",
    "ENOTDIR": "路径中有一段不是文件夹",
    "ENOSPC": "磁盘已满",
    "EDQUOT": "磁盘配额已用完",
    "EROFS": "这是只读的位置",
    "ENAMETOOLONG": "文件名过长",
    "EEXIST": "文件已存在",
    "ELOOP": "符号链接层数过多（可能是循环链接）",
    "EMFILE": "同时打开的文件过多",
    "ENFILE": "同时打开的文件过多",
    "EIO": "读写出错（磁盘或网络盘故障）",
    "EBUSY": "文件正被占用",
    "ETXTBSY": "文件正被占用",
    "EXDEV": "不能跨磁盘移动",
    "EFBIG": "文件过大",
    "ENOMEM": "内存不足",
    "EINVAL": "文件名或参数无效",
    "ENXIO": "设备不存在",
    "ENODEV": "设备不存在",
    "EAGAIN": "资源暂时不可用，请稍后再试",
}


def os_reason(error: OSError) -> str:
    """Why an OSError happened, in Chinese (never the system's English text)."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    return _OS_REASONS.get(name, f"系统错误（代码 {error.errno}）" if error.errno else "系统错误")
