"""On the seeds the checker finds every defect tests/data/seed-outlines.yaml lists:
source_defects, placeholders_in_source, empty_slots_in_source, truncated, noise lines."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from nigao.check import check_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUTLINES = yaml.safe_load((ROOT / "tests" / "data" / "seed-outlines.yaml").read_text("utf-8"))

HAIZHOU_PROFILE = """\
kind: report
title: 海州区教育局建设学习型党组织经验材料
org:
  name: 海州区教育局
  short: 区教育局
  region: 海州区
date: 2027-03-01
leaders:
  组长:
    - name: 王明
      post: 局党组书记、局长
sections:
  - role: practices
    text: 全区教育系统扎实推进学习型党组织建设。
"""


@pytest.fixture(scope="module")
def haizhou_profile(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("profiles") / "haizhou.yaml"
    path.write_text(HAIZHOU_PROFILE, encoding="utf-8")
    return path


@cache
def plain(name: str):
    return check_path(SEEDS / name)


def messages(findings, rule: str) -> list[str]:
    return [f.message for f in findings if f.rule == rule]


def test_fancheng_in_a_haizhou_text(haizhou_profile):
    found = check_path(SEEDS / "002_c317a3dcdd87f187.txt", profile=haizhou_profile)
    places = [f for f in found if f.rule == "CONTENT-PLACE" and "樊城" in f.message]
    assert places, "樊城 not reported"
    assert all(f.severity == "error" for f in places)
    lines = (SEEDS / "002_c317a3dcdd87f187.txt").read_text("utf-8").split("\n")
    assert all("樊城" in lines[f.line - 1] for f in places)
    # the region's own name is not foreign
    assert not [f for f in found if f.rule == "CONTENT-PLACE" and "“海州" in f.message]


def test_date_without_nian():
    found = plain("002_c317a3dcdd87f187.txt")
    dates = [f for f in found if f.rule == "DATE-FORMAT" and "20118月" in f.message]
    assert len(dates) == 1
    assert "2011年8月" in dates[0].suggestion and dates[0].fixes


def test_unbalanced_quote_in_seed_002():
    found = plain("002_c317a3dcdd87f187.txt")
    lines = (SEEDS / "002_c317a3dcdd87f187.txt").read_text("utf-8").split("\n")
    hit = [f for f in found if f.rule == "PUNCT-UNBALANCED"]
    assert any("以生为本”" in lines[f.line - 1] for f in hit)


@pytest.mark.parametrize(
    ("seed", "placeholder"),
    [
        (seed, mark)
        for seed, entry in OUTLINES.items()
        for mark in entry.get("placeholders_in_source", [])
    ],
)
def test_placeholders_in_source(seed, placeholder):
    found = messages(plain(seed), "LEFT-PLACEHOLDER")
    assert any(placeholder in m for m in found), found


@pytest.mark.parametrize(
    ("seed", "slot"),
    [
        (seed, slot)
        for seed, entry in OUTLINES.items()
        for slot in entry.get("empty_slots_in_source", [])
        if slot.endswith("：") and " " not in slot
    ],
)
def test_empty_slots_in_source(seed, slot):
    found = messages(plain(seed), "LEFT-EMPTY-LEADER")
    assert any(f"“{slot}”后面没有填写姓名" in m for m in found), found


def test_names_missing_behind_posts():
    found = messages(plain("003_b49e2f5c79e3d4e3.txt"), "LEFT-EMPTY-LEADER")
    assert any(m.startswith("“责任人：及相关学校校长”") for m in found)
    assert any(m.startswith("“牵头领导：党委委员") for m in found)


@pytest.mark.parametrize(
    "seed", [seed for seed, entry in OUTLINES.items() if entry.get("truncated")]
)
def test_truncated(seed):
    found = [f for f in plain(seed) if f.rule == "DOC-TRUNCATED"]
    assert len(found) == 1
    lines = (SEEDS / seed).read_text("utf-8").split("\n")
    assert lines[found[0].line - 1].startswith("二、加强制度建设")


@pytest.mark.parametrize(
    "seed", [seed for seed, entry in OUTLINES.items() if not entry.get("truncated")]
)
def test_not_truncated(seed):
    assert [f for f in plain(seed) if f.rule == "DOC-TRUNCATED"] == []


@pytest.mark.parametrize(
    ("seed", "noise"),
    [
        (seed, noise)
        for seed, entry in OUTLINES.items()
        for noise in entry.get("noise", [])
        if not noise.startswith("the ") and (" (" not in noise)
    ],
)
def test_noise_lines_are_clutter(seed, noise):
    lines = (SEEDS / seed).read_text("utf-8").split("\n")
    clutter_lines = {f.line for f in plain(seed) if f.rule == "LEFT-CLUTTER"}
    noisy = [
        n for n, line in enumerate(lines, 1) if line.replace("\xa0", " ").strip().startswith(noise)
    ]
    assert noisy, f"{noise!r} not in {seed}"
    assert set(noisy) <= clutter_lines


def test_dated_terms_in_a_new_plan(haizhou_profile):
    found = check_path(SEEDS / "004_602c73b34cb07147.txt", profile=haizhou_profile)
    dated = messages(found, "CONTENT-DATED-TERM")
    assert any("十七届五中全会" in m for m in dated)
    assert any("创先争优活动" in m for m in dated)
    # without a date or profile the text is judged as if written today, and says so
    undated = messages(plain("004_602c73b34cb07147.txt"), "CONTENT-DATED-TERM")
    assert any("十七届五中全会" in m for m in undated)
    assert all("文中没有成文日期" in m for m in undated)


def test_leaders_of_another_bureau(haizhou_profile):
    found = check_path(SEEDS / "004_602c73b34cb07147.txt", profile=haizhou_profile)
    people = " ".join(messages(found, "CONTENT-PERSON"))
    for name in ("包庆余", "陈展", "蔡加冬", "吴重秋", "陆维新", "沈善强", "周建春"):
        assert name in people


def test_traditional_seed():
    found = plain("003_b49e2f5c79e3d4e3.txt")
    assert [f.rule for f in found].count("SCRIPT-TRADITIONAL") == 1


def test_no_place_findings_without_a_profile():
    for seed in OUTLINES:
        assert messages(plain(seed), "CONTENT-PLACE") == []
