"""A user's skeleton (`--library`) cannot exhaust the machine: every limit is one Chinese line.

Each body below ran to MemoryError, a traceback, or past 60 s before the sandbox had budgets
(nigao/sandbox.py). Each now stops with one line naming the skeleton and what ran out, within
the bounds of docs/LIMITS.md (5 s per render; 300 MB resident), checked generously here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import MAX_RSS_MB, assert_one_chinese_line, run

PROFILE = """\
kind: plan
title: 岚溪县教育局关于开展“强师兴校”主题活动的实施方案
org:
  name: 岚溪县教育局
date: 2027-03-01
sections:
  - role: goals
    skeleton: x-goals
"""

BODIES = {
    "string times a billion": ("{{ 'x' * 1000000000 }}", "生成的文字过长"),
    "power tower": ("{{ 9 ** (9 ** 9) }}", "乘方结果过大"),
    "nested ranges": (
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        "循环和调用次数超过上限",
    ),
    "nested loops over a string": (
        "{% set s = 'x' * 99999 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
        "循环和调用次数超过上限",
    ),
    "endless recursive macro": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "嵌套"),
    "branching recursive macro": (
        "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}{{ f(40) }}",
        "循环和调用次数超过上限",
    ),
    "range over the sandbox limit": ("{{ range(100001)|list }}", "数值过大"),
    "wide centre filter": ("{{ 'x'|center(1000000000) }}", "数值过大"),
    "wide format": ("{{ '{:>999999999}'.format(1) }}", "格式宽度过大"),
    "wide percent format": ("{{ '%999999999d' % 1 }}", "格式宽度过大"),
    "doubling by concatenation": (
        "{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        "生成的文字过长",
    ),
    "python internals": ("{{ ''.__class__.__mro__ }}", "安全沙箱拒绝"),
}


def library(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "lib" / "goals"
    folder.mkdir(parents=True)
    (folder / "x-goals.md.j2").write_text(
        f"---\nid: x-goals\nrole: goals\nheading: 工作目标\n---\n\n{body}\n", encoding="utf-8"
    )
    (tmp_path / "p.yaml").write_text(PROFILE, encoding="utf-8")
    return tmp_path / "lib"


@pytest.mark.parametrize("case", BODIES)
def test_a_hostile_skeleton_stops_with_one_line(tmp_path: Path, case: str) -> None:
    body, words = BODIES[case]
    lib = library(tmp_path, body)
    result = run(["new", tmp_path / "p.yaml", "--library", lib, "-o", f"{tmp_path}/out/"])
    assert_one_chinese_line(result, 1, "x-goals.md.j2", "骨架 x-goals", words)
    assert result.peak_mb < MAX_RSS_MB, result.peak_mb
    assert result.seconds < 30, result.seconds  # the render's own limit is 5 s
    assert not (tmp_path / "out").exists()


def test_a_skeleton_inside_the_limits_still_renders_loops_and_joins(tmp_path: Path) -> None:
    body = "{% for i in range(3) %}{{ i ~ '、' ~ year }}{% endfor %}"
    lib = library(tmp_path, body)
    result = run(["new", tmp_path / "p.yaml", "--library", lib, "-o", f"{tmp_path}/out/"])
    assert result.code == 0, result.lines
    assert "0、20271、20272、2027" in (tmp_path / "out" / "p.md").read_text(encoding="utf-8")


def test_the_budgets_hold_in_a_request_thread_without_timer_or_memory_cap() -> None:
    """A server renders in threads, where the timer and RLIMIT_AS backstops are off: the step
    and size budgets alone stop every case above."""
    import threading

    from nigao.sandbox import LimitError, environment, render

    env = environment()
    outcome: dict[str, str] = {}

    def go() -> None:
        for case, (body, _words) in BODIES.items():
            try:
                render(env.from_string(body), {})
                outcome[case] = "rendered"
            except LimitError as error:
                outcome[case] = str(error)
            except Exception as error:  # the sandbox's own refusals (internals)
                outcome[case] = type(error).__name__

    thread = threading.Thread(target=go)
    thread.start()
    thread.join(120)
    assert not thread.is_alive()
    assert "rendered" not in outcome.values(), outcome
    assert outcome["python internals"] == "SecurityError"
    assert len(outcome) == len(BODIES)
