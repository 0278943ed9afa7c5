"""The one document model in the middle (as in pandoc).

Readers (plain text, draft Markdown, .docx) produce a `Document`; writers (draft
Markdown, .docx, PDF) consume it; the checker inspects it. Numbers are never
stored: depth gives the label, computed when writing, so moving or removing a
section renumbers the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from nigao.kinds import KIND_NAMES, KINDS  # noqa: F401  (model.KINDS: the draft format reads it)
from nigao.labels import label


@dataclass
class Section:
    """A numbered part of a document: a heading, its paragraphs, its children.

    `run_in` headings are written at the start of their first paragraph
    ("（一）加强组织领导。各学校要……"); others stand on a line of their own.
    """

    heading: str
    role: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    run_in: bool = False
    # Every role a heading names when it names more than one (组织领导与保障措施), `role` first;
    # empty when it names one. Set by ingest only; no writer carries it.
    roles: list[str] = field(default_factory=list)

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Section]]:
        yield depth, self
        for child in self.sections:
            yield from child.walk(depth + 1)


@dataclass
class Appendix:
    """An attachment's own pages (GB/T 9704 8): its title, then text paragraphs or a table.

    The number printed above it ("附件2") is the position of its title among the document's
    `attachments` (the 附件说明), so the two always agree.
    """

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)  # rows of cells; the first is the header


@dataclass
class Document:
    """A whole 公文 draft: title, 主送机关, body, 署名 and 成文日期, 版头 and 版记 parts."""

    kind: str = "plan"
    title: str = ""
    recipients: str | None = None
    preamble: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    signature: str | None = None  # 发文机关署名
    date: str | None = None  # 成文日期, already written as 2027年3月1日
    doc_number: str | None = None  # 发文字号, 代字〔2027〕8号
    issuer_mark: str | None = None  # 发文机关标志 for the 版头 (e.g. 青川县教育局文件)
    cc: str | None = None  # 抄送
    printer: str | None = None  # 印发机关
    print_date: str | None = None  # 印发日期, 2027年3月1日
    author: str | None = None  # document property: the issuing organisation
    signer: str | None = None  # 签发人 (上行文), several names separated by 、
    sealed: bool = False  # 加盖印章: the sealed layout of 署名 and 成文日期 (7.3.5.1)
    verso_even: bool = True  # the 版记 on an even page (the back of the last sheet)
    appendices: list[Appendix] = field(default_factory=list)  # 附件 pages after the body

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section with its depth (1-based), in reading order."""
        for section in self.sections:
            yield from section.walk(1)

    def numbered(self) -> Iterator[tuple[int, str, Section]]:
        """Every section with its depth and its computed label, in reading order."""

        def visit(sections: list[Section], depth: int) -> Iterator[tuple[int, str, Section]]:
            for i, section in enumerate(sections, 1):
                yield depth, label(depth, i), section
                yield from visit(section.sections, depth + 1)

        yield from visit(self.sections, 1)

    def paragraphs(self) -> Iterator[str]:
        """All body text in reading order (headings included), for search and checks."""
        yield from self.preamble
        for _depth, _label, section in self.numbered():
            yield section.heading
            yield from section.paragraphs
        yield from self.closing


# ---------------------------------------------------------------------------
# What the writers can carry. Every text in a written document is one line of characters that
# both a UTF-8 file and XML 1.0 can hold; `normalize` brings any Document to that form, and both
# writers (draft Markdown and .docx) write `normalize(doc)`, so their outputs always agree.

# XML 1.0 cannot hold C0 controls (but tab, LF, CR), U+FFFE, U+FFFF or lone surrogates, and
# UTF-8 cannot encode lone surrogates; DEL and the C1 controls are never wanted in a 公文.
UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAK = re.compile("[\n\r\u2028\u2029]")
_EDGE_SPACE = re.compile(r"^\s|\s$")

