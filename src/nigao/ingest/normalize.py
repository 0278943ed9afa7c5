"""Normalise scraped text: Simplified script, full-width punctuation beside Chinese, no stray spaces.

Traditional text is detected cheaply (a table of Traditional-only characters) so OpenCC —
created lazily, once per process — only runs on documents that need it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "data"

# CJK ideographs and the CJK/full-width punctuation that may sit next to them.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u2014"
_CJKISH = f"[{_CJK}{_CJK_PUNCT}]"
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

_PAREN_PAIR = re.compile(r"\(([^()（）\n]{0,80})\)")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
_SPACE_RUN = re.compile(" +")
_FULL_PUNCT = re.compile(f"[{_CJK_PUNCT}]")
_SPACE_NEAR_FULL = re.compile(rf" +(?=[{_CJK_PUNCT}])|(?<=[{_CJK_PUNCT}]) +")


@functools.lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    text = (_DATA / "traditional_chars.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


@functools.lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_traditional_chars()))) + "]")


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s.json")


def detect_script(text: str) -> str:
    """'traditional' when Traditional-only characters are more than a trace, else 'simplified'.

    Counted over distinct characters (a set intersection at C speed): a Traditional text
    uses dozens of them, a Simplified one at most a stray few.
    """
    opening = text[:1500]  # the opening tells; the whole text costs more
    hits = len(set(_traditional_re().findall(opening)))  # a class scan: no set of every char
    if hits < 5:
        return "simplified"
    distinct = set(opening)
    han = sum(1 for ch in distinct if "\u4e00" <= ch <= "\u9fff") or 1
    return "traditional" if hits / han > 0.05 else "simplified"


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC's t2s table (phrase-aware)."""
    return fix_zhe(_converter().convert(text))


@functools.lru_cache(maxsize=1)
def _zhe_words() -> tuple[re.Pattern[str], dict[str, str]]:
    from nigao.ingest import tables

    words: dict[str, str] = tables.load("script_fixes")["words"]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(alternatives), words


def fix_zhe(text: str) -> str:
    """著 → 着 in the known words t2s leaves wrong (data/script_fixes.yaml)."""
    if "著" not in text:
        return text
    pattern, words = _zhe_words()
    return pattern.sub(lambda m: words[m.group(0)], text)


def _fix_parens(line: str) -> str:
    def pair(match: re.Match[str]) -> str:
        inner = match.group(1)
        start, end = match.span()
        before = line[start - 1] if start else ""
        after = line[end] if end < len(line) else ""
        context = before + inner[:1] + inner[-1:] + after
        if _CJKISH_CHAR.search(context):
            return "（" + inner + "）"
        return match.group(0)

    line = _PAREN_PAIR.sub(pair, line)
    if "(" not in line and ")" not in line:
        return line
    return _PAREN_NEAR_CJK.sub(_to_full, line)


_HALF = re.compile(r"[,:;!?]")
_CJKISH_CHAR = re.compile(_CJKISH)
# What _is_cjkish accepts (it rejects everything below U+2018, so not the — of _CJK_PUNCT):
# a half-width mark with such a neighbour, found by one scan instead of a call per mark.
_NEIGHBOUR = f"[{_CJK}{_CJK_PUNCT.replace(chr(0x2014), '')}]"
# The mark first (a character-class scan), then its neighbours.
_HALF_NEAR_CJK = re.compile(rf"([,:;!?])(?:(?={_NEIGHBOUR})|(?<={_NEIGHBOUR}.))")
_PAREN_NEAR_CJK = re.compile(rf"[()](?:(?={_NEIGHBOUR})|(?<={_NEIGHBOUR}.))")


_ASCII_QUOTES = re.compile(r'"([^"\n]{1,60})"')


def _quotes(text: str) -> str:
    """ "零事故" inside Chinese text → “零事故”."""

    def pair(match: re.Match[str]) -> str:
        start, end = match.span()
        context = (
            (text[start - 1] if start else " ")
            + match.group(1)[:1]
            + (text[end] if end < len(text) else " ")
        )
        if any(_is_cjkish(ch) for ch in context):
            return "“" + match.group(1) + "”"
        return match.group(0)

    return _ASCII_QUOTES.sub(pair, text)


def fix_punctuation(line: str) -> str:
    """Half-width ，：；（）！？ and "" next to Chinese text become full-width."""
    if '"' in line:
        line = _quotes(line)
    if not any(ch in line for ch in ",:;!?()"):
        return line
    if "(" in line or ")" in line:
        line = _fix_parens(line)

    line = _to_full_marks(line)
    # Again only if marks are left: in a run like "好,:" the first conversion anchors the second.
    if _HALF.search(line):
        line = _to_full_marks(line)
    return line


def _to_full_marks(line: str) -> str:
    """Each half-width mark beside Chinese → full width, decided on the line as given; the marks
    split out by the pattern's group are mapped at C speed (no Python call per mark)."""
    parts = _HALF_NEAR_CJK.split(line)
    if len(parts) == 1:
        return line
    parts[1::2] = map(_HALF_TO_FULL.__getitem__, parts[1::2])
    return "".join(parts)


def _to_full(match: re.Match[str]) -> str:
    return _HALF_TO_FULL[match.group(0)]


def _is_cjkish(ch: str) -> bool:
    """A CJK ideograph or CJK / full-width punctuation (the ranges of _CJKISH)."""
    if ch < "\u2018":
        return False
    return _CJKISH_CHAR.match(ch) is not None


def _space(text: str, match: re.Match[str]) -> str:
    """A run of spaces next to full-width punctuation goes; between words one stays."""
    start, end = match.span()
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < len(text) else ""
    if (prev and _FULL_PUNCT.match(prev)) or (nxt and _FULL_PUNCT.match(nxt)):
        return ""
    return match.group(0)


def clean_spaces(line: str) -> str:
    """Indentation and stray spaces go; one space between two words may stay."""
    line = _SPACES.sub(" ", line).strip()
    if " " in line:
        line = _SPACE_NEAR_FULL.sub("", line)
    return line


def normalize_line(line: str) -> str:
    """One line, already in Simplified script: spaces, then punctuation."""
    return fix_punctuation(clean_spaces(line))


def normalize_text(text: str) -> tuple[str, str]:
    """Whole text → (normalised text, original script). Lines keep their order."""
    script = detect_script(text)
    text = to_simplified(text) if script == "traditional" else fix_zhe(text)
    # Whole text at once (the patterns never cross a line): much faster than line by line.
    text = "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))
    if " " in text:
        text = _SPACE_RUN.sub(lambda m, t=text: _space(t, m), text)
    return fix_punctuation(text), script
