"""The profile as a form: the question table (`profile.FIELDS`) as JSON for the page, and the
page's values back to profile YAML, validated by the same code (and messages) as the CLI.

The YAML file stays the source of truth: the page loads it into the form and saves the form
back to it; what the page drafts is exactly what `nigao new` drafts from the saved file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from nigao.kinds import KIND_NAMES
from nigao.profile import FIELDS, REFS, ROLE_NAMES, TYPES, Field, ProfileError, kinds_table

# `file:line:col: key：message` → key, message (the CLI's lines, shown beside their field).
_ERROR = re.compile(r"^(?:.*?):\d+:\d+: (?P<key>[^：\s]+)：(?P<message>.*)$", re.S)


def _field(f: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"key": f.key, "type": f.type, "desc": f.desc}
    if f.type in TYPES:  # a `ref:` takes the widget of the field it refers to
        out["widget"] = TYPES[f.type].widget
    name = getattr(f, "name", "")  # the short Chinese name a clerk knows the question by
    if name:
        out["name"] = name
    if f.example is not None:
        out["example"] = _jsonable(f.example)
    if f.required:
        out["required"] = True
    if f.fields:
        out["fields"] = [_field(child) for child in f.fields]
    if f.item is not None:
        out["item"] = _field(f.item)
    if f.choices:
        out["choices"] = list(f.choices)
    if f.key_desc:
        out["keyDesc"] = f.key_desc
    return out


def form_spec() -> dict[str, Any]:
    """Every question, with its Chinese description and example, for the page to build the
    form from; a field added to `profile.FIELDS` appears on the page by itself."""
    order = {kind: table["order"] for kind, table in kinds_table()["kinds"].items()}
    return {
        "fields": [_field(f) for f in FIELDS],
        "refs": {name: _field(f) for name, f in REFS.items()},
        "names": {**ROLE_NAMES, **KIND_NAMES},
        "order": order,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


def from_yaml(text: str, path: str) -> dict[str, Any]:
    """A profile file's values for the form (read safely; not validated, so a half-written
    file still loads and its problems are shown beside the fields)."""
    from nigao.errors import NigaoError
    from nigao.yamlsafe import PROFILE, load

    data = load(text, path, PROFILE)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise NigaoError("配置文件应为“键: 值”的形式", path=path, line=1)
    return _jsonable(data)


def _pruned(value: Any) -> Any:
    """Empty answers are left out, as a drafter deletes a line they do not need."""
    if isinstance(value, dict):
        out = {k: _pruned(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        out = [_pruned(v) for v in value]
        return [v for v in out if v not in (None, "", [], {})]
    if isinstance(value, str):
        return value.strip("\n")
    return value


HEADER = "# yaml-language-server: $schema=nigao-profile.schema.json\n# 由 nigao serve 保存\n"


def to_yaml(data: dict[str, Any]) -> str:
    """The form's values as profile YAML, keys in the question table's order."""
    import yaml

    data = _pruned(data)
    order = {f.key: i for i, f in enumerate(FIELDS)}
    ordered = dict(sorted(data.items(), key=lambda kv: order.get(kv[0], len(order))))
    body = yaml.dump(
        ordered,
        Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),  # libyaml: ten times faster
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=4096,
    )
    return HEADER + body


def field_errors(error: ProfileError) -> list[dict[str, str]]:
    """Each profile problem as {key, message}: the CLI's message, without the YAML position
    (which means nothing on a page); `key` is empty for a problem that is not one field's."""
    out = []
    for line in error.errors:
        match = _ERROR.match(line)
        if match:
            out.append({"key": match.group("key"), "message": match.group("message").strip()})
        else:
            out.append({"key": "", "message": re.sub(r"^.*?:\d+:\d+: ", "", line)})
    return out
