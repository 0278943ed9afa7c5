"""Checker rules for what a skeleton can leave behind (issue 11.8): source subject matter, the
other party organ, a doubled campaign type word, sibling headings that disagree."""

from __future__ import annotations

import pytest

from nigao.check import check_document
from nigao.draftmd import read_draft

PROFILE = {
    "kind": "plan",
    "title": "青禾县教育局关于开展课后服务提质增效行动的实施方案",
    "org": {"name": "青禾县教育局", "region": "青禾县", "party": "中共青禾县教育局党组"},
    "campaign": "课后服务提质增效行动",
    "date": "2027-03-01",
    "leaders": {"组长": [{"name": "林远", "post": "局长"}]},
}


def _rules(body: str, profile: dict | None = PROFILE, rule: str = "") -> list[str]:
    text = "---\nkind: plan\n---\n\n# 青禾县教育局关于开展课后服务提质增效行动的实施方案\n\n" + body
    findings = check_document(read_draft(text), profile=profile)
    return [f.rule for f in findings if not rule or f.rule == rule]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("## 工作措施\n\n要认真落实信访维稳工作责任制，集中力量解决积案。\n", True),
        ("## 工作措施\n\n要认真落实课后服务工作责任制，明确责任分工。\n", False),
        ("## 工作措施\n\n要加强督导检查，及时通报进展。\n", False),
    ],
)
def test_leftover_source_subject(body: str, found: bool) -> None:
    assert ("CONTENT-SUBJECT" in _rules(body, rule="CONTENT-SUBJECT")) is found


def test_subject_words_the_profile_uses_are_its_own_topic() -> None:
    body = "## 工作措施\n\n要认真落实信访维稳工作责任制，集中力量解决积案。\n"
    own = dict(PROFILE, campaign="信访维稳百日攻坚", title="关于开展信访维稳百日攻坚的方案")
    assert _rules(body, own, "CONTENT-SUBJECT") == []
    assert _rules(body, None, "CONTENT-SUBJECT") == []  # no profile: the topic is unknown


@pytest.mark.parametrize(
    ("party", "text", "found"),
    [
        ("中共青禾县教育局党组", "办公室设在局党委办，负责日常工作。", True),
        ("中共青禾县教育局党组", "迅速召开局党委会议研究部署。", True),
        ("中共青禾县教育局党组", "办公室设在局党组办公室，按县委要求开展党组织活动。", False),
        ("中共青禾县教育体育局委员会", "经局党组会议研究决定。", True),
        ("中共青禾县教育体育局委员会", "经局党委会议研究，在学校党组织中开展。", False),
    ],
)
def test_party_organ_matches_the_profile(party: str, text: str, found: bool) -> None:
    profile = dict(PROFILE, org=dict(PROFILE["org"], party=party))
    body = f"## 组织领导\n\n{text}\n"
    assert ("CONTENT-ORGAN" in _rules(body, profile, "CONTENT-ORGAN")) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("开展“校园安全专项整治行动”活动。", True),
        ("开展“课后服务提质增效”行动活动。", True),
        ("开展“校园安全专项整治行动”，确保实效。", False),
        ("开展“强师兴校”主题活动。", False),
    ],
)
def test_campaign_type_word_doubled(text: str, found: bool) -> None:
    body = f"## 主要任务\n\n{text}\n"
    assert ("CONTENT-TYPEWORD" in _rules(body, rule="CONTENT-TYPEWORD")) is found


def test_sibling_headings_agree() -> None:
    mixed = "## 保障措施\n\n### 加强领导。\n\n各学校要重视。\n\n### 强化保障\n\n落实经费。\n"
    same = "## 保障措施\n\n### 加强领导。\n\n各学校要重视。\n\n### 强化保障。\n\n落实经费。\n"
    assert _rules(mixed, rule="HEAD-SIBLINGS") == ["HEAD-SIBLINGS"]
    assert _rules(same, rule="HEAD-SIBLINGS") == []


def test_level_one_heading_with_a_full_stop_is_flagged() -> None:
    assert "HEAD-PUNCT" in _rules("## 加强组织领导。\n\n各学校要重视。\n", rule="HEAD-PUNCT")
    assert _rules("## 加强组织领导\n\n各学校要重视。\n", rule="HEAD-PUNCT") == []
