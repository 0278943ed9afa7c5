"""Every rule with a positive and a negative example (bad text is found, good text is not)."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest

from nigao.check import ProfileFacts, check_document, check_path, fix_text
from nigao.check.context import Context
from nigao.check.registry import rules as all_rules
from nigao.draftmd import read_draft
from nigao.model import Document, Section

FACTS = ProfileFacts(
    region="海州区",
    known="连云港市海州区教育局\n海州区实验小学",
    leaders=frozenset({"王明", "李华"}),
    year=2027,
)


def one_paragraph(text: str, **meta) -> Document:
    doc = Document(
        title="海州区教育局关于开展读书活动的实施方案",
        sections=[Section("工作要求", paragraphs=["各学校要认真组织。", text])],
        signature="海州区教育局",
        date="2027年3月1日",
    )
    for key, value in meta.items():
        setattr(doc, key, value)
    return doc


def rule_ids(findings) -> list[str]:
    return [f.rule for f in findings]


# (rule, bad paragraph, good paragraph)
PARAGRAPH_CASES = [
    ("PUNCT-HALFWIDTH", "各学校,要认真落实(试行)方案。", "各学校，要认真落实（试行）方案。"),
    ("PUNCT-HALFWIDTH", "请注意:按时报送!", "会议于上午9:30开始，网址https://example.org/a?b=1。"),
    ("PUNCT-HALFWIDTH", "各学校要按时完成任务.", "全年投入3.5亿元，详见www.example.cn。"),
    ("PUNCT-DOUBLE", "认真落实，，确保实效。", "认真落实，确保实效。"),
    ("PUNCT-DOUBLE", "确保实效，。", "确保实效。"),
    ("PUNCT-DOUBLE", "开展读书、征文等活动...", "开展读书、征文等活动……"),
    ("PUNCT-SPACE", "县教育 局要认真落实。", "使用 STEM 教学法。"),
    ("PUNCT-QUOTE", '开展"大家谈"活动。', "开展“大家谈”活动。"),
    ("PUNCT-UNBALANCED", "全面树立以生为本”的新理念。", "全面树立“以生为本”的新理念。"),
    ("PUNCT-UNBALANCED", "认真学习《纲要精神。", "认真学习《纲要》精神。"),
    ("PUNCT-UNBALANCED", "各学校（单位要报送。", "各学校（单位）要报送。"),
    ("NUM-FULLWIDTH", "全县共有２０所学校。", "全县共有20所学校。"),
    ("PUNCT-END", "各学校要高度重视", "各学校要高度重视。"),
    ("NUM-RANGE", "贯彻《2013-2014年工作方案》。", "贯彻《2013—2014年工作方案》。"),
    ("NUM-RANGE", "活动于3-4月进行。", "活动于3—4月进行。"),
    ("NUM-RANGE", "每组3-5人。", "每组3～5人。"),
    ("NUM-RANGE", "2011—12年完成改造。", "2011—2012年完成改造。"),
    ("DATE-FORMAT", "区教育局20118月出台了意见。", "区教育局2011年8月出台了意见。"),
    ("DATE-FORMAT", "于2027年03月01日前报送。", "于2027年3月1日前报送。"),
    ("DATE-FORMAT", "于2027-03-01前报送。", "2027年计划新建学校2所。"),
    ("DATE-FORMAT", "请于3月05日前报送。", "请于3月5日前报送。"),
    ("DATE-INVALID", "于2027年2月30日前报送。", "于2027年2月28日前报送。"),
    ("DOCNO-FORMAT", "根据海教发[2027]08号文件要求。", "根据海教发〔2027〕8号文件要求。"),
    ("LEFT-PLACEHOLDER", "完成了#小学与#小学的合并。", "完成了两所小学的合并。"),
    ("LEFT-PLACEHOLDER", "投入###万元完成改造。", "投入300万元完成改造。"),
    ("LEFT-PLACEHOLDER", "XX县教育局要加强领导。", "县教育局要加强领导。"),
    ("LEFT-PLACEHOLDER", "由××同志负责。", "由王明同志负责。"),
    ("LEFT-PLACEHOLDER", "某某学校要带头。", "各学校要带头，某些问题要及时解决。"),
    ("LEFT-PLACEHOLDER", "新增学位___个。", "新增学位600个。"),
    ("LEFT-PLACEHOLDER", "新增学位（ ）个。", "新增学位（含幼儿园）600个。"),
    ("LEFT-PLACEHOLDER", "新增学位【待填：新增学位数】个。", "新增学位600个。"),
    ("LEFT-EMPTY-LEADER", "组长：", "组长：王明（局党组书记、局长）"),
    ("LEFT-EMPTY-LEADER", "责任人：及相关学校校长", "责任人：李华及相关学校校长"),
    ("LEFT-EMPTY-LEADER", "牵头领导：党委委员，副局长。", "牵头领导：李华（党委委员、副局长）。"),
    ("LEFT-NOTE", "（此处加盖公章）", "盖章后报送。"),
    ("LEFT-CLUTTER", "上一篇：教育局工作总结", "全年共开展活动12次。"),
    ("LEFT-CLUTTER", "来源：网络整理 免责声明：本文仅限学习分享。", "经费来源为县财政拨款。"),
    ("CONTENT-PLACE", "结合樊城实际，开展讨论。", "结合海州实际，开展讨论。"),
    ("CONTENT-PLACE", "参加新安县组织的培训。", "参加连云港市组织的培训。"),
    ("CONTENT-PLACE", "组织师生到石桥镇开展研学。", "组织师生到乡镇学校、农村学校开展研学。"),
    ("CONTENT-PLACE", "允山中心小学要发挥示范作用。", "海州区实验小学要发挥示范作用。"),
    ("CONTENT-PLACE", "各学校要学习樊城区经验，推进改革。", "各学校要学习先进经验，推进改革。"),
    ("CONTENT-PLACE", "组织教师赴会同县考察。", "县教育局会同县公安局开展校园周边治理。"),
    ("CONTENT-PLACE", "学习和平区的做法。", "维护校园和平稳定，开辟绿色通道。"),
    ("CONTENT-PLACE", "结合通道实际，开展讨论。", "设立绿色通道，开展讨论。"),
    ("PUNCT-HALFWIDTH", "推进“强师兴校”.在全县开展活动。", "推进“强师兴校”。在全县开展活动。"),
    ("CONTENT-PERSON", "组长：包庆余（局长）", "组长：王明（局长）"),
    ("CONTENT-PERSON", "组长由包庆余同志担任。", "组长由王明同志担任。"),
    ("CONTENT-DATED-TERM", "深入贯彻党的十七届五中全会精神。", "深入贯彻党的二十大精神。"),
    (
        "CONTENT-DATED-TERM",
        "坚持以科学发展观为指导。",
        "坚持以习近平新时代中国特色社会主义思想为指导。",
    ),
]


@pytest.mark.parametrize(("rule", "bad", "good"), PARAGRAPH_CASES)
def test_paragraph_rule(rule, bad, good):
    found = check_document(one_paragraph(bad), profile=FACTS)
    assert rule in rule_ids(found), [str(f) for f in found]
    clean = check_document(one_paragraph(good), profile=FACTS)
    assert rule_ids(clean) == [], [str(f) for f in clean]


def test_finding_points_at_the_paragraph():
    found = check_document(one_paragraph("各学校,要落实。"), profile=FACTS)
    (finding,) = found
    assert finding.paragraph == 4  # title, heading, first paragraph, this one
    assert finding.severity == "warning"
    assert "，" in finding.suggestion


def test_dated_term_not_flagged_in_its_own_time():
    doc = one_paragraph("深入贯彻党的十七届五中全会精神。", date="2011年3月1日")
    assert rule_ids(check_document(doc)) == []


def test_undated_text_is_judged_against_today():
    doc = one_paragraph("深入贯彻党的十七届五中全会精神。", date=None)
    found = check_document(doc, profile=dataclasses.replace(FACTS, year=None))
    assert rule_ids(found) == ["CONTENT-DATED-TERM"]
    assert f"按今年（{datetime.date.today().year} 年）" in found[0].message


def test_fix_makes_a_half_width_stop_after_a_quote_full_width():
    text = "---\nkind: plan\n---\n\n# 标题\n\n推进“强师兴校”.在全县开展活动。\n"
    found = check_document(read_draft(text), source_lines=text.split("\n"))
    fixed, count = fix_text(text, found)
    assert count == 1 and "推进“强师兴校”。在全县" in fixed


def test_content_rules_need_a_profile():
    doc = one_paragraph("结合樊城实际，组长由包庆余同志担任。")
    assert rule_ids(check_document(doc)) == []


def test_region_alone_is_enough_for_places():
    found = check_document(one_paragraph("结合樊城实际，开展讨论。"), region="海州区")
    assert rule_ids(found) == ["CONTENT-PLACE"]
    assert "樊城" in found[0].message
    twice = check_document(one_paragraph("结合樊城实际，促进樊城教育发展。"), region="海州区")
    assert "“樊城”（本段 2 处）" in twice[0].message


COMMON_WORDS = [
    "推进乡村振兴战略，深入开展送教下乡活动。",
    "加强脱贫村学校建设，巩固拓展脱贫攻坚成果。",
    "支持经济开发区和高新区学校建设。",
    "推进小区配套幼儿园治理，规范普惠性幼儿园管理。",
    "加强革命老区、民族地区、边远山区教育。",
    "建设中心镇寄宿制学校，办好教学点和村小。",
    "优化城区学校布局，推进县城区学校扩容，新增城区学位600个。",
    "落实省、市、县三级联动机制，市县两级财政加大投入。",
    "全市中小学、幼儿园要落实安全责任，推进大中小学思政课一体化建设。",
    "积极创建省级示范幼儿园、市级示范性高中。",
    "建好用好乡镇寄宿制学校和乡村小规模学校，实施强镇筑基、强校扩优行动。",
    "组织全县中学生参加运动会，小学生参加合唱比赛，在小学科学课中开展实验。",
    "深入学习贯彻党的二十届三中全会精神。",
    "海州区第一中学、区实验小学要发挥示范作用。",
    # county names that are common words, used as words: 会同 (jointly), 和平, 东方, 复兴 …
    "县教育局会同县公安局开展校园周边治理，会同县财政局落实经费。",
    "坚持和平发展，开拓东方市场，复兴区域教育，新建区域教研中心。",
    "新华书店送书进校园，开辟绿色通道，学习城区学校经验。",
]


@pytest.mark.parametrize("text", COMMON_WORDS)
def test_common_words_are_not_foreign_places(text):
    assert rule_ids(check_document(one_paragraph(text), region="海州区")) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("樊城区第一中学要带头。", ["樊城区第一中学"]),
        ("加强对李家村小学的帮扶。", ["李家村小学"]),
        ("著力抓好源口瑶族乡公朝村结对帮扶工作。", ["源口瑶族乡", "公朝村"]),
        ("在黄甲岭乡、松柏瑶族乡完成校车管理。", ["黄甲岭乡", "松柏瑶族乡"]),
    ],
)
def test_foreign_places_and_schools_are_named(text, names):
    found = check_document(one_paragraph(text), region="海州区")
    assert sorted(f.message.split("“")[1].split("”")[0] for f in found) == sorted(names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("组织校长赴长阳县考察学习。", "长阳县"),  # 长阳土家族自治县 as samples call it
        ("学习借鉴城步县的经验。", "城步县"),  # 城步苗族自治县
        ("组织校长赴通道县考察学习。", "通道县"),  # 通道侗族自治县, 通道 a common word
    ],
)
def test_an_autonomous_county_by_its_everyday_name_is_a_foreign_place(text, name):
    found = check_document(one_paragraph(text), region="海州区")
    assert [f.message.split("“")[1].split("”")[0] for f in found] == [name]


def test_an_autonomous_countys_everyday_name_is_its_own_place():
    text = "长阳县教育局决定在长阳县开展检查，开辟绿色通道县教育局负责。"
    doc = one_paragraph(text, title="长阳县教育局关于开展读书活动的实施方案", signature="长阳县教育局")
    assert rule_ids(check_document(doc, region="长阳土家族自治县")) == []


def test_multi_paragraph_quotation_is_balanced():
    doc = one_paragraph("他说：“第一段引文。")
    doc.sections[0].paragraphs += ["“第二段引文。”"]
    assert rule_ids(check_document(doc)) == []
    doc.sections[0].paragraphs[-1] = "第二段没有续引号。"
    assert rule_ids(check_document(doc)) == ["PUNCT-UNBALANCED"]


def test_ascii_digits_in_dates_are_fine():
    doc = one_paragraph("2027年3月1日至2027年12月31日，全县新建学校2所。")
    assert rule_ids(check_document(doc)) == []


# ---------------------------------------------------------------- metadata fields


def test_date_of_signature_in_chinese_numerals():
    found = check_document(one_paragraph("各学校要落实。", date="二〇二七年三月一日"))
    assert rule_ids(found) == ["DATE-FORMAT"]
    assert "2027年3月1日" in found[0].suggestion
    assert rule_ids(check_document(one_paragraph("各学校要落实。", date="2027年3月1日"))) == []


def test_doc_number_form():
    bad = one_paragraph("各学校要落实。", doc_number="海教发（2027）第08号")
    found = check_document(bad)
    assert rule_ids(found) == ["DOCNO-FORMAT"]
    assert "海教发〔2027〕8号" in found[0].suggestion
    good = one_paragraph("各学校要落实。", doc_number="海教发〔2027〕8号")
    assert rule_ids(check_document(good)) == []


# ---------------------------------------------------------------- structure in a Document


def test_standalone_heading_ending_in_full_stop():
    doc = one_paragraph("各学校要落实。")
    doc.sections.append(Section("加强组织领导。", run_in=False, paragraphs=["成立领导小组。"]))
    assert rule_ids(check_document(doc)) == ["HEAD-PUNCT"]
    doc.sections[-1].run_in = True  # a level-1 heading is never run in (一、 stands alone)
    found = check_document(doc)
    assert rule_ids(found) == ["HEAD-PUNCT"] and "一级标题" in found[0].message
    inner = doc.sections.pop()
    doc.sections[-1].sections.append(inner)  # the same run-in heading at level 2 is right
    assert rule_ids(check_document(doc)) == []


def test_fix_makes_a_run_in_level_one_heading_stand_alone():
    text = "---\nkind: plan\n---\n\n# 标题\n\n## 加强组织领导。\n\n成立领导小组。\n"
    doc = read_draft(text)
    found = check_document(doc, source_lines=text.split("\n"), rules=["HEAD-PUNCT"])
    fixed, count = fix_text(text, found)
    assert count == 1 and "## 加强组织领导\n" in fixed
    again = read_draft(fixed)
    assert (
        rule_ids(check_document(again, source_lines=fixed.split("\n"), rules=["HEAD-PUNCT"])) == []
    )


def test_title_ending_in_full_stop():
    doc = one_paragraph("各学校要落实。")
    doc.title += "。"
    assert rule_ids(check_document(doc)) == ["HEAD-PUNCT"]


def test_run_in_heading_without_full_stop():
    doc = one_paragraph("各学校要落实。")
    doc.sections.append(Section("加强组织领导", run_in=True, paragraphs=["成立领导小组。"]))
    assert rule_ids(check_document(doc)) == ["HEAD-RUNIN"]
    doc.sections[-1].run_in = False
    assert rule_ids(check_document(doc)) == []


def test_empty_section():
    doc = one_paragraph("各学校要落实。")
    doc.sections.append(Section("工作措施"))
    assert rule_ids(check_document(doc)) == ["SECT-EMPTY"]
    doc.sections[-1].paragraphs.append("加强督导。")
    assert rule_ids(check_document(doc)) == []


def test_truncated_document():
    doc = one_paragraph("各学校要加强制度建设，")
    assert rule_ids(check_document(doc)) == ["DOC-TRUNCATED"]
    assert rule_ids(check_document(one_paragraph("各学校要加强制度建设。"))) == []


def test_typed_paragraph_labels_in_a_document():
    doc = one_paragraph("各学校要落实。")
    doc.sections[0].sections = [
        Section("总体要求", paragraphs=["1、明确目标。", "3.细化措施。"]),
    ]
    found = check_document(doc)
    assert sorted(rule_ids(found)) == ["NUM-LABEL", "NUM-SKIP"]
    doc.sections[0].sections[0].paragraphs = ["1.明确目标。", "2.细化措施。"]
    assert rule_ids(check_document(doc)) == []


# ---------------------------------------------------------------- raw .txt: labels as typed


def txt(tmp_path: Path, body: str, name: str = "doc.txt") -> list:
    path = tmp_path / name
    path.write_text("教育局关于开展读书活动的实施方案\n\n" + body, encoding="utf-8")
    return check_path(path)


GOOD_OUTLINE = (
    "一、总体要求\n\n全面提升教师素养。\n\n（一）明确目标\n\n到年底完成培训。\n\n"
    "1.加强学习。认真组织。\n\n2.强化考核。认真组织。\n\n（二）落实责任\n\n各学校要负责。\n\n"
    "二、工作措施\n\n加强督导。\n"
)

TXT_CASES = [
    ("NUM-REPEAT", GOOD_OUTLINE.replace("二、工作措施", "一、工作措施")),
    ("NUM-REPEAT", GOOD_OUTLINE.replace("2.强化考核", "1.强化考核")),
    ("NUM-SKIP", GOOD_OUTLINE.replace("（二）落实责任", "（三）落实责任")),
    ("NUM-SKIP", GOOD_OUTLINE.replace("1.加强学习", "2.加强学习").replace("2.强化", "3.强化")),
    (
        "NUM-LEVEL",
        GOOD_OUTLINE.replace("（二）落实责任", "1.落实责任")
        .replace("（一）明确目标", "1.明确目标")
        .replace("1.加强学习", "（一）加强学习")
        .replace("2.强化考核", "（二）强化考核"),
    ),
    ("NUM-LEVEL-SKIP", GOOD_OUTLINE.replace("（一）明确目标\n\n到年底完成培训。\n\n", "")),
    ("NUM-LABEL", GOOD_OUTLINE.replace("1.加强学习", "1、加强学习")),
    ("NUM-LABEL", GOOD_OUTLINE.replace("（一）明确目标", "(一)明确目标")),
    ("NUM-LABEL", GOOD_OUTLINE.replace("（一）明确目标", "（一）、明确目标")),
    ("NUM-LABEL", GOOD_OUTLINE.replace("二、工作措施", "二.工作措施")),
    ("HEAD-PUNCT", GOOD_OUTLINE.replace("二、工作措施", "二、工作措施。")),
    (
        "SECT-EMPTY",
        GOOD_OUTLINE.replace("全面提升教师素养。\n\n", "")
        .replace("（一）明确目标\n\n到年底完成培训。\n\n", "（一）明确目标\n\n")
        .replace("1.加强学习。认真组织。\n\n2.强化考核。认真组织。\n\n", ""),
    ),
    ("DOC-TRUNCATED", GOOD_OUTLINE + "\n三、加强制度建设，\n\n[1][2]下一页\n"),
]


def test_txt_good_outline_is_clean(tmp_path):
    assert [str(f) for f in txt(tmp_path, GOOD_OUTLINE)] == []


@pytest.mark.parametrize(("rule", "body"), TXT_CASES)
def test_txt_structure_rule(tmp_path, rule, body):
    found = txt(tmp_path, body)
    assert rule in rule_ids(found), [str(f) for f in found]


def test_txt_line_numbers_and_label_fix(tmp_path):
    found = txt(tmp_path, GOOD_OUTLINE.replace("1.加强学习", "1、加强学习"))
    (finding,) = found
    assert finding.line == 11 and finding.rule == "NUM-LABEL"
    (fix,) = finding.fixes
    line = (tmp_path / "doc.txt").read_text(encoding="utf-8").split("\n")[10]
    assert line[fix.start : fix.end] == "1、" and fix.replacement == "1."


CLEAN_NOTICE = """岚溪县教育局关于做好2027年春季学期开学工作的通知

