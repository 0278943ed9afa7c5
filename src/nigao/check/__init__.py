"""nigao check: a 公文 proofreader for drafts (.md, .docx) and any .txt a user brings.

    check_document(doc, profile=…)                   → findings for a Document (by paragraph)
    check_written(written, profile=…, path=…)         → findings for a draft just written, by line
    check_path(path, profile=…, rules=…, ignore=…)   → findings for a file
    fix_text(text, findings)                         → (fixed text, number of edits)

Rules live in nigao/check/rules/*.py, registered by id; their severities and Chinese
descriptions in nigao/data/check_rules.yaml.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nigao.check.context import Context, ProfileFacts
from nigao.check.findings import SEVERITY_NAMES, Finding, Fix
from nigao.check.fix import fix_text
from nigao.model import Document

if TYPE_CHECKING:
    from nigao.draftmd import WrittenDraft

__all__ = [
    "SEVERITY_NAMES",
    "Finding",
    "Fix",
    "ProfileFacts",
    "check_document",
    "check_path",
    "check_written",
    "fix_text",
    "profile_facts",
    "run_rules",
]


def profile_facts(profile: Any = None, *, region: str | None = None) -> ProfileFacts | None:
    """ProfileFacts from a Profile, a dict, a profile file path or a bare region name."""
    if isinstance(profile, (str, Path)):
        from nigao.profile import load

        profile = load(profile)
    facts = ProfileFacts.of(profile)
    if region:
        facts = facts or ProfileFacts()
        facts = ProfileFacts(
            region=region,
            known=facts.known + "\n" + region,
            leaders=facts.leaders,
            year=facts.year,
            people_known=facts.people_known,
            party=facts.party,
        )
    return facts


def run_rules(
    ctx: Context, rules: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Finding]:
    """Run the selected rules over a context; findings sorted by place, without duplicates."""
    from nigao.check.registry import functions, select
    from nigao.check.registry import rules as all_rules

    table = all_rules()
    ctx.severities = {rule_id: r.severity for rule_id, r in table.items()}
    selected = select(rules, ignore)
    funcs = functions()
    done: set[int] = set()
    out: list[Finding] = []
    seen: set[tuple] = set()
    for rule_id in table:
        if rule_id not in selected or rule_id not in funcs:
            continue
        func = funcs[rule_id]
        if id(func) in done:
            continue
        done.add(id(func))
        for finding in func(ctx):
            key = (finding.line, finding.paragraph, finding.rule, finding.message)
            if finding.rule in selected and key not in seen:
                seen.add(key)
                out.append(finding)
    out.sort(key=Finding.sort_key)
    return out


def check_document(
    doc: Document,
    *,
    profile: Any = None,
    source_lines: list[str] | None = None,
    path: str | None = None,
    rules: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    region: str | None = None,
) -> list[Finding]:
    """Check a Document: findings carry paragraph numbers. With `source_lines`, the lines of
    the file the Document was read from (a draft .md, or a plain text), findings carry line
    numbers and mechanical fixes; the Document itself is what is checked."""
    from nigao.check import sources

    facts = profile_facts(profile, region=region)
    if source_lines is None:
        ctx = sources.document_context(doc, facts, path)
    elif _looks_like_draft(source_lines):
        ctx = sources.located_context(doc, list(source_lines), facts, path)
    else:
        units = sources.units_from_lines(list(source_lines), title=doc.title or None)
        ctx = Context(path=path, fmt="txt", units=units, doc=doc, facts=facts, raw=True)
    return run_rules(ctx, rules, ignore)


def _looks_like_draft(lines: list[str]) -> bool:
    first = next((line.strip() for line in lines if line.strip()), "")
    return first == "---" or first.startswith("# ")


def check_written(
    written: WrittenDraft,
    *,
    profile: Any = None,
    path: str | None = None,
    rules: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    region: str | None = None,
) -> list[Finding]:
    """Check the Document `draftmd.write_located` just wrote: findings name lines of that
    Markdown (the .md at `path`) and carry mechanical fixes, without reading it back."""
    from nigao.check import sources

    ctx = sources.written_context(written, profile_facts(profile, region=region), path)
    return run_rules(ctx, rules, ignore)


def check_path(
    path: str | Path,
    *,
    profile: Any = None,
    rules: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    region: str | None = None,
) -> list[Finding]:
    """Check a .md draft, a .docx or a .txt file."""
    from nigao.check.sources import context_for_path

    ctx = context_for_path(path, profile_facts(profile, region=region))
    return run_rules(ctx, rules, ignore)
