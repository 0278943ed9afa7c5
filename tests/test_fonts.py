"""The fontconfig alias file, the font report, `nigao fonts`, and PDF without LibreOffice."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao import fonts, pdf
from nigao.cli import cli
from nigao.docx_writer import write_docx
from nigao.model import Document

EXPECTED = {
    "方正小标宋简体": "Noto Serif CJK SC",
    "黑体": "Noto Sans CJK SC",
    "楷体_GB2312": "FandolKai",
    "仿宋_GB2312": "FandolFang",
    "宋体": "Noto Serif CJK SC",
    "仿宋": "FandolFang",
    "楷体": "FandolKai",
}


def test_alias_file_maps_every_name_and_includes_the_system_config() -> None:
    xml = fonts.fontconfig_xml()
    assert "<include" in xml and fonts.SYSTEM_FONTS_CONF in xml
    for name, family in EXPECTED.items():
        assert f"<string>{name}</string>" in xml
        assert family in xml
    assert "<const>bold</const>" in xml  # 小标宋 stands in as a bold serif
    skipped = fonts.fontconfig_xml(frozenset({"黑体"}))
    assert "<string>黑体</string>" not in skipped  # an installed font is left alone


def test_fontconfig_resolves_the_aliases(tmp_path: Path) -> None:
    if shutil.which("fc-match") is None:
        print("fc-match 未安装：跳过")
        pytest.skip("fontconfig is not installed")
    config = fonts.write_fontconfig(tmp_path)
    for name, family in EXPECTED.items():
        if fonts.installed(name) or not fonts.installed(family):
            continue
        assert fonts.match(name, config).startswith(family), name
    if fonts.installed("Noto Serif CJK SC"):
        assert "Bold" in fonts.match("方正小标宋简体", config)


def test_pdf_fonts_are_a_real_fangsong_and_a_mainland_kaiti(tmp_path: Path) -> None:
    """.ci/run installs the Fandol faces; the body and the （一） headings use them in a PDF."""
    assert shutil.which("fc-match"), "fontconfig is not installed (.ci/run installs it)"
    config = fonts.write_fontconfig(tmp_path)
    assert fonts.match("仿宋_GB2312", config).startswith("FandolFang")
    assert fonts.match("楷体_GB2312", config).startswith("FandolKai")


def test_command_names_the_substituted_fonts_of_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(write_docx(Document(title="通知", signer="王明")))
    result = CliRunner().invoke(cli, ["fonts", str(path)])
    assert result.exit_code == 0, result.output
    for name in ("仿宋_GB2312", "方正小标宋简体", "楷体_GB2312"):
        assert name in result.output
    assert "FandolFang" in result.output and "被替代" in result.output
    data = json.loads(CliRunner().invoke(cli, ["fonts", str(path), "--json"]).output)
    body = next(d for d in data if d["font"] == "仿宋_GB2312")
    assert body["substituted"] and body["pdf_font"].startswith("FandolFang")
    missing = CliRunner().invoke(cli, ["fonts", str(tmp_path / "none.docx")])
    assert missing.exit_code != 0 and "找不到" in missing.output


def test_report_and_command_show_a_chinese_table() -> None:
    rows = fonts.report()
    assert [r.name for r in rows] == [
        "方正小标宋简体",
        "黑体",
        "楷体_GB2312",
        "仿宋_GB2312",
        "宋体",
    ]
    result = CliRunner().invoke(cli, ["fonts"])
    assert result.exit_code == 0, result.output
    assert "公文字体" in result.output and "生成 PDF 时使用" in result.output
    for row in rows:
        assert row.name in result.output
    data = json.loads(CliRunner().invoke(cli, ["fonts", "--json"]).output)
    assert [d["font"] for d in data] == [r.name for r in rows]
    assert {d["installed"] for d in data} <= {True, False, None}


def test_without_fontconfig_the_report_still_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts.shutil, "which", lambda _name: None)
    rows = fonts.report()
    assert all(r.installed is None and r.pdf_font is None for r in rows)
    result = CliRunner().invoke(cli, ["fonts"])
    assert result.exit_code == 0 and "无法检测" in result.output


def test_pdf_without_libreoffice_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    docx = tmp_path / "a.docx"
    docx.write_bytes(write_docx(Document(title="通知")))
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(pdf.PdfUnavailable) as info:
        pdf.to_pdf(docx, tmp_path / "a.pdf")
    message = str(info.value)
    assert "LibreOffice" in message and "Word 文档已写好" in message
    assert "\n" not in message
    assert not (tmp_path / "a.pdf").exists()
    assert docx.exists()


def test_pdf_is_written_atomically(tmp_path: Path) -> None:
    if pdf.find_soffice() is None:
        print("LibreOffice 未安装：跳过 PDF 转换测试")
        pytest.skip("soffice is not installed")
    docx = tmp_path / "通知.docx"
    docx.write_bytes(write_docx(Document(title="关于做好春季开学工作的通知", preamble=["正文。"])))
    out = pdf.to_pdf(docx, tmp_path / "out" / "通知.pdf")
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == ["通知.pdf"]  # no temporary left over
