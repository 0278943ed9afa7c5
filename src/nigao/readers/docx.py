"""Read a .docx sample as text lines, with Word's automatic list numbering written out.

Word keeps "一、" / "（一）" / "1." of a numbered list in numbering.xml, not in the text;
the outline parser needs them, so labels are rebuilt from each paragraph's numPr (or its
style's) and the level's numFmt / lvlText / start. Heading styles without any numbering get
the GB/T 9704 label of their level.
"""

from __future__ import annotations

import re

from nigao.errors import ReadError
from nigao.model import chinese_numeral, label
from nigao.readers import Line, Source

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographDigital",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
}
_HEADING_STYLE = re.compile(r"^(?:Heading|标题)\s*(\d)$", re.IGNORECASE)
_HAS_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[①-⑳])"
)


def _format(n: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        return chinese_numeral(n)
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

    def __init__(self, document) -> None:  # noqa: ANN001 - python-docx Document
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            levels = dict(abstract.get(ref.get(f"{_W}val"), {}))
            for override in num.findall(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, int(start.get(f"{_W}val", "1")))
            self.levels[num.get(f"{_W}numId")] = levels

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


def _num_pr(paragraph) -> tuple[str, int] | None:  # noqa: ANN001 - python-docx Paragraph
    """(numId, ilvl) from the paragraph, else from its style chain."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        if ppr is None:
            continue
        num = ppr.find(f"{_W}numPr")
        if num is None:
            continue
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        if num_id is None:
            continue
        value = num_id.get(f"{_W}val")
        if value == "0":
            return None
        return value, int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0
    return None


def read_docx_source(data: bytes, source: str) -> Source:
    """A .docx → Source: one line per paragraph (list numbers written in), then table rows."""
    from io import BytesIO

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency
        raise ReadError("缺少 python-docx，无法读取 .docx", path=source) from None
    try:
        document = docx.Document(BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ReadError(
            f"不是有效的 Word 文档（文件已损坏或不是 .docx）：{error}", path=source
        ) from None
    except Exception as error:  # zipfile.BadZipFile, lxml errors …
        raise ReadError(
            f"不是有效的 Word 文档（文件已损坏）：{type(error).__name__}", path=source
        ) from None
    numbering = _Numbering(document)
    heading_counts: dict[int, int] = {}
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            lines.append("")
            continue
        prefix = ""
        num = _num_pr(paragraph)
        if num is not None:
            prefix = numbering.label(*num)
        elif not _HAS_LABEL.match(text):
            match = _HEADING_STYLE.match(paragraph.style.name or "")
            if match and 1 <= int(match.group(1)) <= 4:
                depth = int(match.group(1))
                heading_counts[depth] = heading_counts.get(depth, 0) + 1
                for deeper in [k for k in heading_counts if k > depth]:
                    del heading_counts[deeper]
                prefix = label(depth, heading_counts[depth])
        lines.append(prefix + text)
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
            if cells:
                lines.append("　".join(dict.fromkeys(cells)))
    if not any(line.strip() for line in lines):
        raise ReadError("Word 文档里没有文字", path=source)
    return Source(
        name=source,
        fmt="docx",
        lines=[Line(text, number) for number, text in enumerate(lines, start=1) if text],
        data=data,
        at_kind="para",
    )
