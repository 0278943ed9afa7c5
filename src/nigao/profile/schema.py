"""The profile's JSON Schema (`nigao schema`, `nigao init`), derived from the question table."""

from __future__ import annotations

from typing import Any

from nigao.profile.fields import (
    ATTACHMENT,
    DOC_NUMBER,
    FACT_LABEL_PATTERN,
    FIELDS,
    PERSON,
    SECTION,
    Field,
)
from nigao.profile.kinds import aliases
from nigao.vocabulary import FILL_IN_RE

SCHEMA_ID = "https://nigao.invalid/profile.schema.json"


def json_schema() -> dict[str, Any]:
    """The profile's JSON Schema (draft 2020-12), with Chinese descriptions."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "nigao 配置文件（profile）",
        "description": "描述一份要起草的公文：发文机关、日期、领导小组、各章节所用骨架和待填事实。",
        **_schema_object(FIELDS),
        "$defs": {"section": _schema_for(SECTION)},
    }


def _schema_object(fields: tuple[Field, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.key: _schema_for(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.key for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def _schema_for(f: Field) -> dict[str, Any]:
    if f.type.startswith("ref:"):
        return {"$ref": f"#/$defs/{f.type[4:]}", "description": f.desc}
    base: dict[str, Any] = {"description": f.desc}
    if f.example is not None:
        base["examples"] = [f.example]
    t = f.type
    if t in ("text", "paragraphs"):
        base.update(type="string", minLength=1)
    elif t == "choice":
        base.update(enum=[*f.choices, *aliases().get(f.key, {})])
    elif t == "date":
        base.update(type="string", pattern=r"^\d{4}-\d{2}-\d{2}$", format="date")
    elif t == "month":
        base.update(type="string", pattern=r"^\d{4}-\d{2}$")
    elif t == "year":
        base.update(type="integer", minimum=1949, maximum=2100)
    elif t == "doc_number":
        base.update(type="string", pattern=f"{DOC_NUMBER.pattern}|^{FILL_IN_RE.pattern}$")
    elif t == "scalar":
        base.update(type=["string", "number"])
    elif t == "bool":
        base.update(type="boolean")
    elif t == "object":
        base.update(_schema_object(f.fields))
        if f in (PERSON, ATTACHMENT):  # also "王明（局党组书记、局长）", or a name alone
            obj = {
                k: base.pop(k) for k in ("type", "properties", "additionalProperties", "required")
            }
            base["anyOf"] = [obj, {"type": "string", "minLength": 1}]
    elif t == "map":
        assert f.item is not None
        obj = _schema_object(f.fields)
        obj["additionalProperties"] = _schema_for(f.item)
        obj["propertyNames"] = {"pattern": FACT_LABEL_PATTERN}
        base.update(obj)
    elif t == "list":
        assert f.item is not None
        base.update(type="array", items=_schema_for(f.item))
        if f.required:
            base["minItems"] = 1
    if not f.required and isinstance(base.get("type"), str):
        # An optional key left empty (`facts:` with only comments under it) is fine.
        base["type"] = [base["type"], "null"]
    return base
