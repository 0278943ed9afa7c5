"""Draft Markdown round trip, property-based: any Document → write_draft → read_draft gives the
document as the format carries it (`normalize`d, roles cleared), identical, and the same bytes
again. The strategies here (documents with any text) are shared with test_roundtrip_docx.py."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nigao.draftmd import FRONT_KEYS, read_draft, write_draft, write_located
from nigao.errors import NigaoError
from nigao.model import KINDS, UNSAFE_CHARS, Document, Section, normalize, one_line, sanitize

# Pieces a 公文 is made of, and pieces that look like markup to Markdown, YAML or XML.
WORDS = [
    "加强组织领导",
    "各学校要",
    "。",
    "？",
    "！",
    "，",
    "：",
    "“强师兴校”",
    "【待填：活动时间】",
    "2027年3月1日",
    "一、",
    "（二）",
    "3.",
    "（4）",
    "①",
    "#",
    "## ",
    "***",
    "---",
    "___",
    "- ",
    "* ",
    "\\",
    "{接排}",
    "{单独成行}",
    " ",
    "\t",
    "\u3000",
    "\n",
    "\r\n",
    "\u2028",
    "&",
    "<",
    ">",
    '"',
    "'",
    "&amp;",
    "]]>",
    "😀",
    "👩‍👩‍👧",
    "𠀀",
    "é",
    "Ωmega",
    ": ",
    "12:30",
    "yes",
    "null",
    "~",
    ".inf",
    "0x1F",
    "%",
    "@",
    "`",
    "|",
    ">-",
    "!!python/object",
    "\ufeff",
    "\u200b",
    "\xa0",
]
UNSAFE = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff"]
SURROGATES = ["\ud800", "\udfff", "\udc00"]


def texts(unsafe: bool = False, max_pieces: int = 8) -> st.SearchStrategy[str]:
    """Text made of 公文 words, markup look-alikes, random characters and (if asked) characters
    no file can hold; now and then a very long line."""
    pieces = st.sampled_from(WORDS) | st.characters(
        blacklist_categories=("Cs",), blacklist_characters="".join(UNSAFE)
    )
    if unsafe:
        pieces = pieces | st.sampled_from(UNSAFE + SURROGATES)
    short = st.lists(pieces, max_size=max_pieces).map("".join)
    long = st.tuples(short, st.integers(100, 600)).map(lambda t: (t[0] or "长") * t[1])
    return st.one_of(short, short, short, short, short, short, short, long)


def sections(depth: int, unsafe: bool) -> st.SearchStrategy[list[Section]]:
    children = st.just([]) if depth == 4 else st.deferred(lambda: sections(depth + 1, unsafe))
    section = st.builds(
        Section,
        heading=texts(unsafe),
        role=st.none() | st.sampled_from(["tasks", "measures", "steps"]),
        paragraphs=st.lists(texts(unsafe), max_size=3),
        sections=children,
        run_in=st.booleans(),
    )
    return st.lists(section, max_size=3 if depth == 1 else 2)


def optional(unsafe: bool) -> st.SearchStrategy[str | None]:
    return st.none() | texts(unsafe, max_pieces=4)


def documents(unsafe: bool = False) -> st.SearchStrategy[Document]:
    """Any Document the model can hold (depth ≤ 4), with whatever text."""
    return st.builds(
        Document,
        kind=st.sampled_from(KINDS),
        title=texts(unsafe),
        recipients=optional(unsafe),
        preamble=st.lists(texts(unsafe), max_size=3),
        sections=sections(1, unsafe),
        closing=st.lists(texts(unsafe), max_size=2),
        attachments=st.lists(texts(unsafe, 4), max_size=3),
        signature=optional(unsafe),
        date=optional(unsafe),
        doc_number=optional(unsafe),
        issuer_mark=optional(unsafe),
        cc=optional(unsafe),
        printer=optional(unsafe),
        print_date=optional(unsafe),
        author=optional(unsafe),
    )


def without_roles(doc: Document) -> Document:
    """Roles are not carried by the draft format (nor by the .docx): compare without them."""

    def strip(s: Section) -> Section:
        return replace(s, role=None, sections=[strip(c) for c in s.sections])

    return replace(doc, sections=[strip(s) for s in doc.sections])


def named_headings(doc: Document) -> Document:
    """A heading with no text left is not a heading a draft can hold: give it one."""

    def fix(s: Section) -> Section:
        return replace(s, heading=s.heading or "标题", sections=[fix(c) for c in s.sections])

    return replace(doc, sections=[fix(s) for s in doc.sections])


def carried(doc: Document) -> Document:
    """The document as the draft format carries it."""
    return without_roles(named_headings(normalize(doc)))


def all_texts(doc: Document) -> list[str]:
    """Every text field, for asking whether any held an unsafe character."""
    out = [doc.title, *doc.preamble, *doc.closing, *doc.attachments]
    for key in FRONT_KEYS[1:-1]:  # the text fields between kind and attachments
        out.append(getattr(doc, key) or "")
    for _depth, section in doc.walk():
        out += [section.heading, *section.paragraphs]
    return out


def has_unsafe(doc: Document) -> bool:
    return any(UNSAFE_CHARS.search(t) for t in all_texts(doc))


def has_empty_heading(doc: Document) -> bool:
    return any(not s.heading for _d, s in normalize(doc).walk())


# ---------------------------------------------------------------------------------------------
# The draft Markdown round trip.


FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FAST
@given(documents())
def test_any_carried_document_reads_back_identical_and_writes_the_same_bytes(raw: Document) -> None:
    doc = carried(raw)
    text = write_draft(doc)
    text.encode("utf-8")  # a file can hold it
    back = read_draft(text)
    assert back == doc
    assert write_draft(back) == text


@FAST
@given(documents(unsafe=True))
def test_any_document_is_written_as_its_normal_form_and_losses_are_reported(raw: Document) -> None:
    if has_empty_heading(raw):
        with pytest.raises(NigaoError, match="空"):
            write_draft(raw)
        return
    notes: list[str] = []
    text = write_draft(raw, report=notes)
    text.encode("utf-8")
    assert read_draft(text) == carried(raw)
    assert write_draft(normalize(raw)) == text
    assert normalize(normalize(raw)) == normalize(raw)
    assert bool(notes) == has_unsafe(raw)
    assert all("删去了" in n and "U+" in n for n in notes)
    assert sanitize(raw) == (normalize(raw), notes)


@settings(max_examples=300, deadline=None)
@given(texts(unsafe=True))
def test_one_line_gives_one_clean_line_and_is_stable(text: str) -> None:
    line = one_line(text)
    assert one_line(line) == line
    assert line == line.strip()
    assert not UNSAFE_CHARS.search(line)
    assert not any(ch in line for ch in "\n\r\u2028\u2029")
    kept = "".join(ch for ch in text if not UNSAFE_CHARS.match(ch) and not ch.isspace())
    assert "".join(ch for ch in line if not ch.isspace()) == kept  # no visible text lost


def draft_of(*sections: Section, **fields: object) -> str:
    return write_draft(Document(title="关于开展活动的通知", sections=list(sections), **fields))


def test_headings_that_follow_the_rule_carry_no_marker() -> None:
    text = draft_of(
        Section("指导思想", paragraphs=["正文。"]),
        Section("加强组织领导。", run_in=True, paragraphs=["各学校要……"]),
    )
    assert "## 指导思想\n" in text and "## 加强组织领导。\n" in text
    assert "{" not in text


@pytest.mark.parametrize(
    ("section", "line"),
    [
        (Section("加强组织领导", run_in=True, paragraphs=["各学校要……"]), "## 加强组织领导 {接排}"),
        (Section("问题在哪里？", paragraphs=["正文。"]), "## 问题在哪里？ {单独成行}"),
        (Section("C#", paragraphs=["正文。"]), "## C# {单独成行}"),
        (Section("一、指导思想", paragraphs=["正文。"]), "## \\一、指导思想"),
        (Section("\\备注", paragraphs=["正文。"]), "## \\\\备注"),
        (Section("写 {接排} 的标题", paragraphs=["正文。"]), "## 写 {接排} 的标题"),
        (Section("{接排}", paragraphs=["正文。"]), "## {接排} {单独成行}"),
    ],
)
def test_heading_exceptions_are_marked_and_survive(section: Section, line: str) -> None:
    text = draft_of(section)
    assert line + "\n" in text
    back = read_draft(text).sections[0]
    assert (back.heading, back.run_in) == (section.heading, section.run_in)


def test_a_drafter_can_type_the_markers() -> None:
    doc = read_draft(
        "# 通知\n\n## 加强领导 {接排}\n\n正文。\n\n## 总体要求。{单独成行}\n\n正文。\n"
    )
    assert [(s.heading, s.run_in) for s in doc.sections] == [
        ("加强领导", True),
        ("总体要求。", False),
    ]


@pytest.mark.parametrize(
    "paragraph", ["# 井号", "## 二级", "***", "---", "___", "* * *", "\\反斜杠", "#"]
)
def test_paragraphs_that_look_like_markup_come_back_as_text(paragraph: str) -> None:
    doc = Document(title="通知", preamble=[paragraph], closing=[paragraph])
    assert read_draft(write_draft(doc)) == doc


def test_line_breaks_and_edge_spaces_inside_a_paragraph_are_normalised() -> None:
    doc = Document(
        title=" 关于\n开展活动的通知 ", preamble=["各学校要\n加强领导", "see\nalso", "  ", ""]
    )
    back = read_draft(write_draft(doc))
    assert back.title == "关于开展活动的通知"
    assert back.preamble == ["各学校要加强领导", "see also"]


@pytest.mark.parametrize(
    "value",
    ["12:30", ".inf", "yes", "No", "null", "~", "2027-03-01 10:00", "0x1F", "1_000", "- 一项",
     "a: b", "#号", "  空格  ", "", "引号\"和\\反斜杠", "局\x85办", "行\u2028分隔", "\u3000全角空格",
     "零宽\u200b空格", "😀", "[列表]", "{映射}", "!!python/object", "%YAML", "@at", "`反引号`"],
)  # fmt: skip
def test_front_matter_values_read_back_as_the_same_string(value: str) -> None:
    doc = Document(title="通知", recipients=value, attachments=[value or "附件"])
    back = read_draft(write_draft(doc))
    expected = normalize(doc)
    assert (back.recipients, back.attachments) == (expected.recipients, expected.attachments)


def test_ordinary_front_matter_stays_plain_for_the_drafter() -> None:
    text = draft_of(
        recipients="局属各学校（单位）",
        signature="青川县教育局",
        date="2027年3月1日",
        doc_number="青教发〔2027〕8号",
        attachments=["活动安排表"],
    )
    assert "recipients: 局属各学校（单位）\n" in text
    assert "date: 2027年3月1日\n" in text
    assert "doc_number: 青教发〔2027〕8号\n" in text
    assert "kind: plan\n" in text and "  - 活动安排表\n" in text


def test_an_empty_title_is_left_out_and_reads_back_empty() -> None:
    doc = Document(preamble=["正文。"])
    text = write_draft(doc)
    assert "\n# " not in text
    assert read_draft(text) == doc


def test_an_empty_heading_is_a_clear_error() -> None:
    with pytest.raises(NigaoError, match="标题是空的"):
        write_draft(Document(title="通知", sections=[Section(" \n ")]))


def test_sanitize_names_where_characters_were_removed() -> None:
    doc = Document(
        title="通\x00知",
        preamble=["正文\ufffe"],
        sections=[Section("指导\x01思想", paragraphs=["内\ud800容"])],
        signature="局\x7f",
    )
    clean, notes = sanitize(doc)
    assert clean.title == "通知" and clean.sections[0].paragraphs == ["内容"]
    assert notes == [
        "署名：删去了 1 个无法写入文件的字符（U+007F）",
        "文件标题：删去了 1 个无法写入文件的字符（U+0000）",
        "开头第1段：删去了 1 个无法写入文件的字符（U+FFFE）",
        "标题“指导思想”：删去了 1 个无法写入文件的字符（U+0001）",
        "“指导思想”下第1段：删去了 1 个无法写入文件的字符（U+D800）",
    ]
    assert sanitize(clean) == (clean, [])


@FAST
@given(documents())
def test_the_writer_says_where_each_text_stands_as_a_reader_of_the_file_finds_it(
    raw: Document,
) -> None:
    """The checker locates findings in a new draft by the writer's places (no reading back):
    each text is at its line and column, and the places are those `nigao check` finds in the
    file."""
    from nigao.check.context import units_from_document

    doc = carried(raw)
    written = write_located(doc)
    assert written.text == write_draft(doc) and written.document == normalize(doc)
    lines = written.text.split("\n")
    placed = units_from_document(written.document, written=written)
    found = units_from_document(read_draft(written.text), lines)
    assert [(u.kind, u.text, u.line) for u in placed] == [(u.kind, u.text, u.line) for u in found]
    for unit in placed:
        assert unit.line is not None, unit
        if unit.col is not None:
            assert lines[unit.line - 1][unit.col :].startswith(unit.text), unit
        else:  # only a front-matter value written with escapes is not there verbatim
            assert unit.kind not in ("title", "preamble", "heading", "para", "closing"), unit
