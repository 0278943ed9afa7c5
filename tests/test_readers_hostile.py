"""Issue 14's reader cases, in the campaign's style: the hostile file is built here, the real
command runs as a process, and the exit code, the one Chinese line, the files left and the
peak memory are what is asserted."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import hostile
from docxmaker import NS, paragraph, write_docx

MB = 1024 * 1024
PEAK_LIMIT = 300 * MB  # docs/ARCHITECTURE.md: bounds of the readers
BODY = [
    "丰源县教育局关于开展读书活动的实施方案",
    "为推进书香校园建设，制定本方案。",
    "一、指导思想",
    "坚持立德树人，办好人民满意的教育。",
    "二、主要任务",
    "各学校每周安排一节阅读课，每班配备图书五十册。",
]


def run(*args: str, cwd: Path) -> tuple[int, str, str, int]:
    """(exit code, stdout, stderr, peak resident bytes) of one `nigao` process."""
    done = hostile.run(list(args), cwd=cwd, env={"PYTHONUTF8": "1"})
    return done.code, done.out, done.err, int(done.peak_mb * 1024 * 1024)


def _one_chinese_line(text: str, name: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert name in lines[0] and "Traceback" not in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0])
    return lines[0]


def _numbered_body() -> str:
    """BODY with its level-1 labels left to Word's automatic numbering (numId 1, level 0)."""
    return "".join(
        paragraph(text[2:], '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        if text.endswith(("思想", "任务"))
        else paragraph(text)
        for text in BODY
    )


def test_numbering_with_non_numeric_ilvl_and_start_is_read_with_a_warning(tmp_path):
    numbering = (
        f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="one"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="x1"><w:start w:val="1e400"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="nan"><w:startOverride w:val="-inf"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    )
    body = _numbered_body().replace('<w:ilvl w:val="0"/>', '<w:ilvl w:val="zero"/>', 1)
    write_docx(tmp_path / "编号.docx", body, numbering=numbering)
    code, out, err, _peak = run("ingest", "编号.docx", "--json", cwd=tmp_path)
    assert code == 0, err
    data = json.loads(out)
    assert [s["heading"] for s in data["sections"]] == ["指导思想", "主要任务"]
    assert any("w:ilvl" in w and "已忽略" in w for w in data["warnings"])
    assert any("w:start" in w for w in data["warnings"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["编号.docx"]  # --json writes nothing


def test_styles_without_a_default_paragraph_style_or_with_a_cycle(tmp_path):
    styles = (
        f"<w:styles {NS}>"
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="B"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/>'
        '<w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:style></w:styles>'
    )
    body = "".join(
        paragraph(t, '<w:pStyle w:val="A"/>') if t.startswith(("一", "二")) else paragraph(t)
        for t in BODY
    )
    write_docx(tmp_path / "样式.docx", body, styles=styles)
    for args in (["ingest", "样式.docx", "--dry-run"], ["check", "样式.docx"]):
        code, out, err, _peak = run(*args, cwd=tmp_path)
        assert code in (0, 1) and "Traceback" not in err + out, err
    code, out, _err, _peak = run("ingest", "样式.docx", "--json", cwd=tmp_path)
    assert [s["heading"] for s in json.loads(out)["sections"]] == ["指导思想", "主要任务"]


def test_inf_nan_and_1e400_in_sectpr_do_not_break_check(tmp_path):
    sect = (
        '<w:sectPr><w:pgSz w:w="inf" w:h="1e400"/>'
        '<w:pgMar w:top="nan" w:bottom="-inf" w:left="1e400" w:right="abc" w:header="851"'
        ' w:footer="992" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="nan"/></w:sectPr>'
    )
    styles = (
        f'<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="inf"/>'
        '<w:spacing w:val="nan"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
        '<w:spacing w:line="1e400" w:lineRule="exact"/><w:ind w:firstLine="nan"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults></w:styles>"
    )
    write_docx(
        tmp_path / "版面.docx", "".join(paragraph(t) for t in BODY), styles=styles, sect=sect
    )
    code, out, err, _peak = run("check", "版面.docx", cwd=tmp_path)
    assert code in (0, 1), err
    assert "Traceback" not in err and not err.strip()
    assert out.strip().splitlines()[-1].startswith(("共 ", "未发现问题"))


def _zip_bomb(path: Path, inflated: int) -> Path:
    """A .docx whose document.xml inflates to `inflated` bytes of valid paragraphs."""
    head = f'<?xml version="1.0"?><w:document {NS}><w:body>'.encode()
    para = "<w:p><w:r><w:t>各学校要加强组织领导。</w:t></w:r></w:p>".encode() * 4096
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(head)
            written = len(head)
            while written < inflated:
                out.write(para)
                written += len(para)
            out.write(b"</w:body></w:document>")
    return path


def test_a_cut_off_document_xml_is_one_chinese_line_where_it_breaks(tmp_path):
    """A .docx saved half-way (its XML stops mid-paragraph): ingest, check and fonts say it is
    damaged and where, in Chinese — not the XML parser's English. (`nigao fonts` only scans
    the parts' text for font names, so it still lists them.)"""
    whole = f'<w:document {NS}><w:body>{"".join(paragraph(t) for t in BODY)}</w:body></w:document>'
    with zipfile.ZipFile(tmp_path / "半截.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", whole[: len(whole) // 2])
    for args in (["ingest", "半截.docx", "--dry-run"], ["check", "半截.docx"]):
        code, _out, err, _peak = run(*args, cwd=tmp_path)
        assert code == 2, (args, err)
        line = _one_chinese_line(err, "半截.docx")
        assert "Word 文档已损坏" in line and "第 1 行第" in line, line
        assert not hostile.ENGLISH.search(line) and "found" not in line and "column" not in line


def test_zip_bomb_is_refused_while_inflating_with_bounded_memory(tmp_path):
    bomb = _zip_bomb(tmp_path / "炸弹.docx", 1024 * MB)
    assert bomb.stat().st_size < 8 * MB
    for args in (["ingest", "炸弹.docx", "--out", "lib"], ["check", "炸弹.docx"], ["fonts", "炸弹.docx"]):
        code, out, err, peak = run(*args, cwd=tmp_path)
        assert code == 2, (args, err)
        line = _one_chinese_line(err, "炸弹.docx")
        assert "压缩炸弹" in line and "MB" in line
        assert peak < PEAK_LIMIT, (args, peak // MB)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["炸弹.docx"]  # no library begun


def test_a_part_just_under_the_budget_is_read(tmp_path):
    """The budget refuses bombs, not big documents: 12 MB of XML reads, within the bound."""
    from nigao.readers import read

    path = _zip_bomb(tmp_path / "大.docx", 12 * MB)
    source = read(path)
    assert len(source.lines) > 100_000


def test_text_mixing_gb18030_and_big5_is_decoded_part_by_part_with_a_warning(tmp_path):
    simplified = "\n".join(BODY[:4]) + "\n"
    traditional = "二、工作措施\n各學校要成立領導小組，加強組織領導，確保活動取得實效。\n"
    (tmp_path / "混合.txt").write_bytes(simplified.encode("gb18030") + traditional.encode("big5"))
    code, out, err, _peak = run("ingest", "混合.txt", "--json", cwd=tmp_path)
    assert code == 0, err
    data = json.loads(out)
    assert [s["heading"] for s in data["sections"]] == ["指导思想", "工作措施"]
    assert data["sections"][1]["paragraphs"] == [
        "各学校要成立领导小组，加强组织领导，确保活动取得实效。"
    ]
    (note,) = [w for w in data["warnings"] if "编码" in w]
    assert "第5–6行是 Big5" in note and "GB18030" in note
    code, out, err, _peak = run("check", "混合.txt", cwd=tmp_path)
    assert code in (0, 1) and "Traceback" not in err
    assert "領導" not in out and "棰" not in out  # findings quote the text as decoded, no mojibake
