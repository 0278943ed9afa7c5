"""Punctuation and numbers: half-width marks and ASCII quotes in Chinese, unbalanced pairs,
full-width digits, ranges written with a hyphen."""

from __future__ import annotations

import re
from collections.abc import Iterator

from nigao import webclutter
from nigao.check.context import TEXT_KINDS, Context, Passage
from nigao.check.findings import Finding
from nigao.check.registry import rule
from nigao.check.tables import patterns
from nigao.check.text import is_cjkish, is_han
from nigao.vocabulary import DOC_NUMBER_HALF_WIDTH

_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_HALF_RE = re.compile(r"[,;:?!().](?!\.\.)")
_URLISH = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*|www\.\S+|\S+@\S+")
_FULL_DIGITS = re.compile("[０-９]+")
_CHECKED = TEXT_KINDS | {"signature", "date", "doc_number", "print_date", "printer"}


def _cjkish(char: str) -> bool:
    return is_cjkish(char)


def _units(ctx: Context) -> Iterator[Passage]:
    return (u for u in ctx.units if u.kind in _CHECKED and u.text)


@rule("PUNCT-HALFWIDTH")
def half_width(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx):
        text = unit.text
        if not _HALF_RE.search(text):
            continue
        skip = [m.span() for m in _URLISH.finditer(text)]
        skip += [m.span() for m in DOC_NUMBER_HALF_WIDTH.finditer(text)]  # reported as DOCNO-FORMAT
        edits = []
        for match in _HALF_RE.finditer(text):
            i = match.start()
            if any(a <= i < b for a, b in skip):
                continue
            char = match.group()
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            near = _cjkish(before) or _cjkish(after)
            if char in "()" and not near:
                near = _paren_holds_cjk(text, i)
            if char == "." and not _chinese_stop(before, after):
                continue  # 3.5, 1., www.x.cn: only 完成. or “…”. is a Chinese full stop
            if near:
                edits.append((i, i + 1, _HALF[char]))
        if edits:
            marks = "".join(dict.fromkeys(text[a] for a, _, _ in edits))
            yield ctx.report(
                unit,
                "PUNCT-HALFWIDTH",
                f"中文里有 {len(edits)} 处半角标点（{' '.join(marks)}）",
                "改为全角：" + " ".join(f"{m}→{_HALF[m]}" for m in marks),
                edits=edits,
            )


_CLOSING = "”’）》】〕"


def _chinese_stop(before: str, after: str) -> bool:
    """A `.` ending Chinese text: after a Chinese character or a closing quote or bracket
    (“强师兴校”.在 → 。), unless an ASCII word follows (www.x.cn, 完成.docx)."""
    chinese = is_han(before) or (bool(before) and before in _CLOSING)
    return chinese and not (after.isascii() and after.isalpha())


def _paren_holds_cjk(text: str, i: int) -> bool:
    if text[i] == "(":
        end = text.find(")", i)
        return end > 0 and any(is_cjkish(c) for c in text[i:end])
    start = text.rfind("(", 0, i)
    return start >= 0 and any(is_cjkish(c) for c in text[start:i])


@rule("PUNCT-QUOTE")
def ascii_quotes(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx):
        text = unit.text
        if '"' not in text and "'" not in text:
            continue
        if not any(is_han(c) for c in text):
            continue
        doubles = [m.start() for m in re.finditer('"', text)]
        singles = [
            m.start()
            for m in re.finditer("'", text)
            if not (
                re.match("[A-Za-z]", text[m.start() - 1 : m.start()] or " ")
                and re.match("[A-Za-z]", text[m.end() : m.end() + 1] or " ")
            )
        ]
        if not doubles and not singles:
            continue
        edits = []
        for positions, pair in ((doubles, "“”"), (singles, "‘’")):
            if len(positions) % 2 == 0:
                edits += [(p, p + 1, pair[k % 2]) for k, p in enumerate(positions)]
        yield ctx.report(
            unit,
            "PUNCT-QUOTE",
            f"中文里用了英文引号（{len(doubles) + len(singles)} 个）",
            "改为中文引号“ ”（引号内再用引号时用‘ ’）",
            edits=edits or None,
        )


