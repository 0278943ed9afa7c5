"""`nigao.drafting.draft()`: the one drafting pipeline `nigao new`, `nigao batch` and the web
page call — the same bytes as the commands write, findings by line of the .md, markers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao import draftmd
from nigao.cli import cli
from nigao.compose import walk_sections
from nigao.drafting import (
    choices_for_roles,
    draft,
    draft_file,
    load_library,
    load_profile,
    parse_picks,
)
from nigao.errors import NigaoError, UsageError
from nigao.profile import ProfileError

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "profiles" / "example-plan.yaml"


@pytest.fixture(scope="module")
def library():
    return load_library()


def new(tmp_path: Path, profile: Path, *args: str) -> tuple[str, bytes, str]:
    """`nigao new` into tmp_path: the .md text, the .docx bytes and what it printed."""
    out = tmp_path / "out" / "d"
    result = CliRunner().invoke(cli, ["new", str(profile), "-o", str(out), "--force", *args])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "out" / "d.md").read_text(encoding="utf-8")
    return md, (tmp_path / "out" / "d.docx").read_bytes(), result.output


def another_choice(library, profile) -> tuple[str, str, str]:
    """(section path, role, skeleton id): a skeleton the example plan does not draft that
    section with, whose slots the example plan fills (the shipped library changes over time)."""
    current = {c.path: c.skeleton for c in draft(profile, library, check=False).choices}
    for path, section in walk_sections(profile):
        roles = [s for p, s in walk_sections(profile) if s.role == section.role]
        for skeleton in library.for_role(section.role, profile.kind):
            if len(roles) > 1 or skeleton is current.get(path):
                continue
            try:
                draft(profile, library, {path: skeleton.id}, check=False)
            except ProfileError:
                continue
            return path, section.role, skeleton.id
    raise AssertionError("no other skeleton the example plan can use")


def test_draft_gives_the_bytes_nigao_new_writes(tmp_path: Path, library) -> None:
    result = draft(load_profile(PLAN), library)
    md, docx, printed = new(tmp_path, PLAN)
    assert result.markdown == md and result.docx == docx
    assert draftmd.write_draft(result.document) == md  # the Document is what the file holds
    assert result.findings == [] and result.markers == [] and result.blocking == []
    for choice in result.defaults:  # the defaults the command names are the function's
        assert f"使用默认骨架 {choice.skeleton.id}" in printed


def test_a_section_choice_changes_that_section_as_pick_does(tmp_path: Path, library) -> None:
    profile = load_profile(PLAN)
    path, role, sid = another_choice(library, profile)
    chosen = draft(profile, library, {path: sid})
    plain = draft(profile, library)
    assert chosen.markdown != plain.markdown
    assert next(c for c in chosen.choices if c.path == path).skeleton.id == sid
    md, docx, _printed = new(tmp_path, PLAN, "--pick", f"{role}={sid}")
    assert (chosen.markdown, chosen.docx) == (md, docx)
    assert choices_for_roles(profile, parse_picks([f"{role}={sid}"])) == {path: sid}


def test_findings_name_lines_of_the_markdown_and_check_can_be_skipped(library, tmp_path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    assert "\ntitle: " in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("\ntitle: ", "\ntitle: XX", 1), encoding="utf-8")
    result = draft(load_profile(bad), library, md_path="drafts/bad.md")
    lines = result.markdown.split("\n")
    hits = [f for f in result.findings if f.rule == "LEFT-PLACEHOLDER"]
    assert hits and all(f.file == "drafts/bad.md" for f in hits)
    assert all("XX" in lines[f.line - 1] for f in hits)
    assert [str(f) for f in result.errors] == [b for b in result.blocking if "XX" in b]
    assert draft(load_profile(bad), library, check=False).findings == []


def test_the_checker_inspects_the_document_without_reading_the_markdown_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, library
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the new draft was read back")

    monkeypatch.setattr(draftmd, "read_draft", refuse)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        PLAN.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: XX", 1), encoding="utf-8"
    )
    assert [f.rule for f in draft(load_profile(bad), library).findings] == ["LEFT-PLACEHOLDER"]


def test_fill_ins_are_markers_with_where_they_are(tmp_path: Path, library) -> None:
    text = PLAN.read_text(encoding="utf-8")
    leader = "  组长:\n    - name: 方立新\n      post: 局党组书记、局长\n"
    assert leader in text
    bare = tmp_path / "bare.yaml"
    bare.write_text(text.replace(leader, "  组长: []\n"), encoding="utf-8")
    result = draft(load_profile(bare), library)
    assert [(label, where[-4:]) for label, where in result.markers] == [("组长", "组织领导")]
    assert "【待填：组长】" in result.markdown
    others = [str(f) for f in result.errors if "【待填：" not in f.message]
    assert result.blocking == result.unfilled + others  # each unfilled item named once
    assert not any("【待填：组长】" in line for line in others)
    assert any("领导小组组长没有填写" in line for line in result.unfilled)


def test_profile_problems_are_raised_together_and_drafts_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        PLAN.read_text(encoding="utf-8").replace("date: 2027-03-01", "date: 2027-13-40"),
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as raised:
        draft_file(bad, picks={"tasks": "no-such-skeleton"})
    message = str(raised.value)
    assert "date" in message and "no-such-skeleton" in message
    with pytest.raises(UsageError, match="是草稿，不是配置文件"):
        draft_file(tmp_path / "x.md")
    with pytest.raises(NigaoError, match="角色"):
        parse_picks(["nobody=s001"])


def test_batch_rows_are_proofread_like_new(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    own = "县一中,中共岚溪县第一中学支部委员会,林振华（校长）,赵敏（副校长）,刘洋（主任）"
    units.write_text(  # each school's own 简称, 党组织 and leaders (else they are 【待填】)
        "org.name,title,简称,党组织名称,组长,副组长,成员\n"
        f"岚溪县第一中学,岚溪县第一中学“强师兴校”主题活动实施方案,{own}\n"
        f"岚溪县实验小学,岚溪县实验小学XX主题活动实施方案,{own.replace('县一中', '县实小')}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    args = ["batch", str(PLAN), "--units", str(units), "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    found = [line for line in result.output.splitlines() if "校对：" in line]
    assert len(found) == 1 and "LEFT-PLACEHOLDER" in found[0]
    assert f"{out / '岚溪县实验小学.md'}:" in found[0]
    number = int(found[0].split(".md:")[1].split(":")[0])
    md = (out / "岚溪县实验小学.md").read_text(encoding="utf-8").split("\n")
    assert "XX" in md[number - 1]
    quiet = CliRunner().invoke(cli, [*args, "--force", "--no-check"])
    assert quiet.exit_code == 0 and "校对：" not in quiet.output
