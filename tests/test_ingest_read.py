"""Reading samples: encodings, normalisation, Word numbering, draft Markdown, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from nigao.errors import ReadError
from nigao.ingest import read_source
from nigao.ingest.decode import read_text
from nigao.ingest.normalize import clean_spaces, detect_script, fix_punctuation, normalize_text

ROOT = Path(__file__).resolve().parent.parent
SEED4 = ROOT / "seeds/004_602c73b34cb07147.txt"
SEED3 = ROOT / "seeds/003_b49e2f5c79e3d4e3.txt"

TRAD = "教育局工作方案\n\n一、指導思想\n\n堅持以人為本，辦好人民滿意的教育。\n"
SAMPLE = "教育局工作方案\n\n一、指导思想\n\n坚持以人为本，办好人民满意的教育。\n\n二、工作措施\n\n（一）加强领导。各校要成立领导小组。\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("gb18030", b""),
        ("gbk", b""),
        ("big5", b""),
    ],
)
def test_read_text_encodings(tmp_path, encoding, prefix):
    text = TRAD if encoding == "big5" else SAMPLE
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + text.encode(encoding))
    assert read_text(path) == text


def test_big5_traditional_seed_reads_like_utf8(tmp_path):
    text = SEED3.read_text(encoding="utf-8")
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert read_source(path).to_json()["sections"] == read_source(SEED3).to_json()["sections"]


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n"])
def test_any_line_endings(tmp_path, ending):
    path = tmp_path / "a.txt"
    path.write_bytes(SAMPLE.replace("\n", ending).encode("utf-8"))
    doc = read_source(path).document
    assert [s.heading for s in doc.sections] == ["指导思想", "工作措施"]
    assert doc.sections[1].sections[0].heading == "加强领导。"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "空"),
        ("blank.txt", b"  \n\n ", "空"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "不是文本"),
        ("broken.docx", b"PK\x03\x04 this is not a zip", "Word"),
        ("old.doc", b"\xd0\xcf\x11\xe0", ".doc"),
        ("garbled.txt", bytes((i * 37 + 11) % 96 + 0xA0 for i in range(600)), "编码"),
    ],
)
def test_unreadable_files_give_one_chinese_line(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_source(path)
    message = str(info.value)
    assert name in message and reason in message and "\n" not in message
    assert info.value.exit_code == 2


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="不存在"):
        read_source(tmp_path / "nope.txt")


def test_punctuation_and_spaces():
    assert fix_punctuation("教育局:围绕工作,抓学习;好!吗?") == "教育局：围绕工作，抓学习；好！吗？"
    assert fix_punctuation("各学校(单位)和(一)领导") == "各学校（单位）和（一）领导"
    assert fix_punctuation("http://a.b:80 and 1,2") == "http://a.b:80 and 1,2"
    assert fix_punctuation("阶段(2月)。") == "阶段（2月）。"
    assert clean_spaces("\u3000\u3000三会一课 ，从制度上  ") == "三会一课，从制度上"
    assert clean_spaces("围绕工作抓学习 抓好学习促工作") == "围绕工作抓学习 抓好学习促工作"


def test_traditional_is_converted_and_recorded():
    text, script = normalize_text("一、指導思想\n堅持以科學發展觀為指導，全面貫徹黨的精神。")
    assert script == "traditional"
    assert text == "一、指导思想\n坚持以科学发展观为指导，全面贯彻党的精神。"
    assert detect_script(SEED4.read_text(encoding="utf-8")) == "simplified"
    result = read_source(SEED3)
    assert result.script == "traditional"
    assert "轉" not in str(result.to_json())


def test_json_shape_is_exact():
    data = read_source(SEED4).to_json()
    assert list(data) == [
        "source",
        "title",
        "kind",
        "script",
        "truncated",
        "recipients",
        "preamble",
        "sections",
        "closing",
        "metadata",
        "removed",
        "removed_rules",
        "warnings",
    ]
    section = data["sections"][0]
    assert list(section) == [
        "depth",
        "heading",
        "run_in",
        "role",
        "roles",
        "paragraphs",
        "sections",
    ]
    assert not section["heading"].startswith("一")


def _numbered_docx(path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.insert(
        0,
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">{lvl_xml}</w:abstractNum>'),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    )

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'
            )
        )

    document.add_paragraph("青川县教育局关于开展读书活动的实施方案")
    document.add_paragraph("局属各学校：")
    document.add_paragraph("为推进书香校园建设，制定本方案。")
    numbered("指导思想", 0)
    document.add_paragraph("坚持立德树人。")
    numbered("主要任务", 0)
    numbered("开展阅读活动。各校每周安排一节阅读课。", 1)
    numbered("建设图书角", 1)
    numbered("每班配备图书50册。", 2)
    numbered("组织领导", 0)
    document.add_paragraph("组长：")
    document.save(str(path))


def test_docx_with_automatic_numbering(tmp_path):
    path = tmp_path / "方案.docx"
    _numbered_docx(path)
    result = read_source(path)
    doc = result.document
    assert doc.title == "青川县教育局关于开展读书活动的实施方案"
    assert doc.kind == "plan"
    assert doc.recipients == "局属各学校："
    outline = [(d, s.heading, s.run_in, s.role) for d, s in doc.walk()]
    assert outline == [
        (1, "指导思想", False, "guiding_ideas"),
        (1, "主要任务", False, "tasks"),
        (2, "开展阅读活动。", True, "tasks"),
        (2, "建设图书角", False, "tasks"),
        (3, "每班配备图书50册。", False, "tasks"),
        (1, "组织领导", False, "organization"),
    ]


def test_docx_heading_styles_without_numbers(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某县教育局年度工作总结")
    document.add_paragraph("现将一年来的工作总结如下：")
    document.add_heading("主要做法", level=1)
    document.add_paragraph("我们抓了三件事。")
    document.add_heading("存在问题", level=1)
    document.add_paragraph("经费不足。")
    path = tmp_path / "总结.docx"
    document.save(str(path))
    doc = read_source(path).document
    assert doc.kind == "summary"
    assert [(s.heading, s.role) for s in doc.sections] == [
        ("主要做法", "practices"),
        ("存在问题", "problems"),
    ]


def test_draft_markdown_is_read(tmp_path):
    draftmd = pytest.importorskip("nigao.draftmd", reason="draft Markdown module not present")
    original = read_source(SEED4).document
    path = tmp_path / "草稿.md"
    path.write_text(draftmd.write_draft(original), encoding="utf-8")
    again = read_source(path).document
    assert [(d, s.heading, s.role) for d, s in again.walk()] == [
        (d, s.heading, s.role) for d, s in original.walk()
    ]


def test_docx_written_by_nigao_reads_back_the_same_outline(tmp_path):
    writer = pytest.importorskip("nigao.docx_writer", reason="the .docx writer is not present")
    original = read_source(SEED4)
    doc = original.document
    doc.signature, doc.date = "青川县教育局", "2027年3月1日"
    path = tmp_path / "方案.docx"
    path.write_bytes(writer.write_docx(doc))
    again = read_source(path)
    assert again.document.title == doc.title
    assert again.document.recipients == doc.recipients.rstrip("：")  # the 主送 without its colon
    assert [(d, s.heading, s.run_in, s.role) for d, s in again.document.walk()] == [
        (d, s.heading, s.run_in, s.role) for d, s in doc.walk()
    ]
    assert again.document.preamble == doc.preamble
