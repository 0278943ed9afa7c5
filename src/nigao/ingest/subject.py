"""Frame and subject: what of a source section fits any topic, and what only its campaign is about.

A skeleton should keep the 公文 frame (组织领导, 督导检查, 高度重视、精心组织 …) and lose what
only its source's campaign is about (作风, 讨论, 接轨 …). The source's *topic words* are found by
signals that generalise, not by a list of seed words:

- the campaign words of the source's own title (转作风解难题抓关键 → 作风, 难题, 关键) and the
  type word it stripped (大讨论 → 讨论);
- character n-grams the source repeats that no other document of the same ingest run uses
  (boilerplate recurs across documents, subject matter does not);
- minus the generic 公文 phrasing of data/generalize.yaml `frame_words`.

A clause with a topic word is *subject*. A sentence that is mostly subject goes; inside a frame
sentence the first subject clause becomes a slot the profile fills (`focus`, `goal`) or a
labelled fact marker, the others go. A child section whose heading is subject, or that keeps
no text, becomes one of the skeleton's *examples*: kept in the file behind `{% if examples %}`,
drafted only when a profile section asks for them (`examples: true`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, filterfalse, repeat
from operator import and_, methodcaller, or_

from nigao.ingest import tables
from nigao.labels import chinese_numeral

_SLOT_TEXT = re.compile(r"\{\{[^{}]*\}\}|【[^【】]*】")
_CJK_RUN = re.compile("[\u4e00-\u9fff]{2,}")
_SENTENCE = re.compile(r"[^。！？]*(?:[。！？]|$)")
_PROTECTED = re.compile("“[^“”]*”|（[^（）]*）|《[^《》]*》|\\{\\{[^{}]*\\}\\}")
_CLAUSE_PUNCT = "，；："
_QUOTED = re.compile("“([^“”]*)”")


@functools.cache
def _table() -> dict:
    return tables.load("generalize")["subject"]


@functools.cache
def _time_anchors() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _table()["time_anchors"])))


@functools.cache
def _frame_words() -> frozenset[str]:
    return frozenset(_table()["frame_words"])


_PAIRS = re.compile("(?=([\u4e00-\u9fff]{2}))")  # every two-character gram, overlapping


def grams(text: str, sizes: Iterable[int] = (2,)) -> Counter[str]:
    """Character n-grams of the CJK runs of `text` (slots and markers left out)."""
    if "{" in text or "【" in text:
        text = _SLOT_TEXT.sub("，", text)
    counts: Counter[str] = Counter()
    if 2 in sizes:  # the usual case: one overlapping scan at C speed, counted at C speed
        counts.update(_PAIRS.findall(text))
    for n in sizes:
        if n != 2:
            for run in _CJK_RUN.findall(text):
                counts.update(run[i : i + n] for i in range(len(run) - n + 1))
    return counts


def body_grams(texts: Iterable[str]) -> Counter[str]:
    """Two-character grams of a whole document, counted once (topic words and shared counts)."""
    return grams("\n".join(texts))


def body_text(texts: Iterable[str]) -> str:
    """A document's texts as one string, slots and markers as a comma (what grams counts)."""
    return _SLOT_TEXT.sub("，", "\n".join(texts))


@functools.cache
def _edges() -> frozenset[str]:
    return frozenset(_table()["not_at_edge"])


def _edge_ok(gram: str) -> bool:
    """A topic word neither starts nor ends with a function character (的讨, 论的)."""
    edges = _edges()
    return gram[0] not in edges and gram[-1] not in edges


@functools.cache
def _frame_pieces() -> frozenset[str]:
    """Every frame word and every two- or three-character piece of one."""
    out = set()
    for word in _table()["frame_words"]:
        out.add(word)
        for n in (2, 3):
            out.update(word[i : i + n] for i in range(len(word) - n + 1))
    return frozenset(out)


