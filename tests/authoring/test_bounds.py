"""`lint --bounds`: the search agrees with brute force, and its move lists replay to its scores."""
from __future__ import annotations

from scoring import score
from simulator.authoring.bounds import search
from simulator.authoring.explore import explore, path_without_listening
from simulator.engine import play_moves
from simulator.engine.loader import load_scenario_text
from simulator.engine.session import Session

SMALL = """\
format: hearout/v1
id: small
title: A small call
skills: [listening, apology, choices, policy]
cut_in_mood: -5
customer: {name: Ana Diaz, mood: 30}
briefing: {at_fault: false, policy: No refunds once the work is done.}
start: opening
nodes:
  opening:
    customer:
      - one_of: [The paint is peeling., Your paint job is peeling off.]
      - It's been two weeks.
      - I want my money back.
    silence: Hello?
    moves:
      - key: ask
        say: I'm sorry to hear that. What happened?
        acts: [empathize, open_question]
        mood: 10
        next: details
      - key: no-refunds
        say: We don't do refunds.
        acts: [refuse]
        mood: -15
        next:
          - when: {mood_below: 15}
            to: lost
          - to: details
      - key: refund
        say: Fine, have it back.
        acts: [cave]
        policy_break: true
        needs_heard: 3
        next: caved
  details:
    customer:
      - one_of: [It started by the door., By the front door first.]
      - Now it's the whole wall.
    moves:
      - key: sorry-choice
        say: I'm sorry. We can repaint it this week, or take 20% off. Which would you like?
        acts: [apologize, offer_choice]
        mood: 20
        next: kept
      - key: reason
        say: Refunds aren't possible once we've painted, because the paint is used, but we can repaint.
        acts: [explain_policy, offer_concession]
        mood: 5
        next:
          - when: {mood_at_least: 40, cut_in: false}
            to: kept
          - to: lost
  kept:
    customer: [All right, this week then.]
    end: retained
  caved:
    customer: [Good.]
    end: resolved
  lost:
    customer: [Forget it.]
    end: churned
"""


def brute_force(scenario, seed):
    """Every call a trainee can make, each replayed from the start: (moves, scorecard)."""
    calls = []

    def extend(moves, waits_here):
        session = Session(scenario, seed=seed, trainee="t")
        for key in moves:
            session.choose(key)
        if session.over:
            calls.append((moves, score(play_moves(scenario, moves, seed=seed))))
            return
        for key in session.valid_keys():
            if key == "wait":
                if waits_here < len(session.node.beats):  # hear every beat, then one silence
                    extend(moves + ["wait"], waits_here + 1)
            else:
                extend(moves + [key], 0)

    extend([], 0)
    return calls


def test_bounds_agree_with_brute_force():
    scenario = load_scenario_text(SMALL)
    for seed in (0, 5):
        calls = brute_force(scenario, seed)
        b = search(scenario, seed=seed)
        assert b.proven and b.calls == len(calls) > 30
        assert b.searched < len(calls)  # memoized: fewer (state, score key) pairs than calls
        scores = [c.overall for _, c in calls]
        assert (b.overall.best.score, b.overall.worst.score) == (max(scores), min(scores))
        for outcome in {c.outcome for _, c in calls}:
            mine = [c.overall for _, c in calls if c.outcome == outcome]
            assert (b.endings[outcome].best.score, b.endings[outcome].worst.score) == (max(mine), min(mine))
        for skill in b.skills:
            mine = [c.skills[skill].score for _, c in calls if c.skills[skill].score is not None]
            assert (b.skills[skill].best.score, b.skills[skill].worst.score) == (max(mine), min(mine))
        assert set(b.skills) == {s for _, c in calls for s, v in c.skills.items() if v.score is not None}


def test_every_reported_move_list_replays_to_its_score():
    scenario = load_scenario_text(SMALL)
    b = search(scenario, seed=3)
    for extremes in (b.overall, *b.endings.values()):
        for w in (extremes.best, extremes.worst):
            card = score(play_moves(scenario, list(w.moves), seed=3))
            assert (card.overall, card.outcome) == (w.score, w.outcome)
    for name, extremes in b.skills.items():
        for w in (extremes.best, extremes.worst):
            assert score(play_moves(scenario, list(w.moves), seed=3)).skills[name].score == w.score


def test_over_budget_the_bounds_are_found_not_proven():
    scenario = load_scenario_text(SMALL)
    b = search(scenario, seed=0, budget=10)
    assert not b.proven
    full = search(scenario, seed=0)
    assert b.overall.best.score <= full.overall.best.score and b.overall.worst.score >= full.overall.worst.score


def test_a_loop_is_named_and_the_bounds_are_found_not_proven():
    text = SMALL.replace("          - to: lost\n  kept:", "          - to: opening\n  kept:")
    scenario = load_scenario_text(text)
    graph = explore(scenario)  # finitely many states, though a call can go round and round
    assert len(graph.edges) < 2000
    b = search(scenario, seed=0, budget=5_000, graph=graph)
    assert not b.proven and b.loop and set(b.loop) <= {"opening", "details"}
    assert b.overall.best.score >= search(load_scenario_text(SMALL)).overall.best.score
    card = score(play_moves(scenario, list(b.overall.best.moves), seed=0))
    assert card.overall == b.overall.best.score


def test_lint_names_the_loop_at_its_node(tmp_path, capsys):
    from simulator.cli import main

    text = SMALL.replace("          - to: lost\n  kept:", "          - to: opening\n  kept:")
    path = tmp_path / "loop.yaml"
    path.write_text(text)
    assert main(["lint", "--strict", "--bounds", str(path)]) == 1
    out = capsys.readouterr().out
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.strip() in ("opening:", "details:"))
    assert "[endless-loop]" in out and "NOT proven (a call can go round in a loop" in out
    finding = next(l for l in out.splitlines() if "[endless-loop]" in l)
    assert finding.startswith(f"{path}:") and int(finding.split(":")[1]) >= line


def test_resolved_without_listening():
    scenario = load_scenario_text(SMALL)
    assert path_without_listening(scenario, explore(scenario), "resolved") is None  # refund needs 3 beats heard
    hasty = load_scenario_text(SMALL.replace("        needs_heard: 3\n", ""))
    assert path_without_listening(hasty, explore(hasty), "resolved") == ["refund"]
