"""A .docx package read safely, its styles resolved, and the layout facts the checker
compares with nigao.gbt9704.

`Package` reads parts under a size budget checked while inflating (a 3.9 MB zip whose
document.xml inflates to 1 GB is refused after `MAX_PART` bytes, not after it filled the
memory). `layout_facts` resolves page, grid, styles and footers of any .docx into plain
numbers (twips, half-points), so the checker never opens XML itself. Every number read from
XML goes through `_int`, which ignores what is not a finite number (inf, nan, 1e400, "abc").
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from nigao import gbt9704 as G
from nigao.errors import ReadError, os_reason

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


# ---------------------------------------------------------------------------
# Package access.


MAX_PART = 16 * 1024 * 1024  # bytes one XML part may inflate to (real documents: a few MB)
MAX_TOTAL = 48 * 1024 * 1024  # bytes all parts read from one package may inflate to
MAX_PACKAGE = 200 * 1024 * 1024  # bytes of the .docx file itself


class Package:
    """The parts of a .docx, parsed on demand, each under the inflation budget."""

    def __init__(self, source: str | Path | bytes, name: str | None = None) -> None:
        self.name = name or ("<bytes>" if isinstance(source, bytes) else str(source))
        self.inflated = 0
        try:
            if isinstance(source, bytes):
                data = source
            else:
                path = Path(source)
                if path.stat().st_size > MAX_PACKAGE:
                    raise ReadError(
                        f"Word 文档超过 {MAX_PACKAGE // 1024 // 1024} MB，拒绝读取", path=self.name
                    )
                data = path.read_bytes()
            self.zip = zipfile.ZipFile(BytesIO(data))
            self.zip.getinfo("word/document.xml")
        except OSError as error:
            raise ReadError(f"无法读取文件：{os_reason(error)}", path=self.name) from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError):
            raise ReadError("不是有效的 Word（.docx）文件", path=self.name) from None
        self._cache: dict[str, ET.Element | None] = {}

    def _too_big(self, part: str) -> ReadError:
        return ReadError(
            f"Word 文档的 {part} 解压后超过 {MAX_PART // 1024 // 1024} MB（可能是压缩炸弹），"
            "拒绝读取；请在 Word 里打开后另存一份再试",
            path=self.name,
        )

    def read(self, part: str) -> bytes:
        """A part's bytes, inflated chunk by chunk and refused once over the budget."""
        info = self.zip.getinfo(part)
        if info.file_size > MAX_PART or self.inflated + info.file_size > MAX_TOTAL:
            raise self._too_big(part)
        chunks: list[bytes] = []
        size = 0
        try:
            with self.zip.open(info) as stream:
                while chunk := stream.read(1 << 20):
                    size += len(chunk)
                    if size > MAX_PART or self.inflated + size > MAX_TOTAL:
                        raise self._too_big(part)
                    chunks.append(chunk)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            raise ReadError(f"Word 文档已损坏（{part} 无法解压）", path=self.name) from None
        self.inflated += size
        return b"".join(chunks)

    def xml(self, part: str) -> ET.Element | None:
        if part not in self._cache:
            try:
                self._cache[part] = ET.fromstring(self.read(part))
            except KeyError:
                self._cache[part] = None
            except ET.ParseError as error:  # its text is English: say where, in Chinese
                line, column = getattr(error, "position", (0, 0))
                raise ReadError(
                    f"Word 文档已损坏（{part} 第 {line} 行第 {column} 列处的 XML 不完整或有误），"
                    "请在 Word 里打开后另存一份再试",
                    path=self.name,
                ) from None
        return self._cache[part]

    def rels(self, part: str) -> dict[str, str]:
        folder, _slash, name = part.rpartition("/")
        root = self.xml(f"{folder}/_rels/{name}.rels")
        out: dict[str, str] = {}
        if root is not None:
            for rel in root:
                target = rel.get("Target", "")
                out[rel.get("Id", "")] = target if "/" in target else f"{folder}/{target}"
        return out


