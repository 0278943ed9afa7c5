"""Stored compiled patterns (nigao/rxcache.py): a run that builds its patterns from the stored
table finds exactly what a run that compiles them finds, and a damaged table only costs time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import nigao_argv

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:4]
PLAN = ROOT / "profiles" / "example-plan.yaml"


def check_output(tmp_path: Path, cache: str) -> str:
    env = {**os.environ, "NIGAO_CACHE": cache}
    done = subprocess.run(
        [*nigao_argv(), "check", *map(str, SEEDS), "--profile", str(PLAN)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def test_findings_are_the_same_with_stored_patterns(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain = check_output(tmp_path, "off")
    assert plain.count("\n") > 50, "the seeds give the checker plenty to find"
    first = check_output(tmp_path, str(cache))
    assert list((cache / "regex").glob("*.marshal")), "the first run stores its patterns"
    second = check_output(tmp_path, str(cache))
    assert plain == first == second


SERVED = """
import re, sys
from re import _compiler
from nigao import rxcache
texts = [
    r"(?P<cn>[一二三四五六七八九十]+)(?P<p>[、.．])(?!\\d)",
    r"(?i)abc|d(e)f", r"(?<![县区])局?党组(?!织)", r"^\\s*#{1,6}\\s+(.*)$", r"[^\\W\\d_]{2,4}族",
]
flags = [0, 0, 0, re.M, 0]
fresh = [_compiler.compile(t, f) for t, f in zip(texts, flags)]  # re's own compiler
assert rxcache.install()
re.purge()
served = [re.compile(t, f) for t, f in zip(texts, flags)]
for a, b in zip(fresh, served):
    assert a == b and a.groupindex == b.groupindex and a.groups == b.groups, (a, b)
    for s in ("三、工作", "ABC", "县党组", "  ## 标题", "土家族", "局党组织", "def"):
        assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)]
print(len(rxcache._used), sum(k[0] in texts for k in rxcache._table))
"""


def test_patterns_from_the_table_equal_compiled_ones(tmp_path: Path) -> None:
    """Pattern equality compares the compiled code: the second process builds each pattern
    from the stored data and it is the same Pattern as `re` compiles."""
    env = {**os.environ, "NIGAO_CACHE": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", SERVED], env=env, capture_output=True, text=True, timeout=60
        )
        for _ in range(2)
    ]
    for done in runs:
        assert done.returncode == 0, done.stderr
    assert runs[1].stdout.split()[1] == "5", "the second run finds all five stored"


def test_a_damaged_table_is_compiled_around(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    check_output(tmp_path, str(cache))
    for table in (cache / "regex").glob("*.marshal"):
        table.write_bytes(b"\x00garbage" * 10)
    assert check_output(tmp_path, str(cache)) == check_output(tmp_path, "off")
