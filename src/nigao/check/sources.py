"""Reading what the user brings into a check Context, through `nigao.readers`.

Draft .md: the draft reader gives the Document; each block is located at its line in the
file. .txt and the other line formats (Markdown exports, web pages, PDF): ingest's reading
decodes, finds clutter and truncation; the checker works on the reader's lines. .docx (and
.doc through LibreOffice): docx_reader gives the Document and the layout.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from nigao import webclutter
from nigao.check.context import Context, Passage, ProfileFacts, units_from_document
from nigao.errors import ReadError, os_reason
from nigao.labels import parse_label
from nigao.model import Document
from nigao.readers import Source
from nigao.vocabulary import DATE_WRITTEN, RUN_IN_ENDINGS

if TYPE_CHECKING:
    from nigao.draftmd import WrittenDraft

_INDENT = " \t\u3000\u00a0\ufeff"
_SENTENCE_END = "。？！?!"


def context_for_path(path: str | Path, facts: ProfileFacts | None) -> Context:
    """Read any format through `nigao.readers` and locate its units for the rules."""
    from nigao.readers import read

    p = Path(path)
    if not p.exists():
        raise ReadError("文件不存在", path=str(path))
    source = read(p, str(path))
    if source.fmt == "draft":
        return draft_context(source.text, str(path), facts)
    if source.fmt in ("docx", "doc") and source.data is not None:
        return docx_context(p, facts, source)
    return lines_context(source, facts)


def draft_context(text: str, path: str | None, facts: ProfileFacts | None) -> Context:
    from nigao.draftmd import read_draft

    doc = read_draft(text, path)
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return located_context(doc, lines, facts, path)


def located_context(
    doc: Document, lines: list[str], facts: ProfileFacts | None, path: str | None = None
) -> Context:
    """A Document read from a draft .md, each unit found at its line of that file."""
    units = units_from_document(doc, lines)
    _mark_paragraph_labels(units)
    return Context(path=path, fmt="md", units=units, doc=doc, facts=facts)


def document_context(doc: Document, facts: ProfileFacts | None, path: str | None = None) -> Context:
    units = units_from_document(doc)
    _mark_paragraph_labels(units)
    return Context(path=path, fmt="doc", units=units, doc=doc, facts=facts)


def written_context(
    written: WrittenDraft, facts: ProfileFacts | None, path: str | None = None
) -> Context:
    """The Document just written as draft Markdown, each unit at the line the writer put it."""
    doc = written.document
    units = units_from_document(doc, written=written)
    _mark_paragraph_labels(units)
    return Context(path=path, fmt="md", units=units, doc=doc, facts=facts)


def _mark_paragraph_labels(units: list[Passage]) -> None:
    """A paragraph typed with a numbering label of its own ("1、……") keeps it for the rules;
    a web-page line pasted into a draft is clutter (reported once, not checked as text)."""

    for unit in units:
        if unit.kind in ("preamble", "para", "closing") and webclutter.search(unit.text):
            unit.kind = "clutter"
            continue
        if unit.kind in ("preamble", "para", "closing"):
            found = parse_label(unit.text)
            if found:
                unit.label = found.text
                unit.label_col = unit.col
                if unit.col is not None:
                    unit.col += len(found.text)
                unit.text = unit.text[len(found.text) :]


def _number_as_in_word(units: list[Passage], paragraphs: list[str]) -> None:
    """第N段 counts the file's non-empty paragraphs, as a reader of the .docx would."""
    if not paragraphs:
        return
    ordinal = []
    count = 0
    for text in paragraphs:
        if text.strip():
            count += 1
        ordinal.append(count)
    at = 0
    for unit in units:
        probe = unit.text.strip()[:40]
        if not probe:
            continue
        for index in range(at, len(paragraphs)):
            if probe in paragraphs[index]:
                unit.para = ordinal[index]
                at = index  # a run-in heading and its text share one paragraph
                break


def lines_context(source: Source, facts: ProfileFacts | None) -> Context:
    """A text, a Markdown export, a web page, a PDF: the checker works on the reader's lines
    (for a .txt the file's own lines, so line numbers and typed labels are the user's),
    converted to Simplified script for matching when the text is Traditional."""
    from nigao.ingest import normalize
    from nigao.ingest.reader import source_result

    result = source_result(source)
    traditional = result.script == "traditional"
    shown = [line for line in source.lines if line.at is not None and line.text.strip()]
    units = units_from_lines(
        [line.text for line in shown],
        removed=set(result.removed),
        title=result.document.title,
        simplify=normalize.to_simplified if traditional else None,
        normalize=normalize.normalize_line,
        numbers=[line.at for line in shown],
    )
    _apply_parts(units, shown)
    if source.fmt != "text":  # the lines are the reader's, not the file's: no mechanical fixes
        for unit in units:
            unit.col = unit.label_col = None
    # Truncation: a pagination bar ("[1][2]下一页") says the page had more. (The outline's own
    # "last heading without text" guess is left to the structure rules, which know 附件 lists.)
    truncated = any(u.kind == "clutter" and _PAGINATION.search(u.text) for u in units)
    return Context(
        path=source.name,
        fmt="txt",
        units=units,
        doc=result.document,
        facts=facts,
        truncated=truncated,
        script=result.script,
        raw=True,
    )


