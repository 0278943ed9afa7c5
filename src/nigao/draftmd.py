"""The draft Markdown format: what a drafter edits between `nigao new` and `nigao export`.

    ---                      front matter: the document's metadata, fixed key order
    kind: plan
    ---

    # Title                  the title
    Preamble paragraphs.
    ## Heading               depth 1 (一、), ### depth 2 (（一）), #### depth 3 (1.), ##### depth 4 (（1）)
    ### Run-in heading。     a heading ending in 。？！ is run into its first paragraph
    ***                      ends the numbered body; what follows is the closing

One non-blank line is one block; blocks are separated by one blank line when
written. Numbers are never written: a heading typed with its label ("## 一、指导思想")
has the label removed on reading, since depth gives the number.

What the format carries is `model.normalize(doc)` minus section roles: `write_draft` writes
that, `read_draft` of it gives exactly it back (roles None), and writing it again gives the
same bytes. The rare heading whose 。 disagrees with its layout carries a marker at the end:
`{接排}` (run into its paragraph without ending in 。？！) or `{单独成行}` (ends in 。 but stands
alone). A heading or paragraph that would read as markup starts with a backslash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nigao.errors import NigaoError
from nigao.labels import TYPED_IN_DRAFT
from nigao.model import KINDS, Appendix, Document, Section, normalize
from nigao.vocabulary import is_run_in

# Front matter keys in the order they are written; all are optional but `kind`.
FRONT_KEYS = (
    "kind",
    "recipients",
    "signature",
    "date",
    "doc_number",
    "issuer_mark",
    "cc",
    "printer",
    "print_date",
    "author",
    "signer",
    "attachments",
)
# Written after `attachments`, only when they differ from the default: the sealed layout, a
# 版记 on whatever page the text ends, and attachments with pages of their own.
LAYOUT_KEYS = ("sealed", "verso_even", "appendices")
CLOSING_RULE = "***"
MAX_DEPTH = 4

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_RULE = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")
_NEEDS_ESCAPE = re.compile(r"^(?:\\|#|---|\*\*\*|___|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$)")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}
# A plain YAML scalar is safe when it cannot start another YAML construct and cannot resolve
# to anything but a string: any non-ASCII character rules out numbers, dates and booleans.
_PLAIN_START = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`\\]")
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
# Heading end markers for the rare heading whose 。 disagrees with its layout.
RUN_IN_MARK, STANDALONE_MARK = "{接排}", "{单独成行}"
_MARK = re.compile(r"[ \t]*\{(接排|单独成行)\}$")


def strip_label(heading: str) -> str:
    """Remove a typed numbering label ("一、", "（二）", "3.", "（4）") from a heading."""
    return TYPED_IN_DRAFT.sub("", heading, count=1).strip()


# ---------------------------------------------------------------- writing


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar: every character YAML would not keep as is is escaped."""
    out = ['"']
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() or ch == "\u3000":
            out.append(ch)
        else:
            code = ord(ch)
            out.append(
                f"\\x{code:02X}" if code < 0x100 else
                f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}"
            )  # fmt: skip
    out.append('"')
    return "".join(out)


def _scalar(value: str) -> str:
    """A YAML scalar for a front-matter value: plain where it reads back as the same string."""
    plain = (
        value.isprintable()
        and _PLAIN_START.match(value)
        and value == value.strip()
        and ":" not in value
        and "#" not in value
        and (
            not value.isascii()
            or (_ASCII_WORD.fullmatch(value) and value.lower() not in _YAML_WORDS)
        )
    )
    return value if plain else _quoted(value)


def _block(text: str) -> str:
    if _NEEDS_ESCAPE.match(text) or _HEADING.match(text):
        return "\\" + text
    return text


def _heading(section: Section, depth: int) -> str:
    text = section.heading
    if not text:
        raise NigaoError(f"第 {depth} 级标题是空的，草稿里不能有空标题")
    if text.startswith("\\") or strip_label(text) != text:
        text = "\\" + text  # a typed label or a backslash is kept, not removed on reading
    if section.run_in != is_run_in(section.heading) or text.endswith("#") or _MARK.search(text):
        text += " " + (RUN_IN_MARK if section.run_in else STANDALONE_MARK)
    return "#" * (depth + 1) + " " + text


# Where a piece of text stands in the written draft: 1-based line, 0-based column of its first
# character (None when the text was written escaped, so it is not there verbatim).
Place = tuple[int, int | None]


@dataclass(frozen=True)
class WrittenDraft:
    """The draft Markdown of a document and where each of its texts stands in it.

    The checker locates findings with these places (lines of the .md a drafter edits) without
    reading the Markdown back; `document` is `normalize(doc)`, exactly what `text` holds.
    """

    text: str
    document: Document
    front: dict[str, Place] = field(default_factory=dict)  # front-matter key → its value
    attachments: list[Place] = field(default_factory=list)
    # title, preamble, each heading followed by its paragraphs (walk order), closing
    blocks: list[Place] = field(default_factory=list)


