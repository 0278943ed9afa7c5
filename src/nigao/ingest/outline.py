"""Build the section tree from a document's lines.

Depth comes from the numbering styles the document actually uses, ranked
Markdown # marks > 第一部分/第一章 > 一、 > （一） > 1、/1. > （1） > ①, so "1、" directly under
"一、" is depth 2. A numbered line whose first sentence is followed by more text is a run-in
heading; numbering inside a paragraph (一是…, （1）…) is left alone.

Before that, the lines are mended (`mend_lines`): a bare 一 line joins its heading line, a
sentence broken by a soft line break is joined, and a flattened text (一、…二、… on one line)
is split back into its lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from nigao.labels import (
    BARE_NUMERAL,
    CN,
    CN_LABEL_ANYWHERE,
    FLAT_LABEL,
    STYLE_NAMES,
    cn_value,
    read_label,
)
from nigao.model import Document, Section
from nigao.vocabulary import DATE_LINE

_SENTENCE_END = "。！？"
_OPENERS = {"“": "”", "《": "》", "（": "）", "‘": "’"}
_FIELD_LABEL = re.compile(r"(?:^|[。；，])[\u4e00-\u9fff]{2,6}：")
_TRAILING = "，、；：:,; "
_CLOSED_END = "。！？；：”’）》…—)】"  # a line ending in one of these ends its sentence
_MD_MARK = re.compile(r"^\\?(#{1,6})\s*(?=\S)")
_SIGNATURE = re.compile(
    rf"(?:局|委|委员会|政府|办公室|学校|中学|小学|幼儿园|中心|党组|党委|[{CN}\d]中|学院|支部"
    r"|处|科|股|室|教研组|年级组|团委|工会|大队部)$"
)
# The 版记 at the very end: 抄送 and the 印发 line (岚溪县教育局办公室 2024年2月1日印发).
_CC_LINE = re.compile(r"^抄\s*送\s*[：:]\s*(?P<cc>.+)$")
_PRINTED_LINE = re.compile(
    r"^(?P<printer>\S.{1,40}?)\s*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$"
)


@dataclass
class Outline:
    """The parsed document plus what the parser noticed."""

    document: Document
    depth_styles: list[str] = field(default_factory=list)
    truncated: bool = False
    warnings: list[str] = field(default_factory=list)


def numbering(line: str) -> tuple[str, int, str] | None:
    """(style, rank, text after the label) for a numbered line, else None.

    A Markdown heading (`## 一、…`, escaped `\\## …` as online editors export it) is its
    label's; without a label its # marks rank it above every numbering style.
    """
    if line.startswith(("#", "\\")):
        mark = _MD_MARK.match(line)
        if mark is None:
            return None
        rest = line[mark.end() :]
        return numbering(rest) or (f"md{len(mark.group(1))}", len(mark.group(1)) - 10, rest)
    return read_label(line)


def _ends_open(line: str, min_len: int = 20, marks: str = "，。；、") -> bool:
    """A line that stops mid-sentence: after ，、 or an opening mark, or a sentence line (one
    of `marks` inside, `min_len` characters at least) without an end mark."""
    last = line[-1:]
    if last in "，、（“《‘([":
        return True
    if last in _CLOSED_END or not last.strip():
        return False
    return len(line) >= min_len and any(mark in line for mark in marks)


def _flat_starts(line: str) -> tuple[list[int], int]:
    """Where labels start in a flattened line, and how many of them are 一、 labels.

    A label counts only in sequence: 一、 labels after a sentence end (or a space) and each
    the next number; （一） and 1. labels each the next of their kind, restarting under a
    new 一、 (so 2016年 or 5千元 never split a line)."""
    starts: list[int] = []
    cn_count = 0
    want = {"cn": 0, "cp": 1, "ar": 1}
    for match in FLAT_LABEL.finditer(line):
        kind = match.lastgroup or ""
        value = (cn_value(match.group(kind)) or 0) if kind != "ar" else int(match.group(kind))
        before = line[match.start() - 1] if match.start() else "。"
        if kind == "cn":
            if before not in "。！？；： ）)" or (want["cn"] and value != want["cn"]):
                continue
            want = {"cn": value + 1, "cp": 1, "ar": 1}
            cn_count += 1
        elif value == want[kind] and (kind == "cp" or not before.isdigit()):
            want[kind] = value + 1
            if kind == "cp":
                want["ar"] = 1
        else:
            continue
        if match.start():
            starts.append(match.start())
    return starts, cn_count


def split_flat(line: str) -> list[str]:
    """A flattened text (一、…。二、…。on one line) back into its lines; other lines as is."""
    if CN_LABEL_ANYWHERE.search(line) is None:
        return [line]  # no 一、 label at all: not flattened (most lines: one scan)
    starts, cn_count = _flat_starts(line)
    if cn_count < 2 and not (cn_count == 1 and len(line) >= 200):
        return [line]
    pieces = [line[a:b].strip() for a, b in zip([0, *starts], [*starts, len(line)], strict=True)]
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        found = numbering(piece)
        space = piece.find(" ")
        if found and 0 < space <= 30 and not any(m in piece[:space] for m in "。！？；，"):
            out.extend([piece[:space], piece[space + 1 :].strip()])  # label and heading, text
        else:
            out.append(piece)
    return [piece for piece in out if piece]


def mend_lines(lines: list[str]) -> list[str]:
    """Undo what copying did to the lines: split flattened text, join a bare 一 line to its
    heading and a sentence broken by a (soft) line break to its rest."""
    split: list[str] = []
    for line in lines:
        split.extend(split_flat(line) if len(line) > 40 else [line])
    out: list[str] = []
    numbered: list[bool] = []
    for line in split:
        this = numbering(line) is not None
        if out and not this and BARE_NUMERAL.match(out[-1]):
            out[-1] = out[-1].rstrip("、．.") + "、" + line
            numbered[-1] = True
            continue
        if (
            out
            and not this
            and _ends_open(out[-1])
            and (not numbered[-1] or out[-1][-1:] in "，、")
        ):
            out[-1] += line
            continue
        out.append(line)
        numbered.append(this)
    return out


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
    after = text[colon + 1 :].strip()
    if 0 < colon <= 12 and end < 0 and len(after) <= 20 and not any(m in after for m in "，；"):
        return text.rstrip(
            _TRAILING
        ) or text, None  # a colon subtitle: 队伍建设工程：深化改革促发展
    if 0 < colon <= 12 and (end < 0 or colon < end) and after:
        return text[:colon] + "。", text[colon + 1 :].strip()
    if end >= 0 and text[end + 1 :].strip():
        return text[: end + 1], text[end + 1 :].strip()
    return text.rstrip(_TRAILING) or text, None


_CLAUSE_END = re.compile(r"[，。；：！？,;:!?（(“《]")
_GLUE_MIN = 16  # a text this long after a label may hold a glued heading
_GLUE_MAX = 20  # a glued heading phrase is at most this long
_CONNECTORS = "的和与及、是为之等中"


@functools.cache
def _glue_words() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    """(whole role headings, heading-end words, sentence openers) from data/roles.yaml."""
    from nigao.ingest import tables

    data = tables.load("roles")
    whole = frozenset(h for role in data["roles"].values() for h in role["headings"])
    ends = {*data["heading_ends"], *whole}
    by_length = sorted(ends, key=len, reverse=True)
    openers = sorted(data["sentence_openers"], key=len, reverse=True)
    return (
        whole,
        re.compile("|".join(map(re.escape, by_length))),
        re.compile("|".join(map(re.escape, openers))),
    )


def glued_heading(text: str) -> int | None:
    """Where a heading glued to its text ends (指导思想全面贯彻…, 健全机构，明确职责学校…),
    or None. Only a first clause that runs on past a heading's length is looked at: a
    heading on its own line, or one closed by 。 or ：, never is."""
    clause = _CLAUSE_END.search(text)
    first = clause.start() if clause else len(text)
    if first < 4 or len(text) < _GLUE_MIN + 4:
        return None
    if first <= 8 and text[first] == "，":  # 健全机构，明确职责学校…: a pair of phrases
        second = _CLAUSE_END.search(text, first + 1)
        clause_end = second.start() if second else len(text)
        if clause_end - first - 1 < _GLUE_MIN // 2:
            return None
        start, limit = first + 1, min(clause_end, first + 1 + _GLUE_MAX // 2)
    elif first >= 10:
        start, clause_end, limit = 0, first, min(first, _GLUE_MAX)
    else:
        return None
    whole, ends, openers = _glue_words()
    for match in ends.finditer(text, start, limit):
        at = match.end()
        if at - start < 2 or at >= clause_end - 1:
            continue
        rest = text[at:]
        if len(rest) < 8 or not any(mark in rest for mark in "，。；"):
            continue  # the rest is no paragraph: a long heading (坚持……任务全面提升……)
        if rest[0] in _CONNECTORS or not "\u4e00" <= rest[0] <= "\u9fff":
            continue
        if (start == 0 and text[:at] in whole) or openers.match(rest):
            return at
    return None


def _recipients(line: str) -> bool:
    return (
        line.endswith("：")
        and "。" not in line
        and len(line) <= 100
        and numbering(line) is None
        and bool(re.search(r"各|局属|学校|单位|委员会|政府|部门|同志|代表|领导|老师|同学|来宾|嘉宾|同仁", line))
    )


def parse(
    lines: list[str], closing_cues: tuple[str, ...] = (), whole_file: bool = False
) -> Outline:
    """Lines of document text (no clutter, no title) → Outline (`whole_file`: see
    `_check_truncation`)."""
    doc = Document()
    lines = mend_lines(list(lines))
    if lines and _recipients(lines[0]):
        doc.recipients = lines.pop(0)
    while lines and len(lines[-1]) <= 120:  # the 版记 (抄送, 印发) below the 署名
        cc, printed = _CC_LINE.match(lines[-1]), _PRINTED_LINE.match(lines[-1])
        if printed:
            doc.printer, doc.print_date = printed["printer"].strip(), printed["date"]
        elif cc:
            doc.cc = cc["cc"].strip()
        else:
            break
        lines.pop()
    # 署名 and 成文日期 at the very end.
    if lines and DATE_LINE.match(lines[-1]):
        doc.date = lines.pop()
        if lines and len(lines[-1]) <= 30 and _SIGNATURE.search(lines[-1]):
            doc.signature = lines.pop()

    tokens: list[tuple[int | None, str]] = []  # (rank or None, text)
    labels: dict[int, str] = {}  # rank → the label of its first line (一、, 第一部分 …)
    for line in lines:
        found = numbering(line)
        if found and not _is_list_row(found[2]) and found[2].strip():
            tokens.append((found[1], found[2]))
            labels.setdefault(found[1], line[: len(line) - len(found[2])])
        else:
            tokens.append((None, line))
    used = sorted({rank for rank, _ in tokens if rank is not None})
    depth_of = {rank: i + 1 for i, rank in enumerate(used)}
    names = [STYLE_NAMES.get(r, f"md{r + 10}") for r in used]
    outline = Outline(document=doc, depth_styles=names)

    stack: list[tuple[int, Section]] = []
    for rank, text in tokens:
        if rank is None:
            if stack:
                stack[-1][1].paragraphs.append(text)
            else:
                doc.preamble.append(text)
            continue
        depth = depth_of[rank]
        glued = glued_heading(text) if len(text) > _GLUE_MIN else None
        if glued is not None:  # a heading glued to its text: it had a line of its own
            heading, rest = text[:glued], text[glued:]
            section = Section(heading=heading, paragraphs=[rest])
        else:
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
    top = labels.get(used[0], "") if used else ""
    _check_truncation(outline, text_lines=lines, top_label=top, whole_file=whole_file)
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


_FIRST_NUMERAL = re.compile(r"[一1１⒈⑴①]")


def _check_truncation(
    outline: Outline, text_lines: list[str], top_label: str = "", whole_file: bool = False
) -> None:
    """An excerpt that stops mid-heading (a last heading without text), mid-sentence, or
    after its first part: a lone 一、 (nobody numbers a single part) has lost the rest.

    A `whole_file` (a .docx, .doc, .pdf: saved whole, not copied from a page) often ends on
    a list item without an end mark, so ending mid-sentence is not a sign there."""
    last_line = text_lines[-1] if text_lines else ""
    if not last_line:
        return
    leaf = _last_leaf(outline.document)
    if (
        leaf is not None
        and not outline.document.closing
        and not leaf.paragraphs
        and not leaf.sections
        and numbering(last_line) is not None
    ):
        outline.truncated = True
        outline.warnings.append(
            f"最后一个标题“{leaf.heading}”后没有正文，原文可能不完整（被分页截断）"
        )
        return
    before = text_lines[-2] if len(text_lines) > 1 else ""
    if not whole_file and outline.document.signature is None and (
        _ends_open(last_line, min_len=8)
        or (before and _ends_open(before) and last_line[-1:] not in _CLOSED_END)
    ):
        outline.truncated = True
        outline.warnings.append(
            f"正文在句子中间结束（“……{last_line[-12:]}”），原文可能不完整（只复制了一部分）"
        )
        return
    sections = outline.document.sections
    if len(sections) == 1 and _FIRST_NUMERAL.search(top_label):
        outline.truncated = True
        outline.warnings.append(
            f"只有一个一级标题“{top_label.strip()}{sections[0].heading}”，"
            "后面的部分可能没有复制下来（原文可能不完整）"
        )
