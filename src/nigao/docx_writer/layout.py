"""The body's layout: a `Document` → the paragraphs and tables of word/document.xml, in order.

Builds `elements` objects and counts the grid rows they take (22 a page), because the 版记's
page is chosen from that count. The 版头 and the 版记 come from `head` and `verso`; widths,
title lines and row estimates from `nigao.typeset`; every number from `nigao.gbt9704`.
"""

from __future__ import annotations

from nigao import gbt9704 as G
from nigao.docx_writer.elements import (
    Block,
    Cell,
    Indent,
    Paragraph,
    ParagraphProps,
    Run,
    RunProps,
    SectionProps,
    Table,
    TableRow,
    clean,
)
from nigao.errors import NigaoError
from nigao.model import Appendix, Document, Section
from nigao.typeset import count_lines, date_indents, text_width, title_lines
from nigao.vocabulary import FILL_IN_RE

_KEPT_TEXT_ROWS = 5  # a last paragraph up to this long goes overleaf with the 署名

# Run properties by (character style, size, highlighted): shared, never changed.
_RUN_PROPS: dict[tuple[str | None, int | None, bool], RunProps] = {}


def _run(
    text: str, rstyle: str | None = None, highlight: bool = False, size: int | None = None
) -> Run:
    key = (rstyle, size, highlight)
    props = _RUN_PROPS.get(key)
    if props is None:
        hl = G.FILL_IN_HIGHLIGHT if highlight else None
        props = _RUN_PROPS[key] = RunProps(rstyle, size=size, highlight=hl)
    return Run(text, props)


def runs(text: str, rstyle: str | None = None, size: int | None = None) -> list[Run]:
    """Runs for `text`, split so every 【待填：…】 marker is a highlighted run of its own."""
    out = []
    pos = 0
    for m in FILL_IN_RE.finditer(text):
        if m.start() > pos:
            out.append(_run(text[pos : m.start()], rstyle, size=size))
        out.append(_run(m.group(), rstyle, highlight=True, size=size))
        pos = m.end()
    if pos < len(text) or not out:
        out.append(_run(text[pos:], rstyle, size=size))
    return out


def para(style: str | None, content: list[Run] | None = None, **props: object) -> Paragraph:
    """A paragraph of `style` with `content` and further properties (ParagraphProps fields)."""
    return Paragraph(ParagraphProps(style, **props), content)  # type: ignore[arg-type]


def page_section(kind: str | None = None) -> SectionProps:
    """Section properties: A4, the 版心 margins, the 22-row grid, odd/even page numbers.

    `kind` ("nextPage", "evenPage") says how the section starts (the 版记's own section).
    """
    from nigao.docx_writer.parts import FOOTER_EVEN_ID, FOOTER_ODD_ID

    return SectionProps(
        kind,
        width=G.PAGE_WIDTH,
        height=G.PAGE_HEIGHT,
        top=G.MARGIN_TOP,
        right=G.MARGIN_RIGHT,
        bottom=G.MARGIN_BOTTOM,
        left=G.MARGIN_LEFT,
        header=G.HEADER_DISTANCE,
        footer=G.FOOTER_DISTANCE,
        line_pitch=G.LINE_PITCH,
        odd_footer=FOOTER_ODD_ID,
        even_footer=FOOTER_EVEN_ID,
    )


class Body:
    """The blocks laid out so far and the grid rows they take."""

    def __init__(self, counting: bool) -> None:
        self.blocks: list[Block | SectionProps] = []
        self.rows = 0
        self.counting = counting  # rows are only needed to place a 版记
        # the last text paragraph added, its text and its count_lines arguments
        self.last: tuple[Paragraph, str, tuple[int, ...]] | None = None
        self.sect_type: str | None = None  # how the last section starts

    def end_section(self) -> None:
        """End the body's section at the last paragraph (no extra line for the break)."""
        last = self.blocks[-1] if self.blocks else None
        if isinstance(last, Paragraph):
            last.props.section = page_section()
        else:  # a table ends the body (or nothing is there): a paragraph of its own
            self.blocks.append(para(None, section=page_section()))

    def add(self, block: Block, rows: int = 1) -> None:
        self.blocks.append(block)
        self.rows += rows
        self.last = None

    def text(self, paragraph: Paragraph, text: str, *args: int) -> None:
        """Add a paragraph of `text`, counting its rows (see count_lines for `args`)."""
        self.blocks.append(paragraph)
        self.last = (paragraph, text, args)
        if self.counting:
            self.rows += count_lines(clean(text), *args)

    def keep_last_text_with(self, following: int) -> None:
        """Keep the last paragraph written with the `following` rows (the 署名 block).

        When those rows do not fit on this page, they go overleaf and take the last line
        of text with them: the page they leave ends early.
        """
        if self.last is None:
            return
        paragraph, text, args = self.last
        lines = count_lines(clean(text), *args)
        if lines > _KEPT_TEXT_ROWS:
            return  # a long paragraph is not moved whole: the 署名 block may start a page
        # keepLines too: Word and LibreOffice then both move the whole paragraph
        paragraph.props.keep_next = paragraph.props.keep_lines = True
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
            self.add(Paragraph())


