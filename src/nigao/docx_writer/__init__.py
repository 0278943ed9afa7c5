"""Document → .docx bytes laid out to GB/T 9704-2012: the only place with WordprocessingML.

Four layers, each with one job:

- `layout` (with `head` for the 版头 and `verso` for the 版记) turns a `Document` into
  paragraph and table objects and counts the grid rows they take; the arithmetic on text
  (widths, title lines, row estimates) is `nigao.typeset`'s, every number `nigao.gbt9704`'s;
- `elements` is those objects and the one serialiser (escaping in one place, properties in
  the schema's order);
- `parts` holds the package parts that do not depend on the document (styles, settings,
  fonts, theme, footers, content types, relationships) and core.xml;
- `package` zips the parts (the unchanging ones deflated once per process).

The output is deterministic: fixed zip timestamps and member order, no dates in docProps.
"""

from __future__ import annotations

from nigao.docx_writer import layout
from nigao.docx_writer.elements import to_xml
from nigao.docx_writer.package import deflate, package
from nigao.docx_writer.parts import core_xml, static_parts
from nigao.model import Document, normalize

__all__ = ["document_xml", "estimate_rows", "write_docx"]


def document_xml(doc: Document) -> str:
    """word/document.xml for a normalised `doc`: every block laid out, serialised once."""
    blocks = layout.build(doc, counting=False).blocks
    return to_xml("w:document", blocks, head="<w:body>", tail="</w:body>")


def estimate_rows(doc: Document) -> int:
    """Grid rows the text takes (22 a page), up to the 署名 or the last attachment.

    The writer's own estimate; the 版记 is out of the flow and not counted.
    """
    return layout.build(normalize(doc), counting=True).rows


def write_docx(doc: Document, report: list[str] | None = None) -> bytes:
    """The .docx package for `doc`, laid out to GB/T 9704-2012. Same document → same bytes.

    Writes `nigao.model.normalize(doc)`, as the draft writer does: characters XML 1.0 cannot
    hold are removed, and when `report` is a list it receives one Chinese line for each text
    that lost some (a command prints them).
    """
    doc = normalize(doc, report)
    parts = dict(static_parts())
    parts["word/document.xml"] = deflate("word/document.xml", document_xml(doc).encode())
    parts["docProps/core.xml"] = deflate("docProps/core.xml", core_xml(doc).encode())
    return package(parts)
