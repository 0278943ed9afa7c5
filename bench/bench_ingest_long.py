"""Benchmark: CPU seconds to ingest one long sample of 1, 2 and 4 MB (linear, not quadratic).

The sample is varied Chinese text with a numbered heading every 50 paragraphs, as in
tests/test_hostile_limits.py; the length refusal (MAX_SAMPLE_CHARS) is lifted for the run. Run:

    python3 bench/bench_ingest_long.py [MB ...]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from nigao.ingest import make_skeletons  # noqa: E402


def sample(megabytes: float) -> str:
    """About `megabytes` of UTF-8 text: a title, paragraphs of 200 characters, headings."""
    rng = random.Random(14)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    lines: list[str] = ["关于开展活动的实施方案"]
    size = 0
    while size < megabytes * 1024 * 1024:
        if len(lines) % 50 == 1:
            lines.append(f"{'一二三四五六七八九'[len(lines) % 9]}、第{len(lines)}部分")
        lines.append("".join(rng.choice(han) for _ in range(200)) + "。")
        size += len(lines[-1].encode("utf-8")) + 1
    return "\n".join(lines) + "\n"


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [1.0, 2.0, 4.0]
    make_skeletons.MAX_SAMPLE_CHARS = 10**9
    for megabytes in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "long.txt"
            text = sample(megabytes)
            path.write_text(text, "utf-8")
            cpu = time.process_time()
            make_skeletons.ingest_paths([path], Path(tmp) / "lib")
            seconds = time.process_time() - cpu
        print(f"ingest one {megabytes:g} MB sample ({len(text)} characters): CPU {seconds:.2f} s")


if __name__ == "__main__":
    main()
