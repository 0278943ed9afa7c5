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
