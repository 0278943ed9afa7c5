"""`nigao export`: a hand-edited draft back into Word, byte-stable."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao.cli import cli
from nigao.draftmd import read_draft, write_draft

DRAFT = """\
---
kind: plan
recipients: 局属各学校（单位）
signature: 岚溪县教育局
date: 2027年3月1日
doc_number: 岚教发〔2027〕8号
---

# 岚溪县教育局关于开展“强师兴校”主题活动的实施方案

为加强教师队伍建设，制定本方案。

## 指导思想

坚持立德树人，A & B <c> "d"。

## 主要任务

### 抓师德师风。

健全师德师风建设长效机制。

***

各单位要认真抓好落实。
"""


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "drafts" / "plan.md"
    path.parent.mkdir()
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_export_writes_word_next_to_the_draft(draft: Path) -> None:
    result = invoke("export", str(draft))
    assert result.exit_code == 0, result.output
    out = draft.with_suffix(".docx")
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "A &amp; B &lt;c&gt;" in xml
    assert "抓师德师风。" in xml and "健全师德师风建设长效机制。" in xml


def test_export_is_byte_stable_and_matches_a_rewritten_draft(draft: Path, tmp_path: Path) -> None:
    assert invoke("export", str(draft), "-o", str(tmp_path / "a.docx")).exit_code == 0
    rewritten = tmp_path / "b.md"
    rewritten.write_text(write_draft(read_draft(DRAFT)), encoding="utf-8")
    assert rewritten.read_text(encoding="utf-8") == DRAFT
    assert invoke("export", str(rewritten), "-o", str(tmp_path / "b")).exit_code == 0
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_export_refuses_to_overwrite(draft: Path) -> None:
    out = draft.with_suffix(".docx")
    out.write_bytes(b"keep")
    result = invoke("export", str(draft))
    assert result.exit_code == 1 and "文件已存在" in result.output
    assert out.read_bytes() == b"keep"
    assert invoke("export", str(draft), "--force").exit_code == 0
    assert zipfile.is_zipfile(out)


def test_export_errors_are_one_chinese_line(tmp_path: Path) -> None:
    result = invoke("export", str(tmp_path / "missing.md"))
    assert result.exit_code == 2 and "找不到草稿文件" in result.output
    bad = tmp_path / "bad.md"
    bad.write_text(DRAFT.replace("### 抓师德师风。", "##### 太深"), encoding="utf-8")
    result = invoke("export", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "Traceback" not in result.output
    assert not bad.with_suffix(".docx").exists()


def test_export_in_a_real_process(draft: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nigao", "export", str(draft)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert zipfile.is_zipfile(draft.with_suffix(".docx"))


def test_export_pdf_when_libreoffice_is_installed(draft: Path) -> None:
    from nigao.pdf import find_soffice

    if find_soffice() is None:
        print("SKIP reason: LibreOffice (soffice) is not installed")
        pytest.skip("LibreOffice (soffice) is not installed")
    result = invoke("export", str(draft), "--pdf")
    assert result.exit_code == 0, result.output
    assert draft.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_profile_and_draft_mixed_up(draft: Path) -> None:
    result = invoke("export", "profiles/example-plan.yaml")
    assert result.exit_code == 2 and "是配置文件，不是草稿：拟稿请用  nigao new" in result.output
    result = invoke("new", str(draft))
    assert (
        result.exit_code == 2
        and "是草稿，不是配置文件：导出 Word 请用  nigao export" in result.output
    )


def test_export_reports_characters_word_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "d.md"
    path.write_text("# 标题\n\n正文里有\x01控制字符。\n", encoding="utf-8")
    result = invoke("export", str(path))
    assert result.exit_code == 0, result.output
    assert "提示：" in result.output and "U+0001" in result.output
    with zipfile.ZipFile(tmp_path / "d.docx") as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    assert "正文里有控制字符。" in xml
