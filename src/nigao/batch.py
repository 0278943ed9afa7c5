"""`nigao batch`: one draft per unit (school) from one profile and a units file.

The profile is read and parsed once; each row's overrides are spliced into the
profile's YAML node tree as nodes that point at the units file, so a bad value is
reported as `units.csv:5:2: org.name：…` by the same validator `nigao new` uses.
Rows are drafted in worker processes; each output is written atomically, so an
interrupted batch leaves only complete files and a re-run finishes the rest.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nigao.errors import NigaoError, os_reason
from nigao.fsutil import atomic_write, fold_name, remove_stale_temps, safe_name
from nigao.units import UnitRow, read_units

if TYPE_CHECKING:
    from nigao.profile import Profile


@dataclass
class RowResult:
    """What happened to one row."""

    line: int
    name: str
    status: str  # written | skipped | failed
    markers: int = 0
    message: str = ""
    outputs: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # the proofreader's, one line each


@dataclass
class BatchReport:
    rows: list[RowResult]
    notes: list[str] = field(default_factory=list)  # said once for the whole batch

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def with_markers(self) -> int:
        return sum(1 for r in self.rows if r.status == "written" and r.markers)

    @property
    def failed(self) -> list[RowResult]:
        return [r for r in self.rows if r.status == "failed"]


# ------------------------------------------------------------------ overrides on the node tree


def _scalar_node(value: str, units_path: str, line: int, column: int) -> Any:
    import yaml

    mark = yaml.Mark(units_path, 0, line - 1, column - 1, None, None)
    return yaml.ScalarNode("tag:yaml.org,2002:str", value, mark, mark, style='"')


def _mapping_node(units_path: str, line: int) -> Any:
    import yaml

    mark = yaml.Mark(units_path, 0, line - 1, 0, None, None)
    return yaml.MappingNode("tag:yaml.org,2002:map", [], mark, mark)


def _own(node: Any) -> Any:
    """A shallow copy of a node with its own child list (the rest stays shared, read-only)."""
    mine = copy.copy(node)
    if isinstance(node.value, list):
        mine.value = list(node.value)
    return mine


def _value_node(dotted: str, value: str, units_path: str, line: int, column: int) -> Any:
    """A cell as a node: a list question (组长, 附件名称) takes several values in one cell,
    people separated by 、 outside brackets (林振华（校长）、周敏（副校长）), others by ；."""
    import re

    import yaml

    from nigao.profile import PERSON, field_at

    f = field_at(dotted)
    if f is None or f.type != "list":
        return _scalar_node(value, units_path, line, column)
    split = r"、(?![^（(]*[）)])" if f.item is PERSON else r"[；;]"
    items = [v.strip() for v in re.split(split, value) if v.strip()]
    mark = yaml.Mark(units_path, 0, line - 1, column - 1, None, None)
    nodes = [_scalar_node(v, units_path, line, column) for v in items]
    return yaml.SequenceNode("tag:yaml.org,2002:seq", nodes, mark, mark)


def _remove(root: Any, dotted: str) -> None:
    """Leave a key out of the (already copied) tree: the profile's value is not this unit's."""
    parts = dotted.split(".")
    node = root
    for part in parts[:-1]:
        at = next((j for j, (k, _v) in enumerate(node.value) if k.value == part), None)
        if at is None:
            return
        child = _own(node.value[at][1])
        node.value[at] = (node.value[at][0], child)
        node = child
    node.value = [(k, v) for k, v in node.value if k.value != parts[-1]]


def splice(
    root: Any,
    unit: UnitRow,
    units_path: str,
    columns: dict[str, int],
    changes: dict[str, str | None] | None = None,
) -> Any:
    """The profile's node tree with the unit's own changes (perunit.plan_units) and the row's
    dotted overrides set.

    Only the nodes on each override's path are copied, so a row costs what it
    changes, not the size of the profile.
    """
    import yaml

    from nigao.units import NUMBER_COLUMN

    root = _own(root)
    values: dict[str, str] = {}
    for dotted, change in (changes or {}).items():
        if change is None:
            _remove(root, dotted)
        else:
            values[dotted] = change
    values.update((k, v) for k, v in unit.values.items() if k != NUMBER_COLUMN)
    values.update((k, v) for k, v in (changes or {}).items() if v is not None)
    for dotted, value in values.items():
        column = columns.get(dotted, 1)
        node = root
        parts = dotted.split(".")
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if isinstance(node, yaml.SequenceNode):
                if not part.isdigit() or int(part) > len(node.value):
                    raise NigaoError(
                        f"列“{dotted}”：“{part}”应为 0 到 {len(node.value)} 的序号",
                        path=units_path,
                        line=unit.line,
                    )
                index = int(part)
                if last:
                    child = _value_node(dotted, value, units_path, unit.line, column)
                elif index < len(node.value):
                    child = _own(node.value[index])
                else:
                    child = _mapping_node(units_path, unit.line)
                if index == len(node.value):
                    node.value.append(child)
                else:
                    node.value[index] = child
                node = child
                continue
            if not isinstance(node, yaml.MappingNode):
                raise NigaoError(
                    f"列“{dotted}”：“{'.'.join(parts[:i])}”不是可以再分的配置项",
                    path=units_path,
                    line=unit.line,
                )
            at = next((j for j, (k, _v) in enumerate(node.value) if k.value == part), None)
            if last:
                child = _value_node(dotted, value, units_path, unit.line, column)
            elif at is not None:
                child = _own(node.value[at][1])
            else:
                child = _mapping_node(units_path, unit.line)
            if at is None:
                node.value.append((_scalar_node(part, units_path, unit.line, column), child))
            else:
                node.value[at] = (node.value[at][0], child)
            node = child
    return root


# ------------------------------------------------------------------ one row, in a worker

_STATE: dict[str, Any] = {}


def _die_with_parent(parent: int) -> None:
    """End this worker when the batch that started it ends, however it ends (kill -9, OOM).

    Linux: the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); elsewhere a
    thread polls the parent id once a second. Either way the check after it catches a parent
    that died before the hook was set.
    """
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGKILL), 0, 0, 0)  # PR_SET_PDEATHSIG = 1
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="nigao-parent-watch", daemon=True).start()


def _init_worker(
    root: Any,
    profile_path: str,
    units_path: str,
    libraries: tuple[str, ...],
    check: bool = True,
    parent: int | None = None,
) -> None:
    from nigao.skeletons import load_library

    if parent is not None and parent != os.getpid():
        _die_with_parent(parent)

    _STATE.update(
        root=root,
        profile_path=profile_path,
        units_path=units_path,
        library=load_library(libraries),
        check=check,
    )


def _output_paths(out_dir: Path, name: str) -> tuple[Path, Path]:
    return out_dir / f"{name}.md", out_dir / f"{name}.docx"


def draft_row(task: tuple[UnitRow, dict[str, int], str, str, bool, dict[str, str | None]]) -> RowResult:
    """Draft one unit; every error becomes a failed row, never an exception."""
    unit, columns, out_dir, name, force, changes = task
    from nigao.drafting import draft
    from nigao.profile import from_node

    md_path, docx_path = _output_paths(Path(out_dir), name)
    try:
        root = splice(_STATE["root"], unit, _STATE["units_path"], columns, changes)
        profile = from_node(root, _STATE["profile_path"])
        result = draft(profile, _STATE["library"], check=_STATE["check"], md_path=md_path)
        outputs = [(md_path, result.markdown.encode("utf-8")), (docx_path, result.docx)]
        if not force:
            # A file this row would write identically is a completed half of an interrupted
            # run (output is deterministic); anything else there is someone's file: keep it.
            for path, data in outputs:
                if path.exists() and path.read_bytes() != data:
                    raise NigaoError(
                        "文件已存在且内容不同，未覆盖（如需覆盖，请加 --force）", path=str(path)
                    )
        for path, data in outputs:
            atomic_write(path, data)
    except NigaoError as error:
        return RowResult(unit.line, name, "failed", message=str(error).replace("\n", "；"))
    except Exception as error:  # a bug must not stop the other rows
        return RowResult(
            unit.line, name, "failed", message=f"内部错误：{type(error).__name__}: {error}"
        )
    findings = [str(f) for f in result.findings]
    if result.check_error:
        findings.append(f"校对未完成：{result.check_error}")
    return RowResult(
        unit.line,
        name,
        "written",
        markers=len(result.markers),
        message="；".join(result.cleaned),
        outputs=[str(md_path), str(docx_path)],
        findings=findings,
    )


# ------------------------------------------------------------------ the whole batch


def _profile_root(profile_path: Path) -> tuple[Profile, Any]:
    """The profile, validated (it must be before any row runs), and its YAML node tree."""
    from nigao.profile import parse, read_text
    from nigao.yamlsafe import PROFILE, compose

    text = read_text(profile_path)
    profile = parse(text, str(profile_path))
    return profile, compose(text, str(profile_path), PROFILE, duplicates=False)


def name_key(name_by: str, units: list[UnitRow]) -> str:
    """--name-by as a dotted key (简称 → org.short); an unknown key is an error before
    anything is written, not files named 第2行.md …"""
    from nigao.errors import UsageError
    from nigao.profile import column_keys, unit_fields

    key = column_keys().get(name_by, name_by)
    columns = {k for unit in units for k in unit.values}
    if key in unit_fields() or key in columns or key.startswith("facts."):
        return key
    choices = "、".join(["单位名称（org.name）", "简称（org.short）", *sorted(columns)][:8])
    raise UsageError(f"--name-by：没有“{name_by}”这一项，可用：{choices}")


def plan_names(units: list[UnitRow], root: Any, name_by: str) -> tuple[list[str], dict[int, str]]:
    """Safe, unique output names from the row's value (or the profile's) of `name_by`.

    Names equal but for case or Unicode normalisation are one file on some disks, so they are
    made distinct (`县一中-2`) like exact duplicates; the second dict says so for each such row.
    The names depend only on the units file, so a re-run finds the files of the first run.
    """
    from nigao.perunit import value_at

    names: list[str] = []
    notes: dict[int, str] = {}
    first: dict[str, tuple[int, str]] = {}  # key → (line, name) of the row that took it
    for unit in units:
        raw = unit.values.get(name_by) or value_at(root, name_by) or f"第{unit.line}行"
        name = base = safe_name(raw, fallback=f"第{unit.line}行")
        n = 1
        while fold_name(name) in first:
            n += 1
            name = f"{base}-{n}"
        if n > 1:
            line, taken = first[fold_name(base)]
            notes[unit.line] = (
                f"文件名与第{line}行的“{taken}”相同（不分大小写和字形编码），改名为“{name}”"
            )
        first[fold_name(name)] = (unit.line, name)
        names.append(name)
    return names, notes


def run_batch(
    profile_path: Path,
    units_path: Path,
    out_dir: Path,
    *,
    name_by: str = "org.name",
    jobs: int | None = None,
    force: bool = False,
    libraries: tuple[str, ...] = (),
    on_result: Callable[[RowResult], None] | None = None,
    check: bool = True,
    number_start: int = 1,
) -> BatchReport:
    """Draft every unit (proofread like `nigao new` unless not `check`); complete outputs from
    an earlier run are skipped unless `force`."""
    profile_path, units_path, out_dir = Path(profile_path), Path(units_path), Path(out_dir)
    root, units, columns, names, renamed, plan = _plan(
        profile_path, units_path, name_by, number_start
    )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NigaoError(f"无法创建输出文件夹：{os_reason(error)}", path=str(out_dir)) from None
    if not os.access(out_dir, os.W_OK):
        raise NigaoError("输出文件夹不可写", path=str(out_dir))

    # A killed run leaves temporary files (never a half-written output): remove ours.
    remove_stale_temps(out_dir, [p.name for name in names for p in _output_paths(out_dir, name)])
    results: list[RowResult] = []
    tasks = []
    for unit, name, changes in zip(units, names, plan.changes, strict=True):
        md_path, docx_path = _output_paths(out_dir, name)
        if not force and md_path.exists() and docx_path.exists():
            results.append(
                RowResult(unit.line, name, "skipped", outputs=[str(md_path), str(docx_path)])
            )
            continue
        tasks.append((unit, columns, str(out_dir), name, force, changes))
    for result in results:
        if on_result:
            on_result(result)

    jobs = max(1, jobs or os.cpu_count() or 1)
    init_args = (root, str(profile_path), str(units_path), libraries, check, os.getpid())
    for result in _run(tasks, jobs, init_args):
        results.append(result)
        if on_result:
            on_result(result)
    for result in results:
        if result.line in renamed:
            result.message = "；".join(filter(None, [renamed[result.line], result.message]))
    results.sort(key=lambda r: r.line)
    return BatchReport(results, plan.notes)


def _plan(profile_path: Path, units_path: Path, name_by: str, number_start: int) -> tuple:
    """What every row will be: the profile's node tree, the units, their columns, output
    names (and renames), and each unit's own changes (perunit.plan_units)."""
    from nigao.perunit import plan_units

    profile, root = _profile_root(profile_path)
    units = read_units(units_path)
    name_by = name_key(name_by, units)
    columns = {key: i for i, key in enumerate(_columns(units), start=1)}
    names, renamed = plan_names(units, root, name_by)
    plan = plan_units(profile, root, units, str(units_path), number_start)
    return root, units, columns, names, renamed, plan


