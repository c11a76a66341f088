"""Scoring of a hearout transcript: pure functions over frozen data (SPEC §3).

No UI, no I/O beyond reading the packaged default rubric, no simulator import.
Names are imported on first use, so reading a transcript (`scoring.transcript`)
does not pay for the rubric and the rules; the app starts faster for it.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_EXPORTS = {
    "Rubric": "scoring.rubric",
    "RubricError": "scoring.rubric",
    "default_rubric": "scoring.rubric",
    "Scorecard": "scoring.scorecard",
    "SkillScore": "scoring.scorecard",
    "score": "scoring.scorecard",
    "format_scorecard": "scoring.text",
    "Transcript": "scoring.transcript",
    "TranscriptError": "scoring.transcript",
}
__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from scoring.rubric import Rubric, RubricError, default_rubric
    from scoring.scorecard import Scorecard, SkillScore, score
    from scoring.text import format_scorecard
    from scoring.transcript import Transcript, TranscriptError


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'scoring' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