@dataclass
class Shared:
    """What the documents of one ingest run share: in how many documents each two-character
    gram occurs, how often in all, and how many grams they hold together."""

    documents: int = 0
    df: Counter[str] = field(default_factory=Counter)
    size: int = 0
    # each document's counts (kept by reference, as the caller keeps them) and the repeats of
    # the grams asked about so far: only a few grams (a title's generic words) are ever asked,
    # so they are summed on demand rather than every gram of every document on `add` (speed)
    _documents: list[Counter[str]] = field(default_factory=list, repr=False)
    _repeats: dict[str, int] = field(default_factory=dict, repr=False)

    def add(self, grams: Counter[str]) -> None:
        self.documents += 1
        self.df.update(grams.keys())
        self._documents.append(grams)
        self._repeats.clear()
        self.size += sum(grams.values())

    def repeats(self, gram: str) -> int:
        """How often the documents use `gram`, counting only those that use it more than once
        (a gram once in a document barely moves a keyness)."""
        total = self._repeats.get(gram)
        if total is None:
            counts = map(methodcaller("get", gram, 0), self._documents)
            total = self._repeats[gram] = sum(c for c in counts if c > 1)
        return total

    def keyness(self, gram: str, own: Counter[str], own_size: int) -> float:
        """How much more often this document uses `gram` than the others do (per gram)."""
        mine = own.get(gram, 0)
        other = self.repeats(gram) - (mine if mine > 1 else 0)
        other_size = max(1, self.size - own_size)
        return (own.get(gram, 0) / max(1, own_size)) / ((other + 1) / other_size)


def title_words(
    core: str, stripped_type: str, body: Counter[str], shared: Shared | None = None
) -> set[str]:
    """Words of the title's campaign part that the body uses too (作风, 难题 …). A generic word
    counts only when this source uses it far more than the others (学习 in a 学习型党组织 report)."""
    found = {g for g in grams(core, (2, 3)) if body.get(g, 0) >= 1}
    if len(stripped_type) >= 2:
        found.add(stripped_type[-2:])  # 大讨论 → 讨论: what the campaign's activity is
    frame = _frame_pieces()
    table = _table()
    size = sum(body.values())
    usable = shared is not None and shared.documents >= table["min_documents"]

    def key(g: str) -> bool:
        return usable and shared.keyness(g, body, size) >= table["min_keyness"]  # type: ignore[union-attr]

    return {g for g in found if _edge_ok(g) and (g not in frame or key(g))}


def repeated_words(own: Counter[str], shared: Shared | None) -> set[str]:
    """Two-character words the source repeats that (almost) no other document of the run uses."""
    table = _table()
    use_shared = shared is not None and shared.documents >= table["min_documents"]
    limit = max(1, int(shared.documents * table["max_document_share"])) if shared else 1
    frame = _frame_pieces()
    least, enough = table["min_repeats_unique"], table["min_repeats"]
    df = shared.df if use_shared else {}  # type: ignore[union-attr]
    # Kept: repeated at least `least` times, no frame word, used by at most `limit` documents,
    # and repeated `enough` times unless no other document uses it. The conditions are mapped
    # over every gram at C speed (a Python loop over all a document's grams was slow).
    grams = list(filterfalse(frame.__contains__, compress(own, map(least.__le__, own.values()))))
    used = list(map(df.get, grams, repeat(0)))
    alone = map((1).__eq__, used)
    often = map(enough.__le__, map(own.__getitem__, grams))
    ok = map(and_, map(limit.__ge__, used), map(or_, alone, often))
    return {gram for gram in compress(grams, ok) if _edge_ok(gram)}


# word_like scans the text once per candidate below this many characters × candidates
_SCAN_BUDGET = 4_000_000
# a topic of at most this many words is found by a regex alternation, more by set lookups
_FEW_WORDS = 64


def _ngrams(text: str, size: int) -> Iterable[str]:
    """Every `size`-character piece of `text` in order (overlapping), at C speed."""
    if size == 2:
        return map(str.__add__, text, text[1:])
    return map("".join, zip(*(text[i:] for i in range(size)), strict=False))


Groups = tuple[tuple[int, frozenset[str]], ...]  # words by their length


def by_size(words: Iterable[str]) -> Groups:
    """Words grouped by length, shortest first (one pass over a text per length)."""
    words = set(words)
    sizes = sorted({len(w) for w in words})
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in sizes)


def _occurrences(groups: Groups, text: str) -> list[tuple[int, str]]:
    """(position, word) of every occurrence of every word, overlapping, in text order: one pass
    per word length, so linear in the text however many words there are."""
    hits: list[tuple[int, str]] = []
    for size, group in groups:
        pieces = list(_ngrams(text, size))
        hits.extend(compress(enumerate(pieces), map(group.__contains__, pieces)))
    hits.sort()
    return hits


