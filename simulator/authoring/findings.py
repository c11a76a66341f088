"""What `hearout lint` reports about one file: findings at a line and column, and the bounds."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.engine.problems import one_line

MAX_SHOWN = 200  # per file: a hostile file must not print millions of lines


@dataclass(frozen=True, slots=True)
class Finding:
    line: int
    col: int
    severity: str  # "error" | "warning"
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "col": self.col, "severity": self.severity, "code": self.code,
                "message": self.message}


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    bounds: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)  # extra text lines (bounds, walk), text output only
    extra: dict[str, Any] = field(default_factory=dict)  # extra JSON keys (walk)
    more: int = 0  # findings the loader counted but did not keep

    @property
    def hidden(self) -> int:
        return max(0, len(self.findings) - MAX_SHOWN) + self.more

    def add(self, line: int, col: int, severity: str, code: str, message: str) -> None:
        self.findings.append(Finding(line, col, severity, code, one_line(message)))

    def sort(self) -> None:
        self.findings.sort(key=lambda f: (f.line, f.col))

    def fails(self, strict: bool) -> bool:
        return self.more > 0 or any(f.severity == "error" or strict for f in self.findings)

    def lines(self) -> list[str]:
        shown = [f"{one_line(self.path)}:{f.line}:{f.col}: {f.severity}: {f.message} [{f.code}]"
                 for f in self.findings[:MAX_SHOWN]]
        if self.hidden:
            shown.append(f"{one_line(self.path)}: … and {self.hidden} more finding(s) not shown")
        return shown + self.notes

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "findings": [f.to_dict() for f in self.findings[:MAX_SHOWN]]}
        if self.hidden:
            out["more_findings"] = self.hidden
        out["bounds"] = self.bounds
        out.update(self.extra)
        return out
