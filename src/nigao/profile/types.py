"""The field types: one entry per type in `TYPES`, holding everything the type decides.

A type's entry is its Chinese name (for messages), its validator (YAML node → value, or an
error through the checker), its JSON-Schema fragment, how the `nigao init` scaffold lays it
out, the widget the web form uses, and the Python value the typed `Profile` holds (its
annotation, and how a validated value becomes it). Adding a type means adding one entry here;
the validator (`validate.py`), the schema (`schema.py`), the scaffold (`scaffolding.py`), the
form (`serve/form.py`) and the typed profile (`record.py`) look it up and have no per-type
branches of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from nigao.profile.fields import DOC_NUMBER, FACT_LABEL_PATTERN, NUMBER_SLOT, Field
from nigao.profile.kinds import aliases
from nigao.profile.values import parse_date, parse_month
from nigao.vocabulary import FILL_IN_RE, fix_doc_number

if TYPE_CHECKING:
    from nigao.profile.validate import Checker

# YAML's core tags: the only ones a profile may use (validate.Checker.hygiene refuses others).
STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"
ALLOWED_TAGS = {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, SEQ, MAP}

Pos = tuple[int, int]
Validate = Callable[["Checker", Any, Field, str], Any]
Fragment = Callable[[Field], dict[str, Any]]
Typed = Callable[[Field, Any], Any]


def as_validated(f: Field, value: Any) -> Any:
    """A leaf's validated value is already its typed value (None when not written)."""
    return value


class FieldType(NamedTuple):
    """What one field type means to the validator, the schema, the scaffold, the form and the
    typed profile. (A NamedTuple: as immutable as a frozen dataclass, ~0.5 ms less to import.)"""

    name: str  # Chinese, in “应为{name}” messages
    validate: Validate  # (checker, node, field, dotted path) → value, or None after an error
    schema: Fragment  # the JSON-Schema keywords beside description/examples
    scaffold: str = "value"  # layout in `nigao init`: "value", "block" (nested keys), "list"
    scaffold_note: str = ""  # added to the comment of a sample value the drafter must change
    # The web form's input: text, textarea, select, checkbox, number (a text box whose digits
    # are sent as a number), group (an object's fields), pairs (a map's free keys), list.
    widget: str = "text"
    scalar: bool = True  # a leaf: its node must be a YAML scalar
    # The typed profile (`record.py`): the attribute's annotation (`{item}`: the element's,
    # `{record}`: the object's record class) and validated value (or None) → attribute value.
    python: str = "str"
    typed: Typed = as_validated


def position(node: Any) -> Pos:
    """(line, column) of a node, 1-based, as messages print them."""
    return (node.start_mark.line + 1, node.start_mark.column + 1)


# -- messages -------------------------------------------------------------------------------


def got(node: Any) -> str:
    """What the drafter wrote instead, in Chinese."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "键值表"
    if isinstance(node, yaml.SequenceNode):
        return "列表"
    return {
        INT: "数字",
        FLOAT: "数字",
        BOOL: f"是/否值 “{node.value}”（如要写文字，请加引号）",
        NULL: "空值",
        TIMESTAMP: "日期",
    }.get(node.tag, f"文字 “{_short(node.value)}”")


def _short(text: str, n: int = 20) -> str:
    return text if len(text) <= n else text[:n] + "…"


def example(f: Field) -> str:
    """` — 例如：…` after a message, from the field's example."""
    if f.example is None or f.type in ("object", "map"):
        return ""
    if isinstance(f.example, list):
        if f.example and isinstance(f.example[0], dict):
            inner = ", ".join(f"{k}: {v}" for k, v in f.example[0].items())
            return f" — 例如：- {{{inner}}}"
        return " — 例如：- " + str(f.example[0])
    if isinstance(f.example, bool):  # as YAML spells it, not Python's True/False
        return f" — 例如：{str(f.example).lower()}"
    return f" — 例如：{f.example}"


def wrong_type(node: Any, f: Field, path: str) -> str:
    return f"{path}：应为{TYPES[f.type].name}，得到{got(node)}{example(f)}"


def close_matches(
    word: str, candidates: list[str] | tuple[str, ...], n: int, cutoff: float
) -> list[str]:
    """difflib's suggestions, imported only when there is a mistake to explain."""
    import difflib

    return difflib.get_close_matches(word, list(candidates), n=n, cutoff=cutoff)


