"""Learning paths: a track of scenarios a coach assigns, each with a pass mark, and a trainee's progress on it.

A track is a YAML file (`format: hearout-track/v1`), read through the same
hardened path as scenarios (`simulator.engine.yamlnodes`: no Python objects
built from the file, no anchors, aliases or tags) and checked field by field,
every problem as one `path:line:col: error: ...` line. When a coach assigns a
track, the store keeps the track as it was then, so editing the file later
does not change what a trainee was asked to do.

Progress is pure: the trainee's attempts since the assignment against each
step's pass mark, attempt limit and due date.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from typing import Iterable, Sequence

from simulator.engine.problems import Problem, Problems, ScenarioError
from simulator.practice.history import Attempt

FORMAT = "hearout-track/v1"
ID = re.compile(r"[a-z0-9-]+\Z")
MAX_BYTES = 256 * 1024
MAX_STEPS = 100


class TrackError(ScenarioError):
    """A track file that cannot be used; `problems` lists every reason, one line each."""


class UnknownTrack(Exception):
    """A track id that is not a built-in track."""


@dataclass(frozen=True)
class Step:
    scenario: str
    pass_mark: int  # the overall score that passes this step
    due: date | None = None
    attempts: int | None = None  # None: as many as it takes

    def to_dict(self) -> dict:
        d: dict = {"scenario": self.scenario, "pass": self.pass_mark}
        if self.due is not None:
            d["due"] = self.due.isoformat()
        if self.attempts is not None:
            d["attempts"] = self.attempts
        return d


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    steps: tuple[Step, ...]
    summary: str = ""

    def to_dict(self) -> dict:
        """As the store keeps it with an assignment."""
        return {"format": FORMAT, "id": self.id, "title": self.title, "summary": self.summary,
                "steps": [s.to_dict() for s in self.steps]}

    @classmethod
    def from_dict(cls, d: dict) -> "Track":
        """A track the store kept (written by `to_dict`, so trusted as to shape)."""
        steps = tuple(Step(s["scenario"], int(s["pass"]), date.fromisoformat(s["due"]) if s.get("due") else None,
                           s.get("attempts")) for s in d.get("steps", ()))
        return cls(d["id"], d["title"], steps, d.get("summary", ""))


# --- reading a track file --------------------------------------------------------------


def read_track(data: str | bytes, source: str, scenarios: Iterable[str] | None = None) -> Track:
    """The track in `data`; TrackError lists every problem. `scenarios`: the ids a step may name."""
    from yaml.nodes import SequenceNode

    from simulator.engine.loader import _Reader
    from simulator.engine.yamlnodes import compose, decode

    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    text, problems = decode(data, source)
    if text is None:
        raise TrackError(problems)
    root, found = compose(text, source, noun="a track file")
    problems = Problems()
    problems.extend(found)
    if root is None:
        raise TrackError(problems or [Problem(source, 1, 1, "empty file: no track in it")])
    r = _Reader(source, problems)
    top = r.fields(root, "", ("format", "id", "title", "summary", "steps"), ("format", "id", "title", "steps"))
    fmt = r.text(top.value("format"), "format")
    if fmt is not None and fmt != FORMAT:
        r.error(top.value("format"), f"format must be '{FORMAT}', got '{fmt}'")
    track_id = r.text(top.value("id"), "id")
    if track_id is not None and not ID.match(track_id):
        r.error(top.value("id"), f"id must be lowercase letters, digits and dashes, got '{track_id}'")
    title = r.text(top.value("title"), "title")
    summary = r.text(top.value("summary"), "summary", empty_ok=True) if "summary" in top else ""
    known = set(scenarios) if scenarios is not None else None
    steps: list[Step] = []
    seen: set[str] = set()
    node = top.value("steps")
    if r.expect(node, SequenceNode, "steps", "a list of steps"):
        if not node.value:
            r.error(node, "steps must list at least one scenario")
        if len(node.value) > MAX_STEPS:
            r.error(node, f"a track has at most {MAX_STEPS} steps")
        for i, item in enumerate(node.value[:MAX_STEPS], start=1):
            step = _step(r, item, f"steps[{i}]", known, seen)
            if step is not None:
                steps.append(step)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise TrackError(sorted(problems, key=lambda p: (p.line, p.col)))
    return Track(track_id, title, tuple(steps), summary or "")


def _step(r, node, path: str, known: set[str] | None, seen: set[str]) -> Step | None:
    f = r.fields(node, path, ("scenario", "pass", "due", "attempts"), ("scenario", "pass"), noun="step field")
    scenario = r.text(f.value("scenario"), f"{path}.scenario")
    if scenario is not None:
        if known is not None and scenario not in known:
            from difflib import get_close_matches

            close = get_close_matches(scenario, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            r.error(f.value("scenario"), f"{path}.scenario: no built-in scenario '{scenario}'{hint}")
            scenario = None
        elif scenario in seen:
            r.error(f.value("scenario"), f"{path}.scenario: '{scenario}' is already a step of this track")
            scenario = None
        else:
            seen.add(scenario)
    mark = r.integer(f.value("pass"), f"{path}.pass", 0, 100)
    due = None
    if "due" in f:
        raw = r.text(f.value("due"), f"{path}.due")
        if raw is not None:
            try:
                due = date.fromisoformat(raw.strip())
            except ValueError:
                r.error(f.value("due"), f"{path}.due must be a date such as 2026-12-15, got '{raw}'")
    attempts = r.integer(f.value("attempts"), f"{path}.attempts", 1, 1000) if "attempts" in f else None
    if scenario is None or mark is None or ("due" in f and due is None) or ("attempts" in f and attempts is None):
        return None
    return Step(scenario, mark, due, attempts)


def load_track(name: str, scenarios: Iterable[str] | None = None) -> Track:
    """A built-in track by id, or a track file (a path: ends in .yaml/.yml or has a /)."""
    from simulator.untrusted.files import FileRefused, read_capped

    if name.endswith((".yaml", ".yml")) or "/" in name or os.sep in name:
        try:
            data = read_capped(name, MAX_BYTES, "a track")
        except FileRefused as exc:
            raise TrackError([Problem(name, 1, 1, str(exc))]) from None
        return read_track(data, name, scenarios)
    files = builtin_track_files()
    if name not in files:
        shown = ", ".join(files) or "none"
        raise UnknownTrack(f"no built-in track '{name}' (built-in tracks: {shown}; a track file ends in .yaml)")
    return read_track(files[name].read_bytes(), f"scenarios/tracks/{files[name].name}", scenarios)


def builtin_track_files() -> dict:
    root = resources.files("scenarios") / "tracks"
    if not root.is_dir():
        return {}
    found = {p.name.rsplit(".", 1)[0]: p for p in root.iterdir() if p.name.endswith((".yaml", ".yml"))}
    return dict(sorted(found.items()))


# --- progress ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StepProgress:
    step: Step
    tries: int  # finished calls of this scenario since the assignment
    best: int | None
    passed: bool
    past_due: bool
    out_of_tries: bool  # the attempt limit is used up without a pass

    @property
    def status(self) -> str:
        if self.passed:
            return "passed"
        if self.out_of_tries:
            return "out of attempts"
        if self.past_due:
            return "past due"
        return "to do" if not self.tries else "not passed yet"


@dataclass(frozen=True)
class Progress:
    track: Track
    steps: tuple[StepProgress, ...]

    @property
    def passed(self) -> int:
        return sum(1 for s in self.steps if s.passed)

    @property
    def done(self) -> bool:
        return self.passed == len(self.steps)

    @property
    def next(self) -> StepProgress | None:
        """The first step not passed and still open (attempts left)."""
        return next((s for s in self.steps if not s.passed and not s.out_of_tries), None)

    @property
    def past_due(self) -> list[StepProgress]:
        return [s for s in self.steps if s.past_due]


def progress(track: Track, found: Sequence[Attempt], assigned_at: datetime | str, today: date) -> Progress:
    """How far a trainee whose sessions are `found` has come on `track` since it was assigned."""
    since = assigned_at if isinstance(assigned_at, str) else assigned_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    steps = []
    for step in track.steps:
        tries = [a for a in found if a.scenario_id == step.scenario and a.outcome is not None
                 and a.started_at >= since]
        counted = tries if step.attempts is None else tries[:step.attempts]  # a pass after the limit does not count
        scores = [a.overall for a in counted if a.overall is not None]
        best = max(scores) if scores else None
        passed = best is not None and best >= step.pass_mark
        out = step.attempts is not None and not passed and len(tries) >= step.attempts
        late = step.due is not None and not passed and today > step.due
        steps.append(StepProgress(step, len(tries), best, passed, late, out))
    return Progress(track, tuple(steps))


def summary_line(p: Progress, titles: dict[str, str]) -> str:
    """One line for the home screen: the track, progress, the next call and what is late."""
    head = f"Track: {p.track.title}: {p.passed} of {len(p.steps)} passed"
    if p.done:
        return head + ". All done."
    parts = [head]
    nxt = p.next
    if nxt is not None:
        s = nxt.step
        left = f", {s.attempts - nxt.tries} attempts left" if s.attempts is not None else ""
        due = f", due {s.due.isoformat()}" if s.due is not None else ""
        parts.append(f"Next: {titles.get(s.scenario, s.scenario)} (pass {s.pass_mark}{due}{left})")
    if p.past_due:
        parts.append(f"PAST DUE: {len(p.past_due)}")
    return ". ".join(parts) + "."


def team_rows(track_id: str, assigned: Sequence, attempts_of, today: date) -> list[dict]:
    """`report --track`: one row per trainee the track is assigned to. `assigned`: the store's
    assignments of it; `attempts_of(trainee)`: that trainee's attempts, oldest first."""
    rows = []
    for a in assigned:
        if a.track_id != track_id:
            continue
        track = Track.from_dict(a.track)
        p = progress(track, attempts_of(a.trainee), a.assigned_at, today)
        nxt = p.next
        rows.append({
            "trainee": a.trainee, "assigned": a.assigned_at.strftime("%Y-%m-%d"),
            "passed": p.passed, "of": len(p.steps),
            "next": nxt.step.scenario if nxt is not None else ("done" if p.done else "-"),
            "past_due": ",".join(s.step.scenario for s in p.past_due),
            "out_of_attempts": ",".join(s.step.scenario for s in p.steps if s.out_of_tries),
        })
    return rows
