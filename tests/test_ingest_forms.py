"""Title, kind, roles, heading forms, clutter and 'nothing lost' on small pages of our own.

Each input is written for the rule it exercises (not copied from a corpus document): a page
as a drafter would paste it, and what a drafter expects ingest to make of it.
"""

from __future__ import annotations

import pytest

from nigao.ingest.classify import score_roles, title_kind
from nigao.ingest.reader import text_result


def _read(text: str):
    return text_result(text, "样例.txt")


def _headings(result, depth: int = 1) -> list[str]:
    return [s.heading for d, s in result.document.walk() if d == depth]


PAGE = """党政办
校园安全
点击数：
（次）
【大 中 小】【打印】【关闭】
索引号：11510000MB1234567X/2024-00012
岚溪县教育局关于印发
2027年教育工作要点的通知
岚教发〔2027〕1号
各学校：
现将《2027年教育工作要点》印发给你们，请认真贯彻落实。本文来自http://www.example.com/a.html
目录
一、指导思想……1
二、目标定位……2
三、重点任务……3
一、指导思想
坚持立德树人，推进教育现（xiàn）代化。
二、目标定位
到2028年，全县义务教育优质均衡发展。
三、重点任务
1．队伍建设工程：深化改革促发展
加强教师队伍建设。
四、组织保障
各校要成立领导小组。
下面是小编为大家整理的教育工作要点，仅供参考。
分享到：
"""


def test_page_title_is_the_documents_own_two_line_title():
    result = _read(PAGE)
    assert result.document.title == "岚溪县教育局关于印发2027年教育工作要点的通知"
    assert result.document.kind == "plan"
    # Site labels, breadcrumb fragments and counters are removed, the title lines are not.
    assert {"党政办", "校园安全", "（次）"} <= set(result.removed)
    assert not any("关于印发" in line for line in result.removed)


def test_page_clutter_goes_with_its_rule_and_text_stays():
    result = _read(PAGE)
    rules = dict(zip(result.removed, result.to_json()["removed_rules"], strict=True))
    assert rules["【大 中 小】【打印】【关闭】"] and rules["分享到："]
    assert rules["索引号：11510000MB1234567X/2024-00012"] == "政务公开信息"
    assert rules["本文来自http://www.example.com/a.html"] == "来源网址"
    assert rules["（xiàn）"] == "拼音注音"
    assert rules["一、指导思想……1"] == "目录"
    assert all(result.to_json()["removed_rules"]), "every removed piece names its rule"
    doc = result.document
    assert doc.preamble == ["现将《2027年教育工作要点》印发给你们，请认真贯彻落实。"]
    assert doc.sections[0].paragraphs == ["坚持立德树人，推进教育现代化。"]
    assert result.to_json()["metadata"]["doc_number"] == "岚教发〔2027〕1号"


def test_table_of_contents_is_removed_and_the_body_headings_stay():
    result = _read(PAGE)
    assert _headings(result) == ["指导思想", "目标定位", "重点任务", "组织保障"]
    assert [s.role for s in result.document.sections] == [
        "guiding_ideas",
        "goals",
        "tasks",
        "organization",
    ]


def test_colon_subtitle_heading_is_kept_whole():
    result = _read(PAGE)
    task = result.document.sections[2].sections[0]
    assert task.heading == "队伍建设工程：深化改革促发展" and not task.run_in
    assert task.paragraphs == ["加强教师队伍建设。"]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("岚溪县教育局2027年工作要点", "plan"),
        ("岚溪中学三年发展规划（2027—2029年）", "plan"),
        ("关于推进集团化办学的实施意见", "plan"),
        ("2027年寒假工作安排", "plan"),
        ("关于印发《课后服务实施方案》的通知", "plan"),
        ("岚溪县教育局2026年工作总结", "summary"),
        ("2026年工作总结暨2027年工作计划", "plan"),
        ("在全县教育工作会议上的工作报告", "report"),
        ("校长述职报告", "report"),
        ("岚溪小学课后服务经验交流材料", "report"),
        ("义务教育优质均衡发展自评报告", "report"),
    ],
)
def test_kind_from_the_title_word_that_ends_it(title, kind):
    assert title_kind(title) == kind