# -- validators -------------------------------------------------------------------------------


def _scalar(c: Checker, node: Any, f: Field, path: str) -> Any:
    if node.tag == NULL:
        return None
    if node.tag in (STR, INT, FLOAT, TIMESTAMP):
        return node.value.strip() or None
    c.error(node, wrong_type(node, f, path))
    return None


def _bool(c: Checker, node: Any, f: Field, path: str) -> bool | None:
    if node.tag == BOOL:
        return node.value.lower() in ("true", "yes", "on", "y")
    c.error(node, wrong_type(node, f, path))
    return None


def _year(c: Checker, node: Any, f: Field, path: str) -> int | None:
    raw = node.value
    if node.tag == INT and re.fullmatch(r"\d{4}", raw) and 1949 <= int(raw) <= 2100:
        return int(raw)
    c.error(node, wrong_type(node, f, path))
    return None


def _text_of(c: Checker, node: Any, f: Field, path: str, dates: bool = False) -> str | None:
    """The stripped text of a string scalar (a YAML date too when `dates`), or None + error."""
    if node.tag not in (STR, TIMESTAMP) or (not dates and node.tag == TIMESTAMP):
        c.error(node, wrong_type(node, f, path))
        return None
    text = node.value.strip()
    if not text:
        c.error(node, f"{path}：不能为空（{f.desc}）{example(f)}")
        return None
    return text


def _line(c: Checker, node: Any, f: Field, path: str) -> str | None:
    text = _text_of(c, node, f, path)
    if text is not None and "\n" in text:
        c.error(node, f"{path}：应为一行文字，不能换行{example(f)}")
        return None
    return text


def _paragraphs(c: Checker, node: Any, f: Field, path: str) -> str | None:
    return _text_of(c, node, f, path)


def _choice(c: Checker, node: Any, f: Field, path: str) -> str | None:
    text = _text_of(c, node, f, path)
    if text is None or text in f.choices:
        return text
    alias = aliases().get(f.key, {}).get(text)
    if alias:
        return alias
    hint = close_matches(text, [*f.choices, *aliases().get(f.key, {})], n=1, cutoff=0.5)
    suggestion = f"，是不是 “{hint[0]}”？" if hint else "。"
    c.error(node, f"{path}：“{text}” 不是可选值{suggestion}可选：{'、'.join(f.choices)}")
    return None


def _parsed(parse: Callable[[str], Any], what: str, form: str, dates: bool = False) -> Validate:
    """A validator for text parsed into a value (a date, a month), naming the form expected."""

    def check(c: Checker, node: Any, f: Field, path: str) -> Any:
        text = _text_of(c, node, f, path, dates=dates)
        if text is None:
            return None
        value = parse(text)
        if value is None:
            c.error(node, f"{path}：“{text}” 不是有效{what}，应写成 {form}{example(f)}")
        return value

    return check


_date = _parsed(parse_date, "日期", "YYYY-MM-DD", dates=True)
_month = _parsed(parse_month, "年月", "YYYY-MM")


def _doc_number(c: Checker, node: Any, f: Field, path: str) -> str | None:
    text = _text_of(c, node, f, path)
    if text is None:
        return None
    if DOC_NUMBER.match(text.replace(NUMBER_SLOT, "1")) or FILL_IN_RE.fullmatch(text):
        return text  # 岚教发〔2027〕{序号}号: batch gives each unit its number; 【待填】: unfilled
    fixed = fix_doc_number(text)
    why = "年份用六角括号〔〕，序号不加“第”、不编虚位（写 8 不写 08），以“号”结尾"
    suggestion = f"，应写成 “{fixed}”" if fixed else ""
    c.error(node, f"{path}：“{text}” 不合发文字号格式（{why}）{suggestion}{example(f)}")
    return None


def _object(c: Checker, node: Any, f: Field, path: str) -> dict[str, Any]:
    return c.check_object(node, f.fields, path)


def _map(c: Checker, node: Any, f: Field, path: str) -> dict[str, Any]:
    return c.check_object(node, f.fields, path, extra=f.item, key_desc=f.key_desc)


