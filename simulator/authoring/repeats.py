"""`repeated-line`: a customer line that can be said twice in one call.

It reads the real reachability: the states and edges `explore` found by
playing the scenario with the engine. A line is said on an edge: a move
entering a node says its first beat (an end node says all of them), a wait
says the next beat, and a wait past the story says the node's silence. A
line repeats when, after one edge that says it, the call can reach another
edge that says it again: the same beat of a node the call can enter again,
or two places with the same words.

A beat with `one_of` variants is different: the engine says a variant not
yet said in this call first, so such a beat repeats only when a call can
reach it more times than it has variants left (lines said elsewhere in the
call use their variant up). Silence lines have no variants: a node that can
be entered again, and waited out again, says its silence twice; give the
node no silence, or make the path not come back.
"""
from __future__ import annotations

import re
from collections import deque

from scoring.vocabulary import WAIT, clamp
from simulator.authoring.explore import END, State, StateGraph, explore
from simulator.authoring.findings import FileReport
from simulator.engine.loader import Reading
from simulator.engine.model import Scenario
from simulator.engine.problems import one_line

Slot = tuple[str, int]  # (node, beat number from 1); beat 0 is the node's silence line
Edge = tuple[State | None, State]  # a line is said going from one state to the next
SILENCE = 0
UNBOUNDED = 10**9
# Exploring costs time per state: plain `lint` must stay close to parsing the file, so a scenario
# past MAX_NODES is not explored (a note says so), and past MAX_STATES the check reports what the
# explored part proves (every finding is still a real repeat; some may be missed).
MAX_NODES = 300
MAX_STATES = 50_000


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def repeated_lines(s: Scenario, r: Reading, out: FileReport) -> None:
    if len(s.nodes) > MAX_NODES:
        out.notes.append(f"{one_line(out.path)}: repeated-line not checked: {len(s.nodes)} nodes is more than "
                         f"{MAX_NODES} to explore in a plain lint")
        return
    graph = explore(s, max_states=MAX_STATES)
    if not graph.complete:
        out.notes.append(f"{one_line(out.path)}: repeated-line checked the first {MAX_STATES:,} states only")
    said = sayings(s, graph)
    if not said:
        return
    after = {slot: reached(graph, [to for _, to in edges]) for slot, edges in said.items()}
    texts = {slot: _texts(s, slot) for slot in said}
    by_text: dict[str, list[Slot]] = {}
    for slot, lines in texts.items():
        for line in lines:
            by_text.setdefault(norm(line), []).append(slot)

    def can_follow(first: Slot, then: Slot) -> bool:
        return any(frm in after[first] for frm, _ in said[then])

    comp: dict[State, int] = {}
    for slot in sorted(said, key=lambda sl: r.at(*_place(sl))):
        lines = texts[slot]
        if len(lines) == 1:
            earlier = [a for a in by_text[norm(lines[0])] if can_follow(a, slot)]
            if earlier:
                first = min(earlier, key=lambda a: (a != slot, r.at(*_place(a))))
                moves = witness(graph, said[first], said[slot])
                example = f" (e.g. the moves {','.join(moves)})" if moves else ""
                out.add(*r.at(*_place(slot)), "warning", "repeated-line", _single(slot, first, r) + example)
            continue
        used = {norm(t) for t in lines
                if any(len(texts[b]) == 1 and b != slot and can_follow(b, slot) for b in by_text[norm(t)])}
        fresh = len({norm(t) for t in lines} - used)
        comp = comp or components(graph)
        times = most_sayings(graph, comp, said[slot], start_says=_start_slot(s) == slot)
        if times > fresh:
            many = "any number of" if times >= UNBOUNDED else str(times)
            why = f" (node '{slot[0]}' can be entered again)" if times > 1 else ""
            left = f"{fresh} variant(s) not said elsewhere first" if used else f"{len(lines)} variant(s)"
            out.add(*r.at(*_place(slot)), "warning", "repeated-line",
                    f"this beat can be said {many} times in one call{why}, but it has only {left}: add variants, "
                    "or change the path, so no line repeats within one call")


def _single(slot: Slot, first: Slot, r: Reading) -> str:
    nid, beat = slot
    what = "this silence line" if beat == SILENCE else "this line"
    if first == slot:
        how = ("and wait past its story again" if beat == SILENCE
               else "and wait to this beat again" if beat > 1 else "and hear it again")
        fix = ("give the node no silence, or change the path" if beat == SILENCE
               else "give the beat `one_of` variants (the engine says an unsaid one first), or change the path")
        return f"{what} can be said twice in one call: a call can come back to node '{nid}' {how}: {fix}"
    line, _ = r.at(*_place(first))
    where = (f"the silence of '{first[0]}'" if first[1] == SILENCE else f"beat {first[1]} of '{first[0]}'")
    return f"{what} repeats {where} (line {line}), said earlier on a path that gets here: no line repeats " \
           "within one call"


def _place(slot: Slot) -> tuple:
    nid, beat = slot
    return ("silence", nid) if beat == SILENCE else ("beat", nid, beat)


def _texts(s: Scenario, slot: Slot) -> tuple[str, ...]:
    node = s.nodes[slot[0]]
    return (node.silence or "",) if slot[1] == SILENCE else node.beats[slot[1] - 1].variants


