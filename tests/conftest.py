"""Shared test helpers: the tools of the environment the tests run in, and no silent skips in CI.

Tests run the `nigao` and `openxml-audit` commands of the interpreter that runs pytest (its own
bin folder), never whatever a shell PATH happens to hold, so a fresh virtual environment tests
itself. Under CI (the CI variable set, as `.ci/run` does) a skipped test fails the run: CI must
install everything a test needs, and a missing tool has to be seen, not hidden as a skip.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent

# The test plan profile, in parts that tests combine (one copy, not one per test file): the
# bureau and its campaign, the guidance wording, the 组长. `PLAN_PROFILE` is the whole plan
# most drafting tests start from; test_compose adds deputies, others replace a line.
PLAN_ORG = """\
kind: plan
title: 岚溪县教育局关于开展“强师兴校”主题活动的实施方案
org:
  name: 岚溪县教育局
  short: 县教育局
  region: 岚溪县
  party: 中共岚溪县教育局党组
campaign: 强师兴校
"""
PLAN_GUIDANCE = """\
guidance:
  theory: 习近平新时代中国特色社会主义思想
  spirit: 党的二十大精神
"""
PLAN_LEADER = """\
leaders:
  组长:
    - name: 方立新
      post: 局党组书记、局长
"""
PLAN_SECTIONS = """\
sections:
  - role: preamble
  - role: guiding_ideas
  - role: goals
  - role: tasks
    skeleton: t001-tasks
    items:
      - title: 抓队伍建设，提升育人能力。
        text: 自写的任务内容。
  - role: steps
    phases:
      - {name: 宣传发动阶段, start: 2027-03, text: 召开动员大会。}
  - role: organization
"""
PLAN_PROFILE = (
    PLAN_ORG
    + "recipients: 局属各学校（单位）\ndate: 2027-03-01\ndoc_number: 岚教发〔2027〕8号\n"
    + PLAN_GUIDANCE
    + PLAN_LEADER
    + PLAN_SECTIONS
)


@pytest.fixture
def plan_profile(tmp_path: Path) -> Path:
    """PLAN_PROFILE written to tmp_path/profiles/my-plan.yaml (a drafter's own folder)."""
    path = tmp_path / "profiles" / "my-plan.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(PLAN_PROFILE, encoding="utf-8")
    return path


def tool(name: str) -> str | None:
    """The path of console script `name` installed beside this interpreter, or None."""
    for candidate in (BIN / name, BIN / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return None


def nigao_argv() -> list[str]:
    """How to run nigao as a real process: the installed command, else `python -m nigao`."""
    exe = tool("nigao")
    return [exe] if exe else [sys.executable, "-m", "nigao"]


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """nigao's parse cache (nigao/cache.py) in a folder of this run, never the user's own:
    every test process, and every nigao process a test starts, inherits it."""
    os.environ["NIGAO_CACHE"] = str(tmp_path_factory.mktemp("nigao-cache"))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, which must run every test: {reason}"
