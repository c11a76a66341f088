"""A scenario as a Mermaid `stateDiagram-v2`, endings labelled, a call's path marked.

Written directly rather than through transitions' GraphMachine: its mermaid
output uses node ids as Mermaid ids (ours hold '-', which Mermaid reads as
an arrow), writes `Class` where Mermaid expects `class`, and labels edges
with our internal trigger names; endings and a transcript's path need their
own marks anyway.
"""
from __future__ import annotations

from typing import Iterable

from simulator.engine.model import Guard, Scenario


def _id(node_id: str) -> str:
    return "n_" + node_id.replace("-", "_")  # node ids are [a-z0-9-]: this is one-to-one


def _text(text: str) -> str:
    # A label is one line; '"', ':' and ';' end or split Mermaid statements.
    return " ".join(text.split()).replace('"', "'").replace(":", " ").replace(";", ",")


def guard_text(guard: Guard | None) -> str:
    if guard is None:
        return ""
    parts = []
    if guard.mood_at_least is not None:
        parts.append(f"mood {guard.mood_at_least}+")
    if guard.mood_below is not None:
        parts.append(f"mood under {guard.mood_below}")
    parts += [f"flag {f}" for f in sorted(guard.flags)]
    parts += [f"no flag {f}" for f in sorted(guard.not_flags)]
    return " if " + ", ".join(parts)


def mermaid(scenario: Scenario, path: Iterable[tuple[str, str]] = (), visited: Iterable[str] = ()) -> str:
    """The diagram; `path` is the (node, move key) pairs a call took, in order, `visited` the nodes it was in."""
    taken: dict[tuple[str, str], list[int]] = {}
    visited = set(visited)
    for turn, (node, key) in enumerate(path, 1):
        taken.setdefault((node, key), []).append(turn)
        visited.add(node)
    lines = ["stateDiagram-v2", "  direction LR"]
    for node in scenario.nodes.values():
        label = f"{node.id} (outcome {node.end})" if node.is_end else node.id
        lines.append(f'  state "{_text(label)}" as {_id(node.id)}')
    lines.append(f"  [*] --> {_id(scenario.start)}")
    for node in scenario.nodes.values():
        for move in node.moves:
            turns = taken.get((node.id, move.key))
            mark = f" (taken, turn {', '.join(map(str, turns))})" if turns else ""
            for branch in move.branches:
                label = _text(f"{move.key}{guard_text(branch.when)}{mark}")
                lines.append(f"  {_id(node.id)} --> {_id(branch.to)}: {label}")
        if node.is_end:
            lines.append(f"  {_id(node.id)} --> [*]")
    ends = [n.id for n in scenario.nodes.values() if n.is_end]
    lines.append("  classDef ending font-weight:bold,stroke-width:3px")
    if ends:
        lines.append(f"  class {','.join(map(_id, ends))} ending")
    if visited:
        lines.append("  classDef visited fill:#ffe9a8,stroke:#b07d00")
        lines.append(f"  class {','.join(_id(n) for n in scenario.nodes if n in visited)} visited")
    return "\n".join(lines) + "\n"
