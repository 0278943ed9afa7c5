"""The package parts around word/document.xml: styles, settings, fonts, theme, footers,
content types, relationships and core properties.

Every part but core.xml is the same for every document and built once per process
(`static_parts`). The styles carry the GB/T 9704 formats by role (gbt9704.ROLE_STYLES), so
that one change in Word's style pane restyles every paragraph of a role.
"""

from __future__ import annotations

from nigao import gbt9704 as G
from nigao.docx_writer.elements import (
    W_NS,
    XML_DECL,
    Border,
    DocDefaults,
    Indent,
    PageField,
    Paragraph,
    ParagraphProps,
    Run,
    RunProps,
    Style,
    escape,
    to_xml,
)
from nigao.docx_writer.package import Member, deflate
from nigao.model import Document

FOOTER_ODD_ID = "rIdFooterOdd"
FOOTER_EVEN_ID = "rIdFooterEven"


# ---------------------------------------------------------------------------
# Styles.


def _rpr(font: str, size: int, spacing: int, color: str | None = None) -> RunProps:
    """A style's run properties: its font for every script, never bold."""
    return RunProps(font=font, not_bold=True, color=color, spacing=spacing, size=size)


def _grid(line: int = G.LINE_PITCH, **props: object) -> ParagraphProps:
    """Paragraph properties with an exact line (one grid row unless told otherwise)."""
    return ParagraphProps(line=line, **props)  # type: ignore[arg-type]


def _pstyle(
    role: tuple[str, str],
    ppr: ParagraphProps | None = None,
    rpr: RunProps | None = None,
    based_on: str = "Normal",
    next_body: bool = False,
) -> Style:
    sid, name = role
    next_id = G.STYLE_BODY[0] if next_body else None
    return Style("paragraph", sid, name, based_on=based_on, next_id=next_id, ppr=ppr, rpr=rpr)


def _cstyle(role: tuple[str, str], rpr: RunProps) -> Style:
    sid, name = role
    return Style("character", sid, name, based_on="DefaultParagraphFont", rpr=rpr)


def styles() -> list[Style]:
    """Every style of the 公文, in the order styles.xml lists them."""
    body_rpr = _rpr(G.FONT_BODY, G.BODY_SIZE, G.CHAR_SPACING)
    first = Indent(first_line=G.FIRST_LINE_INDENT)
    no_ind = Indent(first_line=0)
    centred_title = _grid(off_grid=True, indent=no_ind, jc="center")  # 22 pt would take 2 rows
    verso_ind = Indent(left=0, right=0, first_line=G.VERSO_INDENT)
    out = [
        Style("paragraph", "Normal", "Normal", default=True, builtin=True, ppr=_grid()),
        Style(
            "character",
            "DefaultParagraphFont",
            "Default Paragraph Font",
            default=True,
            builtin=True,
            hidden=True,
        ),
        _pstyle(G.STYLE_BODY, _grid(indent=first), body_rpr),
        _pstyle(G.STYLE_CLOSING, based_on=G.STYLE_BODY[0]),
        _pstyle(G.STYLE_TITLE, centred_title, _rpr(G.FONT_TITLE, G.TITLE_SIZE, 0), next_body=True),
        _pstyle(G.STYLE_RECIPIENTS, _grid(indent=no_ind), body_rpr, next_body=True),
    ]
    for depth, role in G.STYLE_HEADINGS.items():
        ppr = _grid(keep_next=True, indent=first, outline_level=G.OUTLINE_LEVELS[depth])
        rpr = _rpr(G.HEADING_FONTS[depth], G.BODY_SIZE, G.CHAR_SPACING)
        out.append(_pstyle(role, ppr, rpr, next_body=True))
    for depth, role in G.STYLE_RUN_IN.items():
        out.append(_cstyle(role, _rpr(G.HEADING_FONTS[depth], G.BODY_SIZE, G.CHAR_SPACING)))
    red_rule = Border("bottom", G.RED_RULE_EIGHTHS, G.RED_RULE_SPACE, G.RED)
    out += [
        _pstyle(G.STYLE_ATTACHMENT, _grid(indent=first), body_rpr),
        _pstyle(
            G.STYLE_SIGNATURE,
            _grid(indent=Indent(right=G.SIGNATURE_RIGHT_INDENT, first_line=0), jc="right"),
            body_rpr,
        ),
        _pstyle(
            G.STYLE_DATE,
            _grid(indent=Indent(right=G.DATE_RIGHT_INDENT, first_line=0), jc="right"),
            body_rpr,
        ),
        _pstyle(
            G.STYLE_PAGE_NUMBER,
            _grid(G.PAGE_NUMBER_LINE, indent=no_ind),
            _rpr(G.FONT_PAGE_NUMBER, G.PAGE_NUMBER_SIZE, 0),
        ),
        _pstyle(
            G.STYLE_ISSUER_MARK,
            _grid(G.LINE_PITCH * G.ISSUER_MARK_LINES, off_grid=True, indent=no_ind, jc="center"),
            _rpr(G.FONT_TITLE, G.ISSUER_MARK_MAX_SIZE, 0, G.RED),
        ),
        _pstyle(
            G.STYLE_DOC_NUMBER,
            _grid(G.DOC_NUMBER_LINE, borders=[red_rule], off_grid=True, indent=no_ind, jc="center"),
            body_rpr,
        ),
        _pstyle(G.STYLE_CC, _grid(indent=verso_ind), _rpr(G.FONT_BODY, G.VERSO_SIZE, 0)),
        _pstyle(G.STYLE_PRINTER, _grid(indent=verso_ind), _rpr(G.FONT_BODY, G.VERSO_SIZE, 0)),
        _pstyle(
            G.STYLE_APPENDIX_LABEL,
            _grid(page_break_before=True, indent=no_ind, jc="left"),
            _rpr(G.FONT_APPENDIX_LABEL, G.BODY_SIZE, G.CHAR_SPACING),
            next_body=True,
        ),
        _pstyle(
            G.STYLE_APPENDIX_TITLE,
            centred_title,
            _rpr(G.FONT_TITLE, G.TITLE_SIZE, 0),
            next_body=True,
        ),
        _pstyle(G.STYLE_TABLE_TEXT, _grid(indent=no_ind, jc="center"), body_rpr),
        _cstyle(G.STYLE_SIGNER_NAME, _rpr(G.FONT_SIGNER, G.BODY_SIZE, G.CHAR_SPACING)),
    ]
    return out


