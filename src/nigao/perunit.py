"""What each row of `nigao batch` carries of its own: the unit's 版头, 发文字号, 署名, recipients.

A row naming another unit (its org.name differs from the profile's) never inherits what belongs
to the profile's unit (`Field.own` in `profile.FIELDS`): a "drop" question (署名, 版头, 主送机关,
抄送, 印发机关, each leadership role) is left out unless the row gives it, a "mark" question
(简称, 党委（党组）名称) becomes a 【待填】 marker; a title naming the profile's unit names the
row's instead. The profile's 发文字号 never reaches two
documents: a `{序号}` in it gives each row its number (the row's 序号 column, else counting up
from `start`); a fixed number is left out of every document, with a note; two rows with one
number are an error before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from nigao.errors import NigaoError
from nigao.units import NUMBER_COLUMN, UnitRow

if TYPE_CHECKING:
    from nigao.profile import Profile


@dataclass
class UnitPlan:
    """Per row, the changes to the profile (dotted key → value; None: leave the key out)."""

    changes: list[dict[str, str | None]]
    notes: list[str] = field(default_factory=list)


def node_at(root: Any, dotted: str) -> Any:
    """The YAML node at a dotted key of the profile's node tree, or None."""
    import yaml

    node = root
    for part in dotted.split("."):
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
        else:
            return None
        if node is None:
            return None
    return node


def value_at(root: Any, dotted: str) -> str | None:
    """The profile's text at a dotted key (None if absent or not a single value)."""
    import yaml

    node = node_at(root, dotted)
    return node.value if isinstance(node, yaml.ScalarNode) and node.value else None


def _scalars(node: Any, where: str) -> list[tuple[str, str]]:
    """(dotted key, text) of every text value under a node."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return [(where, node.value)]
    if isinstance(node, yaml.SequenceNode):
        return [p for i, child in enumerate(node.value) for p in _scalars(child, f"{where}.{i}")]
    if isinstance(node, yaml.MappingNode):
        return [p for k, v in node.value for p in _scalars(v, f"{where}.{k.value}")]
    return []


def _organ_changes(
    profile: Profile, root: Any, unit: UnitRow, mine: dict[str, str | None]
) -> None:
    """The profile's own text names its unit's organ (经局党组研究): another unit's document
    names that unit's organ (经校党支部研究), or a 【待填】 marker when the row gives none."""
    from nigao.compose import organ_words

    base = organ_words(profile.org.name, profile.org.party)
    if not base:
        return
    party = unit.values.get("org.party", mine.get("org.party"))
    row = organ_words(unit.values.get("org.name"), party) or {key: "" for key in base}
    pairs = sorted(((base[k], row[k]) for k in base), key=lambda p: -len(p[0]))
    for key in ("title", "sections", "facts"):
        node = node_at(root, key)
        for dotted, text in _scalars(node, key) if node is not None else []:
            if _gives(unit, dotted) or not any(old in text for old, _new in pairs):
                continue
            for old, new in pairs:
                text = text.replace(old, new)
            mine[dotted] = text


def _gives(unit: UnitRow, dotted: str) -> bool:
    return any(key == dotted or key.startswith(dotted + ".") for key in unit.values)


def plan_units(
    profile: Profile, root: Any, units: list[UnitRow], units_path: str, start: int = 1
) -> UnitPlan:
    """Each row's own document: what to leave out, mark or number (see the module doc).

    The profile's values come from the validated `profile`; `root` is its YAML node tree,
    whose written keys and text nodes the changes name (batch splices them into it)."""
    from nigao.profile import NUMBER_SLOT, unit_fields
    from nigao.vocabulary import fill_in

    own = {k: f for k, f in unit_fields().items() if f.own and k != "doc_number"}
    base = profile.org.name
    changes: list[dict[str, str | None]] = []
    dropped: dict[str, None] = {}
    marked: dict[str, None] = {}
    others: list[int] = []
    for unit in units:
        mine: dict[str, str | None] = {}
        if unit.values.get("org.name", base) != base:
            others.append(unit.line)
            for key, f in own.items():
                if _gives(unit, key) or node_at(root, key) is None:
                    continue
                if f.own == "mark":
                    mine[key] = fill_in(f.name)
                    marked[f.name] = None
                else:
                    mine[key] = None
                    dropped[f.name] = None
            _organ_changes(profile, root, unit, mine)
            title = str(mine.get("title") or profile.title or "")
            if "title" not in unit.values and base and base in title:
                # 岚溪县教育局关于开展…的实施方案 → 岚溪县第一中学关于开展…的实施方案
                mine["title"] = title.replace(base, unit.values["org.name"])
        changes.append(mine)
    notes = []
    if others:
        rows = "、".join(map(str, others[:8])) + ("等" if len(others) > 8 else "")
        what = f"第{rows}行是别的单位"
        if dropped:
            notes.append(
                f"{what}：配置文件里{base}的{'、'.join(dropped)}没有沿用"
                f"（这些行的文件里没有；要写，请在单位清单加同名的列）"
            )
        if marked:
            notes.append(
                f"{what}：{'、'.join(marked)}在这些行的草稿中是【待填】（请在单位清单加同名的列）"
            )
    notes += _numbers(profile.doc_number, units, units_path, start, changes, NUMBER_SLOT)
    return UnitPlan(changes, notes)


def _numbers(
    pattern: str | None,
    units: list[UnitRow],
    units_path: str,
    start: int,
    changes: list[dict[str, str | None]],
    slot: str,
) -> list[str]:
    """Give each row its 发文字号 (or none); no number may reach two documents."""
    notes: list[str] = []
    numbers: dict[str, int] = {}
    for index, (unit, mine) in enumerate(zip(units, changes, strict=True)):
        own = unit.values.get("doc_number")
        if own is None and pattern and slot in pattern:
            given = unit.values.get(NUMBER_COLUMN)
            if given is not None and not (given.isdigit() and int(given) > 0):
                raise NigaoError(
                    f"{NUMBER_COLUMN}：“{given}”应为正整数（发文字号里的序号）",
                    path=units_path,
                    line=unit.line,
                )
            own = pattern.replace(slot, str(int(given) if given else start + index))
            mine["doc_number"] = own
        elif own is None and pattern and len(units) > 1:
            mine["doc_number"] = None
        if own:
            if own in numbers:
                raise NigaoError(
                    f"发文字号 {own} 与第{numbers[own]}行相同：一个发文字号只能用于一份文件",
                    path=units_path,
                    line=unit.line,
                )
            numbers[own] = unit.line
    if pattern and slot not in pattern and any(m.get("doc_number", "") is None for m in changes):
        notes.append(
            f"配置文件的发文字号 {pattern} 只能用于一份文件，已从各单位的文件中略去"
            f"（要编号，请在配置文件写成 {pattern.rsplit('〕', 1)[0]}〕{slot}号，"
            f"或在单位清单加“发文字号”列）"
        )
    return notes
