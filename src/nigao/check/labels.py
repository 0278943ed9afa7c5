"""Numbering labels as typed at the start of a line or paragraph (一、 （一） 1. （1）).

Each label has a style (its level in GB/T 9704's order: 1 一、 2 （一） 3 1. 4 （1）), a
number, and whether it is written in the standard form; `canonical` gives that form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nigao.check.text import is_han
from nigao.model import label as model_label

_CN = "一二三四五六七八九十百零〇"
LABEL_RE = re.compile(
    rf"^(?:"
    rf"(?P<cn>[{_CN}]+)(?P<cn_p>[、.．,，])(?![{_CN}]+[、.．])"
    rf"|(?P<pcn_o>[（(])(?P<pcn>[{_CN}]+)(?P<pcn_c>[)）])(?P<pcn_p>[、.．,，]?)"
    rf"|(?P<ar>\d{{1,2}})(?P<ar_p>[.．、,，])(?![\d.．])"
    rf"|(?P<par_o>[（(])(?P<par>\d{{1,2}})(?P<par_c>[)）])(?P<par_p>[、.．,，]?)"
    rf")"
)
_CN_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_VALUE["〇"] = 0


def cn_value(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20 (enough for section numbers)."""
    if not text:
        return None
    if text.startswith("十"):
        text = "一" + text
    total, current = 0, 0
    for char in text:
        if char == "十":
            total += (current or 1) * 10
            current = 0
        elif char in "百千":
            total += (current or 1) * (100 if char == "百" else 1000)
            current = 0
        elif char == "万":
            total, current = (total + current) * 10000, 0
        elif char in _CN_VALUE:
            current = current * 10 + _CN_VALUE[char] if current else _CN_VALUE[char]
        else:
            return None
    return total + current


@dataclass(frozen=True, slots=True)
class Label:
    text: str  # as typed
    style: int  # 1 一、 2 （一） 3 1. 4 （1）
    number: int

    @property
    def canonical(self) -> str:
        return model_label(self.style, self.number)

    @property
    def standard(self) -> bool:
        return self.text == self.canonical


def parse_label(text: str) -> Label | None:
    """The numbering label at the start of `text`, if any (not 一是/2011年/3.5)."""
    match = LABEL_RE.match(text)
    if not match:
        return None
    rest = text[match.end() :]
    if match.group("cn"):
        style, number = 1, cn_value(match.group("cn"))
        if match.group("cn_p") in ",，" and not rest:
            return None
    elif match.group("pcn"):
        style, number = 2, cn_value(match.group("pcn"))
    elif match.group("ar"):
        style, number = 3, int(match.group("ar"))
        if match.group("ar_p") in ",，" and not is_han(rest[:1]):
            return None  # "1，2，3" is a list of numbers; "1，做好……" a mistyped label
    else:
        style, number = 4, int(match.group("par"))
    if not number:
        return None
    return Label(match.group(0), style, number)