def word_like(words: set[str], text: str) -> set[str]:
    """Grams that stand as words: seen after and before two different characters, or beside three
    different ones (作风 in 转变作风、改进作风的 …), not a piece of one longer word (学条 in 办学条件)."""
    left: dict[str, set[str]] = {}
    right: dict[str, set[str]] = {}
    if len(words) * len(text) > _SCAN_BUDGET:  # many candidates in a long text: one pass
        for at, word in _occurrences(by_size(words), text):
            if 0 < at < len(text) - len(word):
                left.setdefault(word, set()).add(text[at - 1])
                right.setdefault(word, set()).add(text[at + len(word)])
    for word in words if len(words) * len(text) <= _SCAN_BUDGET else ():
        # a few candidates: a C-speed find per word is quickest (they overlap: 长讲 and 讲坛)
        before, after = left.setdefault(word, set()), right.setdefault(word, set())
        at = text.find(word, 1)
        while 0 < at < len(text) - len(word):
            before.add(text[at - 1])
            after.add(text[at + len(word)])
            at = text.find(word, at + 1)
    need = _table()["min_neighbours"]

    def stands(w: str) -> bool:
        sides = sorted((len(left.get(w, ())), len(right.get(w, ()))))
        return sides[0] >= need or sides[1] > need

    return {w for w in words if stands(w)}


def whole_words(words: set[str], text: str) -> set[str]:
    """Grams that are not cut out of two words: a gram whose first character mostly ends a frame
    word before it and whose last starts one after it (力实 in 大力实施、努力实现; 造良 in 营造良好;
    县学 in 全县学校) straddles the source's wording, it is no word of its topic."""
    frame = _frame_pieces()
    out = set()
    for word in words:
        cut = seen = 0
        at = text.find(word)
        while at >= 0:
            seen += 1
            before = text[at - 1 : at + 1] if at else ""
            after = text[at + len(word) - 1 : at + len(word) + 1]
            cut += before in frame and len(after) == 2 and after in frame
            at = text.find(word, at + 1)
        if cut * 2 < seen or not seen:
            out.add(word)
    return out


def minimal(words: set[str]) -> list[str]:
    """Words holding no shorter topic word (转作风 holds 作风): the same matches, fewer words."""
    def holds(w: str) -> bool:  # a shorter word inside w, by its pieces (linear in the words)
        return any(
            w[i : i + n] in words for n in range(1, len(w)) for i in range(len(w) - n + 1)
        )

    out = [w for w in words if not holds(w)]
    return sorted(out)


