"""`nigao ingest` as a user runs it: CliRunner and a real process of the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import tool
from nigao.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED4 = SEEDS / "004_602c73b34cb07147.txt"


def _run(*args: str):
    return CliRunner().invoke(cli, ["ingest", *args])


def test_ingest_folder_writes_library_and_prints_table(tmp_path):
    out = tmp_path / "lib"
    result = _run(str(SEEDS), str(ROOT / "frames"), "--out", str(out))
    assert result.exit_code == 0, result.output
    for title in ("教育局科学发展大讨论工作方案", "教育局转作风解难题抓关键活动方案"):
        assert title in result.output
    assert "经验材料" in result.output and "方案" in result.output
    assert "原文可能不完整" in result.output  # seed 001 is cut off by its page
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md.j2"))
    assert "guiding_ideas/s003-guiding-ideas.md.j2" in written
    assert written == sorted(
        p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.md.j2")
    )


def test_default_out_is_templates_of_current_folder(tmp_path):
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=tmp_path) as here:
        shutil.copytree(SEEDS, Path(here) / "seeds")
        result = runner.invoke(cli, ["ingest", "seeds"])
        assert result.exit_code == 0, result.output
        assert (Path(here) / "templates/preamble/s004-preamble.md.j2").exists()


def test_dry_run_prints_outline_and_slots_and_writes_nothing(tmp_path):
    result = _run(str(SEED4), "--dry-run", "--out", str(tmp_path / "lib"))
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "lib").exists()
    assert "[2] 总体要求。" in result.output
    assert "段首标题" in result.output and "独立标题" in result.output
    assert "significance" in result.output and "organization" in result.output
    assert "leaders.组长（组长）" in result.output
    assert "guidance.spirit（会议精神）" in result.output


def test_json_one_file_is_an_object(tmp_path):
    result = _run(str(SEED4), "--json", "--out", str(tmp_path / "lib"))
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["kind"] == "plan" and data["script"] == "simplified" and data["truncated"] is False
    assert data["recipients"].startswith("局属各学校")
    assert not (tmp_path / "lib").exists()


def test_json_several_files_is_a_list():
    result = _run(
        str(SEEDS / "000_00673b357674b709.txt"), str(SEEDS / "003_b49e2f5c79e3d4e3.txt"), "--json"
    )
    data = json.loads(result.output)
    assert [d["kind"] for d in data] == ["summary", "plan"]
    assert data[1]["script"] == "traditional"


def test_bad_file_is_named_others_still_processed(tmp_path):
    folder = tmp_path / "材料"
    folder.mkdir()
    shutil.copy(SEED4, folder / "good.txt")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary" * 20)
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "lib"
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--out", str(out)])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("错误：")]
    assert len(errors) == 2
    assert any("bad.txt" in line and "不是文本" in line for line in errors)
    assert any("empty.txt" in line and "空" in line for line in errors)
    assert "Traceback" not in result.output
    assert list(out.rglob("*.md.j2")), "the good file is still ingested"


def test_help_is_chinese():
    result = _run("--help")
    assert result.exit_code == 0
    assert (
        "骨架" in result.output
        and "--dry-run" in result.output
        and "显示帮助并退出" in result.output
    )


def test_real_process_python_m(tmp_path):
    out = tmp_path / "lib"
    proc = subprocess.run(
        [sys.executable, "-m", "nigao", "ingest", str(SEEDS), str(ROOT / "frames"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.rglob("*.md.j2"))) == len(list((ROOT / "templates").rglob("*.md.j2")))


def test_real_installed_command(tmp_path):
    exe = tool("nigao")
    assert exe, "the `nigao` console script is not installed beside this Python"
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    proc = subprocess.run(
        [exe, "ingest", str(SEED4), str(bad), "--json"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 2
    assert "坏.docx" in proc.stderr and "Word" in proc.stderr and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)[0]["title"] == "教育局科学发展大讨论工作方案"


def test_folder_without_samples_is_a_usage_error(tmp_path):
    (tmp_path / "空文件夹").mkdir()
    result = _run(str(tmp_path / "空文件夹"), "--out", str(tmp_path / "lib"))
    assert result.exit_code == 2
    assert "没有可读取的范文" in result.output and "空文件夹" in result.output


def test_same_file_twice_is_read_once(tmp_path):
    result = _run(str(SEED4), str(SEEDS), "--out", str(tmp_path / "lib"))
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "lib").rglob("*.md.j2"))
    seeds_only = [
        p.name
        for p in (ROOT / "templates").rglob("*.md.j2")
        if "\nsource: nigao\n" not in p.read_text(encoding="utf-8")
    ]
    assert names == sorted(seeds_only)
