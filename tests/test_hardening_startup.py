"""The command starts in a bare interpreter: nothing may rely on what site or .pth hooks import.

A fresh virtual environment imports far less at startup than a developer's Python (where
editable installs' .pth hooks pull in importlib.util, pathlib, …); `python -S` is stricter still.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.mark.parametrize("args", [["--help"], ["new", "--help"], ["check", "--help"]])
def test_help_works_without_site_imports(args: list[str]) -> None:
    code = (
        "import sys; sys.path[:0] = [sys.argv[1]] + [p for p in sys.argv[2:]]\n"
        "from nigao.cli import main\n"
        f"sys.argv = ['nigao', *{args!r}]\n"
        "main()\n"
    )
    site_dirs = [p for p in sys.path if p.endswith("-packages")]
    done = subprocess.run(
        [sys.executable, "-S", "-c", code, str(SRC), *site_dirs],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-400:]
    assert "Traceback" not in done.stderr
    assert "用法" in done.stdout or "Usage" in done.stdout
