"""Numbering labels and Chinese numerals, both ways: the one grammar of 一、 （一） 1. （1） ….

Writing: `label(depth, n)` is GB/T 9704's label for the n-th section at a depth (一、 （一）
1. （1）) and `chinese_numeral(n)` writes any positive integer (一百零一).

Reading: `cn_value` reads a numeral back (一百二十三 → 123, 二〇二七 → 2027, 两 → 2);
`parse_label` gives the (style, number) of the label a line starts with, as the checker
judges it; `read_label` gives (style, rank, rest) in the lenient form ingest reads samples
with (第一部分, § 2, ⒈, ⑴, ① and the 一 指导思想 of PDF text too).

Every pattern below is built from the same pieces (`CN`, `CN_LARGE`, `OPEN`, `CLOSE`,
`SEP`, `CIRCLED`); a reader that needs a looser or narrower form than the checker takes a
named variant here instead of spelling its own regular expression. Patterns compile on
first use, so importing this module costs nothing a command does not use.
"""

from __future__ import annotations

from nigao.lazyre import LazyPattern

# ---------------------------------------------------------------- Chinese numerals

CN_DIGITS = "零一二三四五六七八九"
# 〇 and 零 are zero, and so are the look-alikes typed for 〇 (○ a circle, О a Cyrillic O).
_DIGIT_VALUE = {c: i for i, c in enumerate(CN_DIGITS)} | {"〇": 0, "○": 0, "О": 0, "两": 2}


def chinese_numeral(n: int, head: bool = True) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 101 → 一百零一, 1010 → 一千零一十, 10001 → 一万零一.

    Any positive integer: outlines of a thousand sections are rare, but a count is no reason
    to fail. `head` drops the 一 of a leading 一十 (十一, but 一百一十, 一万零一十).
    """
    if n <= 0:
        raise ValueError(n)
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if n >= size:
            high, low = divmod(n, size)
            text = chinese_numeral(high, head) + unit
            if low:
                text += ("零" if low < size // 10 else "") + chinese_numeral(low, head=False)
            return text
    text, zero, started = "", False, False
    digits = (n // 1000, n // 100 % 10, n // 10 % 10, n % 10)
    for digit, unit in zip(digits, ("千", "百", "十", ""), strict=True):
        if digit == 0:
            zero = zero or started
            continue
        if zero:
            text += "零"
            zero = False
        text += CN_DIGITS[digit] + unit
        started = True
    if head and 10 <= n < 20:
        text = text[1:]
    return text


def cn_value(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零一 → 101, 两千 → 2000, 二〇二七 → 2027 (digit by
    digit); None for text that is not a numeral."""
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
        elif char in _DIGIT_VALUE:
            current = current * 10 + _DIGIT_VALUE[char] if current else _DIGIT_VALUE[char]
        else:
            return None
    return total + current


def cn_digits(text: str) -> str:
    """A numeral read digit by digit, as years are written: 二〇二七 → "2027" (zeros kept)."""
    return "".join(str(_DIGIT_VALUE[char]) for char in text)


# ---------------------------------------------------------------- writing labels


def label(depth: int, n: int) -> str:
    """The GB/T 9704 numbering label for the n-th section at a depth (1-based).

    depth 1 → 一、 depth 2 → （一） depth 3 → 1. depth 4 → （1）
    """
    if depth == 1:
        return chinese_numeral(n) + "、"
    if depth == 2:
        return "（" + chinese_numeral(n) + "）"
    if depth == 3:
        return f"{n}."
    if depth == 4:
        return f"（{n}）"
    raise ValueError(f"depth {depth} is deeper than GB/T 9704 numbering (1–4)")


# ---------------------------------------------------------------- the grammar's pieces

CN = "一二三四五六七八九十"  # a section numeral up to 九十九
CN_LARGE = CN + "百零〇"  # … and past it (一百零一、)
OPEN, CLOSE = "[（(]", "[)）]"
SEP = "[、.．]"  # after 一 and 1; optional after （一） and （1）
CIRCLED = "[①-⑳]"
PAREN_DIGITS = "[⑴-⒇]"  # ⑴ one character: Word's symbol lists
DOT_DIGITS = "[⒈-⒛]"  # ⒈

