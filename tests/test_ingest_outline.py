"""Every entry of tests/data/seed-outlines.yaml, checked against what `read_source` finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from nigao.ingest import read_source
from nigao.ingest.normalize import normalize_line, normalize_text, to_simplified
from nigao.ingest.outline import numbering

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = yaml.safe_load((ROOT / "tests/data/seed-outlines.yaml").read_text(encoding="utf-8"))
NOTE = re.compile(r"\s*\((?:the |item |unbalanced|cut off|a name|names).*\)$")


def _norm(text: str) -> str:
    """Expected strings as ingest writes them: Simplified, full-width punctuation."""
    return normalize_line(to_simplified(text))


def _clean_expected(text: str) -> str:
    return _norm(NOTE.sub("", text)).strip()


_RESULTS: dict[str, object] = {}


def result(name: str):
    if name not in _RESULTS:
        _RESULTS[name] = read_source(SEEDS / name)
    return _RESULTS[name]


def _flat(name: str) -> list[tuple[int, object]]:
    return list(result(name).document.walk())


GROUP = re.compile(r"\(items (\d+)\.–(\d+)\.\)")


def _span(entry: dict) -> int:
    """How many sections an entry stands for ("(items 1.–6.)" stands for six)."""
    group = GROUP.search(entry["heading"])
    return int(group.group(2)) - int(group.group(1)) + 1 if group else 1


def _entries():
    for name, spec in EXPECTED.items():
        parent_roles: dict[int, str | None] = {}
        offset = 0
        for i, entry in enumerate(spec["sections"]):
            depth = entry["depth"]
            role = entry.get("role") or parent_roles.get(depth - 1)
            parent_roles[depth] = role
            for k in range(_span(entry)):
                yield pytest.param(name, offset + k, entry, role, id=f"{name[:3]}-{i:02d}-{k}")
            offset += _span(entry)


def _heading_matches(expected: str, actual: str) -> bool:
    if "……" in expected:
        return actual.startswith(_norm(expected.split("……")[0]))
    if " (" in expected:
        return actual.startswith(_norm(expected.split(" (")[0]))
    return actual == _norm(expected)


@pytest.mark.parametrize(("name", "index", "entry", "role"), list(_entries()))
def test_section(name, index, entry, role):
    flat = _flat(name)
    assert index < len(flat), f"only {len(flat)} sections found"
    depth, section = flat[index]
    if _span(entry) == 1 or index == 0 or _flat(name)[index - 1][0] != depth:
        assert _heading_matches(entry["heading"], section.heading), section.heading
    assert depth == entry["depth"]
    assert section.role == role
    if not entry.get("either"):
        assert section.run_in is bool(entry.get("run_in", False))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_section_count_kind_title(name):
    spec = EXPECTED[name]
    res = result(name)
    assert len(_flat(name)) == sum(_span(entry) for entry in spec["sections"])
    assert res.document.kind == spec["kind"]
    assert res.document.title == _norm(spec["title"])
    assert res.script == spec.get("script", "simplified")
    assert res.truncated is bool(spec.get("truncated", False))
    if res.truncated:
        assert res.warnings, "a truncated document must say so"
    assert res.document.recipients == (_norm(spec["recipients"]) if "recipients" in spec else None)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_preamble_and_closing(name):
    spec = EXPECTED[name]
    doc = result(name).document
    if "preamble_starts" in spec:
        assert doc.preamble and doc.preamble[0].startswith(_norm(spec["preamble_starts"]))
    else:
        assert doc.preamble == []
    if "closing_starts" in spec:
        assert doc.closing and doc.closing[0].startswith(_norm(spec["closing_starts"]))
    else:
        assert doc.closing == []


def _output_blocks(name: str) -> list[str]:
    doc = result(name).document
    blocks = [doc.title] + ([doc.recipients] if doc.recipients else []) + list(doc.preamble)
    for _depth, section in doc.walk():
        blocks.append(section.heading)
        blocks.extend(section.paragraphs)
    return blocks + list(doc.closing)


def _noise(name: str) -> list[str]:
    return [n for n in (_clean_expected(x) for x in EXPECTED[name].get("noise", [])) if n]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_noise_removed(name):
    res = result(name)
    blocks = _output_blocks(name)[1:]  # the title itself is kept, as the title
    for noise in _noise(name):
        if noise == "the repeated title line" or noise == res.document.title:
            assert res.document.title not in blocks
            continue
        assert any(line.startswith(noise) for line in res.removed), noise
        if len(noise) > 3:
            assert not any(block.startswith(noise) for block in blocks), noise
        else:
            assert noise not in blocks


_PUNCT = re.compile(r"[\s，。、；：！？“”‘’（）《》【】…—,.;:!?()\"'·\-]")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_document_text_lost(name):
    """Every character of every non-noise line is in the output, in order."""
    res = result(name)
    noise = _noise(name)
    text, _script = normalize_text((SEEDS / name).read_text(encoding="utf-8"))
    source_chars: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line or any(line.startswith(n) for n in noise if n != "the repeated title line"):
            continue
        if line == res.document.title:
            continue
        found = numbering(line)
        if found:
            line = found[2]
        source_chars.extend(_PUNCT.sub("", line))
    output = iter(_PUNCT.sub("", "".join(_output_blocks(name))))
    missing = [ch for ch in source_chars if ch not in output]
    assert not missing, "".join(missing[:40])


@pytest.mark.parametrize(
    "name", sorted(n for n in EXPECTED if "inline_enumerations" in EXPECTED[n])
)
def test_inline_enumerations_stay_in_paragraphs(name):
    doc = result(name).document
    headings = [s.heading for _d, s in doc.walk()]
    paragraphs = [p for _d, s in doc.walk() for p in s.paragraphs]
    for item in EXPECTED[name]["inline_enumerations"]:
        if item.startswith("…"):
            continue
        item = _norm(item)
        assert any(item in p for p in paragraphs), item
        assert not any(h.startswith(item[:6]) for h in headings), item
