"""Behaviour of score(): nulls and re-weighting, caps, evidence, determinism."""
from __future__ import annotations

import json
from fractions import Fraction

import pytest

from scoring import Rubric, Scorecard, SkillScore, score
from scoring.acts import SKILLS
from scoring.call import round_half_up
from scoring.transcript import Transcript
from scoring_builder import DREADFUL, EXEMPLARY, call, call_dict, move, wait


def test_scorecard_shape_follows_spec():
    card = score(call(*EXEMPLARY))
    assert isinstance(card, Scorecard)
    assert tuple(card.skills) == SKILLS
    assert all(isinstance(s, SkillScore) and s.name == n for n, s in card.skills.items())
    d = card.to_dict()
    assert list(d) == ["overall", "outcome", "skills", "turns", "caps"]
    assert [t["turn"] for t in d["turns"]] == list(range(1, len(EXEMPLARY) - 1))
    assert list(d["skills"]) == list(SKILLS)
    for entry in d["skills"].values():
        assert set(entry) == {"score", "weight", "evidence", "strengths"}
    assert json.loads(card.to_json()) == d


def test_same_transcript_twice_gives_byte_identical_json():
    data = call_dict(*DREADFUL, outcome="abandoned")
    first = score(Transcript.from_dict(data)).to_json()
    second = score(Transcript.from_dict(json.loads(json.dumps(data)))).to_json()
    assert first == second


def test_unjudged_skills_are_null_and_overall_reweights_over_the_rest():
    card = score(call(*EXEMPLARY))
    assert card.skills["policy"].score is None and card.skills["policy"].evidence == ()
    assert card.skills["channel"].score is None
    judged = {n: s for n, s in card.skills.items() if s.score is not None}
    total = sum(Fraction(str(s.weight)) for s in judged.values())
    expected = round_half_up(sum(Fraction(str(s.weight)) * s.score for s in judged.values()) / total)
    assert card.overall == expected
    assert card.to_dict()["skills"]["policy"] == {"score": None, "weight": 0.05, "evidence": [], "strengths": []}


def test_channel_is_judged_only_when_a_reply_chooses_one_and_a_follow_ups_channel_in_follow_up():
    assert score(call(move("open_question"))).skills["channel"].score is None
    assert score(call(move("open_question", channel="phone"))).skills["channel"].score == 100
    assert score(call(move("offer_concession", channel="email"))).skills["channel"].score < 100
    by_email = score(call(move("offer_choice"), move("follow_up", channel="email")))
    assert by_email.skills["channel"].score is None
    assert by_email.skills["follow_up"].score < 100


@pytest.mark.parametrize("moves", [(), (wait(heard=1), wait(heard=2))])
def test_a_call_with_no_trainee_move_scores_zero(moves):
    card = score(call(*moves, outcome="abandoned"))
    assert card.overall == 0
    assert all(s.score is None for s in card.skills.values())
    assert card.caps and "no move" in card.caps[0]


def test_abandoned_call_is_capped_below_the_same_moves_finished():
    for moves in (EXEMPLARY, EXEMPLARY[:3], DREADFUL, (move("open_question"),)):
        finished = score(call(*moves, outcome="resolved")).overall
        quit_ = score(call(*moves, outcome="abandoned"))
        assert quit_.overall <= 30
        assert quit_.overall <= finished
        if finished > 0:
            assert quit_.overall < finished
            assert any("before it reached an end" in c for c in quit_.caps)


def test_no_listening_at_all_caps_overall_only_when_no_story_was_ever_heard():
    card = score(call(move("refuse", heard=1), move("empathize"), move("apologize"), move("offer_choice check_fairness")))
    assert not any("no listening" in c for c in card.caps)
    assert card.verdict(1).cost
    cut_every_time = score(call(move("apologize offer_choice", heard=1), move("concrete_commitment", heard=1)))
    assert any("no listening" in c for c in cut_every_time.caps)


def test_waits_are_listening_never_interruptions():
    card = score(call(wait(heard=1), wait(heard=2), move("open_question empathize")))
    listening = card.skills["listening"]
    assert not any("cut in" in line for line in listening.evidence)
    assert any("keep talking twice" in line for line in listening.strengths)


def test_clarifying_question_that_cuts_in_costs_less():
    clarify = score(call(move("clarifying_question", heard=1), move("paraphrase"))).skills["listening"]
    opinion = score(call(move("clarifying_question explain_policy", heard=1), move("paraphrase"))).skills["listening"]
    plain = score(call(move("clarifying_question", heard=3), move("paraphrase"))).skills["listening"]
    assert opinion.score < clarify.score < plain.score
    assert any("clarifying question came after 1 of 3 beats" in line for line in clarify.evidence)


def test_evidence_names_the_turn_and_the_customer():
    card = score(call(wait(heard=1), move("apologize", heard=1), move("offer_choice")))
    lines = card.skills["apology"].evidence
    assert any(line.startswith("Turn 1: you apologized after 1 of 3 beats, before Priya") for line in lines)
    assert "Turn 2: you offered Priya a choice of remedies." in card.skills["choices"].strengths


def test_without_a_customer_name_the_evidence_says_the_customer():
    card = score(call(move("defend", heard=1), customer=None))
    assert any("the customer" in line for line in card.skills["composure"].evidence)


def test_every_point_lost_has_an_evidence_line():
    for moves in (EXEMPLARY, DREADFUL, EXEMPLARY[:3]):
        for skill in score(call(*moves, at_fault=True)).skills.values():
            if skill.score is not None and skill.score < 100:
                assert skill.evidence


