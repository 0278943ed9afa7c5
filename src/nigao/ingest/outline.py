"""Build the section tree from a document's lines.

Depth comes from the numbering styles the document actually uses, ranked
一、 > （一） > 1、/1. > （1） > ①, so "1、" directly under "一、" is depth 2. A numbered line
whose first sentence is followed by more text is a run-in heading; numbering inside a
paragraph (一是…, （1）…) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nigao.model import Document, Section

_CN = "一二三四五六七八九十"
# (style name, rank, pattern). Rank orders the styles; depth is the rank among those used.
_STYLES = (
    ("cn", 0, re.compile(rf"^([{_CN}]{{1,3}})、\s*")),
    ("cn_paren", 1, re.compile(rf"^（([{_CN}]{{1,3}})）[、.．]?\s*")),
    ("arabic", 2, re.compile(r"^(\d{1,2})(?:[、．]|\.(?!\d))\s*(?=\S)")),
    ("arabic_paren", 3, re.compile(r"^（(\d{1,2})）[、.．]?\s*")),
    ("circled", 4, re.compile(r"^([①-⑳])\s*")),
)
_SENTENCE_END = "。！？"
_OPENERS = {"“": "”", "《": "》", "（": "）", "‘": "’"}
_FIELD_LABEL = re.compile(r"(?:^|[。；，])[\u4e00-\u9fff]{2,6}：")
_TRAILING = "，、；：:,; "
_DATE = re.compile(
    r"^\d{4}年\d{1,2}月\d{1,2}日$|^[〇零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$"
)
_SIGNATURE = re.compile(r"(?:局|委|委员会|政府|办公室|学校|中学|小学|幼儿园|中心|党组|党委)$")


@dataclass
class Outline:
    """The parsed document plus what the parser noticed."""

    document: Document
    depth_styles: list[str] = field(default_factory=list)
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)


def numbering(line: str) -> tuple[str, int, str] | None:
    """(style, rank, text after the label) for a numbered line, else None."""
    for name, rank, pattern in _STYLES:
        match = pattern.match(line)
        if match:
            return name, rank, line[match.end() :]
    return None


def first_sentence_end(text: str) -> int:
    """Index of the first 。！？ outside quotes and brackets, or -1."""
    closers: list[str] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            closers.append(_OPENERS[ch])
        elif closers and ch == closers[-1]:
            closers.pop()
        elif ch in _SENTENCE_END and not closers:
            return i
    # Unbalanced quotes in the source: fall back to the first end mark at all.
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            return i
    return -1


def _is_list_row(text: str) -> bool:
    """A numbered row of labelled fields (牵头领导：…责任股室：…) is a table row, not a heading."""
    return len(_FIELD_LABEL.findall(text)) >= 2


def split_heading(text: str) -> tuple[str, str | None]:
    """(heading, run-in paragraph or None) for the text after a numbering label."""
    end = first_sentence_end(text)
    colon = text.find("：")
    if 0 < colon <= 12 and (end < 0 or colon < end) and text[colon + 1 :].strip():
        return text[:colon] + "。", text[colon + 1 :].strip()
    if end >= 0 and text[end + 1 :].strip():
        return text[: end + 1], text[end + 1 :].strip()
    return text.rstrip(_TRAILING) or text, None


def _recipients(line: str) -> bool:
    return (
        line.endswith("：")
        and "。" not in line
        and len(line) <= 100
        and numbering(line) is None
        and bool(re.search(r"各|局属|学校|单位|委员会|政府|部门", line))
    )


def parse(lines: list[str], closing_cues: tuple[str, ...] = ()) -> Outline:
    """Lines of document text (no clutter, no title) → Outline."""
    doc = Document()
    lines = list(lines)
    if lines and _recipients(lines[0]):
        doc.recipients = lines.pop(0)
    # 署名 and 成文日期 at the very end.
    if lines and _DATE.match(lines[-1]):
        doc.date = lines.pop()
        if lines and len(lines[-1]) <= 30 and _SIGNATURE.search(lines[-1]):
            doc.signature = lines.pop()

    tokens: list[tuple[int | None, str]] = []  # (rank or None, text)
    for line in lines:
        found = numbering(line)
        if found and not _is_list_row(found[2]) and found[2].strip():
            tokens.append((found[1], found[2]))
        else:
            tokens.append((None, line))
    used = sorted({rank for rank, _ in tokens if rank is not None})
    depth_of = {rank: i + 1 for i, rank in enumerate(used)}
    outline = Outline(document=doc, depth_styles=[_STYLES[r][0] for r in used])

    stack: list[tuple[int, Section]] = []
    for rank, text in tokens:
        if rank is None:
            if stack:
                stack[-1][1].paragraphs.append(text)
            else:
                doc.preamble.append(text)
            continue
        depth = depth_of[rank]
        heading, rest = split_heading(text)
        section = Section(heading=heading, run_in=rest is not None)
        if rest is not None:
            section.paragraphs.append(rest)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            stack[-1][1].sections.append(section)
        else:
            doc.sections.append(section)
        stack.append((depth, section))

    _take_closing(doc, closing_cues)
    _check_truncation(outline, text_lines=lines)
    return outline


def _last_leaf(doc: Document) -> Section | None:
    section = doc.sections[-1] if doc.sections else None
    while section is not None and section.sections:
        section = section.sections[-1]
    return section


def _take_closing(doc: Document, cues: tuple[str, ...]) -> None:
    leaf = _last_leaf(doc)
    if leaf is None or not cues:
        return
    for i in range(1, len(leaf.paragraphs)):
        if leaf.paragraphs[i].startswith(cues):
            doc.closing = leaf.paragraphs[i:]
            del leaf.paragraphs[i:]
            return


def _check_truncation(outline: Outline, text_lines: list[str]) -> None:
    leaf = _last_leaf(outline.document)
    if leaf is None or outline.document.closing:
        return
    last_line = text_lines[-1] if text_lines else ""
    if not leaf.paragraphs and (numbering(last_line) is not None):
        outline.truncated = True
        outline.warnings.append(
            f"最后一个标题“{leaf.heading}”后没有正文，原文可能不完整（被分页截断）"
        )
