"""Benchmark: ingest 1,000 documents in-process and print documents per second.

The documents are the seeds with varied names and lengths (sections repeated or cut),
generated in memory; each is read, cleaned, outlined, classified and turned into skeletons
(the library is written once at the end, to a temporary folder). Run:

    python3 bench/bench_ingest.py [N]
"""

from __future__ import annotations

import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nigao.ingest.library import build_skeletons, choose_defaults, write_library  # noqa: E402
from nigao.ingest.reader import text_result  # noqa: E402

COUNTIES = ["青川", "安吉", "平遥", "婺源", "凤凰", "阳朔", "丽水", "宏村", "桐庐", "德清"]


def variants(n: int) -> list[tuple[str, str]]:
    """n (name, text) pairs: seeds with another county name and more or fewer sections."""
    rng = random.Random(20270301)
    seeds = [
        (p.stem, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    out = []
    for i in range(n):
        stem, text = seeds[i % len(seeds)]
        county = COUNTIES[i % len(COUNTIES)]
        text = re.sub(r"海州|新安|樊城", county, text)
        lines = text.split("\n")
        factor = rng.choice([0.5, 1, 1, 2])
        if factor == 2:
            lines = lines + [line for line in lines if len(line) > 60]
        elif factor == 0.5:
            lines = lines[: max(20, len(lines) // 2)]
        out.append((f"{i:04d}_{stem[4:]}_{county}.txt", "\n".join(lines)))
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    docs = variants(n)
    text_result(docs[0][1], "warm-up")  # load tables, compile patterns, create OpenCC once
    chars = sum(len(text) for _name, text in docs)
    start, cpu = time.perf_counter(), time.process_time()
    skeletons = []
    for index, (name, text) in enumerate(docs):
        result = text_result(text, name)
        skeletons.extend(build_skeletons(result, f"bench/{name}", f"s{index:04d}"))
    parsed = time.perf_counter() - start
    parsed_cpu = time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        choose_defaults(skeletons, set())
        write_library(Path(tmp), skeletons, set())
    total = time.perf_counter() - start
    print(f"ingest: {n} documents, {chars / 1e6:.1f} M characters, {len(skeletons)} skeletons")
    print(
        f"  read+clean+outline+slots: {parsed:.2f} s = {n / parsed:.0f} documents/s "
        f"(CPU {parsed_cpu:.2f} s = {n / parsed_cpu:.0f} documents/s on one core)"
    )
    print(f"  including writing the library: {total:.2f} s = {n / total:.0f} documents/s")


if __name__ == "__main__":
    main()
