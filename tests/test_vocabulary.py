"""The fill-in marker has one definition (nigao/vocabulary.py): a marker a drafter types with an
ASCII colon is the same marker everywhere — listed as unfilled, accepted as a 发文字号 not yet
given, highlighted in the .docx."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from nigao.drafting import draft, load_library
from nigao.profile import parse
from nigao.vocabulary import FILL_IN_RE, fill_in

ROOT = Path(__file__).resolve().parents[1]
PLAN = (ROOT / "profiles" / "example-plan.yaml").read_text(encoding="utf-8")


def test_nigao_writes_the_full_width_form() -> None:
    assert fill_in("新增学位数") == "【待填：新增学位数】"
    assert FILL_IN_RE.fullmatch(fill_in("新增学位数")).group(1) == "新增学位数"


def test_a_typed_ascii_colon_marker_counts_as_unfilled(tmp_path: Path) -> None:
    text = PLAN.replace("doc_number: 岚教发〔2027〕8号", "doc_number: 【待填:发文字号】")
    assert text != PLAN
    profile = parse(text, str(tmp_path / "p.yaml"))
    assert profile.doc_number == "【待填:发文字号】"  # not an invalid 发文字号
    result = draft(profile, load_library(), check=False)
    assert any("发文字号" in line for line in result.unfilled), result.unfilled
    with zipfile.ZipFile(io.BytesIO(result.docx)) as package:
        body = package.read("word/document.xml").decode("utf-8")
    run = body[
        body.rindex("<w:r>", 0, body.index("【待填:发文字号】")) : body.index("【待填:发文字号】")
    ]
    assert "<w:highlight" in run  # highlighted like every marker nigao writes


def test_profile_and_checker_suggest_the_same_doc_number() -> None:
    """One repair of a loosely typed 发文字号: the profile's error and the checker's finding."""
    from nigao.check import check_document
    from nigao.model import Document, Section
    from nigao.profile import ProfileError

    loose = "岚教发 （2027） 第08号"
    text = PLAN.replace("doc_number: 岚教发〔2027〕8号", f"doc_number: {loose}")
    try:
        parse(text, "p.yaml")
    except ProfileError as error:
        said = "\n".join(error.errors)
    else:
        raise AssertionError("a loose 发文字号 was accepted")
    assert "应写成 “岚教发〔2027〕8号”" in said, said
    doc = Document(
        title="岚溪县教育局关于开展读书活动的实施方案",
        sections=[Section("工作要求", paragraphs=["各学校要认真组织。"])],
        signature="岚溪县教育局",
        date="2027年3月1日",
        doc_number=loose,
    )
    found = [f for f in check_document(doc) if f.rule == "DOCNO-FORMAT"]
    assert found and "岚教发〔2027〕8号" in found[0].suggestion


def test_ingest_and_checker_read_the_same_loose_doc_numbers() -> None:
    """A 发文字号 typed with the usual slips: ingest takes the line as the document's number,
    the .docx reader as its 版头's, the checker finds it inside a sentence, and all repair it to
    the one standard form."""
    from nigao.vocabulary import (
        DOC_NUMBER_CHECKED,
        DOC_NUMBER_HEAD,
        DOC_NUMBER_IN_TEXT,
        DOC_NUMBER_LINE,
        fix_doc_number,
    )

    for loose in ("岚教发[2027]第8号", "岚教发（2027）08号", "岚教发［2027］8号"):
        assert DOC_NUMBER_LINE.match(loose), loose
        assert DOC_NUMBER_HEAD.match(loose) or "第" in loose, loose  # a 版头 is never typed with 第
        assert DOC_NUMBER_IN_TEXT.search(f"依据{loose}文件要求"), loose
        assert DOC_NUMBER_CHECKED.match(fix_doc_number(loose) or ""), loose
    assert not DOC_NUMBER_LINE.match("2027年工作要点")
