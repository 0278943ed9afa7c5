"""The data tables (src/nigao/data/*.yaml): each read once per process, through the parse cache.

Every module that needs a table calls `table(name)`; callers share the returned object, so
they must not change it (copy first). Rules as data: docs/ARCHITECTURE.md, "Who owns what".
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def table(name: str) -> Any:
    """The parsed YAML table `data/<name>.yaml` (`name` without the suffix)."""
    from nigao.yamlsafe import DATA, load

    path = DATA_DIR / f"{name}.yaml"
    return load(path.read_text(encoding="utf-8"), str(path), DATA)
