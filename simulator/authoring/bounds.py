"""`lint --bounds`: the best and worst score a scenario allows, proven by a memoized search.

Scoring reads a call as it goes (`scoring.fold`): what it remembers of a
call so far is its `key()`, the points so far and the facts later turns will
read. Two calls in the same engine state (node, mood, flags, beats heard,
silence) with the same key score the same whatever the trainee does next, so
the search expands each (state, key) pair once. A path reaching an ending is
scored by the real scorer (`scoring.finish`), and each pair remembers the
move that first reached it, so every best and worst comes with the exact
move list, waits included, that replays to it with `hearout play`.

The calls searched are every call that reaches an ending, where the trainee
keeps listening as long as the customer has beats to say and may wait
through one silence before replying (a second silence in a row only repeats
it). When the scenario's states can go round in a circle (a call that need
never end), or the pairs outnumber the budget, the bounds are reported as
found, not proven: the calls found still prove "best at least" and "worst
at most".

The seed picks the `one_of` lines: it changes only the customer's words and
the simulated time, which scoring never reads, so the bounds hold for every
seed; each move list replays with `hearout play --moves ... --seed S`.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

from scoring.fold import Fold
from scoring.rubric import default_rubric
from scoring.scorecard import Outcome, judged
from simulator.authoring.explore import END, State, StateGraph, explore, path_without_listening
from simulator.authoring.findings import FileReport
from simulator.engine.loader import Reading
from simulator.engine.model import Scenario

BUDGET = 200_000  # (state, score key) pairs searched before the search gives up proving (the library needs 22,000 at most)
LOOP_BUDGET = 20_000  # pairs searched for witnesses when a call can go round a loop
BEST_AT_LEAST, WORST_AT_MOST = 85, 35


@dataclass(frozen=True)
class Witness:
    score: int
    outcome: str
    moves: tuple[str, ...]  # during the search: () until the end, when `length` moves are read back
    length: int = 0
    ref: Any = None  # during the search: how to read the moves back

    def __post_init__(self) -> None:
        if self.moves:
            object.__setattr__(self, "length", len(self.moves))

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.score, "outcome": self.outcome, "moves": list(self.moves)}


@dataclass
class Extremes:
    best: Witness | None = None
    worst: Witness | None = None

    def add(self, w: Witness) -> None:
        # On a tie the shorter call is the clearer example.
        if self.best is None or (w.score, -w.length) > (self.best.score, -self.best.length):
            self.best = w
        if self.worst is None or (w.score, w.length) < (self.worst.score, self.worst.length):
            self.worst = w

    def read_back(self, moves_of) -> None:
        if self.best is not None:
            self.best, self.worst = (replace(w, moves=moves_of(w.ref), ref=None) for w in (self.best, self.worst))

    def to_dict(self) -> dict[str, Any]:
        return {"best": self.best.score, "worst": self.worst.score,
                "best_moves": list(self.best.moves), "worst_moves": list(self.worst.moves)}


@dataclass
class Bounds:
    seed: int
    proven: bool = True
    states_explored: bool = True  # False: the engine's states outnumbered the budget
    loop: tuple[str, ...] = ()  # nodes a call can go round forever, when it can
    searched: int = 0  # (state, score key) pairs expanded
    calls: int | None = None  # how many different calls the proof covers (None: uncounted)
    histogram: dict[int, int] = field(default_factory=dict)  # with count=True: calls per overall score
    tree: "Tree | None" = None  # with count=True: what the search found, to ask again from any point
    overall: Extremes = field(default_factory=Extremes)
    skills: dict[str, Extremes] = field(default_factory=dict)
    endings: dict[str, Extremes] = field(default_factory=dict)

    def add(self, card: Outcome, length: int, ref: Any) -> None:
        self.overall.add(Witness(card.overall, card.outcome, (), length, ref))
        self.endings.setdefault(card.outcome, Extremes()).add(Witness(card.overall, card.outcome, (), length, ref))
        for name, score in card.skills.items():
            if score is not None:
                self.skills.setdefault(name, Extremes()).add(Witness(score, card.outcome, (), length, ref))

    def read_back(self, moves_of) -> None:
        for extremes in (self.overall, *self.skills.values(), *self.endings.values()):
            extremes.read_back(moves_of)

    def to_dict(self) -> dict[str, Any]:
        o = self.overall
        return {
            "best": o.best.to_dict() if o.best else None,
            "worst": o.worst.to_dict() if o.worst else None,
            "skills": {k: v.to_dict() for k, v in self.skills.items()},
            "endings": {k: v.to_dict() for k, v in self.endings.items()},
            "proven": self.proven, "paths": self.calls, "searched": self.searched, "seed": self.seed,
            **({"loop": list(self.loop)} if self.loop else {}),
        }


class PlayError(ValueError):
    """A prefix of moves the scenario does not allow."""


def search(scenario: Scenario, seed: int = 0, budget: int = BUDGET, graph: StateGraph | None = None,
           prefix: Sequence[str] = (), count: bool = False) -> Bounds:
    """Every call that begins with `prefix`; with `count`, how many calls reach each overall score."""
    graph = graph or explore(scenario, seed, max_states=budget)
    bounds = Bounds(seed, states_explored=graph.complete)
    loop = graph.loop() if graph.complete else None
    if loop:
        # Round the loop the pairs never run out: nothing can be proven, so search only for witnesses.
        bounds.loop = tuple(dict.fromkeys(s[0] for s in loop))
        budget = min(budget, LOOP_BUDGET)
    state, fold = _walk(graph, prefix)
    if state[0] == END:  # the prefix is a whole call
        bounds.add(judged(fold, graph.outcomes[state]), len(prefix), None)
        bounds.read_back(lambda ref: tuple(prefix))
        bounds.calls = 1
        bounds.histogram = {bounds.overall.best.score: 1}
        return bounds
    start = (state, fold.key())
    # Each pair: the pair and move that first reached it, and how many moves that took.
    came_from: dict[tuple, tuple[tuple | None, str, int]] = {start: (None, "", len(prefix))}
    scored: dict[tuple, int] = {}  # the same ending reached with the same key scores the same
    paths: dict[tuple, list] | None = {} if count else None  # each pair: what its moves lead to
    todo = deque([(start, fold)])  # breadth first: with a loop the short calls are found first
    complete = True
    while todo:
        pair, fold = todo.popleft()
        bounds.searched += 1
        state = pair[0]
        depth = came_from[pair][2] + 1
        leads: list = []
        for key, child in graph.edges.get(state, ()):
            if child not in graph.live:
                continue
            after = fold.copy()
            for event in graph.events[(state, key)]:
                after.feed(event)
            if child[0] == END:
                outcome = graph.outcomes[child]
                ending = (outcome, after.key())
                if ending not in scored:
                    card = judged(after, outcome)
                    scored[ending] = card.overall
                    bounds.add(card, depth, (pair, key))
                leads.append((key, scored[ending]))
                continue
            reached = (child, after.key())
            leads.append((key, reached))
            if reached in came_from:
                continue
            if len(came_from) >= budget:
                complete = False
                continue
            came_from[reached] = (pair, key, depth)
            todo.append((reached, after))
        if paths is not None:
            paths[pair] = leads
    bounds.read_back(lambda ref: tuple(prefix) + _moves(came_from, *ref))
    bounds.proven = complete and graph.complete and not loop
    if bounds.proven:
        bounds.calls = graph.acyclic_paths() if not prefix else None
        if paths is not None:
            bounds.histogram, order = _histogram(paths, start)
            bounds.calls = sum(bounds.histogram.values())
            bounds.tree = Tree(graph, tuple(prefix), paths, _best_from(paths, order))
    return bounds


def _histogram(paths: dict[tuple, list], start: tuple) -> tuple[dict[int, int], list[tuple]]:
    """How many calls end at each overall score, counted through the pairs in topological order (also returned)."""
    waiting: dict[tuple, int] = {}
    for leads in paths.values():
        for _key, lead in leads:
            if isinstance(lead, tuple):
                waiting[lead] = waiting.get(lead, 0) + 1
    ways = {start: 1}
    ready = deque([start])
    order: list[tuple] = []
    out: dict[int, int] = {}
    while ready:
        pair = ready.popleft()
        order.append(pair)
        n = ways[pair]
        for _key, lead in paths[pair]:
            if isinstance(lead, int):
                out[lead] = out.get(lead, 0) + n
                continue
            ways[lead] = ways.get(lead, 0) + n
            waiting[lead] -= 1
            if not waiting[lead]:
                ready.append(lead)
    return dict(sorted(out.items())), order


def _best_from(paths: dict[tuple, list], order: list[tuple]) -> dict[tuple, tuple[int, str]]:
    """For each pair, the best score any way on from it reaches, and the move that starts that way."""
    best: dict[tuple, tuple[int, str]] = {}
    for pair in reversed(order):
        best[pair] = max(((lead if isinstance(lead, int) else best[lead][0], key) for key, lead in paths[pair]),
                         key=lambda option: option[0])
    return best


@dataclass
class Tree:
    """What a counted search keeps: every pair's ways on, and the best way on from each."""

    graph: StateGraph
    prefix: tuple[str, ...]
    paths: dict[tuple, list]
    best: dict[tuple, tuple[int, str]]

    def best_after(self, moves: Sequence[str]) -> Witness:
        """The best call that begins with `moves` (which begin with the search's prefix): finished as well as it can be."""
        graph = self.graph
        if tuple(moves[:len(self.prefix)]) != self.prefix:
            raise PlayError(f"these moves do not begin with the searched prefix {','.join(self.prefix)}")
        state, fold = _walk(graph, moves)
        if state[0] == END:  # these moves are a whole call
            card = judged(fold, graph.outcomes[state])
            return Witness(card.overall, card.outcome, tuple(moves))
        pair = (state, fold.key())
        done = list(moves)
        score = self.best[pair][0]
        while True:
            _, key = self.best[pair]
            done.append(key)
            lead = dict(self.paths[pair])[key]
            if isinstance(lead, int):
                outcome = graph.outcomes[dict(graph.edges[pair[0]])[key]]
                return Witness(score, outcome, tuple(done))
            pair = lead


