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

FILL_IN = "【待填：{}】"

# Any marker as written in a draft or a profile; group 1 is its label.
FILL_IN_RE = re.compile(r"【待填[：:]([^】]*)】")


DOC_NUMBER = re.compile(r"^(?P<code>[^\s〔〕]+)〔(?P<year>\d{4})〕(?P<n>[1-9]\d*)号$")


def fix_doc_number(text: str) -> str | None:
    """The standard form of a loosely typed 发文字号 (岚教发[2027]第08号 → 岚教发〔2027〕8号), or
    None when even the repaired text is not one."""
    fixed = re.sub(r"[\[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]", r"〔\1〕", text.strip())
    fixed = re.sub(r"第\s*(\d+)", r"\1", fixed)
    fixed = re.sub(r"〕\s*0*([1-9])", r"〕\1", fixed)
    fixed = re.sub(r"\s+", "", fixed)
    if not fixed.endswith("号"):
        fixed += "号"
    return fixed if DOC_NUMBER.match(fixed) else None


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
