"""The draft Markdown format: what a drafter edits by hand must read back exactly."""

from __future__ import annotations

import pytest

from nigao.draftmd import parse_body, read_draft, write_draft
from nigao.errors import NigaoError
from nigao.model import Document, Section, normalize


def sample() -> Document:
    return Document(
        kind="plan",
        title="云溪县教育局关于开展“强师兴校”活动的实施方案",
        recipients="局属各学校（单位）：",
        signature="云溪县教育局",
        date="2027年3月1日",
        doc_number="云教发〔2027〕8号",
        attachments=["活动安排表", "联系人: 名单"],
        preamble=["为深入贯彻……，结合我县实际，制定本方案。"],
        sections=[
            Section("指导思想", paragraphs=["坚持以……为指导。"]),
            Section(
                "主要任务",
                sections=[
                    Section("加强组织领导。", run_in=True, paragraphs=["各学校要……", "# 井号开头"]),
                    Section("强化督导检查", sections=[Section("细则", paragraphs=["***"])]),
                ],
            ),
        ],
        closing=["特此通知。"],
    )


def test_round_trip_is_byte_stable() -> None:
    text = write_draft(sample())
    assert read_draft(text) == sample()
    assert write_draft(read_draft(text)) == text


def test_depth_is_written_with_hashes_and_no_numbers() -> None:
    text = write_draft(sample())
    assert "## 指导思想" in text
    assert "### 加强组织领导。" in text
    assert "#### 细则" in text
    assert "一、" not in text and "（一）" not in text


def test_lines_that_look_like_markup_are_escaped() -> None:
    text = write_draft(sample())
    assert "\\# 井号开头" in text
    assert "\\***" in text


def test_typed_numbers_are_removed_from_headings() -> None:
    doc = read_draft("# 标题\n\n## 一、指导思想\n\n正文\n\n### （二）工作目标。\n\n正文\n")
    assert doc.sections[0].heading == "指导思想"
    assert doc.sections[0].sections[0].heading == "工作目标。"
    assert doc.sections[0].sections[0].run_in


def test_text_after_rule_is_closing() -> None:
    doc = read_draft("# 标题\n\n前言\n\n## 一\n\n正文\n\n***\n\n结束语\n")
    assert doc.preamble == ["前言"]
    assert doc.sections[0].paragraphs == ["正文"]
    assert doc.closing == ["结束语"]


def test_windows_line_endings_and_bom_are_accepted() -> None:
    text = write_draft(sample())
    assert read_draft("\ufeff" + text.replace("\n", "\r\n")) == sample()


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("# 标题\n\n### 跳级\n", 3, "缺少上一级"),
        ("# 标题\n\n## 一\n\n###### 太深\n", 5, "过深"),
        ("# 一\n\n# 二\n", 3, "只能有一个"),
        ("---\nkind: letter\n---\n# 标题\n", 2, "kind"),
        ("---\nkindd: plan\n---\n# 标题\n", 2, "未知的元数据项"),
        ("---\nkind: plan\n# 标题\n", 1, "没有结束"),
    ],
)
def test_bad_drafts_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(NigaoError) as error:
        read_draft(text, path="drafts/x.md")
    message = str(error.value)
    assert message.startswith(f"drafts/x.md:{line}: ")
    assert words in message


def test_skeleton_body_children_start_at_three_hashes() -> None:
    paragraphs, sections = parse_body("开头\n\n### 加强领导。\n\n各校要……\n\n#### 细则\n\n内容\n")
    assert paragraphs == ["开头"]
    assert sections[0].heading == "加强领导。" and sections[0].run_in
    assert sections[0].sections[0].paragraphs == ["内容"]


def test_signer_seal_verso_page_and_attachment_pages_round_trip() -> None:
    from nigao.model import Appendix

    doc = Document(
        title="岚溪县教育局关于2027年工作情况的报告",
        signer="方立新、李华",
        sealed=True,
        verso_even=False,
        attachments=["检查安排表", "工作要点"],
        appendices=[
            Appendix("检查安排表", table=[["时间", "检查组"], ["2月21日", "第一组, 第二组"], ["", "#3"]]),
            Appendix("工作要点", paragraphs=["一、加强领导。", "- 不是列表"]),
        ],
    )
    text = write_draft(doc)
    assert "signer: 方立新、李华" in text and "sealed: true" in text
    back = read_draft(text)
    assert back == normalize(doc)
    assert write_draft(back) == text
    plain = write_draft(Document(title="通知"))
    assert "sealed" not in plain and "verso_even" not in plain and "appendices" not in plain
    with pytest.raises(NigaoError, match="sealed"):
        read_draft("---\nsealed: 是\n---\n# 通知\n")
    with pytest.raises(NigaoError, match="appendices"):
        read_draft("---\nappendices:\n  - text: [a]\n---\n# 通知\n")
