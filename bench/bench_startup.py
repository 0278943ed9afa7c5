"""Startup cost of each command: import time (python -X importtime) against a written budget,
and the wall time of `nigao --help` as a process.

    python bench/bench_startup.py [-n RUNS]

For each command: the imports' total self time (summed over every module, least of N runs)
against BUDGET_MS (OK/OVER), the same minus what `python -c pass` imports anyway (site, .pth
hooks — a developer's Python with many editable installs imports much more at startup than a
fresh venv, so that column is the comparable one), and the five costliest top-level modules.
Importtime figures are inflated by the measurement itself; compare them with each other and
with the budget, not with wall time. The budgets are also written in bench/README.md.
Nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "profiles" / "example-plan.yaml"

# Total import time per command under -X importtime, in ms (bench/README.md).
BUDGET_MS = {
    "nigao --help": 60,
    "nigao new --help": 60,
    "nigao check --help": 60,
    "nigao ingest --help": 60,
    "nigao new (example plan)": 150,
}


def importtime(args: list[str], env: dict[str, str]) -> tuple[int, list[tuple[int, str]]]:
    """(total self µs, [(cumulative µs, top-level module)]) of one run under -X importtime."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args], capture_output=True, text=True, env=env
    )
    total, top = 0, []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, cumulative, name = line[len("import time:") :].split("|")
        if not self_us.strip().isdigit():
            continue  # the header line
        total += int(self_us)
        if not name[1:].startswith(" "):  # top-level: nested imports are indented
            top.append((int(cumulative), name.strip()))
    return total, top


def best_of(args: list[str], env: dict[str, str], runs: int) -> tuple[int, list[tuple[int, str]]]:
    """The run with the least total (import timing is noisy; the least is the cost)."""
    results = [importtime(args, env) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def wall_ms(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="import runs per command")
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan"
        commands = {
            "nigao --help": ["-m", "nigao", "--help"],
            "nigao new --help": ["-m", "nigao", "new", "--help"],
            "nigao check --help": ["-m", "nigao", "check", "--help"],
            "nigao ingest --help": ["-m", "nigao", "ingest", "--help"],
            "nigao new (example plan)": [
                *("-m", "nigao", "new", str(PLAN), "-o", str(out), "--force", "--no-check"),
            ],
        }
        for argv in commands.values():  # warm the bytecode caches
            subprocess.run([sys.executable, *argv], capture_output=True, env=env)
        base, _ = best_of(["-c", "pass"], env, args.runs)
        print(f"python -c pass imports: {base / 1000:.1f} ms (subtracted below)\n")
        print(f"{'command':<28}{'total ms':>10}{'- pass':>10}{'budget':>8}  verdict")
        tops = {}
        for label, argv in commands.items():
            total, top = best_of(argv, env, args.runs)
            own = (total - base) / 1000
            budget = BUDGET_MS[label]
            verdict = "OK" if total / 1000 <= budget else "OVER"
            print(f"{label:<28}{total / 1000:>10.1f}{own:>10.1f}{budget:>8}  {verdict}")
            tops[label] = top
        for label, top in tops.items():
            names = [r for r in sorted(top, reverse=True) if r[1] not in ("site", "encodings")]
            shown = ", ".join(f"{name} {us / 1000:.1f}" for us, name in names[:5])
            print(f"  top 5 of {label}: {shown}")

        script = shutil.which("nigao", path=str(Path(sys.executable).parent))
        help_cmd = [script, "--help"] if script else [sys.executable, "-m", "nigao", "--help"]
        runs = max(10, args.runs)
        shown = "nigao --help" if script else "python -m nigao --help"
        try:
            ms = wall_ms(help_cmd, runs, env)
        except subprocess.CalledProcessError as error:
            print(f"\nwall time: {shown} failed (exit {error.returncode}): {error.stderr[-300:]!r}")
            return 1
        bare = wall_ms([sys.executable, "-c", "pass"], runs, env)
        print(f"\nwall time, median of {runs}: {shown} {ms:.1f} ms  (python -c pass {bare:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
