"""Topic words are found the same way however many a source has (a long sample has hundreds)."""

from __future__ import annotations

from nigao.ingest.subject import Topic, minimal, word_like

TEXT = "转变作风、改进作风的要求，校长讲坛每月一次；{{ campaign }}作风建设年，今年重点抓难题。"


def test_many_topic_words_find_what_a_few_find() -> None:
    few = Topic(("作风", "难题", "讲坛"))
    filler = tuple(chr(0x5000 + i) + chr(0x6000 + i) for i in range(200))  # words not in TEXT
    many = Topic(tuple(sorted(few.words + filler)))
    for text in [TEXT, *TEXT.split("，"), "高度重视，精心组织。"]:
        assert many.found(text) == few.found(text), text
        assert many.subject(text) == few.subject(text), text


def test_overlapping_words_found_leftmost_first() -> None:
    words = tuple(minimal({"长讲", "讲坛", *(chr(0x5000 + i) * 2 for i in range(100))}))
    assert Topic(words).found("校长讲坛") == ["长讲"]
    assert Topic(("长讲", "讲坛")).found("校长讲坛") == ["长讲"]


def test_word_like_is_the_same_for_a_long_text() -> None:
    words = {"作风", "学条"}
    short = "转变作风、改进作风的，办学条件，作风好。"
    long = short * 20_000 + "".join(chr(0x5000 + i) for i in range(2000))
    many = words | {chr(0x5000 + i) + chr(0x5001 + i) for i in range(300)}
    assert word_like(words, short) == {"作风"}
    assert word_like(many, long) & words == {"作风"}
