"""Read a draft Markdown file (nigao's own format) as a sample: the outline is explicit."""

from __future__ import annotations

from pathlib import Path

from nigao.ingest.reader import IngestResult


def markdown_result(path: Path, source: str) -> IngestResult:
    """Draft .md → IngestResult; sections keep their headings, roles come from the table."""
    from nigao.draftmd import read_draft
    from nigao.ingest import classify, normalize
    from nigao.ingest.decode import read_text

    text = read_text(path)
    script = normalize.detect_script(text)
    if script == "traditional":
        text = normalize.to_simplified(text)
    doc = read_draft(text, source)
    classify.assign_roles(doc)
    warnings = [] if doc.sections else ["没有找到章节标题（## 标题）"]
    return IngestResult(document=doc, source=source, script=script, warnings=warnings)
