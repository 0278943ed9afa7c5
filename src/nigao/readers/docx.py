""".docx: the one reader of Word files, for ingest (text lines) and check (Document).

Paragraphs and tables are read in reading order (a table row is one line, its cells apart);
Word's automatic list numbering (numbering.xml, the paragraph's or its style's numPr) is
written out, because the outline needs "一、" / "（一）" / "1."; heading styles without
numbering get the GB/T 9704 label of their level. nigao's own files (its Gw* styles) come back
as the exact `Document` they were written from (`read_docx`); any other file as lines whose
GB/T 9704 parts (版头, 发文字号, 标题, 主送, 署名, 成文日期, 附件说明, 版记) are marked by
`readers.gbt`. Numbers in the XML are read defensively: a bad one is ignored with a warning.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

from nigao import gbt9704 as G
from nigao.errors import ReadError
from nigao.labels import BY_DEPTH, TYPED_IN_DOCX, chinese_numeral, label
from nigao.model import Appendix, Document, Section
from nigao.readers import Line, Source
from nigao.readers.gbt import attachment_names
from nigao.readers.ooxml import Package, W, _int, _Styles, _text, _val

_CHINESE_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographDigital",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_MAX_LEVEL = 8  # Word's list levels are 0–8
_TOP_LINES = 16  # lines whose layout the GB/T part rules may look at


def _format(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return chinese_numeral(n) if 0 < n < 10000 else str(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class _Numbering:
    """numId → level definitions, and running counters as paragraphs are read."""

    def __init__(self, root: ET.Element | None, warnings: list[str]) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.warnings = warnings
        if root is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{W}lvl"):
                ilvl = self.number(lvl.get(f"{W}ilvl"), "w:ilvl", 0, _MAX_LEVEL)
                if ilvl is None:
                    continue
                fmt, text = lvl.find(f"{W}numFmt"), lvl.find(f"{W}lvlText")
                start = self.number(_val(lvl.find(f"{W}start")), "w:start", 0, 100000)
                levels[ilvl] = (
                    (_val(fmt) or "decimal") if fmt is not None else "decimal",
                    (_val(text) or "") if text is not None else "",
                    1 if start is None else start,
                )
            abstract[node.get(f"{W}abstractNumId") or ""] = levels
        for num in root.findall(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            if ref is None:
                continue
            levels = dict(abstract.get(_val(ref) or "", {}))
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = self.number(override.get(f"{W}ilvl"), "w:ilvl", 0, _MAX_LEVEL)
                start = self.number(
                    _val(override.find(f"{W}startOverride")), "w:startOverride", 0, 100000
                )
                if ilvl is not None and start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, start)
            self.levels[num.get(f"{W}numId") or ""] = levels

    def number(self, value: str | None, what: str, low: int, high: int) -> int | None:
        """An integer attribute within [low, high]; anything else is ignored with a warning."""
        if value is None:
            return None
        number = _int(value)
        if number is None or not low <= number <= high or value.strip() != str(number):
            note = f"编号定义里的 {what}=“{value[:20]}” 不是有效数字，已忽略（文字照常读取）"
            if note not in self.warnings:
                self.warnings.append(note)
            return None
        return number

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def value(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lfmt, _text, lstart = levels.get(level, ("decimal", "", 1))
            return _format(counters.get(level, lstart), lfmt)

        return re.sub(r"%(\d)", value, text)


class _Reader:
    """Walks the body of a .docx in reading order."""

    def __init__(self, pkg: Package, warnings: list[str]) -> None:
        self.styles = _Styles(pkg.xml("word/styles.xml"))
        self.numbering = _Numbering(pkg.xml("word/numbering.xml"), warnings)
        self.heading_counts: dict[int, int] = {}
        self.warnings = warnings
        self._style_num: dict[str, tuple[str, int] | None] = {}

    def num_pr(self, ppr: ET.Element | None, sid: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) from the paragraph, else from its style chain."""
        found = self._num_el(ppr)
        if found is not None:
            return found if found[0] != "0" else None
        if sid is None:
            return None
        if sid not in self._style_num:
            result = None
            seen: set[str] = set()
            cur: str | None = sid
            while cur and cur in self.styles.raw and cur not in seen:
                seen.add(cur)
                style = self.styles.raw[cur]
                result = self._num_el(style.find(W + "pPr"))
                if result is not None:
                    break
                cur = _val(style.find(W + "basedOn"))
            self._style_num[sid] = result if result and result[0] != "0" else None
        return self._style_num[sid]

    def _num_el(self, ppr: ET.Element | None) -> tuple[str, int] | None:
        if ppr is None:
            return None
        num = ppr.find(W + "numPr")
        if num is None:
            return None
        num_id = _val(num.find(W + "numId"))
        if num_id is None:
            return None
        raw = _val(num.find(W + "ilvl"))
        ilvl = self.numbering.number(raw, "w:ilvl", 0, _MAX_LEVEL) if raw is not None else 0
        return num_id, ilvl or 0

    def paragraph(self, p: ET.Element) -> str:
        """The paragraph's text with its list label written in ("" for an empty one)."""
        text = _text(p).strip()
        if not text:
            return ""
        ppr = p.find(W + "pPr")
        sid = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        sid = sid or self.styles.default_para
        num = self.num_pr(ppr, sid)
        if num is not None:
            return self.numbering.label(*num) + text
        if TYPED_IN_DOCX.match(text):
            return text
        match = _HEADING_NAME.match(self.styles.name(sid) or "")
        if match and 1 <= int(match.group(1)) <= 4:
            depth = int(match.group(1))
            self.heading_counts[depth] = self.heading_counts.get(depth, 0) + 1
            for deeper in [k for k in self.heading_counts if k > depth]:
                del self.heading_counts[deeper]
            return label(depth, self.heading_counts[depth]) + text
        return text

    def blocks(self, parent: ET.Element) -> list[tuple[str, ET.Element | None]]:
        """(text, paragraph element or None for a table row) in reading order."""
        out: list[tuple[str, ET.Element | None]] = []
        for child in parent:
            if child.tag == W + "p":
                out.append((self.paragraph(child), child))
            elif child.tag == W + "tbl":
                for row in child.iter(W + "tr"):
                    cells = []
                    for cell in row.findall(W + "tc"):
                        texts = [_text(p).strip() for p in cell.iter(W + "p")]
                        joined = " ".join(t.replace("\n", " ") for t in texts if t)
                        if joined:
                            cells.append(joined)
                    if cells:
                        out.append(("\u3000".join(dict.fromkeys(cells)), None))
            elif child.tag in (W + "sdt", W + "customXml", W + "smartTag"):
                content = child.find(W + "sdtContent")
                out.extend(self.blocks(content if content is not None else child))
        return out


