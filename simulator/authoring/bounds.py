"""`lint --bounds`: the best and worst score a scenario allows, proven by playing every path.

Scoring is a black box here (`scoring.score` on the transcript the real
engine writes), so nothing is assumed about what it reads: each complete
path is played and its transcript scored. The states are explored once
(`explore`); the paths are then enumerated over live states only (from
which an ending can be reached: the one pruning that is always safe), each
path stopping where it would repeat a state already on it. When the paths
outnumber the budget the bounds are reported as found, not proven, with
random complete paths added as witnesses; a best found of 85 or more still
proves the best is at least that (the path is its proof).

The seed picks the `one_of` lines: it changes only the customer's words and
the simulated time, and the bounds hold for that seed; every move list
replays with `hearout play --moves ... --seed S` to exactly its score.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from scoring import score
from simulator.authoring.explore import (
    END,
    MAX_TURNS,
    Player,
    State,
    StateGraph,
    deep_recursion,
    explore,
    path_without_listening,
)
from simulator.authoring.findings import FileReport
from simulator.engine.loader import Reading
from simulator.engine.model import Scenario

BUDGET = 10_000  # complete paths scored before the search gives up proving
STATES_PER_PATH = 2  # states explored per path of budget, before exploring gives up too
SAMPLES = 1_000  # random complete paths tried when it does
BEST_AT_LEAST, WORST_AT_MOST = 85, 35


@dataclass(frozen=True)
class Witness:
    score: int
    outcome: str
    moves: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.score, "outcome": self.outcome, "moves": list(self.moves)}


@dataclass
class Extremes:
    best: Witness | None = None
    worst: Witness | None = None

    def add(self, w: Witness) -> None:
        # On a tie the shorter call is the clearer example.
        if self.best is None or (w.score, -len(w.moves)) > (self.best.score, -len(self.best.moves)):
            self.best = w
        if self.worst is None or (w.score, len(w.moves)) < (self.worst.score, len(self.worst.moves)):
            self.worst = w

    def to_dict(self) -> dict[str, Any]:
        return {"best": self.best.score, "worst": self.worst.score,
                "best_moves": list(self.best.moves), "worst_moves": list(self.worst.moves)}


@dataclass
class Bounds:
    seed: int
    proven: bool = True
    states_explored: bool = True  # False: there were too many states to explore them all
    paths: int = 0  # complete paths scored
    overall: Extremes = field(default_factory=Extremes)
    skills: dict[str, Extremes] = field(default_factory=dict)
    endings: dict[str, Extremes] = field(default_factory=dict)

    def add(self, card, moves: tuple[str, ...], counted: bool = True) -> None:
        self.paths += counted
        self.overall.add(Witness(card.overall, card.outcome, moves))
        self.endings.setdefault(card.outcome, Extremes()).add(Witness(card.overall, card.outcome, moves))
        for name, skill in card.skills.items():
            if skill.score is not None:
                self.skills.setdefault(name, Extremes()).add(Witness(skill.score, card.outcome, moves))

    def to_dict(self) -> dict[str, Any]:
        o = self.overall
        return {
            "best": o.best.to_dict() if o.best else None,
            "worst": o.worst.to_dict() if o.worst else None,
            "skills": {k: v.to_dict() for k, v in self.skills.items()},
            "endings": {k: v.to_dict() for k, v in self.endings.items()},
            "proven": self.proven, "paths": self.paths, "seed": self.seed,
        }


def search(scenario: Scenario, seed: int = 0, budget: int = BUDGET, graph: StateGraph | None = None) -> Bounds:
    graph = graph or explore(scenario, seed, max_states=budget * STATES_PER_PATH)
    bounds = Bounds(seed, states_explored=graph.complete)
    player = Player(scenario, seed)
    start = player.checkpoint()
    try:
        known = graph.acyclic_paths() if graph.complete else None
        if not graph.complete or (known is not None and known > budget):
            bounds.proven = False  # no need to try: there are more paths than the budget
        else:
            with deep_recursion():
                bounds.proven = _every_path(graph, player, bounds, budget)
        if not bounds.proven and graph.complete:
            _samples(graph, player, start, bounds, random.Random(seed))
        elif not bounds.proven:
            _random_calls(player, start, bounds, random.Random(seed))
    finally:
        player.close()
    return bounds


def _every_path(graph: StateGraph, player: Player, bounds: Bounds, budget: int) -> bool:
    on_path: set[State] = set()

    def walk(state: State) -> bool:
        on_path.add(state)
        cp = player.checkpoint()
        for key, child in graph.edges.get(state, ()):
            if child not in graph.live or child in on_path:
                continue
            player.take(key)
            if child[0] == END:
                if bounds.paths >= budget:
                    return False
                bounds.add(score(player.session.transcript()), tuple(player.moves))
            elif not walk(child):
                return False
            player.rewind(cp)
        on_path.discard(state)
        return True

    return walk(graph.start)


def _samples(graph: StateGraph, player: Player, start: tuple, bounds: Bounds, rng: random.Random) -> None:
    for _ in range(SAMPLES):
        state, on_path, moves = graph.start, {graph.start}, []
        while state[0] != END:
            options = [(k, c) for k, c in graph.edges.get(state, ()) if c in graph.live and c not in on_path]
            if not options:
                break
            key, state = rng.choice(options)
            on_path.add(state)
            moves.append(key)
        if state[0] != END:
            continue
        player.rewind(start)
        for key in moves:
            player.take(key)
        bounds.add(score(player.session.transcript()), tuple(moves), counted=False)  # witnesses, not proof


def _random_calls(player: Player, start: tuple, bounds: Bounds, rng: random.Random) -> None:
    """Witnesses when the states could not all be explored: random calls played to their end."""
    for _ in range(SAMPLES // 10):  # long calls: each may take hundreds of turns
        player.rewind(start)
        for _turn in range(MAX_TURNS):
            actions = player.actions()
            if not actions:
                break
            player.take(rng.choice(actions))
        if player.session.over:
            bounds.add(score(player.session.transcript()), tuple(player.moves), counted=False)


def add_bounds(report: FileReport, reading: Reading, seed: int = 0, budget: int = BUDGET) -> None:
    scenario = reading.scenario
    graph = explore(scenario, seed, max_states=budget * STATES_PER_PATH)
    bounds = search(scenario, seed, budget, graph)
    report.bounds = bounds.to_dict()
    report.notes.extend(_lines(report.path, bounds, budget))
    where = reading.at("field", "start")
    best, worst = bounds.overall.best, bounds.overall.worst
    if best is None:
        return  # no ending can be reached: lint's dead-end check has said so
    unjudged = [s for s in scenario.skills if s not in bounds.skills]
    if not bounds.proven and (best.score < BEST_AT_LEAST or worst.score > WORST_AT_MOST or unjudged):
        # Found paths prove "best at least" and "worst at most"; anything else needs every path.
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
    how = f"proven over {b.paths} paths" if b.proven else f"NOT proven ({_too_many(b, budget)}; found)"
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
        return f"more than {budget} paths"
    return f"more than {budget * STATES_PER_PATH} states to explore"
