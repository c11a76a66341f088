"""When the customer speaks next, and in which order the moves are shown.

Pure functions: the call screen turns them into timers, tests check them directly.
"""
from __future__ import annotations

import random
from typing import Sequence, TypeVar

from simulator.engine.clock import speaking_ms

PACE_FACTOR = {"slow": 1.5, "normal": 1.0, "fast": 0.6}
# After the story, how long the customer bears a silence before prompting: a pause
# anyone would allow, plus the time to read what is offered (about 4 words a second,
# and a moment to move the eye to each option), so reading is never taken for silence.
SILENCE_MS = 6000
READ_MS_PER_WORD = 250
READ_MS_PER_MOVE = 800
# Space pressed this soon after a beat came on its own answers that beat: it does not skip the next.
GRACE_MS = 700

T = TypeVar("T")


def factor(pace: str) -> float:
    return PACE_FACTOR.get(pace, 1.0)


def beat_delay_ms(text: str, pace: str) -> int:
    """A beat stays alone on screen about as long as it takes to say aloud."""
    return int(speaking_ms(text) * factor(pace))


def silence_delay_ms(pace: str, moves: Sequence[str] = ()) -> int:
    """How long the customer waits after the story; longer the more there is to read in `moves`."""
    reading = sum(READ_MS_PER_MOVE + READ_MS_PER_WORD * len(m.split()) for m in moves)
    return int((SILENCE_MS + reading) * factor(pace))


def display_order(items: Sequence[T], rng: random.Random) -> list[T]:
    """Shuffled for display only, so a move's position teaches nothing."""
    shown = list(items)
    rng.shuffle(shown)
    return shown


def clock_text(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
