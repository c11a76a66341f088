"""Graph facts of a valid scenario: what leads where, which nodes reach an end, which moods reach a guard.

Moods are sets of 0..100 kept as the bits of one Python int, so the mood
analysis is a small fixpoint over nodes however long the paths are. It
over-approximates (a flag guard may or may not hold), so "no mood can reach
this guard" is a safe claim.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from simulator.engine.loader import reachable_from
from simulator.engine.model import Guard, Scenario

ALL_MOODS = (1 << 101) - 1


def mood_mask(lo: int | None, below: int | None) -> int:
    lo = 0 if lo is None else lo
    hi = 101 if below is None else min(below, 101)
    return 0 if hi <= lo else ((1 << hi) - 1) & ~((1 << lo) - 1)


def shift(moods: int, delta: int) -> int:
    """Every mood moved by `delta`, clamped to 0..100 as the engine does."""
    if delta >= 0:
        moved = moods << delta
        return (moved & ALL_MOODS) | ((1 << 100) if moved >> 101 else 0)
    low = moods & ((1 << -delta) - 1)
    return (moods >> -delta) | (1 if low else 0)


def describe(moods: int) -> str:
    values = [m for m in range(101) if moods >> m & 1]
    if not values:
        return "none"
    return str(values[0]) if len(values) == 1 else f"{values[0]}..{values[-1]}"


def guard_mask(guard: Guard | None) -> int:
    return ALL_MOODS if guard is None else mood_mask(guard.mood_at_least, guard.mood_below)


@dataclass
class Graph:
    reachable: set[str]
    reaches_end: set[str]
    moods: dict[str, int]  # node -> moods it can be entered with
    # (node, move key, branch index) -> moods that can arrive at that branch's guard, earlier branches not taken
    at_guard: dict[tuple[str, str, int], int]
    after_move: dict[tuple[str, str], int]  # moods right after the move's own change


def analyse(scenario: Scenario) -> Graph:
    nodes = scenario.nodes
    reachable = reachable_from(nodes, scenario.start)  # the loader's own walk, as its warning uses
    back: dict[str, set[str]] = {n: set() for n in nodes}
    for node in nodes.values():
        for move in node.moves:
            for b in move.branches:
                back[b.to].add(node.id)
    reaches_end = {n for n, node in nodes.items() if node.is_end}
    todo = deque(reaches_end)
    while todo:
        for prev in back[todo.popleft()]:
            if prev not in reaches_end:
                reaches_end.add(prev)
                todo.append(prev)
    moods, at_guard, after_move = _moods(scenario)
    return Graph(reachable, reaches_end, moods, at_guard, after_move)


def _moods(scenario: Scenario):
    nodes = scenario.nodes
    moods = {n: 0 for n in nodes}
    moods[scenario.start] = 1 << scenario.customer.mood
    todo, queued = deque([scenario.start]), {scenario.start}
    while todo:
        nid = todo.popleft()
        queued.discard(nid)
        for move in nodes[nid].moves:
            for case in _cases(scenario, nodes[nid], move, moods[nid]):
                for i, b, left in case:
                    arriving = left & guard_mask(b.when)
                    if arriving & ~moods[b.to]:
                        moods[b.to] |= arriving
                        if b.to not in queued:
                            queued.add(b.to)
                            todo.append(b.to)
    at_guard: dict[tuple[str, str, int], int] = {}
    after_move: dict[tuple[str, str], int] = {}
    for nid, node in nodes.items():
        for move in node.moves:
            after_move[(nid, move.key)] = 0
            for case in _cases(scenario, node, move, moods[nid]):
                for j, (i, b, left) in enumerate(case):
                    at_guard[(nid, move.key, i)] = at_guard.get((nid, move.key, i), 0) | left
                    if j == 0:
                        after_move[(nid, move.key)] |= left
    return moods, at_guard, after_move


def _cases(scenario: Scenario, node, move, entered: int):
    """For each way the move can be said (cutting in, or not), the moods at each branch it may take.

    Yields, per case, (branch index, branch, moods arriving at its guard with
    earlier branches not taken) for the branches that case can reach.
    """
    heard_at_least = max(1, move.needs_heard)
    cut_ins = [False] + ([True] if heard_at_least < node.story_ends else [])
    for cut_in in cut_ins:
        delta = move.mood + (scenario.cut_in_cost(node) if cut_in else 0)
        yield list(_branches(move, shift(entered, delta) if entered else 0, cut_in))


def _branches(move, left: int, cut_in: bool):
    for i, b in enumerate(move.branches):
        if b.when is not None and b.when.cut_in is not None and b.when.cut_in != cut_in:
            continue  # this way of saying the move never takes this branch
        yield i, b, left
        if b.when is None or (not b.when.flags and not b.when.not_flags):
            left &= ~guard_mask(b.when)  # a guard that only reads mood (and cut_in) takes all it matches
