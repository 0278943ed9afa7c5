"""Kind of document (plan / summary / report) and role of every section, from data/roles.yaml."""

from __future__ import annotations

import functools
import re

from nigao.ingest import tables
from nigao.model import Document, Section


def classify_kind(title: str, preamble: list[str]) -> str:
    """Title words decide first, then words of the preamble, then the table's default."""
    table = tables.load("roles")
    for entry in table["kinds"]:
        if any(word in title for word in entry["title"]):
            return entry["kind"]
    opening = "".join(preamble)
    for entry in table["kinds"]:
        if any(word in opening for word in entry["body"]):
            return entry["kind"]
    return table["default_kind"]


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


def match_role(heading: str, kind: str | None) -> str | None:
    """The role whose keyword occurs earliest in the heading (the longer keyword on a tie)."""
    pattern, owner = _keyword_index(kind)
    match = pattern.search(heading)
    return owner[match.group(0)] if match else None


def assign_roles(doc: Document) -> None:
    """Set every section's role; a section without its own role takes its parent's."""
    table = tables.load("roles")
    limit = table["sub_heading_max"]

    def visit(section: Section, depth: int, parent_role: str | None) -> None:
        if depth == 1:
            role = match_role(section.heading, doc.kind) or table["fallback"][doc.kind]
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
