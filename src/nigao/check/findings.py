"""What the proofreader reports: a finding at a place, with an optional mechanical fix."""

from __future__ import annotations

from dataclasses import dataclass

from nigao.errors import shown

SEVERITIES = ("error", "warning", "info")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace columns [start, end) of source line `line` (1-based) by `replacement`."""

    line: int
    start: int
    end: int
    replacement: str


@dataclass(slots=True)
class Finding:
    """One problem: where, which rule, how serious, what and what to do (Chinese)."""

    file: str | None
    line: int | None  # line in a .md/.txt file
    paragraph: int | None  # paragraph number in a .docx (or in a Document without source)
    rule: str
    severity: str
    message: str
    suggestion: str
    fixes: tuple[Fix, ...] = ()

    def where(self) -> str:
        """`FILE:LINE` or `FILE:第N段` as printed."""
        prefix = f"{shown(self.file)}:" if self.file else ""
        if self.line is not None:
            return f"{prefix}{self.line}" if prefix else f"第{self.line}行"
        if self.paragraph is not None:
            return f"{prefix}第{self.paragraph}段"
        return shown(self.file) if self.file else "全文"

    def __str__(self) -> str:
        """The printed form: `FILE:LINE: RULE-ID 严重程度 message — suggestion`."""
        severity = SEVERITY_NAMES.get(self.severity, self.severity)
        return f"{self.where()}: {self.rule} {severity} {self.message} — {self.suggestion}"

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "paragraph": self.paragraph,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "fixes": [
                {"line": f.line, "start": f.start, "end": f.end, "replacement": f.replacement}
                for f in self.fixes
            ],
        }

    def sort_key(self) -> tuple:
        return (
            self.file or "",
            self.line if self.line is not None else (self.paragraph or 0),
            self.fixes[0].start if self.fixes else -1,
            self.rule,
            self.message,
        )
