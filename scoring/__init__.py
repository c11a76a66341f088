"""Scoring of a hearout transcript: pure functions over frozen data (SPEC §3).

No UI, no I/O beyond reading the packaged default rubric, no simulator import.
"""
from scoring.rubric import Rubric, RubricError, default_rubric
from scoring.scorecard import Scorecard, SkillScore, score
from scoring.text import format_scorecard
from scoring.transcript import Transcript, TranscriptError

__all__ = [
    "Rubric",
    "RubricError",
    "Scorecard",
    "SkillScore",
    "Transcript",
    "TranscriptError",
    "default_rubric",
    "format_scorecard",
    "score",
]
