"""Writing outputs: never half a file, never over a file without --force, readable by others."""

from __future__ import annotations

import os
import stat

import pytest

from nigao.errors import NigaoError
from nigao.fsutil import atomic_write, check_writable, safe_name


def test_atomic_write_leaves_no_temporary_file(tmp_path) -> None:
    target = tmp_path / "a.md"
    atomic_write(target, "正文")
    assert target.read_text(encoding="utf-8") == "正文"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


def test_written_files_follow_the_umask(tmp_path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "a.docx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.docx").stat().st_mode) == 0o644


def test_existing_output_is_refused_without_force(tmp_path) -> None:
    target = tmp_path / "a.md"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(NigaoError, match="--force"):
        check_writable([target], force=False)
    check_writable([target], force=True)
    assert target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "_.._etc_passwd"),
        ("/abs/x", "_abs_x"),
        ("a\x00b", "a_b"),
        ("CON", "_CON"),
        ("..", "未命名"),
        ("云溪县第一中学", "云溪县第一中学"),
    ],
)
def test_safe_name_cannot_leave_the_folder(raw: str, expected: str) -> None:
    name = safe_name(raw)
    assert name == expected
    assert "/" not in name and "\\" not in name and "\x00" not in name
