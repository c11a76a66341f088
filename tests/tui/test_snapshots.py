"""What each screen looks like at 80x24, with a fixed seed and a clock that never moves."""
from __future__ import annotations

from types import SimpleNamespace

from tui_helpers import play_to_debrief

SIZE = (80, 24)


def fixed_card(transcript):
    """A stand-in scorecard, so a change to the rubric does not redraw this snapshot."""
    skill = lambda name, score, weight, evidence=(), strengths=(): SimpleNamespace(
        name=name, score=score, weight=weight, evidence=evidence, strengths=strengths)
    skills = {
        "listening": skill("listening", 60, 0.3, ("You answered after 1 of 3 beats, before Dana finished her story.",)),
        "apology": skill("apology", 90, 0.25, strengths=("You apologized once the story was told.",)),
        "choices": skill("choices", 100, 0.25, strengths=("You offered two remedies to pick from.",)),
        "policy": skill("policy", None, 0.05),
    }
    moves = [i for i, e in enumerate(transcript.events) if e.who == "trainee" and e.move != "wait"]
    note = lambda skill, points, text: SimpleNamespace(skill=skill, points=points, text=text)
    turns = [SimpleNamespace(turn=1, event=moves[0], notes=[note("listening", 0, "You asked an open question.")],
                             better=None),
             SimpleNamespace(turn=2, event=moves[1], notes=[note("apology", -15, "Your apology came with the remedy.")],
                             better=SimpleNamespace(move="wait", say="", why="keep listening a little longer",
                                                    feedback=""))]
    return SimpleNamespace(overall=78, outcome=transcript.outcome, skills=skills, caps=(), turns=turns,
                           to_dict=lambda: {"overall": 78, "outcome": transcript.outcome, "skills": {}})


def test_home(snap_compare, make_app):
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_briefing(snap_compare, make_app):
    assert snap_compare(make_app(), press=["enter"], terminal_size=SIZE)


def test_call_mid_story(snap_compare, make_app):
    assert snap_compare(make_app(), press=["enter", "enter", "space"], terminal_size=SIZE)


def test_debrief(snap_compare, make_app):
    async def play(pilot):
        await pilot.pause()  # snap_compare's pilot starts before the home screen has settled
        await play_to_debrief(pilot)

    assert snap_compare(make_app(scorer=fixed_card), run_before=play, terminal_size=SIZE)
