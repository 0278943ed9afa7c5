"""`nigao check` as a user runs it: report format, exit codes, JSON, rule selection, --fix."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import nigao_argv
from nigao.cli import cli
from nigao.draftmd import write_draft
from test_check_samples import clean_plan

LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+): (?P<rule>[A-Z-]+) (?P<sev>错误|警告|提示) .+ — .+$"
)


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


@pytest.fixture
def clean_md(tmp_path) -> Path:
    path = tmp_path / "plan.md"
    path.write_text(write_draft(clean_plan()), encoding="utf-8")
    return path


@pytest.fixture
def bad_md(tmp_path) -> Path:
    doc = clean_plan()
    doc.sections[0].paragraphs[0] += "区教育局20278月印发了方案,请各学校遵照执行。"
    doc.sections[1].paragraphs.append("组长：")
    path = tmp_path / "bad.md"
    path.write_text(write_draft(doc), encoding="utf-8")
    return path


def test_clean_draft_exits_0(clean_md):
    result = run(str(clean_md), "--region", "岚溪县")
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output


def test_findings_format_and_exit_1(bad_md):
    result = run(str(bad_md))
    assert result.exit_code == 1
    lines = result.output.strip().split("\n")
    text = bad_md.read_text("utf-8").split("\n")
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    rules = {m["rule"] for m in parsed}
    assert rules == {"DATE-FORMAT", "PUNCT-HALFWIDTH", "LEFT-EMPTY-LEADER"}
    for m in parsed:
        assert m["file"] == str(bad_md)
        source_line = text[int(m["line"]) - 1]
        assert ("20278月" in source_line) or ("组长：" in source_line)
    assert lines[-1] == "共 3 处：错误 2，警告 1"


def test_json_output(bad_md):
    result = run(str(bad_md), "--json")
    assert result.exit_code == 1
    items = json.loads(result.output)
    assert {item["rule"] for item in items} == {
        "DATE-FORMAT",
        "PUNCT-HALFWIDTH",
        "LEFT-EMPTY-LEADER",
    }
    for item in items:
        assert set(item) >= {"file", "line", "rule", "severity", "message", "suggestion"}
        assert item["severity"] in ("error", "warning", "info")


def test_rules_and_ignore(bad_md):
    only = run(str(bad_md), "--rules", "DATE-FORMAT", "--json")
    assert {i["rule"] for i in json.loads(only.output)} == {"DATE-FORMAT"}
    rest = run(str(bad_md), "--ignore", "DATE-,LEFT-", "--json")
    assert {i["rule"] for i in json.loads(rest.output)} == {"PUNCT-HALFWIDTH"}
    assert rest.exit_code == 0  # warnings only


def test_unknown_rule_is_a_usage_error(bad_md):
    result = run(str(bad_md), "--rules", "NO-SUCH")
    assert result.exit_code == 2
    assert "没有这条规则：NO-SUCH" in result.output


def test_list_rules():
    result = run("--list-rules")
    assert result.exit_code == 0
    from nigao.check.registry import rules

    for rule_id in rules():
        assert f"  {rule_id}  " in result.output
    assert "例：" in result.output


def test_unreadable_files_exit_2(tmp_path, clean_md):
    missing = run(str(tmp_path / "none.md"))
    assert missing.exit_code == 2
    assert "none.md: 文件不存在" in missing.output
    odd = tmp_path / "a.pdf"
    odd.write_bytes(b"%PDF")
    result = run(str(odd))
    assert result.exit_code == 2 and "a.pdf: pdftotext 无法读取这个 PDF" in result.output
    both = run(str(clean_md), str(tmp_path / "none.md"))
    assert both.exit_code == 2


def test_a_folder_is_checked_file_by_file(tmp_path, clean_md, bad_md):
    (tmp_path / ".hidden.md").write_text("# x\n\n各学校,要落实。\n", encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    result = run(str(tmp_path), "--json")
    files = {item["file"] for item in json.loads(result.output)}
    assert files == {str(bad_md)}
    assert result.exit_code == 1


def test_damaged_inputs_get_one_line_each(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    result = run(*(str(tmp_path / n) for n in ("bad.docx", "empty.txt", "bin.txt")))
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("错误：")]
    assert len(errors) == 3 and "Traceback" not in result.output
    assert "bad.docx: 不是有效的 Word" in errors[0]


def test_no_files_is_a_usage_error():
    assert run().exit_code == 2


def test_bad_profile_is_a_usage_error(tmp_path, clean_md):
    profile = tmp_path / "p.yaml"
    profile.write_text("kind: plan\ntitle: [\n", encoding="utf-8")
    result = run(str(clean_md), "--profile", str(profile))
    assert result.exit_code == 2
    assert "p.yaml" in result.output


def test_fix_writes_a_new_file(bad_md, tmp_path):
    before = bad_md.read_bytes()
    out = tmp_path / "fixed.md"
    result = run(str(bad_md), "--fix", "-o", str(out))
    assert bad_md.read_bytes() == before
    fixed = out.read_text("utf-8")
    assert "2027年8月印发了方案，请各学校" in fixed
    assert result.exit_code == 1  # the empty 组长： is not mechanical
    assert "已自动修正 2 处" in result.output
    again = run(str(bad_md), "--fix", "-o", str(out))
    assert again.exit_code == 2 and "文件已存在" in again.output
    forced = run(str(bad_md), "--fix", "-o", str(out), "--force")
    assert forced.exit_code == 1 and out.read_text("utf-8") == fixed


def test_fix_in_place(bad_md):
    result = run(str(bad_md), "--fix", "--in-place")
    assert "已自动修正 2 处" in result.output
    text = bad_md.read_text("utf-8")
    assert "20278月" not in text and "2027年8月" in text
    assert run(str(bad_md), "--rules", "DATE-,PUNCT-").exit_code == 0


def test_fix_needs_a_target(bad_md):
    assert run(str(bad_md), "--fix").exit_code == 2
    assert run(str(bad_md), "-o", "x.md").exit_code == 2


def test_fix_txt_keeps_line_endings(tmp_path):
    src = tmp_path / "a.txt"
    src.write_bytes("通知\r\n\r\n一、要求\r\n\r\n各学校,要于2027年03月01日前报送。\r\n".encode())
    out = tmp_path / "b.txt"
    result = run(str(src), "--fix", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (
        out.read_bytes()
        == "通知\r\n\r\n一、要求\r\n\r\n各学校，要于2027年3月1日前报送。\r\n".encode()
    )


def test_fix_in_place_keeps_a_gbk_file_gbk(tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes("通知\n\n一、要求\n\n各学校,要认真落实。\n".encode("gb18030"))
    result = run(str(src), "--fix", "--in-place")
    assert result.exit_code == 0, result.output
    assert src.read_bytes().decode("gb18030") == "通知\n\n一、要求\n\n各学校，要认真落实。\n"


def test_simplified_txt_needs_neither_docx_nor_opencc(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("通知\n\n一、要求\n\n各学校,要认真落实。\n", encoding="utf-8")
    script = (
        "import sys\n"
        "from nigao.cli import main\n"
        f"sys.argv = ['nigao', 'check', {str(path)!r}]\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('HEAVY', [m for m in ('docx', 'opencc') if m in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert "PUNCT-HALFWIDTH" in proc.stdout and "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_real_process_and_lazy_imports(bad_md):
    script = (
        "import sys\n"
        "from nigao.cli import main\n"
        f"sys.argv = ['nigao', 'check', {str(bad_md)!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit_:\n"
        "    heavy = [m for m in ('docx', 'opencc', 'jinja2', 'rich', 'lxml') if m in sys.modules]\n"
        "    print('HEAVY', heavy, 'EXIT', exit_.code)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=os.environ, timeout=60
    )
    assert "HEAVY [] EXIT 1" in proc.stdout, proc.stdout + proc.stderr
    real = subprocess.run(
        [*nigao_argv(), "check", str(bad_md)], capture_output=True, text=True, timeout=60
    )
    assert real.returncode == 1
    assert real.stdout.strip().endswith("共 3 处：错误 2，警告 1")