def _props(p: ET.Element | None, styles: _Styles) -> dict[str, object]:
    """The few layout facts the GB/T part rules look at: alignment, size, colour."""
    if p is None:
        return {}
    ppr = p.find(W + "pPr")
    sid = (_val(ppr.find(W + "pStyle")) if ppr is not None else None) or styles.default_para
    facts = styles.resolved(sid)
    jc = _val(ppr.find(W + "jc")) if ppr is not None else None
    run = next((r for r in p.iter(W + "r") if _text(r).strip()), None)
    rpr = run.find(W + "rPr") if run is not None else None
    size = _int(_val(rpr.find(W + "sz"))) if rpr is not None else None
    color = _val(rpr.find(W + "color")) if rpr is not None else None
    return {
        "jc": jc or facts.get("jc"),
        "size": size or facts.get("size"),
        "color": color or facts.get("color"),
        "style": sid,
    }


def read_docx_source(data: bytes, source: str) -> Source:
    """A .docx → Source: nigao's own file as its Document, any other as marked lines."""
    pkg = Package(data, source)
    warnings: list[str] = []
    try:
        reader = _Reader(pkg, warnings)
        root = pkg.xml("word/document.xml")
    except RecursionError:
        raise ReadError("Word 文档嵌套过深，无法读取", path=source) from None
    body = root.find(W + "body") if root is not None else None
    if body is None:
        raise ReadError("Word 文档里没有文字", path=source)
    if G.STYLE_BODY[0] in reader.styles.raw:
        doc = read_docx(pkg)
        if doc.title or doc.sections:
            return Source(
                name=source, fmt="docx", document=doc, data=data, package=pkg, warnings=warnings
            )
    blocks = reader.blocks(body)
    if not any(text for text, _p in blocks):
        raise ReadError("Word 文档里没有文字", path=source)
    lines: list[Line] = []
    props: list[dict[str, object]] = []
    number = 0
    for text, p in blocks:
        if not text:
            continue
        number += 1
        lines.append(Line(text, number))
        # Layout matters only for the 版头 and title at the top (gbt._mark_top looks there).
        props.append(_props(p, reader.styles) if number <= _TOP_LINES else {})
    from nigao.readers.gbt import mark_parts

    mark_parts(lines, props)
    return Source(
        name=source,
        fmt="docx",
        lines=lines,
        data=data,
        package=pkg,
        warnings=warnings,
        at_kind="para",
    )


def _strip_label(depth: int, text: str) -> str:
    return BY_DEPTH[depth].sub("", text, count=1)


def _cell_places(body: ET.Element) -> dict[int, tuple[int, int, int]]:
    """id(paragraph) → (table, row, cell) for every paragraph inside a table."""
    out: dict[int, tuple[int, int, int]] = {}
    for t, table in enumerate(body.iter(W + "tbl")):
        for r, row in enumerate(table.findall(W + "tr")):
            for c, cell in enumerate(row.findall(W + "tc")):
                for p in cell.iter(W + "p"):
                    out[id(p)] = (t, r, c)
    return out


