"""Rendering tests: the written .docx through LibreOffice to PDF, measured with poppler.

Each document is converted once per session. Measured in PDF points from the page's top-left
corner (pdftotext -bbox-layout). Page 1 and 2 are also rendered to PNG in tests/artifacts/
for a person to compare with the standard's figures.
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
from nigao.docx_writer import date_indents, write_docx
from nigao.pdf import to_pdf
from test_docx_writer import sample_document

PT_PER_MM = 72 / 25.4
TOP = 37 * PT_PER_MM  # 版心 top edge
BOTTOM = (297 - 35) * PT_PER_MM  # 版心 bottom edge
LEFT = 28 * PT_PER_MM
RIGHT = (210 - 26) * PT_PER_MM
PITCH = G.LINE_PITCH / 20  # 28.95 pt
CHAR = 16 * 0.99  # one 3号 character as set (16 pt less 0.25 pt), points
ARTIFACTS = Path(__file__).parent / "artifacts"
HANGING = set("，。、")


def _need(tool: str) -> None:
    if shutil.which(tool) is None:
        reason = f"{tool} 未安装：跳过渲染测试（CI 会安装 LibreOffice 和 poppler-utils）"
        print(reason)
        pytest.skip(reason)


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


HEADING_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)"
)


def doc_signature(name: str) -> str:
    return sample_document(head=name == "full").signature or ""


def _mid(line: dict) -> float:
    return (line["y0"] + line["y1"]) / 2


def _body(page: dict) -> list[dict]:
    return [ln for ln in page["lines"] if TOP - 3 <= _mid(ln) <= BOTTOM]


def _footer(page: dict) -> list[dict]:
    return [ln for ln in page["lines"] if _mid(ln) > BOTTOM]


def _units(text: str) -> float:
    return sum(0.5 if unicodedata.east_asian_width(c) in "NaH" else 1 for c in text)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[dict]]]:
    _need("soffice")
    _need("pdftotext")
    folder = tmp_path_factory.mktemp("render")
    out = {}
    for name, doc in (("plain", sample_document()), ("full", sample_document(head=True))):
        docx = folder / f"{name}.docx"
        docx.write_bytes(write_docx(doc))
        pdf = to_pdf(docx, folder / f"{name}.pdf")
        out[name] = (pdf, _pages(pdf))
    return out


def test_sample_is_multi_page(rendered) -> None:
    _pdf, pages = rendered["plain"]
    assert len(pages) >= 6


@pytest.mark.parametrize("name", ["plain", "full"])
def test_every_full_page_has_22_lines_on_the_grid(rendered, name: str) -> None:
    _pdf, pages = rendered[name]
    for n, page in enumerate(pages[1:-1], 2):  # the first and the last page have blank lines
        rows = sorted({round((ln["y0"] - TOP) / PITCH, 1) for ln in _body(page)})
        # every line sits on one of the 22 grid rows of the 版心
        assert all(abs(r - round(r)) < 0.3 for r in rows), (n, rows)
        assert round(rows[0]) == 0, (n, rows)
        if len(rows) < 22:
            # A page ends early only where something was kept together overleaf: a heading
            # with its text (one row), or the 署名 block with the last line of text above it.
            following = sorted(_body(pages[n]), key=lambda ln: ln["y0"])
            first = following[0]["text"].replace(" ", "")
            signed = n == len(pages) - 1 and any(
                ln["text"].replace(" ", "") == doc_signature(name) for ln in following[:6]
            )
            heading = (
                len(rows) == 21
                and round(rows[-1]) == 20
                and HEADING_LABEL.match(first)
                and len(first) <= 30
            )
            assert signed or heading, (n, rows, first)
            continue
        assert len(rows) == G.LINES_PER_PAGE == 22, (n, rows)
        assert round(rows[-1]) == 21, (n, rows)
    counts = [len({round((ln["y0"] - TOP) / PITCH) for ln in _body(p)}) for p in pages]
    print(f"\n{name}: {len(pages)} pages, body lines per page {counts}")


def test_lines_hold_28_characters(rendered) -> None:
    _pdf, pages = rendered["plain"]
    longest = 0.0
    for page in pages:
        for ln in _body(page):
            text = ln["text"]
            if ln["x1"] > RIGHT + 1:  # only a comma or full stop may hang past the edge
                assert text[-1] in HANGING, ln
                text = text[:-1]
            longest = max(longest, _units(text))
            assert ln["x0"] >= LEFT - 1, ln
    assert longest == G.CHARS_PER_LINE == 28
    print(f"\nlongest line inside the 版心: {longest:g} characters")


def test_body_paragraphs_indented_two_characters(rendered) -> None:
    _pdf, pages = rendered["plain"]
    starts = {
        round((ln["x0"] - LEFT) / CHAR)
        for page in pages[1:-1]
        for ln in _body(page)
        if not ln["text"].replace(" ", "").startswith(("附件", "2."))  # 附件说明 hangs its names
    }
    assert starts == {0, 2}  # wrapped lines flush left, first lines two characters in


def test_page_numbers_alternate_sides_one_character_in(rendered) -> None:
    _pdf, pages = rendered["plain"]
    one_char = 14  # 4号, points
    for n, page in enumerate(pages, 1):
        foot = _footer(page)
        assert len(foot) == 1, (n, foot)
        line = foot[0]
        assert re.fullmatch(rf"—\s*{n}\s*—", line["text"]), (n, line["text"])
        if n % 2:  # odd: right, one character in
            assert abs(RIGHT - line["x1"] - one_char) < 2, (n, RIGHT - line["x1"])
        else:  # even: left, one character in
            assert abs(line["x0"] - LEFT - one_char) < 2, (n, line["x0"] - LEFT)
        # 7 mm below the 版心 (the middle of the 4号 line), within a millimetre
        assert abs(_mid(line) - BOTTOM - 7 * PT_PER_MM) < 1 * PT_PER_MM, (n, _mid(line))
        print(
            f"page {n}: {line['text']!r} left {line['x0'] / PT_PER_MM:.1f} mm, "
            f"right {(page['width'] - line['x1']) / PT_PER_MM:.1f} mm from the edge, "
            f"{(_mid(line) - BOTTOM) / PT_PER_MM:.1f} mm below the 版心"
        )


def test_title_centred_and_on_top(rendered) -> None:
    _pdf, pages = rendered["plain"]
    first = pages[0]["lines"]
    assert [ln["text"] for ln in first[:2]] == [
        "青川县教育局关于开展“强师兴校”",
        "大讨论活动的实施方案",
    ]
    centre = (LEFT + RIGHT) / 2
    for ln in first[:2]:
        assert abs((ln["x0"] + ln["x1"]) / 2 - centre) < 2, ln
    assert first[0]["x1"] - first[0]["x0"] > first[1]["x1"] - first[1]["x0"]  # trapezoid
    recipients = first[2]
    assert recipients["text"] == "局属各学校（单位）："
    assert abs(recipients["x0"] - LEFT) < 1  # flush left
    # one blank line between title and 主送机关
    assert round((recipients["y0"] - first[1]["y0"]) / PITCH) == 2


def test_signature_and_date_without_seal(rendered) -> None:
    _pdf, pages = rendered["plain"]
    last = pages[-1]["lines"]
    sig = next(ln for ln in last if ln["text"] == "青川县教育局")
    date = next(ln for ln in last if ln["text"] == "2027年3月1日")
    sig_right, _date_left = date_indents("青川县教育局", "2027年3月1日")
    assert sig_right >= 2 * G.CHAR_WIDTH  # two characters in, more when the date is longer
    assert abs(RIGHT - sig["x1"] - sig_right / 20) < 2
    assert abs(date["x0"] - sig["x0"] - 2 * CHAR) < 1.5  # date two characters right of it
    assert round((date["y0"] - sig["y0"]) / PITCH) == 1  # on the next line


def test_head_and_verso_layout(rendered) -> None:
    _pdf, pages = rendered["full"]
    first = pages[0]["lines"]
    mark = next(ln for ln in first if ln["text"] == "青川县教育局文件")
    number = next(ln for ln in first if ln["text"] == "青教发〔2027〕8号")
    centre = (LEFT + RIGHT) / 2
    for ln in (mark, number):
        assert abs((ln["x0"] + ln["x1"]) / 2 - centre) < 2
    # the mark's top edge about 35 mm below the top of the 版心 (its glyphs inside the box)
    assert 30 * PT_PER_MM < mark["y0"] - TOP < 40 * PT_PER_MM
    last = _body(pages[-1])
    printer = [ln for ln in last if "印发" in ln["text"] or ln["text"] == "青川县教育局办公室"]
    cc = next(ln for ln in last if ln["text"].startswith("抄送："))
    assert printer and all(round((ln["y0"] - TOP) / PITCH) == 21 for ln in printer)
    assert round((cc["y0"] - TOP) / PITCH) == 20  # the 版记 ends at the foot of the 版心
    assert abs(cc["x0"] - LEFT - 14) < 2  # one 4号 character in


def test_page_images_for_a_person(rendered) -> None:
    _need("pdftoppm")
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ("plain", "full"):
        pdf, _pages_ = rendered[name]
        prefix = ARTIFACTS / f"render-{name}"
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(pdf), str(prefix)],
            check=True,
        )
        made = sorted(ARTIFACTS.glob(f"render-{name}-*.png"))
        assert len(made) >= 2 and all(p.stat().st_size > 10_000 for p in made)
