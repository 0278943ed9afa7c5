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

# ---------------------------------------------------------------------------
# Derived numbers the .docx writer uses (and the checker may compare against).

# One 3号 character as actually set: 16 pt less the −0.25 pt run compression (twips).
CHAR_ADVANCE = CHAR_WIDTH + CHAR_SPACING  # 315
HALF_CHAR_ADVANCE = CHAR_WIDTH // 2 + CHAR_SPACING  # 155: a half-width digit or letter
BODY_INDENT_CHARS = 2  # 7.3.3 first-line indent, in characters

# 7.3.1 — the title at 2号 (22 pt = 440 twips) holds 20 characters a line in the 版心.
TITLE_CHAR_WIDTH = TITLE_SIZE * 10  # twips
TITLE_CHARS_PER_LINE = TEXT_WIDTH // TITLE_CHAR_WIDTH  # 20

# 7.3.5.2 — without a seal: 署名 right-indented two characters, 成文日期 on the next line,
# its first character two characters right of the 署名's first character; a date longer than
# the 署名 is right-indented two characters and the 署名 moves left to match.
SIGNATURE_RIGHT_INDENT = 2 * CHAR_WIDTH  # 640
DATE_OFFSET = 2 * CHAR_ADVANCE  # 630: 成文日期 starts this far right of the 署名's start
DATE_RIGHT_INDENT = 2 * CHAR_WIDTH  # 640
# 7.3.5.1 — with a seal: 成文日期 right-indented four characters, the 署名 centred over it, two
# empty rows above the 署名 so that the seal (about 42 mm, four rows) presses onto 署名 and
# date with its top within one row of the body.
SEALED_DATE_RIGHT_INDENT = 4 * CHAR_WIDTH  # 1280
SEALED_BLANK_ROWS = 2
UNSEALED_BLANK_ROWS = 1
# LibreOffice ignores w:autoSpaceDE/DN and always puts a fifth of an em between a Chinese
# character and a Latin letter or digit (measured: 3.2 pt at 16 pt). Word does the same by
# default (its autoSpace settings are left on), so widths and line counts include the gap.
AUTOSPACE = CHAR_WIDTH // 5  # 64 twips at 3号

# 7.2.4 / 7.2.5 — 版头: 发文机关标志 in red 小标宋 (初号 42 pt at most, shrunk to fit the
# 版心 width); its top 35 mm below the top of the 版心 (three blank grid lines, then a
# two-line slot); 发文字号 two blank lines below; the red rule 4 mm below the 发文字号.
ISSUER_MARK_MAX_SIZE = 84  # half-points, 初号
ISSUER_MARK_LINES = 2  # the mark's exact line height in grid lines
ISSUER_MARK_BLANK_LINES_ABOVE = 3
ISSUER_MARK_TOP = mm_to_twips(35)
DOC_NUMBER_BLANK_LINES_ABOVE = 2
TITLE_BLANK_LINES_BELOW_RULE = 2
RED_RULE_EIGHTHS = 12  # 1.5 pt red rule under the 发文字号
RED_RULE_SPACE = 8  # points between the 发文字号 line box and the rule (≈ 4 mm below the glyphs)
# The 发文字号 line is shortened by the rule and its spacing so the paragraph stays one grid row.
DOC_NUMBER_LINE = LINE_PITCH - RED_RULE_EIGHTHS * 20 // 8 - RED_RULE_SPACE * 20

# 7.4 — 版记: 抄送 and 印发 lines indented one 4号 character, at the foot of the last page.
VERSO_INDENT = 280  # one 4号 character, twips
VERSO_CHAR = VERSO_SIZE * 10  # one 4号 character, twips
# The 版记 is a frame anchored to the bottom of the 版心 (w:framePr yAlign="bottom"), so its
# last rule is on the bottom edge whatever the renderer's line breaks. The writer only decides
# its page: the body's last page when the estimate leaves this many rows free beyond the 版记
# and its blank row above, else a new (even) page.
VERSO_SAFETY_ROWS = 2

# 7.2.6 — 签发人 on the 发文字号 row: "签发人：" in 3号仿宋, the name in 3号楷体, one character
# in from the right; the 发文字号 then one character in from the left.
SIGNER_INDENT = CHAR_WIDTH
FONT_SIGNER = "楷体_GB2312"

# 8 — 附件 pages: "附件" and its number in 3号黑体 on the first row, the title centred on the
# third row, then the attachment's text in the body's format.
FONT_APPENDIX_LABEL = "黑体"

