"""Kinds and roles: one list (nigao/kinds.py) that the tables, the CLI and ingest agree with."""

from __future__ import annotations

from nigao.kinds import KINDS, ROLES, kinds_table, title_topic
from nigao.tables import table


def test_kinds_table_is_keyed_by_the_one_list():
    data = kinds_table()
    assert tuple(data["kinds"]) == KINDS
    assert set(data["headings"]) == set(ROLES)
    for kind in KINDS:
        assert set(data["kinds"][kind]["order"]) <= set(ROLES), kind
    assert set(data["aliases"]["kind"].values()) <= set(KINDS)
    assert set(data["aliases"]["role"].values()) <= set(ROLES)


def test_ingest_roles_table_names_only_known_roles_and_kinds():
    data = table("roles")
    assert set(data["roles"]) <= set(ROLES)
    for role, entry in data["roles"].items():
        assert set(entry["kinds"]) <= set(KINDS), role
    assert set(data["kind_words"]) == set(KINDS)
    assert set(data["fallback"]) == set(KINDS) and set(data["fallback"].values()) <= set(ROLES)


def test_cli_offers_the_same_kinds():
    from nigao.commands.draft import init
    from nigao.commands.skeletons import skeletons

    for command in (init, *skeletons.commands.values()):
        for param in command.params:
            if param.name == "kind":
                assert tuple(param.type.choices) == KINDS, command.name


def test_a_title_without_issuer_and_kind_is_its_topic():
    assert title_topic("关于开展读书月活动的实施方案") == "开展读书月活动的"
    assert title_topic("教育局转作风解难题抓关键活动方案") == "转作风解难题抓关键"
    # a sample site stacks its own words after the 文种
    assert title_topic("学校安全工作计划总结范文", sample=True) == "学校安全"
    assert title_topic("学校安全工作计划总结范文") == "学校安全工作计划总结范文"