def read_docx(source: str | Path | bytes | Package) -> Document:
    """The Document a .docx holds: exact for nigao's own files, plain paragraphs otherwise."""
    pkg = source if isinstance(source, Package) else Package(source)
    styles = _Styles(pkg.xml("word/styles.xml"))
    root = pkg.xml("word/document.xml")
    body = root.find(W + "body") if root is not None else None
    doc = Document()
    core = pkg.xml("docProps/core.xml")
    if core is not None:
        creator = core.find("{http://purl.org/dc/elements/1.1/}creator")
        if creator is not None and creator.text:
            doc.author = creator.text
    if body is None:
        return doc
    ours = G.STYLE_BODY[0] in styles.raw
    stack: list[Section] = []  # open sections, index = depth - 1
    after_sections = False
    cells = _cell_places(body)  # table-cell paragraph → (table, row, cell)
    appendix: Appendix | None = None  # the attachment page being read (GB/T 9704 8)
    last_row: tuple[int, int] | None = None
    for p in body.iter(W + "p"):
        ppr = p.find(W + "pPr")
        sid = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        text = _text(p).strip("\n")
        if appendix is not None and id(p) in cells:  # a cell of the attachment's table
            table, row, cell = cells[id(p)]
            if (table, row) != last_row:
                appendix.table.append([])
                last_row = (table, row)
            current = appendix.table[-1]
            if cell < len(current):
                current[cell] = (current[cell] + " " + text.strip()).strip()
            else:
                current.append(text.strip())
            continue
        if not text.strip():
            continue
        if sid == G.STYLE_APPENDIX_LABEL[0]:
            appendix = Appendix("")
            doc.appendices.append(appendix)
            continue
        if appendix is not None and sid not in (G.STYLE_CC[0], G.STYLE_PRINTER[0]):
            if sid == G.STYLE_APPENDIX_TITLE[0]:
                appendix.title += text.replace("\n", "")
            else:
                appendix.paragraphs.append(text)
            continue
        level = _int(_val(ppr.find(W + "outlineLvl"))) if ppr is not None else None
        if level is None:
            level = styles.resolved(sid).get("outline_level")
        if level is None:
            m = _HEADING_NAME.match(styles.name(sid) or "")
            level = int(m.group(1)) - 1 if m else None
        first_style = None
        first = p.find(W + "r")
        if first is not None:
            first_style = _val(first.find(f"{W}rPr/{W}rStyle"))
        if sid == G.STYLE_TITLE[0]:
            doc.title += text.replace("\n", "")
        elif sid == G.STYLE_RECIPIENTS[0]:
            doc.recipients = text.rstrip("：:")
        elif sid == G.STYLE_ISSUER_MARK[0]:
            doc.issuer_mark = text
        elif sid == G.STYLE_DOC_NUMBER[0]:
            number, _tab, signer = text.partition("\t")
            doc.doc_number = number.strip()
            names = re.sub(r"^签发人[：:]", "", signer.strip()).split("\u3000")
            doc.signer = "、".join(n for n in names if n) or None
        elif sid == G.STYLE_ATTACHMENT[0]:
            doc.attachments.append(text)
        elif sid == G.STYLE_SIGNATURE[0]:
            doc.signature = text
        elif sid == G.STYLE_DATE[0]:
            doc.date = text
            right = _int(_val(ppr.find(W + "ind"), "right")) if ppr is not None else None
            doc.sealed = right == G.SEALED_DATE_RIGHT_INDENT
        elif sid == G.STYLE_CC[0]:
            doc.cc = re.sub(r"^抄送[：:]", "", text).rstrip("。")
        elif sid == G.STYLE_PRINTER[0]:
            printer, _tab, when = text.partition("\t")
            doc.printer = printer.strip()
            when = when.strip().removesuffix("印发")
            doc.print_date = when or None
        elif sid == G.STYLE_CLOSING[0]:
            doc.closing.append(text)
            after_sections = True
        elif level is not None and 0 <= level <= 3 and not after_sections:
            depth = min(level + 1, len(stack) + 1)
            run_in = bool(first_style and first_style in {s for s, _ in G.STYLE_RUN_IN.values()})
            if run_in:
                head_runs = []
                for r in p.findall(W + "r"):
                    if _val(r.find(f"{W}rPr/{W}rStyle")) != first_style:
                        break
                    head_runs.append(_text(r))
                heading = "".join(head_runs)
                rest = text[len(heading) :]
                section = Section(_strip_label(depth, heading), paragraphs=[rest], run_in=True)
            else:
                section = Section(_strip_label(depth, text) if ours else text)
            del stack[depth - 1 :]
            (stack[-1].sections if stack else doc.sections).append(section)
            stack.append(section)
        elif stack and not after_sections:
            stack[-1].paragraphs.append(text)
        elif doc.sections or after_sections:
            doc.closing.append(text)
            after_sections = True
        else:
            doc.preamble.append(text)
    doc.attachments = attachment_names(doc.attachments)
    return doc
