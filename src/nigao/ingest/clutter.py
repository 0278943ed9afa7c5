"""Separate a scraped page's clutter from the document's own lines.

Three general rules about web pages (data/clutter.yaml): lines that are clutter anywhere
(breadcrumbs, post metadata, disclaimers, forms…), a page footer that starts at a 上一篇 /
免责声明 / report form / pagination line and runs to the end, and the page header — every
line before the document body that is not the title (banners, slogans, repeated titles).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from nigao.ingest import tables

_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[、.．](?!\d)|（\d{1,2}）|[①-⑳])"
)
_TITLE_WORDS = re.compile(r"方案|总结|计划|意见|通知|材料|报告|汇报|经验|做法|：")
_DOC_NUMBER = re.compile(r"^\S{1,12}〔\d{4}〕\d+号$")


@dataclass
class Cleaned:
    """The document's lines (non-empty, in order), its title and what was taken out."""

    lines: list[str]
    title: str = ""
    removed: list[str] = field(default_factory=list)
    cut_by_page: bool = False
    issuer_mark: str | None = None
    doc_number: str | None = None


@functools.cache
def _any_rule(key: str) -> re.Pattern[str]:
    """All rules of a kind as one pattern: most lines match none, and are rejected at once."""
    return re.compile("|".join(f"(?:{p.pattern})" for p, _rule in tables.compiled("clutter", key)))


@functools.cache
def _markers() -> re.Pattern[str]:
    """Words one of which every clutter line contains: a fast first filter."""
    words = tables.load("clutter")["markers"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@functools.cache
def _any_clutter() -> re.Pattern[str]:
    return re.compile(_any_rule("line").pattern + "|" + _any_rule("footer_start").pattern)


def _rule_hit(line: str, key: str) -> dict | None:
    # Clutter shows at the start of a line; a long line is probed by its first 100 characters.
    if _any_rule(key).search(line if len(line) <= 100 else line[:100]) is None:
        return None
    for pattern, rule in tables.compiled("clutter", key):
        if pattern.search(line):
            return rule
    return None


def _strip_suffix(text: str) -> str:
    for suffix in tables.load("clutter")["title_suffixes"]:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            return text[: -len(suffix)]
    return text


def _starts_body(line: str) -> bool:
    """A numbered heading, a recipients line or a sentence of prose: the document has begun."""
    if _NUMBERED.match(line):
        return True
    if line.endswith(("：", ":")) and ("各" in line or len(line) > 12):
        return True
    return len(line) >= 40 and any(p in line for p in "，。；")


def _choose_title(header: list[str], page_top: list[str]) -> int | None:
    """The header line most repeated across the page top (a page shows its title 2–4 times)."""
    best: tuple[tuple[int, int, int, int], int] | None = None
    for k, line in enumerate(header):
        key = _strip_suffix(line)
        count = sum(1 for other in page_top if key in other)
        looks = int(bool(_TITLE_WORDS.search(key)))
        score = (count, looks, -len(key), k)
        if best is None or score > best[0]:
            best = (score, k)
    return None if best is None else best[1]


def clean(lines: list[str]) -> Cleaned:
    """Split normalised lines into document lines, title and removed clutter."""
    removed: list[tuple[int, str]] = []
    cut = False
    kept: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if not line:
            continue
        probe = line if len(line) <= 100 else line[:100]
        if _markers().search(probe) is None or _any_clutter().search(probe) is None:
            kept.append((index, line))
            continue
        if _rule_hit(line, "footer_start") is not None:
            for offset, rest in enumerate(lines[index:]):
                if rest:
                    rule = _rule_hit(rest, "line")
                    cut = cut or bool(rule and rule.get("truncates"))
                    removed.append((index + offset, rest))
            break
        rule = _rule_hit(line, "line")
        if rule is not None:
            cut = cut or bool(rule.get("truncates"))
            removed.append((index, line))
            continue
        kept.append((index, line))

    result = Cleaned(lines=[], cut_by_page=cut)
    body_at = next((k for k, (_, line) in enumerate(kept) if _starts_body(line)), len(kept))
    header = [line for _, line in kept[:body_at]]
    top_end = kept[body_at][0] if body_at < len(kept) else len(lines)
    title_at = _choose_title(header, [line for line in lines[:top_end] if line])
    title = _strip_suffix(header[title_at]) if title_at is not None else ""
    result.title = title
    for k, (index, line) in enumerate(kept):
        if k == title_at:
            continue
        if k < body_at:
            if _DOC_NUMBER.match(line):
                result.doc_number = line
            elif (
                title_at is not None and k < title_at and line.endswith("文件") and len(line) <= 20
            ):
                result.issuer_mark = line
            else:
                removed.append((index, line))  # banner, slogan, repeated title
        elif title and line.startswith(title) and _strip_suffix(line) == title:
            removed.append((index, line))  # the title repeated inside the page
        else:
            result.lines.append(line)
    result.removed = [line for _, line in sorted(removed)]
    return result
