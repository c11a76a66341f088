"""Where people go wrong: per node of a scenario, the share of sessions taking each move and what it cost.

A move's cost is the points its turn lost, as the scorecard charges them turn by
turn (`score["turns"]`: one judgment, in scoring/); averaged over the times the
move was taken. Sessions saved before scorecards had turns have no cost.
"""
from __future__ import annotations

from typing import Any, Iterable


def choice_rows(sessions: Iterable[tuple[Any, dict]], scores: dict[int, dict | None]) -> list[dict[str, Any]]:
    """`sessions`: (SavedSession, transcript dict) pairs; `scores`: each session's scorecard dict by id."""
    reached: dict[str, set[int]] = {}  # node -> sessions that made a move there
    took: dict[tuple[str, str], set[int]] = {}  # (node, move) -> sessions
    costs: dict[tuple[str, str], list[float]] = {}
    order: list[str] = []
    for saved, transcript in sessions:
        events = transcript.get("events") if isinstance(transcript, dict) else None
        if not isinstance(events, list):
            continue
        lost = _lost_by_event(scores.get(saved.id))
        for i, e in enumerate(events):
            if not isinstance(e, dict) or e.get("who") != "trainee":
                continue
            node, move = str(e.get("node")), str(e.get("move"))
            if node not in reached:
                order.append(node)
            reached.setdefault(node, set()).add(saved.id)
            took.setdefault((node, move), set()).add(saved.id)
            if lost is not None:
                costs.setdefault((node, move), []).append(lost.get(i, 0))
    rows = []
    for node in order:
        moves = sorted((m for n, m in took if n == node), key=lambda m: (-len(took[node, m]), m))
        for move in moves:
            seen = costs.get((node, move))
            rows.append({
                "node": node, "move": move, "sessions": len(took[node, move]), "of": len(reached[node]),
                "share": round(len(took[node, move]) / len(reached[node]), 3),
                "avg_cost": round(sum(seen) / len(seen), 1) if seen else None,
            })
    return rows


def _lost_by_event(score: dict | None) -> dict[int, float] | None:
    """Points lost at each trainee event, from the scorecard's turns; None when it has no turns."""
    turns = score.get("turns") if isinstance(score, dict) else None
    if not isinstance(turns, list):
        return None
    lost: dict[int, float] = {}
    for turn in turns:
        if not isinstance(turn, dict) or not isinstance(turn.get("event"), int):
            continue
        points = [n.get("points") for n in turn.get("notes") or () if isinstance(n, dict)]
        lost[turn["event"]] = -sum(p for p in points if isinstance(p, (int, float)) and p < 0)
    return lost
