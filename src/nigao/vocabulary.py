"""The words of a 公文 that several parts of nigao must agree on, each defined once here.

A rule that writes, reads, highlights or checks one of these imports it from this module
instead of spelling its own regular expression (docs/ARCHITECTURE.md, "Who owns what").

- **The fill-in marker** `【待填：标签】`: what a draft holds where a fact is still missing.
  compose writes it, the .docx highlights it, the profile accepts it as "not filled yet",
  ingest turns a frame's marker into a fact slot, `new --final` refuses while one is left.
  nigao writes the full-width colon; a marker a drafter types with `:` counts the same.
- **Run-in endings** `。？！`: a heading that ends a sentence is written at the start of its
  first paragraph (接排); the draft format, skeletons, ingest and the checker all ask
  `is_run_in`.
"""

from __future__ import annotations

import re

FILL_IN = "【待填：{}】"

# Any marker as written in a draft or a profile; group 1 is its label.
FILL_IN_RE = re.compile(r"【待填[：:]([^】]*)】")


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
