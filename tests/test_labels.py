"""Numbering labels and Chinese numerals: one grammar (nigao/labels.py) read and written."""

from __future__ import annotations

import pytest

from nigao.draftmd import strip_label
from nigao.ingest.outline import numbering
from nigao.labels import chinese_numeral, cn_value, label, parse_label


def test_numerals_read_back_what_is_written():
    for n in [*range(1, 1200), 10001, 10010, 20000, 123456]:
        assert cn_value(chinese_numeral(n)) == n, chinese_numeral(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [("一百二十三", 123), ("一百零一", 101), ("两千", 2000), ("二〇二七", 2027), ("十", 10), ("零", 0)],
)
def test_numerals_as_people_write_them(text, value):
    assert cn_value(text) == value


def test_not_a_numeral():
    assert cn_value("一是") is None
    assert cn_value("") is None


@pytest.mark.parametrize("depth", [1, 2, 3, 4])
def test_every_written_label_reads_back_as_standard(depth):
    for n in range(1, 100):
        found = parse_label(label(depth, n) + "加强组织领导")
        assert found is not None and (found.style, found.number) == (depth, n)
        assert found.standard


def test_loosely_typed_labels():
    found = parse_label("（二)加强领导")
    assert (found.style, found.number, found.canonical) == (2, 2, "（二）")
    assert parse_label("2011年") is None and parse_label("3.5倍") is None
    assert parse_label("1，2，3") is None


def test_reader_variants_share_the_grammar():
    # the draft format strips a typed label; ingest ranks 第一部分 above 一、 above ①
    assert strip_label("（二）加强组织领导") == "加强组织领导"
    assert numbering("第一部分 总体要求")[0] == "part"
    assert numbering("一、指导思想")[:2] == ("cn", 0)
    ranks = [numbering(line)[1] for line in ("第一部分 总体要求", "壹、计划目标", "一、指导思想")]
    assert ranks == sorted(ranks) and len(set(ranks)) == 3  # 第一部分 above 壹、 above 一、
    assert numbering("①做好宣传")[:2] == ("circled", 4)
    assert numbering("2011年工作") is None
