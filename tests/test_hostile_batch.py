"""`nigao batch` killed with SIGKILL mid-run: its workers end with it, and a re-run finishes
exactly the missing rows, leaving every row as a .md + .docx pair and no temporary file."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from conftest import nigao_argv
from hostile import run

ROOT = Path(__file__).resolve().parent.parent
PROFILE = ROOT / "profiles" / "example-plan.yaml"
ROWS = 60


def processes_mentioning(marker: str) -> list[int]:
    """Live processes whose command line contains `marker` (the batch's unique folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def start_and_kill(argv: list[str], out: Path, after: int) -> None:
    """Start the batch, SIGKILL it once `after` rows are complete, and reap it."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.docx"))) >= after:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the batch finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()


def test_a_killed_batch_leaves_no_workers_and_a_rerun_finishes_exactly_the_rest(
    tmp_path: Path,
) -> None:
    units = tmp_path / "units.csv"
    units.write_text(
        "org.name,org.short\n" + "".join(f"岚溪县第{i}中学,第{i}中\n" for i in range(ROWS)),
        encoding="utf-8",
    )
    out = tmp_path / "批量输出"
    argv = [*nigao_argv(), "batch", str(PROFILE), "--units", str(units), "-o", str(out)]
    argv += ["-j", "2", "--name-by", "org.short"]
    for after in (3, 10):  # killed twice, at different points
        start_and_kill(argv, out, after)
        time.sleep(0.5)
        snapshot = sorted(p.name for p in out.iterdir())
        time.sleep(2)  # a worker still drafting would write its next row by now
        assert processes_mentioning(str(out)) == [], "workers kept running after the parent died"
        assert sorted(p.name for p in out.iterdir()) == snapshot
    done = {p: p.stat().st_mtime_ns for p in out.iterdir() if not p.name.startswith(".~")}
    pairs = {p.stem for p in done if p.suffix == ".md"} & {
        p.stem for p in done if p.suffix == ".docx"
    }
    assert 10 <= len(pairs) < ROWS

    # what a kill between two writes, or inside one, would leave: a lone .md, a temp file
    lone = sorted(pairs)[0]
    (out / f"{lone}.docx").unlink()
    pairs.discard(lone)
    gone = subprocess.Popen(["true"])  # a process id that has ended
    gone.wait()
    (out / f".~第{ROWS - 1}中.docx.{gone.pid}.x1y2z3.part").write_bytes(b"PK half")

    result = run(
        ["batch", PROFILE, "--units", units, "-o", out, "-j", "2", "--name-by", "org.short"]
    )
    assert result.code == 0, result.lines
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"第{i}中.{ext}" for i in range(ROWS) for ext in ("md", "docx"))
    for path, mtime in done.items():  # complete pairs from the killed runs were not redone
        if path.stem in pairs:
            assert path.stat().st_mtime_ns == mtime, path
    assert any(str(ROWS - len(pairs)) in line for line in result.lines), result.lines
