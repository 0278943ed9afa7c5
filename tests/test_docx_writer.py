"""Read-back tests of the GB/T 9704 .docx writer: every layout number, as Word would see it."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from lxml import etree

from conftest import tool
from nigao import gbt9704 as G
from nigao.docx_writer import write_docx
from nigao.model import Appendix, Document, Section
from nigao.typeset import _title_units, date_indents, text_width, title_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}

# Plausible body sentences of a county education-bureau plan.
SENTENCES = [
    "各学校要把这项工作摆在突出位置，主要负责同志亲自抓，分管负责同志具体抓，确保各项任务落到实处。",
    "要坚持问题导向，聚焦群众反映强烈的突出问题，建立问题清单、任务清单和责任清单，逐项推动解决。",
    "县教育局将适时组织督导检查，对工作推进不力、措施落实不到位的单位予以通报，并纳入年度目标考核。",
    "充分利用校园广播、宣传栏、家长会和微信公众号等渠道，广泛宣传活动的意义和要求，营造浓厚氛围。",
    "各学校要结合实际制定具体实施方案，明确时间表和路线图，于2027年3月15日前报县教育局办公室备案。",
    "坚持以立德树人为根本任务，围绕教师队伍建设和课堂教学改革两条主线，推动全县教育高质量发展。",
    "深入开展师德师风专题教育，引导广大教师爱岗敬业、潜心育人，争做新时代“四有”好老师。",
]
TOP_HEADINGS = ["指导思想", "工作目标", "主要任务", "实施步骤", "保障措施"]


def sample_document(head: bool = False, sections: int = 5) -> Document:
    """A plan of about seven pages: headings at all four depths, run-in ones, a marker."""
    counter = iter(range(10_000))

    def paragraph(n: int = 3) -> str:
        i = next(counter)
        return "".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(n))

    tops = []
    for a in range(sections):
        seconds = []
        for b in range(2):
            thirds = [
                Section(
                    "完善工作机制。" if c == 0 else "落实工作责任",
                    paragraphs=[paragraph(2)],
                    run_in=c == 0,
                    sections=[Section("明确责任分工", paragraphs=[paragraph(1)])] if c else [],
                )
                for c in range(2)
            ]
            seconds.append(
                Section(
                    "加强组织领导。" if b == 0 else "强化督促检查",
                    paragraphs=[paragraph(2), paragraph(3)],
                    run_in=b == 0,
                    sections=thirds,
                )
            )
        tops.append(Section(TOP_HEADINGS[a % 5], paragraphs=[paragraph(3)], sections=seconds))
    doc = Document(
        title="青川县教育局关于开展“强师兴校”大讨论活动的实施方案",
        recipients="局属各学校（单位）",
        preamble=[paragraph(3) + "活动自【待填：活动开始日期】开始。"],
        sections=tops,
        closing=["请各学校认真贯彻落实。"],
        attachments=["“强师兴校”大讨论活动领导小组成员名单", "活动安排表"],
        signature="青川县教育局",
        date="2027年3月1日",
        author="青川县教育局",
    )
    if head:
        doc.doc_number = "青教发〔2027〕8号"
        doc.issuer_mark = "青川县教育局文件"
        doc.cc = "县委办，县政府办"
        doc.printer = "青川县教育局办公室"
        doc.print_date = "2027年3月1日"
    return doc


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return {
            n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith((".xml", ".rels"))
        }


@pytest.fixture(scope="module")
def plain() -> bytes:
    return write_docx(sample_document())


@pytest.fixture(scope="module")
def full() -> bytes:
    return write_docx(sample_document(head=True))


def style(x: dict[str, etree._Element], sid: str) -> etree._Element:
    found = x["word/styles.xml"].find(f"w:style[@w:styleId='{sid}']", NS)
    assert found is not None, sid
    return found


def attr(el: etree._Element | None, path: str, name: str) -> str | None:
    node = el.find(path, NS) if el is not None else None
    return None if node is None else node.get(W + name)


def test_page_size_margins_and_grid(plain: bytes) -> None:
    import docx
    from docx.shared import Mm

    section = docx.Document(BytesIO(plain)).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    assert abs(section.bottom_margin - Mm(35)) < Mm(0.1)
    assert abs(section.left_margin - Mm(28)) < Mm(0.1)
    assert abs(section.right_margin - Mm(26)) < Mm(0.1)
    sect = parts(plain)["word/document.xml"].find(".//w:body/w:sectPr", NS)
    assert attr(sect, "w:pgSz", "w") == "11906" and attr(sect, "w:pgSz", "h") == "16838"
    assert attr(sect, "w:docGrid", "type") == "lines"
    assert attr(sect, "w:docGrid", "linePitch") == str(G.LINE_PITCH) == "579"
    assert attr(sect, "w:docGrid", "charSpace") is None  # linesAndChars breaks LibreOffice
    # schema order of the section properties
    tags = [etree.QName(c).localname for c in sect]
    assert tags == ["footerReference", "footerReference", "pgSz", "pgMar", "cols", "docGrid"]


def test_every_paragraph_has_exact_grid_spacing(plain: bytes) -> None:
    from nigao.docx_reader import layout_facts

    facts = layout_facts(plain)
    grid_ids = {sid for sid, _name in G.GRID_STYLES} | {"Normal"}
    paragraphs = facts["paragraphs"]
    assert len(paragraphs) > 80
    for p in paragraphs:
        assert p["style"] in grid_ids, p["text"]
        assert (p["line"], p["line_rule"], p["before"], p["after"]) == (579, "exact", 0, 0), p
    # ...and the styles say so themselves (one place for a drafter to restyle)
    x = parts(plain)
    for sid, _name in G.GRID_STYLES:
        sp = style(x, sid).find("w:pPr/w:spacing", NS)
        if sid == G.STYLE_CLOSING[0]:
            continue  # based on 公文正文
        assert sp is not None, sid
        assert sp.get(W + "line") == "579" and sp.get(W + "lineRule") == "exact"
        assert sp.get(W + "before") == "0" and sp.get(W + "after") == "0"


def test_every_16pt_run_is_compressed_and_uses_east_asian_fonts(plain: bytes) -> None:
    from nigao.docx_reader import layout_facts

    facts = layout_facts(plain)
    runs = [r for p in facts["paragraphs"] for r in p["runs"]]
    assert len(runs) > 80
    for run in runs:
        if run["size"] == G.BODY_SIZE:
            assert run["char_spacing"] == G.CHAR_SPACING == -5, run
        assert run["font_hint"] == "eastAsia"
        assert run["font_east_asia"] == run["font_ascii"] == run["font_hansi"] == run["font_cs"]
    x = parts(plain)
    for part in ("word/styles.xml", "word/document.xml"):
        text = etree.tostring(x[part], encoding="unicode")
        assert "Theme" not in re.sub(r"<w:(?!rFonts)[^>]*>", "", text)  # no *Theme font attrs
    for run in x["word/document.xml"].iter(W + "r"):
        assert attr(run, "w:rPr/w:rFonts", "hint") == "eastAsia"


@pytest.mark.parametrize(
    ("sid", "font", "size"),
    [
        (G.STYLE_BODY[0], "仿宋_GB2312", 32),
        (G.STYLE_TITLE[0], "方正小标宋简体", 44),
        (G.STYLE_HEADINGS[1][0], "黑体", 32),
        (G.STYLE_HEADINGS[2][0], "楷体_GB2312", 32),
        (G.STYLE_HEADINGS[3][0], "仿宋_GB2312", 32),
        (G.STYLE_HEADINGS[4][0], "仿宋_GB2312", 32),
        (G.STYLE_RUN_IN[1][0], "黑体", 32),
        (G.STYLE_RUN_IN[2][0], "楷体_GB2312", 32),
        (G.STYLE_PAGE_NUMBER[0], "宋体", 28),
        (G.STYLE_CC[0], "仿宋_GB2312", 28),
    ],
)
def test_fonts_and_sizes_per_role(plain: bytes, sid: str, font: str, size: int) -> None:
    st = style(parts(plain), sid)
    for a in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert attr(st, "w:rPr/w:rFonts", a) == font
    assert attr(st, "w:rPr/w:sz", "val") == str(size)
    assert attr(st, "w:rPr/w:b", "val") == "0"  # the standard asks for no bold


def test_indents_alignment_and_outline_levels(plain: bytes) -> None:
    x = parts(plain)
    assert attr(style(x, G.STYLE_BODY[0]), "w:pPr/w:ind", "firstLine") == "640"
    title = style(x, G.STYLE_TITLE[0])
    assert attr(title, "w:pPr/w:ind", "firstLine") == "0"
    assert attr(title, "w:pPr/w:jc", "val") == "center"
    assert attr(style(x, G.STYLE_RECIPIENTS[0]), "w:pPr/w:ind", "firstLine") == "0"
    for depth, (sid, name) in G.STYLE_HEADINGS.items():
        st = style(x, sid)
        assert attr(st, "w:pPr/w:outlineLvl", "val") == str(depth - 1)
        assert attr(st, "w:pPr/w:ind", "firstLine") == "640"
        assert attr(st, "w:name", "val") == name
    names = {attr(s, "w:name", "val") for s in x["word/styles.xml"].iter(W + "style")}
    assert {"公文正文", "公文标题", "一级标题", "二级标题", "三级标题", "四级标题"} <= names
    assert {"主送机关", "署名", "成文日期", "附件说明", "页码"} <= names


def test_headings_numbered_by_depth_and_run_in(plain: bytes) -> None:
    import docx

    d = docx.Document(BytesIO(plain))
    by_style: dict[str, list[str]] = {}
    for p in d.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["一级标题"][:3] == ["一、指导思想", "二、工作目标", "三、主要任务"]
    assert by_style["二级标题"][0] == "（二）强化督促检查"
    assert by_style["三级标题"][0] == "2.落实工作责任"
    assert by_style["四级标题"][0] == "（1）明确责任分工"
    # run-in: "（一）加强组织领导。" in 楷体 at the start of a body paragraph, rest in body font
    run_in = [p for p in d.paragraphs if p.runs and p.runs[0].style.name == "二级标题（段内）"]
    assert run_in, "no run-in heading"
    p = run_in[0]
    assert p.style.name == "公文正文"
    assert p.runs[0].text == "（一）加强组织领导。"
    assert p.runs[1].style.name == "Default Paragraph Font"
    assert p.runs[1].text.startswith(SENTENCES[0][:4]) or len(p.runs[1].text) > 20
    ppr = p._p.pPr
    assert ppr.find(f"{W}outlineLvl").get(W + "val") == "1"


def test_title_wrapped_into_trapezoid_with_line_breaks(plain: bytes) -> None:
    import docx

    d = docx.Document(BytesIO(plain))
    title = next(p for p in d.paragraphs if p.style.name == "公文标题")
    lines = title.text.split("\n")
    assert lines == ["青川县教育局关于开展“强师兴校”", "大讨论活动的实施方案"]
    assert len(title._p.findall(f".//{W}br")) == 1


@pytest.mark.parametrize(
    "title",
    [
        "青川县教育局关于开展“强师兴校”大讨论活动的实施方案",
        "青川县教育局2027年春季学期中小学校园安全隐患排查整治专项行动工作方案",
        "岚溪县教育局关于开展2027年校园安全专项整治行动的实施方案",
        "县教育局关于进一步加强中小学校园食品安全管理工作的通知",
        "青川县教育局关于进一步加强中小学生心理健康教育工作的实施意见",
        "关于印发《青川县推进县域义务教育优质均衡发展三年行动计划》的通知",
    ],
)
def test_title_lines_fit_keep_words_and_narrow_downwards(title: str) -> None:
    lines = title_lines(title)
    assert "".join(lines) == title
    assert len(lines) >= 2
    widths = [_title_units(line) for line in lines]  # half-width digits count half
    assert all(w <= 2 * G.TITLE_CHARS_PER_LINE for w in widths)
    assert widths[0] >= widths[1] or (len(widths) == 3 and widths[1] >= widths[2])
    words = ("实施方案", "工作方案", "教育局", "中小学", "校园安全", "通知", "强师兴校", "意见")
    for word in words:
        if word in title:
            assert any(word in line for line in lines), (word, lines)


def test_short_title_is_one_line() -> None:
    assert title_lines("青川县2026年教育工作总结") == ["青川县2026年教育工作总结"]


def test_recipients_signature_and_date_placement(plain: bytes) -> None:
    import docx

    d = docx.Document(BytesIO(plain))
    texts = [(p.style.name, p.text) for p in d.paragraphs]
    styles_in_order = [s for s, t in texts if t]
    assert styles_in_order[:2] == ["公文标题", "主送机关"]
    assert texts[1] == ("Normal", "")  # one blank line below the title
    assert texts[2] == ("主送机关", "局属各学校（单位）：")
    i = next(i for i, (s, _t) in enumerate(texts) if s == "署名")
    assert texts[i - 1] == ("Normal", "")  # one blank line above the 署名
    assert texts[i] == ("署名", "青川县教育局") and texts[i + 1] == ("成文日期", "2027年3月1日")
    sig, date = d.paragraphs[i], d.paragraphs[i + 1]
    sig_right = int(sig._p.pPr.find(f"{W}ind").get(W + "right"))
    date_right = int(date._p.pPr.find(f"{W}ind").get(W + "right"))
    for sid in (G.STYLE_SIGNATURE[0], G.STYLE_DATE[0]):  # both right-aligned: exact right edges
        assert attr(style(parts(plain), sid), "w:pPr/w:jc", "val") == "right"
    sig_start = G.TEXT_WIDTH - sig_right - text_width("青川县教育局")
    date_start = G.TEXT_WIDTH - date_right - text_width("2027年3月1日")
    assert date_start - sig_start == 2 * G.CHAR_ADVANCE  # two characters right of the 署名
    assert sig_right >= 2 * G.CHAR_WIDTH  # at least two characters in from the right
    assert date_right == 2 * G.CHAR_WIDTH  # this date is longer: it ends two characters in
    # a short date under a long 署名 keeps the offset and ends further in
    long_sig, short_date = "青川县教育体育和科学技术局", "2027年3月1日"
    sig_r, date_r = date_indents(long_sig, short_date)
    assert sig_r == 2 * G.CHAR_WIDTH and date_r > 2 * G.CHAR_WIDTH
    assert text_width(long_sig) - text_width(short_date) - (date_r - sig_r) == 2 * G.CHAR_ADVANCE
    # sealed (7.3.5.1): the date four characters in, the 署名 centred over it
    sig_r, date_r = date_indents("青川县教育局", "2027年3月1日", sealed=True)
    assert date_r == 4 * G.CHAR_WIDTH
    centre = lambda r, t: G.TEXT_WIDTH - r - text_width(t) / 2  # noqa: E731
    assert abs(centre(sig_r, "青川县教育局") - centre(date_r, "2027年3月1日")) <= 1


def test_attachments_aligned(plain: bytes) -> None:
    import docx

    d = docx.Document(BytesIO(plain))
    att = [p for p in d.paragraphs if p.style.name == "附件说明"]
    assert [p.text for p in att] == ["附件：1.“强师兴校”大讨论活动领导小组成员名单", "2.活动安排表"]
    i1, i2 = (p._p.pPr.find(f"{W}ind") for p in att)
    first_start = [int(i.get(W + "left")) - int(i.get(W + "hanging")) for i in (i1, i2)]
    assert first_start[0] == 640  # 附件 two characters in
    assert first_start[1] == 640 + text_width("附件：")  # "2." under "1."
    assert i1.get(W + "left") == i2.get(W + "left")  # wrapped names under the first name


def test_footers_page_field_sides_and_even_odd_setting(plain: bytes) -> None:
    x = parts(plain)
    assert x["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    sect = x["word/document.xml"].find(".//w:body/w:sectPr", NS)
    refs = {r.get(W + "type") for r in sect.findall("w:footerReference", NS)}
    assert refs == {"default", "even"}
    pg_mar = sect.find("w:pgMar", NS)
    assert int(pg_mar.get(W + "footer")) == G.FOOTER_DISTANCE
    for part, jc, side in (
        ("word/footer1.xml", "right", "right"),
        ("word/footer2.xml", "left", "left"),
    ):
        p = x[part].find("w:p", NS)
        assert attr(p, "w:pPr/w:jc", "val") == jc
        assert attr(p, "w:pPr/w:ind", side) == str(G.PAGE_NUMBER_INDENT) == "280"
        texts = "".join(t.text for t in p.iter(W + "t"))
        assert texts == "— 1 —"  # literal em dashes around the field result
        assert [i.text.strip() for i in p.iter(W + "instrText")] == ["PAGE"]
        kinds = [f.get(W + "fldCharType") for f in p.iter(W + "fldChar")]
        assert kinds == ["begin", "separate", "end"]
    assert sect.find("w:pgNumType", NS) is None  # numberInDash shows a bare 1 in LibreOffice
    # 7 mm below the 版心: the middle of the page-number line 28 mm above the page's edge
    middle = G.FOOTER_DISTANCE + G.PAGE_NUMBER_LINE / 2 - G.PAGE_NUMBER_RAISE
    assert abs(middle - G.mm_to_twips(28)) <= 1


def test_fill_in_markers_highlighted_in_their_own_runs(plain: bytes) -> None:
    import docx

    d = docx.Document(BytesIO(plain))
    runs = [r for p in d.paragraphs for r in p.runs]
    marked = [r for r in runs if r._r.rPr.find(f"{W}highlight") is not None]
    assert [r.text for r in marked] == ["【待填：活动开始日期】"]
    assert marked[0]._r.rPr.find(f"{W}highlight").get(W + "val") == "yellow"
    i = runs.index(marked[0])
    assert runs[i - 1].text.endswith("活动自") and runs[i + 1].text == "开始。"


def test_escaping_emoji_and_control_characters() -> None:
    import docx

    nasty = "A&B <tag> \"quoted\" 'single' 😀 ∑"
    doc = Document(
        title=nasty,
        recipients="各校&各单位",
        preamble=[nasty, "控制\x01字\x0b符\x1f删除\x7f后\ufffe正常"],
        signature="局<办>",
        date="2027年3月1日",
        author='A&B "局"',
    )
    data = write_docx(doc)
    parts(data)  # every part is well-formed XML
    d = docx.Document(BytesIO(data))
    texts = [p.text for p in d.paragraphs if p.text]
    assert texts[0].replace("\n", "") == nasty
    assert nasty in texts and "控制字符删除后正常" in texts
    assert "各校&各单位：" in texts and "局<办>" in texts
    assert d.core_properties.title == nasty
    assert d.core_properties.author == 'A&B "局"'


def test_deterministic_bytes_and_fixed_zip_metadata() -> None:
    a, b = write_docx(sample_document(head=True)), write_docx(sample_document(head=True))
    assert a == b
    with zipfile.ZipFile(BytesIO(a)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"
        # the writer's own zip container: every member deflated, its CRC and size right, plain
        # attributes (no data descriptor, no extra field), as zipfile itself would write it
        assert z.testzip() is None
        for info in z.infolist():
            assert info.compress_type == zipfile.ZIP_DEFLATED
            assert (info.flag_bits, info.extra, info.create_system) == (0, b"", 0)
            assert info.external_attr == 0o600 << 16
        core = z.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    assert write_docx(sample_document(sections=4)) != a


def test_core_properties_and_nothing_added(plain: bytes) -> None:
    import docx

    d = docx.Document(BytesIO(plain))
    assert d.core_properties.title == "青川县教育局关于开展“强师兴校”大讨论活动的实施方案"
    assert d.core_properties.author == "青川县教育局"
    with zipfile.ZipFile(BytesIO(plain)) as z:
        names = set(z.namelist())
    assert not any("header" in n or "media" in n for n in names)  # no watermark, no logo
    doc = sample_document()
    expected = set(doc.paragraphs()) | set(doc.closing)
    written = "".join(p.text for p in d.paragraphs)
    for p in d.paragraphs:
        assert "nigao" not in p.text.lower() and "生成" not in p.text
    for text in expected:
        assert text in written


def test_head_and_verso_only_when_given(plain: bytes, full: bytes) -> None:
    import docx

    plain_styles = {p.style.name for p in docx.Document(BytesIO(plain)).paragraphs}
    assert not plain_styles & {"发文机关标志", "发文字号", "抄送", "印发机关和日期"}
    d = docx.Document(BytesIO(full))
    paras = d.paragraphs
    mark = next(p for p in paras if p.style.name == "发文机关标志")
    number = next(p for p in paras if p.style.name == "发文字号")
    assert mark.text == "青川县教育局文件" and number.text == "青教发〔2027〕8号"
    i, j = paras.index(mark), paras.index(number)
    assert [p.text for p in paras[i + 1 : j]] == ["", ""]  # two blank lines between
    x = parts(full)
    assert attr(style(x, G.STYLE_ISSUER_MARK[0]), "w:rPr/w:color", "val") == "FF0000"
    rule = style(x, G.STYLE_DOC_NUMBER[0]).find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule.get(W + "color") == "FF0000" and rule.get(W + "val") == "single"
    cc = next(p for p in paras if p.style.name == "抄送")
    printer = next(p for p in paras if p.style.name == "印发机关和日期")
    assert cc.text == "抄送：县委办，县政府办。"
    assert printer.text == "青川县教育局办公室\t2027年3月1日印发"
    # the 版记 comes last: two frames (抄送 above 印发) ending on the 版心's bottom edge
    assert paras.index(printer) == len(paras) - 1 and paras.index(cc) == len(paras) - 3
    frames = [p._p.pPr.find(f"{W}framePr") for p in (cc, printer)]
    assert all(f.get(W + "vAnchor") == "margin" for f in frames)
    y = [int(f.get(W + "y")) for f in frames]
    assert y[1] == G.TEXT_HEIGHT - G.LINE_PITCH and y[0] == y[1] - G.LINE_PITCH
    ind = cc._p.pPr.find(f"{W}ind")  # wrapped 抄送 lines align after “抄送：”
    assert ind.get(W + "hanging") == str(3 * G.VERSO_CHAR)
    assert int(ind.get(W + "left")) - int(ind.get(W + "hanging")) == G.VERSO_INDENT
    bdr = cc._p.pPr.find(f"{W}pBdr")
    assert bdr.find(f"{W}top").get(W + "sz") == str(G.RULE_THICK_EIGHTHS)
    assert bdr.find(f"{W}bottom").get(W + "sz") == str(G.RULE_THIN_EIGHTHS)
    assert printer._p.pPr.find(f"{W}pBdr/{W}bottom").get(W + "sz") == str(G.RULE_THICK_EIGHTHS)


def _audit(data: bytes, tmp_path: Path, name: str) -> list[dict]:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    done = subprocess.run(
        [tool("openxml-audit") or "openxml-audit", "-o", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = json.loads(done.stdout)
    return report[0]["errors"]


@pytest.mark.parametrize(
    "kind",
    [
        "plain", "head_and_verso", "title_only", "no_signature", "one_attachment", "cc_only",
        "signer_sealed", "appendices", "verso_own_page",
    ],
)  # fmt: skip
def test_word_opens_every_kind_without_repair(kind: str, tmp_path: Path) -> None:
    assert tool("openxml-audit"), "openxml-audit is not installed (pip install -e .[test])"
    doc = sample_document(head=kind in ("head_and_verso", "signer_sealed"), sections=2)
    if kind == "signer_sealed":
        doc.signer, doc.sealed = "王明、李华", True
    elif kind == "appendices":
        doc.cc = "县委办"
        doc.appendices = [
            Appendix("“强师兴校”大讨论活动领导小组成员名单", paragraphs=["组长：王明"]),
            Appendix("活动安排表", table=[["时间", "内容"], ["3月", "动员"], ["4月"]]),
        ]
    elif kind == "verso_own_page":
        doc = Document(title="通知", preamble=["各学校："], cc="县委办", printer="县教育局办公室")
    if kind == "title_only":
        doc = Document(title="通知")
    elif kind == "no_signature":
        doc.signature = None
    elif kind == "one_attachment":
        doc.attachments = ["活动安排表"]
    elif kind == "cc_only":
        doc.cc = "县委办"
    errors = _audit(write_docx(doc), tmp_path, kind)
    assert errors == []


def test_fifth_level_is_a_clear_error() -> None:
    from nigao.errors import NigaoError

    deep = Section("第五级")
    for name in ("第四级", "第三级", "第二级", "第一级"):
        deep = Section(name, sections=[deep])
    with pytest.raises(NigaoError, match="超过四级.*第五级"):
        write_docx(Document(title="通知", sections=[deep]))


def test_empty_document_and_run_in_without_text_still_write() -> None:
    import docx

    assert docx.Document(BytesIO(write_docx(Document()))).paragraphs is not None
    d = docx.Document(BytesIO(write_docx(Document(sections=[Section("加强领导。", run_in=True)]))))
    assert [p.text for p in d.paragraphs if p.text] == ["一、加强领导。"]


def test_headings_on_their_own_line_and_the_signature_block_are_kept_with_what_follows(
    plain: bytes,
) -> None:
    x = parts(plain)
    for depth in (1, 2, 3, 4):
        assert style(x, G.STYLE_HEADINGS[depth][0]).find("w:pPr/w:keepNext", NS) is not None
    paragraphs = x["word/document.xml"].findall("w:body/w:p", NS)
    styles = [attr(p, "w:pPr/w:pStyle", "val") for p in paragraphs]
    sig = styles.index(G.STYLE_SIGNATURE[0])
    kept = [p.find("w:pPr/w:keepNext", NS) is not None for p in paragraphs]
    # the last text line, the blank line and the 署名 go with the 成文日期
    assert kept[sig - 2 : sig + 1] == [True, True, True]
    assert not kept[sig + 1]
    # body paragraphs elsewhere flow freely, so the 22-line grid stays full
    assert sum(kept) == 3
