"""nigao.readers: every format read by one `read`, used by ingest and check alike.

Whole saved pages (menu, breadcrumbs, a sidebar of dated links, the article, a footer) as
text and as .html, Markdown exports in .md and in .txt, and `--json` on errors.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from nigao.cli import cli
from nigao.ingest import read_source
from nigao.readers import read

TITLE = "丰源县教育局关于开展2026年春季学期校园安全隐患排查整治工作的实施方案"
ARTICLE = [
    TITLE,
    "各乡镇中心学校，县直各学校：",
    "为切实做好春季学期校园安全工作，有效防范和遏制各类安全事故发生，结合我县实际，制定本方案。",
    "一、工作目标",
    "通过集中排查整治，全面消除校舍、消防、食品、交通等方面的安全隐患，健全隐患排查长效机制，确保师生生命财产安全。",
    "二、排查内容",
    "（一）校舍安全。重点排查教学楼、宿舍楼、食堂等建筑有无裂缝、渗漏和危险部位，围墙、护栏是否牢固可靠。",
    "（二）消防安全。检查消防设施器材是否完好有效，疏散通道和安全出口是否畅通，电气线路是否老化。",
    "三、工作步骤",
    "各学校要在3月15日前完成自查，建立隐患台账，逐项明确整改责任人和整改时限，并将自查报告报县教育局安全股。",
    "四、工作要求",
    "各学校要高度重视，主要负责人亲自抓，分管负责人具体抓，确保排查不留死角、整改不留隐患，对工作不力的严肃追责。",
    "丰源县教育局",
    "2026年3月1日",
]
MENU = ["首页", "机构概况", "新闻动态", "通知公告", "政策法规", "办事指南", "互动交流"]
SIDEBAR = [
    "关于做好2026年寒假学生安全教育工作的通知[01-08]",
    "县教育局召开2026年全县教育工作会议[02-18]",
    "关于公布第二批县级示范课名单的通知[02-20]",
    "全县中小学开展消防应急疏散演练[02-25]",
    "关于印发春季学期教学工作要点的通知[02-26]",
]
FOOTER = [
    "上一篇：关于开展春季开学检查的通知",
    "主办单位：丰源县教育局 | 地址：丰源县城关镇人民路8号 | 电话：0123-4567890",
    "版权所有 © 丰源县教育局  备案号：X ICP备12345678号",
]


def _page_text() -> str:
    lines = [*MENU, "当前位置：首页 > 通知公告 > 正文", *SIDEBAR, "热点推荐", *ARTICLE, *FOOTER]
    return "\n".join(lines) + "\n"


def _page_html() -> str:
    menu = "".join(f'<li><a href="/c{i}.html">{m}</a></li>' for i, m in enumerate(MENU))
    side = "".join(
        f'<li><a href="/a{i}.html">{s[:-7]}</a><span>{s[-7:]}</span></li>'
        for i, s in enumerate(SIDEBAR)
    )
    body = "".join(f"<h2>{line}</h2>" if line == TITLE else f"<p>{line}</p>" for line in ARTICLE)
    foot = "".join(f"<p>{line}</p>" for line in FOOTER)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{TITLE}-通知公告-丰源县教育局</title>"
        "<style>body{font-size:14px}</style><script>var a = '一段脚本文字';</script></head>"
        f"<body><div class='top'><ul>{menu}</ul></div>"
        "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/t'>通知公告</a> &gt; 正文</div>"
        f"<div class='left'><h3>最新文章</h3><ul>{side}</ul></div>"
        f"<div class='main'>{body}</div><div class='foot'>{foot}</div>"
        "<script>document.write('统计代码');</script></body></html>"
    )


def _texts(result) -> list[str]:
    doc = result.document
    out = [doc.title, *doc.preamble, *doc.closing]
    for _depth, section in doc.walk():
        out += [section.heading, *section.paragraphs]
    return out


def _assert_article(result) -> None:
    doc = result.document
    assert doc.title == TITLE
    assert [s.heading for s in doc.sections] == ["工作目标", "排查内容", "工作步骤", "工作要求"]
    text = (
        "".join(_texts(result)) + (doc.recipients or "") + (doc.signature or "") + (doc.date or "")
    )
    for line in ARTICLE:
        if len(line) > 30:
            assert line[-20:] in text  # the article's sentences are all kept
    removed = "\n".join(result.removed)
    for line in [*MENU, *SIDEBAR]:
        assert line in removed or line[:-7] in removed  # what is left out is listed
        assert line not in text
    assert "版权所有" not in text and "主办单位" not in text


def test_whole_page_saved_as_text_gives_its_article(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(_page_text(), encoding="utf-8")
    _assert_article(read_source(path))


def test_saved_html_page_gives_its_article_scripts_and_menus_removed(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_page_html(), encoding="utf-8")
    result = read_source(path)
    _assert_article(result)
    assert any("脚本" in line for line in result.removed)
    assert "一段脚本文字" not in "".join(_texts(result))


def test_a_txt_that_is_html_is_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(_page_html().encode("gb18030"))
    assert read(path).fmt == "html"
    _assert_article(read_source(path))


def test_check_reads_a_page_through_the_same_reader(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(_page_html().replace("制定本方案。", "制定本方案."), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path), "--json"])
    items = json.loads(result.output)
    assert any(i["rule"] == "PUNCT-HALFWIDTH" for i in items), items
    assert all(i["line"] is None or i["line"] >= 1 for i in items)


MD_EXPORT = f"""# {TITLE}

