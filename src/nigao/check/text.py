"""Character classes for Chinese text, cheap to compile.

A regex class over the CJK range (`[\\u4e00-\\u9fff]`) costs Python's compiler ~6 ms each
(it builds a 64 K bitmap); `HAN` — word characters that are not digits, `_` or ASCII letters —
compiles in a fraction of that and matches the same characters in a 公文.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

Row = TypeVar("Row", bound=tuple)

from nigao.vocabulary import HAN  # noqa: E402,F401  (the class is the vocabulary's; rules import it from here)

CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕—…·"


def is_han(char: str) -> bool:
    """A Chinese character (CJK Unified Ideographs and Extension A)."""
    return bool(char) and ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf")


def is_cjkish(char: str) -> bool:
    """A Chinese character or Chinese punctuation: what makes a half-width mark wrong."""
    return is_han(char) or (bool(char) and char in CJK_PUNCT)


def first_matches(text: str, table: Iterable[Row]) -> Iterator[tuple[Row, re.Match[str]]]:
    """Matches of each row's pattern (row[0]) in table order; a match overlapping one already
    found is skipped, so the earlier, more specific pattern names a place once."""
    taken: list[tuple[int, int]] = []
    for row in table:
        for match in row[0].finditer(text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            taken.append((start, end))
            yield row, match
