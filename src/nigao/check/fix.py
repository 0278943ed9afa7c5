"""Mechanical fixes: apply the findings' column edits to the lines of a .md/.txt file."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nigao.check.findings import Finding, Fix

# Lines as the readers count them: split on \r\n, \r or \n only (not on \u2028, \f …).
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def fix_text(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """The text with every fix applied (overlapping edits: the first, widest wins) and the count."""
    by_line: dict[int, list[Fix]] = {}
    for finding in findings:
        for fix in finding.fixes:
            by_line.setdefault(fix.line, []).append(fix)
    if not by_line:
        return text, 0
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = _LINES.findall(text[len(bom) :])
    applied = 0
    for number, fixes in by_line.items():
        if not 1 <= number <= len(lines):
            continue
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        ending = line[len(body) :]
        chosen: list[Fix] = []
        for fix in sorted(set(fixes), key=lambda f: (f.start, -(f.end - f.start))):
            if fix.start < 0 or fix.end > len(body):
                continue
            if chosen and fix.start < chosen[-1].end:
                continue
            chosen.append(fix)
        for fix in reversed(chosen):
            body = body[: fix.start] + fix.replacement + body[fix.end :]
        applied += len(chosen)
        lines[number - 1] = body + ending
    return bom + "".join(lines), applied
