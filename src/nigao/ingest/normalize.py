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

_PUNCT_NEAR_CJK = re.compile(rf"(?<={_CJKISH})[,:;!?]|[,:;!?](?={_CJKISH})")
_PAREN_PAIR = re.compile(r"\(([^()（）\n]{0,80})\)")
_PAREN_NEAR_CJK = re.compile(rf"(?<={_CJKISH})[()]|[()](?={_CJKISH})")
_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
_SPACE_NEAR_FULL = re.compile(rf" +(?=[{_CJK_PUNCT}])|(?<=[{_CJK_PUNCT}]) +")


@functools.lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    """A character class of the Traditional-only characters (counted at C speed)."""
    text = (_DATA / "traditional_chars.txt").read_text(encoding="utf-8")
    chars = "".join(line for line in text.splitlines() if not line.startswith("#"))
    return re.compile("[" + re.escape(chars) + "]")


_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s.json")


def detect_script(text: str) -> str:
    """'traditional' when Traditional-only characters are more than a trace, else 'simplified'."""
    hits = len(_traditional_re().findall(text))
    if hits < 3:
        return "simplified"
    cjk = len(_HAN.findall(text)) or 1
    return "traditional" if hits >= 3 and hits / cjk > 0.02 else "simplified"


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC's t2s table (phrase-aware)."""
    return _converter().convert(text)


def _fix_parens(line: str) -> str:
    def pair(match: re.Match[str]) -> str:
        inner = match.group(1)
        start, end = match.span()
        before = line[start - 1] if start else ""
        after = line[end] if end < len(line) else ""
        context = before + inner[:1] + inner[-1:] + after
        if re.search(_CJKISH, context):
            return "（" + inner + "）"
        return match.group(0)

    line = _PAREN_PAIR.sub(pair, line)
    return _PAREN_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], line)


def fix_punctuation(line: str) -> str:
    """Half-width ，：；（）！？ next to Chinese text become full-width."""
    if not any(ch in line for ch in ",:;!?()"):
        return line
    line = _fix_parens(line)
    # Twice: a run like "好,:" needs the first conversion to anchor the second.
    for _ in range(2):
        line = _PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(0)], line)
    return line


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
    if script == "traditional":
        text = to_simplified(text)
    return "\n".join(normalize_line(line) for line in text.split("\n")), script
