"""The ingest figures on the real-document corpus (corpus/, bench/corpus_score.py) cannot fall back.

Each split's figures are pinned at what ingest measured when this floor was last raised:
a change that loses a title, a kind, a level-1 heading or a role on either split fails here.
Rules are tuned on `dev` only; `heldout` measures whether they generalise (corpus/README.md).
When the corpus grows, re-measure (`python bench/corpus_score.py --quiet`) and reset the floors.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# split → figure → floor (ratios) or ceiling (counts of documents with a problem).
FLOORS = {
    "dev": {"title": 0.8667, "kind": 0.9667, "level1_recall": 0.8657, "role_accuracy": 0.931},
    "heldout": {"title": 0.6522, "kind": 0.8696, "level1_recall": 0.9531, "role_accuracy": 0.8197},
    "seeds": {"title": 1.0, "kind": 1.0, "level1_recall": 1.0, "role_accuracy": 1.0},
}
CEILINGS = {
    "dev": {"docs_clutter_over_1": 0, "docs_text_lost": 1, "errors": 0},
    "heldout": {"docs_clutter_over_1": 1, "docs_text_lost": 0, "errors": 0},
    "seeds": {"docs_clutter_over_1": 0, "docs_text_lost": 0, "errors": 0},
}


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "bench/corpus_score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_FIGURES: dict[str, dict] = {}


def figures(split: str) -> dict:
    if split not in _FIGURES:
        _FIGURES[split] = _scorer().score(split)
    return _FIGURES[split]


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_corpus_figures_do_not_fall_back(split):
    got = figures(split)
    assert got["documents"] > 0
    low = {k: (got[k], floor) for k, floor in FLOORS[split].items() if got[k] < floor}
    high = {k: (got[k], ceiling) for k, ceiling in CEILINGS[split].items() if got[k] > ceiling}
    assert not low and not high, (low, high)
