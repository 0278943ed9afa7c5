"""The bounds of docs/LIMITS.md on 10 MB inputs: each command answers (a result or one Chinese
error line, never a traceback) within 300 MB resident, measured on the child process."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hostile import MAX_RSS_MB, run

TEN_MB = 10 * 1024 * 1024


def ten_megabytes_of_text() -> list[str]:
    """Paragraphs of varied Chinese text (no two alike), a numbered heading every 50."""
    rng = random.Random(14)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    lines: list[str] = []
    size = 0
    while size < TEN_MB:
        if len(lines) % 50 == 0:
            lines.append(f"{'一二三四五六七八九'[len(lines) % 9]}、第{len(lines)}部分")
        lines.append("".join(rng.choice(han) for _ in range(200)) + "。")
        size += len(lines[-1].encode("utf-8")) + 1
    return lines


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    lines = ten_megabytes_of_text()
    (folder / "big.txt").write_text("关于开展活动的实施方案\n" + "\n".join(lines) + "\n", "utf-8")
    body = "\n\n".join(("## " + line) if "、第" in line else line for line in lines)
    (folder / "big.md").write_text("---\nkind: plan\n---\n\n# 标题\n\n" + body + "\n", "utf-8")
    return folder


@pytest.mark.parametrize(
    "argv",
    [["ingest", "big.txt", "--out", "lib"], ["check", "big.txt"], ["check", "big.md"],
     ["export", "big.md", "--force"]],
    ids=["ingest", "check-txt", "check-md", "export"],
)  # fmt: skip
def test_a_ten_megabyte_input_stays_within_the_memory_bound(big: Path, argv: list[str]) -> None:
    assert (big / argv[1]).stat().st_size > TEN_MB
    result = run(argv, cwd=big, timeout=300)
    assert "Traceback" not in result.err, result.err[-2000:]
    assert result.code in (0, 1, 2), result.code
    assert result.peak_mb < MAX_RSS_MB, result.peak_mb
    if result.code and argv[0] != "check":  # check exits 1 for findings; others: one line
        assert len(result.lines) == 1, result.lines[:3]
        assert "上限" in result.lines[0] or "过" in result.lines[0]


def test_a_sample_at_the_length_limit_is_ingested_within_the_memory_bound(tmp_path: Path) -> None:
    from nigao.ingest.make_skeletons import MAX_SAMPLE_CHARS

    rng = random.Random(15)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    lines, size = ["关于开展活动的实施方案"], 0
    while size < MAX_SAMPLE_CHARS - 1000:
        if len(lines) % 50 == 1:
            lines.append(f"{'一二三四五六七八九'[len(lines) % 9]}、第{len(lines)}部分")
        lines.append("".join(rng.choice(han) for _ in range(200)) + "。")
        size += len(lines[-1]) + 1
    (tmp_path / "long.txt").write_text("\n".join(lines) + "\n", "utf-8")
    result = run(["ingest", "long.txt", "--out", "lib"], cwd=tmp_path, timeout=300)
    assert result.code == 0, result.err[-2000:]
    assert list((tmp_path / "lib").rglob("*.md.j2")), result.out[-2000:]
    assert result.peak_mb < MAX_RSS_MB, result.peak_mb
