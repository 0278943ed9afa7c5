"""What a skeleton can leave behind in a draft on another topic: its source's subject matter,
the source's party organ, a campaign type word doubled, sibling headings that disagree.

The subject words are the `topic:` each skeleton recorded at ingest (ingest/subject.py): of the
library the draft was made from when the check is told it (`nigao new`, `nigao check
--library`), else of the shipped library and NIGAO_LIBRARY; a word the profile itself uses is the
draft's own topic, never flagged.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from nigao.check.context import TEXT_KINDS, Context
from nigao.check.findings import Finding
from nigao.check.registry import rule

_SENTENCE = re.compile(r"[^。！？；]+[。！？；]?")


@functools.cache
def _source_topics() -> tuple[tuple[str, frozenset[str]], ...]:
    """(source title or file, its topic words) for every source of the shipped library and of
    NIGAO_LIBRARY's folders with some: what is known when the check is not told the library."""
    from nigao.skeletons import load_library

    return load_library([], shipped=True).topics()


@functools.lru_cache(maxsize=8)
def _any_word(words: frozenset[str]) -> re.Pattern[str]:
    """Any of `words`: a text it does not match holds none of them (longest first, in a fixed
    order, so the pattern's text is the same in every run)."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, ordered)) or "(?!)")


@functools.cache
def _frame_mask() -> re.Pattern[str]:
    """Generic 公文 phrasing (ingest's frame_words): a topic word inside one (解难 in 破解难题) is
    not the source's subject."""
    from nigao.ingest import tables

    words = sorted(tables.load("generalize")["subject"]["frame_words"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, (w for w in words if len(w) > 2))))


@rule("CONTENT-SUBJECT")
def leftover_subject(ctx: Context) -> Iterator[Finding]:
    """A sentence with two or more topic words of one sample the profile never uses."""
    facts = ctx.facts
    if facts is None or not facts.people_known:
        return  # without a profile the draft's own topic is unknown
    library = facts.topics if facts.topics is not None else _source_topics()
    topics = [(name, frozenset(w for w in words if w not in facts.known)) for name, words in library]
    topics = [(name, words) for name, words in topics if len(words) >= 2]
    if not topics:
        return
    vocabulary = frozenset().union(*(words for _name, words in topics))
    lengths = sorted({len(w) for w in vocabulary})
    # Masking only replaces text with 〇, so a masked sentence holds no topic word the text
    # itself lacks (unless a word holds 〇): text with none, or fewer than two, is skipped.
    everything = frozenset().union(*(words for _name, words in library))
    any_word = None if any("〇" in w for w in vocabulary) else _any_word(everything)
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS or unit.kind == "title":
            continue
        if any_word is not None and not any_word.search(unit.text):
            continue
        for sentence in _SENTENCE.findall(unit.text):
            if any_word is not None and (
                not any_word.search(sentence) or len(_words_in(sentence, vocabulary, lengths)) < 2
            ):
                continue
            masked = _frame_mask().sub("〇", sentence)
            present = _words_in(masked, vocabulary, lengths)
            for name, words in topics:
                hits = sorted(words & present)  # the topic's words found in the sentence
                if len(hits) >= 2:
                    yield ctx.report(
                        unit,
                        "CONTENT-SUBJECT",
                        f"“{sentence[:24]}”含有范文《{name}》的主题词（{'、'.join(hits)}），"
                        "而配置文件不是这个主题，疑为套用骨架时遗留",
                        "改写成本次工作的内容，或删去这句",
                    )
                    break


def _words_in(text: str, vocabulary: frozenset[str], lengths: list[int]) -> frozenset[str]:
    """The words of `vocabulary` that occur in `text` (by its pieces of each word length: one
    set lookup per piece instead of one substring search per word)."""
    return vocabulary.intersection(
        text[i : i + n] for n in lengths for i in range(len(text) - n + 1)
    )


def _organ(party: str) -> str:
    return "党组" if party.rstrip().endswith("党组") else "党委"


@rule("CONTENT-ORGAN")
def organ_mismatch(ctx: Context) -> Iterator[Finding]:
    """党委 words in a draft whose profile names a 党组, or the other way round."""
    facts = ctx.facts
    if facts is None or not facts.party:
        return
    organ = _organ(facts.party)
    other = "党委" if organ == "党组" else "党组"
    # 县委、学校党委 are other bodies; 党委（党组） names both; 党组织 is no organ
    pattern = re.compile(rf"(?<![县区市省州乡镇村校])局?{other}(?!织|（)(?:办公室|办|会议|会)?")
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS:
            continue
        text = unit.text.replace(facts.party, "")
        for match in pattern.finditer(text):
            yield ctx.report(
                unit,
                "CONTENT-ORGAN",
                f"“{match.group()}”与配置文件的{facts.party}（{organ}）不符",
                f"改为“{match.group().replace(other, organ)}”",
            )


@functools.cache
def _doubled() -> re.Pattern[str]:
    from nigao.ingest import tables

    words = sorted(tables.load("generalize")["campaign_type_words"], key=len, reverse=True)
    types = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{types})”(?:{types})|(?:活动|行动|工程)(?:活动|行动)")


@rule("CONTENT-TYPEWORD")
def doubled_type_word(ctx: Context) -> Iterator[Finding]:
    """“校园安全专项整治行动”活动: the campaign's own type word and another one after it."""
    for unit in ctx.units:
        if unit.kind not in TEXT_KINDS:
            continue
        for match in _doubled().finditer(unit.text):
            yield ctx.report(
                unit,
                "CONTENT-TYPEWORD",
                f"“{match.group()}”：活动名称已带类型词，后面又加了一个",
                "删去后一个类型词（或在配置文件 campaign_type 中写明）",
            )


@rule("HEAD-SIBLINGS")
def sibling_headings(ctx: Context) -> Iterator[Finding]:
    """Sibling headings below level 1 agree: all run in with their text, or all stand alone."""
    if ctx.doc is None or ctx.raw:
        return
    where = {id(u.section): u for u in ctx.units if u.kind == "heading" and u.section}
    groups = [s.sections for _d, s in ctx.doc.walk()]
    for siblings in groups:
        if len({s.run_in for s in siblings}) > 1:
            odd = min(
                (s for s in siblings), key=lambda s: sum(t.run_in == s.run_in for t in siblings)
            )
            yield ctx.report(
                where.get(id(odd)),
                "HEAD-SIBLINGS",
                f"同级标题有的与正文接排、有的单独成行（“{odd.heading[:16]}”与其他不同）",
                "同级标题统一写法：都单独成行（末尾不加句号），或都接排（末尾加句号）",
            )
