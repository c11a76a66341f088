"""Taking a call with the keyboard alone: home, briefing, the call, the debrief."""
from __future__ import annotations

from scoring import format_scorecard, score
from scoring.transcript import Transcript
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.screens.dialogs import ConfirmScreen
from simulator.tui.widgets.conversation import Conversation
from tui_helpers import CHOICE, HEAR, pick, play_to_debrief, start_call


def saved(store) -> tuple[dict, object]:
    [row] = store.sessions()
    return store.transcript(row.id), row


def lines(app) -> list[str]:
    return [str(w.content) for w in app.screen.query_one(Conversation).query(".line")]


async def test_a_call_plays_start_to_finish_by_keys(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("space", "space")
        await pick(pilot, HEAR)
        await pilot.press("space")
        await pick(pilot, CHOICE)
        assert app.screen.session.over
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
    data, row = saved(store)
    assert row.outcome == "retained" and row.trainee == "tester" and row.seed == 7
    moves = [e["move"] for e in data["events"] if e["who"] == "trainee"]
    assert moves == ["wait", "wait", "hear-more", "wait", "offer-choice"]


async def test_space_says_the_next_beat_and_is_saved_as_listening(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        assert len(lines(app)) == 1
        await pilot.press("space")
        await pilot.pause()
        assert len(lines(app)) == 2 and app.screen.session.heard == 2
        data, _ = saved(store)  # saved after the turn, not only at the end
        assert [e["move"] for e in data["events"] if e["who"] == "trainee"] == ["wait"]


async def test_answering_before_the_last_beat_is_an_interruption(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pick(pilot, HEAR)
    data, _ = saved(store)
    said = [e for e in data["events"] if e["who"] == "trainee"][0]
    assert (said["move"], said["heard"], said["of"], said["interrupted"]) == ("hear-more", 1, 3, True)


async def test_after_the_story_space_brings_the_silence_line_once_per_press(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        assert lines(app)[-1].endswith("Hello? Are you still there?")


async def test_escape_asks_then_abandons_and_shows_the_debrief(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, CallScreen) and not app.screen.session.over
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen)
        assert app.screen.transcript.outcome == "abandoned"
        assert "Outcome: abandoned" in str(app.screen.query_one("#score").content)
    _, row = saved(store)
    assert row.outcome == "abandoned"


async def test_debrief_score_is_the_score_of_the_saved_transcript(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_debrief(pilot)
        shown = str(app.screen.query_one("#score").content)
    data, row = saved(store)
    expected = score(Transcript.from_dict(data)).overall
    assert f"Score: {expected}/100" in shown
    assert row.overall == expected


async def test_retry_uses_a_new_seed_and_replay_the_same(make_app, store):
    seeds = iter([7, 11])
    app = make_app(seed_source=lambda: next(seeds))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("p")  # replay: same seed
        await pilot.pause()
        assert isinstance(app.screen, CallScreen) and app.screen.session.seed == 7
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("r")  # retry: a fresh seed
        await pilot.pause()
        assert app.screen.session.seed == 11
    assert [r.seed for r in store.sessions()] == [7, 7, 11]


async def test_escape_from_the_debrief_goes_home_with_the_best_score(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await play_to_debrief(pilot)
        best = app.screen.card.overall
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.home
        assert app.home.best == {"refund-refused": best}


async def test_after_the_end_escape_also_opens_the_debrief(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pick(pilot, "Our policy doesn't allow refunds after the service.")
        assert app.screen.session.outcome == "churned"
        await pilot.press("space", "1")  # nothing left to answer
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DebriefScreen) and app.screen.transcript.outcome == "churned"


async def test_a_move_that_needs_more_heard_joins_the_list_after_space(make_app, store):
    from dataclasses import replace
    from types import MappingProxyType

    from tui_helpers import refund_call

    s = refund_call()
    opening = s.node("opening")
    waited = replace(opening.move("hear-more"), needs_heard=2)
    nodes = dict(s.nodes, opening=replace(opening, moves=(waited, *opening.moves[1:])))
    app = make_app(scenarios=[replace(s, nodes=MappingProxyType(nodes))])
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        assert HEAR not in app.screen.query_one("MovesList").choices
        before = app.screen.query_one("MovesList").choices
        await pilot.press("space")
        await pilot.pause()
        after = app.screen.query_one("MovesList").choices
        assert after[:len(before)] == before and HEAR in after  # the others keep their numbers
        await pick(pilot, HEAR)
        assert app.screen.session.node.id == "details"


async def test_an_early_apology_reads_the_same_in_the_timeline_and_the_scorecard(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_call(pilot)
        await pick(pilot, "I'm so sorry about that.")  # after 1 of 3 beats
        await pilot.press("space")
        await pick(pilot, CHOICE)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        timeline = " ".join(str(s.content) for s in screen.query(".entry .bullet-text"))
        skills = " ".join(str(s.content) for s in screen.query("SkillBar Static"))
    data, _ = saved(store)
    transcript = Transcript.from_dict(data)
    text = " ".join(format_scorecard(score(transcript), transcript).split())
    said = "apology -30: You apologized after 1 of 3 beats, before Dana had finished the story"
    assert said in text and said in " ".join(timeline.split())
    # the later apology is judged the same way on both: never as "after the story"
    later = "You apologized before Dana had ever told the whole story"
    assert later in text and later in " ".join(timeline.split())
    assert "after hearing the story" not in timeline and "had finished the story," not in skills