# 7.5 — page numbers. The footer paragraph has an exact line of PAGE_NUMBER_LINE twips and
# sits FOOTER_DISTANCE above the page's bottom edge, so the em dashes are 7 mm below the 版心:
# 35 mm − 7 mm = 28 mm above the page's bottom edge. The glyphs sit about 1 mm below the middle
# of an exact line (measured through LibreOffice 7.4), hence PAGE_NUMBER_RAISE.
PAGE_NUMBER_LINE = 400  # exact line height of the page-number paragraph, twips
PAGE_NUMBER_RAISE = mm_to_twips(1)
FOOTER_DISTANCE = mm_to_twips(35 - 7) - PAGE_NUMBER_LINE // 2 + PAGE_NUMBER_RAISE  # ≈ 25.5 mm
HEADER_DISTANCE = 851  # 15 mm; the 公文 has no header text, Word needs the attribute

# Marker of a fact the drafter still has to give, highlighted in Word.
FILL_IN_HIGHLIGHT = "yellow"

# Paragraph styles: (styleId, Word name). The ids are ASCII and stable; the names are what a
# drafter sees in Word's style pane, so one change there restyles every paragraph of a role.
STYLE_BODY = ("GwBody", "公文正文")
STYLE_CLOSING = ("GwClosing", "结束语")
STYLE_TITLE = ("GwTitle", "公文标题")
STYLE_RECIPIENTS = ("GwRecipients", "主送机关")
STYLE_ATTACHMENT = ("GwAttachment", "附件说明")
STYLE_SIGNATURE = ("GwSignature", "署名")
STYLE_DATE = ("GwDate", "成文日期")
STYLE_PAGE_NUMBER = ("GwPageNumber", "页码")
STYLE_ISSUER_MARK = ("GwIssuerMark", "发文机关标志")
STYLE_DOC_NUMBER = ("GwDocNumber", "发文字号")
STYLE_CC = ("GwCc", "抄送")
STYLE_PRINTER = ("GwPrinter", "印发机关和日期")
STYLE_APPENDIX_LABEL = ("GwAppendixLabel", "附件标识")
STYLE_APPENDIX_TITLE = ("GwAppendixTitle", "附件标题")
STYLE_TABLE_TEXT = ("GwTableText", "表格文字")
# Character style of the 签发人's name (楷体).
STYLE_SIGNER_NAME = ("GwSignerName", "签发人姓名")
STYLE_HEADINGS = {
    1: ("GwHeading1", "一级标题"),
    2: ("GwHeading2", "二级标题"),
    3: ("GwHeading3", "三级标题"),
    4: ("GwHeading4", "四级标题"),
}
# Character styles for run-in headings ("（一）加强组织领导。" at the start of a paragraph).
STYLE_RUN_IN = {
    1: ("GwRunIn1", "一级标题（段内）"),
    2: ("GwRunIn2", "二级标题（段内）"),
    3: ("GwRunIn3", "三级标题（段内）"),
    4: ("GwRunIn4", "四级标题（段内）"),
}
# Every role of a 公文 part → its style: one table for the writer, the reader and layout_facts.
ROLE_STYLES: dict[str, tuple[str, str]] = {
    "body": STYLE_BODY,
    "closing": STYLE_CLOSING,
    "title": STYLE_TITLE,
    "recipients": STYLE_RECIPIENTS,
    "attachment": STYLE_ATTACHMENT,
    "signature": STYLE_SIGNATURE,
    "date": STYLE_DATE,
    "page_number": STYLE_PAGE_NUMBER,
    "issuer_mark": STYLE_ISSUER_MARK,
    "doc_number": STYLE_DOC_NUMBER,
    "cc": STYLE_CC,
    "printer": STYLE_PRINTER,
    "appendix_label": STYLE_APPENDIX_LABEL,
    "appendix_title": STYLE_APPENDIX_TITLE,
    "table_text": STYLE_TABLE_TEXT,
    "signer_name": STYLE_SIGNER_NAME,
    **{f"heading{d}": s for d, s in STYLE_HEADINGS.items()},
    **{f"run_in{d}": s for d, s in STYLE_RUN_IN.items()},
}

# w:outlineLvl is 0-based: depth 1 (一、) is outline level 0.
OUTLINE_LEVELS = {depth: depth - 1 for depth in STYLE_HEADINGS}

# Paragraph styles that sit on the 22-line grid (exact LINE_PITCH, no space before/after).
GRID_STYLES = (
    STYLE_BODY,
    STYLE_CLOSING,
    STYLE_TITLE,
    STYLE_RECIPIENTS,
    STYLE_ATTACHMENT,
    STYLE_SIGNATURE,
    STYLE_DATE,
    *STYLE_HEADINGS.values(),
)
