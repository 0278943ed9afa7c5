"""Find the article in a whole web page: by the density and shape of its lines, not by sites.

A saved page is a site menu (runs of short lines), breadcrumbs, sidebars of links (lines
ending in a date stamp such as [08-18], or mostly link text), the article (long lines of
sentences, with short headings between them), then a footer. Each line gets a weight —
sentence lines count for the article by their length, link-list and menu lines against it,
short lines a little against — and the article is the stretch of lines with the largest sum
(its short headings ride along between sentences). The title and 文号 lines just above it,
and a 署名 / 成文日期 just below it, are kept; everything else is marked removed.

A text file only gets this treatment when it shows the shape of a whole page (several
link-list or menu lines outside the article); a web page (.html) always does.
"""

from __future__ import annotations

import re

from nigao.labels import PAGE_HEADING
from nigao.readers import Line

REMOVED = "网页导航、链接列表或页脚"
_SENTENCE = re.compile(r"[，。；！？、]")
# A link-list entry: text, then a date stamp at the end ([08-18], 2024-08-18, (2024.8.18)).
_DATE_STAMP = re.compile(
    r"(?:[\[【(（]\s*(?:\d{2,4}[-/.])?\d{1,2}[-/.]\d{1,2}\s*[\]】)）]"
    r"|(?<![\d年])(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{2}-\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
_DATE_FIRST = re.compile(r"^\s*[\[【(（]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\]】)）]?\s+\S")
_SEPARATORS = re.compile(r"\s[|｜│·•»>/]\s|\s{2,}|[|｜│]")
_FIELD_LINE = re.compile(r"^[\u4e00-\u9fff/、·]{2,8}[：:]\s*\S")
_BREADCRUMB = re.compile(r"(?:[^\s>»→]{1,12}\s*[>»→]\s*){2,}[^\s>»→]{1,20}\s*$")
_MASTHEAD = re.compile(r"〔\d{4}〕|\[\d{4}\]|文件$")
_FOOTER_SHAPE = re.compile(r"[©®]|copyright|icp|\d{3,4}-\d{7,8}|[|｜]", re.I)
_LABEL_PAIR = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]")


def starts_heading(text: str) -> bool:
    """The line starts with a numbering label (一、 （一） 1.)."""
    return bool(PAGE_HEADING.match(text))


def _link_like(text: str, share: float) -> bool:
    """A line of a link list or a menu bar."""
    if share >= 0.6:
        return True
    if any(mark in text for mark in ">»→") and _BREADCRUMB.search(text[-120:]):
        return True
    if _label_pairs(text):
        return False  # 来源：… 作者：… 发布时间：2011-11-23: the article's own post line
    tail = text[-32:]  # a date stamp sits at the end: look there only
    stamp = _DATE_STAMP.search(tail) if tail[-1:] in "]】)）0123456789" else None
    if stamp is not None and len(text) - len(stamp.group(0)) >= 4:
        return True
    if _DATE_FIRST.match(text) and not _SENTENCE.search(text[-2:]):
        return True
    if len(text) <= 60 and not _SENTENCE.search(text):
        tokens = [t for t in _SEPARATORS.split(text) if t.strip()]
        if len(tokens) >= 3 and all(len(t.strip()) <= 10 for t in tokens):
            return True
    return False


def _label_pairs(text: str) -> bool:
    """Two or more 来源：-style labels (non-overlapping, as findall counts them); a line without
    a colon has none and is not scanned (speed: the pattern backtracks at every character)."""
    if "：" not in text and ":" not in text:
        return False
    first = _LABEL_PAIR.search(text)
    return first is not None and _LABEL_PAIR.search(text, first.end()) is not None


def _weight(text: str, share: float) -> float:
    size = len(text.replace(" ", ""))
    if share < 0:  # a table row (html): neither for nor against the article
        return 0.0
    if _link_like(text, share):
        return -2.0
    if share >= 0.3:
        return -1.0
    if size >= 25 and _SENTENCE.search(text):
        return min(8.0, 1.0 + size / 25)
    if PAGE_HEADING.match(text):
        return 0.0  # a numbered heading belongs to whatever is around it
    if _FIELD_LINE.match(text):
        return -0.1  # 时间：… 地点：… — a schedule's fields, not a menu (menus have no colon)
    if size <= 12:
        return -0.5
    return -0.2


def _best_stretch(weights: list[float]) -> tuple[int, int]:
    """(first, last) index of the stretch with the largest sum (Kadane; ties: the longer)."""
    best, best_at = float("-inf"), (0, -1)
    run, start = 0.0, 0
    for i, w in enumerate(weights):
        if run < 0 or i == 0:
            run, start = w, i
        else:
            run += w
        if run > best or (run == best and start == best_at[0]):
            best, best_at = run, (start, i)
    return best_at


