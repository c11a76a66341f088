"""Words the whole product shares (SPEC §1–§2): outcomes, channels, the reserved `wait`.

Scoring is the lowest layer (it imports nothing of the simulator), so the
simulator imports these from here; each is defined nowhere else.
"""
from __future__ import annotations

# What an end node may name as its outcome (SPEC §1 `end:`).
ENDINGS: tuple[str, ...] = ("resolved", "retained", "parted", "escalated", "churned")
# A call left before it reached an end: still saved and scored.
ABANDONED = "abandoned"
# Every outcome a transcript can carry.
OUTCOMES: tuple[str, ...] = ENDINGS + (ABANDONED,)

# How a move reaches the customer (`channel:` on a move).
CHANNELS: tuple[str, ...] = ("phone", "visit", "note", "email")

# The reserved move key: keep listening, the customer says the next beat.
WAIT = "wait"


def clamp(n: int, low: int = 0, high: int = 100) -> int:
    """A mood or a score kept within its range."""
    return max(low, min(high, n))


def first_name(full_name: str | None) -> str:
    """How evidence and the call screen name the customer: "Dana", or "the customer" with no name."""
    words = (full_name or "").split()
    return words[0] if words else "the customer"
