"""Load the ingest data tables (src/nigao/data/*.yaml) once per process."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def load(name: str) -> Any:
    """The parsed YAML table `data/<name>.yaml`."""
    from nigao.yamlsafe import DATA
    from nigao.yamlsafe import load as load_yaml

    path = DATA_DIR / f"{name}.yaml"
    return load_yaml(path.read_text(encoding="utf-8"), str(path), DATA)


@functools.cache
def compiled(name: str, key: str) -> tuple[tuple[re.Pattern[str], dict[str, Any]], ...]:
    """The rules under `key` of table `name`, each with its compiled `pattern`."""
    return tuple((re.compile(rule["pattern"]), rule) for rule in load(name)[key])
