"""Coach reviews as a trainee and a report see them: comments on turns, and skill scores overridden.

The computed score is never changed: it stays as saved, and every reader shows
the coach's override beside it, with the coach's reason.
"""
from __future__ import annotations

from typing import Iterable, Protocol

MAX_TEXT = 2000


class ReviewLike(Protocol):
    session_id: int
    turn: int | None
    skill: str | None
    score: int | None
    text: str
    coach: str | None

    @property
    def is_override(self) -> bool: ...


def overrides(found: Iterable[ReviewLike]) -> dict[str, ReviewLike]:
    """The latest override per skill."""
    return {r.skill: r for r in found if r.is_override}


def comments(found: Iterable[ReviewLike], turn: int | None = None) -> list[ReviewLike]:
    """Comments, only those pinned to `turn` when given."""
    return [r for r in found if not r.is_override and (turn is None or r.turn == turn)]


def _by(r: ReviewLike) -> str:
    return f" ({r.coach})" if r.coach else ""


def coach_lines(found: list[ReviewLike], score: dict | None) -> list[str]:
    """What the coach said about a call, for its debrief: overrides with the computed score, then comments."""
    skills = (score or {}).get("skills") or {}
    lines = []
    for skill, r in overrides(found).items():
        computed = (skills.get(skill) or {}).get("score") if isinstance(skills.get(skill), dict) else None
        was = "not judged" if computed is None else str(computed)
        lines.append(f"{skill.replace('_', ' ')}: {was} computed, {r.score} by your coach{_by(r)}: {r.text}")
    for r in comments(found):
        where = f"Turn {r.turn}" if r.turn is not None else "The call"
        lines.append(f"{where}{_by(r)}: {r.text}")
    return lines


def report_columns(rows: list[dict], found: Iterable[ReviewLike]) -> list[str]:
    """Add the coach's view to `report`'s session rows (each with an "id"), beside the computed scores:
    `SKILL_coach` for every skill a coach overrode, and `coach` (the overrides and comment count).
    Returns the columns added; none, and the rows untouched, when nothing was reviewed."""
    by_session: dict[int, list] = {}
    for r in found:
        by_session.setdefault(r.session_id, []).append(r)
    if not by_session:
        return []
    skills = sorted({r.skill for rs in by_session.values() for r in rs if r.is_override})
    for row in rows:
        mine = by_session.get(row["id"], [])
        set_by_coach = overrides(mine)
        for skill in skills:
            row[f"{skill}_coach"] = set_by_coach[skill].score if skill in set_by_coach else None
        said = len(comments(mine))
        parts = [f"{k} {r.score}" for k, r in set_by_coach.items()] + ([f"{said} note{'s' * (said != 1)}"] if said else [])
        row["coach"] = "; ".join(parts)
    return [f"{skill}_coach" for skill in skills] + ["coach"]
