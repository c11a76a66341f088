"""The debrief's timeline: what was said, and under each move what scoring said of it.

Pure: it reads a transcript and its scorecard and returns entries the debrief
renders. It judges nothing itself (SPEC §3: one verdict everywhere): a move's
notes are the scorecard's `turns`, the same the CLI scorecard prints. The one
thing it adds is a fact, not a judgment: how the customer's mood moved.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scoring.transcript import CustomerEvent, Transcript
from simulator.tui.mood import change_text

GOOD, WARN, INFO, BETTER = "good", "warn", "info", "better"


@dataclass(frozen=True)
class Note:
    tone: str  # good | warn | info | better
    text: str


@dataclass(frozen=True)
class Entry:
    t_ms: int
    who: str  # customer | trainee | listen | silence | end
    text: str
    notes: tuple[Note, ...] = ()


def points_text(points: float) -> str:
    return f"{points:g}"


def verdict_notes(verdict: Any) -> list[Note]:
    """A turn's notes as scoring gave them: costs, strengths, then what was better here."""
    notes = [Note(WARN, f"{n.skill} {points_text(n.points)}: {n.text}") if n.points < 0 else
             Note(GOOD, f"{n.skill}: {n.text}") for n in verdict.notes]
    better = getattr(verdict, "better", None)
    if better is not None:
        if better.move == "wait":
            notes.append(Note(BETTER, f"Better here: {better.why}"))
        elif better.say:
            notes.append(Note(BETTER, f"Better here: \"{better.say}\" ({better.why})"))
        if better.feedback:
            notes.append(Note(BETTER, f"Coach's note: {better.feedback}"))
    return notes


def annotate(transcript: Transcript, card: Any) -> list[Entry]:
    """Entries in call order; consecutive waits read as one stretch of listening."""
    verdicts = {v.event: v for v in card.turns}
    entries: list[Entry] = []
    mood = transcript.start_mood
    for i, e in enumerate(transcript.events):
        if isinstance(e, CustomerEvent):
            entries.append(Entry(e.t_ms, "silence" if e.silence else "customer", e.text))
        elif e.is_wait:
            if not entries or entries[-1].who != "listen":
                entries.append(Entry(e.t_ms, "listen", "(kept listening)"))
        else:
            notes = verdict_notes(verdicts[i]) if i in verdicts else []
            if e.typed is not None:  # the trainee's own words, and the move they were read as
                notes.insert(0, Note(INFO, f"you typed: \"{e.typed}\" (read as this reply)"))
            if mood is not None:
                notes.append(Note(INFO, f"mood {mood} -> {e.mood_after} ({change_text(e.mood_after - mood)})"))
            entries.append(Entry(e.t_ms, "trainee", e.text, tuple(notes)))
            mood = e.mood_after
    end_ms = transcript.events[-1].t_ms if transcript.events else 0
    entries.append(Entry(end_ms, "end", f"Call {transcript.outcome}, final mood {transcript.final_mood}"))
    return entries
