"""The conversation engine: beats, waits, moves, guards, flags, mood, seeds, endings."""
from __future__ import annotations

from types import MappingProxyType

import pytest

from scoring.transcript import Transcript, TranscriptError
from simulator.engine import CallOver, ManualClock, Session, UnknownMove, play_moves, run_script
from simulator.engine.machine import machine_for
from simulator.engine.model import Beat, Branch, Briefing, Customer, Guard, Move, Node, Scenario


def move(key, to, *, acts=("empathize",), mood=0, sets=(), branches=None, **kw):
    return Move(key=key, say=f"say {key}", acts=tuple(acts), mood=mood, sets=tuple(sets),
                branches=tuple(branches) if branches else (Branch(to=to),), **kw)


def beats(*texts):
    return tuple(Beat(variants=(t,) if isinstance(t, str) else tuple(t)) for t in texts)


def scenario(mood=40):
    nodes = [
        Node(id="opening", beats=beats("One.", ("Two a.", "Two b.", "Two c.", "Two d."), "Three."),
             story_ends=3, silence="Hello?",
             moves=(
                 move("hear", "details", acts=("open_question",), mood=5),
                 move("snap", "x", acts=("refuse",), mood=-30, sets=("stonewalled",), branches=[
                     Branch(to="hangs-up", when=Guard(mood_below=15)),
                     Branch(to="manager", when=Guard(flags=frozenset({"stonewalled"}), mood_at_least=15)),
                     Branch(to="details"),
                 ]),
                 move("again", "opening", acts=("listen",)),
             )),
        Node(id="details", beats=beats("Four.", "Five."), story_ends=1,
             moves=(
                 move("fix", "thanks", acts=("offer_choice",), mood=200),
                 move("soothe", "details", acts=("empathize",), branches=[
                     Branch(to="manager", when=Guard(not_flags=frozenset({"stonewalled"}), mood_at_least=90)),
                     Branch(to="details"),
                 ]),
             )),
        Node(id="manager", beats=beats("Get me a manager."), story_ends=1,
             moves=(move("hand-over", "escalated", acts=("escalate",)),)),
        Node(id="hangs-up", beats=beats("Forget it.", "Bye."), story_ends=2, end="churned"),
        Node(id="escalated", beats=beats("Fine."), story_ends=1, end="escalated"),
        Node(id="thanks", beats=beats("Thank you."), story_ends=1, end="resolved"),
    ]
    return Scenario(
        id="test-call", title="Test call", customer=Customer(name="Dana Whitfield", mood=mood),
        briefing=Briefing(at_fault=False), start="opening",
        nodes=MappingProxyType({n.id: n for n in nodes}), skills=("listening",),
    )


@pytest.fixture
def sc():
    return scenario()


def texts(transcript, who="customer"):
    return [e.text for e in transcript.events if e.who == who]


def test_entering_a_node_says_its_first_beat_at_once(sc):
    s = Session(sc, seed=1, trainee="t")
    assert [e.text for e in s.opening] == ["One."]
    assert s.heard == 1 and not s.story_told


def test_wait_says_the_next_beat_then_the_silence_line_and_changes_nothing_else(sc):
    s = Session(sc, seed=1, trainee="t")
    s.wait()
    s.wait()
    assert s.story_told
    mood = s.mood
    made = s.wait()
    assert made[0].move == "wait" and made[0].acts == ("listen",) and made[0].interrupted is False
    assert made[1].silence and made[1].text == "Hello?" and made[1].beat is None
    assert s.mood == mood and s.state == "opening"


def test_interruption_is_recorded_with_how_much_was_heard(sc):
    t = play_moves(sc, ["hear"])
    said = [e for e in t.events if e.who == "trainee"][0]
    assert (said.heard, said.of, said.interrupted) == (1, 3, True)
    t = play_moves(sc, ["wait", "wait", "hear"])
    said = [e for e in t.events if e.who == "trainee" and e.move == "hear"][0]
    assert (said.heard, said.of, said.interrupted) == (3, 3, False)


