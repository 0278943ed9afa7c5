"""Ingest: the source's own unit words and its generic 活动 become slots (ingest/ownwords.py),
and a list that lost items says how many are left (ingest/subject.py `_recount`)."""

from __future__ import annotations

import pytest

from nigao.ingest.ownwords import own_place, own_words
from nigao.ingest.subject import _recount


def test_the_sources_own_level_is_the_place_it_calls_its_own() -> None:
    assert own_place(["结合我县实际", "全县", "全市"]) == "县"
    assert own_place(["我区召开全市教师会议", "全市精品", "全市"]) == "区"  # 全市 is the city above
    assert own_place(["全区学校", "全区", "全市精品"]) == "区"
    assert own_place(["没有地名"]) == ""


@pytest.mark.parametrize(
    ("text", "place", "expected"),
    [
        (
            "结合我县教育系统实际，在全县教育系统开展",
            "县",
            "结合{{ scope.our_system }}实际，在{{ scope.system }}开展",
        ),
        (
            "局机关各股室、全县各学校要加强合作协调",
            "县",
            "{{ scope.offices }}、{{ scope.units }}要加强合作协调",
        ),
        ("根据中共县委《意见》", "县", "根据中共{{ region }}委《意见》"),
        (
            "由局党政领导班子成员牵头，相关股室配合",
            "县",
            "由{{ scope.leadership }}成员牵头，{{ scope.departments }}配合",
        ),
        ("{{ org.short }}成立领导小组", "县", "{{ scope.self }}成立领导小组"),
        # negatives: the city above a 区 document, a word that only looks like one, a slot's text,
        # the unit's name not acting
        ("已经成为全市精品", "区", "已经成为全市精品"),
        ("健全县级统筹机制", "县", "健全县级统筹机制"),
        ("{{ facts.全县学校数 }}所", "县", "{{ facts.全县学校数 }}所"),
        ("在{{ org.short }}机关", "县", "在{{ org.short }}机关"),
        ("全县共有", "", "全县共有"),
    ],
)
def test_unit_words_become_scope_slots(text: str, place: str, expected: str) -> None:
    assert own_words(text, place) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "制定活动计划，认真组织开展活动。",
            "制定{{ campaign_noun }}计划，认真组织开展{{ campaign_noun }}。",
        ),
        ("推进活动扎实开展", "推进{{ campaign_noun }}扎实开展"),
        ("活动任务", "{{ campaign_noun }}任务"),
        ("在这次活动中", "在这次{{ campaign_noun }}中"),
        # a kind of activity, not the campaign: stays
        ("广泛开展座谈讨论活动", "广泛开展座谈讨论活动"),
        ("开展全员读书活动", "开展全员读书活动"),
        ("深入开展{{ guidance.普法规划 }}活动。", "深入开展{{ guidance.普法规划 }}活动。"),
        ("建好活动室", "建好活动室"),
    ],
)
def test_a_bare_activity_referring_back_becomes_the_campaigns_noun(
    text: str, expected: str
) -> None:
    assert own_words(text, "县") == expected


def test_a_list_that_lost_items_is_recounted() -> None:
    assert (
        _recount("按照宣传发动、成果转化三个阶段进行", 3, 2) == "按照宣传发动、成果转化两个阶段进行"
    )
    assert (
        _recount("抓好甲、乙、丙、丁四项工作", 5, 4) == "抓好甲、乙、丙、丁四项工作"
    )  # not the old count
    assert (
        _recount("宣传发动、成果转化三个阶段", 3, 3) == "宣传发动、成果转化三个阶段"
    )  # nothing lost


def test_a_gram_straddling_two_generic_words_is_no_topic_word() -> None:
    """力实 (大力实施、努力实现) and 造良 (营造良好) are pieces of wording; 校车 is a word."""
    from nigao.ingest.subject import whole_words

    text = "大力实施项目，努力实现目标，营造良好氛围，营造良好环境。加强校车管理，落实校车安全，配齐校车。"
    assert whole_words({"力实", "造良", "校车"}, text) == {"校车"}
    # only one side generic (民办学校: 办学): still a word
    assert whole_words({"民办"}, "扶持民办学校，规范民办学校，发展民办教育。") == {"民办"}


def test_a_marker_is_left_as_it_is() -> None:
    assert own_words("把“【待填：活动名称】”作为重点，全县推进", "县") == (
        "把“【待填：活动名称】”作为重点，{{ scope.all }}推进"
    )


def test_a_frames_marker_for_a_profile_field_is_that_field(tmp_path) -> None:
    """nigao's own report frame asks for the campaign by the profile's field, not as a fact
    (a seed's 【待填：活动名称】 is another activity it names: a fact)."""
    from pathlib import Path

    from nigao.ingest.make_skeletons import ingest_paths

    root = Path(__file__).resolve().parents[1]
    ingest_paths([root / "frames"], tmp_path)
    text = (tmp_path / "closing" / "s902-closing.md.j2").read_text(encoding="utf-8")
    assert "虽然我们在“{{ campaign }}”方面" in text and "facts.活动名称" not in text
