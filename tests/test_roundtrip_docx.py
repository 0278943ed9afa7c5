"""The .docx round trip, property-based: any Document → write_docx → read_docx gives the same
text, and text XML cannot hold comes out as a valid package with the removals reported."""

from __future__ import annotations

import json
import subprocess
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import tool
from nigao.docx_reader import read_docx
from nigao.docx_writer import write_docx
from nigao.model import Document, normalize
from test_roundtrip_draft import carried, documents, has_unsafe

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def text_view(doc: Document) -> dict[str, object]:
    """What a reader of the printed 公文 sees: every text, headings with their depth.

    The .docx writes 主送机关 with its colon (added when missing), so the colon is not part of
    the comparison; a run-in heading with no paragraph is printed on a line of its own, so
    run-in is compared where there is a paragraph to run into.
    """
    return {
        "title": doc.title,
        "recipients": (doc.recipients or "").rstrip("：:"),
        "preamble": doc.preamble,
        "sections": [
            (depth, s.heading, s.paragraphs, s.run_in and bool(s.paragraphs))
            for depth, s in doc.walk()
        ],
        "closing": doc.closing,
        "attachments": doc.attachments,
        "signature": doc.signature,
        "date": doc.date,
    }


def package_is_valid(data: bytes) -> None:
    """lxml parses every part and python-docx opens the package."""
    import docx

    with zipfile.ZipFile(BytesIO(data)) as z:
        assert z.testzip() is None
        for name in z.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(z.read(name))  # raises on anything XML 1.0 cannot hold
    docx.Document(BytesIO(data))


@FAST
@given(documents())
def test_any_document_reads_back_with_the_same_text(raw: Document) -> None:
    doc = carried(raw)
    back = read_docx(write_docx(doc))
    assert text_view(back) == text_view(doc)


@FAST
@given(documents(unsafe=True))
def test_unholdable_characters_are_removed_reported_and_the_file_is_valid(raw: Document) -> None:
    notes: list[str] = []
    data = write_docx(raw, report=notes)
    package_is_valid(data)
    assert bool(notes) == has_unsafe(raw)
    assert data == write_docx(raw)  # reporting changes nothing in the file
    assert text_view(read_docx(data)) == text_view(normalize(raw))


def test_every_kind_of_dangerous_character_in_every_field() -> None:
    nasty = "A&B <c> \"d\" 'e' 😀 \x00\x01\x08\x0b\x0c\x1f\x7f\x85\ufffe\uffff\ud800\udfff 完"
    doc = Document(
        title=nasty,
        recipients=nasty,
        preamble=[nasty],
        closing=[nasty],
        attachments=[nasty],
        signature=nasty,
        date=nasty,
        doc_number=nasty,
        issuer_mark=nasty,
        cc=nasty,
        printer=nasty,
        print_date=nasty,
        author=nasty,
    )
    notes: list[str] = []
    data = write_docx(doc, report=notes)
    package_is_valid(data)
    kept = "A&B <c> \"d\" 'e' 😀  完"
    back = read_docx(data)
    assert (back.title, back.preamble, back.closing, back.signature, back.date) == (
        kept,
        [kept],
        [kept],
        kept,
        kept,
    )
    assert len(notes) == 13
    assert notes[0].startswith("主送机关：删去了 12 个无法写入文件的字符（U+0000、U+0001")


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents(unsafe=True), st.integers(0, 10**6))
def test_openxml_audit_finds_no_error_in_generated_documents(raw: Document, n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"audit-{n}.docx"
        path.write_bytes(write_docx(raw))
        done = subprocess.run(
            [tool("openxml-audit") or "openxml-audit", "-o", "json", str(path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert json.loads(done.stdout)[0]["errors"] == []


@pytest.mark.parametrize(
    "names", [["1.名单"], ["附件：表"], ["1.名单", "2.表"], ["名单", "活动安排表", "3.说明"]]
)
def test_attachment_names_that_start_like_their_number_survive(names: list[str]) -> None:
    doc = Document(title="通知", preamble=["正文。"], attachments=names)
    assert read_docx(write_docx(doc)).attachments == names


def test_a_very_long_title_is_wrapped_whole_into_lines_that_fit() -> None:
    """Titles of many lines used to try every shape (exponential): 120 characters never ended."""
    from nigao.typeset import _title_units, title_lines

    title = "青川县教育局关于开展“强师兴校”大讨论活动的实施方案" * 12
    lines = title_lines(title)
    assert "".join(lines) == title
    assert len(lines) >= 15
    assert max(_title_units(x) for x in lines) <= 40
    doc = Document(title=title, preamble=["正文。"])
    assert read_docx(write_docx(doc)).title == title
