"""GB/T 9704-2012 layout numbers, named once, used by the .docx writer and the checker.

Units: twips (1/20 pt, 1/1440 inch) for page geometry and spacing, half-points
for font sizes (as WordprocessingML stores them). Clause numbers of the standard
are given in the comments; docs/GBT9704.md explains each.
"""

from __future__ import annotations

MM_PER_INCH = 25.4
TWIPS_PER_INCH = 1440


def mm_to_twips(mm: float) -> int:
    return round(mm / MM_PER_INCH * TWIPS_PER_INCH)


# 5.1 / 5.2.1 — A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
PAGE_WIDTH = 11906  # 210 mm
PAGE_HEIGHT = 16838  # 297 mm
MARGIN_TOP = 2098  # 37 mm
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1588  # 28 mm
MARGIN_RIGHT = 1474  # 26 mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8844 twips = 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756 twips = 225 mm

# 5.2.3 — 22 lines of 28 characters.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # twips: exact line spacing and docGrid linePitch (225 mm / 22 ≈ 28.98 pt)
CHAR_SPACING = -5  # twentieths of a point on every 16 pt run: 28 × 15.75 pt fit in 442 pt

# 7.3.3 / 7.3.1 — sizes in half-points.
BODY_SIZE = 32  # 3号 16 pt
TITLE_SIZE = 44  # 2号 22 pt
PAGE_NUMBER_SIZE = 28  # 4号 14 pt
VERSO_SIZE = 28  # 版记 4号 14 pt

# Font names as a 公文 names them; the .docx keeps them, a PDF made here maps them.
FONT_BODY = "仿宋_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_H1 = "黑体"  # 一、
FONT_H2 = "楷体_GB2312"  # （一）
FONT_H3 = "仿宋_GB2312"  # 1.
FONT_H4 = "仿宋_GB2312"  # （1）
FONT_PAGE_NUMBER = "宋体"
HEADING_FONTS = {1: FONT_H1, 2: FONT_H2, 3: FONT_H3, 4: FONT_H4}

# 7.3.3 — first-line indent of two characters (2 × 16 pt = 640 twips).
FIRST_LINE_INDENT = 640
CHAR_WIDTH = 320  # one 3号 character, twips

# 7.2 — 版头: red 发文机关标志, red rule 4 mm below the 发文字号.
RED = "FF0000"
RULE_GAP_BELOW_DOC_NUMBER = mm_to_twips(4)

# 7.4 — 版记 rules: first and last 0.35 mm, middle 0.25 mm (eighths of a point for w:sz).
RULE_THICK_EIGHTHS = 8  # 0.35 mm ≈ 1 pt
RULE_THIN_EIGHTHS = 6  # 0.25 mm ≈ 0.75 pt

# 7.5 — page number "— 1 —", 7 mm below the 版心, one character in from the side.
PAGE_NUMBER_DASH = "—"
PAGE_NUMBER_BELOW_TEXT = mm_to_twips(7)
PAGE_NUMBER_INDENT = 280  # one 4号 character, twips
