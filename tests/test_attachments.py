"""Profile → 签发人, seal, 版记 page and 附件 pages in the Document, the draft and the .docx."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nigao import compose as C
from nigao import profile as P
from nigao.docx_writer import write_docx
from nigao.draftmd import read_draft, write_draft
from nigao.errors import NigaoError
from test_compose import BASE, library

SECTIONS = "sections:\n  - role: tasks\n    text: 抓好师德师风建设。\n"


def compose(tmp_path: Path, extra: str) -> C.Draft:
    path = tmp_path / "p.yaml"
    path.write_text(BASE + extra + SECTIONS, encoding="utf-8")
    return C.compose(P.load(path), library())


def test_attachments_by_name_text_table_and_file(tmp_path: Path) -> None:
    (tmp_path / "名单.csv").write_text("姓名,职务\n王明,局长\n\n李华,副局长\n", encoding="utf-8-sig")
    (tmp_path / "要点.txt").write_text("一、加强领导。\n\n二、强化督查。\n", encoding="gb18030")
    doc = compose(
        tmp_path,
        "attachments:\n"
        "  - 活动安排表\n"
        "  - title: 工作要点\n    file: 要点.txt\n"
        "  - title: 领导小组名单\n    file: 名单.csv\n"
        "  - title: 检查表\n    table:\n      - [学校, 得分]\n      - [城关一小, 95]\n"
        "signer: 方立新、何静\nsealed: true\nverso_even: false\n",
    ).document
    assert doc.attachments == ["活动安排表", "工作要点", "领导小组名单", "检查表"]
    pages = {a.title: a for a in doc.appendices}
    assert list(pages) == ["工作要点", "领导小组名单", "检查表"]  # a name alone has no page
    assert pages["工作要点"].paragraphs == ["一、加强领导。", "二、强化督查。"]
    assert pages["领导小组名单"].table == [["姓名", "职务"], ["王明", "局长"], ["李华", "副局长"]]
    assert pages["检查表"].table == [["学校", "得分"], ["城关一小", "95"]]
    assert (doc.signer, doc.sealed, doc.verso_even) == ("方立新、何静", True, False)
    # the draft carries it all, and the .docx made from the draft has the pages
    back = read_draft(write_draft(doc))
    assert back.appendices == doc.appendices and back.signer == doc.signer and back.sealed
    import zipfile
    from io import BytesIO

    with zipfile.ZipFile(BytesIO(write_docx(back))) as z:
        body = z.read("word/document.xml").decode()
    assert body.count('<w:pStyle w:val="GwAppendixLabel"/>') == 3
    assert "签发人" not in body  # no 版头 without a 发文字号: the 签发人 rides on its row


def test_attachment_numbers_follow_the_note(tmp_path: Path) -> None:
    import zipfile
    from io import BytesIO

    doc = compose(
        tmp_path,
        "attachments:\n  - 名单\n  - title: 安排表\n    text: 第一阶段。\n",
    ).document
    with zipfile.ZipFile(BytesIO(write_docx(doc))) as z:
        body = z.read("word/document.xml").decode()
    assert '<w:pStyle w:val="GwAppendixLabel"/>' in body
    assert ">附件2<" in body and ">附件1<" not in body  # its place in the 附件说明


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("attachments:\n  - title: 名单\n    file: 没有.csv\n", "attachments\\[0\\]\\.file：找不到附件文件“没有.csv”"),
        ("attachments:\n  - title: 名单\n    file: 名单.pdf\n", "应为 .txt、.md 或 .csv"),
        ("attachments:\n  - text: 没有名称\n", "缺少必填项 attachments\\[0\\].title"),
        ("sealed: 是\n", "sealed"),
    ],
)
def test_bad_attachment_or_layout_fields_are_one_chinese_line(
    tmp_path: Path, extra: str, message: str
) -> None:
    with pytest.raises(NigaoError, match=message) as info:
        compose(tmp_path, extra)
    text = str(info.value)
    assert "p.yaml" in text and "Traceback" not in text


def test_an_unreadable_attachment_file_is_told_in_chinese(tmp_path: Path) -> None:
    """A folder (or a file the OS will not open) named as the file: the reason in Chinese,
    never the system's English (Is a directory, Permission denied)."""
    (tmp_path / "名单.txt").mkdir()
    with pytest.raises(NigaoError) as info:
        compose(tmp_path, "attachments:\n  - title: 名单\n    file: 名单.txt\n")
    text = str(info.value)
    assert "无法读取附件文件“名单.txt”：这是一个文件夹，不是文件" in text, text
    assert not re.search(r"[A-Za-z]", text.split("“名单.txt”", 1)[1]), text


def test_a_chinese_yes_for_sealed_is_told_to_write_true(tmp_path: Path) -> None:
    """The message names what to write instead; it must not offer 是 and then refuse it."""
    with pytest.raises(NigaoError) as info:
        compose(tmp_path, "sealed: 是\n")
    text = str(info.value)
    assert "应为true 或 false（是写 true，否写 false）" in text, text
    assert "应为是/否" not in text and "False" not in text, text


def test_schema_accepts_a_name_or_an_attachment_object() -> None:
    import jsonschema

    schema = P.json_schema()
    item = schema["properties"]["attachments"]["items"]
    jsonschema.validate("活动安排表", item)
    jsonschema.validate({"title": "安排表", "table": [["a", "b"]]}, item)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"text": "没有名称"}, item)
