"""General rules on a page none of the rules were written for: clutter, outline, slots."""

from __future__ import annotations

from pathlib import Path

from nigao.ingest import ingest_folder, read_source

PAGE = """网站首页 | 工作动态 | 通知公告 | 政策法规
您现在的位置：首页 > 教育资讯 > 工作计划

青川县教育局2027年春季学期校园安全工作实施方案

发布日期：2027-02-20 浏览次数：1024 来源：青川县教育局
【字体：大 中 小】

各乡镇中心学校、县直各学校:
　　为深入贯彻落实党的二十大精神,坚持以习近平新时代中国特色社会主义思想为指导,切实做好春季学期校园安全工作,结合我县实际,特制定本方案。
一、工作目标
　　全县学校实现"零事故"目标,安全教育覆盖率达到100%,新建标准化食堂3所,投入资金85万元。
二、主要任务
　　（一）开展隐患排查。各学校要在3月10日前完成一次全面排查,重点检查红星小学、白河镇中心学校等12所寄宿制学校。
　　（二）加强宣传教育
　　1.开展安全教育周活动。由张三同志负责组织。
　　2.组织应急疏散演练。每学期不少于2次。
三、保障措施
　　成立领导小组,组长由王大明同志担任,副组长由李小华同志担任,成员为赵一、钱二、孙三。
青川县教育局
2027年2月20日
上一篇：关于做好寒假安全工作的通知
下一篇：青川县2026年教育工作总结
相关文章
· 青川县教育局召开安全工作会议
"""

SPECIFICS = [
    "青川",
    "红星",
    "白河",
    "张三",
    "王大明",
    "李小华",
    "赵一",
    "钱二",
    "85万元",
    "二十大",
    "习近平新时代",
    "2027",
    "3月10日",
    "100%",
]


def _page(tmp_path: Path) -> Path:
    folder = tmp_path / "往年材料"
    folder.mkdir()
    path = folder / "安全方案.txt"
    path.write_text(PAGE, encoding="gb18030")
    return path


def test_unseen_page_is_cleaned_and_outlined(tmp_path):
    result = read_source(_page(tmp_path))
    doc = result.document
    assert doc.title == "青川县教育局2027年春季学期校园安全工作实施方案"
    assert doc.kind == "plan"
    assert doc.recipients == "各乡镇中心学校、县直各学校："
    assert doc.signature == "青川县教育局" and doc.date == "2027年2月20日"
    assert len(result.removed) == 8 and result.removed[0].startswith("网站首页")
    assert result.removed[-1].startswith("·")
    assert [(d, s.heading, s.run_in, s.role) for d, s in doc.walk()] == [
        (1, "工作目标", False, "goals"),
        (1, "主要任务", False, "tasks"),
        (2, "开展隐患排查。", True, "tasks"),
        (2, "加强宣传教育", False, "tasks"),
        (3, "开展安全教育周活动。", True, "tasks"),
        (3, "组织应急疏散演练。", True, "tasks"),
        (1, "保障措施", False, "measures"),
    ]
    assert doc.sections[0].paragraphs[0].startswith("全县学校实现“零事故”目标，")


def test_unseen_page_skeletons_carry_no_specifics(tmp_path):
    page = _page(tmp_path)
    out = tmp_path / "我的模板"
    rows = ingest_folder(page.parent, out)
    assert rows[0].error is None and rows[0].skeletons == 4
    texts = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md.j2")
    }
    assert {rel.split("/")[0] for rel in texts} == {"preamble", "goals", "tasks", "measures"}
    joined = "\n".join(texts.values())
    for word in SPECIFICS:
        assert word not in joined, word
    assert "组长由{{ leaders.组长.names }}同志担任" in joined
    assert "坚持以{{ guidance.theory }}为指导" in joined
    assert "重点检查{{ facts.学校名单 }}等{{ facts.学校数 }}寄宿制学校" in joined
    assert "source: 往年材料/安全方案.txt" in joined
