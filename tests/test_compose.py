"""Composing a Document from a profile and skeletons: what ends up in the draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PLAN_GUIDANCE, PLAN_LEADER, PLAN_ORG
from nigao import compose as C
from nigao import profile as P
from nigao.draftmd import write_draft
from nigao.errors import NigaoError
from nigao.skeletons import Library, load_library

FIXTURES = Path(__file__).parent / "fixtures" / "library"

BASE = (
    PLAN_ORG
    + "date: 2027-03-01\n"
    + PLAN_GUIDANCE
    + PLAN_LEADER
    + """\
  副组长:
    - name: 何静
      post: 副局长
    - name: 唐志远
  成员:
    - name: 韩雪
      post: 局办公室主任
"""
)


def library() -> Library:
    return Library([(FIXTURES, "内置")])


def draft(sections: str, extra: str = "", lib: Library | None = None, **kw: object) -> C.Draft:
    profile = P.parse(BASE + extra + "sections:\n" + sections, "profiles/t.yaml")
    return C.compose(profile, lib or library(), **kw)  # type: ignore[arg-type]


def skeleton_dir(tmp_path: Path, sid: str, body: str, role: str = "tasks", **meta: str) -> Path:
    folder = tmp_path / "lib" / role
    folder.mkdir(parents=True, exist_ok=True)
    extra = "".join(f"{k}: {v}\n" for k, v in meta.items())
    (folder / f"{sid}.md.j2").write_text(
        f"---\nid: {sid}\nrole: {role}\nkinds: [plan]\nheading: 主要任务\n{extra}---\n{body}",
        encoding="utf-8",
    )
    return tmp_path / "lib"


def test_dates_and_month_ranges() -> None:
    from datetime import date

    assert C.format_date(date(2027, 3, 1)) == "2027年3月1日"
    assert C.month_range((2027, 3), (2027, 4)) == "2027年3月至4月"
    assert C.month_range((2027, 11), (2028, 1)) == "2027年11月至2028年1月"
    assert C.month_range((2027, 3), (2027, 3)) == "2027年3月"
    assert C.month_range((2027, 3)) == "2027年3月"


def test_leaders_block_lines_and_sentence_form() -> None:
    block = draft("  - role: organization\n").document.sections[0]
    assert "组长：方立新（局党组书记、局长）" in block.paragraphs
    assert "副组长：何静（副局长）、唐志远" in block.paragraphs
    assert "成员：韩雪（局办公室主任）" in block.paragraphs
    names = draft("  - role: organization\n    skeleton: t002-organization\n").document
    section = names.sections[0]
    # A level-1 heading stands on its own line without 。, even from a run-in skeleton.
    assert not section.run_in and section.heading == "加强组织领导"
    assert section.paragraphs == [
        "成立活动领导小组，组长由方立新同志担任，副组长由何静、唐志远同志担任，成员为韩雪。"
    ]


def test_empty_leader_becomes_marker_and_is_unfilled() -> None:
    profile = P.parse(
        BASE.split("leaders:")[0] + "sections:\n  - role: organization\n", "profiles/t.yaml"
    )
    result = C.compose(profile, library())
    text = "\n".join(result.document.paragraphs())
    assert "【待填：领导小组名单】" in text
    assert any("领导小组" in line for line in C.unfilled(result, profile))


def test_missing_fact_becomes_marker_and_given_fact_is_used() -> None:
    result = draft("  - role: goals\n")
    assert "全县新增学位【待填：新增学位数】个" in result.document.sections[0].paragraphs[0]
    assert result.markers() == [("新增学位数", "一、工作目标")]
    filled = draft("  - role: goals\n", extra="facts:\n  新增学位数: 1200\n")
    assert "全县新增学位1200个" in filled.document.sections[0].paragraphs[0]
    assert filled.markers() == []


def test_numbering_continues_across_skeletons_and_own_items() -> None:
    result = draft(
        "  - role: guiding_ideas\n"
        "  - role: tasks\n"
        "    skeleton: t001-tasks\n"
        "    items:\n"
        "      - title: 抓队伍建设，提升育人能力。\n"
        "        text: 自写内容。\n"
        "  - role: measures\n"
    )
    labels = [(label, s.heading) for _d, label, s in result.document.numbered()]
    assert labels == [
        ("一、", "指导思想"),
        ("二、", "主要任务"),
        ("（一）", "抓项目建设，改善办学条件。"),
        ("（二）", "抓课堂改革，提高教育质量。"),
        ("1.", "加强教育常规管理。"),
        ("（三）", "抓队伍建设，提升育人能力。"),
        ("三、", "工作措施"),
        ("（一）", "落实工作责任。"),
        ("（二）", "加强工作督查。"),
    ]
    runs = {s.heading: s.run_in for _d, s in result.document.walk()}
    assert runs["抓队伍建设，提升育人能力。"] and runs["落实工作责任。"]
    assert not runs["主要任务"]
    md = write_draft(result.document)
    assert "一、" not in md and "（一）" not in md  # numbers are computed by writers, never stored


def test_phases_render_with_date_ranges() -> None:
    result = draft(
        "  - role: steps\n"
        "    skeleton: t001-steps\n"
        "    phases:\n"
        "      - {name: 宣传发动阶段, start: 2027-03, text: 召开动员会。}\n"
        "      - {name: 组织实施阶段, start: 2027-04, end: 2027-10, text: 扎实推进。}\n"
        "      - {name: 巩固提升阶段, start: 2027-11, end: 2028-01}\n"
    )
    steps = result.document.sections[0]
    assert steps.paragraphs == ["活动分三个阶段进行。"]
    # The last phase has no text, so it stands alone: its siblings then stand alone too.
    assert [s.heading for s in steps.sections] == [
        "宣传发动阶段（2027年3月）",
        "组织实施阶段（2027年4月至10月）",
        "巩固提升阶段（2027年11月至2028年1月）",
    ]
    assert [s.run_in for s in steps.sections] == [False, False, False]
    assert steps.sections[0].paragraphs == ["召开动员会。"]


def test_role_without_skeleton_or_items_takes_default_and_says_so() -> None:
    result = draft("  - role: guiding_ideas\n  - role: tasks\n    items:\n      - title: 一项。\n")
    assert [(c.path, c.skeleton.id) for c in result.defaults] == [
        ("sections[0]", "t001-guiding_ideas")
    ]
    assert result.document.sections[1].paragraphs == []  # own items only: no skeleton invented


def test_sections_left_out_are_not_invented() -> None:
    result = draft("  - role: measures\n")
    assert [s.heading for s in result.document.sections] == ["工作措施"]


def test_preamble_and_closing_are_unnumbered() -> None:
    result = draft("  - role: preamble\n  - role: guiding_ideas\n  - role: closing\n")
    doc = result.document
    assert doc.preamble[0].startswith("为深入贯彻党的二十大精神，经中共岚溪县教育局党组研究")
    assert doc.closing == ["各单位要结合实际，认真抓好落实。"]
    assert [s.heading for s in doc.sections] == ["指导思想"]


def test_heading_override_and_intro_only() -> None:
    result = draft(
        "  - role: tasks\n    skeleton: t001-tasks\n    heading: 重点任务\n    intro_only: true\n"
        "    items:\n      - title: 自写任务。\n"
    )
    section = result.document.sections[0]
    assert section.heading == "重点任务"
    assert section.paragraphs == ["围绕活动主题，重点抓好以下工作。"]
    assert [s.heading for s in section.sections] == ["自写任务。"]


def test_nested_profile_sections_go_one_level_deeper() -> None:
    result = draft(
        "  - role: measures\n    heading: 有关要求\n    sections:\n"
        "      - role: organization\n        skeleton: t002-organization\n"
    )
    labels = [(d, label, s.heading) for d, label, s in result.document.numbered()]
    assert labels[0] == (1, "一、", "有关要求")
    assert (2, "（三）", "加强组织领导。") in labels


def test_missing_profile_field_names_field_skeleton_and_profile() -> None:
    profile = P.parse(
        BASE.replace("  party: 中共岚溪县教育局党组\n", "") + "sections:\n  - role: preamble\n",
        "profiles/t.yaml",
    )
    with pytest.raises(P.ProfileError) as info:
        C.compose(profile, library())
    [error] = info.value.errors
    assert error.startswith("profiles/t.yaml:")
    assert "缺少 org.party" in error
    assert "t001-preamble" in error and "preamble/t001-preamble.md.j2" in error


def test_unknown_skeleton_id_is_reported_with_position_and_suggestion() -> None:
    profile = P.parse(
        BASE + "sections:\n  - role: tasks\n    skeleton: t001-task\n", "profiles/t.yaml"
    )
    with pytest.raises(P.ProfileError) as info:
        C.compose(profile, library())
    [error] = info.value.errors
    line = BASE.count("\n") + 3
    assert error.startswith(
        f"profiles/t.yaml:{line}:5: sections[0].skeleton：没有编号为 “t001-task”"
    )
    assert "t001-tasks" in error


def test_special_characters_come_out_as_the_same_text(tmp_path: Path) -> None:
    lib = skeleton_dir(tmp_path, "x001-tasks", "A & B <b> \"q\" 'a' {{ facts.符号 }}\n")
    result = draft(
        "  - role: tasks\n    skeleton: x001-tasks\n",
        extra='facts:\n  符号: "<script>&amp;\\""\n',
        lib=load_library([lib], shipped=False),
    )
    assert result.document.sections[0].paragraphs == ['A & B <b> "q" \'a\' <script>&amp;"']


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}\n",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
        "{{ org.__init__.__globals__ }}\n",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}\n",
    ],
)
def test_sandbox_escape_is_refused(tmp_path: Path, body: str) -> None:
    lib = skeleton_dir(tmp_path, "x002-tasks", body)
    with pytest.raises(NigaoError) as info:
        draft("  - role: tasks\n    skeleton: x002-tasks\n", lib=load_library([lib], shipped=False))
    message = str(info.value)
    assert "x002-tasks.md.j2" in message
    assert "Traceback" not in message


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    lib = skeleton_dir(tmp_path, "x003-tasks", "第一段。\n\n{{ org.short \n")
    with pytest.raises(NigaoError) as info:
        draft("  - role: tasks\n    skeleton: x003-tasks\n", lib=load_library([lib], shipped=False))
    assert "x003-tasks.md.j2:9:" in str(info.value)
    assert "模板语法有误" in str(info.value)


def test_profile_values_cannot_add_headings(tmp_path: Path) -> None:
    lib = skeleton_dir(tmp_path, "x004-tasks", "内容：{{ facts.说明 }}\n")
    result = draft(
        "  - role: tasks\n    skeleton: x004-tasks\n",
        extra='facts:\n  说明: "第一行\\n## 假标题"\n',
        lib=load_library([lib], shipped=False),
    )
    assert result.document.sections[0].sections == []
    assert result.document.sections[0].paragraphs == ["内容：第一行 ## 假标题"]


def test_plain_slot_filling_matches_the_jinja_sandbox() -> None:
    """The fast path for `{{ slot }}` bodies gives exactly what Jinja2 would."""
    profile = P.parse(
        BASE + "facts:\n  新增学位数: 1200\nsections:\n  - role: goals\n", "profiles/t.yaml"
    )
    renderer = C._Renderer(profile)
    for skeleton in library().all():
        for text in (skeleton.heading, skeleton.body):
            assert renderer.render(skeleton, text, 1) == renderer.render_jinja(skeleton, text, 1)


def test_jinja_statements_still_work(tmp_path: Path) -> None:
    body = "{% if org.party %}经{{ org.party }}研究，{% endif %}{% if campaign2 %}不会出现{% endif %}决定开展活动。\n"
    lib = skeleton_dir(tmp_path, "x005-tasks", body)
    result = draft(
        "  - role: tasks\n    skeleton: x005-tasks\n", lib=load_library([lib], shipped=False)
    )
    assert result.document.sections[0].paragraphs == ["经中共岚溪县教育局党组研究，决定开展活动。"]


def test_role_with_no_skeleton_anywhere_leaves_a_listed_fill_in() -> None:
    result = draft("  - role: experience\n")
    section = result.document.sections[0]
    assert section.heading == "经验体会"
    assert section.paragraphs == ["【待填：经验体会内容】"]
    assert result.markers() == [("经验体会内容", "一、经验体会")]
    assert any("骨架库里没有这一角色的骨架" in note for note in result.notes)


def test_a_mistyped_fact_label_is_pointed_out() -> None:
    result = draft("  - role: goals\n", extra="facts:\n  新增学位: 1200\n")
    assert result.markers() == [("新增学位数", "一、工作目标")]
    assert "facts.新增学位 没有被所选骨架用到，是不是 “新增学位数”？" in result.notes


def test_skeleton_run_in_flag_is_kept_through_the_draft(tmp_path: Path) -> None:
    from nigao.draftmd import read_draft

    lib = skeleton_dir(tmp_path, "x006-tasks", "正文。\n")
    text = (lib / "tasks" / "x006-tasks.md.j2").read_text(encoding="utf-8")
    text = text.replace("heading: 主要任务\n", "heading: 主要任务。\nrun_in: false\n")
    (lib / "tasks" / "x006-tasks.md.j2").write_text(text, encoding="utf-8")
    nested = "  - role: tasks\n    text: 导语。\n    sections:\n      - role: tasks\n"
    result = draft(
        nested + "        skeleton: x006-tasks\n", lib=load_library([lib], shipped=False)
    )
    section = result.document.sections[0].sections[0]  # below level 1 the flag is the skeleton's
    assert section.heading == "主要任务。" and not section.run_in
    again = read_draft(write_draft(result.document)).sections[0].sections[0]
    assert again.heading == "主要任务。" and not again.run_in


_ORGAN_BODY = (
    "办公室设在{{ org.organ_office }}，经{{ org.organ_meeting }}研究，{{ org.organ }}要求。\n"
)


@pytest.mark.parametrize(
    ("party", "organ", "other"),
    [("中共岚溪县教育局党组", "党组", "党委"), ("中共岚溪县教育体育局委员会", "党委", "党组")],
)
def test_party_organ_words_come_from_the_profile(
    tmp_path: Path, party: str, organ: str, other: str
) -> None:
    lib = load_library([skeleton_dir(tmp_path, "x010-tasks", _ORGAN_BODY)], shipped=False)
    text = BASE.replace("中共岚溪县教育局党组", party)
    profile = P.parse(text + "sections:\n  - role: tasks\n    skeleton: x010-tasks\n", "p.yaml")
    para = C.compose(profile, lib).document.sections[0].paragraphs[0]
    assert para == f"办公室设在局{organ}办公室，经局{organ}会议研究，局{organ}要求。"
    assert other not in para


@pytest.mark.parametrize(
    ("extra", "written"),
    [
        ("", "开展“强师兴校”活动"),  # no type word given, none in the name: 活动
        ("campaign_type: 主题活动\n", "开展“强师兴校”主题活动"),
    ],
)
def test_campaign_type_word(tmp_path: Path, extra: str, written: str) -> None:
    body = "开展“{{ campaign }}”{{ campaign_type }}。\n"
    lib = load_library([skeleton_dir(tmp_path, "x011-tasks", body)], shipped=False)
    para = draft("  - role: tasks\n    skeleton: x011-tasks\n", extra, lib=lib)
    assert para.document.sections[0].paragraphs == [written + "。"]


def test_campaign_with_its_own_type_word_is_not_doubled(tmp_path: Path) -> None:
    body = "开展“{{ campaign }}”{{ campaign_type }}。\n"
    lib = load_library([skeleton_dir(tmp_path, "x012-tasks", body)], shipped=False)
    text = BASE.replace("campaign: 强师兴校", "campaign: 校园安全专项整治行动")
    profile = P.parse(text + "sections:\n  - role: tasks\n    skeleton: x012-tasks\n", "p.yaml")
    para = C.compose(profile, lib).document.sections[0].paragraphs[0]
    assert para == "开展“校园安全专项整治行动”。"


def test_missing_dated_wording_is_a_marker_not_a_stop(tmp_path: Path) -> None:
    body = "要与{{ guidance.集中教育 }}相结合，深入实践{{ guidance.theory }}。\n"
    lib = load_library([skeleton_dir(tmp_path, "x013-tasks", body)], shipped=False)
    text = BASE.replace("  theory: 习近平新时代中国特色社会主义思想\n", "")
    profile = P.parse(text + "sections:\n  - role: tasks\n    skeleton: x013-tasks\n", "p.yaml")
    result = C.compose(profile, lib)
    para = result.document.sections[0].paragraphs[0]
    assert para == "要与【待填：党内集中教育的现行提法】相结合，深入实践【待填：指导思想理论】。"
    refused = C.unfilled(result, profile)  # --final refuses exactly what is still marked
    assert len(refused) == 2 and "党内集中教育的现行提法" in refused[0]
    given = text.replace("guidance:\n", "guidance:\n  集中教育: 某项学习教育\n  theory: 某思想\n")
    filled = P.parse(given + "sections:\n  - role: tasks\n    skeleton: x013-tasks\n", "p.yaml")
    result = C.compose(filled, lib)
    assert C.unfilled(result, filled) == []