def _walk(graph: StateGraph, moves: Sequence[str]) -> tuple[State, Fold]:
    """The state these moves lead to (an ending's leaf if the last one ends the call), and the fold that read them."""
    fold = Fold(graph.info, default_rubric())
    for event in graph.opening:
        fold.feed(event)
    state = graph.start
    for i, key in enumerate(moves):
        child = dict(graph.edges.get(state, ())).get(key) if state[0] != END else None
        if child is None:
            raise PlayError(f"move {i + 1}, {key!r}, cannot be taken there")
        for event in graph.events[(state, key)]:
            fold.feed(event)
        state = child
    return state, fold


def _moves(came_from: dict, pair: tuple, last: str) -> tuple[str, ...]:
    """The moves after the prefix that lead to `pair`, then `last`."""
    moves = [last]
    while True:
        pair, key, _depth = came_from[pair]
        if pair is None:
            return tuple(reversed(moves))
        moves.append(key)


def add_bounds(report: FileReport, reading: Reading, seed: int = 0, budget: int = BUDGET,
               found: tuple[StateGraph, Bounds] | None = None) -> None:
    """The bounds' lines and warnings; `found`: a search already run on this scenario (graph, bounds)."""
    scenario = reading.scenario
    if found is None:
        graph = explore(scenario, seed, max_states=budget)
        bounds = search(scenario, seed, budget, graph)
    else:
        graph, bounds = found
    report.bounds = bounds.to_dict()
    report.notes.extend(_lines(report.path, bounds, budget))
    where = reading.at("field", "start")
    best, worst = bounds.overall.best, bounds.overall.worst
    if best is None and not bounds.proven:
        report.add(*where, "warning", "bounds-unproven",
                   f"bounds not proven: {_too_many(bounds, budget)}, and no call reached an ending within them; "
                   "raise --budget to search further")
        return
    if best is None:
        return  # no ending can be reached: lint's dead-end check has said so
    if bounds.loop:
        report.add(*reading.at("node", bounds.loop[0]), "warning", "endless-loop",
                   f"a call can go round {' -> '.join((*bounds.loop, bounds.loop[0]))} for ever: the customer "
                   "repeats herself and the bounds cannot be proven; let a second time lead somewhere new "
                   "(set a flag the first time, and guard on it)")
    unjudged = [s for s in scenario.skills if s not in bounds.skills]
    if not bounds.proven and not bounds.loop and (best.score < BEST_AT_LEAST or worst.score > WORST_AT_MOST or unjudged):
        # Found calls prove "best at least" and "worst at most"; anything else needs the whole search.
        report.add(*where, "warning", "bounds-unproven",
                   f"bounds not proven: {_too_many(bounds, budget)}, and the calls found leave it open "
                   f"(best {best.score}, worst {worst.score}{', no path judging ' + ', '.join(unjudged) if unjudged else ''}); "
                   "raise --budget to search further")
    if bounds.proven and best.score < BEST_AT_LEAST:
        report.add(*where, "warning", "best-too-low",
                   f"the best possible score is {best.score}, under {BEST_AT_LEAST}: even a perfect call cannot "
                   f"score well ({','.join(best.moves)})")
    if bounds.proven and worst.score > WORST_AT_MOST:
        report.add(*where, "warning", "worst-too-high",
                   f"the worst possible score is {worst.score}, over {WORST_AT_MOST}: bad calls score too well "
                   f"({','.join(worst.moves)})")
    skill_checked = {f.message.split("'")[1] for f in report.findings if f.code == "skill-never-exercised"}
    for skill in scenario.skills:
        if bounds.proven and skill not in bounds.skills and skill not in skill_checked:
            report.add(*reading.at("skill", skill), "warning", "skill-never-judged",
                       f"skill '{skill}' is listed, but no path through the call gets it judged")
    silent = path_without_listening(scenario, graph, "resolved")
    if silent is not None:
        report.add(*where, "warning", "resolved-without-listening",
                   f"the call can end 'resolved' without the trainee ever listening: {','.join(silent)}")
    report.sort()