def _val(el: ET.Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(W + attr)


def _int(value: str | None) -> int | None:
    """A whole number from an XML attribute; None for anything else (inf, nan, 1e400, 'x')."""
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    if number != number or abs(number) > 1e12:  # nan, inf, 1e400 (inf) and absurd sizes
        return None
    return round(number)


def _on(el: ET.Element | None) -> bool | None:
    """A WordprocessingML on/off property: absent → None, <w:b/> → True, w:val=0 → False."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off")


def _text(el: ET.Element) -> str:
    """The text of a paragraph or run (tabs and breaks as \t and \n; pPr tab stops ignored)."""
    parts = []
    ppr = el.find(W + "pPr")  # its tab stops are layout, not text (a paragraph has one pPr)
    skip = {id(tab) for tab in ppr.iter(W + "tab")} if ppr is not None else ()
    for node in el.iter():  # once each: a text box's runs inside a run are not read twice
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag == W + "tab" and id(node) not in skip:
            parts.append("\t")
        elif node.tag in (W + "br", W + "cr"):
            parts.append("\n")
    return "".join(parts)


# ---------------------------------------------------------------------------
# Properties.


def _ppr_facts(ppr: ET.Element | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    sp = ppr.find(W + "spacing")
    if sp is not None:
        for key, attr in (
            ("line", "line"),
            ("line_rule", "lineRule"),
            ("before", "before"),
            ("after", "after"),
        ):
            v = _val(sp, attr)
            if v is not None:
                out[key] = v if key == "line_rule" else _int(v)
        if "line" in out and "line_rule" not in out:
            out["line_rule"] = "auto"
    ind = ppr.find(W + "ind")
    if ind is not None:
        for key, attrs in (
            ("first_line", ("firstLine",)),
            ("hanging", ("hanging",)),
            ("left", ("left", "start")),
            ("right", ("right", "end")),
        ):
            for attr in attrs:
                v = _val(ind, attr)
                if v is not None:
                    out[key] = _int(v)
                    break
        if "hanging" in out and out["hanging"]:
            out["first_line"] = -out.pop("hanging")
        else:
            out.pop("hanging", None)
    for key, tag in (("jc", "jc"), ("outline_level", "outlineLvl")):
        v = _val(ppr.find(W + tag))
        if v is not None:
            out[key] = _int(v) if key == "outline_level" else v
    snap = _on(ppr.find(W + "snapToGrid"))
    if snap is not None:
        out["snap_to_grid"] = snap
    bdr = ppr.find(W + "pBdr")
    if bdr is not None:
        out["borders"] = {
            side.tag[len(W) :]: {
                "val": _val(side),
                "size": _int(_val(side, "sz")),
                "space": _int(_val(side, "space")),
                "color": _val(side, "color"),
            }
            for side in bdr
        }
    if ppr.find(W + "framePr") is not None:
        out["frame"] = True
    return out


def _rpr_facts(rpr: ET.Element | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    fonts = rpr.find(W + "rFonts")
    if fonts is not None:
        for key, attr in (
            ("font_ascii", "ascii"),
            ("font_hansi", "hAnsi"),
            ("font_east_asia", "eastAsia"),
            ("font_cs", "cs"),
            ("font_hint", "hint"),
        ):
            v = _val(fonts, attr)
            if v is not None:
                out[key] = v
        themed = [a for a in fonts.attrib if a.endswith("Theme")]
        if themed:
            out["theme_fonts"] = sorted(a[len(W) :] if a.startswith(W) else a for a in themed)
    for key, tag in (("size", "sz"), ("size_cs", "szCs"), ("char_spacing", "spacing")):
        v = _int(_val(rpr.find(W + tag)))
        if v is not None:
            out[key] = v
    for key, tag in (("color", "color"), ("highlight", "highlight")):
        v = _val(rpr.find(W + tag))
        if v is not None:
            out[key] = v
    for key, tag in (("bold", "b"), ("italic", "i")):
        v = _on(rpr.find(W + tag))
        if v is not None:
            out[key] = v
    rstyle = _val(rpr.find(W + "rStyle"))
    if rstyle:
        out["char_style"] = rstyle
    return out


class _Styles:
    """Styles with basedOn inheritance resolved over the document defaults."""

    def __init__(self, root: ET.Element | None) -> None:
        self.raw: dict[str, ET.Element] = {}
        self.defaults: dict[str, Any] = {}
        self.default_para = None
        if root is None:
            return
        dd = root.find(W + "docDefaults")
        if dd is not None:
            self.defaults.update(_rpr_facts(dd.find(f"{W}rPrDefault/{W}rPr")))
            self.defaults.update(_ppr_facts(dd.find(f"{W}pPrDefault/{W}pPr")))
        for st in root.findall(W + "style"):
            sid = st.get(W + "styleId", "")
            self.raw[sid] = st
            if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true"):
                self.default_para = sid
        self._resolved: dict[str, dict[str, Any]] = {}

    def name(self, sid: str | None) -> str | None:
        st = self.raw.get(sid or "")
        return _val(st.find(W + "name")) if st is not None else None

    def own(self, sid: str) -> dict[str, Any]:
        st = self.raw.get(sid)
        if st is None:
            return {}
        facts = _ppr_facts(st.find(W + "pPr"))
        facts.update(_rpr_facts(st.find(W + "rPr")))
        return facts

    def resolved(self, sid: str | None, with_defaults: bool = True) -> dict[str, Any]:
        """Properties of a style with its basedOn chain (and the document defaults)."""
        chain: list[str] = []
        cur = sid
        while cur and cur in self.raw and cur not in chain:
            chain.append(cur)
            cur = _val(self.raw[cur].find(W + "basedOn"))
        out: dict[str, Any] = dict(self.defaults) if with_defaults else {}
        for s in reversed(chain):
            out.update(self.own(s))
        return out


# ---------------------------------------------------------------------------
# Layout facts for the checker.


def _section_facts(sect: ET.Element | None) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if sect is None:
        return facts
    pg = sect.find(W + "pgSz")
    if pg is not None:
        facts["page_width"] = _int(_val(pg, "w"))
        facts["page_height"] = _int(_val(pg, "h"))
    mar = sect.find(W + "pgMar")
    if mar is not None:
        for key in ("top", "bottom", "left", "right", "header", "footer", "gutter"):
            facts[f"margin_{key}" if key in ("top", "bottom", "left", "right") else key] = _int(
                _val(mar, key)
            )
    grid = sect.find(W + "docGrid")
    if grid is not None:
        facts["grid_type"] = _val(grid, "type")
        facts["line_pitch"] = _int(_val(grid, "linePitch"))
        facts["char_space"] = _int(_val(grid, "charSpace"))
    fmt = sect.find(W + "pgNumType")
    facts["page_number_format"] = _val(fmt, "fmt") if fmt is not None else None
    return facts


def _paragraph_facts(p: ET.Element, styles: _Styles) -> dict[str, Any]:
    ppr = p.find(W + "pPr")
    sid = _val(ppr.find(W + "pStyle")) if ppr is not None else None
    sid = sid or styles.default_para
    facts = styles.resolved(sid)
    direct = _ppr_facts(ppr)
    facts.update(direct)
    para_rpr = {k: v for k, v in facts.items() if k.startswith(("font_", "size", "char_spacing"))}
    runs = []
    for r in p.iter(W + "r"):
        text = _text(r)
        if not text and r.find(W + "fldChar") is None and r.find(W + "instrText") is None:
            continue
        rf = dict(para_rpr)
        rpr_el = r.find(W + "rPr")
        own = _rpr_facts(rpr_el)
        if "char_style" in own:
            rf.update(styles.resolved(own["char_style"], with_defaults=False))
        rf.update(own)
        rf["text"] = text
        runs.append(rf)
    fields = [(x.text or "").strip() for x in p.iter(W + "instrText")]
    fields += [x.get(W + "instr", "").strip() for x in p.iter(W + "fldSimple")]
    facts.update(
        style=sid,
        style_name=styles.name(sid),
        text=_text(p),
        direct=direct,
        runs=runs,
        fields=[f for f in fields if f],
    )
    return facts


def layout_facts(path: str | Path | bytes | Package) -> dict[str, Any]:
    """Every layout number of a .docx, resolved, in twips / half-points / eighths of a point.

    Flat keys (what the checker reads): page_width, page_height, margin_*, line_pitch,
    grid_type, body_line, body_line_rule, body_font, body_size, body_char_spacing,
    body_first_line, title_font, title_size, heading_fonts {depth: font}, page_numbers,
    page_number_text. Nested: page (page_width, page_height, margin_*, header, footer, grid_type, line_pitch,
    char_space, page_number_format), even_and_odd_headers, theme_fonts_used (bool), styles
    (styleId → resolved facts incl. name, fonts, size, char_spacing, line, line_rule, before,
    after, first_line, left, right, jc, outline_level, color), roles (title, body, heading1–4,
    recipients, signature, date, attachment, page_number, … → styleId facts), paragraphs (each
    with style, style_name, text, the resolved facts with direct formatting applied, `direct`
    (the paragraph's own pPr facts) and runs with resolved fonts, size, char_spacing,
    highlight), footers ("default"/"even"/"first" → list of paragraph facts with `fields`).
    """
    pkg = path if isinstance(path, Package) else Package(path)
    styles = _Styles(pkg.xml("word/styles.xml"))
    doc = pkg.xml("word/document.xml")
    body = doc.find(W + "body") if doc is not None else None
    sect = body.find(W + "sectPr") if body is not None else None
    settings = pkg.xml("word/settings.xml")
    rels = pkg.rels("word/document.xml")
    footers: dict[str, list[dict[str, Any]]] = {}
    if sect is not None:
        for ref in sect.findall(W + "footerReference"):
            part = rels.get(ref.get(R + "id", ""))
            root = pkg.xml(part) if part else None
            if root is not None:
                footers[_val(ref, "type") or "default"] = [
                    _paragraph_facts(p, styles) for p in root.iter(W + "p")
                ]
    paragraphs = (
        [_paragraph_facts(p, styles) for p in body.iter(W + "p")] if body is not None else []
    )
    style_facts = {sid: {"name": styles.name(sid), **styles.resolved(sid)} for sid in styles.raw}
    roles: dict[str, Any] = {}
    role_ids = G.ROLE_STYLES
    for role, (sid, _name) in role_ids.items():
        if sid in style_facts:
            roles[role] = style_facts[sid]
    theme_used = any("theme_fonts" in f for f in style_facts.values()) or any(
        "theme_fonts" in r for p in paragraphs for r in p["runs"]
    )
    page = _section_facts(sect)
    return {
        **page,
        **_summary(paragraphs, footers),
        "page": page,
        "even_and_odd_headers": bool(
            settings is not None and _on(settings.find(W + "evenAndOddHeaders"))
        ),
        "theme_fonts_used": theme_used,
        "styles": style_facts,
        "roles": roles,
        "paragraphs": paragraphs,
        "footers": footers,
    }


def _most_common(values: list[Any]) -> Any:
    counts: dict[Any, int] = {}
    for v in values:
        if v is not None:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: counts[v]) if counts else None


def _summary(paragraphs: list[dict[str, Any]], footers: dict[str, list]) -> dict[str, Any]:
    """Flat keys for the checker: body_line, body_font, body_size, title_font, title_size,
    heading_fonts {depth: font}, page_numbers, page_number_text (None where unknown)."""
    texts = [p for p in paragraphs if p["text"].strip()]
    body = [p for p in texts if p["style"] in (G.STYLE_BODY[0], G.STYLE_CLOSING[0])]
    if not body:  # another tool's file: the commonest style of unnumbered paragraphs
        common = _most_common([p["style"] for p in texts if p.get("outline_level") is None])
        body = [p for p in texts if p["style"] == common and p.get("outline_level") is None]
    body_runs = [r for p in body for r in p["runs"] if not r.get("char_style")]
    exact = [p["line"] for p in body if p.get("line_rule") in ("exact", "atLeast")]
    title = [p for p in texts if p["style"] == G.STYLE_TITLE[0]][:1]
    if not title and texts and texts[0].get("jc") == "center":
        title = texts[:1]
    title_runs = [r for p in title for r in p["runs"]]
    heading_fonts: dict[int, str] = {}
    for p in texts:
        level = p.get("outline_level")
        if level is None or not 0 <= level <= 3 or not p["runs"]:
            continue
        heading_fonts.setdefault(level + 1, p["runs"][0].get("font_east_asia"))
    footer_paras = [p for ps in footers.values() for p in ps]
    numbered = [p for p in footer_paras if any("PAGE" in f.upper() for f in p["fields"])]
    return {
        "body_line": _most_common(exact),
        "body_line_rule": _most_common([p.get("line_rule") for p in body]),
        "body_font": _most_common([r.get("font_east_asia") for r in body_runs]),
        "body_size": _most_common([r.get("size") for r in body_runs]),
        "body_char_spacing": _most_common([r.get("char_spacing") for r in body_runs]),
        "body_first_line": _most_common([p.get("first_line") for p in body]),
        "title_font": _most_common([r.get("font_east_asia") for r in title_runs]),
        "title_size": _most_common([r.get("size") for r in title_runs]),
        "heading_fonts": {d: f for d, f in sorted(heading_fonts.items()) if f},
        "page_numbers": bool(numbered),
        "page_number_text": numbered[0]["text"].strip() if numbered else None,
    }
