"""The profile: one YAML file describing one document to draft.

A package by job: `fields` is the question table (`FIELDS`), `types` the field types (`TYPES`: each type's
validator, JSON-Schema fragment, scaffold layout and form widget), `kinds` the section roles and
document kinds, `validate` reads YAML nodes into a checked `Profile` with line/column errors,
`record` is the typed `Profile` those values become (one frozen record class per object
question, generated from the table), `values` parses dates/months/people, `schema` derives the JSON Schema (`nigao schema`) and
`scaffolding` the commented profile (`nigao init`). Everything is re-exported here, so callers
import from `nigao.profile` and never from a submodule. No submodule imports PyYAML at import
time (`nigao --help` stays light).
"""

from __future__ import annotations

from nigao.errors import NigaoError
from nigao.profile.fields import (
    ATTACHMENT,
    DOC_NUMBER,
    FACT_LABEL_PATTERN,
    FIELDS,
    ITEM,
    LEADER_ROLES,
    NUMBER_SLOT,
    PERSON,
    PHASE,
    REFS,
    SECTION,
    Field,
    column_keys,
    describe,
    field_at,
    is_label,
    unit_fields,
)
from nigao.profile.kinds import ROLE_NAMES, ROLES, aliases, kinds_table
from nigao.profile.record import (
    Attachment,
    Item,
    Leaders,
    Org,
    Person,
    Phase,
    Profile,
    Record,
    Section,
    empty,
    record_of,
)
from nigao.profile.scaffolding import SCHEMA_FILE, scaffold, scaffold_marker
from nigao.profile.schema import SCHEMA_ID, json_schema
from nigao.profile.types import TYPES, FieldType
from nigao.profile.types import close_matches as _close_matches
from nigao.profile.validate import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    Pos,
    ProfileError,
    from_node,
    load,
    parse,
    read_text,
)
from nigao.profile.values import parse_date, parse_month, parse_person

__all__ = [
    "ATTACHMENT", "Attachment", "DOC_NUMBER", "FACT_LABEL_PATTERN", "FIELDS", "ITEM", "Item", "LEADER_ROLES", "Leaders", "Org", "Person", "Phase", "Record", "Section",
    "MAX_BYTES", "MAX_DEPTH", "MAX_NODES", "NUMBER_SLOT", "PERSON", "PHASE", "REFS",
    "ROLE_NAMES", "ROLES", "SCHEMA_FILE", "SCHEMA_ID", "SECTION", "TYPES", "Field", "FieldType", "NigaoError", "Pos",
    "Profile", "ProfileError", "_close_matches", "aliases", "column_keys", "describe", "empty",
    "field_at", "record_of", "from_node", "is_label", "json_schema", "kinds_table", "load", "parse",
    "parse_date", "parse_month", "parse_person", "read_text", "scaffold", "scaffold_marker",
    "unit_fields",
]  # fmt: skip
