"""The profile's JSON Schema (`nigao schema`, `nigao init`), derived from the question table."""

from __future__ import annotations

from typing import Any

from nigao.profile.fields import FIELDS, SECTION, Field
from nigao.profile.types import TYPES

SCHEMA_ID = "https://nigao.invalid/profile.schema.json"


def json_schema() -> dict[str, Any]:
    """The profile's JSON Schema (draft 2020-12), with Chinese descriptions."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "nigao 配置文件（profile）",
        "description": "描述一份要起草的公文：发文机关、日期、领导小组、各章节所用骨架和待填事实。",
        **schema_object(FIELDS),
        "$defs": {"section": schema_for(SECTION)},
    }


def schema_object(fields: tuple[Field, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.key: schema_for(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.key for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def schema_for(f: Field) -> dict[str, Any]:
    if f.type.startswith("ref:"):
        return {"$ref": f"#/$defs/{f.type[4:]}", "description": f.desc}
    base: dict[str, Any] = {"description": f.desc}
    if f.example is not None:
        base["examples"] = [f.example]
    base.update(TYPES[f.type].schema(f))
    if not f.required and isinstance(base.get("type"), str):
        # An optional key left empty (`facts:` with only comments under it) is fine.
        base["type"] = [base["type"], "null"]
    return base
