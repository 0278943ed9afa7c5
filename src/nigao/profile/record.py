"""The typed profile: the validated profile as frozen records with one attribute per question.

Every record class is generated from the question table (`fields.FIELDS`), so no class here
lists a field: adding a row to the table adds the attribute. `Profile` is the whole profile
(`profile.org.name`, `profile.leaders.组长[0].post`, `profile.sections[2].items[0].title`);
each object question is a record class (`Org`, `Leaders`, `Person`, `Attachment`, `Item`,
`Phase`, `Section`). A field's Chinese name and meaning are its `Field` (`Org.fields`); the
Python value it holds is its type's `python` in `types.TYPES` (`help(Org)` prints both).

What an attribute holds when the profile does not write it: None for a value, `()` for a
list, an empty mapping for a map (`facts`, `guidance`), a record of empties for an object.
Records are frozen (assigning raises `FrozenInstanceError`) and a misspelt attribute raises
AttributeError at once, where `data.get("nmae")` was a silent None.

Records are not `dataclasses`: `make_dataclass(frozen=True)` compiles five methods per class
(~0.7 ms each class, ~6 ms for the profile's eight per `nigao new`); a record class here is one
`type()` call sharing `Record`'s methods (~0.05 ms).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import FrozenInstanceError
from types import MappingProxyType
from typing import Any, ClassVar

from nigao.profile.fields import ATTACHMENT, FIELDS, ITEM, PERSON, PHASE, REFS, SECTION, Field
from nigao.profile.fields import field_at as _field_at
from nigao.profile.types import TYPES, Pos, as_validated


def _resolved(f: Field) -> Field:
    """A `ref:section` question is the referenced question."""
    return REFS[f.type[4:]] if f.type.startswith("ref:") else f


def typed(f: Field, value: Any) -> Any:
    """A validated value of question `f` (None when not written) as the typed profile holds it."""
    f = _resolved(f)
    return TYPES[f.type].typed(f, value)


def typed_mapping(f: Field, values: Mapping[str, Any]) -> Mapping[str, Any]:
    """A map question (`facts`, `guidance`): its named and free keys, read-only."""
    named = {sub.key: sub for sub in f.fields}
    out = {}
    for key, value in values.items():
        sub = named.get(key, f.item)
        out[key] = typed(sub, value) if sub is not None else value
    return MappingProxyType(out)


def annotation(f: Field) -> str:
    """The Python value of question `f` as an annotation: `str`, `tuple[Person, ...]` …"""
    f = _resolved(f)
    record = _class_name(f) if f.type == "object" else ""
    item = annotation(f.item).removesuffix(" | None") if f.item is not None else "str"
    kind = TYPES[f.type]
    python = kind.python.format(item=item, record=record)
    return python if f.required or not kind.scalar else f"{python} | None"


def _class_name(f: Field) -> str:
    return f.key[:1].upper() + f.key[1:]


def empty(value: Any) -> bool:
    """Not written: None, "", or an empty list or map (False and 0 are values)."""
    if value is None or value == "":
        return True
    return isinstance(value, (tuple, list, Mapping)) and not value


class Record:
    """A frozen object of the profile: one attribute per question of `fields`.

    Built from validated plain values (`Org({"name": …})`) or keywords (`Org(name=…)`);
    a key no question has is a TypeError naming it.
    """

    fields: ClassVar[tuple[Field, ...]] = ()
    # (key, question, conversion or None for a leaf kept as validated), made once per class
    _plan: ClassVar[tuple[tuple[str, Field, Any], ...]] = ()

    def __init__(self, values: Mapping[str, Any] | None = None, /, **keywords: Any) -> None:
        given = {**(values or {}), **keywords}
        slots = self.__dict__
        for key, f, convert in self._plan:
            value = given.pop(key, None)
            slots[key] = value if convert is None else convert(f, value)
        if given:
            raise TypeError(
                f"{type(self).__name__} has no field {', '.join(map(repr, given))}; "
                f"its fields: {', '.join(f.key for f in self.fields)}"
            )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        reserved = getattr(cls, "reserved", ())
        taken = [f.key for f in cls.fields if hasattr(cls, f.key) or f.key in reserved]
        if taken:  # a question named like a method would hide it (or be hidden)
            raise TypeError(f"{cls.__name__}: field {', '.join(taken)} is also a method name")
        cls.__annotations__ = {f.key: annotation(f) for f in cls.fields}
        plan = []
        for f in cls.fields:
            convert = TYPES[_resolved(f).type].typed
            plan.append((f.key, _resolved(f), None if convert is as_validated else convert))
        cls._plan = tuple(plan)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}: a profile is read-only")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}: a profile is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, f.key) == getattr(other, f.key) for f in self.fields)

    __hash__ = None  # type: ignore[assignment]  # holds mappings

    def __repr__(self) -> str:
        names = self.field_names()
        shown = (f"{k}={v!r}" for k, v in self.__dict__.items() if k in names and not empty(v))
        return f"{type(self).__name__}({', '.join(shown)})"

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.key for f in cls.fields)

    def value(self, dotted: str) -> Any:
        """The value at a dotted key (`org.party`, `leaders.组长`) or None: for keys that are
        data (a skeleton's slot names), never for a key written in code — use the attribute."""
        value: Any = self
        for part in dotted.split("."):
            if isinstance(value, Record):
                value = value.__dict__.get(part)
            elif isinstance(value, Mapping):
                value = value.get(part)
            else:
                return None
        return value


_CLASSES: dict[int, type[Record]] = {}


def record_of(f: Field) -> type[Record]:
    """The record class of an object question (made once, named after its key)."""
    f = _resolved(f)
    cls = _CLASSES.get(id(f))
    if cls is None:
        doc = "\n".join(
            f"    {sub.key}: {annotation(sub)} — {sub.desc}" for sub in f.fields
        )
        cls = type(
            _class_name(f),
            (Record,),
            {
                "fields": f.fields,
                "__doc__": f"{f.desc}（profile question `{f.key}`）:\n{doc}",
                "__module__": __name__,
                "__qualname__": _class_name(f),
            },
        )
        _CLASSES[id(f)] = cls
    return cls


_ROOT = Field("profile", "object", "配置文件", fields=FIELDS)


class Profile(Record):
    """A validated profile: a typed attribute per question of `FIELDS`, plus where it came from.

    `path` is the file, `marks` each dotted key's (line, column), `errors` the problems a
    partial load kept (`load(..., partial=True)`; compose reports them with the skeleton
    checks; empty for a profile that loaded cleanly). `data` is the validated values as plain
    dicts in the file's order: for walks over every value (the checker's known names, the
    marker scan), never for reading one field — that is an attribute.
    """

    fields = FIELDS
    reserved = ("path", "data", "marks", "errors")  # set by __init__, beside the fields

    def __init__(
        self,
        path: str,
        data: dict[str, Any],
        marks: dict[str, Pos] | None = None,
        errors: list[str] | None = None,
    ) -> None:
        super().__init__(data)
        self.__dict__.update(path=path, data=data, marks=marks or {}, errors=errors or [])

    def where(self, dotted: str) -> str:
        """`file:line:col` of a key (or of the closest enclosing key)."""
        probe = dotted
        while probe:
            if probe in self.marks:
                line, col = self.marks[probe]
                return f"{self.path}:{line}:{col}"
            probe = probe.rpartition(".")[0] if "." in probe else ""
        return f"{self.path}:1:1"

    @property
    def draft_year(self) -> int | None:
        """The year the text speaks of (年度): `year` if written, else the date's."""
        return self.year or (self.date.year if self.date else None)


# The record classes by name, for imports and annotations (generated like any other).
Org = record_of(_field_at("org"))  # type: ignore[arg-type]
Leaders = record_of(_field_at("leaders"))  # type: ignore[arg-type]
Person = record_of(PERSON)
Attachment = record_of(ATTACHMENT)
Item = record_of(ITEM)
Phase = record_of(PHASE)
Section = record_of(SECTION)
_CLASSES[id(_ROOT)] = Profile
