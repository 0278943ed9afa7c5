"""Printing findings (text grouped by file, or JSON), the rule list, and the --fix workflow."""

from __future__ import annotations

import json
from pathlib import Path

from nigao.check.context import ProfileFacts
from nigao.check.findings import SEVERITY_NAMES, Finding


def check_file(
    path: Path, facts: ProfileFacts | None, rules: list[str] | None, ignore: list[str] | None
) -> list[Finding]:
    from nigao.check import run_rules
    from nigao.check.sources import context_for_path

    return run_rules(context_for_path(path, facts), rules, ignore)


def fix_file(
    path: Path,
    target: Path,
    facts: ProfileFacts | None,
    rules: list[str] | None,
    ignore: list[str] | None,
    force: bool,
) -> tuple[int, list[Finding]]:
    """Apply the mechanical fixes of `path` and write `target`; return edits and what remains."""
    from nigao.check import fix_text, run_rules
    from nigao.check.sources import context_for_path, source_text
    from nigao.errors import UsageError
    from nigao.fsutil import atomic_write, check_writable

    suffix = path.suffix.lower()
    if suffix not in (".md", ".markdown", ".txt"):
        raise UsageError(
            f"--fix 只能修正 .md 和 .txt 文件，不能修正 {suffix or '无扩展名'} 文件", path=str(path)
        )
    if Path(target).resolve() != Path(path).resolve():
        check_writable([Path(target)], force)
    findings = run_rules(context_for_path(path, facts), rules, ignore)
    text = source_text(path)
    fixed, count = fix_text(text, findings)
    atomic_write(Path(target), _encode_like(path.read_bytes(), text, fixed))
    remaining = run_rules(context_for_path(Path(target), facts), rules, ignore)
    return count, remaining


def _encode_like(original: bytes, text: str, fixed: str) -> bytes:
    """The fixed text in the input's own encoding (a GBK file stays GBK), else UTF-8."""
    if original.startswith(b"\xef\xbb\xbf"):
        return b"\xef\xbb\xbf" + fixed.encode("utf-8")
    for encoding in ("utf-8", "gb18030", "big5"):
        try:
            if original.decode(encoding).replace("\r\n", "\n") == text.replace("\r\n", "\n"):
                return fixed.encode(encoding)
        except (UnicodeDecodeError, UnicodeEncodeError):
            continue
    return fixed.encode("utf-8")


def as_text(results: list[tuple[str, list[Finding]]]) -> str:
    lines: list[str] = []
    totals = {"error": 0, "warning": 0, "info": 0}
    for index, (_path, findings) in enumerate(results):
        if index and findings and lines:
            lines.append("")  # a blank line between files
        for f in findings:
            totals[f.severity] = totals.get(f.severity, 0) + 1
            lines.append(str(f))
    count = sum(totals.values())
    summary = f"共 {count} 处：错误 {totals['error']}，警告 {totals['warning']}"
    if totals["info"]:
        summary += f"，提示 {totals['info']}"
    if not count:
        summary = f"未发现问题（检查了 {len(results)} 个文件）"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def as_json(
    results: list[tuple[str, list[Finding]]], errors: list[dict[str, object]] | None = None
) -> str:
    """Findings as a JSON list; a file that could not be read is an item of rule READ-ERROR."""
    items = [f.to_dict() for _path, findings in results for f in findings]
    return json.dumps([*(errors or []), *items], ensure_ascii=False, indent=2)


def error_item(path: Path, error: Exception) -> dict[str, object]:
    """The --json item for an unreadable file: the same keys as a finding."""
    message = str(error)
    prefix = f"{path}: "
    return {
        "file": str(path),
        "line": getattr(error, "line", None),
        "paragraph": None,
        "rule": "READ-ERROR",
        "severity": "error",
        "message": message[len(prefix) :] if message.startswith(prefix) else message,
        "suggestion": "",
        "fixes": [],
    }


def rules_text(as_json_output: bool = False) -> str:
    from nigao.check.registry import rules

    table = rules()
    if as_json_output:
        items = [
            {
                "id": r.id,
                "severity": r.severity,
                "group": r.group,
                "title": r.title,
                "bad": r.bad,
                "good": r.good,
                "fixable": r.fixable,
            }
            for r in table.values()
        ]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    lines: list[str] = []
    group = None
    for r in table.values():
        if r.group != group:
            group = r.group
            lines.append(f"【{group}】")
        fixable = "（可自动修正）" if r.fixable else ""
        lines.append(f"  {r.id}  {SEVERITY_NAMES[r.severity]}  {r.title}{fixable}")
        lines.append(f"      例：{r.bad} → {r.good}")
    lines.append(f"共 {len(table)} 条规则。")
    return "\n".join(lines) + "\n"