# Every label starts with one of these (a fast first test before any pattern).
CAPITAL = "壹贰叁参肆伍陆柒捌玖拾"  # 大写 numerals (參 reads as 参 in Simplified)
LABEL_FIRST = frozenset(
    CN
    + CAPITAL
    + "0123456789（§第"
    + "".join(chr(c) for c in range(0x2460, 0x2474))  # ①-⑳
    + "".join(chr(c) for c in range(0x2474, 0x249C))  # ⑴-⒇, ⒈-⒛
)

# ---------------------------------------------------------------- the checker's form

# Style 1 一、 2 （一） 3 1. 4 （1）; a comma after the label is a mistyped separator the
# checker reports, so it is read here (and `parse_label` decides when it is a label at all).
STRICT = LazyPattern(
    rf"^(?:"
    rf"(?P<cn>[{CN_LARGE}]+)(?P<cn_p>[、.．,，])(?![{CN_LARGE}]+[、.．])"
    rf"|(?P<pcn_o>{OPEN})(?P<pcn>[{CN_LARGE}]+)(?P<pcn_c>{CLOSE})(?P<pcn_p>[、.．,，]?)"
    rf"|(?P<ar>\d{{1,2}})(?P<ar_p>[.．、,，])(?![\d.．])"
    rf"|(?P<par_o>{OPEN})(?P<par>\d{{1,2}})(?P<par_c>{CLOSE})(?P<par_p>[、.．,，]?)"
    rf")"
)


class Label:
    """A label as typed (`text`), its style (1 一、 2 （一） 3 1. 4 （1）) and number. A plain
    class: every command imports this module, and a dataclass costs its import time."""

    __slots__ = ("text", "style", "number")

    def __init__(self, text: str, style: int, number: int) -> None:
        self.text, self.style, self.number = text, style, number

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Label) and (self.text, self.style, self.number) == (
            other.text,
            other.style,
            other.number,
        )

    def __hash__(self) -> int:
        return hash((self.text, self.style, self.number))

    def __repr__(self) -> str:
        return f"Label({self.text!r}, {self.style}, {self.number})"

    @property
    def canonical(self) -> str:
        return label(self.style, self.number)

    @property
    def standard(self) -> bool:
        return self.text == self.canonical


def parse_label(text: str) -> Label | None:
    """The numbering label at the start of `text`, if any (not 一是/2011年/3.5)."""
    match = STRICT.match(text)
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
        from nigao.check.text import is_han  # only the checker reads commas as separators

        if match.group("ar_p") in ",，" and not is_han(rest[:1]):
            return None  # "1，2，3" is a list of numbers; "1，做好……" a mistyped label
    else:
        style, number = 4, int(match.group("par"))
    if not number:
        return None
    return Label(match.group(0), style, number)


# ---------------------------------------------------------------- the reader's form (ingest)

# (style name, rank, pattern): rank orders the styles, 第一部分 above 一、 above ① (the
# outline's depth is a style's rank among those a document uses). Group 1 is the number.
READER_STYLES = (
    ("section_sign", -3, LazyPattern(r"^§\s*(\d{1,2})[.．、]?\s*(?=\S)")),
    ("part", -2, LazyPattern(rf"^第([{CN}]{{1,3}}|\d{{1,2}})(?:部分|章|节)[、：:．.]?\s*(?=\S)")),
    # 壹、貳、參 above 一、 (Taiwan school plans; Traditional is read as Simplified: 贰, 叁)
    ("capital", -1, LazyPattern(rf"^([{CAPITAL}]{{1,3}})[、．.]\s*(?=\S)")),
    ("cn", 0, LazyPattern(rf"^([{CN}]{{1,3}})(?:[、．]|\.(?!\d))\s*")),
    ("cn", 0, LazyPattern(rf"^([{CN}]{{1,3}})\s+(?=[\u4e00-\u9fff])")),  # 一 指导思想 (PDF text)
    ("cn_paren", 1, LazyPattern(rf"^（?([{CN}]{{1,3}})）{SEP}?\s*")),
    ("arabic", 2, LazyPattern(r"^(\d{1,2})(?:[、．]|\.(?!\d))\s*(?=\S)")),
    ("arabic", 2, LazyPattern(rf"^({DOT_DIGITS})\s*(?=\S)")),
    ("arabic_paren", 3, LazyPattern(rf"^（?(\d{{1,2}})）{SEP}?\s*")),
    ("arabic_paren", 3, LazyPattern(rf"^({PAREN_DIGITS})\s*(?=\S)")),
    ("circled", 4, LazyPattern(rf"^({CIRCLED})\s*")),
)
STYLE_NAMES = {rank: name for name, rank, _pattern in READER_STYLES}


