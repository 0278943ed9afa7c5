"""Kind of document (plan / summary / report) and role of every section, from data/roles.yaml.

Roles are read from a heading's meaning, not from a list of whole headings: each role has
whole keywords and meaning stems (目标, 定位 → goals; 困难, 短板 → problems), scored within the
roles of the document's kind, so 目标定位 or 存在的困难 find their role without being listed.
"""

from __future__ import annotations

import functools
import re

from nigao.ingest import tables
from nigao.model import Document, Section

_END_MARKS = "。！？；：，、 "


@functools.cache
def _kind_words() -> tuple[tuple[str, str], ...]:
    """(word, kind) pairs of the title table."""
    return tuple(
        (word, kind) for kind, words in tables.load("roles")["kind_words"].items() for word in words
    )


def title_kinds(title: str) -> set[str]:
    """Every kind a title word names (工作总结及下半年工作思路: summary and plan)."""
    return {kind for word, kind in _kind_words() if word in title}


def title_kind(title: str) -> str | None:
    """The kind named by the title word that ends last in the title (the longer on a tie)."""
    best: tuple[int, int] | None = None
    kind = None
    for word, owner in _kind_words():
        at = title.rfind(word)
        if at < 0:
            continue
        key = (at + len(word), len(word))
        if best is None or key > best:
            best, kind = key, owner
    return kind


@functools.cache
def _body_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile("|".join(entry["body"])), entry["kind"])
        for entry in tables.load("roles")["kinds"]
    )


def structure_kind(headings: list[str]) -> str | None:
    """The kind whose own roles the level-1 headings name most (two at least, a clear lead)."""
    votes: dict[str, float] = {}
    roles = tables.load("roles")["roles"]
    for heading in headings:
        found = score_roles(heading, None)
        if not found:
            continue
        kinds = roles[found[0]]["kinds"]
        for kind in kinds:
            votes[kind] = votes.get(kind, 0.0) + 1.0 / len(kinds)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    top_kind, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return top_kind if top >= 2 and top > 1.5 * second else None


def classify_kind(
    title: str,
    preamble: list[str],
    headings: list[str] | None = None,
    near_title: list[str] | None = None,
) -> str:
    """Title words decide first, then those of the lines around the title (a page's header
    line, a subtitle), then words of the preamble, then the headings, then the default."""
    table = tables.load("roles")
    kind = title_kind(title)
    for line in near_title or ():
        kind = kind or title_kind(line)
    if kind:
        return kind
    opening = "".join(preamble)[:600]
    for pattern, owner in _body_patterns():
        if pattern.search(opening):
            return owner
    return structure_kind(headings or []) or table["default_kind"]


@functools.cache
def _keyword_index(kind: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of every heading keyword (longest first) and keyword → role, for a kind."""
    owner: dict[str, str] = {}
    for role, entry in sorted(tables.load("roles")["roles"].items()):
        if kind is not None and kind not in entry["kinds"]:
            continue
        for word in entry["headings"]:
            owner.setdefault(word, role)  # a keyword of two roles: the first role by name
    words = sorted(owner, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in words)), owner


@functools.cache
def _stem_index(kind: str | None) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern of every meaning stem (longest first) and stem → roles having it, for a kind."""
    owners: dict[str, list[str]] = {}
    for role, entry in sorted(tables.load("roles")["roles"].items()):
        if kind is not None and kind not in entry["kinds"]:
            continue
        for word in entry.get("stems", ()):
            owners.setdefault(word, []).append(role)
    words = sorted(owners, key=lambda w: (-len(w), w))
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return pattern, {w: tuple(r) for w, r in owners.items()}


def match_role(heading: str, kind: str | None) -> str | None:
    """The role whose whole keyword occurs earliest in the heading (the longer keyword on a tie)."""
    pattern, owner = _keyword_index(kind)
    match = pattern.search(heading)
    return owner[match.group(0)] if match else None


def score_roles(heading: str, kind: str | None, stems: bool = True) -> list[str]:
    """Roles a heading names, best first: whole keywords score 2, stems 1 (short headings only).

    Without `stems` only whole keywords count (the pass over roles outside the kind).
    A role's score is the sum of its hits; the best role comes first (earlier hit on a tie).
    Other roles follow only when their hits lie outside the best role's hits (a heading that
    merges two parts: 组织领导与保障措施), so a stem inside a keyword never adds a role.
    """
    table = tables.load("roles")
    text = heading.rstrip(_END_MARKS)
    hits: list[tuple[int, int, str, float]] = []  # start, end, role, weight
    pattern, owner = _keyword_index(kind)
    for match in pattern.finditer(text):
        hits.append((match.start(), match.end(), owner[match.group(0)], 2.0))
    if stems and len(text) <= table["stem_heading_max"]:
        pattern, owners = _stem_index(kind)
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start and end <= e for s, e, _r, _w in hits):
                continue  # part of a whole keyword already counted
            roles = owners[match.group(0)]
            for role in roles:
                hits.append((start, end, role, 1.0 / len(roles)))
    elif stems and not hits:  # a long heading: a noun phrase's head word may name its role
        hits = _head_noun(text, kind) or _head_noun(text, None)
    if not hits:
        return []
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for start, _end, role, weight in hits:
        score[role] = score.get(role, 0.0) + weight
        first[role] = min(first.get(role, start), start)
    ranked = sorted(score, key=lambda r: (-score[r], first[r], r))
    best = ranked[0]
    taken = [(s, e) for s, e, r, _w in hits if r == best]
    result = [best]
    for role in ranked[1:]:
        spans = [(s, e) for s, e, r, w in hits if r == role and w >= 1.0]
        if spans and all(e <= ts or s >= te for s, e in spans for ts, te in taken):
            result.append(role)
            taken.extend(spans)
    return sorted(result, key=lambda r: first[r]) if len(result) > 1 else result


_NP_JOIN = "的与和及、"


def _head_noun(text: str, kind: str | None) -> list[tuple[int, int, str, float]]:
    """A long heading that is a noun phrase names its role by its last word, the phrase's
    head (学校在德育工作中面临的问题与困惑 → problems): a stem at the very end after 的, 与,
    和 or 及 — never a verb's object (解决突出问题)."""
    pattern, owners = _stem_index(kind)
    for match in pattern.finditer(text, max(0, len(text) - 4)):
        start, end = match.span()
        if end != len(text) or start == 0:
            continue
        if text[start - 1] in _NP_JOIN:
            roles = owners[match.group(0)]
            return [(start, end, role, 1.0 / len(roles)) for role in roles]
    return []


def assign_roles(doc: Document) -> None:
    """Set every section's role (and `roles` when one heading names two)."""
    table = tables.load("roles")
    limit = table["sub_heading_max"]
    stem_max = table["stem_heading_max"]
    # A document of two kinds (上半年工作总结及下半年工作思路) may have the roles of both.
    role_kind = None if len(title_kinds(doc.title)) > 1 else doc.kind

    def visit(section: Section, depth: int, parent_role: str | None) -> None:
        if depth == 1:
            found = score_roles(section.heading, role_kind)
            if not found and len(section.heading.rstrip(_END_MARKS)) <= stem_max:
                found = score_roles(section.heading, None, stems=False)  # 基本情况 in a report
            role = found[0] if found else table["fallback"][doc.kind]
            section.roles = found if len(found) > 1 else []
        else:
            role = None
            if len(section.heading.rstrip("。")) <= limit:
                role = match_role(section.heading, None)
            role = role or parent_role
        section.role = role
        for child in section.sections:
            visit(child, depth + 1, role)

    for section in doc.sections:
        visit(section, 1, None)
