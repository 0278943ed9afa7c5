"""How long `nigao.docx_writer.write_docx` takes on a six-page plan, in-process.

    python bench/bench_writer.py [-n RUNS]

Builds a plan like profiles/example-plan.yaml in memory (title, 主送机关, headings at all four
depths with run-in ones, a 【待填】 marker, 附件, 署名, 成文日期, 版头 and 版记), estimates its
pages on the 22-line grid, and prints the median and 90th percentile of N writes in ms.
The budget is 15 ms (issue 4). Nothing here is asserted by tests.
"""

from __future__ import annotations

import argparse
import statistics
import time

from nigao.model import Document, Section

SENTENCES = [
    "各学校要把这项工作摆在突出位置，主要负责同志亲自抓，分管负责同志具体抓，确保各项任务落到实处。",
    "要坚持问题导向，聚焦群众反映强烈的突出问题，建立问题清单、任务清单和责任清单，逐项推动解决。",
    "县教育局将适时组织督导检查，对工作推进不力、措施落实不到位的单位予以通报，并纳入年度目标考核。",
    "充分利用校园广播、宣传栏、家长会和微信公众号等渠道，广泛宣传活动的意义和要求，营造浓厚氛围。",
    "各学校要结合实际制定具体实施方案，明确时间表和路线图，于2027年3月15日前报县教育局办公室备案。",
]
HEADINGS = ["指导思想", "工作目标", "主要任务", "实施步骤", "组织领导", "保障措施"]


def example_plan() -> Document:
    n = iter(range(100_000))

    def para(k: int = 2) -> str:
        i = next(n)
        return "".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(k))

    sections = []
    for a, heading in enumerate(HEADINGS):
        kids = [
            Section(
                f"第{b + 1}项重点工作。" if b % 2 == 0 else "细化工作举措",
                paragraphs=[para(2)],
                run_in=b % 2 == 0,
                sections=[Section("明确责任", paragraphs=[para(1)])] if a == 2 and b == 1 else [],
            )
            for b in range(3 if a in (2, 3) else 2)
        ]
        sections.append(Section(heading, paragraphs=[para(2)], sections=kids))
    return Document(
        title="青川县教育局关于开展“强师兴校”大讨论活动的实施方案",
        recipients="局属各学校（单位）",
        preamble=[para(2) + "活动时间为【待填：活动时间】。"],
        sections=sections,
        closing=["请各学校认真贯彻落实。"],
        attachments=["“强师兴校”大讨论活动领导小组成员名单", "活动安排表"],
        signature="青川县教育局",
        date="2027年3月1日",
        doc_number="青教发〔2027〕8号",
        issuer_mark="青川县教育局文件",
        cc="县委办，县政府办",
        printer="青川县教育局办公室",
        print_date="2027年3月1日",
        author="青川县教育局",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=200)
    args = parser.parse_args()
    t0 = time.perf_counter()
    from nigao import docx_writer

    import_ms = (time.perf_counter() - t0) * 1000
    doc = example_plan()
    first_t = time.perf_counter()
    data = docx_writer.write_docx(doc)
    first_ms = (time.perf_counter() - first_t) * 1000
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        docx_writer.write_docx(doc)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    pages = -(-docx_writer.estimate_rows(doc) // 22)
    print(f"document: {pages} pages on the 22-line grid, {len(data) / 1024:.0f} KiB .docx")
    print(f"import nigao.docx_writer: {import_ms:.1f} ms; first write: {first_ms:.2f} ms")
    print(
        f"write_docx: median {statistics.median(times):.2f} ms, "
        f"p90 {times[int(len(times) * 0.9)]:.2f} ms over {args.runs} runs (budget 15 ms)"
    )


if __name__ == "__main__":
    main()
