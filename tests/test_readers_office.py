"""Office formats through nigao.readers: GB/T 9704 parts of a .docx (nigao's own and another
tool's), .doc through LibreOffice, .pdf through pdftotext, and one folder of every format
ingested into one library and checked through the same readers."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao.cli import cli
from nigao.ingest import read_source

ROOT = Path(__file__).resolve().parent.parent
SEED4 = ROOT / "seeds/004_602c73b34cb07147.txt"
TITLE = "丰源县教育局关于印发春季学期校园安全工作方案的通知"
META = {
    "issuer_mark": "丰源县教育局文件",
    "doc_number": "丰教发〔2026〕3号",
    "signature": "丰源县教育局",
    "date": "2026年3月1日",
    "cc": "县人民政府办公室",
    "printer": "丰源县教育局办公室",
    "print_date": "2026年3月1日",
    "attachments": ["春季学期安全隐患排查表", "安全工作责任分工"],
    "signer": "王明",
}


def gbt_docx(path: Path) -> Path:
    """A 公文 laid out by hand in Word's way: red 版头, 文号 with 签发人, a two-line title."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    document = docx.Document()

    def para(text: str, size: int = 16, center: bool = False, red: bool = False) -> None:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        if red:
            run.font.color.rgb = RGBColor(0xFF, 0, 0)
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    para("丰源县教育局文件", 36, center=True, red=True)
    para("丰教发〔2026〕3号　　签发人：王明", center=True)
    para("丰源县教育局关于印发春季学期", 22, center=True)
    para("校园安全工作方案的通知", 22, center=True)
    para("各乡镇中心学校，县直各学校：")
    para(
        "为切实做好春季学期校园安全工作，有效防范和遏制各类安全事故发生，结合我县实际，制定本方案。"
    )
    para("一、工作目标")
    para("通过集中排查整治，全面消除校舍、消防、食品、交通等方面的安全隐患，确保师生生命财产安全。")
    para("二、工作要求")
    para("各学校要高度重视，主要负责人亲自抓，确保排查不留死角、整改不留隐患。")
    para("附件：1．春季学期安全隐患排查表")
    para("2．安全工作责任分工")
    para("丰源县教育局")
    para("2026年3月1日")
    para("抄送：县人民政府办公室。")
    para("丰源县教育局办公室 2026年3月1日印发")
    document.save(str(path))
    return path


def _texts(result) -> list[str]:
    doc = result.document
    out = [*doc.preamble, *doc.closing]
    for _depth, section in doc.walk():
        out += [section.heading, *section.paragraphs]
    return out


def _assert_gbt(result, *, signer: bool = True) -> None:
    doc = result.document
    assert doc.title == TITLE
    assert doc.recipients.rstrip("：") == "各乡镇中心学校，县直各学校"
    assert [s.heading for s in doc.sections] == ["工作目标", "工作要求"]
    meta = result.metadata_json()
    for key, value in META.items():
        if key != "signer" or signer:
            assert meta.get(key) == value, key
    body = "".join(_texts(result))
    for part in ("附件", "抄送", "印发", "丰源县教育局", "2026年3月1日", "签发人"):
        assert part not in body  # no 附件说明 heading, no 署名/版记 paragraphs


def test_gbt_parts_of_another_tools_docx_are_metadata(tmp_path):
    _assert_gbt(read_source(gbt_docx(tmp_path / "通知.docx")))


def test_nigaos_own_docx_reads_back_with_title_and_metadata(tmp_path):
    from nigao.docx_writer import write_docx

    doc = read_source(SEED4).document
    doc.title = TITLE
    for key, value in META.items():
        if key != "signer":
            setattr(doc, key, value)
    path = tmp_path / "ours.docx"
    path.write_bytes(write_docx(doc))
    result = CliRunner().invoke(cli, ["ingest", str(path), "--json"])
    data = json.loads(result.stdout)
    assert data["title"] == TITLE
    assert {k: data["metadata"].get(k) for k in META if k != "signer"} == {
        k: v for k, v in META.items() if k != "signer"
    }
    headings = [s["heading"] for s in data["sections"]]
    assert headings == [s.heading for s in doc.sections]
    flat = json.dumps(data["sections"], ensure_ascii=False) + "".join(data["closing"])
    assert "附件" not in headings and "抄送" not in flat and "印发" not in flat


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) is needed: .ci/run installs it"
    return found


