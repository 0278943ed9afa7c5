"""The ingest data tables (src/nigao/data/*.yaml): `load` is `nigao.tables.table`, plus the
rule lists with their patterns compiled."""

from __future__ import annotations

import functools
import re
from typing import Any

from nigao.tables import table as load


@functools.cache
def compiled(name: str, key: str) -> tuple[tuple[re.Pattern[str], dict[str, Any]], ...]:
    """The rules under `key` of table `name`, each with its compiled `pattern`."""
    return tuple((re.compile(rule["pattern"]), rule) for rule in load(name)[key])
