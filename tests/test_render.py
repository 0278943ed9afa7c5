"""Rendering tests: documents of every shape through nigao's own PDF path, measured on the page.

Each document is written by the .docx writer, converted once per session by `pdf.to_pdf`
(LibreOffice with nigao's font aliases) and measured in PDF points from the page's top-left
corner: text lines with poppler's `pdftotext -bbox-layout`, rules and font names with
pdfplumber. `python -m pytest tests/test_render.py -s -q` prints every figure. Pages 1–2 of
the samples go to tests/artifacts/ as PNG for a person to compare with the standard.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from nigao import gbt9704 as G
from nigao.docx_writer import estimate_rows, write_docx
from nigao.model import Appendix, Document
from nigao.pdf import to_pdf
from test_docx_writer import sample_document

PT_PER_MM = 72 / 25.4
TOP = 37 * PT_PER_MM  # 版心 top edge
BOTTOM = (297 - 35) * PT_PER_MM  # 版心 bottom edge, 262 mm from the top
LEFT = 28 * PT_PER_MM
RIGHT = (210 - 26) * PT_PER_MM
CENTRE = (LEFT + RIGHT) / 2
PITCH = G.LINE_PITCH / 20  # 28.95 pt
CHAR = 16 * 0.99  # one 3号 character as set (16 pt less 0.25 pt), points
SMALL = 14  # one 4号 character (版记, page numbers), points
ARTIFACTS = Path(__file__).parent / "artifacts"
HANGING = set("，。、；：！？”）")
LINE = "各学校要把这项工作摆在突出位置，确保各项任务落到实处。"  # one row of body text


def _need(tool: str) -> None:
    assert shutil.which(tool), f"{tool} 未安装（.ci/run 会安装 LibreOffice 和 poppler-utils）"


def _pages(pdf: Path) -> list[dict]:
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    x = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for page in root.iter(x + "page"):
        lines = []
        for line in page.iter(x + "line"):
            words = list(line.iter(x + "word"))
            lines.append(
                {
                    "text": "".join(w.text or "" for w in words),
                    "x0": float(line.get("xMin")),
                    "x1": float(line.get("xMax")),
                    "y0": float(line.get("yMin")),
                    "y1": float(line.get("yMax")),
                }
            )
        pages.append({"width": float(page.get("width")), "lines": lines})
    return pages


def _rules_and_fonts(pdf: Path) -> tuple[list[list[float]], list[dict[str, str]]]:
    """Per page: the y (points from the top) of every horizontal rule; the font of each glyph."""
    import pdfplumber

    rules, fonts = [], []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            ys = {
                round((r["top"] + r["bottom"]) / 2, 2)
                for r in page.rects + page.lines
                if r["bottom"] - r["top"] < 2 and r["x1"] - r["x0"] > 100  # not a highlight
            }
            rules.append(sorted(ys))
            fonts.append({c["text"]: c["fontname"].split("+")[-1] for c in page.chars})
    return rules, fonts


def _mid(line: dict) -> float:
    return (line["y0"] + line["y1"]) / 2


def _body(page: dict) -> list[dict]:
    return [ln for ln in page["lines"] if TOP - 3 <= _mid(ln) <= BOTTOM]


def _footer(page: dict) -> list[dict]:
    return [ln for ln in page["lines"] if _mid(ln) > BOTTOM]


def _row(line: dict) -> float:
    return (line["y0"] - TOP) / PITCH


def _units(text: str) -> float:
    return sum(0.5 if unicodedata.east_asian_width(c) in "NaH" else 1 for c in text)


def _find(page: dict, text: str) -> dict:
    return next(ln for ln in page["lines"] if ln["text"].replace(" ", "") == text)


def _short(rows: int, **fields: object) -> Document:
    """A notice whose body takes about `rows` grid rows (one-row paragraphs)."""
    base: dict[str, object] = {
        "title": "岚溪县教育局关于做好2027年春季开学工作的通知",
        "recipients": "局属各学校",
        "signature": "岚溪县教育局",
        "date": "2027年2月20日",
        "author": "岚溪县教育局",
    }
    doc = Document(**{**base, **fields})
    while estimate_rows(doc) < rows:
        doc.preamble.append(LINE)
    return doc


VERSO = {"cc": "县委教育工委，县人民政府办公室", "printer": "岚溪县教育局办公室",
         "print_date": "2027年2月20日"}  # fmt: skip
LONG_CC = (
    "县委办公室，县人大常委会办公室，县人民政府办公室，县政协办公室，县纪委监委驻县教育局"
    "纪检监察组，县财政局，县人力资源和社会保障局，县卫生健康局，县公安局，各乡镇人民政府"
)


def _documents() -> dict[str, Document]:
    sealed = _short(12, sealed=True)
    signed = _short(
        10,
        doc_number="岚教文〔2027〕3号",
        issuer_mark="岚溪县教育局文件",
        signer="方立新",
        recipients="县人民政府",
        **VERSO,
    )
    signed.title = "岚溪县教育局关于2027年春季学期校园安全专项整治工作情况的报告"
    attached = _short(8, **VERSO, verso_even=False)
    attached.attachments = ["2027年春季开学工作检查安排表", "开学工作检查要点"]
    attached.appendices = [
        Appendix(
            "2027年春季开学工作检查安排表",
            table=[["时间", "检查组", "学校"], ["2月21日", "第一组", "城关一小、城关中学"],
                   ["2月22日", "第二组", "岚溪二中、实验幼儿园"]],  # fmt: skip
        ),
        Appendix("开学工作检查要点", paragraphs=[LINE * 3, LINE * 2]),
    ]
    # the body ends low on page 2 (even): no room for the 版记, so a blank page 3, 版记 on page 4
    blank = _short(G.LINES_PER_PAGE * 2 - 2, **VERSO)
    return {
        "plain": sample_document(),
        "full": sample_document(head=True),
        "one_page": _short(8, **VERSO, verso_even=False),
        "two_pages": _short(8, **VERSO),
        "odd_pages": _short(G.LINES_PER_PAGE * 2 + 6),
        "blank_page": blank,
        "long_cc": _short(30, **{**VERSO, "cc": LONG_CC}),
        "attachments": attached,
        "signer": signed,
        "sealed": sealed,
    }


DOCS = _documents()


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    _need("soffice")
    _need("pdftotext")
    folder = tmp_path_factory.mktemp("render")
    out = {}
    for name, doc in DOCS.items():
        docx = folder / f"{name}.docx"
        docx.write_bytes(write_docx(doc))
        pdf = to_pdf(docx, folder / f"{name}.pdf")
        rules, fonts = _rules_and_fonts(pdf)
        out[name] = {"pdf": pdf, "pages": _pages(pdf), "rules": rules, "fonts": fonts}
    return out


# ---------------------------------------------------------------------------------------------
# Page counts and the 版记


@pytest.mark.parametrize(
    ("name", "count"),
    [("one_page", 1), ("two_pages", 2), ("odd_pages", 3), ("blank_page", 4)],
)
def test_page_counts(rendered, name: str, count: int) -> None:
    assert len(rendered[name]["pages"]) == count


@pytest.mark.parametrize(
    "name", ["full", "one_page", "two_pages", "blank_page", "long_cc", "attachments", "signer"]
)
def test_verso_last_rule_on_the_foot_of_the_last_page(rendered, name: str) -> None:
    r = rendered[name]
    pages, rules = r["pages"], r["rules"]
    last = rules[-1]
    assert last, f"{name}: no rule on the last page"
    foot = max(last)
    assert abs(foot - BOTTOM) <= 1.5 * PT_PER_MM, (name, foot / PT_PER_MM)
    # every rule of the 版记 is on the last page, none anywhere else but the 版头's red rule
    assert all(not r or max(r) < 130 * PT_PER_MM or len(r) > 3 for r in rules[:-1]), (name, rules)
    printer = [ln for ln in pages[-1]["lines"] if ln["text"].endswith("印发")]
    assert printer and abs(printer[0]["x1"] - (RIGHT - SMALL)) < 2  # one character in
    if DOCS[name].verso_even:
        assert len(pages) % 2 == 0, (name, len(pages))  # the back of the last sheet
    print(f"\n{name}: {len(pages)} pages, last rule {foot / PT_PER_MM:.2f} mm from the top")


def test_blank_page_before_the_verso_page_has_no_number(rendered) -> None:
    pages = rendered["blank_page"]["pages"]
    assert len(_body(pages[1])) >= 18  # page 2 is nearly full: the 版记 did not fit
    assert pages[2]["lines"] == []  # page 3: blank, not even a page number
    assert [ln["text"].replace(" ", "") for ln in _footer(pages[3])] == ["—4—"]


def test_long_cc_wraps_after_its_label(rendered) -> None:
    page = rendered["long_cc"]["pages"][-1]
    cc = [ln for ln in _body(page) if _mid(ln) > 150 * PT_PER_MM and ln["y1"] - ln["y0"] < 19.5]
    first = next(i for i, ln in enumerate(cc) if ln["text"].startswith("抄送："))
    printer = next(ln for ln in cc if ln["text"].endswith("印发"))
    wrapped = [ln for ln in cc[first + 1 :] if ln["y0"] < printer["y0"] - 5]
    assert len(wrapped) >= 2, cc
    assert abs(cc[first]["x0"] - (LEFT + SMALL)) < 1.5  # one character in
    for ln in wrapped:  # under the first name, three 4号 characters right of “抄送：”
        assert abs(ln["x0"] - (LEFT + 4 * SMALL)) < 1.5, ln
        assert ln["x1"] <= RIGHT - SMALL + 1.5 or ln["text"][-1] in HANGING, ln
    print(f"\n抄送 wraps into {1 + len(wrapped)} lines, continuation at {4 * SMALL:.0f} pt")


# ---------------------------------------------------------------------------------------------
# The grid, lines, page numbers


def _why_early(pages: list[dict], n: int) -> str | None:
    """Why page n (1-based) ends before its 22nd row, or None when nothing explains it."""
    rows = sorted({int(_row(ln)) for ln in _body(pages[n - 1])})
    nxt = sorted(_body(pages[n]), key=lambda ln: ln["y0"]) if n < len(pages) else []
    first = nxt[0]["text"].replace(" ", "") if nxt else ""
    if not nxt:
        return "the next page is blank (the 版记 goes on an even page)"
    if first.startswith("附件"):
        return "an attachment starts on a new page"
    if first.startswith("抄送") or first.endswith("印发"):
        return "the 版记 has a page of its own (the back of the sheet, or no room left)"
    heading = re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)", first)
    if heading and rows and rows[-1] >= G.LINES_PER_PAGE - 3:
        return "a heading is kept with its text"
    if any(DOCS_SIGNATURES & {ln["text"].replace(" ", "")} for ln in nxt[:6]):
        return "the 署名 block is kept with the last lines of text"
    return None


DOCS_SIGNATURES = {d.signature for d in DOCS.values() if d.signature}


@pytest.mark.parametrize("name", list(DOCS))
def test_every_line_on_the_22_row_grid_and_full_pages_full(rendered, name: str) -> None:
    pages = rendered[name]["pages"]
    offsets = []
    for n, page in enumerate(pages, 1):
        body = [ln for ln in _body(page) if not _is_off_grid(name, ln)]
        offsets += [_row(ln) % 1 for ln in body]
        rows = sorted({int(_row(ln)) for ln in body})
        if n == len(pages) or not rows or n == 1:
            continue  # the first page has the title, the last page ends where the text ends
        assert rows[0] == 0, (name, n, rows)
        if len(rows) < G.LINES_PER_PAGE:
            why = _why_early(pages, n)
            assert why, (name, n, rows)
            print(f"\n{name} page {n} ends after {len(rows)} rows: {why}")
        else:
            assert rows[-1] == G.LINES_PER_PAGE - 1 == 21
    # every line of text is the same distance below the top of its grid row: one grid
    offsets.sort()
    spread = offsets[-1] - offsets[0]
    assert spread < 0.05, (name, offsets[0], offsets[-1])
    counts = [len({int(_row(ln)) for ln in _body(p)}) for p in pages]
    print(f"\n{name}: {len(pages)} pages, rows per page {counts}, grid spread {spread:.3f} rows")


def _is_off_grid(name: str, line: dict) -> bool:
    """Lines off the grid by design: 2号 titles, the 版头, the 版记 (14 pt), table cells."""
    text = line["text"].replace(" ", "")
    doc = DOCS[name]
    tall = line["y1"] - line["y0"] > 22  # 2号 title lines and the 发文机关标志
    small = line["y1"] - line["y0"] < 19.5  # 4号: the 版记
    cells = {c for a in doc.appendices for row in a.table for c in row}
    in_cell = any(text and text in c for c in cells)
    head = doc.doc_number is not None and text.startswith((doc.doc_number, "签发人"))
    return tall or small or in_cell or head


def test_lines_hold_28_characters(rendered) -> None:
    longest = 0.0
    for page in rendered["plain"]["pages"]:
        for ln in _body(page):
            text = ln["text"]
            if ln["x1"] > RIGHT + 1:  # only a closing mark may hang past the edge
                assert text[-1] in HANGING, ln
                text = text[:-1]
            longest = max(longest, _units(text))
            assert ln["x0"] >= LEFT - 1, ln
    assert longest == G.CHARS_PER_LINE == 28
    print(f"\nlongest line inside the 版心: {longest:g} characters")


def test_body_paragraphs_indented_two_characters(rendered) -> None:
    pages = rendered["plain"]["pages"]
    starts = {
        round((ln["x0"] - LEFT) / CHAR)
        for page in pages[1:-1]
        for ln in _body(page)
        if not ln["text"].replace(" ", "").startswith(("附件", "2."))  # 附件说明 hangs its names
    }
    assert starts == {0, 2}  # wrapped lines flush left, first lines two characters in


@pytest.mark.parametrize("name", ["plain", "attachments", "blank_page"])
def test_page_numbers_alternate_sides_one_character_in(rendered, name: str) -> None:
    pages = rendered[name]["pages"]
    for n, page in enumerate(pages, 1):
        foot = _footer(page)
        if not page["lines"]:
            assert name == "blank_page" and n == 3  # the blank page: no number
            continue
        assert len(foot) == 1, (n, foot)
        line = foot[0]
        assert re.fullmatch(rf"—\s*{n}\s*—", line["text"]), (n, line["text"])
        if n % 2:  # odd: right, one character in
            assert abs(RIGHT - line["x1"] - SMALL) < 2, (n, RIGHT - line["x1"])
        else:  # even: left, one character in
            assert abs(line["x0"] - LEFT - SMALL) < 2, (n, line["x0"] - LEFT)
        # 7 mm below the 版心 (the middle of the 4号 line), within a millimetre
        assert abs(_mid(line) - BOTTOM - 7 * PT_PER_MM) < 1 * PT_PER_MM, (n, _mid(line))
        print(
            f"\n{name} page {n}: {line['text']!r} {(_mid(line) - BOTTOM) / PT_PER_MM:.1f} mm "
            f"below the 版心, {'right' if n % 2 else 'left'}"
        )


# ---------------------------------------------------------------------------------------------
# Title, 署名 and 成文日期


def test_title_centred_broken_between_words(rendered) -> None:
    first = rendered["plain"]["pages"][0]["lines"]
    assert [ln["text"] for ln in first[:2]] == [
        "青川县教育局关于开展“强师兴校”",
        "大讨论活动的实施方案",
    ]
    for ln in first[:2]:
        assert abs((ln["x0"] + ln["x1"]) / 2 - CENTRE) < 2, ln
    assert first[0]["x1"] - first[0]["x0"] > first[1]["x1"] - first[1]["x0"]  # trapezoid
    recipients = first[2]
    assert recipients["text"] == "局属各学校（单位）："
    assert abs(recipients["x0"] - LEFT) < 1  # flush left
    assert round((recipients["y0"] - first[1]["y0"]) / PITCH) == 2  # one blank line between
    title = [ln["text"].replace(" ", "") for ln in _body(rendered["signer"]["pages"][0])]
    split = [t for t in title if t.endswith("校园") or t.startswith("安全")]
    assert not split, title  # 校园安全 is one word


@pytest.mark.parametrize("name", ["plain", "one_page", "signer", "long_cc"])
def test_date_two_characters_from_the_right_and_signature_above(rendered, name: str) -> None:
    doc = DOCS[name]
    page = next(p for p in rendered[name]["pages"] if any(
        ln["text"].replace(" ", "") == doc.date for ln in p["lines"]))  # fmt: skip
    sig, date = _find(page, doc.signature), _find(page, doc.date)
    gap = (RIGHT - date["x1"]) / CHAR
    assert abs(gap - 2) < 0.15, (name, gap)  # the date is the longer line: two characters in
    assert abs((date["x0"] - sig["x0"]) / CHAR - 2) < 0.2  # starts two right of the 署名
    assert round((date["y0"] - sig["y0"]) / PITCH) == 1  # on the next row
    print(f"\n{name}: date ends {gap:.2f} characters from the right edge, starts "
          f"{(date['x0'] - sig['x0']) / CHAR:.2f} characters right of the 署名")  # fmt: skip


def test_sealed_date_four_characters_in_signature_centred_over_it(rendered) -> None:
    doc = DOCS["sealed"]
    page = rendered["sealed"]["pages"][-1]
    sig, date = _find(page, doc.signature), _find(page, doc.date)
    gap = (RIGHT - date["x1"]) / CHAR
    assert abs(gap - 4) < 0.15, gap
    centre = lambda ln: (ln["x0"] + ln["x1"]) / 2  # noqa: E731
    assert abs(centre(sig) - centre(date)) < 3, (sig, date)
    # two empty rows above the 署名 leave the seal's room; its top is within a row of the text
    above = max(ln["y0"] for ln in _body(page) if ln["y0"] < sig["y0"] - 1)
    assert round((sig["y0"] - above) / PITCH) == 3
    print(f"\nsealed: date ends {gap:.2f} characters in, 署名 centre off by "
          f"{centre(sig) - centre(date):+.1f} pt")  # fmt: skip


# ---------------------------------------------------------------------------------------------
# 版头 with 签发人, attachments


def test_head_layout(rendered) -> None:
    first = rendered["full"]["pages"][0]["lines"]
    mark = _find({"lines": first}, "青川县教育局文件")
    number = _find({"lines": first}, "青教发〔2027〕8号")
    for ln in (mark, number):
        assert abs((ln["x0"] + ln["x1"]) / 2 - CENTRE) < 2
    assert 30 * PT_PER_MM < mark["y0"] - TOP < 40 * PT_PER_MM  # about 35 mm into the 版心


def test_signer_right_doc_number_left_on_one_row(rendered) -> None:
    r = rendered["signer"]
    page = r["pages"][0]
    number = next(ln for ln in page["lines"] if ln["text"].startswith("岚教文〔2027〕3号"))
    signer = next(ln for ln in page["lines"] if ln["text"].replace(" ", "") == "签发人：方立新")
    assert abs(number["y0"] - signer["y0"]) < 1  # the same row
    assert abs(number["x0"] - (LEFT + CHAR)) < 1.5  # 发文字号 one character in from the left
    assert abs(signer["x1"] - (RIGHT - CHAR)) < 1.5  # 签发人 one character in from the right
    fonts = r["fonts"][0]
    assert "Kai" in fonts["方"] and "Fang" in fonts["签"], fonts  # name 楷体, label 仿宋
    red = max(r["rules"][0])  # the red rule under that row
    assert 0 < red - number["y1"] < 8 * PT_PER_MM


def test_attachment_pages(rendered) -> None:
    doc = DOCS["attachments"]
    r = rendered["attachments"]
    pages = r["pages"]
    for i, appendix in enumerate(doc.appendices, 1):
        n = next(k for k, p in enumerate(pages) if any(
            ln["text"].replace(" ", "") == f"附件{i}" for ln in p["lines"]))  # fmt: skip
        page = pages[n]
        label = _find(page, f"附件{i}")
        assert abs(label["x0"] - LEFT) < 1 and round(_row(label)) == 0  # top-left, row 1
        assert "Sans" in r["fonts"][n]["件"] or "Hei" in r["fonts"][n]["件"]  # 黑体
        title = _find(page, appendix.title)
        assert abs((title["x0"] + title["x1"]) / 2 - CENTRE) < 2  # centred
        assert round(_row(title)) == 2  # on the third row
    table_page = pages[next(k for k, p in enumerate(pages) if any(
        "第一组" in ln["text"] for ln in p["lines"]))]  # fmt: skip
    assert any("检查组" in ln["text"] for ln in table_page["lines"])
    assert len(r["rules"][1]) >= 4  # the table is ruled
    assert len(pages) == 3  # the body, then each attachment on a page of its own


def test_every_run_names_its_east_asian_font(rendered) -> None:
    """Every glyph in every PDF comes from one of the substitute faces, never a fallback."""
    allowed = ("Fandol", "NotoSerifCJK", "NotoSansCJK", "Noto Serif CJK", "Noto Sans CJK")
    for name, r in rendered.items():
        for page in r["fonts"]:
            for ch, font in page.items():
                assert font.startswith(allowed) or font.replace("-", "").startswith(allowed), (
                    name, ch, font
                )


def test_page_images_for_a_person(rendered) -> None:
    _need("pdftoppm")
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ("plain", "full", "signer", "attachments"):
        prefix = ARTIFACTS / f"render-{name}"
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(rendered[name]["pdf"]),
             str(prefix)],
            check=True,
        )  # fmt: skip
        made = sorted(ARTIFACTS.glob(f"render-{name}-*.png"))
        assert len(made) >= 2 and all(p.stat().st_size > 10_000 for p in made)


