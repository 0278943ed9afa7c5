"""read_source: one sample file → IngestResult (decode, clean, normalise, outline, classify)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nigao.errors import ReadError
from nigao.model import Document, Section
from nigao.readers import Source


@dataclass
class IngestResult:
    """A read sample: the document model plus what ingest noticed about the source."""

    document: Document
    source: str
    script: str = "simplified"
    truncated: bool = False
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Lines of the document that are neither title nor body (讲话人, a dated subtitle …).
    metadata: dict[str, str] = field(default_factory=dict)

    def metadata_json(self) -> dict[str, Any]:
        """Every metadata line the document gave: 版头, 发文字号, 署名, 成文日期 and the rest."""
        doc = self.document
        found = {
            "issuer_mark": doc.issuer_mark,
            "doc_number": doc.doc_number,
            "signer": doc.signer,
            "signature": doc.signature,
            "date": doc.date,
            "cc": doc.cc,
            "printer": doc.printer,
            "print_date": doc.print_date,
            "attachments": list(doc.attachments),
        }
        out = {key: value for key, value in found.items() if value}
        for key, value in self.metadata.items():
            out.setdefault(key, value)
        return out

    def to_json(self) -> dict[str, Any]:
        """The `nigao ingest --json` shape (later tools depend on it)."""
        doc = self.document

        def section(sec: Section, depth: int) -> dict[str, Any]:
            return {
                "depth": depth,
                "heading": sec.heading,
                "run_in": sec.run_in,
                "role": sec.role,
                "roles": list(sec.roles) or ([sec.role] if sec.role else []),
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
            "metadata": self.metadata_json(),
            "removed": list(self.removed),
            "removed_rules": [getattr(text, "rule", "") for text in self.removed],
            "warnings": list(self.warnings),
        }


def source_label(path: Path) -> str:
    """How a source is named in results and skeletons: relative to the current folder if inside."""
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


_NO_TITLE = "没有找到标题"
_WHOLE_FILES = frozenset({"docx", "doc", "pdf"})


def text_result(
    text: str, source: str, title: str = "", whole_file: bool = False
) -> IngestResult:
    """Plain text of a page or document → IngestResult (`title`: the one the format marks;
    `whole_file`: a document file saved whole, not text copied from a page)."""
    from nigao.ingest import classify, clutter, normalize, outline, tables

    body, script = normalize.normalize_text(text)
    cleaned = clutter.clean(body.split("\n"))
    if title:  # the format marked its title: a header line clutter took for one is removed
        title = normalize.normalize_text(title)[0].strip()
        cleaned.lines = [line for line in cleaned.lines if line != title]
        if cleaned.title and cleaned.title != title:
            cleaned.removed.insert(0, clutter.Removed(cleaned.title, "页头"))
        cleaned.title = title
    if not cleaned.lines:
        raise ReadError("去掉网页杂质后没有正文，无法整理", path=source)
    cues = tuple(tables.load("roles")["closing_cues"])
    parsed = outline.parse(cleaned.lines, cues, whole_file=whole_file)
    doc = parsed.document
    doc.title = cleaned.title
    doc.doc_number = cleaned.doc_number
    doc.issuer_mark = cleaned.issuer_mark
    near_title = [
        *cleaned.metadata.values(),
        *(piece for piece in cleaned.removed if getattr(piece, "rule", "") == "页头"),
    ]
    opening = [doc.recipients or "", *doc.preamble]
    doc.kind = classify.classify_kind(
        doc.title, opening, [section.heading for section in doc.sections], near_title
    )
    classify.assign_roles(doc)
    warnings = list(parsed.warnings)
    truncated = parsed.truncated
    if cleaned.cut_by_page and not truncated:
        truncated = True
        warnings.append("原网页有分页标记（如“下一页”），只读到了第一页，原文可能不完整")
    if not doc.sections:
        warnings.append("没有找到带编号的章节标题（一、（一）1. 等），全文作为开头段落")
    if not doc.title and not title:
        warnings.append(_NO_TITLE)
    return IngestResult(
        document=doc,
        source=source,
        script=script,
        truncated=truncated,
        removed=list(cleaned.removed),
        warnings=warnings,
        metadata=dict(cleaned.metadata),
    )


def read_source(path: Path | str) -> IngestResult:
    """Read one sample (any format `nigao.readers` reads) into a cleaned, outlined document."""
    from nigao.readers import read

    path = Path(path)
    return source_result(read(path, source_label(path)))


def source_result(source: Source) -> IngestResult:
    """What a reader found → IngestResult: the outline from its lines, its metadata applied."""
    from nigao.ingest.clutter import Removed

    if source.document is not None:
        return _document_result(source)
    meta = source.metadata()
    result = text_result(
        "\n".join(source.kept),
        source.name,
        title=str(meta.get("title") or ""),
        whole_file=source.fmt in _WHOLE_FILES,
    )
    doc = result.document
    for key, value in meta.items():
        if key == "title" or not value:
            continue
        if hasattr(doc, key):
            setattr(doc, key, value)
        elif key != "title" and isinstance(value, str) and value:
            result.metadata.setdefault(key, value)  # a part no Document field holds: kept
    result.removed[:0] = [
        Removed(line.text, line.removed_by) for line in source.lines if line.removed_by
    ]
    result.warnings[:0] = source.warnings
    return result


def _document_result(source: Source) -> IngestResult:
    """A format that carries its outline (nigao's draft .md): sections kept, roles from the table."""
    from nigao.ingest import classify, normalize

    doc = source.document
    assert doc is not None
    script = normalize.detect_script(source.text)
    if script == "traditional":
        from nigao.draftmd import read_draft

        doc = read_draft(normalize.to_simplified(source.text), source.name)
    classify.assign_roles(doc)
    warnings = [] if doc.sections else ["没有找到章节标题（## 标题）"]
    return IngestResult(document=doc, source=source.name, script=script, warnings=warnings)
