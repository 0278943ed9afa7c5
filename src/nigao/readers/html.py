"""Saved web pages (.html/.htm, or a .txt that is really HTML): the article found in the page.

The page becomes lines the way a browser shows it (a block element or <br> starts a line,
a table row is one line); scripts, styles and forms are gone and listed in `removed`. Each
line knows how much of it is link text, which `readers.page` uses to tell the article from
the menus, link lists and footers around it.
"""

from __future__ import annotations

import re

from nigao.errors import ReadError
from nigao.readers import Line, Source

_DROP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "svg",
        "object",
        "embed",
        "canvas",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "map",
        "audio",
        "video",
    }
)
_BLOCK = frozenset(
    {
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "blockquote",
        "pre",
        "form",
        "address",
        "center",
        "fieldset",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
        "caption",
        "details",
        "summary",
        "marquee",
    }
)
_CELL = frozenset({"td", "th"})
_CHROME = frozenset({"nav", "aside", "form"})
_CHROME_OUTSIDE_ARTICLE = frozenset({"header", "footer"})
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_SPACE = re.compile(r"[ \t\r\n\u00a0\u200b]+")
ROW = -1.0  # the link share given to a table row: rows of a table in the article weigh nothing


class _Block:
    __slots__ = ("chrome", "heading", "link", "parts", "row", "sourceline")

    def __init__(self, sourceline: int | None, heading: bool, chrome: bool) -> None:
        self.parts: list[str] = []
        self.link = 0
        self.sourceline = sourceline
        self.heading = heading
        self.chrome = chrome
        self.row = False


def _data_row(tr) -> bool:  # noqa: ANN001 - lxml element
    """A row of a data table (one line), not a row of a page laid out as a table."""
    return tr.find(".//table") is None and len(tr.text_content()) <= 300


def _navigates(el) -> bool:  # noqa: ANN001 - lxml element
    """A link to another page (a table of contents' #_Toc anchors stay in the article)."""
    href = (el.get("href") or "").strip()
    return not (
        href.startswith("#") or "#_Toc" in href or href.lower().startswith("javascript:void")
    )


def page_lines(text: str, name: str) -> tuple[list[Line], list[float], str, list[str]]:
    """(lines, link share of each line, the page's <title>, notes of what markup was dropped)."""
    try:
        import lxml.html
        from lxml import etree
    except ImportError:  # pragma: no cover - python-docx depends on lxml
        raise ReadError("缺少 lxml，无法读取网页文件", path=name) from None
    text = _XML_DECL.sub("", text.lstrip("\ufeff"), count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        raise ReadError("网页文件里没有可读取的内容", path=name) from None
    title_el = root.find(".//title")
    page_title = _SPACE.sub(" ", title_el.text_content()).strip() if title_el is not None else ""
    dropped: dict[str, int] = {}
    blocks: list[_Block] = []
    current = _Block(None, False, False)

    def flush(el_line: int | None, heading: bool = False, chrome: bool = False) -> None:
        nonlocal current
        if current.parts:
            blocks.append(current)
        current = _Block(el_line, heading, chrome)

    def walk(
        el, in_link: bool, heading: bool, chrome: bool, article: bool = False, row: bool = False
    ) -> None:  # noqa: ANN001, E501 - lxml element
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if not tag:  # a comment or processing instruction: its tail is still text
            _add(el.tail, in_link)
            return
        if tag in _DROP or tag == "head":
            if tag in ("script", "style"):
                dropped[tag] = dropped.get(tag, 0) + 1
            _add(el.tail, in_link)
            return
        block = tag in _BLOCK or tag in _CELL or tag == "br"
        is_heading = heading or tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        article = article or tag in ("article", "main")
        is_chrome = chrome or tag in _CHROME or (tag in _CHROME_OUTSIDE_ARTICLE and not article)
        if row and tag != "tr":  # inside a table row everything is one line, cells apart
            if tag in _CELL and current.parts:
                current.parts.append("\u3000")
            elif tag in _BLOCK or tag == "br":
                _add(" ", in_link)
        elif tag == "br":
            flush(el.sourceline, heading, chrome)
            _add(el.tail, in_link)
            return
        elif block:
            flush(el.sourceline, is_heading, is_chrome)
        data_row = tag == "tr" and _data_row(el)  # once: it reads the row's whole text
        if data_row:
            current.row = True
        link = in_link or (tag == "a" and _navigates(el))
        _add(el.text, link)
        for child in el:
            walk(child, link, is_heading, is_chrome, article, row or data_row)
        if block and not row:
            flush(el.sourceline, heading, chrome)
        _add(el.tail, in_link)

    def _add(piece: str | None, in_link: bool) -> None:
        if not piece:
            return
        if piece.strip():  # (a blank piece between tags needs no collapsing: speed)
            piece = _SPACE.sub(" ", piece)
        if not piece.strip():
            if current.parts and not current.parts[-1].endswith(" "):
                current.parts.append(" ")
            return
        current.parts.append(piece)
        if in_link:
            current.link += len(piece.strip())

    body = root.find("body")
    walk(body if body is not None else root, False, False, False)
    flush(None)
    lines: list[Line] = []
    shares: list[float] = []
    for block in blocks:
        content = "".join(block.parts).strip(" \u3000")
        if not content:
            continue
        lines.append(
            Line(content, block.sourceline, removed_by="网页框架" if block.chrome else None)
        )
        shares.append(min(1.0, block.link / max(1, len(content.replace(" ", "")))))
    notes = [
        f"网页{'脚本' if tag == 'script' else '样式'} {n} 段" for tag, n in sorted(dropped.items())
    ]
    return lines, shares, page_title, notes


def read_html(text: str, name: str) -> Source:
    """A saved page → Source: the article's lines; menus, link lists and footers removed."""
    lines, shares, page_title, notes = page_lines(text, name)
    if not lines:
        raise ReadError("网页里没有文字", path=name)
    source = Source(name=name, fmt="html", text=text, lines=lines)
    from nigao.readers.page import mark_article

    mark_article(source.lines, shares, page_title)
    for note in notes:
        source.lines.append(Line(f"（{note}）", None, removed_by="网页脚本和样式"))
    return source


def read_mht(data: bytes, name: str) -> Source:
    """A MIME "single file web page" (.mht/.mhtml): its HTML part, decoded, read as a page."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset()
        if charset:
            try:
                return read_html(payload.decode(charset), name)
            except (LookupError, UnicodeDecodeError):
                pass
        from nigao.readers.decode import decode_bytes

        return read_html(decode_bytes(payload, name), name)
    raise ReadError("这个 .mht 网页文件里没有网页正文（text/html 部分）", path=name)