def units_from_lines(
    raw: list[str],
    *,
    removed: set[str] | None = None,
    title: str | None = None,
    simplify=None,
    normalize=None,
    numbers: list[int | None] | None = None,
) -> list[Passage]:
    """One unit per non-blank line: clutter, title, date, labelled line or paragraph
    (`numbers`: each line's number in the file, default 1, 2, 3 …)."""

    removed = removed or set()
    units: list[Passage] = []
    seen_title = False
    for index, line in enumerate(raw):
        number = numbers[index] if numbers is not None else index + 1
        stripped = line.rstrip(_INDENT + "\r")
        indent = len(stripped) - len(stripped.lstrip(_INDENT))
        body = stripped[indent:]
        if not body:
            continue
        if simplify is not None:
            converted = simplify(body)
            if len(converted) == len(body):
                body = converted
        norm = normalize(body) if normalize else body
        if title and not seen_title and norm == title:
            seen_title = True
            units.append(Passage("title", body, line=number, col=indent))
            continue
        if norm in removed or webclutter.search(body) or (title and seen_title and norm == title):
            units.append(Passage("clutter", body, line=number, col=indent))
            continue
        if not seen_title and title is None and all(u.kind == "clutter" for u in units):
            seen_title = True
            units.append(Passage("title", body, line=number, col=indent))
            continue
        found = parse_label(body)
        if found:
            rest = body[len(found.text) :]
            inner = rest.rstrip("".join(RUN_IN_ENDINGS))
            run_in = any(ch in _SENTENCE_END for ch in inner)
            units.append(
                Passage(
                    "heading",
                    rest,
                    line=number,
                    col=indent + len(found.text),
                    depth=None,
                    label=found.text,
                    label_col=indent,
                    run_in=run_in,
                    standalone=not run_in,
                )
            )
            continue
        kind = "date" if DATE_WRITTEN.fullmatch(body) else "para"
        units.append(Passage(kind, body, line=number, col=indent))
    _sandwiched_clutter(units)
    _tail_and_attachments(units)
    return units


def _tail_and_attachments(units: list[Passage]) -> None:
    """附件 lists (附件：1.… then 2.…) are not numbered sections; the 署名 sits above the date."""
    in_attachments = False
    previous: Passage | None = None
    for unit in units:
        if unit.kind == "clutter":
            continue
        if unit.kind == "para" and _ATTACHMENT.match(unit.text):
            unit.kind = "attachment"
            in_attachments = True
        elif in_attachments and unit.kind == "heading" and unit.label and unit.label[0].isdigit():
            unit.kind = "attachment"
        else:
            in_attachments = False
        if (
            unit.kind == "date"
            and previous is not None
            and previous.kind == "para"
            and len(previous.text) <= 30
            and not any(c in previous.text for c in "。，；：")
        ):
            previous.kind = "signature"
        previous = unit


def _sandwiched_clutter(units: list[Passage]) -> None:
    """Short lines between two clutter lines (a report form's options) are clutter too."""
    clutter_at = [i for i, u in enumerate(units) if u.kind == "clutter"]
    for a, b in zip(clutter_at, clutter_at[1:], strict=False):
        between = units[a + 1 : b]
        if between and all(
            u.kind == "para" and len(u.text) <= 60 and not u.text.endswith("。") for u in between
        ):
            for u in between:
                u.kind = "clutter"


_PAGINATION = re.compile(r"^(?:\[\d+\])+|下一[页頁]|^第\s*\d+\s*[页頁]")
_ATTACHMENT = re.compile(r"^附\s*件\s*[：:]")


def docx_context(p: Path, facts: ProfileFacts | None, source: Source) -> Context:
    from nigao.readers.docx import read_docx
    from nigao.readers.ooxml import layout_facts

    package = source.package if source.package is not None else source.data
    doc = source.document or read_docx(package)
    layout = layout_facts(package)
    paragraphs = [q.get("text") or "" for q in layout.get("paragraphs") or []]
    if source.document is None and not doc.sections:
        # Not a nigao file (no heading styles): its paragraphs as the reader gave them (Word's
        # list numbers written in, GB/T parts marked), so typed labels (一、 1、), the title
        # and the 版头/版记 are seen as a proofreader sees them.
        shown = [line for line in source.lines if line.at is not None and line.text.strip()]
        units = units_from_lines([" ".join(line.text.split("\n")) for line in shown])
        _apply_parts(units, shown)
        for unit in units:
            unit.para, unit.line, unit.col, unit.label_col = unit.line, None, None, None
        return Context(
            path=str(p), fmt="docx", units=units, doc=doc, facts=facts, layout=layout, raw=True
        )
    units = units_from_document(doc)
    _number_as_in_word(units, paragraphs)
    _mark_paragraph_labels(units)
    return Context(path=str(p), fmt="docx", units=units, doc=doc, facts=facts, layout=layout)


_PART_KINDS = {"attachments": "attachment", "signer": "signer"}


def _apply_parts(units: list[Passage], lines: list) -> None:  # noqa: ANN001 - readers.Line
    """A line the reader marked as a GB/T part (版头, 发文字号, 署名 …) is that part, not text."""
    for unit, line in zip(units, lines, strict=False):
        if line.part is not None and unit.kind != "clutter":
            unit.kind = _PART_KINDS.get(line.part, line.part)
            unit.label = unit.label_col = None


def _read_utf8(p: Path) -> str:
    try:
        data = p.read_bytes()
    except OSError as error:
        raise ReadError(f"无法读取文件：{os_reason(error)}", path=str(p)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from nigao.readers.decode import decode_bytes

        return decode_bytes(data, str(p))


def source_text(path: Path) -> str:
    """The text of a .md/.txt file exactly as the checker numbered its lines."""
    if path.suffix.lower() == ".txt":
        from nigao.readers.decode import read_text

        text = read_text(path).lstrip("\ufeff")  # line ends normalised to \n by the reader
        if b"\r\n" in path.read_bytes():
            text = text.replace("\n", "\r\n")
        return text
    return _read_utf8(path).lstrip("\ufeff")