@dataclass(frozen=True)
class Topic:
    """The topic words of one source, found by set lookups of a text's pieces."""

    words: tuple[str, ...]

    def found(self, text: str) -> list[str]:
        """Topic words in `text`, slots and markers left out: leftmost first, not overlapping
        (as a regex alternation would find them; no word holds another, see `minimal`)."""
        if not self.words:
            return []
        if "{" in text or "【" in text:
            text = _SLOT_TEXT.sub("，", text)
        if self.pattern is not None:
            return self.pattern.findall(text)
        out, end = [], 0
        for at, word in _occurrences(self._groups, text):
            if at >= end:
                out.append(word)
                end = at + len(word)
        return out

    @functools.cached_property
    def _groups(self) -> Groups:
        return by_size(self.words)

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """A regex for a few words (quickest then); many words (a long text) go by set lookups,
        as an alternation tries every word at every character."""
        if not self.words or len(self.words) > _FEW_WORDS:
            return None
        return re.compile("|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True)))

    def subject(self, text: str) -> bool:
        """Subject matter: a topic word, the source's own calendar (今年, 年终), or a coinage the
        source quotes (“九步走”, “两基”) that is not generic 公文 wording; the campaign slot's
        own quotes do not count."""
        masked = _SLOT_TEXT.sub("，", text) if "{" in text or "【" in text else text
        # set lookups of the text's pieces: linear in the text however many topic words
        if self.pattern is not None:
            if self.pattern.search(masked):
                return True
        elif any(not group.isdisjoint(_ngrams(masked, n)) for n, group in self._groups):
            return True
        if _time_anchors().search(masked):
            return True
        if "“" not in text:
            return False
        frame = _frame_pieces()
        return any(
            len(q) >= 2 and "{" not in q and q not in frame for q in _QUOTED.findall(text)
        )


def topic_of(
    title_core: str,
    stripped_type: str,
    body: Counter[str],
    text: str,
    shared: Shared | None = None,
) -> Topic:
    """A source's topic words, from its title and what it repeats that others do not."""
    repeated = whole_words(word_like(repeated_words(body, shared), text), text)
    words = title_words(title_core, stripped_type, body, shared) | repeated
    return Topic(tuple(minimal(words)))


# -- sentences and clauses -----------------------------------------------------------------


def _shield(text: str) -> str:
    """`text` with quotes, brackets and slots blanked out (their punctuation splits nothing)."""
    if not _HAS_PROTECTED.search(text):
        return text
    return _PROTECTED.sub(lambda m: "\0" * len(m.group(0)), text)


_HAS_PROTECTED = re.compile("[“（《{]")
_CLAUSE_STOP = re.compile("[，；：。！？]")
_SENTENCE_STOP = re.compile("[。！？]")


def _pieces(sentence: str) -> list[tuple[str, str]]:
    """(clause text, its closing mark) in order; quotes, brackets and slots kept whole."""
    out = []
    start = 0
    for match in _CLAUSE_STOP.finditer(_shield(sentence)):
        i = match.start()
        out.append((sentence[start:i], sentence[i]))
        start = i + 1
    if start < len(sentence):
        out.append((sentence[start:], ""))
    return out


def _sentences(text: str) -> list[str]:
    out, start = [], 0
    for match in _SENTENCE_STOP.finditer(_shield(text)):
        out.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return [s for s in out if s.strip()]


_COUNT = re.compile(r"[一二两三四五六七八九十]{1,2}(?=个|项|大|种|条|类|方面|件|点|级)")


def _count_word(n: int) -> str:
    return "两" if n == 2 else chinese_numeral(n)


def _recount(clause: str, before: int, after: int) -> str:
    """A list that lost items says how many it has left: 宣传发动、成果转化三个阶段 → 两个阶段
    (the first count word that gave the old number of items, in the clause the list ends)."""
    if before == after or after < 1:
        return clause
    old = {chinese_numeral(before), _count_word(before)}
    match = next((m for m in _COUNT.finditer(clause) if m.group(0) in old), None)
    if match is None:
        return clause
    return clause[: match.start()] + _count_word(after) + clause[match.end() :]


def _drop_list_items(
    pieces: list[tuple[str, str]], subject: list[bool], topic: Topic
) -> tuple[list[tuple[str, str]], list[bool]]:
    """In a subject clause that lists items with 、, only the subject items go (人员不到位、工作不
    认真、作风不扎实的 → 人员不到位、工作不认真的) when frame items stay on both kinds of ends."""
    out_pieces, out_subject = [], []
    for (clause, punct), is_subject in zip(pieces, subject, strict=True):
        if is_subject and "、" in clause:
            shielded = _PROTECTED.sub(lambda m: "\0" * len(m.group(0)), clause)
            cuts = [i for i, ch in enumerate(shielded) if ch == "、"]
            items = [clause[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(clause)], strict=True)]
            flags = [topic.subject(item) for item in items]
            if not all(flags):
                tail = ""
                if flags[-1]:  # the last item carries the clause's ending (…的): keep it
                    end = re.search(r"[的等]+$", items[-1])
                    tail = end.group(0) if end else ""
                kept = [item for item, flag in zip(items, flags, strict=True) if not flag]
                clause = _recount("、".join(kept) + tail, len(items), len(kept))
                is_subject = False
        out_pieces.append((clause, punct))
        out_subject.append(is_subject)
    return out_pieces, out_subject


@dataclass
class Outcome:
    """What became of one paragraph: its frame text (may be empty) and what it lost."""

    text: str
    sentences: int = 0
    dropped: int = 0
    marked: bool = False


@functools.cache
def _narrative() -> re.Pattern[str]:
    return re.compile(_table()["narrative"])


@functools.lru_cache(maxsize=4096)  # a section's paragraphs recur in its role-bearing parts
def strip_paragraph(
    text: str, topic: Topic, marker: str, mark: bool = True, narrative: bool = False
) -> Outcome:
    """The paragraph's frame: subject sentences go, subject clauses of frame sentences go, the
    first one (when `mark`) replaced by `marker` (a slot such as `{{ focus }}`); with
    `narrative`, so does every sentence telling what the source itself did."""
    sentences = _sentences(text)
    out = Outcome("", len(sentences))
    if not narrative and not topic.subject(text):
        out.text = text.strip()
        return out
    kept: list[str] = []
    share = _table()["sentence_share"]
    for sentence in sentences:
        if narrative and _narrative().search(sentence):
            out.dropped += 1
            continue
        pieces = _pieces(sentence)
        subject = [topic.subject(clause) for clause, _p in pieces]
        if not any(subject):
            kept.append(sentence)
            continue
        size = sum(len(c) for c, _p in pieces) or 1
        subject_size = sum(len(c) for (c, _p), s in zip(pieces, subject, strict=True) if s)
        if subject_size / size >= share or subject[0] and len(pieces) <= 2:
            out.dropped += 1
            continue
        pieces, subject = _drop_list_items(pieces, subject, topic)
        if not any(subject):
            kept.append("".join(c + p for c, p in pieces))
            out.dropped += 1
            continue
        parts: list[tuple[str, str]] = []
        for (clause, punct), is_subject in zip(pieces, subject, strict=True):
            if not is_subject:
                parts.append((clause, punct))
            elif mark and not out.marked:
                parts.append((marker, punct))
                out.marked = True
        final = pieces[-1][1] if pieces[-1][1] in "。！？" else ""
        if parts and parts[-1][1] != final:
            parts[-1] = (parts[-1][0], final)
        kept.append("".join(c + p for c, p in parts))
        out.dropped += 1
    out.text = "".join(kept).strip()
    return out