def _start_slot(s: Scenario) -> Slot:
    return (s.start, 1)


def sayings(s: Scenario, graph: StateGraph) -> dict[Slot, list[Edge]]:
    """Each line's slot -> the edges of the state graph that say it (the start says the opening's first beat)."""
    out: dict[Slot, list[Edge]] = {}
    if s.nodes[s.start].is_end:
        return out
    out[_start_slot(s)] = [(None, graph.start)]  # said before any edge: nothing leads to it
    for frm, edges in graph.edges.items():
        node = s.nodes[frm[0]]
        heard, silenced = frm[3], frm[4]
        for key, to in edges:
            if key == WAIT:
                if heard < len(node.beats):
                    out.setdefault((node.id, heard + 1), []).append((frm, to))
                elif node.silence and not silenced:
                    out.setdefault((node.id, SILENCE), []).append((frm, to))
            elif to[0] == END:
                end = s.nodes[_ending(s, frm, key)]
                for i in range(1, len(end.beats) + 1):
                    out.setdefault((end.id, i), []).append((frm, to))
            else:
                out.setdefault((to[0], 1), []).append((frm, to))
    return out


def _ending(s: Scenario, frm: State, key: str) -> str:
    """The end node a move leads to from a state: its branches tried as the engine tries them."""
    node = s.nodes[frm[0]]
    move = node.move(key)
    cut_in = frm[3] < node.story_ends
    mood = clamp(frm[1] + move.mood + (s.cut_in_cost(node) if cut_in else 0))
    flags = frm[2] | frozenset(move.sets)
    for b in move.branches:
        if b.when is None or b.when.holds(mood, flags, cut_in):
            return b.to
    return move.branches[-1].to


def witness(graph: StateGraph, first: list[Edge], then: list[Edge]) -> list[str]:
    """The moves of one call that says a line on an edge of `first` and again on an edge of `then`."""
    targets = {frm for frm, _ in then if frm is not None}
    back: dict[State, list[State]] = {}
    for state, edges in graph.edges.items():
        for _, child in edges:
            back.setdefault(child, []).append(state)
    reaches = set(targets)
    todo = deque(targets)
    while todo:
        for prev in back.get(todo.popleft(), ()):
            if prev not in reaches:
                reaches.add(prev)
                todo.append(prev)
    for frm, to in first:
        if to in reaches:
            break
    else:
        return []
    moves = []
    if frm is not None:
        moves, _ = _route(graph, graph.start, {frm})
        moves.append(_key(graph, frm, to))
    more, end = _route(graph, to, targets)
    return [*moves, *more, _key(graph, end, next(t for f, t in then if f == end))]


def _route(graph: StateGraph, start: State, targets: set[State]) -> tuple[list[str], State]:
    """The keys of a shortest walk from `start` to a state in `targets`, and the state it ends in."""
    parent: dict[State, tuple[State, str]] = {}
    todo, seen = deque([start]), {start}
    while todo:
        state = end = todo.popleft()
        if state in targets:
            keys = []
            while state in parent:
                state, key = parent[state]
                keys.append(key)
            return keys[::-1], end
        for key, child in graph.edges.get(state, ()):
            if child not in seen:
                seen.add(child)
                parent[child] = (state, key)
                todo.append(child)
    raise ValueError("no walk to the targets")  # witness() checked that one exists


def _key(graph: StateGraph, frm: State, to: State) -> str:
    return next(k for k, c in graph.edges[frm] if c == to)


def reached(graph: StateGraph, starts: list[State]) -> set[State]:
    seen = set(starts)
    todo = deque(seen)
    while todo:
        for _, child in graph.edges.get(todo.popleft(), ()):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def most_sayings(graph: StateGraph, comp: dict[State, int], edges: list[Edge], start_says: bool) -> int:
    """The most times one call can take these edges (UNBOUNDED if it can go round a loop through one)."""
    weight: dict[int, list[tuple[int, int]]] = {}
    counted = set(edges)
    for frm, tos in graph.edges.items():
        for _, to in tos:
            w = 1 if (frm, to) in counted else 0
            if comp[frm] == comp.get(to, -1):
                if w:
                    return UNBOUNDED
                continue
            weight.setdefault(comp[frm], []).append((comp.get(to, -1), w))
    best: dict[int, int] = {-1: 0}  # -1: the endings
    for c in sorted(set(comp.values())):  # components are numbered sinks first
        best[c] = max((w + best[d] for d, w in weight.get(c, ())), default=0)
    return best[comp[graph.start]] + (1 if start_says else 0)


def components(graph: StateGraph) -> dict[State, int]:
    """Strongly connected components of the non-ending states, numbered in reverse topological order."""
    index: dict[State, int] = {}
    low: dict[State, int] = {}
    comp: dict[State, int] = {}
    stack: list[State] = []
    on: set[State] = set()
    counter = found = 0
    for root in graph.edges:
        if root in index:
            continue
        work = [(root, iter(graph.edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            for _, w in it:
                if w not in graph.edges:
                    continue  # an ending: a leaf
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(graph.edges[w])))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        comp[w] = found
                        if w == v:
                            break
                    found += 1
    return comp
