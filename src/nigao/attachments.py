"""A profile's `attachments` → the 附件说明 names and the attachments' own pages (GB/T 9704 8).

An attachment is a name alone, or a name with text paragraphs, a table, or a file that holds
either (.txt/.md: one paragraph a line; .csv: a table, the first row its header). A file is
found next to the profile; a missing or unreadable one is one Chinese line naming the key.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from nigao.errors import NigaoError, os_reason
from nigao.model import Appendix

if TYPE_CHECKING:
    from nigao.profile.record import Attachment

MAX_BYTES = 1024 * 1024  # an attachment file larger than this is surely the wrong file
TEXT_SUFFIXES = (".txt", ".md")


def _decode(data: bytes, where: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NigaoError(f"{where}：附件文件的编码无法识别，请另存为 UTF-8")


def read_file(path: Path, where: str) -> tuple[list[str], list[list[str]]]:
    """(paragraphs, table) from an attachment file; `where` starts every message."""
    suffix = path.suffix.lower()
    name = f"“{path.name}”"
    if suffix not in (*TEXT_SUFFIXES, ".csv"):
        raise NigaoError(f"{where}：附件文件应为 .txt、.md 或 .csv，得到{name}")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise NigaoError(f"{where}：附件文件{name}过大（{size // 1024} KB）")
        text = _decode(path.read_bytes(), where)
    except FileNotFoundError:
        raise NigaoError(f"{where}：找不到附件文件{name}（相对配置文件所在的文件夹）") from None
    except OSError as error:
        raise NigaoError(f"{where}：无法读取附件文件{name}：{os_reason(error)}") from None
    if suffix == ".csv":
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
        return [], [row for row in rows if any(row)]
    lines = (line.strip() for line in text.splitlines())
    return [line.lstrip("#").strip() if line.startswith("#") else line for line in lines if line], []


def split(
    items: Sequence[Attachment], base: Path, locate: Callable[[str], str] = str
) -> tuple[list[str], list[Appendix]]:
    """(附件说明 names, attachments with pages) for a profile's `attachments`.

    `locate` turns a dotted key into "file:line:col" for messages (Profile.where).
    """
    names: list[str] = []
    pages: list[Appendix] = []
    for i, item in enumerate(items):
        title = str(item.title)
        names.append(title)
        paragraphs = [str(p) for p in str(item.text or "").splitlines() if p.strip()]
        table = [[str(c) for c in row] for row in item.table]
        if item.file:
            key = f"attachments[{i}]"
            more, rows = read_file(base / str(item.file), f"{locate(key)}: {key}.file")
            paragraphs += more
            table += rows
        if paragraphs or table:
            pages.append(Appendix(title, paragraphs, table))
    return names, pages
