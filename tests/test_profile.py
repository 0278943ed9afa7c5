"""Profile validation, JSON Schema and scaffold: what a drafter sees when a profile is wrong."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from nigao import profile as P
from nigao.cli import cli

ROOT = Path(__file__).resolve().parents[1]

GOOD = """\
kind: plan
title: 岚溪县教育局关于开展“强师兴校”主题活动的实施方案
org:
  name: 岚溪县教育局
  short: 县教育局
date: 2027-03-01
leaders:
  组长:
    - name: 方立新
      post: 局党组书记、局长
sections:
  - role: guiding_ideas
  - role: steps
    phases:
      - name: 宣传发动阶段
        start: 2027-03
        end: 2027-04
facts:
  新增学位数: 1200
"""


def errors_of(text: str, path: str = "profiles/x.yaml") -> list[str]:
    with pytest.raises(P.ProfileError) as info:
        P.parse(text, path)
    return info.value.errors


def test_good_profile_converts_values() -> None:
    profile = P.parse(GOOD, "p.yaml")
    assert profile.kind == "plan"
    assert profile.date.isoformat() == "2027-03-01"
    assert profile.year is None and profile.draft_year == 2027  # not written: the date's
    assert profile.sections[1].phases[0].end == (2027, 4)
    assert profile.facts["新增学位数"] == "1200"
    assert profile.where("leaders.组长") == "p.yaml:8:3"


def test_wrong_type_names_key_line_column_and_example() -> None:
    text = GOOD.replace("name: 方立新", "name: 123")
    [error] = errors_of(text)
    assert error == "profiles/x.yaml:9:13: leaders.组长[0].name：应为文字，得到数字 — 例如：王明"


def test_unknown_key_is_an_error_with_suggestion() -> None:
    [error] = errors_of(GOOD.replace("title:", "titel:") + "title: 标题\n")
    assert error.startswith("profiles/x.yaml:2:1: titel：未知的键 “titel”，是不是 “title”？")


def test_every_error_is_reported_at_once() -> None:
    text = (
        GOOD.replace("kind: plan", "kind: plann")
        .replace("date: 2027-03-01", "date: 2027-02-30")
        .replace("short: 县教育局", "short: 县教育局\n  short: 又一个")
        + "doc_number: 岚教发[2027]第08号\n"
    )
    errors = errors_of(text)
    assert len(errors) == 4
    assert any(":1:7: kind：“plann” 不是可选值，是不是 “plan”？" in e for e in errors)
    assert any("org.short：键重复（第 5 行已经写过）" in e for e in errors)
    assert any("date：“2027-02-30” 不是有效日期" in e for e in errors)
    assert any("应写成 “岚教发〔2027〕8号”" in e for e in errors)
    assert all(re.match(r"^profiles/x\.yaml:\d+:\d+: ", e) for e in errors)


def test_missing_required_fields() -> None:
    errors = errors_of("kind: plan\n")
    assert {e.split("缺少必填项 ")[1].split("（")[0] for e in errors} == {
        "title",
        "org",
        "date",
        "sections",
    }


def test_python_tags_are_refused_and_nothing_is_constructed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = GOOD + f"x: !!python/object/apply:os.system ['touch {marker}']\n"
    errors = errors_of(text)
    assert any("不支持 YAML 标签 “!!python/object/apply:os.system”" in e for e in errors)
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    errors = errors_of("\n".join(lines) + "\n")
    assert any("不支持 YAML 锚点和别名" in e for e in errors)


def test_huge_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "# " + "x" * (P.MAX_BYTES + 10) + "\n", encoding="utf-8")
    with pytest.raises(P.NigaoError, match="配置文件过大"):
        P.load(big)


def test_yaml_syntax_error_has_position_and_hint() -> None:
    [error] = errors_of("kind: plan\ntitle: [unclosed\n")
    assert error.startswith("profiles/x.yaml:2:8: 方括号 [ ] 没有配对"), error
    [error] = errors_of("kind: plan\ntitle: {unclosed\n")
    assert re.match(r"^profiles/x\.yaml:\d+:\d+: YAML 格式错误", error)
    [error] = errors_of("kind: plan\n\ttitle: x\n")
    assert "Tab" in error


def test_phase_end_before_start() -> None:
    [error] = errors_of(GOOD.replace("end: 2027-04", "end: 2027-01"))
    assert ":17:9: sections[1].phases[0].end：结束年月早于开始年月" in error


def test_doc_number_year_must_match_date() -> None:
    [error] = errors_of(GOOD + "doc_number: 岚教发〔2026〕8号\n")
    assert "发文字号的年份 2026 与成文日期 2027 年不一致" in error


def test_fact_labels_must_be_words() -> None:
    [error] = errors_of(GOOD + "  1abc: 3\n")
    assert "facts.1abc：" in error and "不以数字开头" in error


@pytest.mark.parametrize("kind", ["plan", "summary", "report"])
def test_scaffold_is_a_valid_profile_of_its_kind(kind: str) -> None:
    text = P.scaffold(kind)
    assert text.startswith("# yaml-language-server: $schema=nigao-profile.schema.json\n")
    profile = P.parse(text, "s.yaml")
    assert profile.kind == kind
    roles = [s.role for s in profile.sections]
    assert roles == P.kinds_table()["kinds"][kind]["order"]


@pytest.mark.parametrize("kind", ["plan", "summary", "report"])
def test_scaffold_has_no_real_looking_unit_or_person(kind: str) -> None:
    """An unedited scaffold must not draft a finished-looking document for another county:
    the sample unit and people appear only in comments, the values are 【待填】 markers."""
    text = P.scaffold(kind)
    values = "\n".join(line.split(" #")[0] for line in text.splitlines() if line[:1] != "#")
    for sample in ("岚溪", "王明", "李华", "赵刚", "张强", "岚教发", "强师兴校", "师德师风"):
        assert sample not in values, sample
    profile = P.parse(text, "s.yaml")
    assert profile.org.name == "【待填：发文机关全称】"
    assert profile.doc_number == "【待填：发文字号】"
    assert "例如：岚溪县教育局" in text  # the example is still shown, as a comment


def test_scaffold_comments_every_top_level_field() -> None:
    text = P.scaffold("plan")
    for f in P.FIELDS:
        assert re.search(rf"^# {re.escape(f.desc)}", text, re.M), f.key
        assert re.search(rf"^{f.key}:", text, re.M), f.key


def test_schema_is_derived_from_the_same_table() -> None:
    schema = P.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {f.key for f in P.FIELDS}
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {f.key for f in P.FIELDS if f.required}
    leader = schema["properties"]["leaders"]["properties"]["组长"]
    assert leader["items"]["anyOf"][0]["required"] == ["name"]
    section = schema["$defs"]["section"]
    roles = section["properties"]["role"]["enum"]
    assert roles[: len(P.ROLES)] == list(P.ROLES) and "指导思想" in roles
    assert section["properties"]["sections"]["items"]["$ref"] == "#/$defs/section"


def test_schema_accepts_examples_and_scaffolds_when_jsonschema_is_installed() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema not installed")
    import yaml

    validator = jsonschema.Draft202012Validator(P.json_schema())
    validator.check_schema(P.json_schema())
    texts = [
        (ROOT / "profiles" / n).read_text(encoding="utf-8")
        for n in ("example-plan.yaml", "example-summary.yaml")
    ]
    texts += [P.scaffold(kind) for kind in ("plan", "summary", "report")]
    for text in texts:
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))
        assert [e.message for e in validator.iter_errors(data)] == []
    wrong = json.loads(json.dumps(yaml.safe_load(GOOD.replace("title:", "titel:")), default=str))
    assert any("titel" in e.message for e in validator.iter_errors(wrong))


def test_shipped_schema_file_is_current() -> None:
    shipped = ROOT / "profiles" / P.SCHEMA_FILE
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output)["title"] == "nigao 配置文件（profile）"
    assert shipped.read_text(encoding="utf-8") == result.output, (
        "run: nigao schema > profiles/" + P.SCHEMA_FILE
    )


def test_init_writes_scaffold_and_schema_and_refuses_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "profiles" / "my-plan"
    result = runner.invoke(cli, ["init", str(target), "--kind", "summary"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "profiles" / "my-plan.yaml"
    assert P.load(written).kind == "summary"
    schema = json.loads((tmp_path / "profiles" / P.SCHEMA_FILE).read_text(encoding="utf-8"))
    assert schema == P.json_schema()
    written.write_text("kind: plan\n", encoding="utf-8")
    result = runner.invoke(cli, ["init", str(written)])
    assert result.exit_code == 1
    assert "文件已存在" in result.output and "--force" in result.output
    assert written.read_text(encoding="utf-8") == "kind: plan\n"
    assert runner.invoke(cli, ["init", str(written), "--force"]).exit_code == 0
    assert P.load(written).kind == "plan"


def test_profile_errors_through_a_real_process(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("name: 方立新", "name: 123").replace("title:", "titel:"), "utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "nigao", "new", str(bad), "-o", str(out / "x")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{bad}:9:13: leaders.组长[0].name：应为文字，得到数字 — 例如：王明" in result.stderr
    assert f"{bad}:2:1: titel：未知的键" in result.stderr
    assert not out.exists()


def test_chinese_words_for_kind_and_role_are_accepted() -> None:
    text = GOOD.replace("kind: plan", "kind: 方案").replace("role: guiding_ideas", "role: 指导思想")
    profile = P.parse(text, "p.yaml")
    assert profile.kind == "plan"
    assert profile.sections[0].role == "guiding_ideas"
    [error] = errors_of(GOOD.replace("role: guiding_ideas", "role: 指导思路"))
    assert "“指导思路” 不是可选值，是不是 “指导思想”？" in error


def test_a_person_may_be_written_as_one_line() -> None:
    text = GOOD.replace(
        "    - name: 方立新\n      post: 局党组书记、局长\n",
        "    - 方立新（局党组书记、局长）\n    - 何静\n",
    )
    profile = P.parse(text, "p.yaml")
    assert profile.leaders.组长 == (
        P.Person(name="方立新", post="局党组书记、局长"),
        P.Person(name="何静"),
    )
    assert P.json_schema()["properties"]["leaders"]["properties"]["组长"]["items"]["anyOf"][1] == {
        "type": "string",
        "minLength": 1,
    }


def test_any_text_gives_a_profile_or_a_chinese_error() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        ["kind: plan\n", "title: 标题\n", "org:\n  name: 局\n", "date: 2027-03-01\n",
         "sections:\n  - role: tasks\n", "  - {role: steps, phases: [{name: a, start: 2027-13}]}\n",
         "leaders: {组长: [王明]}\n", "facts: {1a: 2}\n", "x: &a [1]\n", "y: *a\n", "\t", ": ", "- ",
         "!!binary AAAA\n", "\"", "{", "[", "  ", "\n", "facts:\n  学位数: 3\n", "kind: 总结\n"]
    )  # fmt: skip

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=12).map("".join))
    def check(text: str) -> None:
        try:
            P.parse(text, "f.yaml")
        except P.ProfileError as error:
            assert all(line.startswith("f.yaml") for line in error.errors)

    check()


def test_every_field_type_is_one_entry_of_the_type_table() -> None:
    """Validator, schema, scaffold and form all read a field's type from P.TYPES: a question
    whose type has no entry there would be accepted by none of them."""
    seen: set[str] = set()

    def visit(fields: tuple[P.Field, ...]) -> None:
        for f in fields:
            if not f.type.startswith("ref:"):
                seen.add(f.type)
                fragment = P.TYPES[f.type].schema(f)
                assert fragment and P.TYPES[f.type].widget, f.key
            visit(f.fields)
            if f.item is not None:
                visit((f.item,))

    visit(P.FIELDS + tuple(P.REFS.values()))
    assert seen == set(P.TYPES)  # and no entry is dead
