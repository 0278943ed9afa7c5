"""Plain text: a scraped page, a mirrored document, a copy from a chat window."""

from __future__ import annotations

import re

from nigao.readers import Line, Source

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|\?xml)\b", re.I | re.S
)
_HTML_TAG = re.compile(
    r"<(?:p|div|br|span|table|td|tr|li|ul|a|body|head|meta|script|title)\b[^>]*>", re.I
)


def looks_like_html(text: str) -> bool:
    """A page saved as text: it opens like HTML, or is thick with block tags."""
    head = text[:20_000].lstrip("\ufeff")
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAG.findall(head)) >= 5


def read_plain(text: str, name: str) -> Source:
    """Decoded text → Source, one Line per line of the file."""
    from nigao.readers.page import whole_page

    lines = [Line(line, number) for number, line in enumerate(text.split("\n"), start=1)]
    whole_page(lines)
    return Source(name=name, fmt="text", text=text, lines=lines)