def _styles_xml() -> str:
    defaults = DocDefaults(
        RunProps(font=G.FONT_BODY, kern=0, size=G.BODY_SIZE, lang=("en-US", "zh-CN", "ar-SA")),
        _grid(widow_control=False, jc="both"),
    )
    return to_xml("w:styles", [defaults, *styles()])


# ---------------------------------------------------------------------------
# Footers: the page number "— 1 —", right on odd pages, left on even ones (7.5).


def _footer_xml(odd: bool) -> str:
    if odd:
        ind, jc = Indent(right=G.PAGE_NUMBER_INDENT), "right"
    else:
        ind, jc = Indent(left=G.PAGE_NUMBER_INDENT), "left"
    dash = G.PAGE_NUMBER_DASH
    content = [Run(dash + " "), PageField(), Run(" " + dash)]
    number = Paragraph(ParagraphProps(G.STYLE_PAGE_NUMBER[0], indent=ind, jc=jc), content)
    return to_xml("w:ftr", [number])


# ---------------------------------------------------------------------------
# Settings, fonts, theme.

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
            f'<a:{tag}><a:latin typeface="Times New Roman"/><a:ea typeface="{escape(ea)}"/>'
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
        f'<w:font w:name="{escape(name)}"><w:altName w:val="{escape(alt)}"/>'
        f'<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
    )


def _font_table_xml() -> str:
    """The fonts the styles name; altName lets Word on a machine without the GB2312-era font
    fall back to its modern twin."""
    return (
        f'{XML_DECL}<w:fonts xmlns:w="{W_NS}">'
        + _font_entry(G.FONT_BODY, "仿宋", "modern", "fixed")
        + _font_entry(G.FONT_H2, "楷体", "modern", "fixed")
        + _font_entry(G.FONT_H1, "SimHei", "modern", "fixed")
        + _font_entry(G.FONT_TITLE, "宋体", "script", "default")
        + _font_entry(G.FONT_PAGE_NUMBER, "SimSun", "auto", "variable")
        + "</w:fonts>"
    )


# ---------------------------------------------------------------------------
# Content types and relationships.

_OFFICE = "application/vnd.openxmlformats-officedocument"
_CONTENT_TYPES = (
    f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_OFFICE}'
    '.wordprocessingml.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_OFFICE}.wordprocessingml.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{_OFFICE}'
    '.wordprocessingml.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{_OFFICE}'
    '.wordprocessingml.fontTable+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_OFFICE}.wordprocessingml.footer+xml"/>'
    f'<Override PartName="/word/footer2.xml" ContentType="{_OFFICE}.wordprocessingml.footer+xml"/>'
    f'<Override PartName="/word/theme/theme1.xml" ContentType="{_OFFICE}.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    "</Types>"
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
_ROOT_RELS = (
    f"{XML_DECL}{_RELS}"
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    f"{XML_DECL}{_RELS}"
    f'<Relationship Id="rIdStyles" Type="{_REL}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}/settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_REL}/fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdTheme" Type="{_REL}/theme" Target="theme/theme1.xml"/>'
    f'<Relationship Id="{FOOTER_ODD_ID}" Type="{_REL}/footer" Target="footer1.xml"/>'
    f'<Relationship Id="{FOOTER_EVEN_ID}" Type="{_REL}/footer" Target="footer2.xml"/>'
    "</Relationships>"
)


def core_xml(doc: Document) -> str:
    """docProps/core.xml: title and author only (no dates: the same input, the same bytes)."""
    title = escape(doc.title.replace("\n", "")) if doc.title else ""
    creator = escape(doc.author or doc.signature or "")
    return (
        f"{XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        "</cp:coreProperties>"
    )


_STATIC: dict[str, Member] = {}


def static_parts() -> dict[str, Member]:
    """The parts that do not depend on the document, deflated once, on first use."""
    if not _STATIC:
        parts = {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _ROOT_RELS,
            "word/_rels/document.xml.rels": _DOC_RELS,
            "word/styles.xml": _styles_xml(),
            "word/settings.xml": _SETTINGS,
            "word/fontTable.xml": _font_table_xml(),
            "word/theme/theme1.xml": _theme_xml(),
            "word/footer1.xml": _footer_xml(odd=True),
            "word/footer2.xml": _footer_xml(odd=False),
        }
        _STATIC.update({name: deflate(name, xml.encode()) for name, xml in parts.items()})
    return _STATIC
