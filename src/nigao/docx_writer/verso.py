"""版记 (GB/T 9704 7.4): 抄送 and 印发机关/印发日期 between rules at the foot of the last page.

The 版记 is out of the text's flow: each of its paragraphs is a frame at an absolute height
in the 版心, so it ends on the bottom edge however the text above was broken into lines. The
layout only chooses its page (`verso_break`) from the body's row count.
"""

from __future__ import annotations

from nigao import gbt9704 as G
from nigao.docx_writer.elements import Border, Frame, Indent, Paragraph, clean
from nigao.docx_writer.layout import para, runs
from nigao.model import Document
from nigao.typeset import count_lines, text_width


def _anchor() -> Paragraph:
    """A one-twip empty paragraph between two framed 版记 paragraphs.

    LibreOffice drops the frame of a bordered framed paragraph followed by another framed
    one, so each 版记 paragraph is a frame of its own with this between them.
    """
    return para(None, off_grid=True, line=20)


def _frame(y: int) -> Frame:
    """As wide as the 版心, `y` twips below its top edge (ECMA-376 17.3.1.11).

    Word, WPS and LibreOffice place such a frame at that height on the page its paragraph
    falls on, out of the text's flow (docs/GBT9704.md has the measurements).
    """
    return Frame(G.TEXT_WIDTH, y)


def verso_paragraphs(doc: Document) -> tuple[list[Paragraph], int]:
    """The 版记's paragraphs, ending on the 版心's bottom edge, and the rows they take.

    Each line's exact height is the grid row less its rules, so every part of the 版记 is a
    whole number of rows tall and its position follows by subtraction from the bottom edge.
    The 抄送 wraps under its first name (hanging after "抄送："), one character in each side.
    """
    thick, thin = G.RULE_THICK_EIGHTHS, G.RULE_THIN_EIGHTHS
    size, char = G.VERSO_SIZE, G.VERSO_CHAR
    blocks: list[tuple[Paragraph, int]] = []  # (paragraph without its frame, height in twips)
    rows = 0
    if doc.cc:
        label = "抄送："
        cc = label + doc.cc.strip()
        if not cc.endswith("。"):
            cc += "。"
        bottom = thin if doc.printer else thick
        rules = (thick + bottom) * 20 // 8
        hanging = text_width(label, size, 0)
        left = G.VERSO_INDENT + hanging
        n = count_lines(clean(cc), -hanging, left, G.VERSO_INDENT, char, char // 2)
        line = G.LINE_PITCH - rules // n
        paragraph = para(
            G.STYLE_CC[0],
            runs(cc),
            borders=[Border("top", thick), Border("bottom", bottom)],
            off_grid=True,
            line=line,
            indent=Indent(left=left, right=G.VERSO_INDENT, hanging=hanging),
        )
        blocks.append((paragraph, n * line + rules))
        rows += n
    if doc.printer:
        top = 0 if doc.cc else thick
        rules = (top + thick) * 20 // 8
        line = G.LINE_PITCH - rules
        right = f"{doc.print_date}印发" if doc.print_date else "印发"
        borders = [Border("top", top)] if top else []
        paragraph = para(
            G.STYLE_PRINTER[0],
            runs(f"{doc.printer}\t{right}"),
            borders=[*borders, Border("bottom", thick)],
            tabs=[G.TEXT_WIDTH - G.VERSO_INDENT],
            off_grid=True,
            line=line,
        )
        blocks.append((paragraph, line + rules))
        rows += 1
    out: list[Paragraph] = []
    y = G.TEXT_HEIGHT - sum(height for _p, height in blocks)
    for i, (paragraph, height) in enumerate(blocks):
        if i:
            out.append(_anchor())
        paragraph.props.frame = _frame(y)
        out.append(paragraph)
        y += height
    return out, rows


def verso_break(rows_before: int, verso_rows: int, even: bool) -> str | None:
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
