"""Typesetting arithmetic for the GB/T 9704 writer: widths, title lines and row estimates.

Pure functions of text and `nigao.gbt9704` numbers, no WordprocessingML: the .docx writer
places what they measure, the web preview counts rows with the same `count_lines`. Widths
include the gap LibreOffice (and Word by default) sets between Chinese and Latin characters.
"""

from __future__ import annotations

import functools
import re

from nigao import gbt9704 as G

# ---------------------------------------------------------------------------
# Widths (twips) of text set at 3号 with the run compression: for 署名/成文日期 placement
# and the 附件说明 hanging indents.


def _is_half_width(ch: str) -> bool:
    return ord(ch) < 0x1100 or 0xFF61 <= ord(ch) <= 0xFFDC


def _is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _autospace_gaps(text: str) -> int:
    """Boundaries between a Chinese character and a Latin letter or digit (see G.AUTOSPACE)."""
    gaps = 0
    for a, b in zip(text, text[1:], strict=False):
        if (_is_latin(a) and not _is_half_width(b)) or (_is_latin(b) and not _is_half_width(a)):
            gaps += 1
    return gaps


def text_width(text: str, size: int = G.BODY_SIZE, spacing: int = G.CHAR_SPACING) -> int:
    """Advance of `text` in twips as set (16 pt with −0.25 pt spacing unless told otherwise).

    Includes the gap renderers put between Chinese characters and Latin letters or digits.
    """
    full = size * 10 + spacing
    half = size * 5 + spacing
    gap = size * 10 // 5
    body = sum(half if _is_half_width(c) else full for c in text)
    return body + gap * _autospace_gaps(text)


