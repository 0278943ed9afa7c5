"""How long `nigao new profiles/example-plan.yaml` takes as a whole process, against the same
plan drafted by docxtpl (a python-docx template with Jinja tags) and by Jinja2 → Markdown →
pandoc. Each is timed as the drafter would wait for it: start a process, get a .docx.

    python bench/bench_new.py [-n RUNS] [--importtime]

Prints the median of N runs in milliseconds and the ratios. Nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import json
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
FIXTURES = ROOT / "tests" / "fixtures" / "library"

DOCXTPL_RENDER = """
import json, sys
from docxtpl import DocxTemplate
tpl = DocxTemplate(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as f:
    ctx = json.load(f)
tpl.render(ctx)
tpl.save(sys.argv[3])
"""

PANDOC_RENDER = """
import json, subprocess, sys
import jinja2
with open(sys.argv[1], encoding="utf-8") as f:
    ctx = json.load(f)
tpl = jinja2.Template(sys.argv[4])
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(tpl.render(**ctx))
subprocess.run(["pandoc", sys.argv[2], "-o", sys.argv[3]], check=True)
"""

MD_TEMPLATE = """# {{ title }}

{{ recipients }}：

{% for p in preamble %}{{ p }}

{% endfor %}{% for s in sections %}{{ '#' * (s.depth + 1) }} {{ s.label }}{{ s.heading }}

{% for p in s.paragraphs %}{{ p }}

{% endfor %}{% endfor %}{% for p in closing %}{{ p }}

{% endfor %}{{ signature }}

{{ date }}
"""


CPU: dict[str, float] = {}  # label → median CPU ms (user + system) of the same runs


def median_ms(
    command: list[str],
    runs: int,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    label: str | None = None,
) -> float:
    """Median wall ms; with `label`, also the median CPU ms of the child in CPU[label] (on a
    machine shared with other work, CPU time is what the wall time would be on an idle one)."""
    import resource

    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd)
        times.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
    if label:
        CPU[label] = statistics.median(cpu)
    return statistics.median(times)


def plan_context(env: dict[str, str]) -> dict[str, object]:
    """The composed example plan, flattened: what a docxtpl / pandoc template would be fed."""
    code = (
        "import json,sys\n"
        "from nigao import profile, skeletons, compose\n"
        "d = compose.compose(profile.load(sys.argv[1]), skeletons.load_library()).document\n"
        "rows = [dict(depth=depth, label=label, heading=s.heading, paragraphs=s.paragraphs)\n"
        "        for depth, label, s in d.numbered()]\n"
        "print(json.dumps(dict(title=d.title, recipients=d.recipients, preamble=d.preamble,\n"
        "    sections=rows, closing=d.closing, signature=d.signature, date=d.date),\n"
        "    ensure_ascii=False))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(PLAN)], check=True, capture_output=True, text=True, env=env
    )
    return json.loads(out.stdout)


def build_docxtpl_template(path: Path) -> None:
    """A Word template with Jinja tags for the same content (title, body loop, signature)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(16)
    doc.add_paragraph("{{ title }}")
    doc.add_paragraph("{{ recipients }}：")
    doc.add_paragraph("{%p for p in preamble %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for s in sections %}")
    doc.add_paragraph("{{ s.label }}{{ s.heading }}")
    doc.add_paragraph("{%p for p in s.paragraphs %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for p in closing %}")
    doc.add_paragraph("{{ p }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ signature }}")
    doc.add_paragraph("{{ date }}")
    doc.save(str(path))


def import_profile(env: dict[str, str], out: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "nigao",
            "new",
            str(PLAN),
            "-o",
            str(out),
            "--force",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _, cumulative, name = line.split("|")
        # " name" is a top-level import; nested ones are indented two more spaces per level.
        if cumulative.strip().isdigit() and not name[1:].startswith(" "):
            rows.append((int(cumulative), name.strip()))
    top = [r for r in rows if not r[1].startswith(("encodings", "_"))]
    print("\nTop-level imports of `nigao new` (cumulative µs):")
    for cumulative, name in sorted(top, reverse=True)[:12]:
        print(f"  {cumulative / 1000:7.1f} ms  {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true", help="also show import costs")
    args = parser.parse_args()

    env = dict(os.environ)
    # Installed packages have their .pyc files; a PYTHONDONTWRITEBYTECODE shell would make
    # every pipeline recompile its sources on each run. Cache bytecode in a private folder.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.path.insert(0, str(ROOT / "src"))
    from nigao.skeletons import load_library

    if not len(load_library([], shipped=True)):
        env["NIGAO_LIBRARY"] = str(FIXTURES)
        print("note: templates/ is empty; using the test fixture skeletons")

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        out = work / "nigao" / "plan"
        nigao_cmd = [sys.executable, "-m", "nigao", "new", str(PLAN), "-o", str(out), "--force"]
        # The parse cache (nigao/cache.py) in a private folder: filled by the warm-up run, as
        # the user's own is after a first draft. "cache off" is every run parsing all YAML
        # again, as a first draft of a just-edited profile does for that profile.
        env["NIGAO_CACHE"] = str(work / "cache")
        cold = {**env, "NIGAO_CACHE": "off"}
        for label, extra, run_env in (
            ("nigao new", [], env),
            ("nigao new --no-check", ["--no-check"], env),
            ("nigao new (cache off)", [], cold),
        ):
            subprocess.run(nigao_cmd + extra, check=True, capture_output=True, env=run_env)
            results[label] = median_ms(nigao_cmd + extra, args.runs, run_env, label=label)
        chars = len((out.parent / "plan.md").read_text(encoding="utf-8"))
        results["python -c pass"] = median_ms(
            [sys.executable, "-c", "pass"], args.runs, env, label="python -c pass"
        )

        ctx = plan_context(env)
        ctx_path = work / "ctx.json"
        ctx_path.write_text(json.dumps(ctx, ensure_ascii=False), encoding="utf-8")

        try:
            import docxtpl  # noqa: F401

            template = work / "tpl.docx"
            build_docxtpl_template(template)
            cmd = [
                sys.executable,
                "-c",
                DOCXTPL_RENDER,
                str(template),
                str(ctx_path),
                str(work / "tpl-out.docx"),
            ]
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            results["docxtpl"] = median_ms(cmd, args.runs, env, label="docxtpl")
        except ImportError:
            print("docxtpl not installed (pip install -e '.[bench]'): skipped")

        if shutil.which("pandoc"):
            cmd = [
                sys.executable, "-c", PANDOC_RENDER, str(ctx_path), str(work / "p.md"),
                str(work / "p.docx"), MD_TEMPLATE,
            ]  # fmt: skip
            subprocess.run(cmd, check=True, capture_output=True, env=env)
            results["jinja2 → pandoc"] = median_ms(cmd, args.runs, env)
        else:
            print("pandoc not installed: skipped")

        base = results["nigao new"]
        print(
            f"\nnigao new profiles/example-plan.yaml  ({chars} characters of draft, median of {args.runs} runs)"
        )
        print(f"{'pipeline':<24}{'ms':>10}{'× nigao new':>14}{'CPU ms':>10}")
        for name, ms in results.items():
            cpu = f"{CPU[name]:>10.1f}" if name in CPU else ""
            print(f"{name:<24}{ms:>10.1f}{ms / base:>14.2f}{cpu}")
        if "docxtpl" in results:
            print(f"docxtpl / nigao new = {results['docxtpl'] / base:.2f}")
            for label in ("nigao new", "nigao new (cache off)"):
                wall = results[label] / results["docxtpl"]
                cpu_ratio = CPU[label] / CPU["docxtpl"]
                print(f"{label} / docxtpl = {wall:.2f} wall, {cpu_ratio:.2f} CPU  (target ≤ 0.6)")
        if args.importtime:
            import_profile(env, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
