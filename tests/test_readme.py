"""Every `$ …` command the README shows runs as written and prints what the README shows.

The README's shell blocks (fenced blocks whose lines start with `$ `) are run in order in a
copy of the repository's example files, one shell session per test: `source
.venv/bin/activate` puts this interpreter's nigao on PATH, as it does for a drafter. Below
each command, the README's lines are its output, line by line (blanks at the ends of a line
aside); a line `…` stands for any number of lines left out. A command shown without output
must succeed.

Illustrative paths in the README (`~/往年材料/`, `某范文.txt`) are made real here (ILLUSTRATIVE
below, from seeds/), with HOME pointed at the test's folder, so those commands work as
written too. A command whose comment holds `（示意）` is shown but not run: keep that for
commands that cannot run here, and say so in the README.

The README's commands come after `make demo` (its Quick start), so the session starts where a
newcomer's does: the Makefile's `demo` recipe is replayed first (drafts/ already holds the
example drafts, and a command without `--force` that would overwrite them fails as it would
for the reader).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAKEFILE = ROOT / "Makefile"
BIN = Path(sys.executable).parent
NOT_RUN = "（示意）"
ELIDED = "…"

# Paths the README uses for "your own files": what stands behind each in this test.
ILLUSTRATIVE: dict[str, list[str]] = {
    "~/往年材料/": ["seeds/001_*.txt", "seeds/003_*.txt"],
    "某范文.txt": ["seeds/004_*.txt"],
}


@dataclass
class Command:
    line: int  # README line of the `$ …`
    text: str
    output: list[str] = field(default_factory=list)


def shell_blocks(text: str) -> list[list[Command]]:
    """The README's fenced blocks that hold `$ ` commands, each as its commands in order."""
    blocks: list[list[Command]] = []
    inside, current = False, []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("```"):
            if inside and current:
                blocks.append(current)
            inside, current = not inside, []
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            current.append(Command(number, line[2:]))
        elif current:
            current[-1].output.append(line)
    return blocks


def prepare(work: Path) -> dict[str, str]:
    """A copy of the example files and the illustrative paths; the environment to run in."""
    for name in ("profiles", "seeds"):
        shutil.copytree(ROOT / name, work / name)
    home = work / "home"
    home.mkdir()
    for shown, patterns in ILLUSTRATIVE.items():
        target = Path(shown.replace("~", str(home), 1)) if shown.startswith("~") else work / shown
        sources = [p for pattern in patterns for p in sorted(ROOT.glob(pattern))]
        assert sources, f"ILLUSTRATIVE {shown}: nothing matches {patterns}"
        if shown.endswith("/"):
            target.mkdir(parents=True)
            for source in sources:
                shutil.copy(source, target / source.name)
        else:
            shutil.copy(sources[0], target)
    env = {k: v for k, v in os.environ.items() if k not in ("NIGAO_LIBRARY", "VIRTUAL_ENV")}
    env.update(HOME=str(home), COLUMNS="120", LANG="C.UTF-8", TERM="dumb", NO_COLOR="1")
    # `source .venv/bin/activate`: this interpreter's bin folder first on PATH
    venv = work / ".venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "activate").write_text(f'export PATH="{BIN}:$PATH"\n', encoding="utf-8")
    return env


def demo_commands() -> list[str]:
    """The `nigao …` lines of the Makefile's `demo` recipe, as the shell runs them."""
    lines = MAKEFILE.read_text(encoding="utf-8").split("\ndemo:", 1)[1].splitlines()[1:]
    recipe = [
        line.strip()
        for line in lines[
            : next((i for i, line in enumerate(lines) if not line.startswith("\t")), len(lines))
        ]
    ]
    commands = [line.replace("$(BIN)/", "") for line in recipe if line.startswith("$(BIN)/nigao ")]
    assert commands, "the Makefile's demo recipe runs no nigao command"
    return commands


def _shown(line: str) -> str:
    """Compared without blanks at either end (a table title is centred on a terminal, not in
    a pipe) and with a no-break space as a space (the README cannot show the difference)."""
    return line.replace("\u00a0", " ").strip()


def matches(shown: list[str], got: list[str]) -> bool:
    """Line by line; a `…` line stands for any number of lines (none included)."""
    pieces: list[list[str]] = [[]]
    for line in shown:
        if line == ELIDED:
            pieces.append([])
        else:
            pieces[-1].append(line)
    if len(pieces) == 1:
        return got == shown
    first, *middle, last = pieces
    if got[: len(first)] != first or (last and got[len(got) - len(last) :] != last):
        return False
    at, end = len(first), len(got) - len(last)
    for piece in middle:
        while at + len(piece) <= end and got[at : at + len(piece)] != piece:
            at += 1
        if at + len(piece) > end:
            return False
        at += len(piece)
    return True


def test_readme_commands_print_what_the_readme_shows(tmp_path: Path) -> None:
    env = prepare(tmp_path)
    blocks = shell_blocks(README.read_text(encoding="utf-8"))
    assert blocks, "README.md shows no `$ ` commands"
    # the session so far (`source` lines carry over); ls lists in columns, as on a terminal
    script: list[str] = ["shopt -s expand_aliases", "alias ls='ls -C --tabsize=0'"]
    for command in demo_commands():  # what `make demo` left behind
        done = subprocess.run(
            ["bash", "-c", f'export PATH="{BIN}:$PATH"\n{command}'],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert done.returncode == 0, f"make demo: {command}\n{done.stdout}"
    ran = 0
    for block in blocks:
        for command in block:
            if NOT_RUN in command.text:
                continue
            if command.text.startswith("source "):
                script.append(command.text)
                continue
            result = subprocess.run(
                ["bash", "-c", "\n".join([*script, command.text])],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,  # as a terminal shows them: interleaved
                text=True,
                timeout=300,
            )
            ran += 1
            got = result.stdout.rstrip("\n").splitlines()
            got = [_shown(line) for line in got]
            shown = [_shown(line) for line in command.output]
            where = f"README.md:{command.line}: $ {command.text}"
            if not shown:
                assert result.returncode == 0, f"{where}\nfailed ({result.returncode}):\n" + (
                    "\n".join(got)
                )
                continue
            if not matches(shown, got):
                diff = "\n".join(
                    difflib.unified_diff(
                        shown, got, "README shows", "the command printed", lineterm=""
                    )
                )
                raise AssertionError(
                    f"{where}\nprints something else than the README shows:\n{diff}"
                )
    assert ran >= 5, f"only {ran} README commands ran"
