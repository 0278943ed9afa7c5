"""Every shipped skeleton, drafted alone into profiles on unrelated topics, keeps only its frame.

Thirteen fictional units (tests/data/topics/: 课后服务, 校园安全, 学前教育, 教师减负, 读书月, 家校
共育, and — written later without reading the skeletons — 心理健康教育, 劳动教育, 智慧校园, 阳光体育
(a profile with only the fields `nigao init` asks for), 食堂食品安全 (a school, 党支部), 语言文字规范化
(a 宣传月), 控辍保学; plan, summary and report; 党组, 党委 and 党支部; campaigns typed 活动, 行动,
工程, 专项整治, 月) each draft every skeleton of the library on its own
(`--pick`-style, the profile's sections replaced by that one skeleton). Required for each draft:
no drafting error, no sentence with a topic word of the skeleton's source — the words the
skeleton recorded at ingest and the words of an independent list written by reading the seeds
(tests/data/seed_topics.yaml) — and no party-organ word of the other kind.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nigao import compose as C
from nigao import profile as P
from nigao import skeletons as L

ROOT = Path(__file__).resolve().parent.parent
TOPICS = sorted((ROOT / "tests" / "data" / "topics").glob("*.yaml"))
SEED_TOPICS = yaml.safe_load((ROOT / "tests/data/seed_topics.yaml").read_text(encoding="utf-8"))
SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")
MARKER = re.compile(r"【[^】]*】")


def _library() -> L.Library:
    return L.load_library([], shipped=True)


LIBRARY = _library()
IDS = sorted(LIBRARY.skeletons)


def _profile(path: Path, skeleton: L.Skeleton) -> P.Profile:
    base = P.load(path)
    data = dict(base.data)
    data["sections"] = [{"role": skeleton.role, "skeleton": skeleton.id}]
    return P.Profile(base.path, data, base.marks)


def _own_values(profile: P.Profile) -> list[str]:
    """Profile values a draft may print: their words are the profile's, not the source's."""
    data = profile.data
    values = [data.get(k) for k in ("campaign", "focus", "goal", "title")]
    values += list((data.get("org") or {}).values())
    values += list((data.get("guidance") or {}).values())
    return sorted((str(v) for v in values if v), key=len, reverse=True)


def _sentences(profile: P.Profile, draft: C.Draft) -> list[str]:
    """The draft's sentences that came from the skeleton (title left out), profile values masked
    (quotes kept: “X行动”活动 is a doubled type word)."""
    doc = draft.document
    texts = [*doc.preamble, *doc.closing]
    for _depth, section in doc.walk():
        texts.append(section.heading)
        texts.extend(section.paragraphs)
    out = []
    for text in texts:
        for value in _own_values(profile):
            text = text.replace(value, "〇" + value[-2:] if value == data_campaign(profile) else "〇")
        text = MARKER.sub("〇", text)
        out.extend(s for s in SENTENCE.findall(text) if s.strip())
    return out


def data_campaign(profile: P.Profile) -> str:
    return str(profile.data.get("campaign") or "")


def source_words(skeleton: L.Skeleton) -> set[str]:
    meta = L.split_front_matter(skeleton.path.read_text(encoding="utf-8"), skeleton.path)[0]
    return set(meta.get("topic") or []) | set(SEED_TOPICS.get(skeleton.source, []))


def organ_mismatch(profile: P.Profile, text: str) -> list[str]:
    """党委 words in a 党组 profile's draft, or the other way round (县委, 党委（党组） aside)."""
    organ = C.party_organ(profile.data["org"]["party"])
    other = "党委" if organ == "党组" else "党组"
    text = text.replace("党委（党组）", "").replace(profile.data["org"]["party"], "")
    return re.findall(rf"(?<![县区市省州])局?{other}(?!织)[办会]?", text)


# Words of a county bureau's own level, written for this test (nigao's table is data/unit_words.yaml):
# a school's or kindergarten's own document must not say them of itself.
COUNTY_WORDS = ("全县", "全区", "我县", "我区", "局机关", "股室", "全系统", "县直", "局党政", "局领导")
# A campaign named with its own type word never gets a second one, nor a generic 活动 after it.
DOUBLED = re.compile(r"(?:活动|行动|工程|整治|月)”(?:活动|行动|工程|专项整治)")


# A bare 活动 referring back to the campaign (its own clause, or after these words), written for
# this test: in a 行动, 工程 or 专项整治 draft it should say so.
GENERIC_ACTIVITY = re.compile(r"(?:^|[，。；：、]|制定|推进|这次|本次|此次|这项|根据|开展|为把|负责)活动(?!室)")


def generic_activity(profile: P.Profile, text: str) -> bool:
    """The campaign is no 活动 (a 行动, 工程, 专项整治: its name and type word say so) but the text
    calls it one."""
    name = str(profile.data.get("campaign") or "")
    if "活动" in name + C.campaign_type(profile) or name.endswith(("月", "周")):
        return False  # an 活动, or a 读书月 / 宣传周, which is one
    return bool(GENERIC_ACTIVITY.search(text))


def level_mismatch(profile: P.Profile, text: str) -> list[str]:
    """County words in the draft of a unit that is not a bureau (its name ends in 局)."""
    if str(profile.data["org"]["name"]).endswith("局"):
        return []
    return [w for w in COUNTY_WORDS if w in text]


KINDS = ("起草失败", "党组织称谓", "类型词", "单位层级")  # problems not of source words


