"""Document → .docx bytes laid out to GB/T 9704-2012: the only place with WordprocessingML.

Written with zipfile and string templates, not python-docx: importing python-docx alone costs
more than the whole write, and every command writes a .docx. All layout numbers come from
`nigao.gbt9704`, and the arithmetic on text (widths, title lines, row estimates) from
`nigao.typeset`; docs/GBT9704.md says why each is what it is. Children of w:pPr, w:rPr and
w:sectPr are written in the schema's order so that Word opens the file without "repair".

The output is deterministic: fixed zip timestamps and member order, no dates in docProps.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from nigao import gbt9704 as G
from nigao.errors import NigaoError
from nigao.model import Appendix, Document, Section, normalize
from nigao.typeset import (
    _title_units,
    count_lines,
    date_indents,
    text_width,
    title_lines,
)
from nigao.vocabulary import FILL_IN_RE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Characters XML 1.0 cannot hold, plus DEL and C1 controls (never wanted in a 公文).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def clean(text: str) -> str:
    """Text as XML 1.0 can hold it: control characters removed, line ends unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)


def esc(text: str) -> str:
    """Escape & < > " for element text and attribute values (after `clean`)."""
    return clean(text).translate(_ESCAPES)


# ---------------------------------------------------------------------------
# Runs and paragraphs.

_HINT = '<w:rFonts w:hint="eastAsia"/>'


def _text_run(
    text: str, rstyle: str | None = None, highlight: bool = False, size: int | None = None
) -> str:
    rpr = ""
    if rstyle:
        rpr += f'<w:rStyle w:val="{rstyle}"/>'
    rpr += _HINT
    if size:
        rpr += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    if highlight:
        rpr += f'<w:highlight w:val="{G.FILL_IN_HIGHLIGHT}"/>'
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{piece}</w:t>')
    return f"<w:r><w:rPr>{rpr}</w:rPr>{''.join(parts)}</w:r>"


def runs(text: str, rstyle: str | None = None, size: int | None = None) -> str:
    """Runs for `text`, split so every 【待填：…】 marker is a highlighted run of its own."""
    text = esc(text)
    out = []
    pos = 0
    for m in FILL_IN_RE.finditer(text):
        if m.start() > pos:
            out.append(_text_run(text[pos : m.start()], rstyle, size=size))
        out.append(_text_run(m.group(), rstyle, highlight=True, size=size))
        pos = m.end()
    if pos < len(text) or not out:
        out.append(_text_run(text[pos:], rstyle, size=size))
    return "".join(out)


def para(style: str | None, content: str = "", ppr: str = "") -> str:
    """A paragraph with a style and extra pPr children (already in schema order)."""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    props = pstyle + ppr
    head = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{head}{content}</w:p>"


class _Body:
    """The paragraphs written so far and the grid rows they take."""

    def __init__(self, counting: bool) -> None:
        self.xml: list[str] = []
        self.rows = 0
        self.counting = counting  # rows are only needed to place a 版记
        self.last: tuple[str, tuple[int, ...]] | None = None  # the last text paragraph added
        self.sect_type: str | None = None  # how the last section starts

    def end_section(self) -> None:
        """End the body's section at the last paragraph (no extra line for the break)."""
        i = len(self.xml) - 1
        while i >= 0 and not self.xml[i].startswith("<w:p"):
            i -= 1
        sect = sect_pr()
        if i < len(self.xml) - 1 or i < 0:  # a table ends the body: a paragraph of its own
            self.xml.append(f"<w:p><w:pPr>{sect}</w:pPr></w:p>")
            return
        xml = self.xml[i]
        if xml == "<w:p/>":
            xml = f"<w:p><w:pPr>{sect}</w:pPr></w:p>"
        elif xml.startswith("<w:p><w:pPr>"):
            end = xml.index("</w:pPr>")
            xml = xml[:end] + sect + xml[end:]
        else:
            xml = f"<w:p><w:pPr>{sect}</w:pPr>" + xml[len("<w:p>"):]
        self.xml[i] = xml

    def add(self, xml: str, rows: int = 1) -> None:
        self.xml.append(xml)
        self.rows += rows
        self.last = None

    def text(self, xml: str, text: str, *args: int) -> None:
        """Add a paragraph of `text`, counting its rows (see count_lines for `args`)."""
        self.xml.append(xml)
        self.last = (text, args)
        if self.counting:
            self.rows += count_lines(clean(text), *args)

    def keep_last_text_with(self, following: int) -> None:
        """Keep the last paragraph written with the `following` rows (the 署名 block).

        When those rows do not fit on this page, they go overleaf and take the last line
        of text with them: the page they leave ends early.
        """
        if self.last is None or not self.xml[-1].startswith(_STYLED):
            return
        lines = count_lines(clean(self.last[0]), *self.last[1])
        if lines > _KEPT_TEXT_ROWS:
            return  # a long paragraph is not moved whole: the 署名 block may start a page
        xml = self.xml[-1]
        end = xml.index("/>") + 2
        # keepLines too: Word and LibreOffice then both move the whole paragraph
        self.xml[-1] = xml[:end] + _KEEP + "<w:keepLines/>" + xml[end:]
        page = G.LINES_PER_PAGE
        first = self.rows - lines  # the row the paragraph starts on, as counted so far
        at = first % page
        if at + lines > page:  # keepLines: it is not split, it starts overleaf
            first, at = first + page - at, 0
        if at and at + lines + following > page:  # keepNext: it goes with the 署名 block
            first += page - at
        self.rows = first + lines

    def keep_with_next(self, lines: int) -> None:
        """`lines` kept headings go overleaf unless they and one line of text fit this page."""
        used = self.rows % G.LINES_PER_PAGE
        if self.counting and lines and used + lines >= G.LINES_PER_PAGE:
            self.rows += G.LINES_PER_PAGE - used

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.add("<w:p/>")