def _lines(path: str, b: Bounds, budget: int) -> list[str]:
    best, worst = b.overall.best, b.overall.worst
    if b.proven:
        how = f"proven over all {b.calls:,} calls ({b.searched:,} states searched)"
    elif b.loop:
        how = "NOT proven (a call can go round in a loop; found)"
    else:
        how = f"NOT proven ({_too_many(b, budget)}; found)"
    if best is None and not b.proven:
        return [f"{path}: bounds NOT proven: {_too_many(b, budget)}, and no call reached an ending within them"]
    if best is None:
        return [f"{path}: bounds: no path reaches an ending"]
    out = [f"{path}: bounds, seed {b.seed}, {how}:",
           f"  best  {best.score:3d} {best.outcome:<9} {','.join(best.moves)}",
           f"  worst {worst.score:3d} {worst.outcome:<9} {','.join(worst.moves)}"]
    for title, group in (("ending", b.endings), ("skill", b.skills)):
        out.append(f"  by {title}: " + ", ".join(f"{k} {e.worst.score}..{e.best.score}" for k, e in group.items()))
    out.append("  (--json gives the moves to each ending's and skill's best and worst)")
    return out


def _too_many(b: Bounds, budget: int) -> str:
    if b.states_explored:
        return f"more than {budget:,} states to search"
    return f"more than {budget:,} states to explore"