_PAIRS = {"《": "》", "（": "）", "【": "】", "‘": "’", "〔": "〕"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_NAMES = {"《": "书名号", "（": "括号", "【": "方头括号", "‘": "单引号", "〔": "六角括号"}


@rule("PUNCT-UNBALANCED")
def unbalanced(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx):
        yield from _pairs_in_unit(ctx, unit)
    yield from _double_quotes(ctx)


def _pairs_in_unit(ctx: Context, unit: Passage) -> Iterator[Finding]:
    text = unit.text
    if not any(c in text for c in "《》（）【】‘’〔〕"):
        return
    stack: list[str] = []
    for char in text:
        if char in _PAIRS:
            stack.append(char)
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            if stack and stack[-1] == opener:
                stack.pop()
            elif opener in stack:
                while stack and stack[-1] != opener:
                    bad = stack.pop()
                    yield _unclosed(ctx, unit, bad)
                stack.pop()
            else:
                yield ctx.report(
                    unit,
                    "PUNCT-UNBALANCED",
                    f"{_PAIR_NAMES[opener]}不成对：有“{char}”而前面没有“{opener}”",
                    f"补上“{opener}”或删去多余的“{char}”",
                )
    for opener in stack:
        yield _unclosed(ctx, unit, opener)


def _unclosed(ctx: Context, unit: Passage, opener: str) -> Finding:
    return ctx.report(
        unit,
        "PUNCT-UNBALANCED",
        f"{_PAIR_NAMES[opener]}不成对：“{opener}”没有对应的“{_PAIRS[opener]}”",
        f"补上“{_PAIRS[opener]}”或删去多余的“{opener}”",
    )


def _double_quotes(ctx: Context) -> Iterator[Finding]:
    """“ ” may span paragraphs: each continued paragraph opens with “, only the last closes."""
    runs: list[list[Passage]] = []
    previous_kind = None
    for unit in ctx.units:
        if unit.kind in ("para", "preamble", "closing") and previous_kind == unit.kind:
            runs[-1].append(unit)
        elif unit.kind in _CHECKED:
            runs.append([unit])
        else:
            continue
        previous_kind = unit.kind if unit.kind in ("para", "preamble", "closing") else None
    for run in runs:
        opened: list[Passage] = []  # units whose “ is still open
        for k, unit in enumerate(run):
            text = unit.text
            continued = bool(opened)
            for i, char in enumerate(text):
                if char == "“":
                    if i == 0 and continued:
                        continue  # the opening mark of a continued quotation
                    opened.append(unit)
                elif char == "”":
                    if opened:
                        opened.pop()
                    else:
                        yield ctx.report(
                            unit,
                            "PUNCT-UNBALANCED",
                            "引号不成对：有“””而前面没有“““",
                            "在引用开始处补上“““，或删去多余的“””",
                        )
            nxt = run[k + 1] if k + 1 < len(run) else None
            if opened and not (nxt is not None and nxt.text.startswith("“")):
                for where in {id(u): u for u in opened}.values():
                    yield ctx.report(
                        where,
                        "PUNCT-UNBALANCED",
                        "引号不成对：“““没有对应的“””",
                        "在引用结束处补上“””，或删去多余的“““",
                    )
                opened = []


@rule("NUM-FULLWIDTH")
def full_width_digits(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx):
        text = unit.text
        edits = [
            (m.start(), m.end(), m.group().translate(_FULL_TO_ASCII))
            for m in _FULL_DIGITS.finditer(text)
        ]
        if edits:
            yield ctx.report(
                unit,
                "NUM-FULLWIDTH",
                f"全角数字“{text[edits[0][0] : edits[0][1]]}”",
                f"改为半角数字“{edits[0][2]}”",
                edits=edits,
            )


_FULL_TO_ASCII = str.maketrans("０１２３４５６７８９", "0123456789")

_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})(年?)\s*([-－–~])\s*((?:19|20)\d{2})(?!\d)")
_SHORT_YEAR = re.compile(r"(?<!\d)((?:19|20)(\d{2}))\s*([—－\-–~～])\s*(\d{2})(?=\s*年)(?!\d)")
_MONTH_RANGE = re.compile(r"(?<![\d\-./])(\d{1,2})(月?)\s*([-－–~])\s*(\d{1,2})(?=\s*[月日号])")
_NUMBER_RANGE = re.compile(
    r"(?<![\d.\-/:])(\d+(?:\.\d+)?)\s*([-－–])\s*(\d+(?:\.\d+)?)"
    r"(?=\s*(?:%|％|[人个所名元万亿天次项间台册本篇条位岁分米周节课时]))"
)


