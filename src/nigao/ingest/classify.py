"""Kind of document (plan / summary / report) and role of every section, from data/roles.yaml."""

from __future__ import annotations

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


def match_role(heading: str, kind: str | None) -> str | None:
    """The role whose keyword occurs earliest in the heading (longer keyword on a tie)."""
    best: tuple[int, int, str] | None = None
    for role, entry in tables.load("roles")["roles"].items():
        if kind is not None and kind not in entry["kinds"]:
            continue
        for word in entry["headings"]:
            at = heading.find(word)
            if at >= 0:
                key = (at, -len(word), role)
                if best is None or key < best:
                    best = key
    return None if best is None else best[2]


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
