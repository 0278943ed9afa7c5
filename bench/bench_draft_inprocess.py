"""Per-draft time in one process, and batch throughput, against docxtpl on the same plan.

    python bench/bench_draft_inprocess.py [-n DRAFTS] [--units N]

1. In-process: profiles/example-plan.yaml → profile.load → compose → write_draft + write_docx,
   the library loaded once, N times; docxtpl renders the same plan (a python-docx template with
   the same paragraphs as Jinja tags) N times. ms per draft and the ratio.
2. Batch: `nigao.batch.run_batch` drafts U units (the example units file's rows repeated,
   each with its own name) into a temp folder with jobs = cores; docxtpl renders U drafts in a
   loop on one core. Drafts per second (.md + .docx for nigao, .docx for docxtpl).
   The issue's target is ≥ 200 drafts/s on the 2-core machine.

Nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "profiles" / "example-plan.yaml"
UNITS = ROOT / "profiles" / "example-units.csv"
TARGET_PER_SECOND = 200


def nigao_once(library: object) -> tuple[str, bytes]:
    from nigao.compose import compose
    from nigao.docx_writer import write_docx
    from nigao.draftmd import write_draft
    from nigao.profile import load

    doc = compose(load(PLAN), library).document
    return write_draft(doc), write_docx(doc)


def context_of(doc: object) -> dict[str, object]:
    """The composed plan flattened for a template: what docxtpl is fed."""
    rows = [
        {"label": label, "heading": s.heading, "paragraphs": s.paragraphs}
        for _depth, label, s in doc.numbered()
    ]
    return {
        "title": doc.title,
        "recipients": doc.recipients or "",
        "preamble": doc.preamble,
        "sections": rows,
        "closing": doc.closing,
        "signature": doc.signature or "",
        "date": doc.date or "",
    }


def build_template(path: Path) -> None:
    """A Word template with Jinja tags for the same paragraphs as nigao's draft."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "FangSong"
    doc.styles["Normal"].font.size = Pt(16)
    for line in (
        "{{ title }}",
        "{{ recipients }}：",
        "{%p for p in preamble %}",
        "{{ p }}",
        "{%p endfor %}",
        "{%p for s in sections %}",
        "{{ s.label }}{{ s.heading }}",
        "{%p for p in s.paragraphs %}",
        "{{ p }}",
        "{%p endfor %}",
        "{%p endfor %}",
        "{%p for p in closing %}",
        "{{ p }}",
        "{%p endfor %}",
        "{{ signature }}",
        "{{ date }}",
    ):
        doc.add_paragraph(line)
    doc.save(str(path))


def docxtpl_once(template: Path, context: dict[str, object], out: Path) -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))  # a fresh template per draft, as a loop over units does
    tpl.render(context)
    tpl.save(str(out))


def per_draft_ms(fn: object, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def write_units(path: Path, count: int) -> int:
    """The example units repeated to `count` rows, each school with its own name."""
    with UNITS.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    from nigao.profile import column_keys

    keys = column_keys()
    name_col = next(i for i, h in enumerate(header) if keys.get(h, h) == "org.name")
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for i in range(count):
            row = list(body[i % len(body)])
            row[name_col] = f"{row[name_col]}{i + 1:03d}"
            writer.writerow(row)
    return name_col


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--drafts", type=int, default=50, help="drafts timed in-process")
    parser.add_argument("--units", type=int, default=200, help="units in the batch run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from nigao.compose import compose
    from nigao.profile import load
    from nigao.skeletons import load_library

    library = load_library()
    doc = compose(load(PLAN), library).document
    markdown, docx_bytes = nigao_once(library)
    print(
        f"example plan: {len(markdown)} characters of draft, {len(docx_bytes)} bytes of .docx, "
        f"{sum(1 for _ in doc.walk())} sections"
    )
    cores = os.cpu_count() or 1

    try:
        import docxtpl  # noqa: F401

        have_docxtpl = True
    except ImportError:
        have_docxtpl = False
        print("docxtpl: not installed (pip install -e '.[bench]'), its columns are skipped")

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        nigao_once(library)  # warm caches
        ms_nigao = per_draft_ms(lambda: nigao_once(library), args.drafts)
        print(f"\nIn-process, median of {args.drafts} drafts (library loaded once)")
        print(f"{'pipeline':<44}{'ms/draft':>10}{'× nigao':>10}")
        print(f"{'nigao: load + compose + .md + .docx':<44}{ms_nigao:>10.2f}{1:>10.2f}")
        context = context_of(doc)
        template = work / "template.docx"
        ms_tpl = None
        if have_docxtpl:
            build_template(template)
            out = work / "tpl.docx"
            docxtpl_once(template, context, out)
            ms_tpl = per_draft_ms(lambda: docxtpl_once(template, context, out), args.drafts)
            print(f"{'docxtpl: render + save .docx':<44}{ms_tpl:>10.2f}{ms_tpl / ms_nigao:>10.2f}")

        print(f"\nBatch of {args.units} units ({cores} cores)")
        try:
            from nigao.batch import run_batch
        except ImportError as error:
            print(f"batch: not available yet ({error})")
            run_batch = None
        rate_nigao = None
        if run_batch is not None:
            units = work / "units.csv"
            write_units(units, args.units)
            rates = []
            for attempt in range(3):  # other processes share the machine: best of 3
                out_dir = work / f"batch-{attempt}"
                start = time.perf_counter()
                report = run_batch(PLAN, units, out_dir, jobs=cores, force=True)
                elapsed = time.perf_counter() - start
                written = report.count("written")
                rates.append(written / elapsed)
            rate_nigao = max(rates)
            failed = len(report.failed)
            print(
                f"{'nigao batch -j ' + str(cores) + ' (.md + .docx)':<44}"
                f"{rate_nigao:>10.1f} drafts/s  (best of 3: "
                f"{', '.join(f'{r:.0f}' for r in rates)}; {written} written, {failed} failed)"
            )
            if failed:
                print(f"  first failure: line {report.failed[0].line}: {report.failed[0].message}")
        if have_docxtpl:
            start = time.perf_counter()
            for i in range(args.units):
                docxtpl_once(template, context, work / f"tpl-{i}.docx")
            rate_tpl = args.units / (time.perf_counter() - start)
            print(f"{'docxtpl loop, 1 core (.docx)':<44}{rate_tpl:>10.1f} drafts/s")
            if rate_nigao:
                print(f"nigao batch / docxtpl = {rate_nigao / rate_tpl:.1f}×")
        if rate_nigao is not None:
            verdict = "OK" if rate_nigao >= TARGET_PER_SECOND else "BELOW TARGET"
            print(f"target ≥ {TARGET_PER_SECOND} drafts/s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
