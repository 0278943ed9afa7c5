"""The units file of `nigao batch`: one row per school or unit, columns override profile fields.

A column header is a dotted profile key (`org.name`, `facts.学校数量`,
`leaders.组长.0.name`) or a question's Chinese name from the profile's question table
(单位名称, 简称, 组长 …: `profile.column_keys`), or `序号` (the row's number in a
`doc_number` pattern); an empty cell leaves the profile's value alone. CSV files
come from Excel as often as from anywhere, so UTF-8 (with or without BOM) and
GB18030 (what Excel on Chinese Windows saves) are both read.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nigao.errors import NigaoError, os_reason

MAX_UNITS_BYTES = 20 * 1024 * 1024
NUMBER_COLUMN = "序号"  # not a profile key: the number batch puts in doc_number's {序号}
_KEY = re.compile(r"^[^\s.][^.]*(?:\.[^\s.][^.]*)*$")


@dataclass
class UnitRow:
    """One row of the units file: where it came from and the fields it overrides."""

    line: int
    values: dict[str, str]


def _decode(raw: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NigaoError("无法识别文件编码（请另存为 UTF-8 或 GBK 编码的 CSV）", path=str(path))


def _csv_problem(error: Exception) -> str:
    """The csv module's English error, said in Chinese."""
    text = str(error)
    if "field larger" in text:
        return "CSV 格式错误：某一格内容过长（可能是引号没有配对）"
    if "NUL" in text:
        return "CSV 格式错误：文件里有空字符（NUL），可能不是文本文件"
    if "new-line" in text or "newline" in text:
        return "CSV 格式错误：格子里的换行需要用英文双引号把整格括起来"
    return "CSV 格式错误（常见原因：引号没有配对）"


def _check_key(key: str, path: Path, line: int) -> str:
    """A column header as a dotted key: 单位名称 → org.name; an unknown one is an error."""
    from nigao.profile import FIELDS, column_keys, unit_fields

    key = key.strip()
    named = column_keys()
    if key in named:
        return named[key]
    roots = {f.key for f in FIELDS}
    if key == NUMBER_COLUMN or (key and _KEY.match(key) and key.split(".")[0] in roots):
        return key
    fields = unit_fields()
    shown = "、".join(n for n, k in named.items() if k in ("org.name", "title") or fields[k].own)
    raise NigaoError(
        f"列名“{key}”不是配置项：可以用中文名称（{shown}等）、{NUMBER_COLUMN}，"
        "或配置项的写法（如 org.name、facts.学校数量、leaders.组长.0.name）",
        path=str(path),
        line=line,
    )


def _read_csv(text: str, path: Path) -> list[UnitRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise NigaoError("单位清单是空的", path=str(path), line=1) from None
    except csv.Error as error:
        raise NigaoError(_csv_problem(error), path=str(path), line=1) from None
    keys = [_check_key(key, path, 1) for key in header]
    if len(set(keys)) != len(keys):
        dup = next(k for k in keys if keys.count(k) > 1)
        raise NigaoError(f"列名重复：有两列都是 {dup}", path=str(path), line=1)
    units: list[UnitRow] = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(keys):
                raise NigaoError(
                    f"这一行有 {len(row)} 列，表头只有 {len(keys)} 列", path=str(path), line=line
                )
            values = {k: v.strip() for k, v in zip(keys, row, strict=False) if v.strip()}
            units.append(UnitRow(line=line, values=values))
    except csv.Error as error:
        raise NigaoError(_csv_problem(error), path=str(path), line=reader.line_num) from None
    return units


def _flatten(value: Any, prefix: str, out: dict[str, str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, f"{prefix}.{key}" if prefix else str(key), out)
    elif value is not None:
        out[prefix] = value if isinstance(value, str) else str(value)


def _read_yaml(text: str, path: Path) -> list[UnitRow]:
    import yaml

    from nigao.yamlsafe import UNITS, compose

    nodes = compose(text, str(path), UNITS)
    if not isinstance(nodes, yaml.SequenceNode) or not all(
        isinstance(row, yaml.MappingNode) for row in nodes.value
    ):
        raise NigaoError("单位清单应是一个列表，每项是一个单位的字段", path=str(path), line=1)
    constructor = yaml.constructor.SafeConstructor()
    units = []
    for node in nodes.value:
        values: dict[str, str] = {}
        _flatten(constructor.construct_document(node), "", values)
        line = node.start_mark.line + 1
        values = {_check_key(key, path, line): value for key, value in values.items()}
        units.append(UnitRow(line=line, values=values))
    return units


def read_units(path: Path) -> list[UnitRow]:
    """Read a units file (.csv, .yaml/.yml); every error names the file and line."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_UNITS_BYTES:
            raise NigaoError("单位清单过大（超过 20 MB）", path=str(path))
        raw = path.read_bytes()
    except OSError as error:
        raise NigaoError(f"无法读取：{os_reason(error)}", path=str(path)) from None
    text = _decode(raw, path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        units = _read_csv(text, path)
    elif suffix in {".yaml", ".yml"}:
        units = _read_yaml(text, path)
    else:
        raise NigaoError("单位清单应为 .csv、.yaml 或 .yml 文件", path=str(path))
    if not units:
        raise NigaoError("单位清单里没有任何单位", path=str(path))
    return units