def _list(c: Checker, node: Any, f: Field, path: str) -> list[Any] | None:
    import yaml

    if not isinstance(node, yaml.SequenceNode):
        c.error(node, f"{path}：应为列表（每项以“- ”开头），得到{got(node)}{example(f)}")
        return None
    assert f.item is not None
    values = [c.check_value(child, f.item, f"{path}[{i}]") for i, child in enumerate(node.value)]
    for i, child in enumerate(node.value):
        c.marks[f"{path}[{i}]"] = position(child)
    if f.required and not values:
        c.error(node, f"{path}：至少要写一项{example(f)}")
    return [v for v in values if v is not None]


# -- typed values (record.py builds the records; imported when a profile is first built) ----


def _typed_object(f: Field, value: Any) -> Any:
    from nigao.profile.record import record_of

    return record_of(f)(value or {})


def _typed_map(f: Field, value: Any) -> Any:
    from nigao.profile.record import typed_mapping

    return typed_mapping(f, value or {})


def _typed_list(f: Field, value: Any) -> tuple[Any, ...]:
    from nigao.profile.record import typed

    assert f.item is not None
    return tuple(typed(f.item, v) for v in value or ())


# -- schema fragments -------------------------------------------------------------------------


def _schema_object(f: Field) -> dict[str, Any]:
    from nigao.profile.fields import ATTACHMENT, PERSON
    from nigao.profile.schema import schema_object

    obj = schema_object(f.fields)
    if f in (PERSON, ATTACHMENT):  # also "王明（局党组书记、局长）", or a name alone
        return {"anyOf": [obj, {"type": "string", "minLength": 1}]}
    return obj


def _schema_map(f: Field) -> dict[str, Any]:
    from nigao.profile.schema import schema_for, schema_object

    assert f.item is not None
    obj = schema_object(f.fields)
    obj["additionalProperties"] = schema_for(f.item)
    obj["propertyNames"] = {"pattern": FACT_LABEL_PATTERN}
    return obj


def _schema_list(f: Field) -> dict[str, Any]:
    from nigao.profile.schema import schema_for

    assert f.item is not None
    out: dict[str, Any] = {"type": "array", "items": schema_for(f.item)}
    if f.required:
        out["minItems"] = 1
    return out


def _text_schema(f: Field) -> dict[str, Any]:
    return {"type": "string", "minLength": 1}


TYPES: dict[str, FieldType] = {
    "text": FieldType("文字", _line, _text_schema),
    "paragraphs": FieldType("文字（可多段，每段一行）", _paragraphs, _text_schema, widget="textarea"),
    "date": FieldType(
        "日期（YYYY-MM-DD）",
        _date,
        lambda f: {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "format": "date"},
        scaffold_note="示例值，请改成本文的",
        python="datetime.date",
    ),
    "month": FieldType(
        "年月（YYYY-MM）",
        _month,
        lambda f: {"type": "string", "pattern": r"^\d{4}-\d{2}$"},
        python="tuple[int, int]",
    ),
    "year": FieldType(
        "年份（四位数字）",
        _year,
        lambda f: {"type": "integer", "minimum": 1949, "maximum": 2100},
        scaffold_note="示例值，请改成本文的",
        widget="number",
        python="int",
    ),
    "doc_number": FieldType(
        "发文字号（代字〔年份〕序号号）",
        _doc_number,
        lambda f: {"type": "string", "pattern": f"{DOC_NUMBER.pattern}|^{FILL_IN_RE.pattern}$"},
    ),
    "choice": FieldType(
        "选项",
        _choice,
        lambda f: {"enum": [*f.choices, *aliases().get(f.key, {})]},
        widget="select",
    ),
    "scalar": FieldType(
        "文字或数字", _scalar, lambda f: {"type": ["string", "number"]}, widget="number"
    ),
    "bool": FieldType(
        "true 或 false（是写 true，否写 false）",
        _bool,
        lambda f: {"type": "boolean"},
        widget="checkbox",
        python="bool",
    ),
    "object": FieldType(
        "键值表", _object, _schema_object, scaffold="block", widget="group", scalar=False,
        python="{record}", typed=_typed_object,
    ),
    "map": FieldType(
        "键值表", _map, _schema_map, scaffold="block", widget="pairs", scalar=False,
        python="Mapping[str, {item}]", typed=_typed_map,
    ),
    "list": FieldType(
        "列表", _list, _schema_list, scaffold="list", widget="list", scalar=False,
        python="tuple[{item}, ...]", typed=_typed_list,
    ),
}
