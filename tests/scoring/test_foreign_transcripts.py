"""Transcripts written by other programs: odd but valid ones score, broken ones say where."""
from __future__ import annotations

import pytest

from scoring import format_scorecard, score
from scoring.transcript import Transcript, TranscriptError
from scoring_builder import call, call_dict, move, wait


def test_a_lone_surrogate_anywhere_in_text_is_refused_with_its_place():
    data = call_dict(wait(heard=1), move("empathize", heard=3))
    data["events"][-1]["text"] = "so\ud800rry"
    with pytest.raises(TranscriptError) as info:
        Transcript.from_dict(data)
    assert info.value.where == f"events[{len(data['events']) - 1}].text"
    assert "not valid Unicode" in info.value.message
    data = call_dict(move("empathize"))
    data["scenario"]["skills"] = ["listening", "\udfff"]
    with pytest.raises(TranscriptError) as info:
        Transcript.from_dict(data)
    assert info.value.where == "scenario.skills[1]"


def test_more_beats_heard_than_the_story_reads_as_the_whole_story():
    # story_ends may be smaller than the node's beats: `heard` then passes `of` (SPEC §2).
    transcript = call(wait(heard=1, of=2), wait(heard=2, of=2), move("empathize open_question", heard=3, of=2))
    card = score(transcript)
    lines = [line for s in card.skills.values() for line in (*s.evidence, *s.strengths)]
    text = format_scorecard(card, transcript)
    assert not [line for line in lines if "3 of 2" in line]
    assert "3 of 2" not in text and "(after 2 of 2 beats)" in text


