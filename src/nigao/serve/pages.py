"""A drafted document as 公文 pages in HTML, for the page's preview.

The Word file is the real layout; this is a faithful-enough picture of it in the browser: A4
pages of 22 lines × 28 characters (gbt9704), the red 版头 with the 发文字号 and red rule, the
title, numbered headings in their typefaces, run-in headings, the 署名 and 成文日期, the 版记
at the foot of the last page, page numbers, and every 【待填】 highlighted. Each block carries
the id the findings link to (`b<N>`, N counting the texts in the order the draft writer wrote
them, so a finding's .md line finds its block through `WrittenDraft.blocks`).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nigao import gbt9704 as G

if TYPE_CHECKING:
    from nigao.drafting import DraftResult

LINES = G.LINES_PER_PAGE
CHARS = G.CHARS_PER_LINE
# Lines the first page gives to the 版头 (GB/T 9704 7.2: the mark sits 35 mm from the top
# edge, the 发文字号 two lines below it, the red rule under it, the title two lines lower).
HEAD_LINES = G.ISSUER_MARK_LINES + G.DOC_NUMBER_BLANK_LINES_ABOVE + 1 + G.TITLE_BLANK_LINES_BELOW_RULE
VERSO_LINES = 3  # 抄送, 印发机关 and 印发日期, with their rules


def width(text: str) -> float:
    """Characters as the grid counts them: a narrow (Latin, digit) character is half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


@dataclass
class Run:
    text: str
    css: str = ""  # a span class: label, h1…h4 (a run-in heading), or "" (plain text)


@dataclass
class Block:
    css: str  # body, h1…h4, title, recipients, closing, attachment, signature, date
    runs: list[Run]
    block_id: str | None = None
    indent: int = 0  # first-line indent in characters
    per_line: float = CHARS  # characters a line of this block holds
    keep_with_next: bool = False
    continued: bool = False  # the rest of a paragraph begun on the previous page
    space_after: int = 0  # blank lines below it (the title's)

    def lines(self) -> int:
        if self.css == "signature":
            return 2
        text = "".join(r.text for r in self.runs)
        if self.per_line == CHARS and not self.continued:
            from nigao.typeset import count_lines  # the writer's own row estimate

            rows = count_lines(text, first=self.indent * G.CHAR_WIDTH)
        else:
            rows = max(1, math.ceil((self.indent + width(text)) / self.per_line))
        return rows + self.space_after

    def split(self, lines: int) -> tuple[Block, Block] | None:
        """This block cut after `lines` lines (None when not even one line fits)."""
        # a character of slack a line: the browser breaks lines by its own rules (no 。 at a
        # line start …), so a cut made to the last character could overflow the page
        room = lines * (self.per_line - 1) - self.indent
        if room <= 0:
            return None
        head: list[Run] = []
        used = 0.0
        for i, run in enumerate(self.runs):
            w = width(run.text)
            if used + w <= room:
                head.append(run)
                used += w
                continue
            cut = 0
            for cut, ch in enumerate(run.text):  # noqa: B007 - cut is used after the loop
                step = 0.5 if ord(ch) < 0x2E80 else 1
                if used + step > room:
                    break
                used += step
            cut = _outside_marker(run.text, cut)
            first = [*head, Run(run.text[:cut], run.css)] if cut else head
            rest = [Run(run.text[cut:], run.css), *self.runs[i + 1 :]]
            if not first:
                return None
            return (
                Block(self.css, first, self.block_id, self.indent, self.per_line),
                Block(self.css, rest, None, 0, self.per_line, continued=True),
            )
        return None


def _outside_marker(text: str, cut: int) -> int:
    """Move a page break that falls inside 【待填：…】 to before it."""
    start = text.rfind("【", 0, cut)
    if start >= 0 and text.find("】", start) >= cut:
        return start
    return cut


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)
    used: int = 0
    head: bool = False  # the 版头 is on this page


def _blocks(result: DraftResult) -> tuple[list[Block], list[Block]]:
    """The document's text blocks (ids in the writer's order), and the closing blocks
    (attachments, 署名, 成文日期) that follow them."""
    doc = result.document
    blocks: list[Block] = []
    number = 0

    def next_id() -> str:
        nonlocal number
        number += 1
        return f"b{number}"

    if doc.title:
        title = Block("title", [Run(doc.title)], next_id(), per_line=G.TITLE_CHARS_PER_LINE)
        title.space_after = 1
        blocks.append(title)
    if doc.recipients:
        blocks.append(Block("recipients", [Run(doc.recipients + "：")], "f-recipients"))
    for text in doc.preamble:
        blocks.append(Block("body", [Run(text)], next_id(), indent=G.BODY_INDENT_CHARS))
    for depth, label, section in doc.numbered():
        level = f"h{min(depth, 4)}"
        heading = [Run(label, "label"), Run(section.heading)]
        heading_id = next_id()
        paragraphs = list(section.paragraphs)
        if section.run_in and paragraphs:
            first_id = next_id()
            runs = [Run(label + section.heading, level), Run(paragraphs.pop(0))]
            blocks.append(Block("body", runs, heading_id, indent=G.BODY_INDENT_CHARS))
            blocks[-1].runs[1].css = f"in-{first_id}"
        else:
            blocks.append(
                Block(level, heading, heading_id, indent=G.BODY_INDENT_CHARS, keep_with_next=True)
            )
        for text in paragraphs:
            blocks.append(Block("body", [Run(text)], next_id(), indent=G.BODY_INDENT_CHARS))
    for text in doc.closing:
        blocks.append(Block("body closing", [Run(text)], next_id(), indent=G.BODY_INDENT_CHARS))
    tail: list[Block] = []
    for i, name in enumerate(doc.attachments, 1):
        prefix = "附件：" if i == 1 else "　　　"
        number_text = f"{i}." if len(doc.attachments) > 1 else ""
        tail.append(Block("attachment", [Run(prefix + number_text + name)], "f-attachments"))
    if doc.signature or doc.date:  # the 署名 and 成文日期 stay together
        tail.append(Block("signature", [Run(doc.signature or ""), Run(doc.date or "")]))
    return blocks, tail


