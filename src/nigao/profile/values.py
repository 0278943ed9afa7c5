"""Value parsing shared by the validator and the units file: dates, months, a person."""

from __future__ import annotations

import datetime as _dt
import re

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")


def parse_person(text: str) -> dict[str, str] | None:
    """ "王明（局党组书记、局长）" → {name: 王明, post: 局党组书记、局长}; "王明" → {name: 王明}."""
    text = text.strip()
    if not text:
        return None
    for open_, close in (("（", "）"), ("(", ")")):
        if open_ in text and text.endswith(close):
            name, _, post = text[:-1].partition(open_)
            if name.strip() and post.strip():
                return {"name": name.strip(), "post": post.strip()}
    return {"name": text}


def parse_date(text: str) -> _dt.date | None:
    """2027-03-01 (also 2027/3/1, 2027年3月1日) → date, or None."""
    match = _DATE.match(text.strip())
    if not match:
        return None
    try:
        return _dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def parse_month(text: str) -> tuple[int, int] | None:
    """2027-03 (also 2027年3月) → (2027, 3), or None."""
    match = _MONTH.match(text.strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return (year, month) if 1 <= month <= 12 else None