def test_kind_from_the_structure_when_the_title_names_none():
    text = "岚溪中学的新学年\n一、指导思想\n坚持立德树人。\n二、工作目标\n办好教育。\n三、保障措施\n落实经费。\n"
    assert _read(text).document.kind == "plan"


@pytest.mark.parametrize(
    ("heading", "kind", "roles"),
    [
        ("目标定位", "plan", ["goals"]),
        ("责任主体和工作机制", "plan", ["organization"]),
        ("组织保障", "plan", ["organization"]),
        ("工作思路", "plan", ["guiding_ideas"]),
        ("工作思路", "summary", ["next_steps"]),
        ("存在的困难", "summary", ["problems"]),
        ("短板和不足", "summary", ["problems"]),
        ("存在问题及下一步打算", "summary", ["problems", "next_steps"]),
        ("组织领导与保障措施", "plan", ["organization", "measures"]),
        ("主要成效与经验", "summary", ["results", "experience"]),
        # an action sentence is not a role name: its stems do not count
        ("坚持边议边改，解决群众反映的突出问题", "summary", []),
    ],
)
def test_roles_from_the_meaning_of_the_heading(heading, kind, roles):
    assert score_roles(heading, kind) == roles


def test_two_roles_in_json_keep_role_first():
    text = "岚溪小学2026年工作总结\n一、主要做法\n抓好教学。\n二、存在问题及下一步打算\n师资不足，明年补充。\n"
    sections = _read(text).to_json()["sections"]
    assert sections[1]["role"] == "problems"
    assert sections[1]["roles"] == ["problems", "next_steps"]
    assert sections[0]["roles"] == ["practices"]


def test_markdown_export_in_a_text_file():
    text = "# 岚溪小学2027年工作计划\n\\## 一、指导思想\n坚持立德树人。\n\\## 二、主要任务\n### （一）抓教学\n提高质量。\n"
    result = _read(text)
    assert result.document.title == "岚溪小学2027年工作计划"
    assert _headings(result) == ["指导思想", "主要任务"]
    assert _headings(result, 2) == ["抓教学"]


def test_other_heading_forms():
    text = (
        "岚溪县教育发展规划\n第一部分 发展基础\n全县有学校40所。\n"
        "一\n总体要求\n坚持优先发展。\n六．存在的困难\n经费紧张。\n"
        "第二部分 保障措施\n加强领导。\n"
    )
    result = _read(text)
    assert _headings(result) == ["发展基础", "保障措施"]
    assert _headings(result, 2) == ["总体要求", "存在的困难"]


def test_soft_line_breaks_inside_a_sentence_are_joined():
    text = (
        "岚溪小学2027年工作计划\n一、指导思想\n坚持以立德树人为根本任务，全面贯彻党的教育\n"
        "方针，办好人民满意的教育。\n"
    )
    paragraphs = _read(text).document.sections[0].paragraphs
    assert paragraphs == ["坚持以立德树人为根本任务，全面贯彻党的教育方针，办好人民满意的教育。"]


def test_flattened_text_is_split_back_into_its_outline():
    text = (
        "岚溪小学2027年工作计划\n一、指导思想 坚持立德树人，办好教育。二、工作目标 到2028年，建成优质学校。"
        "三、主要任务 （一）加强队伍建设。培训教师。（二）深化课程改革。推进新课标。\n"
    )
    result = _read(text)
    assert _headings(result) == ["指导思想", "工作目标", "主要任务"]
    assert _headings(result, 2) == ["加强队伍建设。", "深化课程改革。"]


def test_excerpt_ending_mid_sentence_is_truncated():
    text = (
        "岚溪小学2026年工作总结\n一、主要做法\n我们坚持立德树人，狠抓教学质量，全面推进素质教育，"
    )
    result = _read(text)
    assert result.truncated and any("句子中间" in w for w in result.warnings)
    whole = _read(text.rstrip("，") + "。\n二、存在问题\n师资不足。")
    assert not whole.truncated


