"""CONTENT-SUBJECT knows the sources of the library a draft was made from — a user's own
ingested folder too — not only the shipped library's (issue 11 weak spot)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from nigao.cli import cli

ROOT = Path(__file__).resolve().parents[1]

# A user's skeleton that kept its source's subject (足球, 联赛): what the check must notice.
SKELETON = """---
id: u001-measures
role: measures
kinds: [plan]
heading: 工作措施
source: 往年材料/校园足球.txt
title: 关于开展校园足球联赛的工作方案
topic: [足球, 联赛]
---
要加强督导检查，及时通报进展。

要组织好足球联赛的赛程安排，做好联赛裁判培训。
"""


def _setup(tmp_path: Path, campaign: str = "心理健康教育提升行动") -> tuple[Path, Path]:
    lib = tmp_path / "我的模板" / "measures"
    lib.mkdir(parents=True)
    (lib / "u001-measures.md.j2").write_text(SKELETON, encoding="utf-8")
    text = (ROOT / "tests/data/topics/xinli-plan.yaml").read_text(encoding="utf-8")
    text = text.replace("campaign: 心理健康教育提升行动", f"campaign: {campaign}")
    text = text.replace("  - role: tasks", "  - role: measures\n    skeleton: u001-measures")
    profile = tmp_path / "p.yaml"
    profile.write_text(text, encoding="utf-8")
    return lib.parent, profile


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env={"NIGAO_LIBRARY": ""})
    return result.exit_code, result.output


def test_new_checks_against_the_library_it_drafted_from(tmp_path: Path) -> None:
    lib, profile = _setup(tmp_path)
    out = tmp_path / "draft.md"
    code, text = _run(tmp_path, "new", str(profile), "--library", str(lib), "-o", str(out))
    assert code == 0, text
    assert "CONTENT-SUBJECT" in text and "联赛、足球" in text and "校园足球联赛" in text


def test_check_knows_a_user_library_only_when_told(tmp_path: Path) -> None:
    lib, profile = _setup(tmp_path)
    out = tmp_path / "draft.md"
    _run(tmp_path, "new", str(profile), "--library", str(lib), "-o", str(out), "--no-check")
    _code, plain = _run(tmp_path, "check", str(out), "--profile", str(profile))
    assert "CONTENT-SUBJECT" not in plain  # the shipped sources know nothing of 足球
    _code, told = _run(
        tmp_path, "check", str(out), "--profile", str(profile), "--library", str(lib)
    )
    assert "CONTENT-SUBJECT" in told and "联赛、足球" in told


def test_the_profiles_own_topic_is_not_a_leftover(tmp_path: Path) -> None:
    lib, profile = _setup(tmp_path, campaign="校园足球联赛")
    out = tmp_path / "draft.md"
    _run(tmp_path, "new", str(profile), "--library", str(lib), "-o", str(out), "--no-check")
    _code, text = _run(
        tmp_path, "check", str(out), "--profile", str(profile), "--library", str(lib)
    )
    assert "CONTENT-SUBJECT" not in text


def test_library_without_profile_is_one_chinese_line(tmp_path: Path) -> None:
    lib, _profile = _setup(tmp_path)
    (tmp_path / "a.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    code, text = _run(tmp_path, "check", str(tmp_path / "a.md"), "--library", str(lib))
    assert code == 2 and "--library 要与 --profile 一起使用" in text
