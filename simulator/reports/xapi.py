"""Saved sessions as xAPI 1.0.3 statements, for a learning record store (LRS).

Per session: `attempted` at the start, one `responded` per move (the move key as
the response, what the trainee said in an extension), `completed` when the call
reached an end, and `passed` or `failed` with the score: scaled 0..1, raw,
min 0, max 100, success, duration, and every skill's score in an extension.
The actor is an account (no e-mail address leaves the machine).

Identifiers are stable: the same session exported twice gives the same
registration and statement ids, so an LRS that receives them again keeps one copy.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any, Iterable

VERSION = "1.0.3"
BASE = "https://hearout.invalid/xapi"  # IRIs hearout mints; .invalid never resolves to someone else's site
HOMEPAGE = "https://hearout.invalid/trainees"  # the account system trainee names belong to
EXT_SKILLS = f"{BASE}/extensions/skills"
EXT_SAID = f"{BASE}/extensions/said"
EXT_OUTCOME = f"{BASE}/extensions/outcome"
EXT_SEED = f"{BASE}/extensions/seed"
EXT_SOURCE = f"{BASE}/extensions/scenario-source"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, BASE)  # registrations are uuid5 names under it
PASS_MARK = 70  # overall score at which a call counts as passed

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {v: {"id": ADL + v, "display": {"en-US": v}} for v in ("attempted", "responded", "completed", "passed",
                                                                 "failed")}
SIMULATION = "http://adlnet.gov/expapi/activities/simulation"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"


def statements(sessions: Iterable[tuple[Any, dict]], *, homepage: str = HOMEPAGE,
               pass_mark: int = PASS_MARK) -> list[dict]:
    """(SavedSession, transcript dict) pairs, oldest first, as xAPI statements."""
    out: list[dict] = []
    for saved, transcript in sessions:
        out.extend(_session(saved, transcript if isinstance(transcript, dict) else {}, homepage, pass_mark))
    return out


def _session(s, transcript: dict, homepage: str, pass_mark: int) -> list[dict]:
    registration = uuid.uuid5(NAMESPACE, f"{s.id}|{s.started_iso}|{s.trainee}|{s.scenario_id}")
    actor = {"objectType": "Agent", "name": s.trainee, "account": {"homePage": homepage, "name": s.trainee}}
    activity_id = f"{BASE}/scenarios/{_segment(s.scenario_id)}"
    if s.scenario_source.startswith("sha256:"):
        activity_id += f"/sha256/{s.scenario_source.split(':', 1)[1]}"
    activity = {"objectType": "Activity", "id": activity_id,
                "definition": {"type": SIMULATION, "name": {"en-US": s.title or s.scenario_id}}}
    context = {"registration": str(registration),
               "extensions": {EXT_SEED: s.seed, EXT_SOURCE: s.scenario_source}}
    made: list[dict] = []

    def add(verb: str, at: datetime, obj: dict, result: dict | None = None, ctx: dict | None = None) -> None:
        st = {"id": str(uuid.uuid5(registration, f"{len(made)}|{verb}")), "actor": actor, "verb": VERBS[verb],
              "object": obj, "context": ctx or context, "timestamp": _iso(at), "version": VERSION}
        if result is not None:
            st["result"] = result
        made.append(st)

    add("attempted", s.started_at, activity)
    events = transcript.get("events") if isinstance(transcript.get("events"), list) else []
    for e in events:
        if not isinstance(e, dict) or e.get("who") != "trainee" or not isinstance(e.get("move"), str):
            continue
        node = str(e.get("node"))
        step = {"objectType": "Activity", "id": f"{activity_id}/nodes/{_segment(node)}",
                "definition": {"type": INTERACTION, "interactionType": "choice",
                               "name": {"en-US": f"{s.title or s.scenario_id}: {node}"}}}
        ctx = {**context, "contextActivities": {"parent": [{"objectType": "Activity", "id": activity_id}]}}
        result = {"response": e["move"]}
        if isinstance(e.get("text"), str) and e["text"]:
            result["extensions"] = {EXT_SAID: e["text"]}
        add("responded", s.started_at + timedelta(milliseconds=_ms(e.get("t_ms"))), step, result, ctx)
    if s.outcome is None:
        return made  # in progress: attempted and answered, nothing more yet
    ended = s.started_at + timedelta(milliseconds=s.duration_ms or 0)
    duration = _duration(s.duration_ms or 0)
    outcome_ext = {EXT_OUTCOME: s.outcome}
    if s.outcome != "abandoned":
        add("completed", ended, activity, {"completion": True, "duration": duration, "extensions": outcome_ext})
    if s.overall is not None:
        passed = s.overall >= pass_mark
        add("passed" if passed else "failed", ended, activity, {
            "score": {"scaled": round(s.overall / 100, 4), "raw": s.overall, "min": 0, "max": 100},
            "success": passed, "completion": s.outcome != "abandoned", "duration": duration,
            "extensions": {**outcome_ext, EXT_SKILLS: {k: v for k, v in s.skills.items() if v is not None}},
        })
    return made


def _segment(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="-._~")


def _ms(value: Any) -> int:
    return value if isinstance(value, int) and value >= 0 else 0


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _duration(ms: int) -> str:
    """ISO 8601 duration, as xAPI wants it: PT1M37.6S."""
    minutes, rest = divmod(ms, 60_000)
    hours, minutes = divmod(minutes, 60)
    seconds = f"{rest / 1000:.2f}".rstrip("0").rstrip(".")
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{seconds}S"
