"""A mistake on a built-in scenario's best path costs, however well the call ends.

On each scenario's best path, one reply at a time is replaced by another reply
offered at the same point whose own `mood` is negative (the author marked it
as a misstep); the call is then finished as well as the scenario allows
(`lint --bounds`' search from that point: the best of every continuation).
The finished call must score lower than the best path, with a negative note
on the replaced turn.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from scoring import score
from simulator.engine import play_moves, run_script
from simulator.engine.builtin import builtin_files, load_builtin

_LIBRARY = Path(__file__).resolve().parents[1] / "scenarios" / "test_library.py"
_spec = importlib.util.spec_from_file_location("library_paths", _LIBRARY)
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
PATHS = _module.PATHS


def _cases():
    for sid in builtin_files():
        sc = load_builtin(sid)
        best = PATHS[sid]["best"][0]
        for i, key in enumerate(best):
            if key == "wait":
                continue
            session = run_script(sc, best[:i], seed=0, trainee="t")
            node, heard = session.node, session.heard
            for m in node.moves:
                if m.key != key and m.mood < 0 and m.needs_heard <= heard:
                    yield pytest.param(sid, i, m.key, id=f"{sid}:{key}->{m.key}")


@pytest.mark.parametrize("sid, index, replacement", list(_cases()))
def test_a_negative_reply_on_the_best_path_costs_and_is_named_at_its_turn(sid, index, replacement, library_bounds):
    sc = load_builtin(sid)
    best_moves = PATHS[sid]["best"][0]
    best = score(play_moves(sc, best_moves, seed=0)).overall
    prefix = (*best_moves[:index], replacement)
    found = library_bounds(sid).tree.best_after(prefix)  # the best way to finish from there
    assert found is not None, "the scenario offers a way to finish"
    card = score(play_moves(sc, list(found.moves), seed=0))
    assert card.overall == found.score
    assert card.overall < best, f"{','.join(found.moves)} scores {card.overall}, the best path {best}"
    turn = sum(1 for k in prefix if k != "wait")
    verdict = card.verdict(turn)
    assert verdict.move == replacement
    assert any(n.points < 0 for n in verdict.notes), f"turn {turn} ({replacement}) has no cost: {verdict.notes}"
