"""Running nigao as a real process on hostile input: exit code, output lines, peak memory, time.

The bounds asserted here are the ones docs/LIMITS.md states. Peak memory is the measured
process's own maximum resident set. Linux carries a forked child's high-water mark over from
its parent's memory (the copied address space counts until exec), so a nigao started straight
from a pytest process that has grown to 400 MB reports 400 MB however little it used. The child
is therefore started by a small launcher (a fresh interpreter that forks and execs it, and
reports `os.wait4`'s figure for exactly that process and the workers it waited for). Every child
also runs under an address-space limit, so a regression fails its test instead of exhausting
the machine.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from conftest import nigao_argv

MAX_RSS_MB = 300  # docs/LIMITS.md: any command on any input up to 10 MB
ADDRESS_SPACE = 3 * 1024**3  # a safety net for the test machine, far above the stated bound
# English words a user must never see (Python, YAML, Click or the OS speaking)
ENGLISH = re.compile(r"Traceback|Error\b|[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}|errno|No such")


@dataclass
class Run:
    code: int
    out: str
    err: str
    peak_mb: float
    seconds: float

    @property
    def lines(self) -> list[str]:
        return [line for line in (self.out + self.err).splitlines() if line.strip()]


# Fork and exec argv[2:], wait for it, write its peak RSS (KB) to the file argv[1], exit as it did.
LAUNCHER = """import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_pid, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:  # killed by a signal: die of the same one, so the caller sees it
    os.kill(os.getpid(), -code)
sys.exit(code)
"""


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run(
    args: list[str], cwd: Path | None = None, timeout: float = 120, env: dict | None = None
) -> Run:
    """Run `nigao ARGS` through the launcher, so that its own peak RSS is known."""
    argv = nigao_argv()
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        out_path, err_path = Path(tmp) / "out", Path(tmp) / "err"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            start = time.monotonic()
            proc = subprocess.Popen(
                [sys.executable, "-c", LAUNCHER, str(peak_file), *argv, *map(str, args)],
                cwd=cwd,
                stdout=out,
                stderr=err,
                stdin=subprocess.DEVNULL,
                preexec_fn=_limit,
                start_new_session=True,  # one group: a timeout kills the launcher and nigao
                env={**os.environ, **(env or {})},
            )
            try:
                code = proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()
                raise AssertionError(f"nigao {args} still running after {timeout} s") from None
            seconds = time.monotonic() - start
        peak_kb = int(peak_file.read_text()) if peak_file.exists() else 0
        return Run(
            code,
            out_path.read_bytes().decode("utf-8", "replace"),
            err_path.read_bytes().decode("utf-8", "replace"),
            peak_kb / 1024,
            seconds,
        )


def assert_one_chinese_line(result: Run, code: int = 1, *needles: str) -> str:
    """Exactly one non-empty output line, in Chinese, with the given exit code and words."""
    assert result.code == code, (result.code, result.out, result.err)
    assert len(result.lines) == 1, result.lines
    [line] = result.lines
    assert not ENGLISH.search(line), line
    assert re.search(r"[\u4e00-\u9fff]", line), line
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The billion-laughs YAML: a few hundred bytes that expand to width**levels strings."""
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"
