"""Short phrases the rules share, so evidence lines read the same everywhere."""
from __future__ import annotations

from collections.abc import Sequence

from scoring.call import SUBSTANTIVE, Turn

# What a reply of substance did, in the trainee's own terms ("you ...").
_DID = {
    "defend": "defended yourself",
    "dismiss": "played down the complaint",
    "refuse": "said no",
    "cave": "gave in",
    "explain_policy": "explained the policy",
    "offer_choice": "offered remedies",
    "offer_concession": "offered a remedy",
    "concrete_commitment": "made a commitment",
}


def did(turn: Turn, among: frozenset[str] = SUBSTANTIVE) -> str:
    """The first thing of substance (or of `among`) the turn did, e.g. 'said no'."""
    for act in turn.event.acts:
        if act in among:
            return _DID[act]
    return "replied"


def times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def count(n: int, noun: str) -> str:
    """'1 question', '3 questions'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def turn_numbers(turns: Sequence[Turn]) -> str:
    """'turn 4', 'turns 4, 5, 6'."""
    numbers = ", ".join(str(t.number) for t in turns)
    return f"turn {numbers}" if len(turns) == 1 else f"turns {numbers}"