@rule("NUM-RANGE")
def ranges(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx):
        text = unit.text
        if not any(c in text for c in "-－–~～—"):
            continue
        for match in _YEAR_RANGE.finditer(text):
            dash = match.start(3)
            yield ctx.report(
                unit,
                "NUM-RANGE",
                f"年份范围“{match.group()}”的连接号不规范",
                "年份起止用一字线“—”，如“2013—2014年”",
                edits=[(dash, match.end(3), "—")],
            )
        for match in _SHORT_YEAR.finditer(text):
            full = match.group(1)[:2] + match.group(4)
            if int(full) <= int(match.group(1)):
                continue
            yield ctx.report(
                unit,
                "NUM-RANGE",
                f"年份“{match.group()}”简写了",
                f"年份写全：“{match.group(1)}—{full}”",
                edits=[(match.start(), match.end(), f"{match.group(1)}—{full}")],
            )
        for match in _MONTH_RANGE.finditer(text):
            yield ctx.report(
                unit,
                "NUM-RANGE",
                f"时间范围“{match.group()}”用了短横线",
                "时间起止用一字线“—”，如“3—4月”",
                edits=[(match.start(3), match.end(3), "—")],
            )
        for match in _NUMBER_RANGE.finditer(text):
            if _YEAR_RANGE.search(match.group()):
                continue
            yield ctx.report(
                unit,
                "NUM-RANGE",
                f"数值范围“{match.group()}”用了短横线",
                "数值范围用浪纹线“～”，如“3～5人”",
                edits=[(match.start(2), match.end(2), "～")],
            )


_SENTENCE_ENDS = frozenset("。？！!?…”’：:；;】.")  # "完成." is PUNCT-HALFWIDTH
_LEADER_LINE = re.compile(r"^(?:顾问|组长|副组长|常务副组长|成员|牵头领导|责任人|联系人)[：:]")


@rule("PUNCT-END")
def paragraph_end(ctx: Context) -> Iterator[Finding]:
    """A paragraph that stops on a character instead of 。？！…: the sentence was left unfinished.

    Not for .txt, where a hard-wrapped paragraph ends every line without punctuation.
    """
    if ctx.fmt == "txt":
        return
    notes = patterns()["notes_re"]
    body = [u for u in ctx.units if u.kind in ("title", "preamble", "heading", "para", "closing")]
    last_unit = body[-1] if body else None
    for unit in ctx.units:
        if unit.kind not in ("preamble", "para", "closing") or not unit.text:
            continue
        if unit is last_unit and unit.text.rstrip()[-1:] in "，、；：,;:—":
            continue  # the document stops mid-sentence: DOC-TRUNCATED
        text = unit.text.rstrip()
        last = text[-1:]
        if last in _SENTENCE_ENDS or _LEADER_LINE.match(text):
            continue
        if webclutter.search(text) or notes.search(text):
            continue  # a web-page line: LEFT-CLUTTER says to delete it
        yield ctx.report(
            unit,
            "PUNCT-END",
            f"段落“…{text[-12:]}”末尾没有句末标点",
            "句末加“。”（或补全未写完的句子）",
            edits=[(len(text), len(text), "。")] if unit.col is not None else None,
        )


_DOUBLE = re.compile(r"([，。、；：！？])\1+|[，、；：]+(?=。)|\.{3,}|。{3,}|…(?!…)")
_SPACE = re.compile(r"(?<=[^\W\d_A-Za-z]) +(?=[^\W\d_A-Za-z])")


@rule("PUNCT-DOUBLE")
def doubled(ctx: Context) -> Iterator[Finding]:
    for unit in _units(ctx):
        text = unit.text
        for match in _DOUBLE.finditer(text):
            got = match.group()
            if got in ("…",):
                if text[match.start() - 1 : match.start()] == "…":
                    continue
                good = "……"
            elif got.startswith((".", "。")) and len(got) >= 3:
                good = "……"
            elif match.group(1):
                good = match.group(1)
            else:
                good = ""  # "，" before 。
            yield ctx.report(
                unit,
                "PUNCT-DOUBLE",
                f"标点“{got}”重复或连用",
                f"改为“{good}”" if good else f"删去“{got}”",
                edits=[(match.start(), match.end(), good)],
            )


@rule("PUNCT-SPACE")
def stray_spaces(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units:
        if unit.kind not in ("preamble", "para", "closing", "heading") or " " not in unit.text:
            continue
        edits = [(m.start(), m.end(), "") for m in _SPACE.finditer(unit.text)]
        if edits:
            a, b, _ = edits[0]
            yield ctx.report(
                unit,
                "PUNCT-SPACE",
                f"汉字之间有多余的空格（{len(edits)} 处，如“{unit.text[max(0, a - 3) : b + 3]}”）",
                "删去空格",
                edits=edits,
            )
