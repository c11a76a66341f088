"""Where the session's time comes from.

The engine never reads the wall clock itself: the UI injects a real clock,
tests and scripted runs inject one they move by hand, so every transcript a
test or `hearout play` writes is the same on every run.
"""
from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now_ms(self) -> int:
        """Milliseconds since the call started."""
        ...


class MonotonicClock:
    """Real elapsed time, immune to wall-clock changes."""

    def __init__(self) -> None:
        self._t0 = time.monotonic()

    def now_ms(self) -> int:
        return int((time.monotonic() - self._t0) * 1000)


class ManualClock:
    """Time that moves only when told to."""

    def __init__(self, start_ms: int = 0) -> None:
        self._t = start_ms

    def now_ms(self) -> int:
        return self._t

    def advance(self, ms: int) -> None:
        if ms < 0:
            raise ValueError("time does not run backwards")
        self._t += ms

    def rewind(self, ms: int) -> None:
        """Back to an earlier time: for tools that try one path, then another, from the same point."""
        self._t = ms


# About 170 spoken words a minute, plus a breath between beats.
_MS_PER_WORD = 350
_BREATH_MS = 400


def speaking_ms(text: str) -> int:
    """How long a line takes to say aloud; paces beats in the UI and in scripted runs."""
    return _BREATH_MS + _MS_PER_WORD * max(1, len(text.split()))
