"""The debrief's annotated timeline: what was said, and what each move did.

Pure: it reads a transcript and returns entries the debrief renders. The
notes describe (interrupted at beat 1 of 3, apology before the story); the
score and its evidence stay scoring's business.
"""
from __future__ import annotations

from dataclasses import dataclass

from scoring.transcript import CustomerEvent, Transcript, TraineeEvent
from simulator.tui.mood import change_text

GOOD, WARN, INFO = "good", "warn", "info"

# Acts worth pointing at on the timeline, with how they read.
_ACT_NOTES = {
    "offer_choice": (GOOD, "offered a choice"),
    "offer_concession": (INFO, "offered a single remedy"),
    "ask_customer_solution": (GOOD, "asked what would be fair"),
    "own_mistake": (GOOD, "owned the mistake"),
    "refuse": (WARN, "a flat no"),
    "defend": (WARN, "argued back"),
    "dismiss": (WARN, "brushed the complaint aside"),
    "cave": (WARN, "gave in"),
    "escalate": (INFO, "handed over to a supervisor"),
    "follow_up": (GOOD, "planned a follow-up"),
}


@dataclass(frozen=True)
class Note:
    tone: str  # good | warn | info
    text: str


@dataclass(frozen=True)
class Entry:
    t_ms: int
    who: str  # customer | trainee | listen | silence | end
    text: str
    notes: tuple[Note, ...] = ()


def _story_note(e: TraineeEvent) -> Note | None:
    if e.interrupted:
        if set(e.acts) <= {"listen", "clarifying_question"}:
            return Note(INFO, f"asked at beat {e.heard} of {e.of}")
        return Note(WARN, f"interrupted at beat {e.heard} of {e.of}")
    if e.of > 1:
        return Note(GOOD, f"let the story finish ({min(e.heard, e.of)} of {e.of} beats)")
    return None


def _apology_note(e: TraineeEvent) -> Note | None:
    if "apologize" not in e.acts:
        return None
    if e.heard >= e.of:
        return Note(GOOD, "apologized after hearing the story")
    return Note(WARN, f"apologized before the story was told (beat {e.heard} of {e.of})")


def _move_notes(e: TraineeEvent, mood_before: int) -> tuple[Note, ...]:
    notes = [_story_note(e), _apology_note(e)]
    notes += [Note(*_ACT_NOTES[a]) for a in e.acts if a in _ACT_NOTES]
    if e.policy_break and "cave" not in e.acts:
        notes.append(Note(WARN, "broke policy"))
    change = e.mood_after - mood_before
    tone = GOOD if change > 0 else WARN if change < 0 else INFO
    notes.append(Note(tone, f"mood {mood_before} -> {e.mood_after} ({change_text(change)})"))
    return tuple(n for n in notes if n is not None)


def annotate(transcript: Transcript, start_mood: int) -> list[Entry]:
    """Entries in call order; consecutive waits read as one stretch of listening."""
    entries: list[Entry] = []
    mood = start_mood
    for e in transcript.events:
        if isinstance(e, CustomerEvent):
            if e.silence:
                entries.append(Entry(e.t_ms, "silence", e.text, (Note(WARN, "had to break your silence"),)))
            else:
                entries.append(Entry(e.t_ms, "customer", e.text))
        elif e.is_wait:
            if not entries or entries[-1].who != "listen":
                entries.append(Entry(e.t_ms, "listen", "(kept listening)"))
        else:
            entries.append(Entry(e.t_ms, "trainee", e.text, _move_notes(e, mood)))
            mood = e.mood_after
    end_ms = transcript.events[-1].t_ms if transcript.events else 0
    entries.append(Entry(end_ms, "end", f"Call {transcript.outcome}, final mood {transcript.final_mood}"))
    return entries
