"""Fuzz the .docx reader with random but well-formed WordprocessingML: paragraphs of runs,
automatic numbering (with odd values), tables, simple and complex fields, hyperlinks, styles
(with and without a default, basedOn chains and cycles). Never a traceback; the text is kept."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docxmaker import NS, write_docx
from nigao.errors import NigaoError
from nigao.ingest.reader import source_result
from nigao.readers import read

WORDS = st.text(
    alphabet=st.sampled_from(
        list("教育学校工作方案总结一二三四五六七八九十。，、：；（）“”ABCxyz0123 ")
    ),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip())
ODD_NUMBERS = st.sampled_from(
    ["0", "1", "3", "8", "9", "-1", "x", "1.5", "inf", "nan", "1e400", ""]
)
FORMATS = st.sampled_from(
    ["decimal", "chineseCounting", "decimalEnclosedCircle", "lowerLetter", "bullet", "none", "??"]
)


@st.composite
def numbering(draw) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{draw(ODD_NUMBERS)}"><w:start w:val="{draw(ODD_NUMBERS)}"/>'
        f'<w:numFmt w:val="{draw(FORMATS)}"/><w:lvlText w:val="%{draw(st.integers(0, 9))}、"/>'
        "</w:lvl>"
        for _ in range(draw(st.integers(0, 4)))
    )
    override = (
        f'<w:lvlOverride w:ilvl="{draw(ODD_NUMBERS)}"><w:startOverride w:val="{draw(ODD_NUMBERS)}"/>'
        "</w:lvlOverride>"
        if draw(st.booleans())
        else ""
    )
    return (
        f'<w:numbering {NS}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{override}</w:num></w:numbering>'
    )


@st.composite
def styles(draw) -> str:
    ids = ["S0", "S1", "S2"]
    out = []
    for sid in ids:
        based = draw(st.sampled_from([None, *ids]))
        default = ' w:default="1"' if draw(st.booleans()) else ""
        name = draw(st.sampled_from(["Normal", "heading 1", "标题 2", "heading 9", "Body"]))
        num = (
            f'<w:pPr><w:numPr><w:ilvl w:val="{draw(ODD_NUMBERS)}"/><w:numId w:val="1"/></w:numPr>'
            f'<w:outlineLvl w:val="{draw(ODD_NUMBERS)}"/></w:pPr>'
            if draw(st.booleans())
            else ""
        )
        out.append(
            f'<w:style w:type="paragraph" w:styleId="{sid}"{default}><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based}"/>' if based else "")
            + num
            + "</w:style>"
        )
    return f"<w:styles {NS}>{''.join(out)}</w:styles>"


def _run(text: str, draw) -> str:  # noqa: ANN001 - hypothesis draw
    kind = draw(st.sampled_from(["plain", "field", "complex", "link", "break"]))
    t = f'<w:t xml:space="preserve">{escape(text)}</w:t>'
    if kind == "field":
        return f'<w:fldSimple w:instr=" PAGE "><w:r>{t}</w:r></w:fldSimple>'
    if kind == "complex":
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>{t}</w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )
    if kind == "link":
        return f'<w:hyperlink w:anchor="a"><w:r>{t}</w:r></w:hyperlink>'
    if kind == "break":
        return f"<w:r><w:br/>{t}<w:tab/></w:r>"
    return f"<w:r>{t}</w:r>"


@st.composite
def body(draw) -> tuple[str, list[str]]:
    """(body XML, the texts a reader must keep)."""
    parts: list[str] = []
    texts: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 5)) == 0:  # a table
            rows = []
            for _r in range(draw(st.integers(1, 3))):
                cells = []
                for _c in range(draw(st.integers(1, 3))):
                    text = draw(WORDS)
                    texts.append(text)
                    cells.append(f"<w:tc><w:p>{_run(text, draw)}</w:p></w:tc>")
                rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
            parts.append(f"<w:tbl>{''.join(rows)}</w:tbl>")
            continue
        ppr = ""
        if draw(st.booleans()):
            ppr += f'<w:pStyle w:val="{draw(st.sampled_from(["S0", "S1", "S2", "missing"]))}"/>'
        if draw(st.booleans()):
            ppr += (
                f'<w:numPr><w:ilvl w:val="{draw(ODD_NUMBERS)}"/>'
                f'<w:numId w:val="{draw(st.sampled_from(["0", "1", "2", "x"]))}"/></w:numPr>'
            )
        runs = draw(st.lists(WORDS, min_size=1, max_size=3))
        texts.extend(runs)
        props = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
        parts.append(f"<w:p>{props}{''.join(_run(r, draw) for r in runs)}</w:p>")
    return "".join(parts), texts


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body(), numbering(), styles())
def test_random_wordprocessingml_is_read_without_traceback_and_keeps_its_text(
    tmp_path_factory, made, numbering_xml, styles_xml
):
    xml, texts = made
    path = write_docx(tmp_path_factory.mktemp("fuzz") / "随机.docx", xml, styles=styles_xml,
                      numbering=numbering_xml)  # fmt: skip
    source = read(path)
    read_back = _squash("".join(line.text for line in source.lines))
    if source.document is None:
        for text in texts:
            assert _squash(text) in read_back, text
    try:
        source_result(source)
    except NigaoError as error:  # a clear one-line refusal is fine; a traceback is not
        assert "\n" not in str(error)
