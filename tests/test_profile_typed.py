"""The typed profile: validation returns records generated from the question table, so a new
question is one row of `FIELDS`, and a misspelt field fails loudly instead of reading None."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nigao import profile as P
from nigao.compose import compose, walk_sections
from nigao.skeletons import load_library

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "profiles" / "example-plan.yaml"


def test_a_validated_profile_is_read_by_attribute() -> None:
    profile = P.load(EXAMPLE)
    assert isinstance(profile.org, P.Org) and profile.org.name == "岚溪县教育局"
    assert all(isinstance(p, P.Person) for p in profile.leaders.组长)
    assert profile.leaders.顾问 == ()  # a list the profile leaves out is empty, not None
    assert [s.role for s in profile.sections][:2] == ["preamble", "guiding_ideas"]
    steps = next(s for s in profile.sections if s.phases)
    assert isinstance(steps.phases[0], P.Phase) and isinstance(steps.phases[0].start, tuple)
    assert isinstance(profile.attachments[0], P.Attachment)
    # each attribute says its Python value, its Chinese name and what it means
    assert P.Profile.__annotations__["date"] == "datetime.date"
    assert P.Profile.__annotations__["leaders"] == "Leaders"
    assert P.Section.__annotations__["items"] == "tuple[Item, ...]"
    assert "short: str | None — 简称" in P.Org.__doc__


def test_a_misspelt_field_fails_at_once_instead_of_reading_none() -> None:
    profile = P.load(EXAMPLE)
    assert profile.data["org"].get("nmae") is None  # what the dict walk used to see: nothing
    with pytest.raises(AttributeError):
        profile.org.nmae  # noqa: B018
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.org.name = "别的单位"  # type: ignore[misc]
    with pytest.raises(TypeError, match="'nmae'.*name, short, region, party"):
        P.Org(nmae="岚溪县教育局")


def test_a_question_named_like_a_profile_method_is_refused_when_the_class_is_made() -> None:
    with pytest.raises(TypeError, match="where"):
        type("Broken", (P.Profile,), {"fields": (P.Field("where", "text", "某处"),)})
    with pytest.raises(TypeError, match="data"):
        type("Broken", (P.Profile,), {"fields": (P.Field("data", "text", "某项"),)})


def test_every_profile_attribute_the_code_reads_is_a_question_of_the_table() -> None:
    """`profile.X`, `profile.org.X`, `profile.leaders.X` and `choice.section.X` in the source
    name a question (or a member of Profile): a typo is found here, not as an AttributeError on
    one drafter's run."""
    members = {"fields", "field_names", "value"}  # every record's
    known = {
        "profile": {*P.Profile.field_names(), *members, "path", "marks", "errors", "data", "where",
                    "draft_year"},
        "org": {*P.Org.field_names(), *members},
        "leaders": {*P.Leaders.field_names(), *members},
        "section": {*P.Section.field_names(), *members},
    }  # fmt: skip
    readers = ["compose.py", "drafting.py", "perunit.py", "batch.py", "interactive.py",
               "attachments.py", "check/context.py", "commands/draft.py", "serve/skeletons.py",
               "serve/app.py"]  # fmt: skip
    # not nigao.profile.x (a module), `profile.FIELDS` (a docstring), nigao-profile.schema.json
    chain = re.compile(r"(?<![\w.`-])(profile|choice\.section)\.(\w+)(?:\.(\w+))?")
    read, wrong = 0, []
    for name in readers:
        path = ROOT / "src" / "nigao" / name
        for root, attr, sub in chain.findall(path.read_text(encoding="utf-8")):
            read += 1
            root = root.removeprefix("choice.")
            if root == "profile" and attr in ("org", "leaders") and sub:
                root, attr = attr, sub
            if attr not in known[root]:
                wrong.append(f"{name}: {root}.{attr}")
    assert read > 40  # the readers were found
    assert wrong == []


def test_the_typed_profile_round_trips_through_the_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NIGAO_CACHE", str(tmp_path / "cache"))
    text = EXAMPLE.read_text(encoding="utf-8")
    first = P.parse(text, str(EXAMPLE))
    assert list((tmp_path / "cache").rglob("*"))  # stored
    again = P.parse(text, str(EXAMPLE))
    assert again == first and again is not first
    assert again.leaders.组长 == first.leaders.组长 and again.marks == first.marks


def test_a_section_choice_is_a_typed_section() -> None:
    profile = P.load(EXAMPLE)
    library = load_library()
    choices = compose(profile, library).choices
    assert [c.section for c in choices] == [s for _path, s in walk_sections(profile)]
    assert all(isinstance(c.section, P.Section) for c in choices)


# A new question, added as one row of the table and nothing else.
NEW_ROW = '    Field("contact", "text", "联系人及电话（附在文末）", "李明，0731-1234567"),\n'
PROBE = r"""
import json, sys
from nigao import profile as P
from nigao.serve.form import form_spec
from nigao.profile.scaffolding import scaffold

good = open(sys.argv[1], encoding="utf-8").read() + "contact: 李明，0731-1234567\n"
profile = P.parse(good, "p.yaml")
try:
    P.parse(good.replace("contact: 李明，0731-1234567", "contact: [李明]"), "p.yaml")
    error = ""
except P.ProfileError as e:
    error = str(e)
field = next(f for f in form_spec()["fields"] if f["key"] == "contact")
print(json.dumps({
    "value": profile.contact,
    "annotation": P.Profile.__annotations__["contact"],
    "error": error,
    "schema": P.json_schema()["properties"]["contact"],
    "scaffold": [line for line in scaffold("plan").splitlines() if "contact" in line],
    "form": [field["widget"], field["desc"]],
    "column": P.column_keys().get("联系人及电话"),
}, ensure_ascii=False))
"""


def test_a_question_added_to_the_table_reaches_every_reader(tmp_path: Path) -> None:
    """One row in FIELDS gives the validator, the typed Profile, the JSON Schema, the `nigao init`
    scaffold, the web form and the units-file columns the new question."""
    package = tmp_path / "src" / "nigao"
    shutil.copytree(ROOT / "src" / "nigao", package, ignore=shutil.ignore_patterns("__pycache__"))
    fields = package / "profile" / "fields.py"
    text = fields.read_text(encoding="utf-8")
    anchor = '    Field(\n        "facts",\n'
    assert text.count(anchor) == 1
    fields.write_text(text.replace(anchor, NEW_ROW + anchor), encoding="utf-8")
    (tmp_path / "probe.py").write_text(PROBE, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(tmp_path / "probe.py"), str(EXAMPLE)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "src"), "NIGAO_CACHE": "off", "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    assert seen["value"] == "李明，0731-1234567"
    assert seen["annotation"] == "str | None"
    assert "p.yaml:" in seen["error"] and "contact：应为文字，得到列表" in seen["error"]
    assert seen["schema"]["description"] == "联系人及电话（附在文末）"
    assert seen["scaffold"] and seen["scaffold"][0].lstrip("# ").startswith("contact:")
    assert seen["form"] == ["text", "联系人及电话（附在文末）"]
    assert seen["column"] == "contact"
    # and the shipped table does not have it: the copy is what changed
    assert not hasattr(P.Profile, "contact") and "contact" not in P.Profile.field_names()
