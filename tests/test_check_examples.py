"""The shipped example profiles draft without a finding, as .md and as .docx; .docx layout
rules read nigao's own Word files as clean and a default Word file as not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao.check import check_path
from nigao.cli import cli
from test_check_samples import PLAN_FACTS, clean_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["example-plan.yaml", "example-summary.yaml"]


def draft(tmp_path: Path, name: str) -> tuple[Path, Path]:
    out = tmp_path / Path(name).stem
    result = CliRunner().invoke(
        cli, ["new", str(ROOT / "profiles" / name), "-o", str(out), "--no-check"]
    )
    assert result.exit_code == 0, result.output
    return out.with_suffix(".md"), out.with_suffix(".docx")


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_drafts_have_no_findings(tmp_path, name):
    md, docx = draft(tmp_path, name)
    profile = ROOT / "profiles" / name
    for path in (md, docx):
        found = check_path(path, profile=profile)
        assert [str(f) for f in found] == []


def test_nigao_docx_of_a_clean_document_is_clean(tmp_path):
    from nigao.docx_writer import write_docx

    path = tmp_path / "plan.docx"
    path.write_bytes(write_docx(clean_plan()))
    assert [str(f) for f in check_path(path, profile=PLAN_FACTS)] == []


def test_default_word_layout_is_reported(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("岚溪县教育局关于开展读书活动的通知")
    document.add_paragraph("各学校,要认真组织。")
    path = tmp_path / "plain.docx"
    document.save(path)
    found = check_path(path)
    rules = {f.rule for f in found}
    assert {"LAYOUT-PAGE", "LAYOUT-GRID", "LAYOUT-FONT", "LAYOUT-PAGENUM", "LAYOUT-INDENT"} <= rules
    (punct,) = [f for f in found if f.rule == "PUNCT-HALFWIDTH"]
    assert punct.paragraph == 2 and punct.line is None
    assert str(punct).startswith(f"{path}:第2段: PUNCT-HALFWIDTH 警告")
    margins = [f.message for f in found if f.rule == "LAYOUT-PAGE"]
    assert any("上边距（天头）是 25.4 mm，GB/T 9704 要求 37.0 mm" in m for m in margins)


def test_a_word_file_from_elsewhere_is_read_like_a_text(tmp_path):
    import docx

    document = docx.Document()
    for text in ["岚溪县教育局关于开展读书活动的通知", "", "一、工作要求", "各学校要认真组织。",
                 "三、时间安排", "3月至5月。", "1、宣传发动。召开动员会。"]:  # fmt: skip
        document.add_paragraph(text)
    path = tmp_path / "other.docx"
    document.save(path)
    found = [f for f in check_path(path) if not f.rule.startswith("LAYOUT-")]
    assert [(f.rule, f.paragraph) for f in found] == [
        ("NUM-SKIP", 4),
        ("NUM-LABEL", 6),
        ("NUM-LEVEL-SKIP", 6),
    ]
    assert all(f.line is None and not f.fixes for f in found)


def test_fix_refuses_docx(tmp_path):
    from nigao.docx_writer import write_docx

    path = tmp_path / "plan.docx"
    path.write_bytes(write_docx(clean_plan()))
    result = CliRunner().invoke(cli, ["check", str(path), "--fix", "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2
    assert "只能修正 .md 和 .txt" in result.output