def date_indents(signature: str, date: str, sealed: bool = False) -> tuple[int, int]:
    """(署名 right indent, 成文日期 right indent) — both paragraphs are right-aligned.

    Without a seal (7.3.5.2) the 署名 is two characters in and the date starts two characters
    right of the 署名's start; a date that would then come closer than two characters to the
    edge is set two characters in, and the 署名 moves left to keep the offset. With a seal
    (7.3.5.1) the date is four characters in and the 署名 centred over it. The date's own
    position is exact in every renderer (its right indent); only the 署名's offset depends on
    the measured width of the date.
    """
    sig_w, date_w = text_width(signature), text_width(date)
    if sealed:
        date_right = G.SEALED_DATE_RIGHT_INDENT
        return max(0, date_right + (date_w - sig_w) // 2), date_right
    sig_right = G.SIGNATURE_RIGHT_INDENT
    overrun = G.DATE_OFFSET + date_w - sig_w
    if overrun > 0:  # the date is the longer line: it sets the right edge
        return sig_right + overrun, G.DATE_RIGHT_INDENT
    return sig_right, G.DATE_RIGHT_INDENT - overrun


# ---------------------------------------------------------------------------
# Title lines: a long title is wrapped into a trapezoid (longer line first) at word
# boundaries. Break points are found from these tables; a lower cost is a better place.

_BREAK_BEFORE = {
    "关于": 1,
    "的通知": 1,
    "的实施方案": 1,
    "的工作方案": 1,
    "的活动方案": 1,
    "的方案": 1,
    "的意见": 1,
    "的报告": 1,
    "的总结": 1,
    "实施方案": 2,
    "工作方案": 2,
    "活动方案": 2,
    "工作总结": 2,
    "经验材料": 2,
    "开展": 2,
    "做好": 2,
    "加强": 2,
    "推进": 2,
    "深化": 2,
    "深入": 2,
    "实施": 3,
    "印发": 2,
    "进一步": 2,
    "全面": 3,
    "组织": 3,
    "举办": 2,
    "“": 2,
    "《": 2,
    "（": 3,
}
_BREAK_AFTER = {
    "关于": 1,
    "的": 3,
    "”": 2,
    "》": 2,
    "）": 3,
    "、": 2,
    "，": 2,
    "年": 4,
    "年度": 3,
    "教育局": 3,
    "委员会": 3,
    "人民政府": 3,
    "办公室": 3,
    "活动": 4,
    "工作": 5,
}
# Common words of education-bureau titles (data/title_words.txt): a maximum match over these
# gives the remaining word boundaries (a break between two unknown characters is never offered).
_WORDS: list[frozenset[str]] = []


def _title_words() -> frozenset[str]:
    if not _WORDS:
        # read beside the package, not through importlib.resources: importing that (and the
        # zipfile it pulls in) would cost `nigao new` more than the whole .docx write
        from nigao.tables import DATA_DIR

        text = (DATA_DIR / "title_words.txt").read_text(encoding="utf-8")
        lines = (x for x in text.splitlines() if not x.startswith("#"))
        _WORDS.append(frozenset(w for x in lines for w in x.split()))
    return _WORDS[0]


_NO_LINE_START = set("，。、：；！？）》”’】〕…—·")
_NO_LINE_END = set("（《“‘【〔")


def _title_units(text: str) -> int:
    return sum(1 if _is_half_width(c) else 2 for c in text)


def _tokens(title: str, backward: bool) -> list[tuple[int, int, bool]]:
    """Maximum-match segmentation: (start, end, known) spans, from either end of the title."""
    text = title[::-1] if backward else title
    words = _title_words()
    longest = max(len(w) for w in words)
    if backward:
        words = frozenset(w[::-1] for w in words)
    spans, pos = [], 0
    while pos < len(text):
        end = pos + 1
        known = not ("\u4e00" <= text[pos] <= "\u9fff")  # digits, letters, punctuation
        if known:
            while end < len(text) and text[end].isascii() and text[pos].isascii():
                end += 1
        else:
            for size in range(min(longest, len(text) - pos), 1, -1):
                if text[pos : pos + size] in words:
                    end, known = pos + size, True
                    break
        spans.append((pos, end, known))
        pos = end
    if backward:
        n = len(title)
        spans = [(n - b, n - a, k) for a, b, k in reversed(spans)]
    return spans


def _word_boundaries(title: str) -> set[int]:
    """Positions between two known words in either direction's segmentation."""
    cuts: set[int] = set()
    for backward in (False, True):
        spans = _tokens(title, backward)
        for (_a, b, k1), (_c, _d, k2) in zip(spans, spans[1:], strict=False):
            if k1 and k2:
                cuts.add(b)
    return cuts


def _break_costs(title: str) -> dict[int, int]:
    """Positions (index of the first character of the next line) where the title may break."""
    costs: dict[int, int] = {}
    quote_depth = [0] * (len(title) + 1)
    depth = 0
    for i, ch in enumerate(title):
        quote_depth[i] = depth
        if ch in "“《":
            depth += 1
        elif ch in "”》" and depth:
            depth -= 1
    quote_depth[len(title)] = depth

    def offer(pos: int, cost: int) -> None:
        if 0 < pos < len(title):
            if title[pos] in _NO_LINE_START or title[pos - 1] in _NO_LINE_END:
                return
            if title[pos - 1].isascii() and title[pos].isascii() and title[pos].isalnum():
                return
            cost += 4 if quote_depth[pos] else 0
            costs[pos] = min(cost, costs.get(pos, 99))

    for cut in _word_boundaries(title):
        offer(cut, 6)
    for word, cost in _BREAK_BEFORE.items():
        for m in re.finditer(re.escape(word), title):
            offer(m.start(), cost)
    for word, cost in _BREAK_AFTER.items():
        for m in re.finditer(re.escape(word), title):
            offer(m.end(), cost)
    return costs


@functools.lru_cache(maxsize=256)
def _title_lines(title: str, max_chars: int) -> tuple[str, ...]:
    return tuple(title_lines_uncached(title, max_chars))


def title_lines(title: str, max_chars: int = G.TITLE_CHARS_PER_LINE) -> list[str]:
    """Split a title into lines of at most `max_chars` characters (see title_lines_uncached)."""
    return list(_title_lines(title, max_chars))


def title_lines_uncached(title: str, max_chars: int = G.TITLE_CHARS_PER_LINE) -> list[str]:
    """Split a title into lines of at most `max_chars` characters, never inside a word.

    Lines form a trapezoid (each line no longer than the one above) or a diamond; among
    the shapes that fit, the one with the best break points and the most even lines wins.
    """
    title = title.strip()
    limit = max_chars * 2
    total = _title_units(title)
    if total <= limit:
        return [title]
    from itertools import combinations
    from math import comb

    for fallback in (False, True):
        costs = _break_costs(title)
        if fallback:  # no word boundary fits: allow any break the line rules permit
            for pos in range(1, len(title)):
                if title[pos] not in _NO_LINE_START and title[pos - 1] not in _NO_LINE_END:
                    costs.setdefault(pos, 20)
        best: tuple[float, list[str]] | None = None
        least = -(-total // limit)
        if sum(comb(len(costs), n - 1) for n in (least, least + 1)) > _MAX_SHAPES:
            return _title_lines_long(title, costs, limit)
        for n in range(least, least + 2):
            for cut in combinations(sorted(costs), n - 1):
                bounds = (0, *cut, len(title))
                lines = [title[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
                widths = [_title_units(x) for x in lines]
                if max(widths) > limit:
                    continue
                score = 10.0 * sum(costs[c] for c in cut) + (max(widths) - min(widths))
                descending = all(a >= b for a, b in zip(widths, widths[1:], strict=False))
                diamond = n == 3 and widths[1] >= widths[0] and widths[1] >= widths[2]
                if not descending:
                    score += 15 if diamond else 40
                score += 25 * (n - least)
                if best is None or score < best[0]:
                    best = (score, lines)
        if best is not None:
            return best[1]
    return [title]  # unreachable for real titles; keeps the type honest


# Shapes tried one by one for a title; beyond this (titles of four lines and more, which no
# 公文 has) the shape search would take minutes, so lines are filled by `_title_lines_long`.
_MAX_SHAPES = 20_000


def _title_lines_long(title: str, costs: dict[int, int], limit: int) -> list[str]:
    """Break points for a very long title: fewest bad breaks and least ragged lines (DP)."""
    n = len(title)
    units = [0]
    for ch in title:
        units.append(units[-1] + (1 if _is_half_width(ch) else 2))
    points = [0, *sorted(p for p in costs if 0 < p < n), n]
    best: dict[int, tuple[float, int]] = {0: (0.0, -1)}
    for k, j in enumerate(points[1:], 1):
        for i in reversed(points[:k]):
            width = units[j] - units[i]
            if width > limit:
                break
            if i not in best:
                continue
            slack = 0 if j == n else (limit - width) ** 2 / limit
            score = best[i][0] + 10.0 * costs.get(j, 0) + slack
            if j not in best or score < best[j][0]:
                best[j] = (score, i)
    if n not in best:  # a single unit wider than a line: cut anywhere
        return [title[k : k + limit // 2] for k in range(0, n, limit // 2)]
    cuts, j = [], n
    while j > 0:
        cuts.append(j)
        j = best[j][1]
    bounds = [0, *reversed(cuts)]
    return [title[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


# ---------------------------------------------------------------------------
# Line estimates: the grid rows a paragraph takes (Word and LibreOffice set this layout on the
# same 22 × 28 grid). The writer uses them to keep headings and the 署名 block with their text
# and to choose the 版记's page; the 版记's height on that page does not depend on them.

_HANGING = set("，。、．,.")  # may hang past the right edge (Word's and LibreOffice's default)


# A batch drafts many units from one profile: most paragraphs recur, so their counts are kept.
@functools.lru_cache(maxsize=4096)
def count_lines(
    text: str,
    first: int = G.FIRST_LINE_INDENT,
    left: int = 0,
    right: int = 0,
    advance: int = G.CHAR_ADVANCE,
    half: int = G.HALF_CHAR_ADVANCE,
) -> int:
    """Rows a paragraph takes on the grid: greedy line filling with CJK line-breaking rules."""
    if not text:
        return 1
    # Units: an ASCII word is unbreakable, every other character stands alone.
    units = re.findall(r"[A-Za-z0-9_.%\-]+|.", text, flags=re.S)
    lines, used = 1, 0
    width = G.TEXT_WIDTH - left - right - first
    prev_w = 0
    gap = advance // 5  # G.AUTOSPACE at this size
    prev_latin = prev_wide = False
    for unit in units:
        if unit == "\n":
            lines, used, width, prev_w = lines + 1, 0, G.TEXT_WIDTH - left - right, 0
            continue
        if len(unit) == 1:  # the common case, without a generator per character
            o = ord(unit)
            w = half if o < 0x1100 or 0xFF61 <= o <= 0xFFDC else advance
        else:
            w = sum(half if _is_half_width(c) else advance for c in unit)
        latin = unit[0].isascii() and unit[0].isalnum()
        wide = w >= advance and len(unit) == 1
        if (latin and prev_wide) or (wide and prev_latin):
            w += gap
        prev_latin, prev_wide = latin, wide
        if used + w <= width or used == 0 or unit in _HANGING:
            used += w
        elif unit in _NO_LINE_START and prev_w:
            lines, used = lines + 1, prev_w + w  # the previous character comes down with it
            width = G.TEXT_WIDTH - left - right
        else:
            lines, used = lines + 1, w
            width = G.TEXT_WIDTH - left - right
        if unit in _NO_LINE_END and used > w and used >= width - advance:
            lines, used = lines + 1, w  # an opening mark never ends a line
            width = G.TEXT_WIDTH - left - right
        prev_w = w
    return lines