def measure(path: Path, library: L.Library = LIBRARY) -> tuple[int, list[str]]:
    """(sentences checked, problems) for every skeleton of `library` drafted alone into `path`."""
    problems = []
    checked = 0
    for sid in sorted(library.skeletons):
        skeleton = library.skeletons[sid]
        profile = _profile(path, skeleton)
        try:
            draft = C.compose(profile, library)
        except Exception as error:  # noqa: BLE001 - any failure to draft is the finding
            problems.append(f"{sid}: 起草失败：{error}")
            continue
        words = source_words(skeleton)
        for sentence in _sentences(profile, draft):
            checked += 1
            found = sorted(w for w in words if w in sentence)
            if found:
                problems.append(f"{sid}: {found} 〔{sentence}〕")
            wrong = organ_mismatch(profile, sentence)
            if wrong:
                problems.append(f"{sid}: 党组织称谓与配置不符 {wrong} 〔{sentence}〕")
            if generic_activity(profile, sentence):
                problems.append(f"{sid}: 活动类型词与配置不符 〔{sentence}〕")
            if DOUBLED.search(sentence):
                problems.append(f"{sid}: 类型词重复 〔{sentence}〕")
            level = level_mismatch(profile, sentence) if profile.kind in skeleton.kinds else []
            if level:
                problems.append(f"{sid}: 单位层级不符 {level} 〔{sentence}〕")
    return checked, problems


def test_the_level_and_type_word_checks_find_what_they_look_for() -> None:
    """Not vacuous: a school's draft saying 全县教育系统, and “X行动”活动, would be found."""
    school = P.load(ROOT / "tests/data/topics/shitang-school-plan.yaml")
    assert level_mismatch(school, "在全县教育系统开展") == ["全县"]
    assert level_mismatch(P.load(TOPICS[0]), "在全县教育系统开展") == []
    assert DOUBLED.search("开展“〇行动”活动") and not DOUBLED.search("开展“〇行动”")
    action = P.load(ROOT / "tests/data/topics/xinli-plan.yaml")  # a 行动
    assert generic_activity(action, "推进活动扎实开展") and not generic_activity(action, "开展读书活动")
    assert not generic_activity(P.load(ROOT / "tests/data/topics/laodong-summary.yaml"), "推进活动扎实开展")


@pytest.mark.parametrize("path", TOPICS, ids=lambda p: p.stem)
def test_every_skeleton_drafts_its_frame_only(path: Path) -> None:
    checked, problems = measure(path)
    assert checked > 100
    assert problems == [], "\n".join(problems)


def test_the_topic_profiles_are_varied() -> None:
    """The profiles cover every kind and both party organs (so the test above means something)."""
    profiles = [P.load(p) for p in TOPICS]
    assert len(profiles) >= 5
    assert {p.kind for p in profiles} == {"plan", "summary", "report"}
    assert {C.party_organ(p.data["org"]["party"]) for p in profiles} >= {"党组", "党委", "党支部"}
    assert all(not p.errors for p in profiles)


def test_the_check_finds_a_leftover_topic_word() -> None:
    """The scan is not vacuous: a seed sentence drafted as is would be found."""
    skeleton = LIBRARY.skeletons["s003-tasks"]
    words = source_words(skeleton)
    assert any(w in "认真落实信访维稳工作责任制" for w in words)
    assert organ_mismatch(P.load(TOPICS[0]), "办公室设在局党委办") or organ_mismatch(
        P.load(TOPICS[1]), "办公室设在局党组办公室"
    )


def test_examples_only_on_request() -> None:
    """A source's enumerated content (the six discussion themes) is drafted only on request."""
    skeleton = LIBRARY.skeletons["s004-tasks"]
    profile = _profile(TOPICS[0], skeleton)
    plain = C.compose(profile, LIBRARY).document
    assert not plain.sections[0].sections
    assert "【待填：主要任务的具体内容】" in plain.sections[0].paragraphs
    asked = dict(profile.data)
    asked["sections"] = [{"role": "tasks", "skeleton": "s004-tasks", "examples": True}]
    full = C.compose(P.Profile(profile.path, asked, profile.marks), LIBRARY).document
    assert len(full.sections[0].sections) == 6
    assert any("接轨" in s.heading for s in full.sections[0].sections)


def test_skeletons_show_and_list_say_what_is_example_and_frame() -> None:
    from click.testing import CliRunner

    from nigao.cli import cli

    shown = CliRunner().invoke(cli, ["skeletons", "show", "s004-tasks"]).output
    assert "以下是范文的示例内容" in shown and "接轨" in shown
    listed = CliRunner().invoke(cli, ["skeletons", "list"], terminal_width=200).output
    assert "nigao 框架" in listed


if __name__ == "__main__":  # the figures of docs and notes: python tests/test_topic_profiles.py [LIBRARY]
    import sys
    from collections import Counter

    lib = L.load_library(sys.argv[1:], shipped=not sys.argv[1:])
    roles = {(s.role, k) for s in lib.skeletons.values() for k in s.kinds}
    total = 0
    kinds: Counter[str] = Counter()
    for topic in TOPICS:
        checked, problems = measure(topic, lib)
        total += checked
        mine = Counter(
            next((k for k in KINDS if k in p), "源主题词") for p in problems
        )
        kinds.update(mine)
        print(f"{topic.stem}: {checked} sentences, {len(problems)} problems {dict(mine) or ''}")
    bad = sum(kinds.values())
    print(f"all: {len(lib.skeletons)} skeletons × {len(TOPICS)} profiles, {total} sentences, {bad} problems")
    print(f"  by kind: {dict(kinds)}")
    print(f"role/kind pairs with a skeleton: {len(roles)}")