def _menu_runs(texts: list[str]) -> list[bool]:
    """For each line: it ends three short lines in a row (a menu written one item a line)."""
    short = [len(t) <= 6 and not _SENTENCE.search(t) for t in texts]
    return [i >= 2 and short[i - 2] and short[i - 1] and short[i] for i in range(len(texts))]


def _navigation(weights: list[float], menu: list[bool]) -> list[bool]:
    """Link-list and menu lines (a menu written one item a line: three short lines in a row)."""
    nav = [w <= -1.0 for w in weights]
    for i in range(2, len(weights)):
        if menu[i]:
            nav[i - 2] = nav[i - 1] = nav[i] = True
    return nav


def article_bounds(texts: list[str], shares: list[float]) -> tuple[list[bool], int, int]:
    """(which lines are the article, its first line, navigation lines left out).

    Without a body of sentences (a 工作要点 of short items) no stretch stands out: then only
    the navigation lines are left out and everything else is kept.
    """
    weights = [_weight(t, s) for t, s in zip(texts, shares, strict=True)]
    menu = _menu_runs(texts)
    nav = _navigation(weights, menu)
    first, last = _best_stretch(weights)
    strength = sum(w for w in weights[first : last + 1] if w > 0)
    if strength < 4:
        keep = [not n for n in nav]
        outside = sum(1 for i, w in enumerate(weights) if w <= -1.0 or menu[i])
        return keep, next((i for i, k in enumerate(keep) if k), 0), outside
    # Up: the title, 文号 and date lines right above the first sentence.
    up = 0
    while first > 0 and up < 8:
        text = texts[first - 1]
        if _link_like(text, shares[first - 1]) or menu[first - 1] or len(text) > 80:
            break
        first -= 1
        up += 1
    # Down: a 署名, a 成文日期, an 附件 line — short lines that are no footer.
    down = 0
    while last + 1 < len(texts) and down < 4:
        text = texts[last + 1]
        if (
            _link_like(text, shares[last + 1])
            or _FOOTER_SHAPE.search(text)
            or _label_pairs(text)
            or len(text) > 40
        ):
            break
        last += 1
        down += 1
    keep = [first <= i <= last for i in range(len(texts))]
    outside = sum(
        1 for i in range(len(texts)) if not keep[i] and (weights[i] <= -1.0 or menu[i])
    )
    return keep, first, outside


def mark_article(
    lines: list[Line], shares: list[float] | None = None, page_title: str = ""
) -> None:
    """Mark every line outside the article removed (a web page: always).

    The page's <title> (a site appends its own name) names the article's title line: the
    article starts there when it is a little above the first sentences (a cover page, a
    subtitle and a table of contents between), and what is above it is page furniture.
    """
    live = [i for i, line in enumerate(lines) if line.removed_by is None]
    texts = [lines[i].text.strip() for i in live]
    if not texts:
        return
    got = [shares[i] for i in live] if shares is not None else [0.0] * len(texts)
    keep, first, _outside = article_bounds(texts, got)
    last = max((k for k, kept in enumerate(keep) if kept), default=-1)
    title_at = _title_line(texts, got, first, last, page_title) if page_title else None
    if title_at is not None:
        lines[live[title_at]].part = "title"
        for k in range(min(first, title_at), title_at):  # column labels, breadcrumbs
            if not _MASTHEAD.search(texts[k]):  # (a 版头 or 文号 stays)
                keep[k] = False
        for k in range(title_at, first):
            keep[k] = True
    for k, i in enumerate(live):
        if not keep[k]:
            lines[i].removed_by = REMOVED


def _title_line(
    texts: list[str], shares: list[float], first: int, last: int, page_title: str
) -> int | None:
    """The longest line the page's <title> starts with, near the top of the article."""
    title = re.sub(r"\s+", "", page_title)
    top = first
    while top > 0 and top > first - 40 and not _link_like(texts[top - 1], shares[top - 1]):
        top -= 1
    best: tuple[int, int] | None = None
    for k in range(top, min(last, first + 12) + 1):
        text = re.sub(r"\s+", "", texts[k])
        if (
            len(text) >= 6
            and (title.startswith(text) or (text.startswith(title) and len(title) >= 6))
            and (best is None or len(text) > best[0])
        ):
            best = (len(text), k)
    return None if best is None else best[1]


def whole_page(lines: list[Line]) -> bool:
    """Find the article in a text that is a whole saved page; leave any other text alone.

    A page shows itself by at least four link-list, menu or date-stamped lines outside the
    article; a scraped article with a stray line or two of clutter is left to ingest's rules.
    """
    live = [i for i, line in enumerate(lines) if line.removed_by is None and line.text.strip()]
    texts = [lines[i].text.strip() for i in live]
    if len(texts) < 8:
        return False
    keep, _first, outside = article_bounds(texts, [0.0] * len(texts))
    if outside < 4:
        return False
    for k, i in enumerate(live):
        if not keep[k]:
            lines[i].removed_by = REMOVED
    return True