def test_mood_is_applied_before_guards_and_clamped(sc):
    # 40 - 30 = 10 < 15: the first guarded branch is taken
    t = play_moves(sc, ["snap"])
    assert t.outcome == "churned" and t.final_mood == 10
    # 200 is clamped to 100
    t = play_moves(sc, ["hear", "fix"])
    assert t.final_mood == 100 and t.outcome == "resolved"
    # clamped at 0 as well
    t = play_moves(scenario(mood=5), ["snap"])
    assert t.final_mood == 0


def test_guards_are_tried_in_order_with_flags(sc):
    # from 60, snap leaves 30: not below 15, stonewalled set and mood >= 15 -> manager
    t = play_moves(scenario(mood=60), ["snap", "hand-over"])
    assert [e.node for e in t.events if e.who == "customer"][-2:] == ["manager", "escalated"]
    assert t.outcome == "escalated"


def test_not_flags_guard_blocks_a_branch(sc):
    # mood 100 after hear: not_flags stonewalled holds -> manager
    t = play_moves(scenario(mood=95), ["hear", "soothe", "hand-over"])
    assert t.outcome == "escalated"


def test_re_entering_a_node_starts_its_beats_again(sc):
    t = play_moves(sc, ["again", "wait"])
    assert [e.beat for e in t.events if e.who == "customer"] == [1, 1, 2]


def test_end_node_says_all_beats_and_ends_the_call(sc):
    t = play_moves(sc, ["snap"])
    assert texts(t)[-2:] == ["Forget it.", "Bye."]


def test_same_seed_same_transcript_different_seeds_differ(sc):
    moves = ["wait", "wait", "again", "wait", "again", "wait", "hear", "fix"]
    a = play_moves(sc, moves, seed=7).to_dict()
    b = play_moves(sc, moves, seed=7).to_dict()
    assert a == b
    picks = {tuple(texts(play_moves(sc, moves, seed=n))) for n in range(12)}
    assert len(picks) > 1


def test_a_node_entered_again_says_a_variant_not_yet_said_in_this_call(sc):
    # Beat 2 has four variants: four passes through it say all four, for every seed.
    moves = ["wait", "again", "wait", "again", "wait", "again", "wait"]
    for seed in range(20):
        said = [t for t in texts(play_moves(sc, moves, seed=seed)) if t.startswith("Two")]
        assert sorted(said) == ["Two a.", "Two b.", "Two c.", "Two d."], seed
        assert said == [t for t in texts(play_moves(sc, moves, seed=seed)) if t.startswith("Two")]


def test_unknown_move_lists_the_valid_keys(sc):
    with pytest.raises(UnknownMove) as err:
        play_moves(sc, ["nope"])
    assert err.value.valid == ("wait", "hear", "snap", "again")
    assert "valid here: wait, hear, snap, again" in str(err.value)


def test_moves_after_the_end_are_refused(sc):
    with pytest.raises(CallOver):
        play_moves(sc, ["snap", "wait"])


def test_moves_running_out_leave_the_call_abandoned(sc):
    t = play_moves(sc, ["wait"])
    assert t.outcome == "abandoned"


def test_time_comes_from_the_injected_clock(sc):
    clock = ManualClock()
    s = Session(sc, seed=1, trainee="t", clock=clock)
    clock.advance(2500)
    ev = s.choose("hear")
    assert ev[0].t_ms == 2500 and ev[1].t_ms == 2500
    t = play_moves(sc, ["wait", "hear"])
    stamps = [e.t_ms for e in t.events]
    assert stamps == sorted(stamps) and stamps[-1] > 0


def test_sessions_share_one_machine_and_leave_it_when_done(sc):
    conv = machine_for(sc)
    assert machine_for(sc) is conv
    before = len(conv.machine.models)
    a = Session(sc, seed=1, trainee="a")
    b = Session(sc, seed=2, trainee="b")
    assert len(conv.machine.models) == before + 2
    a.choose("snap")  # ends the call
    b.abandon()
    assert len(conv.machine.models) == before
    assert not any(k.startswith("to_") for k in conv.machine.get_triggers("opening"))


