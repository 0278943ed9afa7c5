"""The GB/T 9704 parts of a formatted 公文, recognised by shape (and layout, where known).

A .docx, a .doc or a PDF of a real 公文 carries more than title and body: the 版头
(发文机关标志, often red and large), the 发文字号 with the 签发人, the title (centred, large),
the 主送机关, then after the body the 附件说明, the 署名 and 成文日期, and the 版记 (抄送,
印发机关和印发日期). `mark_parts` marks those lines as metadata parts so they never become
the title, a heading or a paragraph; page numbers ("— 3 —") are removed.
"""

from __future__ import annotations

import re

from nigao.readers import Line
from nigao.vocabulary import DATE_WRITTEN, DOC_NUMBER_HEAD

_ISSUER = re.compile(r"^[\u4e00-\u9fff（）()、\s]{2,40}文件$")
_SIGNER = re.compile(r"^签发人[：:]\s*(?P<signer>\S.{0,40})$")
_PRINTER = re.compile(
    r"^(?P<printer>\S.{1,40}?)\s+(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$"
)
_CC = re.compile(r"^抄\s*送[：:]\s*(?P<cc>\S.*)$")
_ATTACHMENT = re.compile(r"^附\s*件[：:]\s*\S")
_ATTACHMENT_MORE = re.compile(r"^\s*\d{1,2}\s*[.．、]\s*\S")
_PAGE_NUMBER = re.compile(r"^[—–－\-]{1,2}\s*\d{1,4}\s*[—–－\-]{1,2}$")
_NOTE = re.compile(r"^[（(]此件[^）)]{1,20}[）)]$")
_SENTENCE = re.compile(r"[，。；！？]")
_RED = re.compile(r"^(?:FF0000|F00|E[0-9A-F]0000|C00000|FF[0-3][0-9A-F][0-3][0-9A-F])$", re.I)
TITLE_MIN_SIZE = 36  # half-points: 18 pt and up reads as a title (公文 title: 22 pt, 二号)


def _signature(text: str) -> bool:
    return len(text) <= 30 and not _SENTENCE.search(text) and not DATE_WRITTEN.fullmatch(text)


def mark_parts(lines: list[Line], props: list[dict[str, object]] | None = None) -> None:
    """Mark the 版头, title, 主送 at the top and the 附件说明, 署名, 日期, 版记 at the end."""
    props = props or [{} for _ in lines]
    for line in lines:
        if _PAGE_NUMBER.match(line.text.strip()):
            line.removed_by = "页码"
    live = [i for i, line in enumerate(lines) if line.removed_by is None and line.text.strip()]
    if not live:
        return
    _mark_top(lines, props, live)
    _mark_end(lines, live)
    for line in lines:  # a PDF's text layer spaces digits apart: 2026 年 3 月 1 日
        if line.part in ("date", "print_date", "doc_number"):
            line.text = re.sub(r"\s+", "", line.text)


def _mark_top(lines: list[Line], props: list[dict[str, object]], live: list[int]) -> None:
    k = 0
    while k < len(live) and k < 6:
        i = live[k]
        text = lines[i].text.strip()
        prop = props[i]
        number = DOC_NUMBER_HEAD.match(text)
        signer = _SIGNER.match(text)
        big_red = _RED.match(str(prop.get("color") or "")) and int(prop.get("size") or 0) >= 48
        if _ISSUER.match(text) or (big_red and len(text) <= 40 and not _SENTENCE.search(text)):
            lines[i].part = "issuer_mark"
        elif number:
            lines[i].part = "doc_number"
            if number.group("signer"):
                lines[i].text = number.group("number")
                lines.insert(i + 1, Line(number.group("signer"), lines[i].at, part="signer"))
                props.insert(i + 1, {})
                live[k + 1 :] = [j + 1 for j in live[k + 1 :]]
        elif signer:
            lines[i].part = "signer"
            lines[i].text = signer.group("signer")
        else:
            break
        k += 1
    # The title: centred, large paragraphs right after the 版头 (a title may run over lines).
    start = k
    while k < len(live) and k < start + 4:
        prop = props[live[k]]
        text = lines[live[k]].text.strip()
        size = int(prop.get("size") or 0)
        if prop.get("jc") != "center" or size < TITLE_MIN_SIZE or _SENTENCE.search(text[:-1]):
            break
        lines[live[k]].part = "title"
        k += 1
    if k > start and k < len(live):
        text = lines[live[k]].text.strip()
        if text.endswith(("：", ":")) and len(text) <= 120 and "。" not in text:
            lines[live[k]].part = "recipients"  # kept with its colon, as ingest reads text


def _mark_end(lines: list[Line], live: list[int]) -> None:
    """From the last line up: 版记 (印发, 抄送), then 成文日期, 署名 and 附件说明."""
    k = len(live) - 1
    floor = max(0, len(live) // 3)
    while k >= floor:
        text = lines[live[k]].text.strip()
        printer = _PRINTER.match(text)
        cc = _CC.match(text)
        if printer:
            lines[live[k]].part = "printer"
            lines[live[k]].text = printer.group("printer")
            when = Line(printer.group("date"), lines[live[k]].at, part="print_date")
            lines.insert(live[k] + 1, when)
        elif cc:
            lines[live[k]].part = "cc"
            lines[live[k]].text = cc.group("cc").rstrip("。")
        else:
            break
        k -= 1
    # The 成文日期: the last date line near the end, the 署名 right above it.
    for back in range(k, max(floor, k - 3) - 1, -1):
        text = lines[live[back]].text.strip()
        if _NOTE.match(text):
            continue
        if not DATE_WRITTEN.fullmatch(text):
            continue
        lines[live[back]].part = "date"
        k = back - 1
        if k >= floor and _signature(lines[live[k]].text.strip()):
            lines[live[k]].part = "signature"
            k -= 1
        # 附件说明 right above the 署名: "附件：1．…" and the names after it.
        names: list[int] = []
        j = k
        while j >= floor and j > k - 12:
            text = lines[live[j]].text.strip()
            if _ATTACHMENT.match(text):
                for m in [j, *reversed(names)]:
                    lines[live[m]].part = "attachments"
                break
            if not _ATTACHMENT_MORE.match(text):
                break
            names.append(j)
            j -= 1
        break


def attachment_names(lines: list[str]) -> list[str]:
    """附件说明 lines → names: "附件：" before the first, "1." "2." only when there are several
    (a single attachment has no number, so a name that starts with one keeps it)."""
    if not lines:
        return lines
    names = [re.sub(r"^附\s*件[：:]\s*", "", lines[0]), *lines[1:]]
    if len(names) > 1:
        names = [re.sub(rf"^\s*{i}\s*[.．、]\s*", "", name) for i, name in enumerate(names, 1)]
    return names
