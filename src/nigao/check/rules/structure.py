"""Structure: numbering sequences and label forms, heading punctuation, empty sections, truncation."""

from __future__ import annotations

from collections.abc import Iterator

from nigao.check.context import Context, Passage
from nigao.check.findings import Finding
from nigao.check.registry import rule
from nigao.labels import Label, parse_label
from nigao.vocabulary import is_run_in

_STYLE_NAMES = {1: "“一、”", 2: "“（一）”", 3: "“1.”", 4: "“（1）”"}
_BODY = ("title", "preamble", "heading", "para", "closing", "date")
_MID_SENTENCE = "，、；：,;:—"


def _sequence(ctx: Context, items: list[tuple[Passage, Label]], base: int) -> Iterator[Finding]:
    """Numbering within each level: 1, 2, 3 … restarting only under a new parent."""
    stack: list[list[int]] = []  # [style, last number]
    for unit, lab in items:
        styles = [entry[0] for entry in stack]
        if lab.style in styles:
            while stack[-1][0] != lab.style:
                stack.pop()
            last = stack[-1][1]
            want = Label("", lab.style, last + 1).canonical
            if lab.number == last:
                yield ctx.report(
                    unit, "NUM-REPEAT", f"序号“{lab.text}”与上一个同级序号重复", f"改为“{want}”"
                )
            elif lab.number < last:
                yield ctx.report(
                    unit,
                    "NUM-REPEAT",
                    f"同级序号重新开始：上一个是 {last}，这里是“{lab.text}”",
                    f"改为“{want}”，或检查层级",
                )
            elif lab.number > last + 1:
                yield ctx.report(
                    unit,
                    "NUM-SKIP",
                    f"序号跳号：上一个同级序号是 {last}，这里是“{lab.text}”",
                    f"改为“{want}”",
                )
            stack[-1][1] = lab.number
        else:
            parent = stack[-1][0] if stack else base
            if parent and lab.style <= parent:
                yield ctx.report(
                    unit,
                    "NUM-LEVEL",
                    f"层次序数颠倒：{_STYLE_NAMES[lab.style]}用在了{_STYLE_NAMES[parent]}的下一层",
                    "按“一、”“（一）”“1.”“（1）”的顺序逐级使用",
                )
            elif parent and lab.style > parent + 1:
                yield ctx.report(
                    unit,
                    "NUM-LEVEL-SKIP",
                    f"层次序数越级：{_STYLE_NAMES[parent]}下面直接用了{_STYLE_NAMES[lab.style]}",
                    f"下一层应使用{_STYLE_NAMES[parent + 1]}",
                )
            if lab.number != 1:
                yield ctx.report(
                    unit,
                    "NUM-SKIP",
                    f"本级第一个序号是“{lab.text}”，没有从 1 开始",
                    f"改为“{Label('', lab.style, 1).canonical}”",
                )
            stack.append([lab.style, lab.number])
        if not lab.standard:
            edits = None
            if unit.label_col is not None and unit.line is not None and unit.col is not None:
                # the label sits just before the unit's text on the same line
                edits = [(-len(lab.text), 0, lab.canonical)]
            yield ctx.report(
                unit,
                "NUM-LABEL",
                f"序号“{lab.text}”写法不规范",
                f"改为“{lab.canonical}”",
                edits=edits,
            )


@rule("NUM-REPEAT", "NUM-SKIP", "NUM-LEVEL", "NUM-LEVEL-SKIP", "NUM-LABEL")
def numbering(ctx: Context) -> Iterator[Finding]:
    if ctx.raw:
        items = [
            (u, parse_label(u.label + u.text)) for u in ctx.units if u.kind == "heading" and u.label
        ]
        yield from _sequence(ctx, [(u, lab) for u, lab in items if lab], 0)
        return
    # Documents: depth gives headings their numbers; check labels typed on paragraphs,
    # one list per section (or per preamble / closing).
    groups: list[tuple[int, list[tuple[Passage, Label]]]] = []
    key: object = None
    for unit in ctx.units:
        if unit.kind == "heading":
            key = None
            continue
        if unit.kind not in ("preamble", "para", "closing"):
            continue
        group_key = (unit.kind, id(unit.section))
        if group_key != key:
            groups.append((unit.depth or 0, []))
            key = group_key
        if unit.label:
            lab = parse_label(unit.label + unit.text)
            if lab:
                groups[-1][1].append((unit, lab))
    for base, items in groups:
        if items:
            yield from _sequence(ctx, items, base)


