"""What is wrong with a scenario file: light enough to import without the YAML parser."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file, at a 1-based line and column."""

    source: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __post_init__(self) -> None:
        # One problem, one line: a value quoted from the file may hold a newline.
        object.__setattr__(self, "message", one_line(self.message))
        object.__setattr__(self, "source", one_line(self.source))  # a file name may hold one too

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.col}: {self.severity}: {self.message}"


def one_line(text: str) -> str:
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class ScenarioError(Exception):
    """A scenario file that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
