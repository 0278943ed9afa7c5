"""Running nigao as a real process on hostile input: exit code, output lines, peak memory, time.

The bounds asserted here are the ones docs/LIMITS.md states. Peak memory is the child's own
maximum resident set (`os.wait4` returns the rusage of exactly that child, including the worker
processes it waited for), so one test's figure never leaks into another's. Every child also runs
under an address-space limit, so a regression fails its test instead of exhausting the machine.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
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


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run(
    args: list[str], cwd: Path | None = None, timeout: float = 120, env: dict | None = None
) -> Run:
    """Run `nigao ARGS`; wait for it with wait4 so its own peak RSS is known."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(
            [*nigao_argv(), *map(str, args)],
            cwd=cwd,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            preexec_fn=_limit,
            env={**os.environ, **(env or {})},
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise AssertionError(f"nigao {args} still running after {timeout} s")
            time.sleep(0.02)
        seconds = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            proc.returncode,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
            usage.ru_maxrss / 1024,
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
