"""Reading back what the writer made, layout facts for the checker, and foreign .docx files."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from nigao import gbt9704 as G
from nigao.docx_reader import layout_facts, read_docx
from nigao.docx_writer import write_docx
from nigao.errors import ReadError
from nigao.model import Document, Section
from test_docx_writer import sample_document


@pytest.mark.parametrize("head", [False, True])
def test_round_trip_gives_the_same_document(head: bool, tmp_path: Path) -> None:
    doc = sample_document(head=head)
    path = tmp_path / "plan.docx"
    path.write_bytes(write_docx(doc))
    assert read_docx(path) == doc
    assert read_docx(path.read_bytes()) == doc


def test_run_in_and_depths_survive() -> None:
    doc = Document(
        title="关于做好春季开学工作的通知",
        sections=[
            Section(
                "总体要求",
                sections=[Section("压实责任。", paragraphs=["各校要……", "第二段。"], run_in=True)],
            ),
            Section("工作安排", paragraphs=["正文。"], sections=[Section("第一阶段")]),
        ],
        closing=["特此通知。"],
    )
    back = read_docx(write_docx(doc))
    assert back == doc
    assert back.sections[0].sections[0].run_in is True
    assert back.sections[0].sections[0].paragraphs == ["各校要……", "第二段。"]


def test_layout_facts_match_the_constants() -> None:
    facts = layout_facts(write_docx(sample_document(head=True)))
    page = facts["page"]
    assert (page["page_width"], page["page_height"]) == (G.PAGE_WIDTH, G.PAGE_HEIGHT)
    assert (page["margin_top"], page["margin_bottom"]) == (G.MARGIN_TOP, G.MARGIN_BOTTOM)
    assert (page["margin_left"], page["margin_right"]) == (G.MARGIN_LEFT, G.MARGIN_RIGHT)
    assert (page["grid_type"], page["line_pitch"]) == ("lines", G.LINE_PITCH)
    assert facts["even_and_odd_headers"] is True
    assert facts["theme_fonts_used"] is False
    roles = facts["roles"]
    assert roles["body"]["font_east_asia"] == G.FONT_BODY
    assert roles["body"]["first_line"] == G.FIRST_LINE_INDENT
    assert roles["body"]["char_spacing"] == G.CHAR_SPACING
    assert roles["title"]["size"] == G.TITLE_SIZE and roles["title"]["jc"] == "center"
    for depth in range(1, 5):
        assert roles[f"heading{depth}"]["font_east_asia"] == G.HEADING_FONTS[depth]
        assert roles[f"heading{depth}"]["outline_level"] == depth - 1
    odd, even = facts["footers"]["default"][0], facts["footers"]["even"][0]
    assert odd["fields"] == ["PAGE"] and odd["jc"] == "right"
    assert odd["right"] == G.PAGE_NUMBER_INDENT and even["left"] == G.PAGE_NUMBER_INDENT
    assert odd["text"] == "— 1 —" and odd["size"] == G.PAGE_NUMBER_SIZE
    assert odd["font_east_asia"] == G.FONT_PAGE_NUMBER
    # the flat keys nigao.check reads
    assert facts["page_width"] == G.PAGE_WIDTH and facts["line_pitch"] == G.LINE_PITCH
    assert (facts["body_line"], facts["body_line_rule"]) == (G.LINE_PITCH, "exact")
    assert (facts["body_font"], facts["body_size"]) == (G.FONT_BODY, G.BODY_SIZE)
    assert facts["body_char_spacing"] == G.CHAR_SPACING
    assert facts["body_first_line"] == G.FIRST_LINE_INDENT
    assert (facts["title_font"], facts["title_size"]) == (G.FONT_TITLE, G.TITLE_SIZE)
    assert facts["heading_fonts"] == G.HEADING_FONTS
    assert facts["page_numbers"] is True and facts["page_number_text"] == "— 1 —"
    run_in = [
        p for p in facts["paragraphs"] if p["runs"] and p["runs"][0].get("char_style") == "GwRunIn2"
    ]
    assert run_in and run_in[0]["runs"][0]["font_east_asia"] == G.FONT_H2
    assert run_in[0]["runs"][1]["font_east_asia"] == G.FONT_BODY
    marker = [r for p in facts["paragraphs"] for r in p["runs"] if r.get("highlight")]
    assert [r["text"] for r in marker] == ["【待填：活动开始日期】"]


def test_foreign_docx_falls_back_to_paragraphs_and_heading_styles() -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("关于开展读书活动的通知")
    d.add_heading("一、活动目的", level=1)
    d.add_paragraph("为了……")
    d.add_heading("（一）读书月", level=2)
    d.add_paragraph("四月为读书月。")
    buffer = BytesIO()
    d.save(buffer)
    doc = read_docx(buffer.getvalue())
    assert doc.preamble == ["关于开展读书活动的通知"]
    assert [s.heading for s in doc.sections] == ["一、活动目的"]
    assert doc.sections[0].paragraphs == ["为了……"]
    assert doc.sections[0].sections[0].paragraphs == ["四月为读书月。"]
    facts = layout_facts(buffer.getvalue())
    assert facts["page"]["page_width"] is not None
    assert facts["even_and_odd_headers"] is False
    assert facts["page_numbers"] is False
    assert facts["heading_fonts"] == {}  # python-docx's headings use theme fonts, no names
    assert facts["theme_fonts_used"] is True


def test_not_a_docx_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "坏文件.docx"
    bad.write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_docx(bad)
    assert "坏文件.docx" in str(info.value) and "不是有效的 Word" in str(info.value)
    with pytest.raises(ReadError, match="无法读取"):
        layout_facts(tmp_path / "没有.docx")
