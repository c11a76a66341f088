"""The fold's key is enough: two calls that reach the same engine state with the same
key score the same whatever follows (what lets `lint --bounds` merge them).

For every built-in, calls are played breadth first with the real engine, each
fed to a fold; whenever a call reaches a (state, key) pair that another call
reached by different moves, a random ending is played from there, and both
whole calls (either beginning, the same ending) are replayed from the start
and scored by `score()`: they must agree on the overall score, every skill's
score and the outcome.
"""
from __future__ import annotations

import random
from collections import deque

import pytest

from scoring import score
from scoring.fold import Fold
from scoring.rubric import default_rubric
from scoring.scorecard import finish
from simulator.authoring.explore import Player
from simulator.engine import play_moves
from simulator.engine.builtin import builtin_files, load_builtin

PAIRS = 4000  # pairs played per scenario
MEETINGS = 150  # calls that met, checked per scenario


def _numbers(card):
    return card.overall, card.outcome, {k: s.score for k, s in card.skills.items()}


@pytest.mark.parametrize("sid", builtin_files())
def test_calls_with_the_same_state_and_key_score_the_same_whatever_follows(sid):
    scenario = load_builtin(sid)
    rng = random.Random(sid)
    player = Player(scenario, seed=0)
    fold = Fold(player.session.transcript().scenario, default_rubric())
    for e in player.session.opening:
        fold.feed(e)
    first: dict[tuple, tuple[str, ...]] = {(player.state(), fold.key()): ()}
    todo = deque([(player.checkpoint(), (), fold)])
    met: list[tuple[tuple[str, ...], tuple[str, ...], tuple]] = []
    while todo and len(first) < PAIRS:
        cp, before, fold = todo.popleft()
        player.rewind(cp)
        player.moves[:] = before  # a checkpoint keeps how many moves, not which
        for action in player.actions():
            player.rewind(cp)
            player.moves[:] = before
            after = fold.copy()
            for e in player.take(action):
                after.feed(e)
            if player.session.over:
                continue
            pair = (player.state(), after.key())
            moves = tuple(player.moves)
            if pair not in first:
                first[pair] = moves
                todo.append((player.checkpoint(), moves, after))
            elif len(met) < MEETINGS and rng.random() < 0.5:
                met.append((first[pair], moves, player.checkpoint()))
    for one, other, cp in met:
        player.rewind(cp)
        player.moves[:] = other
        while not player.session.over:
            player.take(rng.choice(player.actions()))
        ending = tuple(player.moves[len(other):])
        mine = _numbers(score(play_moves(scenario, list(one + ending), seed=0)))
        theirs = _numbers(score(play_moves(scenario, list(other + ending), seed=0)))
        assert theirs == mine, f"{','.join(one)} / {','.join(other)} | {','.join(ending)}"
    player.close()
    assert len(met) >= 10, "too few calls met to test anything"


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
