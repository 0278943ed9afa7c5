"""The words of a 公文 that several parts of nigao must agree on, each defined once here.

A rule that writes, reads, highlights or checks one of these imports it from this module
instead of spelling its own regular expression (docs/ARCHITECTURE.md, "Who owns what").

- **The fill-in marker** `【待填：标签】`: what a draft holds where a fact is still missing.
  compose writes it, the .docx highlights it, the profile accepts it as "not filled yet",
  ingest turns a frame's marker into a fact slot, `new --final` refuses while one is left.
  nigao writes the full-width colon; a marker a drafter types with `:` counts the same.
- **The 发文字号** `代字〔年份〕序号号`: `DOC_NUMBER` is the standard form (six-cornered
  brackets, no 第, no leading zeros) and `fix_doc_number` repairs a loosely typed one; the
  profile's validation and the checker's DOCNO-FORMAT suggest the same repair.
- **Run-in endings** `。？！`: a heading that ends a sentence is written at the start of its
  first paragraph (接排); the draft format, skeletons, ingest and the checker all ask
  `is_run_in`.
- **Numbering labels and Chinese numerals** (一、 （一） 1. （1）, 一百零一 ↔ 101): their grammar,
  both ways, is `nigao.labels` (also reached as `vocabulary.labels`); readers that need a looser form take a
  named variant of it there.
"""

from __future__ import annotations

import re

from nigao import labels as labels  # re-exported: vocabulary.labels.parse_label, …
from nigao.lazyre import LazyPattern

FILL_IN = "【待填：{}】"

# Any marker as written in a draft or a profile; group 1 is its label.
FILL_IN_RE = LazyPattern(r"【待填[：:]([^】]*)】")
# … and as a drafter may leave one, without its colon or label (【待填】): the checker's
# LEFT-PLACEHOLDER reports every such marker still in a draft.
FILL_IN_LOOSE = LazyPattern(r"【待填[:：]?[^】]*】")


# ---------------------------------------------------------------- the 发文字号 代字〔年份〕序号号

# A Chinese character (CJK ideographs, in a class that compiles cheaply; check.text uses it).
HAN = r"[^\W\d_A-Za-z]"
# Brackets a 发文字号's year is typed in: the standard 〔〕 and the usual slips ［］ [] （） ().
_OPEN, _CLOSE = "〔［\\[（(", "〕］\\]）)"

# The standard form: any 代字, six-cornered brackets, no 第, no leading zeros.
DOC_NUMBER = LazyPattern(r"^(?P<code>[^\s〔〕]+)〔(?P<year>\d{4})〕(?P<n>[1-9]\d*)号$")
# The checker's accepted form: a Chinese 代字 and a year of this or the last century.
DOC_NUMBER_CHECKED = LazyPattern(rf"^{HAN}{{1,12}}〔(?:19|20)\d{{2}}〕[1-9]\d*号$")
# A 发文字号 quoted inside a sentence (依据岚教发[2027]第8号), any brackets and 【】; groups:
# 代字, year, 第, number. The checker reports it when it is not in the standard form.
DOC_NUMBER_IN_TEXT = LazyPattern(
    rf"({HAN}{{1,10}}?[发字函办通报请复议文])\s*[{_OPEN}【]\s*((?:19|20)\d{{2}})\s*[{_CLOSE}】]"
    r"\s*(第?)\s*(\d+)\s*号"
)
# A half-width-bracketed number without its 代字: the punctuation rule leaves it to the above.
DOC_NUMBER_HALF_WIDTH = LazyPattern(r"[(\[]((?:19|20)\d{2})[)\]]\s*第?\s*\d+\s*号")
# A line that is a 发文字号 as samples type it (ingest: not a title, the document's number).
DOC_NUMBER_LINE = LazyPattern(rf"^\S{{0,12}}[{_OPEN}]\d{{4}}[{_CLOSE}]\s*第?\d+\s*号$")
# The 发文字号 line of a .docx's 版头, with the 签发人 that may share its line.
DOC_NUMBER_HEAD = LazyPattern(
    rf"^(?P<number>[^\s，。：:]{{0,20}}[{_OPEN}]\s*\d{{4}}\s*[{_CLOSE}]\s*\d{{1,5}}\s*号)"
    r"(?:\s*签发人[：:]\s*(?P<signer>\S.{0,40}))?$"
)
_YEAR_BRACKETS = LazyPattern(rf"[{_OPEN}【]\s*(\d{{4}})\s*[{_CLOSE}】]")
_NUMBER_AFTER_DI = LazyPattern(r"第\s*(\d+)")
_LEADING_ZEROS = LazyPattern(r"〕\s*0*([1-9])")
_SPACES = LazyPattern(r"\s+")


def fix_doc_number(text: str) -> str | None:
    """The standard form of a loosely typed 发文字号 (岚教发[2027]第08号 → 岚教发〔2027〕8号), or
    None when even the repaired text is not one."""
    fixed = _YEAR_BRACKETS.sub(r"〔\1〕", text.strip())
    fixed = _NUMBER_AFTER_DI.sub(r"\1", fixed)
    fixed = _LEADING_ZEROS.sub(r"〕\1", fixed)
    fixed = _SPACES.sub("", fixed)
    if not fixed.endswith("号"):
        fixed += "号"
    return fixed if DOC_NUMBER.match(fixed) else None


# ---------------------------------------------------------------- dates: 2027年3月1日

# A whole date as a 成文日期 is written (2027年3月1日, 二〇二七年三月一日; spaces between the
# parts allowed): the .docx reader's 成文日期 line and the checker's date unit (fullmatch).
DATE_WRITTEN = LazyPattern(
    r"(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
)
# A date alone on a line of a sample, in brackets or not, the day optional: the 成文日期 at
# the end, or a speech's （2027年2月20日） under its title (ingest).
DATE_LINE = LazyPattern(
    r"^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九十]{4})\s*年[\d一二三四五六七八九十]{1,2}月"
    r"(?:[\d一二三四五六七八九十]{1,3}日)?\s*[）)]?$"
)


RUN_IN_ENDINGS = ("。", "？", "！")


def is_run_in(heading: str) -> bool:
    """A heading that ends a sentence is written at the start of its first paragraph."""
    return heading.endswith(RUN_IN_ENDINGS)


def fill_in(label: str) -> str:
    """The marker for a missing fact: fill_in("新增学位数") → 【待填：新增学位数】."""
    return FILL_IN.format(label)


def fill_in_re(label: str) -> re.Pattern[str]:
    """Markers whose label matches the regular expression `label` (as group 1)."""
    return re.compile(r"【待填[：:](" + label + r")】")