_META = (
    ("recipients", "主送机关"),
    ("signature", "署名"),
    ("date", "成文日期"),
    ("doc_number", "发文字号"),
    ("issuer_mark", "发文机关标志"),
    ("cc", "抄送"),
    ("printer", "印发机关"),
    ("print_date", "印发日期"),
    ("author", "作者"),
    ("signer", "签发人"),
)


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80  # CJK, full-width forms, emoji: no space between lines


def one_line(text: str) -> str:
    """`text` as the writers carry it: unsafe characters removed, one line, no edge spaces.

    A line break inside the text joins the lines: directly when either side is a wide (CJK)
    character, with one space between two narrow ones ("各学校要\n加强" → "各学校要加强").
    """
    if UNSAFE_CHARS.search(text) is not None:
        text = UNSAFE_CHARS.sub("", text)
    if _BREAK.search(text) is None:
        return text.strip() if _EDGE_SPACE.search(text) else text
    out = ""
    for piece in _BREAK.split(text):
        piece = piece.strip()
        if piece:
            if out and not (_wide(out[-1]) or _wide(piece[0])):
                out += " "
            out += piece
    return out


def _removed(where: str, text: str | None, notes: list[str] | None) -> None:
    if notes is None or not text:
        return
    found = UNSAFE_CHARS.findall(text)
    if found:
        codes = list(dict.fromkeys(f"U+{ord(c):04X}" for c in found))
        shown = "、".join(codes[:5]) + ("等" if len(codes) > 5 else "")
        notes.append(f"{where}：删去了 {len(found)} 个无法写入文件的字符（{shown}）")


def _short(text: str) -> str:
    text = one_line(text)
    return text if len(text) <= 12 else text[:12] + "…"


def normalize(doc: Document, notes: list[str] | None = None) -> Document:
    """The document as the writers carry it (a new Document; `doc` is not changed).

    Every text is `one_line`; empty paragraphs and attachment names are dropped; empty
    metadata becomes None. When `notes` is a list, one Chinese line is appended for each
    text that lost characters a file cannot hold (tell the drafter: never a silent change).
    """

    def paragraphs(items: list[str], where: str | Section) -> list[str]:
        out = []
        for i, text in enumerate(items, 1):
            if notes is not None:
                name = f"“{_short(where.heading)}”下" if isinstance(where, Section) else where
                _removed(f"{name}第{i}段", text, notes)
            text = one_line(text)
            if text:
                out.append(text)
        return out

    def section(s: Section) -> Section:
        if notes is not None:
            _removed(f"标题“{_short(s.heading)}”", s.heading, notes)
        return Section(
            heading=one_line(s.heading),
            role=s.role,
            paragraphs=paragraphs(s.paragraphs, s),
            sections=[section(c) for c in s.sections],
            run_in=s.run_in,
        )

    meta: dict[str, str | None] = {}
    for key, name in _META:
        value = getattr(doc, key)
        _removed(name, value, notes)
        meta[key] = one_line(value) if value else None
        meta[key] = meta[key] or None
    _removed("文件标题", doc.title, notes)
    attachments = []
    for i, name in enumerate(doc.attachments, 1):
        _removed(f"附件第{i}项", name, notes)
        name = one_line(name)
        if name:
            attachments.append(name)
    appendices = []
    for i, page in enumerate(doc.appendices, 1):
        where = f"附件页第{i}项"
        _removed(where, page.title, notes)
        rows = [[one_line(cell) for cell in row] for row in page.table]
        appendices.append(
            Appendix(
                title=one_line(page.title),
                paragraphs=paragraphs(page.paragraphs, where),
                table=[row for row in rows if any(row)],
            )
        )
    return replace(
        doc,
        title=one_line(doc.title),
        appendices=[a for a in appendices if a.title],
        preamble=paragraphs(doc.preamble, "开头"),
        sections=[section(s) for s in doc.sections],
        closing=paragraphs(doc.closing, "结尾"),
        attachments=attachments,
        **meta,
    )


def sanitize(doc: Document) -> tuple[Document, list[str]]:
    """(`normalize(doc)`, the Chinese notes on removed characters) for a command to print."""
    notes: list[str] = []
    return normalize(doc, notes), notes
