"""The fold's key is enough: two calls that reach the same engine state with the same
key score the same whatever follows (what lets `lint --bounds` merge them).

Random calls through every built-in are played with the real engine; whenever a
call reaches a (state, key) pair another call reached by different moves, the
other call's beginning is spliced onto this call's ending, and both whole calls
are replayed from the start and scored by `score()`: they must agree on the
overall score, every skill's score and the outcome.
"""
from __future__ import annotations

import random

import pytest

from scoring import score
from scoring.fold import Fold
from scoring.rubric import default_rubric
from scoring.scorecard import finish
from simulator.authoring.explore import Player
from simulator.engine import play_moves
from simulator.engine.builtin import builtin_files, load_builtin

CALLS = 150


def _numbers(card):
    return card.overall, card.outcome, {k: s.score for k, s in card.skills.items()}


@pytest.mark.parametrize("sid", builtin_files())
def test_calls_with_the_same_state_and_key_score_the_same_whatever_follows(sid):
    scenario = load_builtin(sid)
    rng = random.Random(sid)
    player = Player(scenario, seed=0)
    start = player.checkpoint()
    first_seen: dict[tuple, tuple[str, ...]] = {}
    spliced = 0
    for _ in range(CALLS):
        player.rewind(start)
        fold = Fold(player.session.transcript().scenario, default_rubric())
        for e in player.session.opening:
            fold.feed(e)
        met: list[tuple[int, tuple[str, ...]]] = []  # (moves so far, another call's moves to the same pair)
        for _turn in range(60):
            actions = player.actions()
            if not actions:
                break
            for e in player.take(rng.choice(actions)):
                fold.feed(e)
            pair = (player.state(), fold.key())
            moves = tuple(player.moves)
            other = first_seen.setdefault(pair, moves)
            if other != moves:
                met.append((len(moves), other))
        if not player.session.over:
            continue
        whole = tuple(player.moves)
        for at, other in met[:3]:
            mine = _numbers(score(play_moves(scenario, list(whole), seed=0)))
            theirs = _numbers(score(play_moves(scenario, list(other + whole[at:]), seed=0)))
            assert theirs == mine, f"{','.join(other)} | {','.join(whole[at:])} vs {','.join(whole)}"
            spliced += 1
    player.close()
    assert spliced >= 20, "too few calls met to test anything"


def test_asking_for_a_score_midway_leaves_the_fold_as_it_was():
    scenario = load_builtin("lawn-missed-mow")
    t = play_moves(scenario, ["wait", "wait", "wait", "ask-more", "wait", "own-it"], seed=0)
    fold = Fold(t.scenario, default_rubric())
    for e in t.events[:-3]:
        fold.feed(e)
    key = fold.key()
    finish(fold, "abandoned")
    assert fold.key() == key
    for e in t.events[-3:]:
        fold.feed(e)
    assert _numbers(finish(fold, t.outcome)) == _numbers(score(t))
