"""The skeleton library: committed templates/ equals a fresh ingest; slots; no source names."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import pytest
import yaml
from jinja2.sandbox import SandboxedEnvironment

from nigao.ingest import ingest_folder
from nigao.ingest.make_skeletons import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FRAMES = ROOT / "frames"  # nigao's own frames for the roles no seed has
TEMPLATES = ROOT / "templates"
FRONT_KEYS = [
    "id",
    "role",
    "kinds",
    "heading",
    "run_in",
    "source",
    "script",
    "slots",
    "title",
    "frame",
    "topic",
    "default",
]

# Proper names, campaigns, dated meetings and amounts of the seeds: none may reach a skeleton.
SOURCE_SPECIFICS = [
    "新安县",
    "新安",
    "海州",
    "樊城",
    "上海",
    "长三角",
    "冷水铺",
    "允山",
    "潇浦",
    "上江圩",
    "松柏",
    "黄甲岭",
    "源口",
    "公朝村",
    "公朝",
    "刘家庄",
    "包庆余",
    "陈展",
    "蔡加冬",
    "吴重秋",
    "陆维新",
    "沈善强",
    "周建春",
    "华东师大",
    "东方世纪",
    "科学发展如何示范",
    "转作风、解难题",
    "解放思想大讨论",
    "晚八点一小时读书",
    "晚八点读书一小时",
    "十七届五中全会",
    "十八大",
    "省委十二届八次全会",
    "科学发展观",
    "十二五",
    "150万元",
    "305万元",
    "550万元",
    "4500元",
    "600个",
    "致亚西亚的信",
    "苔花风景",
    "新解放、新跨越、新崛起",
    "手拉手、心连心",
    "20118月",
    "2005年",
    "2011年",
]


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md.j2"))}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("library")
    ingest_paths([SEEDS, FRAMES], out)
    return out


def _skeletons(root: Path) -> list[tuple[str, dict, str]]:
    out = []
    for rel, data in _files(root).items():
        text = data.decode("utf-8")
        assert text.startswith("---\n"), rel
        end = text.index("\n---\n", 4)
        out.append((rel, yaml.safe_load(text[4:end]), text[end + 5 :]))
    return out


def test_committed_templates_equal_a_fresh_ingest(fresh):
    assert _files(TEMPLATES), "templates/ is empty: run `nigao ingest seeds/`"
    assert _files(fresh) == _files(TEMPLATES)


def test_ingesting_twice_writes_identical_bytes(fresh, tmp_path):
    ingest_paths([SEEDS, FRAMES], tmp_path)
    ingest_paths([SEEDS, FRAMES], tmp_path)
    assert _files(tmp_path) == _files(fresh)


@pytest.mark.parametrize("name", SOURCE_SPECIFICS)
def test_no_source_specific_name_in_any_skeleton(fresh, name):
    for rel, data in _files(fresh).items():
        assert name not in data.decode("utf-8"), f"{name} in {rel}"


def test_anonymisation_marks_became_slots(fresh):
    for rel, _meta, body in _skeletons(fresh):
        for line in body.splitlines():
            assert "#" not in line.lstrip("#"), f"{rel}: {line}"
            assert "XX" not in line, f"{rel}: {line}"


def test_front_matter_and_ids(fresh):
    seen = set()
    for rel, meta, _body in _skeletons(fresh):
        keys = list(meta)
        assert keys == [k for k in FRONT_KEYS if k in meta], rel
        assert set(FRONT_KEYS[:8]) <= set(meta), rel
        assert re.fullmatch(r"s\d{3}-[a-z]+(?:-[a-z]+)*(?:-\d+)?", meta["id"]), meta["id"]
        assert rel == f"{meta['role']}/{meta['id']}.md.j2"
        assert meta["id"] not in seen
        seen.add(meta["id"])
        assert meta["script"] in ("simplified", "traditional")
        assert meta["source"].startswith("seeds/") or (
            meta["source"] == "nigao" and meta["frame"].startswith("frames/")
        )
        if not meta["run_in"]:
            assert not meta["heading"].endswith("。"), rel
        else:
            assert meta["heading"].endswith(("。", "？", "！")), rel


def test_one_default_per_role_and_kind(fresh):
    roles: dict[str, list[bool]] = {}
    pairs: dict[tuple[str, str], list[bool]] = {}
    for _rel, meta, _body in _skeletons(fresh):
        roles.setdefault(meta["role"], []).append(bool(meta.get("default")))
        pairs.setdefault((meta["role"], meta["kinds"][0]), []).append(bool(meta.get("default")))
    for pair, flags in pairs.items():
        assert flags.count(True) == 1, pair
    for role in (
        "preamble",
        "closing",
        "guiding_ideas",
        "tasks",
        "steps",
        "organization",
        "practices",
    ):
        assert role in roles


def test_traditional_source_recorded(fresh):
    scripts = {meta["source"]: meta["script"] for _r, meta, _b in _skeletons(fresh)}
    assert scripts["seeds/003_b49e2f5c79e3d4e3.txt"] == "traditional"
    assert scripts["seeds/004_602c73b34cb07147.txt"] == "simplified"


_SLOT = re.compile(r"\{\{ ([^{}]+?) \}\}")


def _value_tree(slots: dict) -> dict:
    """Profile-like values for every slot, so StrictUndefined catches any name not declared."""

    class Leader(str):
        names = "王明、李华"
        block = "组长：王明"

    values: dict = {"org": {}, "guidance": {}, "leaders": {}, "facts": {}, "scope": {}}
    for name in slots:
        parts = name.split(".")
        if parts[0] == "leaders":
            values["leaders"][parts[1]] = Leader("王明（局长）")
        elif len(parts) == 1:
            values[parts[0]] = "值"
        else:
            values[parts[0]][parts[1]] = "值"
    return values


def test_every_slot_is_declared_and_renders(fresh):
    env = SandboxedEnvironment(undefined=jinja2.StrictUndefined)
    namespaces = ("org.", "guidance.", "leaders.", "facts.", "scope.")
    for rel, meta, body in _skeletons(fresh):
        slots = meta["slots"] or {}
        used = {m.group(1).removesuffix(".names") for m in _SLOT.finditer(body + meta["heading"])}
        assert used == set(slots), rel
        for name, label in slots.items():
            computed = ("region", "campaign", "campaign_type", "campaign_noun", "focus", "goal", "year")
            assert name in computed or name.startswith(
                namespaces
            ), name
            assert label, name
            if name.startswith("facts."):
                assert re.fullmatch(r"[^\W\d_][^\W_]*", name[6:]), name
        for examples in (False, True):
            rendered = env.from_string(body).render(**_value_tree(slots), examples=examples)
            assert "{{" not in rendered


def test_leader_slots(fresh):
    org3 = (fresh / "organization/s003-organization.md.j2").read_text(encoding="utf-8")
    for role in ("顾问", "组长", "副组长", "成员"):
        assert f"\n{role}：{{{{ leaders.{role} }}}}\n" in org3
    org4 = (fresh / "organization/s004-organization.md.j2").read_text(encoding="utf-8")
    assert "组长由{{ leaders.组长.names }}同志担任" in org4
    assert "成员为{{ leaders.成员.names }}" in org4


def test_guidance_slots(fresh):
    text = (fresh / "guiding_ideas/s003-guiding-ideas.md.j2").read_text(encoding="utf-8")
    assert "坚持以{{ guidance.theory }}为指导" in text
    assert "全面贯彻{{ guidance.spirit }}" in text
    pre = (fresh / "preamble/s004-preamble.md.j2").read_text(encoding="utf-8")
    assert "为深入贯彻落实{{ guidance.spirit }}，" in pre
    assert "“{{ campaign }}”" in pre


def test_role_bearing_subsections_are_skeletons(fresh):
    goals = yaml.safe_load(
        (fresh / "goals/s004-goals-2.md.j2").read_text(encoding="utf-8").split("---")[1]
    )
    assert goals["heading"] == "总体要求。" and goals["run_in"] is True
    assert (fresh / "tasks/s004-tasks.md.j2").exists()


def test_reingest_replaces_own_sources_and_leaves_others(tmp_path):
    ingest_folder(SEEDS, tmp_path)
    stale = tmp_path / "tasks" / "s000-tasks-9.md.j2"
    stale.write_text(
        "---\nid: s000-tasks-9\nrole: tasks\nsource: seeds/000_00673b357674b709.txt\n---\n旧\n",
        encoding="utf-8",
    )
    mine = tmp_path / "tasks" / "my-own.md.j2"
    mine.write_text(
        "---\nid: my-own\nrole: tasks\nsource: 我的材料/a.txt\n---\n自己的\n", encoding="utf-8"
    )
    ingest_folder(SEEDS, tmp_path)
    assert not stale.exists()
    assert mine.read_text(encoding="utf-8").endswith("自己的\n")


def test_political_terms_table_format():
    data = yaml.safe_load(
        (ROOT / "src/nigao/data/political_terms.yaml").read_text(encoding="utf-8")
    )
    assert len(data) >= 10
    for entry in data:
        assert set(entry) == {"pattern", "slot", "label", "current"}
        re.compile(entry["pattern"])
        assert entry["slot"].startswith("guidance.")
        if entry["current"] is not None:
            first, last = entry["current"]
            assert isinstance(first, int) and (last is None or last >= first)
    slots = {e["slot"] for e in data}
    assert {"guidance.spirit", "guidance.theory"} <= slots


def test_every_role_of_every_kind_has_a_skeleton(fresh):
    """Where the seeds have none, a nigao frame (source: nigao) covers the role."""
    roles = yaml.safe_load((ROOT / "src/nigao/data/roles.yaml").read_text(encoding="utf-8"))
    have = {(m["role"], m["kinds"][0]): m["source"] for _r, m, _b in _skeletons(fresh)}
    for role, entry in roles["roles"].items():
        for kind in entry["kinds"]:
            assert (role, kind) in have, (role, kind)
    for pair in [("overview", "summary"), ("results", "report"), ("closing", "plan")]:
        assert have[pair] == "nigao", pair
    frames = [b for _r, m, b in _skeletons(fresh) if m["source"] == "nigao"]
    # a real frame: never XXX, and something the drafter's own (a fact marker, the campaign)
    assert frames and all("XXX" not in b and ("{{ facts." in b or "{{ campaign }}" in b) for b in frames)
