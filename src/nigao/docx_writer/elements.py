"""WordprocessingML as objects: runs, paragraphs, tables, styles, and the one serialiser.

The layout builds these objects; nothing writes markup but `to_xml` (and the methods it
calls), and nothing escapes text but `escape`. Properties are fields, written in the schema's
order (ECMA-376 CT_PPr, CT_RPr, CT_SectPr) whatever order the layout set them in, so that
Word opens the file without "repair". Attributes keep the order Word itself writes.

Written as strings, not with lxml or python-docx: importing either costs more than the whole
write, and every command writes a .docx.
"""

from __future__ import annotations

from nigao.model import UNSAFE_CHARS

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_DECL = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def clean(text: str) -> str:
    """Text as XML 1.0 can hold it: control characters removed, line ends unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return UNSAFE_CHARS.sub("", text)


def escape(text: str) -> str:
    """Element text or attribute value: cleaned, then & < > " escaped. The only escaping."""
    return clean(text).translate(_ESCAPES)


# ---------------------------------------------------------------------------
# Run properties and runs.


class RunProps:
    """w:rPr. `font` sets every script's font (`ascii_font` the Latin ones); `hint` alone
    writes w:rFonts w:hint="eastAsia", which lets Word pick the East Asian font for
    ambiguous characters such as “ ”. Shared by many runs: set before the first write, its
    markup is then kept."""

    __slots__ = (
        "_inner",
        "style",
        "font",
        "ascii_font",
        "hint",
        "not_bold",
        "color",
        "spacing",
        "kern",
        "size",
        "highlight",
        "lang",
    )

    def __init__(
        self,
        style: str | None = None,
        *,
        font: str | None = None,
        ascii_font: str | None = None,
        hint: bool = True,
        not_bold: bool = False,
        color: str | None = None,
        spacing: int | None = None,
        kern: int | None = None,
        size: int | None = None,
        highlight: str | None = None,
        lang: tuple[str, str, str] | None = None,
    ) -> None:
        self.style = style
        self.font = font
        self.ascii_font = ascii_font
        self.hint = hint
        self.not_bold = not_bold
        self.color = color
        self.spacing = spacing
        self.kern = kern
        self.size = size
        self.highlight = highlight
        self.lang = lang  # (Latin, East Asian, complex script)
        self._inner: str | None = None

    def xml(self, out: list[str], empty: bool = False) -> None:
        """Append <w:rPr>…</w:rPr>; nothing when there are no properties unless `empty`."""
        inner = self._inner
        if inner is None:
            inner = self._inner = self._children()
        if inner or empty:
            out.append(f"<w:rPr>{inner}</w:rPr>")

    def _children(self) -> str:
        parts: list[str] = []
        if self.style:
            parts.append(f'<w:rStyle w:val="{self.style}"/>')
        if self.font:
            a = escape(self.ascii_font or self.font)
            n = escape(self.font)
            parts.append(
                f'<w:rFonts w:ascii="{a}" w:hAnsi="{a}" w:eastAsia="{n}" w:cs="{a}" '
                'w:hint="eastAsia"/>'
            )
        elif self.hint:
            parts.append('<w:rFonts w:hint="eastAsia"/>')
        if self.not_bold:
            parts.append('<w:b w:val="0"/><w:bCs w:val="0"/>')
        if self.color:
            parts.append(f'<w:color w:val="{self.color}"/>')
        if self.spacing is not None:
            parts.append(f'<w:spacing w:val="{self.spacing}"/>')
        if self.kern is not None:
            parts.append(f'<w:kern w:val="{self.kern}"/>')
        if self.size:
            parts.append(f'<w:sz w:val="{self.size}"/><w:szCs w:val="{self.size}"/>')
        if self.highlight:
            parts.append(f'<w:highlight w:val="{self.highlight}"/>')
        if self.lang:
            latin, east, bidi = self.lang
            parts.append(f'<w:lang w:val="{latin}" w:eastAsia="{east}" w:bidi="{bidi}"/>')
        return "".join(parts)


_HINT_ONLY = RunProps()


