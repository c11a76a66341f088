"""Typed replies understood offline (issue 16): which offered move a reply means.

No UI here (import-linter contract in pyproject.toml). The matcher is built on
first use from the shipped act corpus and kept for the process:

    from simulator.understand import match
    reading = match("sorry, what happened?", node.moves)   # Reading(move, confidence, candidates)
"""
from __future__ import annotations

from typing import Sequence

from simulator.understand.matcher import ANSWER_AT, Candidate, Matcher, Reading

__all__ = ["ANSWER_AT", "Candidate", "Matcher", "Reading", "match", "shared_matcher"]

_shared: Matcher | None = None


def shared_matcher() -> Matcher:
    """The process's matcher, built on first use (a few tens of ms)."""
    global _shared
    if _shared is None:
        _shared = Matcher.shipped()
    return _shared


def match(text: str, moves: Sequence) -> Reading:
    """The move among `moves` (those offered at that moment) that `text` means, or move None."""
    return shared_matcher().read(text, moves)
