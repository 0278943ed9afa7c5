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
from dataclasses import dataclass

from nigao.ingest import tables

_SLOT_TEXT = re.compile(r"\{\{[^{}]*\}\}|【[^【】]*】")
_CJK_RUN = re.compile("[\u4e00-\u9fff]{2,}")
_SENTENCE = re.compile(r"[^。！？]*(?:[。！？]|$)")
_PROTECTED = re.compile("“[^“”]*”|（[^（）]*）|《[^《》]*》|\\{\\{[^{}]*\\}\\}")
_CLAUSE_PUNCT = "，；："


@functools.cache
def _table() -> dict:
    return tables.load("generalize")["subject"]


@functools.cache
def _frame_words() -> frozenset[str]:
    return frozenset(_table()["frame_words"])


def grams(text: str, sizes: Iterable[int] = (2, 3, 4)) -> Counter[str]:
    """Character n-grams of the CJK runs of `text` (slots and markers left out)."""
    counts: Counter[str] = Counter()
    sizes = tuple(sizes)
    for run in _CJK_RUN.findall(_SLOT_TEXT.sub("，", text)):
        for n in sizes:
            counts.update(run[i : i + n] for i in range(len(run) - n + 1))
    return counts


def _edge_ok(gram: str) -> bool:
    """A topic word neither starts nor ends with a function character (的讨, 论的)."""
    edges = _table()["not_at_edge"]
    return gram[0] not in edges and gram[-1] not in edges


def _is_frame(gram: str) -> bool:
    """Generic 公文 wording, or a piece of it (教育, 工作, 进一步 …)."""
    frame = _frame_words()
    return gram in frame or any(gram in word for word in frame if len(word) > len(gram))


def title_words(core: str, stripped_type: str, body: Counter[str]) -> set[str]:
    """Words of the title's campaign part that the body uses too (作风, 难题 …)."""
    found = {g for g in grams(core, (2, 3, 4)) if body.get(g, 0) >= 1}
    if len(stripped_type) >= 2:
        found.add(stripped_type[-2:])  # 大讨论 → 讨论: what the campaign's activity is
    return {g for g in found if _edge_ok(g) and not _is_frame(g)}


def repeated_words(own: Counter[str], shared: Counter[str] | None, documents: int) -> set[str]:
    """N-grams the source repeats that (almost) no other document of the run uses."""
    table = _table()
    limit = max(1, int(documents * table["max_document_share"]))
    found = set()
    for gram, count in own.items():
        if count < table["min_repeats"] or not _edge_ok(gram) or _is_frame(gram):
            continue
        widely_used = shared is not None and shared.get(gram, 0) > limit
        if widely_used and documents >= table["min_documents"]:
            continue
        found.add(gram)
    return found


def minimal(words: set[str], counts: Counter[str]) -> list[str]:
    """Drop a word found only inside one longer word (论活 in 讨论活动), then any word holding a
    shorter one (讨论活 holds 讨论): what is left matches everything the full set matched."""
    kept = {
        w
        for w in words
        if not any(
            len(o) == len(w) + 1 and w in o and counts.get(o, 0) == counts.get(w, 0)
            for o in words
        )
    }
    out = [w for w in kept if not any(o != w and o in w for o in kept)]
    return sorted(out, key=lambda w: (-counts.get(w, 0), w))


@dataclass(frozen=True)
class Topic:
    """The topic words of one source and the pattern that finds them."""

    words: tuple[str, ...]

    @functools.cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.words:
            return None
        return re.compile("|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True)))

    def found(self, text: str) -> list[str]:
        """Topic words in `text`, slots and markers left out."""
        if self.pattern is None:
            return []
        return self.pattern.findall(_SLOT_TEXT.sub("，", text))


def topic_of(
    title_core: str,
    stripped_type: str,
    texts: list[str],
    shared: Counter[str] | None = None,
    documents: int = 0,
) -> Topic:
    """A source's topic words, from its title and what it repeats that others do not."""
    body = Counter()
    for text in texts:
        body.update(grams(text))
    words = title_words(title_core, stripped_type, body) | repeated_words(body, shared, documents)
    return Topic(tuple(minimal(words, body)))


def document_grams(texts: Iterable[str]) -> set[str]:
    """The distinct n-grams of one document (for counting how many documents share each)."""
    out: set[str] = set()
    for text in texts:
        out.update(grams(text))
    return out


# -- sentences and clauses -----------------------------------------------------------------


def _pieces(sentence: str) -> list[tuple[str, str]]:
    """(clause text, its closing mark) in order; quotes, brackets and slots kept whole."""
    shielded = _PROTECTED.sub(lambda m: "\0" * len(m.group(0)), sentence)
    out = []
    start = 0
    for i, ch in enumerate(shielded):
        if ch in _CLAUSE_PUNCT or ch in "。！？":
            out.append((sentence[start:i], sentence[i]))
            start = i + 1
    if start < len(sentence):
        out.append((sentence[start:], ""))
    return out


def _sentences(text: str) -> list[str]:
    shielded = _PROTECTED.sub(lambda m: "\0" * len(m.group(0)), text)
    out, start = [], 0
    for i, ch in enumerate(shielded):
        if ch in "。！？":
            out.append(text[start : i + 1])
            start = i + 1
    if start < len(text):
        out.append(text[start:])
    return [s for s in out if s.strip()]


@dataclass
class Outcome:
    """What became of one paragraph: its frame text (may be empty) and what it lost."""

    text: str
    sentences: int = 0
    dropped: int = 0
    marked: bool = False


def strip_paragraph(text: str, topic: Topic, marker: str, mark: bool = True) -> Outcome:
    """The paragraph's frame: subject sentences go, subject clauses of frame sentences go, the
    first one (when `mark`) replaced by `marker` (a slot such as `{{ focus }}`)."""
    sentences = _sentences(text)
    out = Outcome("", len(sentences))
    kept: list[str] = []
    share = _table()["sentence_share"]
    for sentence in sentences:
        pieces = _pieces(sentence)
        subject = [bool(topic.found(clause)) for clause, _p in pieces]
        if not any(subject):
            kept.append(sentence)
            continue
        size = sum(len(c) for c, _p in pieces) or 1
        subject_size = sum(len(c) for (c, _p), s in zip(pieces, subject, strict=True) if s)
        if subject_size / size >= share or subject[0] and len(pieces) <= 2:
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