def paginate(result: DraftResult) -> list[Page]:
    """Blocks onto pages of 22 lines: a heading is kept with what follows it, a paragraph
    that does not fit is continued on the next page."""
    doc = result.document
    blocks, tail = _blocks(result)
    pages = [Page(head=bool(doc.issuer_mark or doc.doc_number))]
    pages[0].used = HEAD_LINES if pages[0].head else 0
    if tail:
        tail[0].keep_with_next = False
        blocks.append(Block("gap", [Run("")]))  # one blank line above the 署名 block
        blocks.extend(tail)
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        page = pages[-1]
        need = block.lines()
        room = LINES - page.used
        follow = queue[0].lines() if block.keep_with_next and queue else 0
        if need + min(follow, 1) <= room:
            page.blocks.append(block)
            page.used += need
            continue
        parts = None if block.keep_with_next or block.css != "body" else block.split(room)
        if parts is not None:
            page.blocks.append(parts[0])
            page.used = LINES
            queue.insert(0, parts[1])
        elif block.css == "gap":
            pass  # a blank line at the foot of a page is not carried over
        else:
            queue.insert(0, block)
            if not page.blocks and not page.head:  # taller than a page: place it anyway
                page.blocks.append(queue.pop(0))
                page.used = LINES
        pages.append(Page())
    if (doc.cc or doc.printer or doc.print_date) and LINES - pages[-1].used < VERSO_LINES:
        pages.append(Page())
    return pages


def _text_html(text: str) -> str:
    """Escaped text with every 【待填：…】 highlighted."""
    from nigao.vocabulary import FILL_IN_RE

    out = []
    at = 0
    for match in FILL_IN_RE.finditer(text):
        out.append(html.escape(text[at : match.start()]))
        out.append(f'<mark class="fill">{html.escape(match.group(0))}</mark>')
        at = match.end()
    out.append(html.escape(text[at:]))
    return "".join(out)


def _block_html(block: Block) -> str:
    if block.css == "signature":
        signature, date = (_text_html(r.text) for r in block.runs)
        return (
            f'<p class="signature" id="f-signature">{signature or "&nbsp;"}</p>'
            f'<p class="date" id="f-date">{date or "&nbsp;"}</p>'
        )
    parts = []
    for run in block.runs:
        if run.css.startswith("in-"):
            parts.append(f'<span id="{run.css[3:]}">{_text_html(run.text)}</span>')
        elif run.css:
            parts.append(f'<span class="{run.css}">{_text_html(run.text)}</span>')
        else:
            parts.append(_text_html(run.text))
    ident = f' id="{block.block_id}"' if block.block_id else ""
    css = block.css + (" cont" if block.continued else "")
    return f'<p class="{css}"{ident}>{"".join(parts) or "&nbsp;"}</p>'


def _head_html(doc: Any) -> str:
    parts = ['<div class="head">']
    if doc.issuer_mark:
        parts.append(f'<div class="mark" id="f-issuer_mark">{_text_html(doc.issuer_mark)}</div>')
    if doc.doc_number:
        parts.append(f'<div class="docno" id="f-doc_number">{_text_html(doc.doc_number)}</div>')
    parts.append('<div class="redrule"></div></div>')
    return "".join(parts)


def _verso_html(doc: Any) -> str:
    rows = ['<div class="verso">']
    if doc.cc:
        rows.append(f'<p class="cc" id="f-cc">抄送：{_text_html(doc.cc)}</p>')
    if doc.printer or doc.print_date:
        printer = _text_html(doc.printer or "")
        when = _text_html((doc.print_date or "") + ("印发" if doc.print_date else ""))
        rows.append(
            f'<p class="printer"><span id="f-printer">{printer}</span>'
            f'<span id="f-print_date">{when}</span></p>'
        )
    rows.append("</div>")
    return "".join(rows)


def render(result: DraftResult) -> str:
    """The pages as one HTML fragment (styles in static/app.css)."""
    doc = result.document
    pages = paginate(result)
    out = []
    for number, page in enumerate(pages, 1):
        side = "odd" if number % 2 else "even"
        body = "".join(_block_html(b) for b in page.blocks)
        head = _head_html(doc) if page.head else ""
        verso = _verso_html(doc) if number == len(pages) else ""
        out.append(
            f'<section class="page {side}" data-page="{number}">{head}'
            f'<div class="text">{body}</div>{verso}'
            f'<div class="folio">— {number} —</div></section>'
        )
    return "".join(out)


def finding_targets(result: DraftResult) -> list[dict[str, Any]]:
    """The findings for the page: message, suggestion, and the id of the block they are in."""
    written = result.written
    by_line = {line: f"b{i}" for i, (line, _col) in enumerate(written.blocks, 1)}
    by_line.update({line: f"f-{key}" for key, (line, _col) in written.front.items()})
    by_line.update({line: "f-attachments" for line, _col in written.attachments})
    out = []
    for finding in result.findings:
        out.append(
            {
                "rule": finding.rule,
                "severity": finding.severity,
                "message": finding.message,
                "suggestion": finding.suggestion,
                "line": finding.line,
                "target": by_line.get(finding.line or -1, ""),
            }
        )
    return out