def test_at_fault_needs_ownership_and_explaining_policy_sounds_like_an_excuse():
    owned = score(call(move("apologize own_mistake"), move("offer_choice"), at_fault=True))
    not_owned = score(call(move("apologize"), move("offer_choice"), at_fault=True))
    assert owned.skills["apology"].score > not_owned.skills["apology"].score
    excuse = score(call(move("apologize own_mistake explain_policy"), at_fault=True)).skills["policy"]
    assert excuse.score < 100 and excuse.evidence


def test_bare_refusal_costs_on_policy_an_explained_one_does_not():
    bare = score(call(move("open_question"), move("refuse"))).skills["policy"]
    explained = score(call(move("open_question"), move("explain_policy refuse"))).skills["policy"]
    assert bare.score < explained.score == 100


def test_asking_the_customer_for_a_solution_is_credited():
    single = score(call(move("open_question"), move("apologize"), move("offer_concession"))).skills["choices"].score
    asked = score(call(move("open_question"), move("apologize"), move("ask_customer_solution"),
                       move("offer_concession"))).skills["choices"].score
    assert asked > single


def test_follow_up_is_judged_when_planned_or_owed():
    assert score(call(move("open_question"))).skills["follow_up"].score is None
    assert score(call(move("offer_choice"))).skills["follow_up"].score < 100
    assert score(call(move("offer_choice"), move("follow_up"))).skills["follow_up"].score == 100


def test_round_half_up_is_not_bankers():
    assert round_half_up(Fraction(5, 2)) == 3
    assert round_half_up(Fraction(9, 2)) == 5
    assert round_half_up(Fraction(449, 10)) == 45
    assert round_half_up(Fraction(4449, 100)) == 44


def test_custom_rubric_reweights_overall():
    transcript = call(move("apologize", heard=3), move("offer_concession"))
    listening_only = Rubric.from_dict({"weights": {s: 0 for s in SKILLS} | {"listening": 1}})
    card = score(transcript, listening_only)
    assert card.overall == card.skills["listening"].score
    assert card.skills["listening"].weight == 1
    harsher = Rubric.from_dict({"rules": {"single_remedy": 60}})
    assert score(transcript, harsher).skills["choices"].score < score(transcript).skills["choices"].score


def test_apology_in_a_later_node_counts_as_early_when_the_story_was_cut_and_never_invited():
    cut_then_sorry = score(call(move("apologize", heard=1), move("apologize", node="sorry-for-what", heard=1, of=1)))
    lines = cut_then_sorry.skills["apology"].evidence
    assert any(line.startswith("Turn 2: you apologized before Priya had ever told the whole story") for line in lines)


def test_a_question_that_cuts_in_invites_the_story_so_hearing_the_answer_out_counts():
    asked = score(call(move("open_question", heard=1), move("apologize empathize", node="details", heard=2, of=2)))
    assert asked.skills["apology"].score == 100
    assert any("Turn 2: you apologized once Priya had finished" in s for s in asked.skills["apology"].strengths)


def test_a_question_invites_the_story_but_cutting_the_answer_short_leaves_it_untold():
    # The answer to the question was cut after 1 of 2 beats, so a later
    # one-beat node heard out does not make the story told.
    cut_answer = score(call(move("open_question", heard=1), move("paraphrase", node="details", heard=1, of=2),
                            move("apologize", node="heard", heard=1, of=1)))
    lines = cut_answer.skills["apology"].evidence
    assert any(line.startswith("Turn 3: you apologized before Priya had ever told the whole story") for line in lines)


def test_a_coach_can_move_a_band():
    transcript = call(*EXEMPLARY, outcome="abandoned")
    default = score(transcript)
    lenient = score(transcript, Rubric.from_dict({"rules": {"abandoned_band": {"band": [0, 100]}}}))
    assert default.overall <= 30 < lenient.overall == score(call(*EXEMPLARY)).overall
    assert lenient.caps == ()


def test_limits_with_the_question_are_credited_when_at_fault():
    card = score(call(move("apologize own_mistake"), move("explain_policy ask_customer_solution"), at_fault=True))
    assert card.skills["policy"].score == 100
    assert any("laid out the limits and asked Priya how to solve it fairly" in s for s in card.skills["policy"].strengths)


def test_an_explanation_charged_as_an_excuse_is_not_also_praised():
    # Regression: at fault, the same turn was listed as a strength ("you explained
    # the reason behind the policy") and charged as an excuse.
    card = score(call(move("apologize own_mistake"), move("explain_policy"), at_fault=True)).skills["policy"]
    assert any(line.startswith("Turn 2:") and "excuse" in line for line in card.evidence)
    assert not any("explained the reason" in line for line in card.strengths)
    not_at_fault = score(call(move("open_question"), move("explain_policy"))).skills["policy"]
    assert "Turn 2: you explained the reason behind the policy." in not_at_fault.strengths


def test_a_band_says_where_the_score_falls_and_costs_on_its_turn():
    card = score(call(*EXEMPLARY[:4], move("cave", node="offer", heard=1, of=1, policy_break=True)))
    assert card.caps == ("Turn 3: you gave in against policy, so the overall score falls to 15-40 "
                         "(the rest of the call decides where).",)
    [note] = [n for n in card.verdict(3).notes if n.skill == "overall"]
    assert note.points < 0 and note.text.startswith("You gave in against policy")
