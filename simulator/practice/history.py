"""A trainee's attempts, read from the store, and how each skill has moved over them.

Pure over what the store returns: the saved outcome, overall score and
per-skill scores of each session, exactly as they were saved. Nothing here
re-scores a call; a session saved without a score shows no skills.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping, Protocol, Sequence

from scoring.acts import SKILLS


class SessionSource(Protocol):
    """What history needs of the store."""

    def sessions(self, trainee: str | None = None, *, settle=False) -> list: ...

    def score(self, session_id: int) -> dict | None: ...


@dataclass(frozen=True)
class Attempt:
    """One saved session as history shows it."""

    id: int
    started_at: str  # ISO 8601, UTC
    scenario_id: str
    title: str
    outcome: str | None  # None: still in progress
    overall: int | None
    skills: Mapping[str, int | None]  # the saved per-skill scores; empty when unscored
    reviewed: bool = False  # a coach commented on it or overrode a score
    overridden: Mapping[str, int] = field(default_factory=dict)  # the coach's score per skill overridden

    @property
    def date(self) -> str:
        """`2026-11-22 10:00`, for tables."""
        return self.started_at.replace("T", " ")[:16]


@dataclass(frozen=True)
class SkillProgress:
    skill: str
    series: tuple[int, ...]  # the judged scores, oldest first

    @property
    def first(self) -> int | None:
        return self.series[0] if self.series else None

    @property
    def best(self) -> int | None:
        return max(self.series) if self.series else None

    @property
    def latest(self) -> int | None:
        return self.series[-1] if self.series else None

    @property
    def lift(self) -> int | None:
        """Latest minus first: how far the skill has come."""
        return self.series[-1] - self.series[0] if self.series else None


def attempts(store: SessionSource, trainee: str) -> list[Attempt]:
    """The trainee's sessions, oldest first; a call left in progress by a dead process shows abandoned."""
    from simulator.practice.review import overrides

    rows = store.sessions(trainee, settle=_no_score)
    notes: dict[int, list] = {}
    for r in store.reviews([row.id for row in rows]) if rows and hasattr(store, "reviews") else ():
        notes.setdefault(r.session_id, []).append(r)
    found = []
    for row in rows:
        mine = notes.get(row.id, [])
        found.append(Attempt(
            id=row.id, started_at=_iso(row.started_at), scenario_id=row.scenario_id, title=row.title,
            outcome=row.outcome, overall=row.overall, skills=_skills(store, row), reviewed=bool(mine),
            overridden={skill: r.score for skill, r in overrides(mine).items()},
        ))
    return found


def _skills(store: SessionSource, row) -> dict[str, int | None]:
    saved = getattr(row, "skills", None)  # a store that keeps per-skill scores on the row
    if saved is None:
        card = store.score(row.id) if row.outcome is not None else None
        entries = card.get("skills") if isinstance(card, dict) and isinstance(card.get("skills"), dict) else {}
        saved = {name: _score_of(entry) for name, entry in entries.items()}
    return {name: saved[name] for name in SKILLS if name in saved and _is_score(saved[name])}


def _iso(started) -> str:
    return started if isinstance(started, str) else started.strftime("%Y-%m-%dT%H:%M:%SZ")


def _no_score(_transcript) -> dict:
    # History only reads: an orphan shows as abandoned, and unscored until the app records it.
    return {}


def _score_of(entry) -> int | None:
    value = entry.get("score") if isinstance(entry, dict) else None
    return value if _is_score(value) else None


def _is_score(value) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def finished(found: Iterable[Attempt]) -> list[Attempt]:
    return [a for a in found if a.outcome is not None]


def only_scenario(found: Iterable[Attempt], scenario_id: str | None) -> list[Attempt]:
    return [a for a in found if scenario_id is None or a.scenario_id == scenario_id]


def progress(found: Sequence[Attempt]) -> dict[str, SkillProgress]:
    """Every skill, in score order, with its judged scores over `found` (oldest first)."""
    return {
        name: SkillProgress(name, tuple(a.skills[name] for a in found if a.skills.get(name) is not None))
        for name in SKILLS
    }


def scenarios_played(found: Iterable[Attempt]) -> list[tuple[str, str]]:
    """(id, title) of each scenario in `found`, in the order first played."""
    seen: dict[str, str] = {}
    for a in found:
        seen.setdefault(a.scenario_id, a.title)
    return list(seen.items())
