"""The parse cache (nigao/cache.py): a second run of the same inputs reads parsed YAML from the
user's cache folder; output stays byte-identical, errors are never cached, and a folder that
cannot be written is skipped without a word."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from conftest import nigao_argv

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "profiles" / "example-plan.yaml"


def run(args: list[str], cwd: Path, cache: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NIGAO_CACHE": cache}
    return subprocess.run(
        [*nigao_argv(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def drafted(tmp_path: Path, name: str, cache: str) -> tuple[bytes, bytes]:
    out = tmp_path / name
    result = run(["new", str(PLAN), "-o", str(out)], tmp_path, cache)
    assert result.returncode == 0, result.stderr
    return out.with_suffix(".md").read_bytes(), out.with_suffix(".docx").read_bytes()


def test_cached_run_writes_the_same_bytes_as_an_uncached_one(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain = drafted(tmp_path, "off", "off")
    first = drafted(tmp_path, "first", str(cache))
    assert any(cache.rglob("*")), "the first run fills the cache"
    second = drafted(tmp_path, "second", str(cache))
    assert plain == first == second


def test_a_changed_skeleton_is_read_again(tmp_path: Path) -> None:
    """The cache is keyed by content: editing a front matter changes what the next run sees."""
    cache = str(tmp_path / "cache")
    lib = tmp_path / "lib"
    shutil.copytree(ROOT / "tests" / "fixtures" / "library", lib)
    skeleton = next(p for p in sorted(lib.rglob("*.md.j2")) if "heading:" in p.read_text("utf-8"))
    env_lib = ["--library", str(lib)]
    assert run(["skeletons", "list", *env_lib], tmp_path, cache).returncode == 0
    text = skeleton.read_text(encoding="utf-8")
    skeleton.write_text(text.replace("---\n", "---\nrole: [\n", 1), encoding="utf-8")
    broken = run(["skeletons", "list", *env_lib], tmp_path, cache)
    assert broken.returncode != 0
    assert skeleton.name in broken.stderr


def test_profile_errors_are_reported_on_every_run(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    bad = tmp_path / "bad.yaml"
    bad.write_text(PLAN.read_text(encoding="utf-8").replace("kind: plan", "kind: 计划书"), "utf-8")
    for _ in range(2):
        result = run(["new", str(bad), "-o", str(tmp_path / "x")], tmp_path, cache)
        assert result.returncode != 0
        assert "bad.yaml:" in result.stderr and "kind" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_a_cache_path_that_is_a_file_is_skipped(tmp_path: Path) -> None:
    """Works as any user, root included: the cache 'folder' is an existing file."""
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    result = run(["new", str(PLAN), "-o", str(tmp_path / "d")], tmp_path, str(blocker))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d.docx").exists()
    assert blocker.read_text(encoding="utf-8") == "not a folder"