def test_an_excerpt_with_only_its_first_part_is_truncated():
    text = "岚溪小学2026年工作总结\n一、工作开展情况\n（一）抓教学。成绩稳步提高。\n（二）抓安全。全年无事故。\n"
    result = _read(text)
    assert result.truncated and any("只有一个一级标题" in w for w in result.warnings)


def test_a_saved_document_ending_on_a_list_item_is_whole():
    text = "岚溪小学教师个人发展规划\n一、目标\n成为骨干教师。\n二、措施\n读书，每月一本；听课，每周两节，坚持反思"
    assert _read(text).truncated  # copied from a page: it may stop anywhere
    assert not text_result(text, "规划.docx", whole_file=True).truncated


def test_speech_keeps_speaker_date_and_salutation():
    text = (
        "凝心聚力推进教育高质量发展\n——在全县2027年教育工作会议上的讲话\n岚溪县教育局局长 王明\n"
        "（2027年2月20日）\n各位领导、各位代表：\n现在，我代表县教育局作工作报告，请予审议。\n"
        "一、过去一年的工作回顾\n全县教育事业稳步发展。\n"
    )
    result = _read(text)
    data = result.to_json()
    assert data["title"] == "凝心聚力推进教育高质量发展——在全县2027年教育工作会议上的讲话"
    assert data["kind"] == "report"
    assert data["metadata"]["author"] == "岚溪县教育局局长 王明"
    assert data["metadata"]["date"] == "（2027年2月20日）"
    assert data["recipients"] == "各位领导、各位代表："
    assert data["removed"] == []


def test_title_glued_to_the_text_is_split_off():
    text = (
        "岚溪县教育局2026年工作总结2026年，在县委、县政府的正确领导下，全县教育系统"
        "坚持立德树人，圆满完成全年各项工作任务。一、强化素质教育，全面实施课程改革。"
        "一是德育活动有声有色。二、推进均衡发展，改善办学条件。新建学校3所。"
    )
    result = _read(text)
    assert result.document.title == "岚溪县教育局2026年工作总结"
    assert result.document.kind == "summary"
    assert _headings(result) == ["强化素质教育，全面实施课程改革。", "推进均衡发展，改善办学条件。"]


def test_symbol_and_half_bracket_labels():
    text = (
        "岚溪小学2027年工作计划\n一、主要任务\n⒈抓教学\n提高质量。\n⑴备课\n集体备课。\n"
        "⒉抓德育\n1）开展主题班会。\n2）评选文明班级。\n二、保障措施\n落实经费。\n"
    )
    result = _read(text)
    assert _headings(result) == ["主要任务", "保障措施"]
    assert _headings(result, 2) == ["抓教学", "抓德育"]
    assert _headings(result, 3) == ["备课", "开展主题班会。", "评选文明班级。"]


def test_title_from_the_breadcrumb_when_the_article_shows_none():
    text = (
        "当前位置：首页 > 工作计划 > 岚溪小学2027年德育工作计划\n发布时间：2027-02-01\n"
        "为加强学校德育工作，结合我校实际，特制定本计划。\n一、指导思想\n坚持立德树人。\n"
    )
    result = _read(text)
    assert result.document.title == "岚溪小学2027年德育工作计划"
    assert result.document.kind == "plan"


@pytest.mark.parametrize(
    "line",
    [
        "《岚溪小学2027年德育工作计划》",
        "岚溪小学2027年德育工作计划 - 某某范文网",
        "岚溪小学2027年德育工作计划_文库",
        "岚溪小学2027年德育工作计划 2027-02-01",
    ],
)
def test_title_without_site_name_or_book_marks(line):
    result = _read(line + "\n一、指导思想\n坚持立德树人。\n")
    assert result.document.title == "岚溪小学2027年德育工作计划"


def test_an_untitled_speech_is_a_report():
    text = (
        "德育工作要从小事做起\n尊敬的各位领导、各位同仁：\n大家好！下面我就我校德育工作谈几点做法。\n"
        "一、抓好养成教育\n从入学第一天起抓起。\n"
    )
    assert _read(text).document.kind == "report"