_ANNOUNCES = re.compile("以下|如下|下列")


def _announcements_to_examples(body: list[tuple[int, bool, str, bool]]) -> list:
    """A lead paragraph announcing the items (围绕以下六个方面) goes with them into the examples."""
    out = []
    for level, run_in, text, example in body:
        if level < 0 and not example and _ANNOUNCES.search(text):
            example = True
        out.append((level, run_in, text, example))
    return out


# -- one skeleton ----------------------------------------------------------------------------

Item = tuple[int, bool, str]  # (level: 0 own heading, -1 paragraph, ≥3 child heading; run_in; text)


@dataclass
class Separated:
    """A skeleton's frame and examples, ready to write, and what the separation did."""

    blocks: list[tuple[int, bool, str, bool]]  # (level, run_in, text, is_example)
    words: list[str]  # the topic words its source text used
    sentences: int = 0
    dropped: int = 0


def _span(items: list[Item], start: int) -> int:
    """End (exclusive) of the child section starting at `start`: its paragraphs and descendants."""
    level = items[start][0]
    end = start + 1
    while end < len(items) and (items[end][0] < 0 or items[end][0] > level):
        end += 1
    return end


def separate(items: list[Item], role: str, topic: Topic, fallback_heading: str) -> Separated:
    """Frame and examples of one skeleton (items in reading order, already generalized)."""
    table = _table()
    marker = table["markers"].get(role, "")
    narrative = role in table["narrative_roles"]
    words = sorted({w for _l, _r, text in items for w in topic.found(text)})
    out = Separated([], words)
    if (
        not words
        and not narrative
        and not any(topic.subject(text) for _l, _r, text in items)
    ):
        out.blocks = [(lvl, run_in, text, False) for lvl, run_in, text in items]
        out.sentences = sum(len(_sentences(t)) for lvl, _r, t in items if lvl < 0)
        return out

    def paragraphs(span: list[Item]) -> list[tuple[int, bool, str, bool]]:
        kept = []
        for level, run_in, text in span:
            result = strip_paragraph(text, topic, marker, bool(marker), narrative)
            out.sentences += result.sentences
            out.dropped += result.dropped
            if result.text:
                kept.append((level, run_in, result.text, False))
        return kept

    def section(start: int, end: int) -> list[tuple[int, bool, str, bool]]:
        """A child section [start, end): kept with its frame, or as an example."""
        level, run_in, heading = items[start]
        whole = [(lvl, r, t, True) for lvl, r, t in items[start:end]]
        if topic.subject(heading):
            out.sentences += sum(len(_sentences(t)) for lvl, _r, t in items[start:end] if lvl < 0)
            out.dropped += sum(len(_sentences(t)) for lvl, _r, t in items[start:end] if lvl < 0)
            return whole
        body = children(start + 1, end)
        if not any(not example for _l, _r, _t, example in body) and end > start + 1:
            return whole
        return [(level, run_in, heading, False), *body]

    def children(start: int, end: int) -> list[tuple[int, bool, str, bool]]:
        blocks: list[tuple[int, bool, str, bool]] = []
        i = start
        while i < end and items[i][0] < 0:
            i += 1
        blocks.extend(paragraphs(items[start:i]))
        while i < end:
            stop = min(_span(items, i), end)
            blocks.extend(section(i, stop))
            i = stop
        return blocks

    level, run_in, heading = items[0]
    if topic.subject(heading):
        heading, run_in = fallback_heading, False
    body = children(1, len(items))
    if any(example for _l, _r, _t, example in body):
        body = _announcements_to_examples(body)
    if not any(not example for _l, _r, _t, example in body):
        label = fallback_heading + "的具体内容" if fallback_heading else "发文缘由和依据"
        if role == "closing":
            label = "结尾的要求和号召"
        body.insert(0, (-1, False, table["empty"] % label, False))
    out.blocks = [(level, run_in, heading, False), *body]
    return out