def _kept_lines(section: Section) -> int:
    """Rows of headings on lines of their own kept together from here down to the first text."""
    lines = 0
    while not section.run_in or not section.paragraphs:
        if not section.paragraphs and not section.sections:
            return 0  # an empty section: nothing to keep its heading with
        lines += 1
        if section.paragraphs or section.sections[0].run_in:
            return lines
        section = section.sections[0]
    return lines


def _section_paragraphs(depth: int, lab: str, section: Section, out: _Body) -> None:
    body = G.STYLE_BODY[0]
    heading = lab + section.heading
    if section.run_in and section.paragraphs:
        level = f'<w:outlineLvl w:val="{G.OUTLINE_LEVELS[depth]}"/>'
        content = runs(heading, G.STYLE_RUN_IN[depth][0]) + runs(section.paragraphs[0])
        out.text(para(body, content, level), heading + section.paragraphs[0])
        rest = section.paragraphs[1:]
    else:
        # A heading on a line of its own is kept with its text (w:keepNext in its style): on
        # the last row of a page it moves overleaf, leaving that row empty — counted here too.
        out.keep_with_next(_kept_lines(section))
        out.text(para(G.STYLE_HEADINGS[depth][0], runs(heading)), heading)
        rest = section.paragraphs
    for text in rest:
        out.text(para(body, runs(text)), text)


def _attachment_paragraphs(names: list[str], out: _Body) -> None:
    """附件说明 (7.3.4): "附件：名称" or "附件：1.名称" with later names aligned under "1."."""
    style = G.STYLE_ATTACHMENT[0]
    prefix = "附件："
    start = G.FIRST_LINE_INDENT + text_width(prefix)
    several = len(names) > 1
    for i, name in enumerate(names, 1):
        number = f"{i}." if several else ""
        left = start + text_width(number)
        hanging = left - (G.FIRST_LINE_INDENT if i == 1 else start)
        text = (prefix if i == 1 else "") + number + name
        ind = f'<w:ind w:left="{left}" w:hanging="{hanging}"/>'
        out.text(para(style, runs(text), ind), text, -hanging, left)


def _issuer_mark_size(mark: str) -> int:
    """Half-points: 初号 at most, smaller when the mark would be wider than the 版心."""
    fit = G.TEXT_WIDTH * 2 // max(1, _title_units(mark)) // 10  # half-points per em
    return max(G.BODY_SIZE, min(G.ISSUER_MARK_MAX_SIZE, fit))


def _head_paragraphs(doc: Document, out: _Body) -> None:
    """版头 (7.2): red 发文机关标志, 发文字号 two lines below, red rule 4 mm under it.

    With a 签发人 (7.2.6, 上行文) the 发文字号 moves one character in from the left and
    "签发人：" with the name in 楷体 stands one character in from the right, on the same row.
    """
    out.blank(G.ISSUER_MARK_BLANK_LINES_ABOVE)
    mark = doc.issuer_mark or doc.signature or ""
    if mark:
        size = _issuer_mark_size(mark)
        out.add(para(G.STYLE_ISSUER_MARK[0], runs(mark, size=size)), G.ISSUER_MARK_LINES)
    out.blank(G.DOC_NUMBER_BLANK_LINES_ABOVE)
    if doc.signer:
        names = "\u3000".join(n.strip() for n in re.split("[、,，]", doc.signer) if n.strip())
        tab = G.TEXT_WIDTH - G.SIGNER_INDENT
        ppr = (
            f'<w:tabs><w:tab w:val="right" w:pos="{tab}"/></w:tabs>'
            f'<w:ind w:left="{G.SIGNER_INDENT}" w:firstLine="0"/><w:jc w:val="left"/>'
        )
        content = runs((doc.doc_number or "") + "\t签发人：") + runs(names, G.STYLE_SIGNER_NAME[0])
        out.add(para(G.STYLE_DOC_NUMBER[0], content, ppr))
    else:
        out.add(para(G.STYLE_DOC_NUMBER[0], runs(doc.doc_number or "")))
    out.blank(G.TITLE_BLANK_LINES_BELOW_RULE)


