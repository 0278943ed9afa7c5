"""The one document model in the middle (as in pandoc).

Readers (plain text, draft Markdown, .docx) produce a `Document`; writers (draft
Markdown, .docx, PDF) consume it; the checker inspects it. Numbers are never
stored: depth gives the label, computed when writing, so moving or removing a
section renumbers the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

KINDS = ("plan", "summary", "report")

KIND_NAMES = {"plan": "方案", "summary": "总结", "report": "经验材料"}

_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 100 → 一百 (enough for any outline)."""
    if n <= 0:
        raise ValueError(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _CN_DIGITS[hundreds] + "百"
    if rest < 10:
        return _CN_DIGITS[hundreds] + "百零" + _CN_DIGITS[rest]
    tail = chinese_numeral(rest)
    if rest < 20:
        tail = "一" + tail
    return _CN_DIGITS[hundreds] + "百" + tail


def label(depth: int, n: int) -> str:
    """The GB/T 9704 numbering label for the n-th section at a depth (1-based).

    depth 1 → 一、 depth 2 → （一） depth 3 → 1. depth 4 → （1）
    """
    if depth == 1:
        return chinese_numeral(n) + "、"
    if depth == 2:
        return "（" + chinese_numeral(n) + "）"
    if depth == 3:
        return f"{n}."
    if depth == 4:
        return f"（{n}）"
    raise ValueError(f"depth {depth} is deeper than GB/T 9704 numbering (1–4)")


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

    def walk(self, depth: int = 1) -> Iterator[tuple[int, Section]]:
        yield depth, self
        for child in self.sections:
            yield from child.walk(depth + 1)


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