局属各学校（单位），各乡镇中心学校：

    为确保2027年春季学期开学工作平稳有序，现就有关事项通知如下：

    一、时间安排

    全县中小学于2027年2月24日（星期三）正式上课。各学校要在2月20日—23日完成返校准备工作。

    二、工作要求

    （一）加强安全排查。各学校要对校舍、消防、食堂等开展一次全面排查，发现隐患立即整改。

    （二）做好教材发放。确保“课前到书、人手一册”，严格执行《中小学教辅材料管理办法》。

    1.各学校要于2月22日上午9:30前报送开学准备情况；

    2.联系人：韩雪，电话：0123-4567890，邮箱：lxjyj@example.com。

    （三）落实“双减”要求。开展STEM教育和AI科普活动，课后服务参与率不低于85.5%。

    三、其他事项

    请于2027年2月26日前报送总结（网址：https://www.example.gov.cn/notice?id=8）。

    附件：1.开学工作检查表

          2.安全隐患排查台账

                                         岚溪县教育局
                                        2027年2月10日
"""


@pytest.mark.parametrize(("encoding", "newline"), [("utf-8", "\n"), ("gb18030", "\r\n")])
def test_a_clean_notice_brought_as_txt(tmp_path, encoding, newline):
    path = tmp_path / "notice.txt"
    path.write_bytes(CLEAN_NOTICE.replace("\n", newline).encode(encoding))
    assert [str(f) for f in check_path(path, region="岚溪县")] == []


def test_txt_truncated_only_by_a_page_bar(tmp_path):
    body = GOOD_OUTLINE + "\n[1][2]下一页\n"
    found = txt(tmp_path, body)
    assert [f.rule for f in found] == ["DOC-TRUNCATED", "LEFT-CLUTTER"]
    assert found[0].line == 21  # the last line of text, not the page bar


def test_txt_traditional_script(tmp_path):
    found = txt(
        tmp_path, "一、組織領導\n\n為切實開展好專項活動，加強組織領導，經局黨委研究決定。\n"
    )
    assert rule_ids(found) == ["SCRIPT-TRADITIONAL"]
    assert [
        str(f) for f in txt(tmp_path, "一、组织领导\n\n为切实开展好专项活动，加强组织领导。\n")
    ] == []


def test_txt_empty_leader_lines(tmp_path):
    found = txt(tmp_path, "一、组织领导\n\n成立领导小组：\n\n组长：\n\n副组长：李华\n")
    assert [(f.rule, f.line) for f in found] == [("LEFT-EMPTY-LEADER", 7)]


# ---------------------------------------------------------------- .docx layout via layout facts


def layout_findings(layout: dict) -> list[str]:
    from nigao.check import run_rules

    ctx = Context(path="a.docx", fmt="docx", units=[], layout=layout)
    return rule_ids(run_rules(ctx, rules=["LAYOUT-"]))


def test_layout_rules_compare_with_gbt9704_constants():
    from nigao import gbt9704 as std

    good = {
        "page_width": std.PAGE_WIDTH,
        "page_height": std.PAGE_HEIGHT,
        "margin_top": std.MARGIN_TOP,
        "margin_bottom": std.MARGIN_BOTTOM,
        "margin_left": std.MARGIN_LEFT,
        "margin_right": std.MARGIN_RIGHT,
        "line_pitch": std.LINE_PITCH,
        "body_first_line": std.FIRST_LINE_INDENT,
        "body_font": std.FONT_BODY,
        "body_size": std.BODY_SIZE,
        "heading_fonts": dict(std.HEADING_FONTS),
        "page_numbers": True,
        "page_number_text": "— 1 —",
    }
    assert layout_findings(good) == []
    assert layout_findings({**good, "margin_top": 1440}) == ["LAYOUT-PAGE"]
    assert layout_findings({**good, "line_pitch": 240}) == ["LAYOUT-GRID"]
    assert layout_findings({**good, "body_first_line": 0}) == ["LAYOUT-INDENT"]
    assert layout_findings({**good, "body_font": "宋体"}) == ["LAYOUT-FONT"]
    assert layout_findings({**good, "heading_fonts": {1: "宋体"}}) == ["LAYOUT-FONT"]
    assert layout_findings({**good, "page_numbers": False}) == ["LAYOUT-PAGENUM"]


# ---------------------------------------------------------------- the registry


def test_every_rule_has_a_function_severity_and_example():
    from nigao.check.registry import functions

    table = all_rules()
    assert set(table) == set(functions())
    for r in table.values():
        assert r.severity in ("error", "warning", "info")
        assert r.title and r.bad and r.good


def test_every_rule_is_exercised_by_a_test_here():
    covered = {rule for rule, _b, _g in PARAGRAPH_CASES} | {rule for rule, _ in TXT_CASES}
    covered |= {"HEAD-RUNIN", "SCRIPT-TRADITIONAL"}
    covered |= {r for r in all_rules() if r.startswith("LAYOUT-")}
    # what a skeleton leaves behind: positive and negative cases in tests/test_check_frame.py
    covered |= {"CONTENT-SUBJECT", "CONTENT-ORGAN", "CONTENT-TYPEWORD", "HEAD-SIBLINGS"}
    assert set(all_rules()) <= covered