def test_transcript_round_trips_through_its_dict(sc):
    from scoring.transcript import Transcript

    t = run_script(sc, ["wait", "hear", "fix"], seed=3, trainee="alex").transcript()
    d = t.to_dict()
    assert d["format"] == "hearout-transcript/v1"
    assert d["scenario"] == {"id": "test-call", "title": "Test call", "at_fault": False,
                             "customer": "Dana Whitfield", "skills": ["listening"]}
    assert Transcript.from_dict(d) == t
    assert d["outcome"] == "resolved"


# --- timing the customer feels (SPEC §1 v1.1: cut_in_mood and the cut_in guard) -----------


def bristling(scenario_cost=-10, node_cost=None):
    """A customer who minds being cut off: `ask` interrupting goes to `let-me-finish`."""
    nodes = [
        Node(id="opening", beats=beats("One.", "Two.", "Three."), story_ends=3, cut_in_mood=node_cost,
             moves=(move("ask", "x", acts=("open_question",), mood=5, branches=[
                 Branch(to="let-me-finish", when=Guard(cut_in=True)),
                 Branch(to="thanks"),
             ]),)),
        Node(id="let-me-finish", beats=beats("Let me finish!"), story_ends=1,
             moves=(move("sorry-go-on", "thanks", acts=("apologize",)),)),
        Node(id="thanks", beats=beats("Thanks."), story_ends=1, end="resolved"),
    ]
    return Scenario(id="bristle", title="Bristle", customer=Customer(name="Ann Lee", mood=50),
                    briefing=Briefing(at_fault=False), start="opening",
                    nodes=MappingProxyType({n.id: n for n in nodes}), cut_in_mood=scenario_cost)


def test_cutting_in_costs_the_scenarios_cut_in_mood_on_top_of_the_moves_own():
    s = Session(bristling(-10), seed=1, trainee="t")
    s.choose("ask")  # after 1 of 3 beats
    assert s.mood == 50 + 5 - 10 and s.state == "let-me-finish"
    assert s.transcript().events[1].interrupted is True


def test_a_node_overrides_the_scenarios_cut_in_mood():
    s = Session(bristling(-10, node_cost=-25), seed=1, trainee="t")
    s.choose("ask")
    assert s.mood == 50 + 5 - 25


def test_hearing_the_story_out_costs_nothing_and_the_cut_in_guard_does_not_hold():
    s = Session(bristling(-10), seed=1, trainee="t")
    s.wait()
    s.wait()
    s.choose("ask")
    assert s.mood == 55 and s.outcome == "resolved"


def test_cut_in_guard_false_holds_only_for_a_move_that_let_the_customer_finish():
    assert Guard(cut_in=False).holds(50, frozenset(), cut_in=False)
    assert not Guard(cut_in=False).holds(50, frozenset(), cut_in=True)
    assert Guard(cut_in=True).holds(50, frozenset(), cut_in=True)
    assert Guard().holds(50, frozenset(), cut_in=True)


def test_a_typed_reply_is_kept_beside_the_move_it_was_read_as(sc):
    # Issue 16 / SPEC §2 v1.1: `typed` on the trainee event, only when the move came from typed text.
    session = Session(sc, seed=1, trainee="alex")
    session.choose("hear", typed="so what happend exactly?")
    t = session.transcript()
    said = [e for e in t.events if e.who == "trainee"][0]
    assert (said.move, said.typed, said.text) == ("hear", "so what happend exactly?", sc.node("opening").move("hear").say)
    d = t.to_dict()
    assert [e.get("typed") for e in d["events"] if e["who"] == "trainee"] == ["so what happend exactly?"]
    assert Transcript.from_dict(d) == t
    picked = play_moves(sc, ["hear"]).to_dict()
    assert all("typed" not in e for e in picked["events"])  # a picked move writes no `typed`


def test_a_transcript_whose_typed_is_not_text_is_refused(sc):
    d = play_moves(sc, ["hear"]).to_dict()
    next(e for e in d["events"] if e["who"] == "trainee")["typed"] = 42
    with pytest.raises(TranscriptError, match="typed"):
        Transcript.from_dict(d)
