"""Dates and document numbers: 2027年3月1日 (no missing 年/月, no leading zeros, Arabic
numerals in the 成文日期), real calendar dates, 发文字号 as 代字〔2027〕8号."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from nigao.check.context import TEXT_KINDS, Context
from nigao.check.findings import Finding
from nigao.check.registry import rule
from nigao.labels import cn_digits, cn_value
from nigao.vocabulary import DOC_NUMBER_CHECKED, DOC_NUMBER_IN_TEXT, fix_doc_number

_CHECKED = TEXT_KINDS | {"date", "print_date", "signature"}
_ANY_DATE = re.compile(r"\d{4}|[〇○零О]|月0")  # every form below has one of these
_NO_NIAN = re.compile(r"(?<![\d.])((?:19|20)\d{2})(0?[1-9]|1[0-2])月")
_NO_YUE = re.compile(r"(?<![\d.])((?:19|20)\d{2})年(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])日")
_ZERO_MONTH = re.compile(r"(?<=年)0([1-9])(?=月)")
_ZERO_DAY = re.compile(r"(?<=月)0([1-9])(?=[日号])")
_SEPARATED = re.compile(r"(?<![\d.\-/])((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_CN_DATE = re.compile(
    r"([〇○零О一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)
_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
_MONTHS = {12: 31, 1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30}


@rule("DATE-FORMAT")
def date_format(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units:
        if unit.kind not in _CHECKED or not unit.text:
            continue
        text = unit.text
        if not _ANY_DATE.search(text):
            continue
        for match in _NO_NIAN.finditer(text):
            year, month = match.group(1), int(match.group(2))
            good = f"{year}年{month}月"
            yield ctx.report(
                unit,
                "DATE-FORMAT",
                f"日期“{match.group()}”缺少“年”",
                f"改为“{good}”",
                edits=[(match.start(), match.end(), good)],
            )
        for match in _NO_YUE.finditer(text):
            good = f"{match.group(1)}年{int(match.group(2))}月{int(match.group(3))}日"
            yield ctx.report(
                unit,
                "DATE-FORMAT",
                f"日期“{match.group()}”缺少“月”",
                f"改为“{good}”",
                edits=[(match.start(), match.end(), good)],
            )
        zeros = [(m.start(), m.end(), m.group(1)) for m in _ZERO_MONTH.finditer(text)]
        zeros += [(m.start(), m.end(), m.group(1)) for m in _ZERO_DAY.finditer(text)]
        if zeros:
            yield ctx.report(
                unit,
                "DATE-FORMAT",
                "日期里的月、日有前导零",
                "去掉“0”，如“2027年3月1日”",
                edits=sorted(zeros),
            )
        for match in _SEPARATED.finditer(text):
            year, month, day = match.group(1), int(match.group(3)), int(match.group(4))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            good = f"{year}年{month}月{day}日"
            yield ctx.report(
                unit,
                "DATE-FORMAT",
                f"日期“{match.group()}”不是公文写法",
                f"改为“{good}”",
                edits=[(match.start(), match.end(), good)],
            )
        if unit.kind in ("date", "print_date"):
            for match in _CN_DATE.finditer(text):
                year = cn_digits(match.group(1))
                good = f"{year}年{cn_value(match.group(2))}月{cn_value(match.group(3))}日"
                yield ctx.report(
                    unit,
                    "DATE-FORMAT",
                    f"成文日期“{match.group()}”用了汉字数字",
                    f"成文日期用阿拉伯数字：“{good}”",
                    edits=[(match.start(), match.end(), good)],
                )


@rule("DATE-INVALID")
def date_invalid(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units:
        if unit.kind not in _CHECKED or "月" not in unit.text:
            continue
        text = unit.text
        for match in _FULL_DATE.finditer(text):
            year, month, day = (int(g) for g in match.groups())
            try:
                _dt.date(year, month, day)
            except ValueError:
                yield _invalid(ctx, unit, match.group())
        for match in _MONTH_DAY.finditer(text):
            month, day = int(match.group(1)), int(match.group(2))
            if not (1 <= month <= 12) or not (
                1 <= day <= _MONTHS[month] if month in _MONTHS else False
            ):
                yield _invalid(ctx, unit, match.group())


def _invalid(ctx: Context, unit, shown: str) -> Finding:
    return ctx.report(unit, "DATE-INVALID", f"日期“{shown}”不存在", "核对日期")


@rule("DOCNO-FORMAT")
def doc_number(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units:
        if unit.kind == "doc_number":
            text = unit.text.strip()
            if DOC_NUMBER_CHECKED.match(text) or (text.startswith("【") and text.endswith("】")):
                continue  # a 【待填】 marker is LEFT-PLACEHOLDER's, not a malformed number
            good = _fixed_docno(text)
            yield ctx.report(
                unit,
                "DOCNO-FORMAT",
                f"发文字号“{text}”写法不规范",
                f"写成“代字〔年份〕序号号”{'：“' + good + '”' if good else ''}（六角括号，不加“第”，序号不编虚位）",
                edits=[(0, len(unit.text), good)] if good else None,
            )
        elif unit.kind in TEXT_KINDS and "号" in unit.text:
            for match in DOC_NUMBER_IN_TEXT.finditer(unit.text):
                good = f"{match.group(1)}〔{match.group(2)}〕{int(match.group(4))}号"
                if match.group() == good:
                    continue
                yield ctx.report(
                    unit,
                    "DOCNO-FORMAT",
                    f"发文字号“{match.group()}”写法不规范",
                    f"改为“{good}”",
                    edits=[(match.start(), match.end(), good)],
                )


def _fixed_docno(text: str) -> str | None:
    """The profile's repair (vocabulary.fix_doc_number), kept to this rule's Chinese 代字."""
    fixed = fix_doc_number(text)
    return fixed if fixed and DOC_NUMBER_CHECKED.match(fixed) else None