def test_a_channel_name_gives_way_to_the_fuller_title():
    text = (
        "首页 > 工作计划 > 德育工作计划\n岚溪小学2027年德育工作计划\n德育工作计划\n"
        "一、指导思想\n坚持立德树人。\n"
    )
    assert _read(text).document.title == "岚溪小学2027年德育工作计划"


def test_numeral_and_space_label_from_pdf_text():
    text = "岚溪小学2027年工作计划\n一 指导思想\n坚持立德树人。\n二 主要任务\n抓好教学。\n"
    assert _headings(_read(text)) == ["指导思想", "主要任务"]


def test_school_site_bylines_and_bars_are_clutter():
    text = (
        "岚溪小学2027年德育工作计划\n供稿：德育处 审核：王明\n阅读：128次\n[打印本页] [关闭窗口]\n"
        "一、指导思想\n坚持立德树人。\n"
    )
    result = _read(text)
    assert result.removed == ["供稿：德育处 审核：王明", "阅读：128次", "[打印本页] [关闭窗口]"]
    assert result.document.sections[0].paragraphs == ["坚持立德树人。"]


def test_headings_glued_to_their_text_are_split_off():
    # flattened PDF text: each heading ran into its first sentence when the line breaks went
    text = (
        "岚溪中学2027年体育工作计划\n"
        "一、工作目标全校学生体质健康合格率达到95%以上，优秀率逐年提高。"
        "二、健全制度，落实责任我校成立体育工作领导小组，校长任组长，每月专题研究一次。"
        "三、体育课程的实施途径今年，各年级每天安排一节体育课，保证活动一小时。\n"
    )
    result = _read(text)
    assert _headings(result) == ["工作目标", "健全制度，落实责任", "体育课程的实施途径"]
    first = result.document.sections[0]
    assert first.paragraphs == ["全校学生体质健康合格率达到95%以上，优秀率逐年提高。"]
    assert not first.run_in


@pytest.mark.parametrize(
    "line",
    [
        "一、学校成立安全工作领导小组，校长任组长，分管副校长任副组长。",  # a sentence item
        "一、坚持立德树人根本任务全面提升学生综合素质",  # a long heading, no text after it
        "一、指导思想",
        "一、加强队伍建设。全面提升教师素质，建设一支高水平队伍。",
    ],
)
def test_headings_not_glued_stay_whole(line):
    result = _read("岚溪中学2027年工作计划\n" + line + "\n二、保障措施\n加强领导。\n")
    heading = result.document.sections[0].heading
    assert line[2:].startswith(heading.rstrip("。"))
    assert len(heading) >= 4 and heading not in ("学校成立安全工作领导", "坚持立德树人根本任务")


def test_a_long_noun_phrase_heading_takes_the_role_of_its_head_word():
    assert score_roles("本校在课后服务推进中遇到的困难与短板", "report") == ["problems"]
    assert score_roles("学校近三年课堂教学改革的主要成效", "summary") == ["results"]
    assert score_roles("着力解决课后服务中的突出问题", "summary") == []  # a verb's object


def test_page_numbers_and_running_headers_of_pdf_text_are_clutter():
    text = (
        "岚溪县2027年教育督导工作要点\n"
        "一、加强督导队伍建设\n"
        "配齐专职督学，每校一名挂牌督学。\n"
        "— 2 —\n"
        "优质范文网-全程指导写作 独家原创 3 / 41\n"
        "二、开展专项督导\n"
        "重点督导课后服务和作业管理，全年开展两次，第2页，共5页每次形成督导报告。\n"
        "Page 3 of 5\n"
    )
    result = _read(text)
    kept = "".join(p for _d, s in result.document.walk() for p in s.paragraphs)
    assert "全年开展两次，每次形成督导报告。" in kept
    rules = dict(zip(result.removed, (r.rule for r in result.removed), strict=True))
    assert rules["—2—"] == "页码" and rules["Page 3 of 5"] == "页码"  # spaces normalised
    assert rules["优质范文网-全程指导写作 独家原创 3 / 41"] == "页码"
    assert "第2页，共5页" in rules