@rule("HEAD-PUNCT", "HEAD-RUNIN", "SECT-EMPTY")
def headings(ctx: Context) -> Iterator[Finding]:
    for unit in ctx.units:
        if unit.kind == "title" and unit.text.rstrip().endswith(("。", ".", "．")):
            yield ctx.report(
                unit, "HEAD-PUNCT", f"标题“{_short(unit.text)}”末尾有句号", "公文标题末尾不加标点"
            )
    if ctx.raw:
        yield from _text_headings(ctx)
        return
    for unit in ctx.units:
        if unit.kind != "heading" or unit.section is None:
            continue
        section = unit.section
        text = section.heading
        if unit.depth == 1 and section.run_in and text.endswith("。"):
            yield ctx.report(
                unit,
                "HEAD-PUNCT",
                f"一级标题“{_short(text)}”末尾有句号（与正文接排）",
                "一级标题单独成行、末尾不加标点：删去句号，正文另起一段",
                edits=[(len(text) - 1, len(text), "")],
            )
        elif not section.run_in and text.endswith("。"):
            yield ctx.report(
                unit,
                "HEAD-PUNCT",
                f"单独成行的标题“{_short(text)}”末尾有句号",
                "删去句号；若要与正文接排，把正文接在标题后",
            )
        if section.run_in and not is_run_in(text):
            yield ctx.report(
                unit,
                "HEAD-RUNIN",
                f"与正文接排的标题“{_short(text)}”末尾没有句号",
                "标题末尾加“。”，或让标题单独成行",
            )
        if not section.paragraphs and not section.sections:
            yield ctx.report(
                unit, "SECT-EMPTY", f"“{_short(text)}”下面没有内容", "补写内容，或删去这个标题"
            )


def _text_headings(ctx: Context) -> Iterator[Finding]:
    body = [u for u in ctx.units if u.kind in _BODY]
    for index, unit in enumerate(body):
        if unit.kind != "heading" or not unit.label or not unit.standalone:
            continue
        lab = parse_label(unit.label + unit.text)
        if lab is None:
            continue
        after = body[index + 1] if index + 1 < len(body) else None
        text = unit.text
        if (
            text.endswith("。")
            and (lab.style == 1 or len(text) <= 40)
            and after is not None
            and after.kind == "para"
        ):
            yield ctx.report(
                unit,
                "HEAD-PUNCT",
                f"单独成行的标题“{_short(text)}”末尾有句号",
                "删去句号；若要与正文接排，把正文接在标题后",
            )
        if lab.style > 2 or text.endswith(("。", *_MID_SENTENCE)) or after is None:
            continue
        next_label = (
            parse_label(after.label + after.text)
            if after.kind == "heading" and after.label
            else None
        )
        if next_label is not None and next_label.style <= lab.style:
            yield ctx.report(
                unit, "SECT-EMPTY", f"“{_short(text)}”下面没有内容", "补写内容，或删去这个标题"
            )


@rule("DOC-TRUNCATED")
def truncated(ctx: Context) -> Iterator[Finding]:
    body = [u for u in ctx.units if u.kind in ("title", "preamble", "heading", "para", "closing")]
    if not body:
        return
    last = body[-1]
    text = last.text.rstrip()
    cut_mid = text.endswith(tuple(_MID_SENTENCE))
    bare_heading = ctx.raw and last.kind == "heading" and last.standalone
    if ctx.truncated or cut_mid or bare_heading:
        yield ctx.report(
            last,
            "DOC-TRUNCATED",
            f"文档在“{_short(text, 16)}”处中断，后面的内容缺失",
            "找到完整的原文补全（网页材料常只抓到第一页）",
        )


def _short(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"
