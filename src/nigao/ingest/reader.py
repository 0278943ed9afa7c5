"""read_source: one sample file → IngestResult (decode, clean, normalise, outline, classify)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nigao.errors import ReadError
from nigao.model import Document, Section


@dataclass
class IngestResult:
    """A read sample: the document model plus what ingest noticed about the source."""

    document: Document
    source: str
    script: str = "simplified"
    truncated: bool = False
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The `nigao ingest --json` shape (later tools depend on it)."""
        doc = self.document

        def section(sec: Section, depth: int) -> dict[str, Any]:
            return {
                "depth": depth,
                "heading": sec.heading,
                "run_in": sec.run_in,
                "role": sec.role,
                "paragraphs": list(sec.paragraphs),
                "sections": [section(child, depth + 1) for child in sec.sections],
            }

        return {
            "source": self.source,
            "title": doc.title,
            "kind": doc.kind,
            "script": self.script,
            "truncated": self.truncated,
            "recipients": doc.recipients,
            "preamble": list(doc.preamble),
            "sections": [section(sec, 1) for sec in doc.sections],
            "closing": list(doc.closing),
            "removed": list(self.removed),
            "warnings": list(self.warnings),
        }


def source_label(path: Path) -> str:
    """How a source is named in results and skeletons: relative to the current folder if inside."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def text_result(text: str, source: str) -> IngestResult:
    """Plain text of a page or document → IngestResult."""
    from nigao.ingest import classify, clutter, normalize, outline, tables

    body, script = normalize.normalize_text(text)
    cleaned = clutter.clean(body.split("\n"))
    if not cleaned.lines:
        raise ReadError("去掉网页杂质后没有正文，无法整理", path=source)
    cues = tuple(tables.load("roles")["closing_cues"])
    parsed = outline.parse(cleaned.lines, cues)
    doc = parsed.document
    doc.title = cleaned.title
    doc.doc_number = cleaned.doc_number
    doc.issuer_mark = cleaned.issuer_mark
    doc.kind = classify.classify_kind(doc.title, doc.preamble)
    classify.assign_roles(doc)
    warnings = list(parsed.warnings)
    truncated = parsed.truncated
    if cleaned.cut_by_page and not truncated:
        truncated = True
        warnings.append("原网页有分页标记（如“下一页”），只读到了第一页，原文可能不完整")
    if not doc.sections:
        warnings.append("没有找到带编号的章节标题（一、（一）1. 等），全文作为开头段落")
    if not doc.title:
        warnings.append("没有找到标题")
    return IngestResult(
        document=doc,
        source=source,
        script=script,
        truncated=truncated,
        removed=cleaned.removed,
        warnings=warnings,
    )


def read_source(path: Path | str) -> IngestResult:
    """Read one sample (.txt, .docx, .md) into a cleaned, outlined, role-labelled document."""
    path = Path(path)
    source = source_label(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from nigao.ingest.docx import docx_text

        return text_result(docx_text(path, source), source)
    if suffix in (".md", ".markdown"):
        from nigao.ingest.markdown import markdown_result

        return markdown_result(path, source)
    if suffix in (".doc", ".wps", ".pdf", ".odt", ".rtf"):
        raise ReadError(f"不支持 {suffix} 文件，请另存为 .docx 或 .txt 后再试", path=source)
    from nigao.ingest.decode import read_text

    return text_result(read_text(path), source)