def _convert(source: Path, target: str, out: Path) -> Path:
    profile = (out / "lo-profile").as_uri()
    subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
         "--outdir", str(out), str(source)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    made = out / f"{source.stem}.{target.split(':')[0]}"
    assert made.is_file(), target
    return made


@pytest.fixture(scope="module")
def office_files(tmp_path_factory) -> dict[str, Path]:
    work = tmp_path_factory.mktemp("office")
    source = gbt_docx(work / "通知.docx")
    return {
        "docx": source,
        "doc": _convert(source, "doc", work),
        "pdf": _convert(source, "pdf", work),
    }


def test_a_doc_that_is_really_a_docx_is_read_as_one(tmp_path):
    from nigao.readers import read

    lying = tmp_path / "通知.doc"
    lying.write_bytes(gbt_docx(tmp_path / "x.docx").read_bytes())
    assert read(lying).fmt == "docx"  # no LibreOffice round trip for a renamed .docx
    _assert_gbt(read_source(lying))


def test_doc_is_read_through_libreoffice(office_files):
    _assert_gbt(read_source(office_files["doc"]))


def test_pdf_text_layer_is_read_with_its_gbt_parts(office_files):
    assert shutil.which("pdftotext"), "poppler-utils is needed: .ci/run installs it"
    _assert_gbt(read_source(office_files["pdf"]))


def test_scanned_pdf_gets_one_chinese_line(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("")  # a page with no text: what a scan's text layer holds
    blank = tmp_path / "扫描件.docx"
    document.save(str(blank))
    pdf = _convert(blank, "pdf", tmp_path)
    result = CliRunner().invoke(cli, ["ingest", str(pdf), "--dry-run"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "扫描件" in lines[0] and "没有文字层" in lines[0]


def test_missing_tools_are_named_in_one_chinese_line(tmp_path, monkeypatch, office_files):
    monkeypatch.setenv("PATH", str(tmp_path))  # neither soffice nor pdftotext on PATH
    monkeypatch.setattr("nigao.pdf._CANDIDATES", ())
    for kind, tool in (("doc", "LibreOffice"), ("pdf", "poppler-utils")):
        result = CliRunner().invoke(cli, ["ingest", str(office_files[kind]), "--dry-run"])
        assert result.exit_code == 2
        (line,) = [line for line in result.output.splitlines() if line.strip()]
        assert tool in line and "安装" in line and office_files[kind].name in line


def test_a_folder_of_every_format_builds_one_library_and_checks(tmp_path, office_files):
    from test_readers import MD_EXPORT, _page_html

    folder = tmp_path / "旧材料"
    folder.mkdir()
    shutil.copy(SEED4, folder / "004_方案.txt")
    (folder / "导出.md").write_text(MD_EXPORT, encoding="utf-8")
    (folder / "网页.html").write_text(_page_html(), encoding="utf-8")
    for kind, path in office_files.items():
        shutil.copy(path, folder / f"通知.{kind}")
    shutil.copy(office_files["doc"], folder / "旧通知.wps")  # WPS's own suffix, Word 97 inside
    out = tmp_path / "lib"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    sources = set()
    for skeleton in out.rglob("*.md.j2"):
        for line in skeleton.read_text(encoding="utf-8").splitlines():
            if line.startswith("source: "):
                sources.add(line.split("/")[-1].strip('"'))
    assert sources == {"004_方案.txt", "导出.md", "网页.html", "通知.docx", "通知.doc", "通知.pdf", "旧通知.wps"}
    checked = CliRunner().invoke(cli, ["check", str(folder), "--json"])
    assert checked.exit_code in (0, 1), checked.output
    assert "READ-ERROR" not in checked.stdout