def _border(side: str, eighths: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="0" w:color="000000"/>'


def _frame(y: int) -> str:
    """Frame properties: as wide as the 版心, `y` twips below its top edge (ECMA-376 17.3.1.11).

    Word, WPS and LibreOffice place such a frame at that height on the page its paragraph
    falls on, out of the text's flow, so the 版记 ends on the bottom edge of the 版心 however
    the text above was broken into lines (docs/GBT9704.md has the measurements).
    """
    return (
        f'<w:framePr w:w="{G.TEXT_WIDTH}" w:wrap="around" w:vAnchor="margin" '
        f'w:hAnchor="margin" w:xAlign="center" w:y="{y}"/>'
    )


# LibreOffice drops the frame of a bordered framed paragraph followed by another framed one:
# each 版记 paragraph is a frame of its own, with a one-twip empty paragraph between them.
_ANCHOR = (
    '<w:p><w:pPr><w:snapToGrid w:val="0"/>'
    '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>'
)


def _verso_paragraphs(doc: Document) -> tuple[list[str], int]:
    """版记 (7.4): 抄送 and 印发机关/印发日期 between rules, ending on the 版心's bottom edge.

    Each line's exact height is the grid row less its rules, so every part of the 版记 is a
    whole number of rows tall and its position follows by subtraction from the bottom edge.
    The 抄送 wraps under its first name (hanging after "抄送："), one character in each side.
    Returns the paragraphs and the rows they take.
    """
    thick, thin = G.RULE_THICK_EIGHTHS, G.RULE_THIN_EIGHTHS
    size, char = G.VERSO_SIZE, G.VERSO_CHAR
    blocks: list[tuple[str, int, str]] = []  # (style, height in twips, pPr after the frame)
    rows = 0
    texts: list[str] = []
    if doc.cc:
        label = "抄送："
        cc = label + doc.cc.strip()
        if not cc.endswith("。"):
            cc += "。"
        bottom = thin if doc.printer else thick
        rules = (thick + bottom) * 20 // 8
        bdr = f"<w:pBdr>{_border('top', thick)}{_border('bottom', bottom)}</w:pBdr>"
        hanging = text_width(label, size, 0)
        left = G.VERSO_INDENT + hanging
        n = count_lines(clean(cc), -hanging, left, G.VERSO_INDENT, char, char // 2)
        line = G.LINE_PITCH - rules // n
        ind = f'<w:ind w:left="{left}" w:right="{G.VERSO_INDENT}" w:hanging="{hanging}"/>'
        blocks.append((G.STYLE_CC[0], n * line + rules, bdr + _OFF_GRID + _grid_spacing(line) + ind))
        texts.append(cc)
        rows += n
    if doc.printer:
        top = 0 if doc.cc else thick
        rules = (top + thick) * 20 // 8
        bdr = (_border("top", top) if top else "") + _border("bottom", thick)
        tabs = f'<w:tabs><w:tab w:val="right" w:pos="{G.TEXT_WIDTH - G.VERSO_INDENT}"/></w:tabs>'
        line = G.LINE_PITCH - rules
        right = f"{doc.print_date}印发" if doc.print_date else "印发"
        ppr = f"<w:pBdr>{bdr}</w:pBdr>{tabs}{_OFF_GRID}{_grid_spacing(line)}"
        blocks.append((G.STYLE_PRINTER[0], line + rules, ppr))
        texts.append(f"{doc.printer}\t{right}")
        rows += 1
    parts: list[str] = []
    y = G.TEXT_HEIGHT - sum(height for _s, height, _p in blocks)
    for i, ((style, height, ppr), text) in enumerate(zip(blocks, texts, strict=True)):
        if i:
            parts.append(_ANCHOR)
        parts.append(para(style, runs(text), _frame(y) + ppr))
        y += height
    return parts, rows


def _verso_break(rows_before: int, verso_rows: int, even: bool) -> str | None:
    """The section break the 版记 needs before it: None, "nextPage" or "evenPage".

    The 版记 stays on the body's last page when the writer's estimate leaves it room with a
    margin (G.VERSO_SAFETY_ROWS) and, when `even`, that page is even (the back of the sheet);
    otherwise it starts a page of its own, the next even one when `even` — a renderer then
    leaves the odd page between blank and unnumbered.
    """
    page = G.LINES_PER_PAGE
    last_page = max(1, -(-rows_before // page))
    free = last_page * page - rows_before
    fits = free >= verso_rows + 1 + G.VERSO_SAFETY_ROWS
    if fits and (not even or last_page % 2 == 0):
        return None
    return "evenPage" if even else "nextPage"


def body_xml(doc: Document) -> str:
    """The w:body content: every paragraph of the 公文 in order, then the section properties."""
    return _body_xml(normalize(doc))


def _body_xml(doc: Document) -> str:
    return "".join(_build(doc, counting=bool(doc.cc or doc.printer)).xml)


def estimate_rows(doc: Document) -> int:
    """Grid rows the text takes (22 a page), up to the 署名 or the last attachment.

    The writer's own estimate; the 版记 is out of the flow and not counted.
    """
    return _build(normalize(doc), counting=True).rows


def _build(doc: Document, counting: bool) -> _Body:
    out = _Body(counting)
    if doc.doc_number:
        _head_paragraphs(doc, out)
    if doc.title:
        lines = [esc(x) for x in title_lines(clean(doc.title).replace("\n", ""))]
        out.add(para(G.STYLE_TITLE[0], _text_run("\n".join(lines))), len(lines))
        out.blank()
    if doc.recipients:
        rec = doc.recipients.strip()
        if not rec.endswith(("：", ":")):
            rec += "："
        out.text(para(G.STYLE_RECIPIENTS[0], runs(rec)), rec, 0)
    body = G.STYLE_BODY[0]
    for text in doc.preamble:
        out.text(para(body, runs(text)), text)
    too_deep = [s.heading for depth, s in doc.walk() if depth > len(G.STYLE_HEADINGS)]
    if too_deep:
        raise NigaoError(
            f"标题层级超过四级（一、（一）1.（1）），无法按 GB/T 9704 编号：“{too_deep[0]}”"
        )
    for depth, lab, section in doc.numbered():
        _section_paragraphs(depth, lab, section, out)
    for text in doc.closing:
        out.text(para(G.STYLE_CLOSING[0], runs(text)), text)
    if doc.attachments:
        out.blank()
        _attachment_paragraphs(doc.attachments, out)
    if doc.signature or doc.date:
        _signature_paragraphs(doc, out)
    for appendix in doc.appendices:
        _appendix_paragraphs(doc, appendix, out)
    if doc.cc or doc.printer:
        parts, rows = _verso_paragraphs(doc)
        kind = _verso_break(out.rows, rows, doc.verso_even)
        if kind is not None:
            out.end_section()
            out.sect_type = kind
        for xml in parts:  # out of the flow: the rows counted are the body's
            out.add(xml, 0)
    out.add(sect_pr(out.sect_type), 0)
    return out


def _signature_paragraphs(doc: Document, out: _Body) -> None:
    """署名 and 成文日期 (7.3.5), right-aligned, kept together and with the last line of text."""
    blank = G.SEALED_BLANK_ROWS if doc.sealed else G.UNSEALED_BLANK_ROWS
    # They stay together, and never on a page without body text above them: the last line
    # of text, the blank lines and the 署名 are kept with what follows.
    out.keep_last_text_with(blank + bool(doc.signature) + bool(doc.date))
    for _ in range(blank):
        out.add(para(None, "", _KEEP))
    sig_right, date_right = date_indents(doc.signature or "", doc.date or "", doc.sealed)
    if doc.signature:
        keep = _KEEP if doc.date else ""
        ind = f'<w:ind w:right="{sig_right}"/>'
        out.add(para(G.STYLE_SIGNATURE[0], runs(doc.signature), keep + ind))
    if doc.date:
        ind = f'<w:ind w:right="{date_right}"/>'
        out.add(para(G.STYLE_DATE[0], runs(doc.date), ind))


def appendix_label(doc: Document, appendix_title: str) -> str:
    """"附件" or "附件2": the number is the title's place in the 附件说明 (when there are several)."""
    names = doc.attachments
    if len(names) > 1 and appendix_title in names:
        return f"附件{names.index(appendix_title) + 1}"
    return "附件"


def _appendix_paragraphs(doc: Document, appendix: Appendix, out: _Body) -> None:
    """附件 pages (8): a new page, "附件N" in 黑体 on row 1, the title centred on row 3."""
    out.rows = -(-out.rows // G.LINES_PER_PAGE) * G.LINES_PER_PAGE
    label = appendix_label(doc, appendix.title)
    out.add(para(G.STYLE_APPENDIX_LABEL[0], runs(label)))
    out.blank()
    lines = [esc(x) for x in title_lines(clean(appendix.title))]
    out.add(para(G.STYLE_APPENDIX_TITLE[0], _text_run("\n".join(lines))), len(lines))
    out.blank()
    for text in appendix.paragraphs:
        out.text(para(G.STYLE_BODY[0], runs(text)), text)
    if appendix.table:
        out.add(*_table(appendix.table))


def _column_widths(rows: list[list[str]], ncols: int) -> list[int]:
    """Twips per column: short columns (up to eight characters) as wide as their longest cell
    and one character more, the long ones sharing the rest by their length."""
    chars = G.CHARS_PER_LINE
    natural = [max(2, *(len(r[c]) + 1 for r in rows if c < len(r))) for c in range(ncols)]
    if sum(natural) > chars:
        short = [n if n <= 8 else 0 for n in natural]
        rest = max(chars - sum(short), 4 * natural.count(0))
        long_total = sum(n for n, s in zip(natural, short, strict=True) if not s) or 1
        natural = [s or max(4, rest * n // long_total) for n, s in zip(natural, short, strict=True)]
    return [G.TEXT_WIDTH * n // sum(natural) for n in natural]


def _table(rows: list[list[str]]) -> tuple[str, int]:
    """A plain ruled table as wide as the 版心, the first row its header (repeated overleaf)."""
    ncols = max(len(r) for r in rows)
    widths = _column_widths(rows, ncols)
    widths[-1] += G.TEXT_WIDTH - sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    tblpr = (
        f'<w:tblPr><w:tblW w:w="{G.TEXT_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>"
    )
    out, total = [], 0
    style = G.STYLE_TABLE_TEXT[0]
    for i, row in enumerate(rows):
        cells = [*row, *([""] * (ncols - len(row)))]
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if i == 0 else (
            "<w:trPr><w:cantSplit/></w:trPr>"
        )
        xml = []
        lines = 1
        for cell, width in zip(cells, widths, strict=True):
            content = runs(cell, G.STYLE_RUN_IN[1][0] if i == 0 else None) if cell else ""
            xml.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/>'
                f"</w:tcPr>{para(style, content)}</w:tc>"
            )
            lines = max(lines, count_lines(clean(cell), 0, 0, G.TEXT_WIDTH - width + 114))
        out.append(f"<w:tr>{trpr}{''.join(xml)}</w:tr>")
        total += lines
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{''.join(out)}</w:tbl>", total


def sect_pr(kind: str | None = None) -> str:
    """Section properties: A4, the 版心 margins, the 22-row grid, odd/even page numbers.

    `kind` ("nextPage", "evenPage") says how the section starts (the 版记's own section).
    """
    start = f'<w:type w:val="{kind}"/>' if kind else ""
    return (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        f'<w:footerReference w:type="even" r:id="rIdFooterEven"/>{start}'
        f'<w:pgSz w:w="{G.PAGE_WIDTH}" w:h="{G.PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{G.MARGIN_TOP}" w:right="{G.MARGIN_RIGHT}" w:bottom="{G.MARGIN_BOTTOM}" '
        f'w:left="{G.MARGIN_LEFT}" w:header="{G.HEADER_DISTANCE}" w:footer="{G.FOOTER_DISTANCE}" '
        'w:gutter="0"/><w:cols w:space="720"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{G.LINE_PITCH}"/></w:sectPr>'
    )


SECT_PR = sect_pr()


# ---------------------------------------------------------------------------
# Package parts.

_NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'


def document_xml(doc: Document) -> str:
    return _document_xml(normalize(doc))


def _document_xml(doc: Document) -> str:
    return f"{XML_DECL}<w:document {_NS_DECL}><w:body>{_body_xml(doc)}</w:body></w:document>"


def _footer_xml(odd: bool) -> str:
    if odd:
        ind, jc = f'<w:ind w:right="{G.PAGE_NUMBER_INDENT}"/>', "right"
    else:
        ind, jc = f'<w:ind w:left="{G.PAGE_NUMBER_INDENT}"/>', "left"
    dash = G.PAGE_NUMBER_DASH
    field = (
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        '<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t>1</w:t></w:r>'
        '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
    )
    content = _text_run(dash + " ") + field + _text_run(" " + dash)
    p = para(G.STYLE_PAGE_NUMBER[0], content, f'{ind}<w:jc w:val="{jc}"/>')
    return f"{XML_DECL}<w:ftr {_NS_DECL}>{p}</w:ftr>"


def _fonts(name: str, ascii_name: str | None = None) -> str:
    a = esc(ascii_name or name)
    n = esc(name)
    return f'<w:rFonts w:ascii="{a}" w:hAnsi="{a}" w:eastAsia="{n}" w:cs="{a}" w:hint="eastAsia"/>'


def _rpr(
    font: str | None = None,
    size: int | None = None,
    spacing: int | None = None,
    color: str | None = None,
    ascii_font: str | None = None,
) -> str:
    out = _fonts(font, ascii_font) if font else ""
    out += '<w:b w:val="0"/><w:bCs w:val="0"/>' if font else ""
    if color:
        out += f'<w:color w:val="{color}"/>'
    if spacing is not None:
        out += f'<w:spacing w:val="{spacing}"/>'
    if size:
        out += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{out}</w:rPr>" if out else ""


# A 22 pt line would take two grid rows in LibreOffice: the title keeps its exact line instead.
_OFF_GRID = '<w:snapToGrid w:val="0"/>'
_KEEP = "<w:keepNext/>"
_STYLED = "<w:p><w:pPr><w:pStyle "
_KEPT_TEXT_ROWS = 5  # a last paragraph up to this long goes overleaf with the 署名


def _grid_spacing(line: int = G.LINE_PITCH) -> str:
    return f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>'


def _pstyle(
    sid: str,
    name: str,
    *,
    ppr: str = "",
    rpr: str = "",
    based_on: str | None = "Normal",
    next_id: str | None = None,
) -> str:
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    nxt = f'<w:next w:val="{next_id}"/>' if next_id else ""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/>{based}{nxt}<w:qFormat/>{ppr_xml}{rpr}</w:style>'
    )


def _styles_xml() -> str:
    body_rpr = _rpr(G.FONT_BODY, G.BODY_SIZE, G.CHAR_SPACING)
    first = f'<w:ind w:firstLine="{G.FIRST_LINE_INDENT}"/>'
    no_ind = '<w:ind w:firstLine="0"/>'
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"<w:qFormat/><w:pPr>{_grid_spacing()}</w:pPr></w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>",
        _pstyle(G.STYLE_BODY[0], G.STYLE_BODY[1], ppr=_grid_spacing() + first, rpr=body_rpr),
        _pstyle(G.STYLE_CLOSING[0], G.STYLE_CLOSING[1], based_on=G.STYLE_BODY[0]),
        _pstyle(
            G.STYLE_TITLE[0],
            G.STYLE_TITLE[1],
            ppr=_OFF_GRID + _grid_spacing() + no_ind + '<w:jc w:val="center"/>',
            rpr=_rpr(G.FONT_TITLE, G.TITLE_SIZE, 0),
            next_id=G.STYLE_BODY[0],
        ),
        _pstyle(
            G.STYLE_RECIPIENTS[0],
            G.STYLE_RECIPIENTS[1],
            ppr=_grid_spacing() + no_ind,
            rpr=body_rpr,
            next_id=G.STYLE_BODY[0],
        ),
    ]
    for depth, (sid, name) in G.STYLE_HEADINGS.items():
        ppr = _KEEP + _grid_spacing() + first + f'<w:outlineLvl w:val="{G.OUTLINE_LEVELS[depth]}"/>'
        rpr = _rpr(G.HEADING_FONTS[depth], G.BODY_SIZE, G.CHAR_SPACING)
        styles.append(_pstyle(sid, name, ppr=ppr, rpr=rpr, next_id=G.STYLE_BODY[0]))
    for depth, (sid, name) in G.STYLE_RUN_IN.items():
        styles.append(
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{sid}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
            f"{_rpr(G.HEADING_FONTS[depth], G.BODY_SIZE, G.CHAR_SPACING)}</w:style>"
        )
    styles += [
        _pstyle(
            G.STYLE_ATTACHMENT[0], G.STYLE_ATTACHMENT[1], ppr=_grid_spacing() + first, rpr=body_rpr
        ),
        _pstyle(
            G.STYLE_SIGNATURE[0],
            G.STYLE_SIGNATURE[1],
            ppr=_grid_spacing()
            + f'<w:ind w:right="{G.SIGNATURE_RIGHT_INDENT}" w:firstLine="0"/><w:jc w:val="right"/>',
            rpr=body_rpr,
        ),
        _pstyle(
            G.STYLE_DATE[0],
            G.STYLE_DATE[1],
            ppr=_grid_spacing()
            + f'<w:ind w:right="{G.DATE_RIGHT_INDENT}" w:firstLine="0"/><w:jc w:val="right"/>',
            rpr=body_rpr,
        ),
        _pstyle(
            G.STYLE_PAGE_NUMBER[0],
            G.STYLE_PAGE_NUMBER[1],
            ppr=_grid_spacing(G.PAGE_NUMBER_LINE) + '<w:ind w:firstLine="0"/>',
            rpr=_rpr(G.FONT_PAGE_NUMBER, G.PAGE_NUMBER_SIZE, 0),
        ),
        _pstyle(
            G.STYLE_ISSUER_MARK[0],
            G.STYLE_ISSUER_MARK[1],
            ppr=_OFF_GRID
            + _grid_spacing(G.LINE_PITCH * G.ISSUER_MARK_LINES)
            + no_ind
            + '<w:jc w:val="center"/>',
            rpr=_rpr(G.FONT_TITLE, G.ISSUER_MARK_MAX_SIZE, 0, G.RED),
        ),
        _pstyle(
            G.STYLE_DOC_NUMBER[0],
            G.STYLE_DOC_NUMBER[1],
            ppr=(
                '<w:pBdr><w:bottom w:val="single" '
                f'w:sz="{G.RED_RULE_EIGHTHS}" w:space="{G.RED_RULE_SPACE}" w:color="{G.RED}"/>'
                f"</w:pBdr>{_OFF_GRID}{_grid_spacing(G.DOC_NUMBER_LINE)}{no_ind}"
                '<w:jc w:val="center"/>'
            ),
            rpr=body_rpr,
        ),
        _pstyle(
            G.STYLE_CC[0],
            G.STYLE_CC[1],
            ppr=_grid_spacing() + f'<w:ind w:left="0" w:right="0" w:firstLine="{G.VERSO_INDENT}"/>',
            rpr=_rpr(G.FONT_BODY, G.VERSO_SIZE, 0),
        ),
        _pstyle(
            G.STYLE_PRINTER[0],
            G.STYLE_PRINTER[1],
            ppr=_grid_spacing() + f'<w:ind w:left="0" w:right="0" w:firstLine="{G.VERSO_INDENT}"/>',
            rpr=_rpr(G.FONT_BODY, G.VERSO_SIZE, 0),
        ),
    ]
    styles += [
        _pstyle(
            G.STYLE_APPENDIX_LABEL[0],
            G.STYLE_APPENDIX_LABEL[1],
            ppr="<w:pageBreakBefore/>" + _grid_spacing() + no_ind + '<w:jc w:val="left"/>',
            rpr=_rpr(G.FONT_APPENDIX_LABEL, G.BODY_SIZE, G.CHAR_SPACING),
            next_id=G.STYLE_BODY[0],
        ),
        _pstyle(
            G.STYLE_APPENDIX_TITLE[0],
            G.STYLE_APPENDIX_TITLE[1],
            ppr=_OFF_GRID + _grid_spacing() + no_ind + '<w:jc w:val="center"/>',
            rpr=_rpr(G.FONT_TITLE, G.TITLE_SIZE, 0),
            next_id=G.STYLE_BODY[0],
        ),
        _pstyle(
            G.STYLE_TABLE_TEXT[0],
            G.STYLE_TABLE_TEXT[1],
            ppr=_grid_spacing() + no_ind + '<w:jc w:val="center"/>',
            rpr=body_rpr,
        ),
        '<w:style w:type="character" w:customStyle="1" '
        f'w:styleId="{G.STYLE_SIGNER_NAME[0]}"><w:name w:val="{G.STYLE_SIGNER_NAME[1]}"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/>'
        f"{_rpr(G.FONT_SIGNER, G.BODY_SIZE, G.CHAR_SPACING)}</w:style>",
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'{_fonts(G.FONT_BODY)}<w:kern w:val="0"/>'
        f'<w:sz w:val="{G.BODY_SIZE}"/><w:szCs w:val="{G.BODY_SIZE}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:widowControl w:val="0"/>'
        f'{_grid_spacing()}<w:jc w:val="both"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return f"{XML_DECL}<w:styles {_NS_DECL}>{defaults}{''.join(styles)}</w:styles>"


_SETTINGS = (
    f'{XML_DECL}<w:settings xmlns:w="{W_NS}">'
    '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    "</w:settings>"
)


def _theme_xml() -> str:
    """A minimal theme (Word requires the part). No style refers to theme fonts or colours."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    names = ("dk1", "lt1", "dk2", "lt2", *(f"accent{i}" for i in range(1, 7)), "hlink", "folHlink")
    rgb = (
        "000000",
        "FFFFFF",
        "1F497D",
        "EEECE1",
        "4F81BD",
        "C0504D",
        "9BBB59",
        "8064A2",
        "4BACC6",
        "F79646",
        "0000FF",
        "800080",
    )
    colors = "".join(
        f'<a:{n}><a:srgbClr val="{c}"/></a:{n}>' for n, c in zip(names, rgb, strict=True)
    )

    def fonts(tag: str, ea: str) -> str:
        return (
            f'<a:{tag}><a:latin typeface="Times New Roman"/><a:ea typeface="{ea}"/>'
            f'<a:cs typeface="Times New Roman"/></a:{tag}>'
        )

    solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{solid}</a:ln>'
    return (
        f'{XML_DECL}<a:theme xmlns:a="{a}" name="GB/T 9704"><a:themeElements>'
        f'<a:clrScheme name="GB/T 9704">{colors}</a:clrScheme>'
        f'<a:fontScheme name="GB/T 9704">{fonts("majorFont", G.FONT_TITLE)}'
        f"{fonts('minorFont', G.FONT_BODY)}</a:fontScheme>"
        f'<a:fmtScheme name="GB/T 9704"><a:fillStyleLst>{solid * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}"
        f"</a:effectStyleLst><a:bgFillStyleLst>{solid * 3}</a:bgFillStyleLst></a:fmtScheme>"
        "</a:themeElements></a:theme>"
    )


def _font_entry(name: str, alt: str, family: str, pitch: str) -> str:
    return (
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
    )


# altName lets Word on a machine without the GB2312-era font fall back to its modern twin.
_FONT_TABLE = (
    f'{XML_DECL}<w:fonts xmlns:w="{W_NS}">'
    + _font_entry(G.FONT_BODY, "仿宋", "modern", "fixed")
    + _font_entry(G.FONT_H2, "楷体", "modern", "fixed")
    + _font_entry(G.FONT_H1, "SimHei", "modern", "fixed")
    + _font_entry(G.FONT_TITLE, "宋体", "script", "default")
    + _font_entry(G.FONT_PAGE_NUMBER, "SimSun", "auto", "variable")
    + "</w:fonts>"
)

_CONTENT_TYPES = (
    f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    "</Types>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = (
    f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    f'{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdTheme" Type="{_REL}/theme" Target="theme/theme1.xml"/>'
    f'<Relationship Id="rIdFooterOdd" Type="{_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFooterEven" Type="{_REL}/footer" Target="footer2.xml"/>'
    "</Relationships>"
)


def _core_xml(doc: Document) -> str:
    title = esc(doc.title.replace("\n", "")) if doc.title else ""
    creator = esc(doc.author or doc.signature or "")
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        "</cp:coreProperties>"
    )


# Parts that do not depend on the document, built once.
_STATIC: dict[str, bytes] = {}


def _static_parts() -> dict[str, bytes]:
    if not _STATIC:
        _STATIC.update(
            {
                "[Content_Types].xml": _CONTENT_TYPES.encode(),
                "_rels/.rels": _ROOT_RELS.encode(),
                "word/_rels/document.xml.rels": _DOC_RELS.encode(),
                "word/styles.xml": _styles_xml().encode(),
                "word/settings.xml": _SETTINGS.encode(),
                "word/fontTable.xml": _FONT_TABLE.encode(),
                "word/theme/theme1.xml": _theme_xml().encode(),
                "word/footer1.xml": _footer_xml(odd=True).encode(),
                "word/footer2.xml": _footer_xml(odd=False).encode(),
            }
        )
    return _STATIC


_ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/theme/theme1.xml",
    "word/footer1.xml",
    "word/footer2.xml",
)


def write_docx(doc: Document, report: list[str] | None = None) -> bytes:
    """The .docx package for `doc`, laid out to GB/T 9704-2012. Same document → same bytes.

    Writes `nigao.model.normalize(doc)`, as the draft writer does: characters XML 1.0 cannot
    hold are removed, and when `report` is a list it receives one Chinese line for each text
    that lost some (a command prints them).
    """
    doc = normalize(doc, report)
    parts = dict(_static_parts())
    parts["word/document.xml"] = _document_xml(doc).encode()
    parts["docProps/core.xml"] = _core_xml(doc).encode()
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in _ORDER:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name], compresslevel=6)
    return buffer.getvalue()