def test_document_site_banners_and_download_prompts_are_clutter():
    text = (
        "专业资料——值得下载岚溪小学2027年读书节活动方案\n"
        "为营造书香校园，特制定本方案。\n"
        "一、活动时间\n4月至5月。\n"
        "二、活动内容\n开展好书推荐、读书征文活动。\n"
        "下载文档到电脑，查找使用更方便\n"
        "还剩 4 页未读，继续阅读\n"
    )
    result = _read(text)
    assert result.document.title == "岚溪小学2027年读书节活动方案"
    assert result.truncated  # the rest of the document is behind the download prompt
    assert "还剩 4 页未读，继续阅读" in result.removed
    assert result.document.sections[-1].paragraphs == ["开展好书推荐、读书征文活动。"]


def test_version_record_at_the_end_is_metadata():
    text = (
        "岚溪县教育局关于做好2027年春季开学工作的通知\n各中小学：\n现就有关事项通知如下。\n"
        "一、做好安全排查\n开学前完成隐患排查。\n二、做好教材发放\n确保课前到书。\n"
        "岚溪县教育局\n2027年2月10日\n抄送：县政府办，县安委办。\n岚溪县教育局办公室 2027年2月10日印发\n"
    )
    doc = _read(text).document
    assert (doc.signature, doc.date) == ("岚溪县教育局", "2027年2月10日")
    assert doc.cc == "县政府办，县安委办。"
    assert (doc.printer, doc.print_date) == ("岚溪县教育局办公室", "2027年2月10日")
    assert doc.sections[-1].paragraphs == ["确保课前到书。"]


def test_title_over_two_lines_broken_after_its_school_year():
    text = (
        "岚溪县第三中学2026—2027学年度第一学期\n德育工作总结\n"
        "本学期我校德育工作扎实有效。\n一、主要做法\n开展主题班会。\n二、存在问题\n家校沟通不够。\n"
        "岚溪县第三中学政教处\n2027年1月15日\n"
    )
    result = _read(text)
    assert result.document.title == "岚溪县第三中学2026—2027学年度第一学期德育工作总结"
    assert result.document.signature == "岚溪县第三中学政教处"


def test_a_whole_document_flattened_with_its_cover_gives_the_inner_title():
    text = (
        "岚溪中学三年发展规划（2027—2029）岚溪中学2027年3月岚溪中学三年发展规划（2027年—2029年）"
        "一、发展基础学校创办于1958年，现有教学班24个，学生1100人。"
        "二、发展目标到2029年，建成市级示范性高中，教学质量位居全市前列。\n"
    )
    result = _read(text)
    assert result.document.title == "岚溪中学三年发展规划（2027年—2029年）"
    assert _headings(result) == ["发展基础", "发展目标"]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("岚溪县第七小学2027年禁毒教育活动方案_岚溪县第七小学", "岚溪县第七小学2027年禁毒教育活动方案"),
        ("岚溪县第七小学2027年禁毒教育活动方案 | 岚溪教育网", "岚溪县第七小学2027年禁毒教育活动方案"),
        ("【活动方案】岚溪县第七小学2027年禁毒教育活动方案", "岚溪县第七小学2027年禁毒教育活动方案"),
        ("岚溪县第七小学2027年禁毒教育活动方案（定稿）", "岚溪县第七小学2027年禁毒教育活动方案"),
        ("岚溪县第七小学2027年禁毒教育活动方案.doc_第2页", "岚溪县第七小学2027年禁毒教育活动方案"),
        # a year range and a subtitle are the title's own
        ("岚溪县第七小学2026-2027学年工作计划", "岚溪县第七小学2026-2027学年工作计划"),
    ],
)
def test_title_without_what_a_site_or_a_file_name_adds(line, title):
    from nigao.ingest.clutter import title_text

    assert title_text(line) == title


