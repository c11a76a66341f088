"""One row per session, and each trainee's progress per skill."""
from __future__ import annotations

from typing import Any, Iterable

from scoring.acts import SKILLS

OVERALL = "overall"


def source_label(source: str) -> str:
    """'builtin', 'file:<first 12 hex digits of its sha256>', or 'unrecorded' (saved before sources were kept)."""
    return "file:" + source.split(":", 1)[1][:12] if source.startswith("sha256:") else source


def session_rows(saved: Iterable[Any]) -> list[dict[str, Any]]:
    """Each SavedSession as a flat row: who, what, when, how it ended, the score, a column per skill."""
    rows = []
    for s in saved:
        row = {
            "id": s.id, "trainee": s.trainee, "scenario_id": s.scenario_id, "title": s.title,
            "scenario_source": source_label(s.scenario_source), "seed": s.seed, "started_at": s.started_iso,
            "outcome": s.outcome, "overall": s.overall, "final_mood": s.final_mood,
            "duration_s": round(s.duration_ms / 1000, 1) if s.duration_ms is not None else None,
        }
        for skill in SKILLS:
            row[skill] = s.skills.get(skill)
        rows.append(row)
    return rows


def by_trainee(saved: Iterable[Any]) -> list[dict[str, Any]]:
    """Per trainee and skill (the overall score first): sessions scored, first, best, latest, lift (latest − first).

    Sessions are taken oldest first; one a skill was not judged in (None) does not count for that skill.
    """
    scores: dict[str, dict[str, list[int]]] = {}
    for s in sorted(saved, key=lambda s: (s.started_at, s.id)):
        if s.outcome is None:
            continue  # in progress: no score yet
        mine = scores.setdefault(s.trainee, {})
        for skill, value in ((OVERALL, s.overall), *((k, s.skills.get(k)) for k in SKILLS)):
            if value is not None:
                mine.setdefault(skill, []).append(value)
    rows = []
    for trainee in sorted(scores):
        for skill in (OVERALL, *SKILLS):
            seen = scores[trainee].get(skill)
            if seen:
                rows.append({"trainee": trainee, "skill": skill, "sessions": len(seen), "first": seen[0],
                             "best": max(seen), "latest": seen[-1], "lift": seen[-1] - seen[0]})
    return rows