class Run:
    """A run of text: a line break where the text has "\\n", a tab where it has "\\t"."""

    __slots__ = ("text", "props")

    def __init__(self, text: str, props: RunProps = _HINT_ONLY) -> None:
        self.text = text
        self.props = props

    def xml(self, out: list[str]) -> None:
        out.append("<w:r>")
        self.props.xml(out, empty=True)
        text = escape(self.text)
        if "\n" not in text and "\t" not in text:  # most runs
            out.append(f'<w:t xml:space="preserve">{text}</w:t></w:r>' if text else "</w:r>")
            return
        for i, line in enumerate(text.split("\n")):
            if i:
                out.append("<w:br/>")
            for j, piece in enumerate(line.split("\t")):
                if j:
                    out.append("<w:tab/>")
                if piece:
                    out.append(f'<w:t xml:space="preserve">{piece}</w:t>')
        out.append("</w:r>")


class PageField:
    """The PAGE field (the page number), its result "1" until a renderer updates it."""

    __slots__ = ()

    def xml(self, out: list[str]) -> None:
        rpr = '<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
        out.append(
            f'{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"{rpr}<w:t>1</w:t></w:r>"
            f'{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
        )


# ---------------------------------------------------------------------------
# Paragraph properties and paragraphs.


class Indent:
    """w:ind in twips; None leaves an attribute out."""

    __slots__ = ("left", "right", "hanging", "first_line")

    def __init__(
        self,
        left: int | None = None,
        right: int | None = None,
        hanging: int | None = None,
        first_line: int | None = None,
    ) -> None:
        self.left = left
        self.right = right
        self.hanging = hanging
        self.first_line = first_line

    def xml(self, out: list[str]) -> None:
        out.append("<w:ind")
        if self.left is not None:
            out.append(f' w:left="{self.left}"')
        if self.right is not None:
            out.append(f' w:right="{self.right}"')
        if self.hanging is not None:
            out.append(f' w:hanging="{self.hanging}"')
        if self.first_line is not None:
            out.append(f' w:firstLine="{self.first_line}"')
        out.append("/>")


class Border:
    """One single-line border (of a paragraph or a table): `eighths` of a point thick."""

    __slots__ = ("side", "eighths", "space", "color")

    def __init__(self, side: str, eighths: int, space: int = 0, color: str = "000000") -> None:
        self.side = side
        self.eighths = eighths
        self.space = space
        self.color = color

    def xml(self, out: list[str]) -> None:
        out.append(
            f'<w:{self.side} w:val="single" w:sz="{self.eighths}" w:space="{self.space}" '
            f'w:color="{self.color}"/>'
        )


class Frame:
    """w:framePr: a frame `width` wide and centred, `y` twips below the top of the margin box
    (ECMA-376 17.3.1.11), with text flowing around it."""

    __slots__ = ("width", "y")

    def __init__(self, width: int, y: int) -> None:
        self.width = width
        self.y = y

    def xml(self, out: list[str]) -> None:
        out.append(
            f'<w:framePr w:w="{self.width}" w:wrap="around" w:vAnchor="margin" '
            f'w:hAnchor="margin" w:xAlign="center" w:y="{self.y}"/>'
        )


class SectionProps:
    """w:sectPr: page size and margins, the line grid, the odd/even footers, how it starts."""

    __slots__ = (
        "kind",
        "width",
        "height",
        "top",
        "right",
        "bottom",
        "left",
        "header",
        "footer",
        "line_pitch",
        "odd_footer",
        "even_footer",
    )

    def __init__(
        self,
        kind: str | None,
        *,
        width: int,
        height: int,
        top: int,
        right: int,
        bottom: int,
        left: int,
        header: int,
        footer: int,
        line_pitch: int,
        odd_footer: str,
        even_footer: str,
    ) -> None:
        self.kind = kind  # None, "nextPage" or "evenPage"
        self.width = width
        self.height = height
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
        self.header = header
        self.footer = footer
        self.line_pitch = line_pitch
        self.odd_footer = odd_footer  # relationship ids
        self.even_footer = even_footer

    def xml(self, out: list[str]) -> None:
        start = f'<w:type w:val="{self.kind}"/>' if self.kind else ""
        out.append(
            f'<w:sectPr><w:footerReference w:type="default" r:id="{self.odd_footer}"/>'
            f'<w:footerReference w:type="even" r:id="{self.even_footer}"/>{start}'
            f'<w:pgSz w:w="{self.width}" w:h="{self.height}"/>'
            f'<w:pgMar w:top="{self.top}" w:right="{self.right}" w:bottom="{self.bottom}" '
            f'w:left="{self.left}" w:header="{self.header}" w:footer="{self.footer}" '
            'w:gutter="0"/><w:cols w:space="720"/>'
            f'<w:docGrid w:type="lines" w:linePitch="{self.line_pitch}"/></w:sectPr>'
        )


