"""Hostile YAML everywhere nigao reads YAML, and the slips a clerk makes, as real processes.

Each case builds the file in the test, runs the command, and asserts the exit code, exactly one
Chinese line naming file:line:col, no file written, and the child's peak memory (docs/LIMITS.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hostile import MAX_RSS_MB, alias_bomb, assert_one_chinese_line, run

ROOT = Path(__file__).resolve().parent.parent
PROFILE = (ROOT / "profiles" / "example-plan.yaml").read_text(encoding="utf-8")
SKELETON = (ROOT / "templates" / "tasks" / "s003-tasks.md.j2").read_text(encoding="utf-8")
DRAFT_BODY = "\n# 标题\n\n正文。\n"


def bomb_front_matter() -> str:
    """A front matter block whose first keys are valid and whose tail is a billion laughs."""
    return alias_bomb()


def test_alias_bomb_in_a_user_skeleton_front_matter(tmp_path: Path) -> None:
    lib = tmp_path / "lib" / "tasks"
    lib.mkdir(parents=True)
    body = SKELETON.split("\n---\n", 1)[1]
    (lib / "x.md.j2").write_text("---\n" + bomb_front_matter() + "---\n" + body, encoding="utf-8")
    result = run(["skeletons", "list", "--library", tmp_path / "lib"])
    line = assert_one_chinese_line(result, 1, "x.md.j2:2:", "不支持 YAML 锚点和别名")
    assert re.search(r"x\.md\.j2:2:\d+: ", line)
    assert result.peak_mb < MAX_RSS_MB


@pytest.mark.parametrize("command", ["export", "check"])
def test_alias_bomb_in_a_draft_front_matter(tmp_path: Path, command: str) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("---\n" + bomb_front_matter() + "---\n" + DRAFT_BODY, encoding="utf-8")
    result = run([command, draft])
    code = 1 if command == "export" else 2
    assert_one_chinese_line(result, code, "d.md:2:", "不支持 YAML 锚点和别名")
    assert result.peak_mb < MAX_RSS_MB
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.md"]


def test_alias_bomb_in_a_units_yaml(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    units = tmp_path / "u.yaml"
    units.write_text("- org.name: 一中\n  x: &a [1, 2]\n- org.name: *a\n" + alias_bomb(), "utf-8")
    result = run(["batch", profile, "--units", units, "-o", tmp_path / "out"])
    assert_one_chinese_line(result, 1, "u.yaml:2:6:", "不支持 YAML 锚点和别名")
    assert result.peak_mb < MAX_RSS_MB
    assert not (tmp_path / "out").exists()


def test_tags_and_duplicate_keys_in_front_matter(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text(
        "---\nkind: plan\ndate: !!python/object/apply:os.system ['touch pwned']\n---\n"
        + DRAFT_BODY,
        encoding="utf-8",
    )
    assert_one_chinese_line(
        run(["export", draft], cwd=tmp_path), 1, "d.md:3:7:", "不支持 YAML 标签"
    )
    assert not (tmp_path / "pwned").exists()
    draft.write_text("---\nkind: plan\nkind: summary\n---\n" + DRAFT_BODY, encoding="utf-8")
    assert_one_chinese_line(run(["export", draft]), 1, "d.md:3:1:", "键“kind”重复（第 2 行已有）")


# ------------------------------------------------------------------ slips a clerk makes

# (what the clerk typed in place of `title: …` at line 8 of the example, expected col, words)
SLIPS = {
    "full-width colon": ("title：岚溪县教育局关于开展活动的实施方案", 6, ["全角冒号", "英文冒号加空格"]),
    "no space after colon": ("title:岚溪县教育局关于开展活动的实施方案", 6, ["冒号后缺少空格", "title: 岚溪"]),
    "full-width indent": ("\u3000\u3000title: 岚溪县教育局关于开展活动的实施方案", 1, ["全角空格", "半角空格"]),
    "tab indent": ("\ttitle: 岚溪县教育局关于开展活动的实施方案", 1, ["Tab", "空格"]),
    "unclosed quote": ('title: "岚溪县教育局关于开展活动的实施方案', 8, ["引号没有配对", "补上"]),
    "missing colon": ("title 岚溪县教育局关于开展活动的实施方案", 1, ["缺少冒号", "title: 岚溪县"]),
    "unclosed bracket": ("title: [岚溪县教育局关于开展活动的实施方案", 8, ["方括号", "补上 ]"]),
}  # fmt: skip
TITLE = "title: 岚溪县教育局关于开展“强师兴校”主题活动的实施方案"


def line_of(text: str) -> int:
    return PROFILE.split("\n").index(text) + 1


def slipped_profile(tmp_path: Path, typed: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(PROFILE.replace(TITLE + "\n", typed + "\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", SLIPS)
def test_a_profile_slip_is_named_at_its_own_line_with_the_fix(tmp_path: Path, case: str) -> None:
    typed, column, words = SLIPS[case]
    profile = slipped_profile(tmp_path, typed)
    result = run(["new", profile, "-o", f"{tmp_path}/out/"])
    assert_one_chinese_line(result, 1, f"p.yaml:{line_of(TITLE)}:{column}: ", *words)
    assert not (tmp_path / "out").exists()


def test_an_indented_slip_is_named_too(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    short = line_of("  short: 县教育局")
    profile.write_text(PROFILE.replace("  short: 县教育局", "  short：县教育局"), encoding="utf-8")
    result = run(["new", profile, "-o", f"{tmp_path}/o/"])
    assert_one_chinese_line(result, 1, f"p.yaml:{short}:8:", "全角冒号")
    profile.write_text(PROFILE.replace("  short: 县教育局", "\u3000 short: 县教育局"), "utf-8")
    result = run(["new", profile, "-o", f"{tmp_path}/o/"])
    assert_one_chinese_line(result, 1, f"p.yaml:{short}:1:", "全角空格")


def test_full_width_spaces_inside_a_block_text_are_kept(tmp_path: Path) -> None:
    """A paragraph indented with 全角空格 inside `text: |` is text, not a slip."""
    profile = tmp_path / "p.yaml"
    text = PROFILE.replace(
        "\nfacts:\n", "\nfacts:\n  备注: |\n    \u3000\u3000一、目标：\n    第二段\n"
    )
    profile.write_text(text, encoding="utf-8")
    result = run(["new", profile, "-o", f"{tmp_path}/o/", "--no-check"])
    assert result.code == 0, result.lines


def test_slips_in_a_draft_front_matter_and_a_units_yaml(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("---\nkind: plan\ndate：2027年3月1日\n---\n" + DRAFT_BODY, encoding="utf-8")
    assert_one_chinese_line(run(["check", draft]), 2, "d.md:3:5:", "全角冒号")
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    units = tmp_path / "u.yaml"
    units.write_text('- org.name: 一中\n- org.name: "二中\n- org.name: 三中\n', encoding="utf-8")
    result = run(["batch", profile, "--units", units, "-o", tmp_path / "out"])
    assert_one_chinese_line(result, 1, "u.yaml:2:13:", "引号没有配对")


def test_an_operating_system_error_is_said_in_chinese(tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    result = run(["batch", profile, "--units", "nope.csv"], cwd=tmp_path)
    assert_one_chinese_line(result, 1, "nope.csv", "找不到这个文件")
    result = run(["batch", profile, "--units", tmp_path], cwd=tmp_path)
    assert result.code != 0 and "Traceback" not in result.err


@pytest.mark.parametrize(
    "argv",
    [["batch", "p.yaml", "--units", "u.csv", "-j", "abc"], ["batch", "p.yaml"], ["new"],
     ["new", "p.yaml", "--bogus"], ["frob"], ["batch", "-h"], ["--help"]],
)  # fmt: skip
def test_click_speaks_chinese(tmp_path: Path, argv: list[str]) -> None:
    """Usage lines and argument errors: no English word from Click reaches the user."""
    result = run(argv, cwd=tmp_path)
    text = result.out + result.err
    assert "Traceback" not in text
    for word in ("Usage", "OPTIONS", "Error", "integer", "Missing", "No such", "Options"):
        assert word not in text, (word, text)


def test_a_text_continued_on_an_indented_line_is_no_slip(tmp_path: Path) -> None:
    """YAML lets a long value go on over indented lines: that is not a missing colon."""
    profile = slipped_profile(tmp_path, "title: 岚溪县教育局关于开展\n  活动的实施方案")
    result = run(["new", profile, "-o", f"{tmp_path}/out/x"])
    assert result.code == 0, result.lines
    assert "缺少冒号" not in result.out + result.err
