"""The command shell: help in Chinese, every command listed, nothing heavy imported for --help."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from conftest import nigao_argv
from nigao.cli import COMMANDS, cli

HEAVY = ("docx", "opencc", "jinja2", "lxml", "rich", "yaml", "charset_normalizer")


def test_help_lists_every_available_command_in_chinese() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "命令" in result.output
    assert "拟稿" in result.output
    for name in cli.list_commands(None):  # type: ignore[arg-type]
        assert name in result.output
        assert COMMANDS[name][1] in result.output


def test_every_commands_help_is_chinese() -> None:
    """Each command's --help as a clerk reads it: Click's own marks too ([required] → 必填)."""
    for name in cli.list_commands(None):  # type: ignore[arg-type]
        result = CliRunner().invoke(cli, [name, "--help"], terminal_width=200)
        assert result.exit_code == 0, (name, result.output)
        for word in ("required", "default:", "Usage", "Options", "env var"):
            assert word not in result.output, (name, word, result.output)
    batch = CliRunner().invoke(cli, ["batch", "--help"], terminal_width=200).output
    assert "[必填]" in batch


def test_help_imports_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from nigao.cli import cli\n"
        "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_installed_command_runs_as_a_process() -> None:
    argv = nigao_argv()
    out = subprocess.run([*argv, "--version"], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.startswith("nigao ")


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["draftt"])
    assert result.exit_code == 2