class ParagraphProps:
    """w:pPr. `line` is an exact line height in twips (no space before or after); `off_grid`
    writes w:snapToGrid off; `section` ends a section at this paragraph."""

    __slots__ = (
        "style",
        "keep_next",
        "keep_lines",
        "page_break_before",
        "frame",
        "widow_control",
        "borders",
        "tabs",
        "off_grid",
        "line",
        "indent",
        "jc",
        "outline_level",
        "section",
    )

    def __init__(
        self,
        style: str | None = None,
        *,
        keep_next: bool = False,
        keep_lines: bool = False,
        page_break_before: bool = False,
        frame: Frame | None = None,
        widow_control: bool | None = None,
        borders: list[Border] | None = None,
        tabs: list[int] | None = None,
        off_grid: bool = False,
        line: int | None = None,
        indent: Indent | None = None,
        jc: str | None = None,
        outline_level: int | None = None,
        section: SectionProps | None = None,
    ) -> None:
        self.style = style
        self.keep_next = keep_next
        self.keep_lines = keep_lines
        self.page_break_before = page_break_before
        self.frame = frame
        self.widow_control = widow_control
        self.borders = borders
        self.tabs = tabs  # right-aligned tab stops, twips from the left margin
        self.off_grid = off_grid
        self.line = line
        self.indent = indent
        self.jc = jc
        self.outline_level = outline_level
        self.section = section

    def xml(self, out: list[str]) -> None:
        """Append <w:pPr>…</w:pPr>, or nothing when no property is set."""
        mark = len(out)
        out.append("<w:pPr>")
        if self.style:
            out.append(f'<w:pStyle w:val="{self.style}"/>')
        if self.keep_next:
            out.append("<w:keepNext/>")
        if self.keep_lines:
            out.append("<w:keepLines/>")
        if self.page_break_before:
            out.append("<w:pageBreakBefore/>")
        if self.frame:
            self.frame.xml(out)
        if self.widow_control is not None:
            out.append(f'<w:widowControl w:val="{int(self.widow_control)}"/>')
        if self.borders:
            out.append("<w:pBdr>")
            for border in self.borders:
                border.xml(out)
            out.append("</w:pBdr>")
        if self.tabs:
            out.append("<w:tabs>")
            out.extend(f'<w:tab w:val="right" w:pos="{pos}"/>' for pos in self.tabs)
            out.append("</w:tabs>")
        if self.off_grid:
            out.append('<w:snapToGrid w:val="0"/>')
        if self.line is not None:
            out.append(
                f'<w:spacing w:before="0" w:after="0" w:line="{self.line}" w:lineRule="exact"/>'
            )
        if self.indent:
            self.indent.xml(out)
        if self.jc:
            out.append(f'<w:jc w:val="{self.jc}"/>')
        if self.outline_level is not None:
            out.append(f'<w:outlineLvl w:val="{self.outline_level}"/>')
        if self.section:
            self.section.xml(out)
        if len(out) == mark + 1:
            del out[mark]
        else:
            out.append("</w:pPr>")


class Paragraph:
    """A paragraph: its properties and its runs. Empty, it is written <w:p/>."""

    __slots__ = ("props", "runs")

    def __init__(
        self, props: ParagraphProps | None = None, runs: list[Run | PageField] | None = None
    ) -> None:
        self.props = props or ParagraphProps()
        self.runs = runs or []

    def xml(self, out: list[str]) -> None:
        mark = len(out)
        out.append("<w:p>")
        self.props.xml(out)
        for run in self.runs:
            run.xml(out)
        if len(out) == mark + 1:
            out[mark] = "<w:p/>"
        else:
            out.append("</w:p>")


# ---------------------------------------------------------------------------
# Tables.


class Cell:
    __slots__ = ("width", "paragraph")

    def __init__(self, width: int, paragraph: Paragraph) -> None:
        self.width = width
        self.paragraph = paragraph

    def xml(self, out: list[str]) -> None:
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{self.width}" w:type="dxa"/><w:vAlign w:val="center"/>'
            "</w:tcPr>"
        )
        self.paragraph.xml(out)
        out.append("</w:tc>")


