"""`nigao skeletons list|show|search` and how the library is assembled."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao import skeletons as L
from nigao.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "library"


@pytest.fixture(autouse=True)
def fixture_shipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(L, "shipped_dir", lambda: FIXTURES)
    monkeypatch.delenv("NIGAO_LIBRARY", raising=False)


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def user_copy(tmp_path: Path, sid: str, new_text: str) -> Path:
    """A user folder holding a changed copy of a shipped skeleton."""
    source = next(FIXTURES.rglob(f"{sid}.md.j2"))
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    text = source.read_text(encoding="utf-8")
    body_start = text.index("---\n", 4) + 4
    (folder / source.name).write_text(text[:body_start] + new_text + "\n", encoding="utf-8")
    return folder


def test_list_shows_id_role_heading_source_length_slots() -> None:
    result = invoke("skeletons", "list")
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "t001-organization" in line)
    cells = [c.strip() for c in row.split("│") if c.strip()]
    assert cells[0] == "t001-organization ★"
    assert cells[1] == "organization（组织领导）"
    assert cells[2] == "组织领导"
    assert cells[3] == "内置"
    assert cells[4] == "100"
    assert cells[5] == "3"


def test_list_filters_by_role_and_kind() -> None:
    result = invoke("skeletons", "list", "--role", "guiding_ideas")
    assert "t001-guiding_ideas" in result.output and "t002-guiding_ideas" in result.output
    assert "t001-tasks" not in result.output
    result = invoke("skeletons", "list", "--kind", "summary")
    assert "t001-overview" in result.output and "t001-guiding_ideas" not in result.output
    result = invoke("skeletons", "list", "--role", "bogus")
    assert result.exit_code == 2 and "没有 “bogus” 这个角色" in result.output


def test_user_skeleton_with_same_id_wins_and_shows_its_origin(tmp_path: Path) -> None:
    mine = user_copy(tmp_path, "t001-guiding_ideas", "我的版本：{{ org.short }}坚持立德树人。")
    result = invoke("skeletons", "list", "--library", str(mine))
    row = next(line for line in result.output.splitlines() if "t001-guiding_ideas" in line)
    assert f"用户：{mine}" in row
    result = invoke("skeletons", "show", "t001-guiding_ideas", "--library", str(mine))
    assert "我的版本：〔org.short〕坚持立德树人。" in result.output
    assert "覆盖了：" in result.output


def test_nigao_library_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = user_copy(tmp_path, "t001-results", "环境变量里的版本。")
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("NIGAO_LIBRARY", os.pathsep.join([str(empty), str(mine)]))
    library = L.load_library()
    assert library.get("t001-results").body.strip() == "环境变量里的版本。"
    assert library.get("t001-results").origin == str(mine)
    monkeypatch.setenv("NIGAO_LIBRARY", str(tmp_path / "nowhere"))
    result = invoke("skeletons", "list")
    assert result.exit_code == 1 and "找不到骨架文件夹" in result.output


def test_show_marks_slots_and_lists_labels() -> None:
    result = invoke("skeletons", "show", "t001-goals")
    assert result.exit_code == 0, result.output
    assert "到〔year〕年底，全县新增学位〔facts.新增学位数〕个" in result.output
    row = next(
        line
        for line in result.output.splitlines()
        if "〔facts.新增学位数〕" in line and "│" in line
    )
    assert "新增学位数" in row and "facts.新增学位数" in row


def test_show_unknown_id_suggests() -> None:
    result = invoke("skeletons", "show", "t001-goal")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "没有编号为 “t001-goal” 的骨架，是不是：t001-goals" in result.output


def test_search_finds_by_text() -> None:
    result = invoke("skeletons", "search", "课堂")
    assert result.exit_code == 0
    assert "t001-tasks" in result.output and "t001-goals" not in result.output
    result = invoke("skeletons", "search", "领导小组", "办公室")
    assert "t001-organization" in result.output and "t002-organization" not in result.output
    result = invoke("skeletons", "search", "不存在的词")
    assert "没有找到包含 “不存在的词” 的骨架" in result.output


def test_broken_user_skeleton_is_one_line_naming_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "x.md.j2").write_text("没有元数据\n", encoding="utf-8")
    result = invoke("skeletons", "list", "--library", str(folder))
    assert result.exit_code == 1
    assert f"{folder / 'x.md.j2'}:1: 骨架文件应以 --- 开头" in result.output


def test_duplicate_ids_in_one_folder_are_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "dup"
    for sub in ("a", "b"):
        (folder / sub).mkdir(parents=True)
        shutil.copy(next(FIXTURES.rglob("t001-results.md.j2")), folder / sub / f"{sub}.md.j2")
    result = invoke("skeletons", "list", "--library", str(folder))
    assert result.exit_code == 1 and "骨架编号 t001-results 重复" in result.output


def test_list_in_a_real_process() -> None:
    env = {**os.environ, "NIGAO_LIBRARY": str(FIXTURES)}
    result = subprocess.run(
        [sys.executable, "-m", "nigao", "skeletons", "list", "--role", "tasks"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "t001-tasks" in result.stdout


def test_show_says_the_example_block_and_heading_slots_in_words(tmp_path: Path) -> None:
    """A clerk reads `show`: no template language, in the header line or the body."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "u001-goals.md.j2").write_text(
        "---\nid: u001-goals\nrole: goals\nkinds: [plan]\n"
        "heading: 开展“{{ campaign }}”的总体要求\nsource: 自写\n---\n"
        "总体要求。\n\n{% if examples %}\n\n范文自己的示例条目。\n\n{% endif %}\n",
        encoding="utf-8",
    )
    result = invoke("skeletons", "show", "u001-goals", "--library", str(folder))
    assert result.exit_code == 0, result.output
    assert "{%" not in result.output and "{{" not in result.output, result.output
    assert "标题：开展“〔campaign〕”的总体要求" in result.output
    assert "examples: true 时才收入草稿" in result.output and "范文自己的示例条目。" in result.output


def test_an_edited_skeleton_is_read_again_in_the_same_process(tmp_path: Path) -> None:
    """One process (the web page) loading the library twice sees a skeleton edited between."""
    mine = user_copy(tmp_path, "t001-guiding_ideas", "第一版：坚持立德树人。")
    first = L.load_library([mine]).get("t001-guiding_ideas")
    assert L.load_library([mine]).get("t001-guiding_ideas") is first  # unchanged: not re-read
    user_copy(tmp_path, "t001-guiding_ideas", "第二版：坚持立德树人，五育并举。")
    assert "第二版" in L.load_library([mine]).get("t001-guiding_ideas").body
