"""Every state a call can be in, found by playing the scenario with the real engine.

A state is what the engine carries from one turn to the next: the node, the
customer's mood, the flags, the beats heard, and whether the trainee has
already waited once past the last beat (the silence). Each state is expanded
once (memoized), trying `wait` and every move the machine offers there
(`may_<trigger>`, so `needs_heard` and guards decide as in a real call),
with `Session.checkpoint`/`rewind` instead of replaying from the start.

A wait after the silence, or a loop back into a state already on the path,
adds nothing new for the engine: such repeats are where a path stops
branching (they would make the number of paths infinite).
"""
from __future__ import annotations

import sys
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from simulator.engine.clock import ManualClock
from simulator.engine.model import Scenario
from simulator.engine.script import let_time_pass
from simulator.engine.session import Session
from scoring.vocabulary import WAIT

State = tuple  # (node, mood, flags, heard, silenced)
MAX_TURNS = 500  # a random call still going after this many turns is going round a loop
END = "end"


class Player:
    """One real session that a search moves forward and rewinds, exactly as `play` would run it."""

    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.clock = ManualClock()
        self.session = Session(scenario, seed=seed, trainee="lint", clock=self.clock)
        let_time_pass(self.clock, self.session.opening)
        self.silenced = False
        self.moves: list[str] = []

    def state(self) -> State:
        s = self.session
        if s.over:
            return (END, s.outcome, len(self.moves))  # endings are leaves; each path's own
        return (s.state, s.mood, s.flags, s.heard, self.silenced)

    def actions(self) -> list[str]:
        s = self.session
        if s.over:
            return []
        waits = [WAIT] if s.beats_left > 0 or not self.silenced else []
        return waits + [m.key for m in s.moves()]

    def checkpoint(self) -> tuple:
        return self.session.checkpoint(), self.silenced, len(self.moves)

    def rewind(self, cp: tuple) -> None:
        session_cp, self.silenced, n = cp
        self.session.rewind(session_cp)
        del self.moves[n:]

    def take(self, key: str) -> list:
        """Take a move (or wait); returns the events it made, as the transcript records them."""
        s = self.session
        if key == WAIT:
            self.silenced = s.beats_left == 0
        else:
            self.silenced = False
        made = s.choose(key)
        let_time_pass(self.clock, made)
        self.moves.append(key)
        return made

    def close(self) -> None:
        self.session.close()


@dataclass
class StateGraph:
    start: State
    info: Any = None  # the transcript's scenario header (scoring.transcript.ScenarioInfo)
    opening: tuple = ()  # the events before the trainee's first move
    edges: dict[State, list[tuple[str, State]]] = field(default_factory=dict)
    # What each move made (the trainee's event and the customer's reply): for a given state and
    # move they differ only in the customer's varied wording and the clock, which scoring never reads.
    events: dict[tuple[State, str], tuple] = field(default_factory=dict)
    outcomes: dict[State, str] = field(default_factory=dict)  # ending states -> outcome
    live: set[State] = field(default_factory=set)  # states from which an ending can be reached
    complete: bool = True  # False: exploring stopped at its limit of states

    def acyclic_paths(self) -> int | None:
        """How many paths from the start reach an ending, if the live graph has no cycle (else None)."""
        count: dict[State, int] = {}
        on_stack: set[State] = set()
        order = [(self.start, False)]
        while order:
            node, done = order.pop()
            if done:
                on_stack.discard(node)
                count[node] = 1 if node in self.outcomes else sum(
                    count[c] for _, c in self.edges.get(node, ()) if c in self.live)
                continue
            if node in count:
                continue
            if node in on_stack:
                return None
            on_stack.add(node)
            order.append((node, True))
            for _, child in self.edges.get(node, ()):
                if child in self.live and child not in count:
                    if child in on_stack:
                        return None
                    order.append((child, False))
        return count.get(self.start, 0)


    def loop(self) -> list[State] | None:
        """States that go round in a circle among the live ones (a call that need never end), if any."""
        colour: dict[State, int] = {}  # 1: on the current path, 2: done
        for root in self.live:
            if root in colour:
                continue
            path = [root]
            todo = [iter(self._live_children(root))]
            colour[root] = 1
            while todo:
                child = next(todo[-1], None)
                if child is None:
                    colour[path.pop()] = 2
                    todo.pop()
                elif colour.get(child) == 1:
                    return path[path.index(child):]
                elif child not in colour:
                    colour[child] = 1
                    path.append(child)
                    todo.append(iter(self._live_children(child)))
        return None

    def _live_children(self, state: State):
        return (c for _, c in self.edges.get(state, ()) if c in self.live and c not in self.outcomes)


@contextmanager
def deep_recursion(limit: int = 100_000):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def explore(scenario: Scenario, seed: int = 0, max_states: int | None = None) -> StateGraph:
    """Each reachable state expanded once; a depth-first walk keeps checkpoints only along its path.

    Past `max_states` the walk stops and the graph is marked incomplete.
    """
    player = Player(scenario, seed)
    graph = StateGraph(player.state(), player.session.transcript().scenario, tuple(player.session.opening))
    seen = {graph.start}
    stack = [(graph.start, player.checkpoint(), iter(player.actions()))]
    graph.edges[graph.start] = []
    try:
        while stack:
            state, cp, keys = stack[-1]
            key = next(keys, None)
            if key is None:
                stack.pop()
                continue
            player.rewind(cp)
            graph.events[(state, key)] = tuple(player.take(key))
            child = player.state()
            if child[0] == END:
                child = (END, player.session.outcome, state, key)  # one leaf per way into an ending
                graph.outcomes[child] = player.session.outcome
            graph.edges[state].append((key, child))
            if child not in seen and child[0] != END:
                if max_states is not None and len(seen) >= max_states:
                    graph.complete = False
                    break
                seen.add(child)
                graph.edges[child] = []
                stack.append((child, player.checkpoint(), iter(player.actions())))
    finally:
        player.close()
    graph.live = _live(graph)
    return graph


def _live(graph: StateGraph) -> set[State]:
    back: dict[State, list[State]] = {}
    for state, edges in graph.edges.items():
        for _, child in edges:
            back.setdefault(child, []).append(state)
    live = set(graph.outcomes)
    todo = deque(live)
    while todo:
        for prev in back.get(todo.popleft(), ()):
            if prev not in live:
                live.add(prev)
                todo.append(prev)
    return live


def listens(scenario: Scenario, state: State, key: str) -> bool:
    if key == WAIT:
        return True
    move = scenario.nodes[state[0]].move(key)
    return move is not None and "listen" in move.acts


def path_without_listening(scenario: Scenario, graph: StateGraph, outcome: str) -> list[str] | None:
    """The moves of a call that reaches `outcome` without one wait or `listen` act, if there is one."""
    parent: dict[State, tuple[State, str]] = {}
    todo, seen = deque([graph.start]), {graph.start}
    while todo:
        state = todo.popleft()
        for key, child in graph.edges.get(state, ()):
            if child in seen or listens(scenario, state, key):
                continue
            seen.add(child)
            parent[child] = (state, key)
            if graph.outcomes.get(child) == outcome:
                moves = []
                while child in parent:
                    child, key = parent[child]
                    moves.append(key)
                return moves[::-1]
            todo.append(child)
    return None
