"""Skeleton generalisation (data/generalize.yaml) on text none of the seeds contains."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao.cli import cli
from nigao.ingest.generalize import campaign_core, generalize_items, generalize_text
from nigao.ingest.normalize import normalize_text

CAMPAIGN = "“{{ campaign }}”{{ campaign_type }}"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the campaign slot glued to its source's type word: one 活动, never 活动活动
        ("开展“{{ campaign }}”大讨论活动。", f"开展{CAMPAIGN}。"),
        ("开展“{{ campaign }}”专项活动。", f"开展{CAMPAIGN}。"),
        ("以此次{{ campaign }}活动为契机。", f"以此次{CAMPAIGN}为契机。"),
        ("围绕“{{ campaign }}”这一主题。", "围绕“{{ campaign }}”这一主题。"),
        # the type words alone still mean the source's campaign
        ("要做好“大讨论”的宣传，报道“大讨论”活动。", f"要做好{CAMPAIGN}的宣传，报道{CAMPAIGN}。"),
        ("力求专项活动取得实效。", f"力求{CAMPAIGN}取得实效。"),
        # a local slogan goes with its clause; the rest of the sentence stays
        ("以“建设教育强区”为目标，推进工作。", "推进工作。"),
        ("加快发展，形成“科学发展齐争先”的氛围。", "加快发展。"),
        # a local brand before a dated national campaign: the brand goes, the slot stays
        ("要与“红烛先锋”{{ guidance.集中教育 }}相结合。", "要与{{ guidance.集中教育 }}相结合。"),
        # a local campaign with its list of sub-campaigns
        ("以“两个年”（质量提升年、作风建设年）为载体，推进工作。", "推进工作。"),
        ("深入开展校园安全攻坚年活动，促进和谐。", "促进和谐。"),
        # phases and offices of a past campaign, a local campaign office
        ("转入学习动员阶段以来，教育局召开会议。", "{{ org.short }}召开会议。"),
        ("严格按区讨论办的要求开展活动。其余工作照常。", "其余工作照常。"),
        # the issuing body named without its county
        ("经局党委研究，教育局决定。", "经{{ org.party }}研究，{{ org.short }}决定。"),
        # the party organ's office and meeting: the profile's organ, never the source's
        ("局党委办负责日常联络。", "{{ org.organ_office }}负责日常联络。"),
        ("办公室设在党组办公室。", "办公室设在{{ org.organ_office }}。"),
        ("迅速组织召开局党委会议。", "迅速组织召开{{ org.organ_meeting }}。"),
        ("捐款助学；党委要求要转变。", "捐款助学；{{ org.organ }}要求要转变。"),
        ("县委、区委和党委（党组）的部署。", "县委、区委和党委（党组）的部署。"),
        # dated generic wording: its current form
        ("推动科学发展，促进教育科学发展。", "推动高质量发展，促进教育高质量发展。"),
        # quote slips of the source
        ("坚持“统筹谋划、整体推进“的原则。", "坚持“统筹谋划、整体推进”的原则。"),
        ("全面树立以生为本”的新理念", "全面树立“以生为本”的新理念"),
        ("推进工作，以五项承诺”为抓手", "推进工作，以“五项承诺”为抓手"),
        ("做好工作”。", "做好工作。"),
        # a general paragraph is left alone
        ("加强师德师风建设，提高教师素质。", "加强师德师风建设，提高教师素质。"),
    ],
)
def test_rules(text: str, expected: str) -> None:
    assert generalize_text(text) == expected


def test_words_of_the_source_title_campaign_go() -> None:
    core = campaign_core("教育局促改革强队伍抓落实活动方案")
    assert core == "促改革强队伍抓落实"
    assert generalize_text("紧扣中心，促改革，抓落实，推动发展。", core) == "紧扣中心，推动发展。"
    # the same words inside a longer clause are ordinary prose
    text = "坚持促改革与抓落实并重。"
    assert generalize_text(text, core) == text


def test_a_dropped_list_takes_its_announcement_along() -> None:
    items = [(0, False, "组织领导"), (-1, False, "成立领导小组。具体分工如下：")]
    items += [(-1, False, f"{n}、某方面。牵头领导：副局长。责任人：及各学校校长。") for n in (1, 2)]
    kept_items, texts = generalize_items(items, [t for _l, _r, t in items], "")
    assert texts == ["组织领导", "成立领导小组。"]
    assert len(kept_items) == 2


def test_zhe_after_traditional_conversion() -> None:
    text, script = normalize_text("本著積極穩妥的原則，著力推進改革，成績顯著，著名學校。" * 3)
    assert script == "traditional"
    assert "本着积极稳妥的原则，着力推进改革，成绩显著，著名学校。" in text


def test_ingested_skeleton_reads_for_any_campaign(tmp_path: Path) -> None:
    """A whole sample through `nigao ingest`: its campaign, slogan and phase do not survive."""
    sample = tmp_path / "in" / "100_sample.txt"
    sample.parent.mkdir()
    sample.write_text(
        "教育局作风建设大讨论工作方案\n\n"
        "为深入开展“作风建设”大讨论活动，局党委决定如下。\n\n"
        "一、指导思想\n\n"
        "以“建设教育强区”为目标，紧紧围绕教育科学发展这个中心，开展大讨论活动。\n\n"
        "二、工作要求\n\n"
        "各学校要做好“大讨论”的宣传，推动“作风建设”大讨论深入开展。\n",
        encoding="utf-8",
    )
    out = tmp_path / "lib"
    result = CliRunner().invoke(cli, ["ingest", str(sample.parent), "--out", str(out)])
    assert result.exit_code == 0, result.output
    bodies = {
        p.name: p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in out.rglob("*.md.j2")
    }
    assert bodies, result.output
    joined = "".join(bodies.values())
    for word in ("大讨论", "教育强区", "科学发展", "活动活动"):
        assert word not in joined
    assert CAMPAIGN in joined
