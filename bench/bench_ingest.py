"""Benchmark: ingest 1,000 documents in-process and print documents per second.

The documents are the seeds with varied names and lengths (sections repeated or cut),
generated in memory; each is read, cleaned, outlined, classified and turned into skeletons
(the library is written once at the end, to a temporary folder). A fifth of them are then
read again as saved .html pages (menu, link sidebar, footer) through nigao.readers. Run:

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

from nigao.ingest.make_skeletons import (  # noqa: E402
    _all_texts,
    build_skeletons,
    choose_defaults,
    write_library,
)
from nigao.ingest.reader import source_result, text_result  # noqa: E402
from nigao.ingest.subject import Shared, body_grams  # noqa: E402
from nigao.readers import read_text_source  # noqa: E402

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
    # as `nigao ingest` does: every document read first, so each one's topic words are told
    # from the wording the others share (ingest/subject.py), then the skeletons built
    shared = Shared()
    read = []
    for name, text in docs:
        result = text_result(text, name)
        grams = body_grams(_all_texts(result))
        shared.add(grams)
        read.append((name, result, grams))
    for index, (name, result, grams) in enumerate(read):
        skeletons.extend(build_skeletons(result, f"bench/{name}", f"s{index:04d}", shared, grams))
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
    pages = [
        (name.replace(".txt", ".html"), as_page(text)) for name, text in docs[: max(1, n // 5)]
    ]
    start, cpu = time.perf_counter(), time.process_time()
    for index, (name, page) in enumerate(pages):
        result = source_result(read_text_source(page, name, ".html"))
        build_skeletons(result, f"bench/{name}", f"h{index:04d}")
    parsed, parsed_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"  saved .html pages (menu, link sidebar, footer; read+article+outline+slots): "
        f"{len(pages)} in {parsed:.2f} s = {len(pages) / parsed:.0f} documents/s "
        f"(CPU {len(pages) / parsed_cpu:.0f} documents/s on one core)"
    )


def as_page(text: str) -> str:
    """A document as a site would serve it: menu, breadcrumbs, a sidebar of dated links."""
    menu = "".join(f'<li><a href="/c{i}">栏目{i}</a></li>' for i in range(12))
    side = "".join(f'<li><a href="/a{i}">通知公告第{i}号</a>[08-{i + 10}]</li>' for i in range(10))
    body = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    return (
        "<html><head><title>范文</title><script>var x=1;</script></head><body>"
        f"<ul class='nav'>{menu}</ul><div>当前位置：<a href='/'>首页</a> &gt; 正文</div>"
        f"<ul>{side}</ul><div class='article'>{body}</div>"
        "<div class='foot'>版权所有 © 某某 | 地址：某路1号 | 电话：0000-1234567</div></body></html>"
    )


if __name__ == "__main__":
    main()