def _value_col(indent: int, value: str, written: str) -> int | None:
    if written == value:
        return indent
    return indent + 1 if written == f'"{value}"' else None


def _layout_lines(doc: Document) -> list[str]:
    """Front-matter lines for LAYOUT_KEYS (nothing for a document with the defaults)."""
    out = []
    if doc.sealed:
        out.append("sealed: true")
    if not doc.verso_even:
        out.append("verso_even: false")
    if doc.appendices:
        out.append("appendices:")
        for page in doc.appendices:
            out.append(f"  - title: {_scalar(page.title)}")
            if page.paragraphs:
                out.append("    text:")
                out.extend(f"      - {_scalar(p)}" for p in page.paragraphs)
            if page.table:
                out.append("    table:")
                out.extend(f"      - [{', '.join(_quoted(c) for c in row)}]" for row in page.table)
    return out


def _read_layout(meta: dict[str, object], path: str | None) -> dict[str, object]:
    """Document fields from LAYOUT_KEYS in the front matter, checked for shape."""

    def bad(key: str, what: str) -> NigaoError:
        return NigaoError(f"元数据项 {key} 应为{what}", path=path, line=2)

    out: dict[str, object] = {}
    for key in ("sealed", "verso_even"):
        if key in meta:
            if not isinstance(meta[key], bool):
                raise bad(key, " true 或 false")
            out[key] = meta[key]
    pages = meta.get("appendices") or []
    if not isinstance(pages, list):
        raise bad("appendices", "列表（每项有 title，可有 text、table）")
    appendices = []
    for item in pages:
        if not isinstance(item, dict) or not item.get("title"):
            raise bad("appendices", "列表（每项有 title，可有 text、table）")
        text = item.get("text") or []
        table = item.get("table") or []
        if not isinstance(text, list) or not isinstance(table, list):
            raise bad("appendices", "列表（text 是段落的列表，table 是行的列表）")
        if not all(isinstance(row, list) for row in table):
            raise bad("appendices", "列表（table 的每一行写成 [单元格, 单元格]）")
        appendices.append(
            Appendix(
                str(item["title"]),
                [str(p) for p in text],
                [["" if c is None else str(c) for c in row] for row in table],
            )
        )
    out["appendices"] = appendices
    return out


def write_draft(doc: Document, report: list[str] | None = None) -> str:
    """The draft Markdown for `normalize(doc)`, byte-stable for a given document.

    `report`, when a list, receives one Chinese line per text that lost characters no file
    can hold (see `nigao.model.normalize`).
    """
    return write_located(doc, report).text


def write_located(doc: Document, report: list[str] | None = None) -> WrittenDraft:
    """`write_draft`, with the line and column of every text it wrote."""
    doc = normalize(doc, report)
    out: list[str] = ["---"]
    front: dict[str, Place] = {}
    attachments: list[Place] = []
    for key in FRONT_KEYS:
        value = getattr(doc, key)
        if key == "attachments":
            if value:
                out.append("attachments:")
                for item in value:
                    written = _scalar(item)
                    out.append(f"  - {written}")
                    attachments.append((len(out), _value_col(4, item, written)))
            continue
        if value is not None and value != "":
            value = str(value)
            written = _scalar(value)
            out.append(f"{key}: {written}")
            front[key] = (len(out), _value_col(len(key) + 2, value, written))
    out.extend(_layout_lines(doc))
    out.append("---")
    blocks: list[str] = []
    cols: list[int | None] = []  # column of each text block; None for the closing rule

    def add(line: str, col: int, text: str) -> None:
        blocks.append(line)
        cols.append(col if line.startswith(text, col) else col + 1)  # +1: escaped with \\

    if doc.title:
        add("# " + doc.title, 2, doc.title)
    for p in doc.preamble:
        add(_block(p), 0, p)
    for depth, section in doc.walk():
        if depth > MAX_DEPTH:
            raise NigaoError(f"章节层级超过 {MAX_DEPTH} 级：{section.heading}")
        add(_heading(section, depth), depth + 2, section.heading)
        for p in section.paragraphs:
            add(_block(p), 0, p)
    if doc.closing:
        blocks.append(CLOSING_RULE)
        cols.append(None)
        for p in doc.closing:
            add(_block(p), 0, p)
    first = len(out) + 2  # front matter, one blank line, then blocks one blank line apart
    places = [(first + 2 * i, col) for i, col in enumerate(cols) if col is not None]
    text = "\n".join(out) + "\n\n" + "\n\n".join(blocks) + "\n"
    return WrittenDraft(text, doc, front, attachments, places)


# ---------------------------------------------------------------- reading


