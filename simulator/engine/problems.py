"""What is wrong with a scenario file: light enough to import without the YAML parser."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from simulator.untrusted.text import one_line


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file, at a 1-based line and column."""

    source: str
    line: int
    col: int
    message: str
    severity: str = "error"
    code: str = "format"  # what kind of problem, for `hearout lint` ([code] at the end of its line)

    def __post_init__(self) -> None:
        # One problem, one line: a value quoted from the file may hold a newline.
        object.__setattr__(self, "message", one_line(self.message))
        object.__setattr__(self, "source", one_line(self.source))  # a file name may hold one too

    def __str__(self) -> str:
        return f"{self.source}:{self.line}:{self.col}: {self.severity}: {self.message}"


MAX_SHOWN = 200  # problems listed per file; a file of two million mistakes gets a count for the rest


class Problems(list):
    """A list of problems that keeps the first MAX_SHOWN and counts the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    @property
    def full(self) -> bool:
        return len(self) >= MAX_SHOWN

    def stop(self, problem: Problem) -> None:
        """The last line when a reader gives up early: kept even when the list is full."""
        super().append(problem)

    def append(self, problem: Problem) -> None:
        if len(self) < MAX_SHOWN:
            super().append(problem)
        else:
            self.dropped += 1

    def summary(self) -> list[Problem]:
        """The problems kept, then one line for the rest."""
        if not self.dropped or not self:
            return list(self)
        last = self[-1]
        more = Problem(last.source, last.line, last.col, f"and {self.dropped} more problems not shown")
        return [*self, more]


class ScenarioError(Exception):
    """A scenario file that cannot be used; `problems` lists every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
