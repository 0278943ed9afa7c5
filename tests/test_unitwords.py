"""The draft's words for its own unit and campaign come from the profile (nigao/unitwords.py):
the county from the unit's name, 全县/全区/全校 by level, 活动/行动/工程 by the campaign's type."""

from __future__ import annotations

from pathlib import Path

import pytest

from nigao import compose as C
from nigao import profile as P
from nigao import unitwords as U
from nigao.profile import ProfileError
from nigao.skeletons import Library


def _library(tmp_path: Path, body: str) -> Library:
    folder = tmp_path / "lib" / "tasks"
    folder.mkdir(parents=True)
    (folder / "t1-tasks.md.j2").write_text(
        f"---\nid: t1-tasks\nrole: tasks\nkinds: [plan]\nheading: 主要任务\n---\n{body}\n",
        encoding="utf-8",
    )
    return Library([(tmp_path / "lib", "内置")])


def _draft(tmp_path: Path, body: str, org: str, extra: str = "") -> str:
    text = f"kind: plan\ntitle: 关于开展工作的方案\norg: {org}\ndate: 2027-03-01\n{extra}"
    profile = P.parse(text + "sections:\n  - role: tasks\n", "profiles/t.yaml")
    doc = C.compose(profile, _library(tmp_path, body)).document
    return "".join(doc.sections[0].paragraphs)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("梅岭县教育局", "梅岭县"),
        ("济南市历下区教育局", "历下区"),
        ("青州市教育局", "青州市"),
        ("四川省北川羌族自治县教育局", "北川羌族自治县"),
        ("枫林县第二中学", "枫林县"),
        ("城关幼儿园", None),
    ],
)
def test_the_county_follows_from_the_units_name(name: str, region: str | None) -> None:
    assert U.region_of({"name": name}) == region
    assert U.region_of({"name": name, "region": "青禾县"}) == "青禾县"


def test_a_profile_without_region_drafts_when_the_name_gives_it(tmp_path: Path) -> None:
    text = _draft(tmp_path, "{{ region }}教育局坚持……", "{name: 梅岭县教育局}")
    assert text == "梅岭县教育局坚持……"


def test_a_name_without_a_county_still_asks_for_region(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        _draft(tmp_path, "{{ region }}坚持……", "{name: 城关幼儿园}")
    assert "缺少 org.region" in str(info.value)


@pytest.mark.parametrize(
    ("org", "expected"),
    [
        ("{name: 梅岭县教育局}", "在全县教育系统开展，结合我县实际，局机关各股室、各学校（单位）"),
        (
            "{name: 济南市历下区教育局}",
            "在全区教育系统开展，结合我区实际，局机关各股室、各学校（单位）",
        ),
        ("{name: 枫林县第二中学}", "在全校开展，结合我校实际，学校各处室、各年级"),
        ("{name: 城关幼儿园, region: 青禾县}", "在全园开展，结合我园实际，园内各部门、各班级"),
    ],
)
def test_the_units_level_words_come_from_the_profile(
    tmp_path: Path, org: str, expected: str
) -> None:
    body = (
        "在{{ scope.system }}开展，结合{{ scope.our }}实际，{{ scope.offices }}、{{ scope.units }}"
    )
    assert _draft(tmp_path, body, org) == expected


@pytest.mark.parametrize(
    ("campaign", "expected"),
    [
        ("campaign: 心理健康教育提升行动\n", "推进行动扎实开展"),
        ("campaign: 智慧校园建设工程\n", "推进工程扎实开展"),
        ("campaign: 食堂食品安全专项整治\n", "推进专项整治扎实开展"),
        ("campaign: 控辍保学\ncampaign_type: 专项行动\n", "推进行动扎实开展"),
        ("campaign: 语言文字规范化宣传月\n", "推进活动扎实开展"),
        ("campaign: 强师兴校\n", "推进活动扎实开展"),
        ("", "推进工作扎实开展"),
    ],
)
def test_the_campaigns_own_noun_refers_back_to_it(
    tmp_path: Path, campaign: str, expected: str
) -> None:
    body = "推进{{ campaign_noun }}扎实开展"
    assert _draft(tmp_path, body, "{name: 梅岭县教育局}", campaign) == expected


@pytest.mark.parametrize(
    ("org", "office"),
    [
        ("{name: 梅岭县教育局, party: 中共梅岭县教育局党组}", "局党组办公室"),
        ("{name: 梅岭县教育局, party: 中共梅岭县教育局委员会}", "局党委办公室"),
        ("{name: 枫林县第二中学, party: 中共枫林县第二中学支部委员会}", "校办公室"),
    ],
)
def test_a_branch_keeps_no_office_of_its_own(tmp_path: Path, org: str, office: str) -> None:
    """A 党组 or 党委 has an office; a school's 党支部 is served by the school's office."""
    assert _draft(tmp_path, "办公室设在{{ org.organ_office }}", org) == f"办公室设在{office}"


def test_the_unit_acting_is_its_short_name_or_the_school(tmp_path: Path) -> None:
    body = "{{ scope.self }}成立领导小组"
    assert _draft(tmp_path / "a", body, "{name: 梅岭县教育局, short: 县教育局}") == "县教育局成立领导小组"
    assert _draft(tmp_path / "b", body, "{name: 枫林县第二中学, short: 枫林二中}") == "学校成立领导小组"