def _front_matter(lines: list[str], path: str | None) -> tuple[dict[str, object], int]:
    """Parse the leading front matter; return its values and the index of the next line."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            break
    else:
        raise NigaoError("文件开头的 --- 元数据块没有结束的 --- 行", path=path, line=1)
    from nigao.yamlsafe import FRONT_MATTER, load

    text = "\n".join(lines[1:end])
    data = load(text, path or "<草稿>", FRONT_MATTER, first_line=2) if text.strip() else {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NigaoError("元数据块应为“键: 值”的形式", path=path, line=2)
    for number, line in enumerate(lines[1:end], start=2):
        key = line.split(":", 1)[0].strip()
        if line and not line.startswith((" ", "\t", "#")) and key not in FRONT_KEYS + LAYOUT_KEYS:
            raise NigaoError(
                f"未知的元数据项“{key}”，可用：{'、'.join(FRONT_KEYS + LAYOUT_KEYS)}",
                path=path,
                line=number,
            )
    return data, end + 1


def _unescape(text: str) -> str:
    return text[1:] if text.startswith("\\") else text


def _parse_blocks(
    lines: list[tuple[int, str]], top: int, path: str | None
) -> tuple[list[str], list[Section]]:
    """Paragraphs before the first heading of level `top`, then the sections from there.

    `top` is the number of #'s of the outermost section level in these lines.
    """
    paragraphs: list[str] = []
    roots: list[Section] = []
    stack: list[Section] = []  # stack[i] is the open section at relative depth i+1
    for number, line in lines:
        match = _HEADING.match(line)
        if match:
            hashes = len(match.group(1))
            depth = hashes - top + 1
            if depth < 1:
                raise NigaoError(
                    f"这里不能用 {'#' * hashes} 标题（章节最高一级是 {'#' * top}）",
                    path=path,
                    line=number,
                )
            if depth > MAX_DEPTH or hashes > MAX_DEPTH + 1:
                raise NigaoError(
                    "标题层级过深：公文正文最多四级（## 到 #####）", path=path, line=number
                )
            if depth > len(stack) + 1:
                raise NigaoError(
                    f"{'#' * hashes} 标题前缺少上一级（{'#' * (hashes - 1)}）标题",
                    path=path,
                    line=number,
                )
            heading = match.group(2).strip()
            mark = _MARK.search(heading)
            if mark:
                heading = heading[: mark.start()]
            # A leading backslash keeps a typed label: "\\一、" is the heading text "一、…".
            heading = heading[1:] if heading.startswith("\\") else strip_label(heading)
            if not heading:
                raise NigaoError("标题是空的", path=path, line=number)
            run_in = mark.group(1) == "接排" if mark else is_run_in(heading)
            section = Section(heading=heading, run_in=run_in)
            del stack[depth - 1 :]
            (stack[-1].sections if stack else roots).append(section)
            stack.append(section)
            continue
        text = _unescape(line.strip())
        (stack[-1].paragraphs if stack else paragraphs).append(text)
    return paragraphs, roots


def read_draft(text: str, path: str | None = None) -> Document:
    """Read a draft Markdown file into a Document; errors name the file and line."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, start = _front_matter(lines, path)
    doc = Document()
    kind = meta.get("kind", "plan")
    if kind not in KINDS:
        raise NigaoError(f"kind 应为 plan、summary 或 report，得到“{kind}”", path=path, line=2)
    doc.kind = str(kind)
    for key in FRONT_KEYS[1:-1]:
        value = meta.get(key)
        if value is not None:
            setattr(doc, key, str(value))
    attachments = meta.get("attachments") or []
    if not isinstance(attachments, list):
        attachments = [attachments]
    doc.attachments = [str(item) for item in attachments]
    for key, value in _read_layout(meta, path).items():
        setattr(doc, key, value)

    body: list[tuple[int, str]] = []
    closing: list[str] | None = None
    for number, line in enumerate(lines[start:], start=start + 1):
        stripped = line.strip()
        if not stripped:
            continue
        if closing is not None:
            if _HEADING.match(stripped):
                raise NigaoError("结束语（*** 之后）里不能再有标题", path=path, line=number)
            closing.append(_unescape(stripped))
            continue
        if _RULE.match(stripped) and not stripped.startswith("---"):
            closing = []
            continue
        if stripped.startswith("# ") or stripped == "#":
            if doc.title:
                raise NigaoError("只能有一个一级标题（# 标题）", path=path, line=number)
            doc.title = stripped[1:].strip()
            if not doc.title:
                raise NigaoError("文件标题是空的", path=path, line=number)
            continue
        body.append((number, stripped))
    doc.preamble, doc.sections = _parse_blocks(body, 2, path)
    doc.closing = closing or []
    return doc


def parse_body(text: str, path: str | None = None) -> tuple[list[str], list[Section]]:
    """A skeleton body: its section's paragraphs, then child sections (### = first child level)."""
    lines = [
        (number, line.strip())
        for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1)
        if line.strip()
    ]
    return _parse_blocks(lines, 3, path)
