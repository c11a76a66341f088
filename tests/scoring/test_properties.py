"""Properties over random valid transcripts, including odd ones other programs may write."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring import format_scorecard, score
from scoring.acts import ACTS, SKILLS
from scoring.transcript import CHANNELS, OUTCOMES, Transcript

ACT_NAMES = sorted(ACTS)


NODES = ["opening", "details", "offer"]


@st.composite
def trainee_event(draw, said: dict[str, int]):
    node = draw(st.sampled_from(NODES))
    of = draw(st.integers(1, 6))
    heard = draw(st.integers(0, said.get(node, 0)))  # no more than the customer said there
    is_wait = draw(st.booleans())
    acts = ["listen"] if is_wait else draw(st.lists(st.sampled_from(ACT_NAMES), min_size=1, max_size=5))
    return {
        "who": "trainee", "node": node,
        "move": "wait" if is_wait else draw(st.sampled_from(["a", "b", "hear-more"])),
        "acts": acts, "channel": None if is_wait else draw(st.none() | st.sampled_from(CHANNELS)),
        "policy_break": draw(st.booleans()), "heard": heard, "of": of,
        "interrupted": False if is_wait else heard < of,  # SPEC §2; the reader refuses anything else
        "text": draw(st.text(max_size=30)), "mood_after": draw(st.integers(0, 100)), "t_ms": 0,
    }


@st.composite
def customer_event(draw, said: dict[str, int]):
    node = draw(st.sampled_from(NODES))
    beat = draw(st.integers(1, 4))
    said[node] = beat
    return {"who": "customer", "node": node, "beat": beat, "of": draw(st.integers(beat, 4)),
            "text": draw(st.text(max_size=20)), "t_ms": 0}


@st.composite
def transcript_dict(draw):
    said: dict[str, int] = {}
    events = [draw(trainee_event(said) if draw(st.booleans()) else customer_event(said))
              for _ in range(draw(st.integers(0, 12)))]
    scenario = {"id": "x", "title": draw(st.text(max_size=20)), "at_fault": draw(st.booleans())}
    customer = draw(st.none() | st.sampled_from(["Priya Shah", "Dana", "", "  "]) | st.text(max_size=15))
    if customer is not None:
        scenario["customer"] = customer
    return {"format": "hearout-transcript/v1", "scenario": scenario, "trainee": "t", "seed": 1,
            "started_at": "", "events": events, "outcome": draw(st.sampled_from(OUTCOMES)),
            "final_mood": draw(st.integers(0, 100))}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcript_dict())
def test_any_valid_transcript_scores_sanely(data):
    transcript = Transcript.from_dict(data)
    card = score(transcript)
    assert 0 <= card.overall <= 100
    assert tuple(card.skills) == SKILLS
    for skill in card.skills.values():
        if skill.score is None:
            assert skill.evidence == () and skill.strengths == ()
        else:
            assert 0 <= skill.score <= 100
            if skill.score < 100:
                assert skill.evidence, f"{skill.name} lost points without saying why"
    if not transcript.trainee_moves:
        assert card.overall == 0
    assert card.to_json() == score(Transcript.from_dict(data)).to_json()
    assert format_scorecard(card, transcript).startswith(f"Score: {card.overall}/100\n")


@settings(max_examples=150, deadline=None)
@given(transcript_dict())
def test_quitting_never_outscores_finishing(data):
    finished = score(Transcript.from_dict(dict(data, outcome="resolved"))).overall
    quit_ = score(Transcript.from_dict(dict(data, outcome="abandoned"))).overall
    assert quit_ <= min(finished, 50)


_COSTLY = {"defend", "dismiss", "cave", "escalate"}
_REMEDY = {"offer_choice", "offer_concession", "concrete_commitment"}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcript_dict())
def test_each_charged_move_has_a_negative_note_on_its_own_turn(data):
    transcript = Transcript.from_dict(data)
    card = score(transcript)
    at_fault = transcript.scenario.at_fault
    for verdict in card.turns:
        e = transcript.events[verdict.event]
        acts = set(e.acts)
        costly = (bool(acts & _COSTLY) or e.policy_break or ("refuse" in acts and not acts & _REMEDY)
                  or ("own_mistake" in acts and not at_fault) or (e.interrupted and acts != {"listen"}))
        if costly:
            assert any(n.points < 0 for n in verdict.notes), (e.move, e.acts, verdict.notes)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcript_dict())
def test_every_point_a_skill_lost_is_on_a_turn_or_named_as_the_whole_calls(data):
    transcript = Transcript.from_dict(data)
    card = score(transcript)
    for name, skill in card.skills.items():
        if skill.score is None or skill.score in (0, 100) or any("how to solve it fairly" in s for s in skill.strengths):
            continue  # shown clamped, or a credit given back
        on_turns = -sum(n.points for v in card.turns for n in v.notes if n.skill == name and n.points < 0)
        whole = sum(float(line.rsplit("(-", 1)[1].rstrip(")")) for line in skill.evidence
                    if not line.startswith("Turn ") and line.endswith(")") and "(-" in line)
        assert abs(on_turns + whole - (100 - skill.score)) <= 1, (name, on_turns, whole, skill.score)
