"""Ingest on arbitrary text: an outline or one clear error line, never a traceback, no text lost.

"No text lost" is checked modulo what ingest promises to change: the script and
punctuation normalisation, spaces, and the numbering labels of headings (depth carries
them). Every word character of every input line must still be found, in order, in the
title, preamble, headings, paragraphs, closing or the removed clutter lines.
"""

from __future__ import annotations

import functools
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nigao.cli import cli
from nigao.draftmd import strip_label
from nigao.errors import ReadError
from nigao.ingest.normalize import normalize_text
from nigao.ingest.reader import read_source, text_result

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD = re.compile(r"[\W_]+")
LABELS = ["一、", "二、", "（一）", "(二)", "1、", "2.", "3．", "（1）", "(2)", "①", ""]
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
PUNCT = st.sampled_from(list("，。、；：？！“”《》（）,.;:?!()\"' \t　"))
ANY = st.characters(blacklist_categories=("Cs",))  # any code point a str can hold


def core(text: str) -> str:
    return WORD.sub("", text)


def outputs(result) -> tuple[str, str, str]:
    """The kept text in document order, the removed pieces in theirs, the metadata lines."""
    data = result.to_json()

    def walk(sections):
        for s in sections:
            yield s["heading"]
            yield from s["paragraphs"]
            yield from walk(s["sections"])

    texts = [data["title"] or "", data["recipients"] or "", *data["preamble"]]
    texts += [*walk(data["sections"]), *data["closing"]]
    return (
        core("".join(texts)),
        core("".join(data["removed"])),
        core("".join(data["metadata"].values())),
    )


def assert_nothing_lost(text: str) -> None:
    try:
        result = text_result(text, "fuzz.txt")
    except ReadError as error:
        message = str(error)
        assert "\n" not in message and message.startswith("fuzz.txt")
        return
    normalized, _script = normalize_text(text)
    kept, removed, metadata = outputs(result)
    # Each line is found whole, or without a label-like start (a heading keeps its text; its
    # label is its depth), in the kept text, the removed pieces or the metadata. Kept text keeps
    # the input's order and so do the removed pieces, in a list of their own: some placement of
    # every line into the streams must respect both orders. (Within one stream the earliest
    # match is always best, so only the choice of stream is searched.)
    lines = []
    for line in normalized.split("\n"):
        bare = core(strip_label(line.strip()))
        if bare:
            lines.append(tuple(dict.fromkeys((core(line), bare))))

    @functools.cache
    def placed(i: int, k: int, r: int) -> bool:
        if i == len(lines):
            return True
        for piece in lines[i]:
            at = kept.find(piece, k)
            if at >= 0 and placed(i + 1, at + len(piece), r):
                return True
            at = removed.find(piece, r)
            if at >= 0 and placed(i + 1, k, at + len(piece)):
                return True
            if piece in metadata and placed(i + 1, k, r):
                return True
        return False

    assert placed(0, 0, 0), (normalized[:200], kept[:200], removed[:200], metadata)


@SETTINGS
@given(st.lists(st.text(alphabet=ANY, max_size=60), max_size=30))
def test_random_unicode_lines(lines: list[str]) -> None:
    assert_nothing_lost("\n".join(lines))


@SETTINGS
@given(
    st.lists(
        st.tuples(st.sampled_from(LABELS), st.text(alphabet=st.one_of(HAN, PUNCT), max_size=40)),
        min_size=1,
        max_size=40,
    )
)
def test_labelled_chinese_lines_keep_their_text(lines: list[tuple[str, str]]) -> None:
    assert_nothing_lost("\n".join(label + text for label, text in lines))


@SETTINGS
@given(st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=200))
def test_control_characters_only(text: str) -> None:
    assert_nothing_lost(text)


def test_only_headings_and_no_headings() -> None:
    headings = "\n".join(f"{n}、工作安排第{n}项" for n in "一二三四五六七八九")
    assert_nothing_lost(headings)
    assert_nothing_lost("没有任何编号的一段文字。" * 50)


def test_mixed_scripts_and_very_long_lines() -> None:
    text = "教育局轉作風實施方案\n一、指導思想\n" + "堅持以人民為中心，English words 2027, " * 2000
    assert_nothing_lost(text)


def test_ten_megabyte_file_is_read_in_bounded_time(tmp_path: Path) -> None:
    paragraph = "各学校要结合实际，认真组织开展活动，确保取得实效。" * 20
    body = "\n".join(f"{n}、第{n}部分\n{paragraph}" for n in "一二三四五六七八九十")
    path = tmp_path / "big.txt"
    path.write_text(("某县教育局工作方案\n" + body + "\n") * 700, encoding="utf-8")
    assert path.stat().st_size > 10 * 1024 * 1024
    start = time.perf_counter()
    try:
        result = read_source(path)
    except ReadError as error:  # a size limit is a clear error, not a hang
        assert "\n" not in str(error)
        return
    elapsed = time.perf_counter() - start
    assert result.document.sections
    print(f"\n10 MB ingest: {elapsed:.1f} s")
    assert elapsed < 120  # bounded: a hang or quadratic blow-up would not finish


@pytest.mark.parametrize(
    "data",
    [b"\x00\x01\x02binary\xff\xfe" * 100, "正文".encode("utf-16-le") * 3, b""],
)
def test_bad_bytes_through_the_cli_give_one_line(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["ingest", str(path), "--dry-run"])
    assert "Traceback" not in result.output
    if result.exit_code:
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and str(path) in lines[0]
