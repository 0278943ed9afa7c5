"""The checker's data tables (src/nigao/data/check_*.yaml), loaded once and cached."""

from __future__ import annotations

import functools
import re
from functools import cache
from typing import Any

from nigao.tables import DATA_DIR

# A name's core is at least two characters: 通道侗族自治县 → 通道 (not the empty string).
_PLACE_CORE = re.compile(
    r"(?P<core>.{2,}?)(?:[^\W\d_A-Za-z]{1,4}?族)*(?:自治县|自治州|自治区|自治旗|特别行政区|地区"
    r"|林区|特区|新区|省|市|县|区|盟|旗)$"
)


# The everyday name of an autonomous county or banner: 长阳土家族自治县 → 长阳县, 通道侗族自治县 →
# 通道县 (what a sample says far more often than the full name).
_AUTONOMOUS = re.compile(r"(?P<core>.{2,}?)(?:[^\W\d_A-Za-z]{1,4}?族)+自治(?P<unit>[县旗])$")


def everyday_name(name: str) -> str | None:
    """长阳土家族自治县 → 长阳县; None for a name with no such shorter form."""
    match = _AUTONOMOUS.match(name)
    return match.group("core") + match.group("unit") if match else None


def short_name(name: str) -> str:
    """The name without its 县/区/市/自治县 … suffix (岚溪县 → 岚溪); unchanged if it has none."""
    match = _PLACE_CORE.match(name)
    return match.group("core") if match else name


def _load_yaml(name: str) -> Any:
    from nigao.tables import table

    return table(name.removesuffix(".yaml"))


@cache
def rule_table() -> list[dict[str, Any]]:
    """check_rules.yaml: id, severity, group, title, bad, good, fix."""
    return _load_yaml("check_rules.yaml")


def _pattern(item: dict[str, str]) -> str:
    """A row's own `pattern`, or the one it names in nigao/vocabulary.py (`vocabulary: NAME`)."""
    if "vocabulary" in item:
        from nigao import vocabulary

        return getattr(vocabulary, item["vocabulary"]).pattern
    return item["pattern"]


@cache
def patterns() -> dict[str, Any]:
    """check_patterns.yaml, with the regular expressions compiled."""
    data = dict(_load_yaml("check_patterns.yaml"))  # the shared table stays as read
    data["placeholders_re"] = [
        (re.compile(_pattern(item)), item["message"]) for item in data["placeholders"]
    ]
    data["notes_re"] = re.compile("|".join(f"(?:{p})" for p in data["notes"]))
    return data


class Places:
    """County-level and higher names, their short forms, and the code hierarchy.

    Stored (nigao.cache) as a few long strings rather than dicts of thousands of small ones:
    a run splits them in C in a fraction of the time unmarshalling the dicts took, and the
    code tables, which only `family` needs, are built on its first call."""

    def __init__(self, state: dict[str, Any], not_names: set[str]):
        self.not_names = not_names
        self._state = state
        self.full: frozenset[str] = frozenset(_lines(state["names"]))
        self.short: frozenset[str] = frozenset(_lines(state["short"]))  # 岚溪 (of 岚溪县) …
        # name lengths by last character, longest first: 县 → (7, 5, 4, 3) …
        self.lengths: dict[str, tuple[int, ...]] = state["lengths"]

    @staticmethod
    def state(rows: list[tuple[str, str]], not_names: set[str]) -> dict[str, Any]:
        """The tables derived from the place rows (plain values: `nigao.cache` stores them)."""
        codes: dict[str, list[str]] = {}
        short: dict[str, str] = {}
        everyday = [(code, everyday_name(name)) for code, name in rows]
        for code, name in [*rows, *((c, n) for c, n in everyday if n)]:
            if "辖" in name or len(name) < 3 or name in not_names:
                continue
            codes.setdefault(name, []).append(code)
            core = short_name(name)
            if 2 <= len(core) < len(name) and core not in not_names:
                short.setdefault(core, name)
        lengths: dict[str, set[int]] = {}
        for name in codes:
            lengths.setdefault(name[-1], set()).add(len(name))
        return {
            "names": "\n".join(codes),
            "name_codes": "\n".join(" ".join(c) for c in codes.values()),
            "short": "\n".join(short),
            "row_codes": "\n".join(code for code, _name in rows),
            "row_names": "\n".join(name for _code, name in rows),
            "lengths": {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
        }

    @functools.cached_property
    def codes(self) -> dict[str, str]:
        """Name → its division codes, space-separated (an everyday name shares its full name's)."""
        state = self._state
        return dict(zip(_lines(state["names"]), _lines(state["name_codes"]), strict=True))

    @functools.cached_property
    def by_code(self) -> dict[str, str]:
        state = self._state
        return dict(zip(_lines(state["row_codes"]), _lines(state["row_names"]), strict=True))

    def family(self, name: str) -> set[str]:
        """A place's own names plus those of the province and city above it."""
        out: set[str] = set()
        for code in self.codes.get(name, "").split():
            for prefix in (code[:2] + "0000", code[:4] + "00", code):
                parent = self.by_code.get(prefix)
                if parent:
                    out.add(parent)
                    out.add(short_name(parent))
                    out.add(everyday_name(parent) or parent)
        return out


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


@cache
def places() -> Places:
    from nigao.cache import memo

    # The file is YAML (one block scalar of "code name" lines); its 3,500 lines are read
    # directly, which is ten times faster than the YAML scanner.
    text = (DATA_DIR / "check_places.yaml").read_text(encoding="utf-8")
    not_names = set(patterns()["place"]["not_names"])

    def build() -> dict[str, Any]:
        block = text.split("places: |", 1)[1]
        rows = [tuple(line.split(None, 1)) for line in block.splitlines() if line.strip()]
        return Places.state(rows, not_names)  # type: ignore[arg-type]

    key = "\n".join(sorted(not_names)) + "\0" + text
    return Places(memo("places", key, build, code=__file__), not_names)


@cache
def political_terms() -> list[tuple[re.Pattern[str], str, int, int]]:
    """nigao/data/political_terms.yaml (owned by ingest): (regex, label, first, last year)."""
    try:
        data = _load_yaml("political_terms.yaml")
    except FileNotFoundError:
        return []
    return compile_terms(data)


def compile_terms(data: list[dict[str, Any]]) -> list[tuple[re.Pattern[str], str, int, int]]:
    """Only terms with a last year can go out of date; the others are never flagged.

    Each pattern compiles when first searched (the rule tries all terms at once first)."""
    from nigao.lazyre import LazyPattern

    out = []
    for item in data or []:
        current = item.get("current")
        if not current or current[1] is None:
            continue
        first, last = int(current[0]), int(current[1])
        out.append((LazyPattern(item["pattern"]), item.get("label", ""), first, last))
    return out
