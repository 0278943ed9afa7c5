"""Kept for older imports: the .docx readers live in `nigao.readers` (docx: text and
Document, ooxml: package access and layout facts)."""

from nigao.readers.docx import read_docx
from nigao.readers.ooxml import layout_facts

__all__ = ["layout_facts", "read_docx"]