def build(doc: Document, counting: bool) -> Body:
    """Lay out a normalised `doc`; count rows when `counting` (always when it has a 版记)."""
    from nigao.docx_writer import head, verso

    counting = counting or bool(doc.cc or doc.printer)
    out = Body(counting)
    if doc.doc_number:
        for paragraph, rows in head.head_paragraphs(doc):
            out.add(paragraph, rows)
    if doc.title:
        lines = title_lines(clean(doc.title).replace("\n", ""))
        out.add(para(G.STYLE_TITLE[0], [Run("\n".join(lines))]), len(lines))
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
        paragraphs, rows = verso.verso_paragraphs(doc)
        kind = verso.verso_break(out.rows, rows, doc.verso_even)
        if kind is not None:
            out.end_section()
            out.sect_type = kind
        for paragraph in paragraphs:  # out of the flow: the rows counted are the body's
            out.add(paragraph, 0)
    out.blocks.append(page_section(out.sect_type))
    return out


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


def _section_paragraphs(depth: int, lab: str, section: Section, out: Body) -> None:
    body = G.STYLE_BODY[0]
    heading = lab + section.heading
    if section.run_in and section.paragraphs:
        content = runs(heading, G.STYLE_RUN_IN[depth][0]) + runs(section.paragraphs[0])
        paragraph = para(body, content, outline_level=G.OUTLINE_LEVELS[depth])
        out.text(paragraph, heading + section.paragraphs[0])
        rest = section.paragraphs[1:]
    else:
        # A heading on a line of its own is kept with its text (w:keepNext in its style): on
        # the last row of a page it moves overleaf, leaving that row empty — counted here too.
        out.keep_with_next(_kept_lines(section))
        out.text(para(G.STYLE_HEADINGS[depth][0], runs(heading)), heading)
        rest = section.paragraphs
    for text in rest:
        out.text(para(body, runs(text)), text)


def _attachment_paragraphs(names: list[str], out: Body) -> None:
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
        ind = Indent(left=left, hanging=hanging)
        out.text(para(style, runs(text), indent=ind), text, -hanging, left)


def _signature_paragraphs(doc: Document, out: Body) -> None:
    """署名 and 成文日期 (7.3.5), right-aligned, kept together and with the last line of text."""
    blank = G.SEALED_BLANK_ROWS if doc.sealed else G.UNSEALED_BLANK_ROWS
    # They stay together, and never on a page without body text above them: the last line
    # of text, the blank lines and the 署名 are kept with what follows.
    out.keep_last_text_with(blank + bool(doc.signature) + bool(doc.date))
    for _ in range(blank):
        out.add(para(None, keep_next=True))
    sig_right, date_right = date_indents(doc.signature or "", doc.date or "", doc.sealed)
    if doc.signature:
        ind = Indent(right=sig_right)
        out.add(
            para(G.STYLE_SIGNATURE[0], runs(doc.signature), keep_next=bool(doc.date), indent=ind)
        )
    if doc.date:
        out.add(para(G.STYLE_DATE[0], runs(doc.date), indent=Indent(right=date_right)))


def appendix_label(doc: Document, appendix_title: str) -> str:
    """ "附件" or "附件2": the number is the title's place in the 附件说明 (when there are several)."""
    names = doc.attachments
    if len(names) > 1 and appendix_title in names:
        return f"附件{names.index(appendix_title) + 1}"
    return "附件"


def _appendix_paragraphs(doc: Document, appendix: Appendix, out: Body) -> None:
    """附件 pages (8): a new page, "附件N" in 黑体 on row 1, the title centred on row 3."""
    out.rows = -(-out.rows // G.LINES_PER_PAGE) * G.LINES_PER_PAGE
    label = appendix_label(doc, appendix.title)
    out.add(para(G.STYLE_APPENDIX_LABEL[0], runs(label)))
    out.blank()
    lines = title_lines(clean(appendix.title))
    out.add(para(G.STYLE_APPENDIX_TITLE[0], [Run("\n".join(lines))]), len(lines))
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


def _table(rows: list[list[str]]) -> tuple[Table, int]:
    """A plain ruled table as wide as the 版心, the first row its header (repeated overleaf).

    Returns the table and the grid rows it takes."""
    ncols = max(len(r) for r in rows)
    widths = _column_widths(rows, ncols)
    widths[-1] += G.TEXT_WIDTH - sum(widths)
    style = G.STYLE_TABLE_TEXT[0]
    table_rows, total = [], 0
    for i, row in enumerate(rows):
        cells = []
        lines = 1
        for cell, width in zip([*row, *([""] * (ncols - len(row)))], widths, strict=True):
            content = runs(cell, G.STYLE_RUN_IN[1][0] if i == 0 else None) if cell else []
            cells.append(Cell(width, para(style, content)))
            lines = max(lines, count_lines(clean(cell), 0, 0, G.TEXT_WIDTH - width + 114))
        table_rows.append(TableRow(cells, header=i == 0))
        total += lines
    return Table(G.TEXT_WIDTH, widths, table_rows), total
