"""format_scorecard: plain text for an 80-column terminal."""
from __future__ import annotations

from scoring import format_scorecard, score
from scoring.text import bar
from scoring_builder import DREADFUL, EXEMPLARY, call


def test_text_scorecard_lists_score_skills_evidence_and_strengths():
    transcript = call(*DREADFUL)
    card = score(transcript)
    text = format_scorecard(card, transcript)
    lines = text.splitlines()
    assert lines[0] == f"Score: {card.overall}/100"
    assert "Outcome: resolved" in lines
    assert any(line.startswith("listening") and line.rstrip().endswith(bar(card.skills["listening"].score)) for line in lines)
    assert any(line.startswith("channel") and "not judged" in line for line in lines)
    assert "Turn by turn:" in lines
    for verdict in card.turns:
        for note in verdict.notes:
            if note.cost:
                assert f"- {note.skill} {note.points:g}: {note.text[:30]}" in " ".join(text.split())
    assert all(len(line) <= 80 for line in lines)


def test_bar_has_ten_cells():
    assert bar(72) == "███████░░░"
    assert bar(0) == "░" * 10 and bar(100) == "█" * 10
    assert bar(75) == "████████░░"  # halves round up


def test_strengths_shown():
    transcript = call(*EXEMPLARY)
    text = format_scorecard(score(transcript), transcript)
    assert "    + choices: You offered Priya a choice of remedies" in text
