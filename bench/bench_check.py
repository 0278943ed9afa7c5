"""How long `nigao check` takes on a six-page draft, in-process.

    python bench/bench_check.py [-n RUNS]

Drafts profiles/example-summary.yaml through the library (falling back to a built-in plan),
repeats its sections until it fills at least six pages of the 22-line, 28-character grid,
writes the draft Markdown to a temporary file, and times `check_path(draft, profile=…)` —
reading, every rule, the profile's content rules. Prints the first (cold) run, the median and
90th percentile of N runs in ms, and throughput. The budget is 50 ms (issue 5). Nothing here
is asserted by tests.
"""

from __future__ import annotations

import argparse
import copy
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pages(doc) -> float:
    """Estimated pages: every block wraps at 28 characters, 22 lines a page."""
    lines = 4  # title and spacing
    for block in doc.paragraphs():
        lines += math.ceil((len(block) + 2) / 28)
    return lines / 22


def built_in_draft():
    """A small plan, used when the example cannot be drafted (e.g. a library being rebuilt)."""
    from nigao.model import Document, Section

    text = (
        "各学校要把这项工作摆在突出位置，主要负责同志亲自抓，分管负责同志具体抓，确保各项任务"
        "落到实处。县教育局将适时组织督导检查，对工作推进不力的单位予以通报。"
    )
    sections = [
        Section(
            h,
            paragraphs=[text],
            sections=[Section(f"{h}的具体要求。", run_in=True, paragraphs=[text])],
        )
        for h in ("指导思想", "工作目标", "主要任务", "实施步骤", "保障措施")
    ]
    return Document(
        title="岚溪县教育局关于开展“强师兴校”主题活动的实施方案",
        preamble=[text],
        sections=sections,
        signature="岚溪县教育局",
        date="2027年3月1日",
    )


def six_page_draft():
    from nigao.errors import NigaoError

    profile_path = ROOT / "profiles" / "example-summary.yaml"
    try:
        from nigao.compose import compose
        from nigao.profile import load
        from nigao.skeletons import load_library

        doc = compose(load(profile_path), load_library()).document
    except NigaoError as error:
        print(f"example not drafted ({error}); using a built-in plan")
        doc = built_in_draft()
    base = copy.deepcopy(doc.sections)
    while pages(doc) < 6:
        doc.sections.extend(copy.deepcopy(base))
    return doc, profile_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=50)
    args = parser.parse_args()

    from nigao.draftmd import write_draft

    doc, profile_path = six_page_draft()
    text = write_draft(doc)
    chars = sum(len(b) for b in doc.paragraphs())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.md"
        path.write_text(text, encoding="utf-8")

        start = time.perf_counter()
        import nigao.check as check
        from nigao.check import profile_facts

        facts = profile_facts(str(profile_path))
        findings = check.check_path(path, profile=facts)
        cold = (time.perf_counter() - start) * 1000

        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            check.check_path(path, profile=facts)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    median = statistics.median(times)
    p90 = times[int(len(times) * 0.9) - 1]
    print(f"draft: {pages(doc):.1f} pages, {chars} characters, {len(text.splitlines())} lines")
    print(f"findings: {len(findings)}")
    print(f"cold first check (imports and tables): {cold:.1f} ms")
    print(f"check_path, {args.runs} runs: median {median:.1f} ms, p90 {p90:.1f} ms (budget 50 ms)")
    print(f"throughput: {pages(doc) / median * 1000:.0f} pages/s, {chars / median:.0f}k chars/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