def preview_rows(
    profile_path: Path, units_path: Path, name_by: str = "org.name", number_start: int = 1
) -> list[dict[str, Any]]:
    """Every row checked as `run_batch` would draft it, nothing drafted or written:
    {line, name, ok, message} (message: the validator's line for a bad row, or a rename)."""
    from nigao.profile import from_node

    profile_path, units_path = Path(profile_path), Path(units_path)
    root, units, columns, names, renamed, plan = _plan(
        profile_path, units_path, name_by, number_start
    )
    rows = []
    for unit, name, changes in zip(units, names, plan.changes, strict=True):
        problem = ""
        try:
            from_node(splice(root, unit, str(units_path), columns, changes), str(profile_path))
        except NigaoError as error:
            problem = str(error).replace("\n", "；")
        message = "；".join(filter(None, [problem, renamed.get(unit.line, "")]))
        rows.append({"line": unit.line, "name": name, "ok": not problem, "message": message})
    return rows


def _columns(units: list[UnitRow]) -> list[str]:
    keys: dict[str, None] = {}
    for unit in units:
        keys.update(dict.fromkeys(unit.values))
    return list(keys)


def _run(tasks: list[Any], jobs: int, init_args: tuple[Any, ...]) -> Iterator[RowResult]:
    if not tasks:
        return
    _init_worker(*init_args)
    if jobs == 1 or len(tasks) < 4:
        for task in tasks:
            yield draft_row(task)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # The first row here: every module, data table and compiled pattern a row needs is then
    # loaded once, and forked workers start with it instead of each building its own.
    # Frozen, that state is not searched for garbage again by the parent or by any worker.
    yield draft_row(tasks[0])
    tasks = tasks[1:]
    gc.freeze()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunk = max(1, min(32, len(tasks) // (jobs * 4) or 1))
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(tasks)),
        mp_context=context,
        initializer=_init_worker,
        initargs=init_args,
    ) as pool:
        yield from pool.map(draft_row, tasks, chunksize=chunk)