def test_a_sidebar_of_other_titles_above_the_article_is_not_its_title():
    text = (
        "热门文章\n"
        "岚溪县第八小学2027年春季运动会活动方案\n"
        "岚溪县第八小学2026年秋季学期工作总结\n"
        "岚溪县第八小学关于开展防溺水教育的通知\n"
        "让每一个孩子都站在舞台中央\n"
        "发布时间：2027-05-12 作者：校办\n"
        "近几年，我校坚持以艺术教育为突破口，为每个孩子搭建展示的舞台，形成了鲜明的办学特色。\n"
        "一、搭建展示平台\n学校每学期举办一次艺术节。\n"
        "二、取得的成效\n学生在省市比赛中获奖86人次。\n"
    )
    result = _read(text)
    assert result.document.title == "让每一个孩子都站在舞台中央"
    assert result.document.kind != "plan"  # the sidebar's 活动方案 is another document's
    rules = {str(piece): piece.rule for piece in result.removed}
    assert rules["岚溪县第八小学2027年春季运动会活动方案"] == "链接列表"
    assert _headings(result) == ["搭建展示平台", "取得的成效"]


@pytest.mark.parametrize(
    "first",
    [
        "岚溪县第九小学2027年秋季学期工作总结 发布时间：2027-12-30 浏览：126次",
        "岚溪县第九小学2027年秋季学期工作总结 作者：校办 时间：2027-12-30",
    ],
)
def test_title_on_one_line_with_the_posts_fields(first):
    text = first + "\n本学期，我校全面落实立德树人根本任务，各项工作稳步推进，现总结如下。\n一、主要工作\n开展教研活动。\n二、存在问题\n作业设计质量不高。\n"
    result = _read(text)
    assert result.document.title == "岚溪县第九小学2027年秋季学期工作总结"


def test_capital_numerals_rank_above_the_plain_ones():
    # a Taiwan school plan: 壹、貳、參 over 一、 over （一）
    text = (
        "嵐溪國小一一四學年度校務發展計畫\n壹、計畫目標\n一、提升學生學習成效。\n二、建立友善校園。\n"
        "貳、實施策略\n一、推動閱讀教育。\n（一）每週晨讀三次。\n參、經費來源\n由學校年度預算支應。\n"
    )
    result = _read(text)
    assert _headings(result) == ["计划目标", "实施策略", "经费来源"]
    assert _headings(result, 2)[:2] == ["提升学生学习成效。", "建立友善校园。"]
    assert _headings(result, 3) == ["每周晨读三次。"]


def test_a_sites_own_name_repeated_in_its_welcome_is_not_the_title():
    text = (
        "岚溪县教育资源网\n欢迎访问岚溪县教育资源网！\n教研动态\n"
        "深耕课堂 让每一节课都有生长\n2027-05-06 10:30\n"
        "今年以来，我县以课堂教学改革为抓手，推动教学质量整体提升，取得了阶段性成效。\n"
        "一、健全教研机制\n建立县、片、校三级教研网络。\n二、打磨精品课例\n评选优质课60节。\n"
    )
    result = _read(text)
    assert result.document.title == "深耕课堂 让每一节课都有生长"
    assert result.metadata["date"] == "2027-05-06 10:30"
    assert "欢迎访问岚溪县教育资源网！" in result.removed
    assert result.document.preamble[0].startswith("今年以来")


def test_a_long_speech_title_with_commas_is_a_title_not_prose():
    text = (
        "守正创新，笃行实干，奋力开创岚溪教育高质量发展新局面——在2028年全县教育工作会议上的讲话\n"
        "岚溪县教育局局长 周平\n同志们：\n今天召开全县教育工作会议，主要任务是总结工作、部署任务。\n"
        "一、2027年工作回顾\n全县教育事业稳步发展。\n二、2028年重点工作\n推进学前教育普惠发展。\n"
    )
    result = _read(text)
    assert result.document.title.startswith("守正创新，笃行实干") and result.document.title.endswith("讲话")
    assert result.document.recipients == "同志们："
    assert result.metadata["author"] == "岚溪县教育局局长 周平"
    assert result.document.kind == "report"


def test_a_channel_name_that_repeats_does_not_beat_the_article_title():
    text = (
        "首页 > 计划总结 > 正文\n计划总结\n岚溪县第十一小学2027年秋季学期卫生工作安排\n"
        "为做好本学期学校卫生工作，结合实际，现将有关安排如下。\n一、指导思想\n预防为主。\n二、主要工作\n开展晨午检。\n"
    )
    assert _read(text).document.title == "岚溪县第十一小学2027年秋季学期卫生工作安排"
