""".docx layout against GB/T 9704, from the facts docx_reader reads (never XML here).

The expected numbers are nigao.gbt9704's constants, the same ones the writer uses.
`layout_facts` keys used (each optional; a missing key is not checked):
page_width, page_height, margin_top/bottom/left/right (twips), line_pitch (docGrid, twips),
body_line (exact line spacing of body paragraphs, twips), body_font, body_size (half-points),
heading_fonts {depth: font}, title_font, title_size, page_numbers (bool), page_number_text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from nigao import gbt9704 as std
from nigao.check.context import Context
from nigao.check.findings import Finding
from nigao.check.registry import rule

TOLERANCE = 20  # twips (≈ 0.35 mm): rounding between mm and twips


def _mm(twips: float) -> str:
    return f"{twips / std.TWIPS_PER_INCH * std.MM_PER_INCH:.1f} mm"


def _get(layout: dict[str, Any], key: str) -> Any:
    value = layout.get(key)
    if value is None and isinstance(layout.get("page"), dict):
        value = layout["page"].get(key.removeprefix("page_"))
    return value


@rule("LAYOUT-PAGE")
def page(ctx: Context) -> Iterator[Finding]:
    layout = ctx.layout
    if not layout:
        return
    expected = {
        "page_width": (std.PAGE_WIDTH, "纸张宽度"),
        "page_height": (std.PAGE_HEIGHT, "纸张高度"),
        "margin_top": (std.MARGIN_TOP, "上边距（天头）"),
        "margin_bottom": (std.MARGIN_BOTTOM, "下边距"),
        "margin_left": (std.MARGIN_LEFT, "左边距（订口）"),
        "margin_right": (std.MARGIN_RIGHT, "右边距"),
    }
    for key, (want, name) in expected.items():
        got = _get(layout, key)
        if isinstance(got, (int, float)) and abs(got - want) > TOLERANCE:
            yield ctx.report(
                None,
                "LAYOUT-PAGE",
                f"{name}是 {_mm(got)}，GB/T 9704 要求 {_mm(want)}",
                f"把{name}设为 {_mm(want)}（A4，版心 156×225 mm）",
            )


@rule("LAYOUT-GRID")
def grid(ctx: Context) -> Iterator[Finding]:
    layout = ctx.layout
    if not layout:
        return
    if _get(layout, "body_line") is None and _get(layout, "body_line_rule") == "auto":
        yield ctx.report(
            None,
            "LAYOUT-GRID",
            "正文行距是“单倍行距”等自动行距，每页排不成 22 行",
            f"设为固定值 {std.LINE_PITCH / 20:.2f} 磅",
        )
    for key, name in (("line_pitch", "文档网格行距"), ("body_line", "正文行距")):
        got = _get(layout, key)
        if isinstance(got, (int, float)) and abs(got - std.LINE_PITCH) > TOLERANCE / 4:
            yield ctx.report(
                None,
                "LAYOUT-GRID",
                f"{name}是 {got / 20:.2f} 磅，每页排不成 {std.LINES_PER_PAGE} 行",
                f"设为固定值 {std.LINE_PITCH / 20:.2f} 磅（每页 {std.LINES_PER_PAGE} 行，每行 {std.CHARS_PER_LINE} 字）",
            )


@rule("LAYOUT-INDENT")
def indent(ctx: Context) -> Iterator[Finding]:
    layout = ctx.layout
    if not layout:
        return
    got = _get(layout, "body_first_line")
    if got is None and any(p.get("text") for p in layout.get("paragraphs") or []):
        got = 0  # no indent set anywhere: Word's default, flush left
    if isinstance(got, (int, float)) and abs(got - std.FIRST_LINE_INDENT) > std.CHAR_WIDTH / 4:
        chars = got / std.CHAR_WIDTH
        yield ctx.report(
            None,
            "LAYOUT-INDENT",
            f"正文首行缩进约 {chars:.1f} 字",
            "正文每段首行缩进 2 字（3号字 32 磅），回行顶格",
        )


@rule("LAYOUT-FONT")
def fonts(ctx: Context) -> Iterator[Finding]:
    layout = ctx.layout
    if not layout:
        return
    checks = [
        ("body_font", std.FONT_BODY, "正文字体"),
        ("title_font", std.FONT_TITLE, "标题字体"),
    ]
    for key, want, name in checks:
        got = _get(layout, key)
        if got and got != want:
            yield ctx.report(None, "LAYOUT-FONT", f"{name}是“{got}”", f"改为“{want}”")
    if _get(layout, "body_font") is None and _get(layout, "theme_fonts_used"):
        yield ctx.report(
            None,
            "LAYOUT-FONT",
            "正文没有指定字体（用的是 Word 主题字体）",
            f"正文字体设为“{std.FONT_BODY}”",
        )
    for key, want, name in (
        ("body_size", std.BODY_SIZE, "正文字号"),
        ("title_size", std.TITLE_SIZE, "标题字号"),
    ):
        got = _get(layout, key)
        if isinstance(got, (int, float)) and got != want:
            yield ctx.report(
                None, "LAYOUT-FONT", f"{name}是 {got / 2:g} 磅", f"改为 {want / 2:g} 磅"
            )
    heading_fonts = _get(layout, "heading_fonts") or {}
    for depth, got in sorted(heading_fonts.items(), key=lambda kv: int(kv[0])):
        want = std.HEADING_FONTS.get(int(depth))
        if want and got and got != want:
            yield ctx.report(
                None,
                "LAYOUT-FONT",
                f"第 {depth} 级标题字体是“{got}”",
                f"改为“{want}”",
            )


@rule("LAYOUT-PAGENUM")
def page_numbers(ctx: Context) -> Iterator[Finding]:
    layout = ctx.layout
    if not layout:
        return
    has = _get(layout, "page_numbers")
    if has is False:
        yield ctx.report(
            None, "LAYOUT-PAGENUM", "没有页码", "加页码“— 1 —”：4号宋体，单页居右、双页居左"
        )
        return
    if has and _get(layout, "even_and_odd_headers") is False:
        yield ctx.report(
            None,
            "LAYOUT-PAGENUM",
            "单页、双页的页码在同一位置",
            "设“奇偶页不同”：单页页码居右、双页居左，各空一字",
        )
    text = _get(layout, "page_number_text")
    if isinstance(text, str) and std.PAGE_NUMBER_DASH not in text:
        yield ctx.report(
            None,
            "LAYOUT-PAGENUM",
            f"页码形式是“{text}”",
            f"改为“{std.PAGE_NUMBER_DASH} 1 {std.PAGE_NUMBER_DASH}”的形式",
        )