各乡镇中心学校，县直各学校：

为切实做好春季学期校园安全工作，结合我县实际，制定本方案。

\\## 一、工作目标

全面消除各类安全隐患，确保师生生命财产安全。

\\## 二、主要措施

**（一）加强组织领导。**各学校要成立安全工作领导小组，由校长任组长。

**（二）落实责任。**层层签订安全责任书，做到[责任到人](http://example.com/a)。

| 阶段 | 时间 |
|---|---|
| 自查 | 3月15日前 |

\\## 三、工作要求

各学校要高度重视，确保工作落到实处。
"""


def _assert_markdown(result) -> None:
    doc = result.document
    assert doc.title == TITLE
    assert [s.heading for s in doc.sections] == ["工作目标", "主要措施", "工作要求"]
    measures = doc.sections[1].sections
    assert [s.heading for s in measures] == ["加强组织领导。", "落实责任。"]
    assert measures[1].paragraphs == [
        "层层签订安全责任书，做到责任到人。",
        "阶段 时间",
        "自查 3月15日前",
    ]
    assert not any("#" in t or "**" in t or "](" in t for t in _texts(result))


def test_markdown_export_in_md(tmp_path):
    path = tmp_path / "export.md"
    path.write_text(MD_EXPORT, encoding="utf-8")
    assert read(path).fmt == "markdown"
    _assert_markdown(read_source(path))


def test_markdown_export_pasted_into_a_txt(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(MD_EXPORT, encoding="utf-8")
    _assert_markdown(read_source(path))


def test_unlabelled_markdown_headings_get_their_depth(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        f"# {TITLE}\n\n## 工作目标\n\n消除隐患。\n\n## 主要措施\n\n### 加强领导\n\n成立小组。\n\n"
        "- 第一项要求\n- 第二项要求\n",
        encoding="utf-8",
    )
    doc = read_source(path).document
    assert doc.title == TITLE
    assert [s.heading for s in doc.sections] == ["工作目标", "主要措施"]
    assert doc.sections[1].sections[0].heading == "加强领导"
    assert doc.sections[1].sections[0].paragraphs == ["成立小组。", "第一项要求", "第二项要求"]


def test_nigao_draft_md_still_uses_the_exact_reader(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(
        "---\nkind: plan\n---\n\n# 标题\n\n## 一、保留序号\n\n正文。\n", encoding="utf-8"
    )
    source = read(path)
    assert source.fmt == "draft"
    assert source.document.sections[0].heading == "保留序号"


def test_ingest_json_describes_an_error_instead_of_an_empty_list(tmp_path):
    missing = tmp_path / "none.txt"
    result = CliRunner().invoke(cli, ["ingest", str(missing), "--json"])
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload["source"].endswith("none.txt") and "文件不存在" in payload["error"]
    good = tmp_path / "good.txt"
    good.write_text("\n".join(ARTICLE), encoding="utf-8")
    both = json.loads(CliRunner().invoke(cli, ["ingest", str(good), str(missing), "--json"]).stdout)
    assert [("error" in item, "title" in item) for item in both] == [(False, True), (True, False)]


def test_check_json_describes_an_unreadable_file(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "none.md"), "--json"])
    assert result.exit_code == 2
    (item,) = json.loads(result.stdout)
    assert item["rule"] == "READ-ERROR" and item["message"] == "文件不存在"


def test_a_page_whose_article_is_only_short_items_keeps_all_of_them(tmp_path):
    """A 工作要点 of short numbered items has no sentence lines to stand out: only the menu,
    breadcrumbs and link list go, every item stays."""
    items = [
        "一、加强党的建设", "1.深入学习贯彻党的二十大精神", "2.加强基层党组织建设",
        "二、推进教育优质均衡", "3.实施学前教育提升工程", "4.推进义务教育集团化办学",
        "三、提高教育质量", "5.深化课堂教学改革", "6.加强教师队伍建设",
    ]  # fmt: skip
    page = [
        *MENU,
        "当前位置：首页 > 通知公告 > 正文",
        *SIDEBAR,
        "丰源县教育局2026年工作要点",
        *items,
    ]
    path = tmp_path / "要点.txt"
    path.write_text("\n".join(page) + "\n", encoding="utf-8")
    result = read_source(path)
    assert result.document.title == "丰源县教育局2026年工作要点"
    headings = [s.heading for _d, s in result.document.walk()]
    assert headings == [item.split("、", 1)[-1].split(".", 1)[-1] for item in items]
    assert all(line in "\n".join(result.removed) for line in [*MENU, *SIDEBAR])


def test_a_single_file_web_page_mht_is_read_as_its_html(tmp_path):
    """IE's and Word's "single file web page": MIME, the HTML quoted-printable in GB18030."""
    import quopri

    body = quopri.encodestring(_page_html().replace("utf-8", "gb18030").encode("gb18030")).decode()
    mht = (
        "From: <Saved by Windows Internet Explorer 8>\r\nSubject: page\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----=_NextPart_000"\r\n'
        "\r\nThis is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000\r\n"
        'Content-Type: text/html;\r\n\tcharset="gb18030"\r\nContent-Transfer-Encoding: quoted-printable\r\n'
        f"\r\n{body}\r\n------=_NextPart_000--\r\n"
    )
    path = tmp_path / "页面.mht"
    path.write_bytes(mht.encode("ascii"))
    assert read(path).fmt == "html"
    _assert_article(read_source(path))
