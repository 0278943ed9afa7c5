"""Is this line web-page debris? The first test of the one clutter table (data/clutter.yaml),
shared by ingest (which then names the rule and finds the page footer) and the checker (which
reports the line as LEFT-CLUTTER).

A line holding none of the table's `markers` words is document text at once (most lines);
otherwise its `line` and `footer_start` rules decide, probed on the first 100 characters
(clutter shows at the start of a line).
"""

from __future__ import annotations

import functools
import re

PROBE = 100  # characters of a line the rules look at


@functools.cache
def any_rule(key: str) -> re.Pattern[str]:
    """All rules of a kind in data/clutter.yaml as one pattern."""
    from nigao.tables import table

    return re.compile("|".join(f"(?:{rule['pattern']})" for rule in table("clutter")[key]))


@functools.cache
def markers() -> re.Pattern[str]:
    """Words one of which every clutter line contains: a fast first filter."""
    from nigao.tables import table

    words = table("clutter")["markers"]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@functools.cache
def _line_or_footer() -> re.Pattern[str]:
    return re.compile(any_rule("line").pattern + "|" + any_rule("footer_start").pattern)


def search(line: str) -> re.Match[str] | None:
    """The clutter a line starts with (a `line` or `footer_start` rule), or None."""
    probe = line if len(line) <= PROBE else line[:PROBE]
    if markers().search(probe) is None:
        return None
    return _line_or_footer().search(probe)
