"""What a rule sees: the document as a list of located text units, plus profile facts.

A unit is one block of text (title, paragraph, heading, front-matter value, raw line of a
.txt) with where it is: a line and column in the source file (.md/.txt, so a mechanical fix
can be applied to that line) or a paragraph number (.docx, or a Document without a file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nigao.check.findings import Finding, Fix
from nigao.model import Document, Section

if TYPE_CHECKING:
    from nigao.draftmd import WrittenDraft

# Passages holding document text (rules on wording look at these).
TEXT_KINDS = frozenset(
    {"title", "recipients", "preamble", "heading", "para", "closing", "attachment", "cc"}
)
META_KINDS = frozenset(
    {"signature", "date", "doc_number", "print_date", "printer", "issuer_mark", "author"}
)


@dataclass(slots=True)
class Passage:
    """One piece of the checked text (a title, heading, paragraph, 署名 …) and where it stands
    in the file: what every rule looks at and every finding points to."""

    kind: str
    text: str
    line: int | None = None
    para: int | None = None
    col: int | None = None  # where `text` starts in source line `line`; None: no fixes
    depth: int | None = None
    section: Section | None = None
    run_in: bool = False
    label: str | None = None  # a numbering label typed at the start ("1、", "(一)")
    label_col: int | None = None
    standalone: bool = False  # .txt: a labelled line that is a heading of its own


@dataclass
class ProfileFacts:
    """What the content rules need from a profile: region, known names, leaders, year."""

    region: str | None = None
    known: str = ""  # every text value of the profile, joined: a name found here is not foreign
    leaders: frozenset[str] = frozenset()
    year: int | None = None
    people_known: bool = False  # the leaders are given (a profile), so other names are foreign
    party: str | None = None  # org.party: its organ (党委 or 党组) is the draft's
    # the topic words of the library the draft was made from, by source (Library.topics);
    # None: the shipped library and NIGAO_LIBRARY
    topics: tuple[tuple[str, frozenset[str]], ...] | None = None

    @classmethod
    def of(cls, profile: Any) -> ProfileFacts | None:
        """Accept a ProfileFacts, a nigao.profile.Profile, a plain dict (front matter, a
        test's few keys), or None."""
        if profile is None or isinstance(profile, ProfileFacts):
            return profile
        if isinstance(profile, dict):
            return cls._of_dict(profile)
        from nigao.profile import Profile

        if not isinstance(profile, Profile):
            raise TypeError(f"not a profile: {type(profile).__name__}")
        leaders = profile.leaders
        return cls(
            region=profile.org.region,
            known=_known(profile.data),
            leaders=frozenset(p.name for f in leaders.fields for p in getattr(leaders, f.key)),
            year=profile.draft_year,
            people_known=True,
            party=profile.org.party,
        )

    @classmethod
    def _of_dict(cls, data: dict[str, Any]) -> ProfileFacts:
        org = data.get("org") or {}
        region = data.get("region") or (org.get("region") if isinstance(org, dict) else None)
        leaders: set[str] = set()
        for people in (data.get("leaders") or {}).values():
            for person in people if isinstance(people, list) else [people]:
                name = person.get("name") if isinstance(person, dict) else person
                if name:
                    leaders.add(str(name))
        year = data.get("year")
        if not year and data.get("date") is not None:
            date = data["date"]
            year = getattr(date, "year", None) or _year_of(str(date))
        return cls(
            region=region,
            known=_known(data),
            leaders=frozenset(leaders),
            year=int(year) if year else None,
            people_known=True,
            party=str(org.get("party")) if isinstance(org, dict) and org.get("party") else None,
        )


def _known(data: dict[str, Any]) -> str:
    """Every key and text value of a profile's plain values, one a line."""
    texts: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str):
                    texts.append(key)
                collect(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                collect(item)
        elif value is not None and not isinstance(value, bool):
            texts.append(str(value))

    collect(data)
    return "\n".join(texts)


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    match = re.search(r"((?:19|20)\d{2})\s*年", text) or re.match(r"((?:19|20)\d{2})-", text)
    return int(match.group(1)) if match else None


@dataclass
class Context:
    """Everything one check run knows about one document."""

    path: str | None
    fmt: str  # md | txt | docx | doc (a Document without a file)
    units: list[Passage]
    doc: Document | None = None
    facts: ProfileFacts | None = None
    truncated: bool = False
    script: str | None = None
    layout: dict[str, Any] | None = None
    raw: bool = False  # units are the lines of a plain text (.txt, or a .docx not made by nigao)
    severities: dict[str, str] = field(default_factory=dict)

    @property
    def year(self) -> int | None:
        """The document's year: its 成文日期, else the profile's year."""
        for unit in self.units:
            if unit.kind == "date":
                year = _year_of(unit.text)
                if year:
                    return year
        if self.doc is not None and self.doc.date:
            year = _year_of(self.doc.date)
            if year:
                return year
        return self.facts.year if self.facts else None

    def text_units(self) -> list[Passage]:
        return [u for u in self.units if u.kind in TEXT_KINDS]

    def report(
        self,
        unit: Passage | None,
        rule: str,
        message: str,
        suggestion: str,
        edits: list[tuple[int, int, str]] | None = None,
    ) -> Finding:
        """A finding at a unit; `edits` are (start, end, replacement) within unit.text."""
        fixes: tuple[Fix, ...] = ()
        if unit is not None and edits and unit.col is not None and unit.line is not None:
            fixes = tuple(Fix(unit.line, unit.col + a, unit.col + b, r) for a, b, r in edits)
        return Finding(
            file=self.path,
            line=unit.line if unit else None,
            paragraph=unit.para if unit and unit.line is None else None,
            rule=rule,
            severity=self.severities.get(rule, "warning"),
            message=message,
            suggestion=suggestion,
            fixes=fixes,
        )


# ---------------------------------------------------------------- from a Document

_TAIL_ORDER = ("signature", "date", "cc", "printer", "print_date")


def units_from_document(
    doc: Document, md_lines: list[str] | None = None, written: WrittenDraft | None = None
) -> list[Passage]:
    """Units in reading order. With a draft file's lines, or the places `write_located` wrote
    `doc` at (then `doc` is `written.document`), each gets its line and column."""
    units: list[Passage] = []
    for key in ("issuer_mark", "doc_number"):
        value = getattr(doc, key)
        if value:
            units.append(Passage(key, value))
    if doc.title:
        units.append(Passage("title", doc.title))
    if doc.recipients:
        units.append(Passage("recipients", doc.recipients))
    units.extend(Passage("preamble", p) for p in doc.preamble)
    for depth, section in doc.walk():
        units.append(
            Passage("heading", section.heading, depth=depth, section=section, run_in=section.run_in)
        )
        for i, text in enumerate(section.paragraphs):
            # run_in on a paragraph: it shares the printed paragraph of its run-in heading
            shared = i == 0 and section.run_in
            units.append(Passage("para", text, depth=depth, section=section, run_in=shared))
    units.extend(Passage("closing", p) for p in doc.closing)
    units.extend(Passage("attachment", a) for a in doc.attachments)
    for key in _TAIL_ORDER:
        value = getattr(doc, key)
        if value:
            units.append(Passage(key, value))
    if written is not None:
        _place_as_written(units, written)
    elif md_lines is not None:
        _locate_in_draft(units, md_lines)
    else:
        number = 0
        for unit in units:
            if unit.kind == "para" and unit.run_in:
                unit.para = number
                continue
            number += 1
            unit.para = number
    return units


_BODY_KINDS = ("title", "preamble", "heading", "para", "closing")
_FRONT_KEYS = {
    "recipients": "recipients",
    "signature": "signature",
    "date": "date",
    "doc_number": "doc_number",
    "issuer_mark": "issuer_mark",
    "cc": "cc",
    "printer": "printer",
    "print_date": "print_date",
}


def _place_as_written(units: list[Passage], written: WrittenDraft) -> None:
    """Each unit at the line and column the draft writer put it."""
    body = iter(written.blocks)
    attachments = iter(written.attachments)
    for unit in units:
        if unit.kind in _BODY_KINDS and unit.kind != "recipients":
            place = next(body, None)
        elif unit.kind == "attachment":
            place = next(attachments, None)
        else:
            place = written.front.get(unit.kind)
        if place is not None:
            unit.line, unit.col = place


def _locate_in_draft(units: list[Passage], lines: list[str]) -> None:
    """Give each unit the line (and column) it was read from in a draft Markdown file."""
    start = 0
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() == "---":
                break
        else:
            end = 0
        front = {}
        attach_lines = []
        for number in range(1, end):
            line = lines[number]
            key = line.split(":", 1)[0].strip()
            if key in _FRONT_KEYS and not line.startswith((" ", "\t")):
                front[key] = number
            elif line.lstrip().startswith("- "):
                attach_lines.append(number)
        for unit in units:
            if unit.kind in front:
                number = front[unit.kind]
                unit.line = number + 1
                col = lines[number].find(unit.text, len(unit.kind) + 1)
                unit.col = col if col >= 0 else None
        attachments = [u for u in units if u.kind == "attachment"]
        for unit, number in zip(attachments, attach_lines, strict=False):
            unit.line = number + 1
            col = lines[number].find(unit.text)
            unit.col = col if col >= 0 else None
        start = end + 1
    body = [
        (number, line)
        for number, line in enumerate(lines[start:], start=start + 1)
        if line.strip() and line.strip() != "***"
    ]
    body_units = [u for u in units if u.kind in _BODY_KINDS and u.kind != "recipients"]
    for unit, (number, line) in zip(body_units, body, strict=False):
        unit.line = number
        col = line.find(unit.text)
        unit.col = col if col >= 0 else None