def read_label(line: str) -> tuple[str, int, str] | None:
    """(style, rank, text after the label) for a line a sample numbers, else None."""
    if line[:1] not in LABEL_FIRST:
        return None  # most lines: one set lookup
    for name, rank, pattern in READER_STYLES:
        match = pattern.match(line)
        if match:
            return name, rank, line[match.end() :]
    return None


# A bare numeral on a line of its own (一 / 二、), whose heading is on the next line.
BARE_NUMERAL = LazyPattern(rf"^[{CN}]{{1,3}}[、．.]?$")
# A 一、 label anywhere in a line: the first test for a flattened text (一、…二、… in one line).
CN_LABEL_ANYWHERE = LazyPattern(rf"[{CN}]{{1,3}}、")
# Where labels may start inside a flattened line: 一、, （一） and 1. (not 3.5 or 20%).
FLAT_LABEL = LazyPattern(
    rf"(?P<cn>[{CN}]{{1,3}})、|（(?P<cp>[{CN}]{{1,3}})）|(?<![\d.．])(?P<ar>\d{{1,2}})[.．、](?![\d%])"
)

# ---------------------------------------------------------------- other readers' variants

# A label a drafter typed in front of a draft's heading (the draft format strips it), with
# the spaces after it: wider numbers (to 999) than the checker, ① too.
TYPED_IN_DRAFT = LazyPattern(
    rf"^(?:[{CN_LARGE}]+{SEP}|{OPEN}[{CN_LARGE}]+{CLOSE}{SEP}?"
    rf"|\d{{1,3}}[.．、](?!\d)|{OPEN}\d{{1,3}}{CLOSE}{SEP}?|{CIRCLED})\s*"
)
# A label typed at the start of a Markdown heading (the Markdown reader keeps the heading's
# own label instead of writing its depth's): 第一部分 and 第三章 count as labels there.
TYPED_IN_MARKDOWN = LazyPattern(
    rf"^(?:[{CN}百]+{SEP}|{OPEN}[{CN}百\d]+{CLOSE}|\d{{1,2}}(?:{SEP}(?!\d))"
    rf"|{CIRCLED}|第[{CN}百\d]+[部章节篇条])"
)
# A .docx paragraph that carries its label in its text (a heading style adds none then).
TYPED_IN_DOCX = LazyPattern(rf"^(?:[{CN}]+、|{OPEN}[{CN}\d]+{CLOSE}|\d+{SEP}|{CIRCLED})")
# A web page's numbered heading line: it belongs to the article around it.
PAGE_HEADING = LazyPattern(rf"^(?:[{CN}]+{SEP}|{OPEN}[{CN}\d]+{CLOSE}|\d{{1,2}}{SEP})")
# GB/T 9704's label of each depth as a .docx writes it, to strip from a heading's text.
BY_DEPTH = {
    1: LazyPattern(rf"^[{CN}百零]+、"),
    2: LazyPattern(rf"^（[{CN}百零]+）"),
    3: LazyPattern(r"^\d+[.．]"),
    4: LazyPattern(r"^（\d+）"),
}