class TableRow:
    """A row never split across pages; a `header` row is repeated at the top of each page."""

    __slots__ = ("cells", "header")

    def __init__(self, cells: list[Cell], header: bool = False) -> None:
        self.cells = cells
        self.header = header

    def xml(self, out: list[str]) -> None:
        head = "<w:tblHeader/>" if self.header else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>")
        for cell in self.cells:
            cell.xml(out)
        out.append("</w:tr>")


class Table:
    """A centred table of fixed layout, `width` twips wide, ruled inside and out."""

    __slots__ = ("width", "columns", "rows", "rule_eighths", "cell_margin")

    def __init__(
        self,
        width: int,
        columns: list[int],
        rows: list[TableRow],
        rule_eighths: int = 4,
        cell_margin: int = 57,
    ) -> None:
        self.width = width
        self.columns = columns
        self.rows = rows
        self.rule_eighths = rule_eighths
        self.cell_margin = cell_margin

    def xml(self, out: list[str]) -> None:
        out.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="{self.width}" w:type="dxa"/><w:jc w:val="center"/>'
            "<w:tblBorders>"
        )
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            Border(side, self.rule_eighths).xml(out)
        m = self.cell_margin
        out.append(
            '</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{m}" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr><w:tblGrid>"
        )
        out.extend(f'<w:gridCol w:w="{w}"/>' for w in self.columns)
        out.append("</w:tblGrid>")
        for row in self.rows:
            row.xml(out)
        out.append("</w:tbl>")


Block = Paragraph | Table


# ---------------------------------------------------------------------------
# Styles.


class Style:
    """A paragraph or character style. `builtin` styles carry no w:customStyle.

    Ids are ASCII constants (gbt9704.STYLE_*) and written as they are; names are escaped."""

    __slots__ = (
        "kind",
        "sid",
        "name",
        "default",
        "builtin",
        "based_on",
        "next_id",
        "hidden",
        "ppr",
        "rpr",
    )

    def __init__(
        self,
        kind: str,
        sid: str,
        name: str,
        *,
        default: bool = False,
        builtin: bool = False,
        based_on: str | None = None,
        next_id: str | None = None,
        hidden: bool = False,
        ppr: ParagraphProps | None = None,
        rpr: RunProps | None = None,
    ) -> None:
        self.kind = kind  # "paragraph" or "character"
        self.sid = sid
        self.name = name
        self.default = default
        self.builtin = builtin
        self.based_on = based_on
        self.next_id = next_id
        self.hidden = hidden  # Word's own hidden style (Default Paragraph Font)
        self.ppr = ppr
        self.rpr = rpr

    def xml(self, out: list[str]) -> None:
        default = ' w:default="1"' if self.default else ""
        custom = "" if self.builtin else ' w:customStyle="1"'
        out.append(
            f'<w:style w:type="{self.kind}"{default}{custom} w:styleId="{self.sid}">'
            f'<w:name w:val="{escape(self.name)}"/>'
        )
        if self.based_on:
            out.append(f'<w:basedOn w:val="{self.based_on}"/>')
        if self.next_id:
            out.append(f'<w:next w:val="{self.next_id}"/>')
        if self.hidden:
            out.append('<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>')
        else:
            out.append("<w:qFormat/>")
        if self.ppr:
            self.ppr.xml(out)
        if self.rpr:
            self.rpr.xml(out)
        out.append("</w:style>")


class DocDefaults:
    """w:docDefaults: the run and paragraph properties every style starts from."""

    __slots__ = ("rpr", "ppr")

    def __init__(self, rpr: RunProps, ppr: ParagraphProps) -> None:
        self.rpr = rpr
        self.ppr = ppr

    def xml(self, out: list[str]) -> None:
        out.append("<w:docDefaults><w:rPrDefault>")
        self.rpr.xml(out)
        out.append("</w:rPrDefault><w:pPrDefault>")
        self.ppr.xml(out)
        out.append("</w:pPrDefault></w:docDefaults>")


# ---------------------------------------------------------------------------
# Whole parts.


def to_xml(root: str, children: list, head: str = "", tail: str = "") -> str:
    """A whole XML part: the declaration, <root> with the w: and r: namespaces, `head`
    (markup without text), every child object serialised, `tail`, </root>."""
    out = [f"{XML_DECL}<{root} {NS_DECL}>{head}"]
    for child in children:
        child.xml(out)
    out.append(f"{tail}</{root}>")
    return "".join(out)
