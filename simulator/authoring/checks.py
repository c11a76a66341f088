"""`hearout lint`'s checks: every loader problem, then graph checks on a scenario that loads.

The loader already warns about unreachable nodes and flags no move sets;
those come through as they are (codes `unreachable`, `flag-never-set`). The
checks here add what needs the whole graph: traps, guards that can never
hold, flags nobody reads, duplicate moves, replies that quote what the
customer has not said yet, and skills no move can exercise.
"""
from __future__ import annotations

from simulator.authoring import facts
from simulator.authoring.findings import FileReport
from simulator.authoring.graph import Graph, analyse, describe, guard_mask
from simulator.authoring.repeats import repeated_lines
from simulator.engine.loader import Reading
from simulator.engine.model import Scenario

ERROR, WARNING = "error", "warning"


def lint_reading(reading: Reading, path: str) -> FileReport:
    report = FileReport(path, more=reading.more)
    # Past its cap the loader counts the rest in one last line; the report counts them instead.
    for p in reading.problems[:len(reading.problems) - (1 if reading.more else 0)]:
        report.add(p.line, p.col, p.severity, p.code, p.message)
    scenario = reading.scenario
    if scenario is not None:
        graph = analyse(scenario)
        for check in (traps, guards, unread_flags, duplicate_moves, early_facts, unexercised_skills):
            check(scenario, graph, reading, report)
        if not any(f.code == "dead-end" for f in report.findings):  # a trap would keep exploring forever
            repeated_lines(scenario, reading, report)
    report.sort()
    return report


def traps(s: Scenario, g: Graph, r: Reading, out: FileReport) -> None:
    for nid in s.nodes:
        if nid in g.reachable and nid not in g.reaches_end:
            out.add(*r.at("node", nid), ERROR, "dead-end",
                    f"no end can be reached from node '{nid}': a call that gets here can never finish "
                    "(a trap or a closed loop)")


def guards(s: Scenario, g: Graph, r: Reading, out: FileReport) -> None:
    for nid, node in s.nodes.items():
        for move in node.moves:
            for i, b in enumerate(move.branches):
                guard = b.when
                if guard is None:
                    continue
                place = ("when", nid, move.key, i)
                both = guard.flags & guard.not_flags
                if both:
                    names = ", ".join(sorted(both))
                    out.add(*r.at(*place, "not_flags"), WARNING, "contradictory-guard",
                            f"this guard needs flag(s) {names} both set and not set: it can never hold")
                if guard.mood_at_least is None and guard.mood_below is None:
                    continue
                where = r.at(*place, "mood_below" if guard.mood_at_least is None else "mood_at_least")
                if not guard_mask(guard):
                    out.add(*where, WARNING, "empty-mood-range",
                            f"no mood is both at least {guard.mood_at_least or 0} and below {guard.mood_below}: "
                            "this guard can never hold")
                elif nid in g.reachable and not g.at_guard[(nid, move.key, i)] & guard_mask(guard):
                    after = describe(g.after_move[(nid, move.key)])
                    out.add(*where, WARNING, "mood-unreachable",
                            f"no path reaches this guard with a mood in its range (the mood after '{move.key}' "
                            f"can be {after}, and earlier branches take what they match)")


def unread_flags(s: Scenario, g: Graph, r: Reading, out: FileReport) -> None:
    read = set()
    for node in s.nodes.values():
        for move in node.moves:
            for b in move.branches:
                if b.when is not None:
                    read |= b.when.flags | b.when.not_flags
    reported = set()
    for nid, node in s.nodes.items():
        for move in node.moves:
            for flag in move.sets:
                if flag not in read and flag not in reported:
                    reported.add(flag)
                    out.add(*r.at("set", nid, move.key, flag), WARNING, "flag-never-read",
                            f"flag '{flag}' is set but no guard reads it")


def duplicate_moves(s: Scenario, g: Graph, r: Reading, out: FileReport) -> None:
    for nid, node in s.nodes.items():
        seen: dict[tuple, str] = {}
        for move in node.moves:
            # A different channel or a policy break is a real choice: scoring tells them apart.
            same = (frozenset(move.acts), move.branches, move.channel, move.policy_break)
            if same in seen:
                out.add(*r.at("move", nid, move.key), WARNING, "duplicate-move",
                        f"move '{move.key}' has the same acts and leads to the same place as '{seen[same]}' "
                        "in this node: the choice between them means nothing")
            else:
                seen[same] = move.key


def early_facts(s: Scenario, g: Graph, r: Reading, out: FileReport) -> None:
    b = s.briefing
    known = facts.words(" ".join((b.text, b.policy, *b.can_offer, s.customer.name, s.customer.about, s.title)))
    for nid, node in s.nodes.items():
        if not node.moves or len(node.beats) < 2:
            continue
        first_said: dict[str, int] = {}
        for n, beat in enumerate(node.beats, 1):
            for variant in beat.variants:
                for fact in facts.facts(variant) - known:
                    first_said.setdefault(fact, n)
        if not first_said:
            continue
        for move in node.moves:
            heard = max(1, move.needs_heard)
            late = sorted((n, f) for f in facts.words(move.say) if (n := first_said.get(f, 0)) > heard)
            if late:
                n, fact = late[-1]
                out.add(*r.at("say", nid, move.key), WARNING, "fact-before-told",
                        f"move '{move.key}' quotes '{fact}', which {s.customer.first_name} first says in beat {n} "
                        f"of '{nid}', but it is offered after beat {heard}: add 'needs_heard: {n}'")


def unexercised_skills(s: Scenario, g: Graph, r: Reading, out: FileReport) -> None:
    """A listed skill that scoring judges on no reachable move, each scored alone after the whole story."""
    if not s.skills:
        return
    from simulator.authoring.probe import skills_judged

    kinds = {(m.acts, m.channel, m.policy_break) for nid in g.reachable for m in s.nodes[nid].moves}
    judged = skills_judged(s, kinds)
    for skill in s.skills:
        if skill not in judged:
            out.add(*r.at("skill", skill), WARNING, "skill-never-exercised",
                    f"skill '{skill}' is listed, but no move here gives scoring anything to judge it on")
