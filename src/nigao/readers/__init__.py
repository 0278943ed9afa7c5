"""One reader per format, and one `read(path)` that ingest and check both use.

`read` looks at the bytes (not only the suffix: a .txt may be a saved web page, a .doc may
really be a .docx), picks the reader and returns a `Source`: the document's text lines as the
format gave them, where each line sits in the file, what the reader took out (`removed`:
scripts, menus, link lists…), the GB/T 9704 metadata the format marks (版头, 发文字号, 署名 …)
and, for formats that carry their outline (nigao's draft .md, nigao's own .docx), the
`Document` itself. Turning lines into an outline is ingest's job, not a reader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from nigao.errors import ReadError, os_reason
from nigao.model import Document

__all__ = ["FORMATS", "Line", "Source", "files_in", "read", "sniff"]

# Format → suffixes a folder scan picks up.
FORMATS = {
    "text": (".txt", ".text"),
    "markdown": (".md", ".markdown"),
    "html": (".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"),
    "docx": (".docx",),
    "doc": (".doc", ".wps", ".rtf", ".odt"),
    "pdf": (".pdf",),
}
SUFFIXES = tuple(s for suffixes in FORMATS.values() for s in suffixes)


def files_in(folder: Path) -> list[Path]:
    """The files of a folder (and its subfolders) nigao reads, sorted: ingest and check scan
    alike. Hidden files and folders and Word's ~$ lock files are skipped."""
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in SUFFIXES
        and path.is_file()
        and not any(part.startswith((".", "~$")) for part in path.relative_to(folder).parts)
    )


@dataclass(slots=True)
class Line:
    """One line (paragraph) of the document as its format gave it."""

    text: str
    at: int | None = None  # 1-based line of the file (text formats, .html) or paragraph (.docx)
    removed_by: str | None = None  # why the reader took it out (None: document text)
    part: str | None = None  # a metadata part (title, doc_number, signature …): not body text


@dataclass
class Source:
    """What a reader found in one file (see the module docstring)."""

    name: str
    fmt: str  # text | markdown | draft | html | docx | doc | pdf
    lines: list[Line] = field(default_factory=list)
    text: str = ""  # the decoded file text (text formats), as its lines are numbered
    document: Document | None = None  # formats that carry their outline
    meta: dict[str, object] = field(default_factory=dict)  # Document field → value
    warnings: list[str] = field(default_factory=list)
    data: bytes | None = None  # the .docx bytes (the checker reads its layout)
    package: object | None = None  # the opened readers.ooxml.Package (parsed parts cached)
    at_kind: str = "line"  # what Line.at counts: "line" or "para"

    @property
    def kept(self) -> list[str]:
        """The body's lines: neither taken out nor a metadata part."""
        return [line.text for line in self.lines if line.removed_by is None and line.part is None]

    def metadata(self) -> dict[str, object]:
        """`meta` plus the metadata parts of lines (a title over two lines is joined)."""
        out = dict(self.meta)
        for line in self.lines:
            if line.part is None or line.removed_by is not None:
                continue
            if line.part == "title":
                out["title"] = str(out.get("title") or "") + line.text
            elif line.part == "attachments":
                out.setdefault("attachments", [])
                out["attachments"].append(line.text)  # type: ignore[union-attr]
            else:
                out[line.part] = line.text
        if out.get("attachments"):
            from nigao.readers.gbt import attachment_names

            out["attachments"] = attachment_names(list(out["attachments"]))  # type: ignore[arg-type]
        return out

    @property
    def removed(self) -> list[str]:
        return [line.text for line in self.lines if line.removed_by is not None]


_ZIP = b"PK\x03\x04"
_MHT = re.compile(
    rb"(?is)^\s*(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*){0,12}?content-type:\s*multipart/related"
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(head: bytes, suffix: str) -> str:
    """The format of a file from its first bytes; the suffix decides only where they do not
    (a damaged .pdf still goes to the PDF reader, which says it is damaged)."""
    if head.startswith(_ZIP):
        return "doc" if suffix == ".odt" else "docx"
    if head.startswith(_OLE) or head.startswith(b"{\\rtf"):
        return "doc"
    if head.lstrip()[:5] == b"%PDF-" or suffix == ".pdf":
        return "pdf"
    if suffix in (".doc", ".wps", ".odt") and b"\x00" in head:
        return "doc"
    return "text"


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError("文件不存在", path=name) from None
    except IsADirectoryError:
        raise ReadError("这是一个文件夹，不是文件", path=name) from None
    except OSError as error:
        raise ReadError(f"无法读取文件：{os_reason(error)}", path=name) from None


def read(path: Path | str, name: str | None = None) -> Source:
    """Read any supported file; `name` is how messages and results call it (default: path)."""
    path = Path(path)
    name = str(path) if name is None else name
    if path.is_dir():
        raise ReadError("这是一个文件夹，不是文件", path=name)
    data = _read_bytes(path, name)
    suffix = path.suffix.lower()
    fmt = sniff(data[:1024], suffix)
    if fmt == "docx":
        from nigao.readers.docx import read_docx_source

        return read_docx_source(data, name)
    if fmt in ("doc", "pdf"):
        from nigao.readers.convert import read_converted

        return read_converted(path, data, name, fmt)
    from nigao.readers.decode import decode_bytes

    if not data.strip():
        raise ReadError("文件是空的，没有可读取的文字", path=name)
    if _MHT.match(data[:2048]):  # a "single file web page" (.mht), as IE and Word save them
        from nigao.readers.html import read_mht

        return read_mht(data, name)
    if suffix == ".docx":  # not a zip: a page saved under a Word name reads; anything else not
        text = decode_bytes(data[:65536], name) if b"\x00" not in data[:4096] else ""
        from nigao.readers.plain import looks_like_html

        if not looks_like_html(text):
            raise ReadError("不是有效的 Word 文档（文件已损坏或不是 .docx）", path=name)
    notes: list[str] = []
    text = decode_bytes(data, name, notes)
    source = read_text_source(text, name, suffix)
    source.warnings[:0] = notes
    return source


def read_text_source(text: str, name: str, suffix: str = ".txt") -> Source:
    """Decoded text → Source: a web page, Markdown (nigao's draft or any other) or plain text."""
    from nigao.readers import markdown, plain

    if suffix in FORMATS["html"] or plain.looks_like_html(text):
        from nigao.readers.html import read_html

        return read_html(text, name)
    if suffix in FORMATS["markdown"] or markdown.looks_like_markdown(text):
        return markdown.read_markdown(text, name, draft_allowed=suffix in FORMATS["markdown"])
    return plain.read_plain(text, name)
