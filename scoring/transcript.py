"""The transcript (SPEC §2) as frozen data, read from and written to plain dicts.

This is the one contract between the simulator, which writes transcripts, and
scoring, which reads them. Reading is strict about what the contract requires
(missing fields, wrong types, unknown acts) and lenient about the rest
(unknown fields are ignored), so transcripts from other programs score too.
Reading never touches files: callers hand in the parsed JSON.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Union

from scoring.acts import ACTS
from scoring.vocabulary import CHANNELS, OUTCOMES, WAIT, first_name

FORMAT = "hearout-transcript/v1"


class TranscriptError(ValueError):
    """A transcript that does not follow the contract; `where` is a JSON path."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True, slots=True)
class ScenarioInfo:
    id: str
    title: str
    at_fault: bool
    customer: str | None = None
    skills: tuple[str, ...] = ()

    @property
    def customer_first_name(self) -> str:
        return first_name(self.customer)


@dataclass(frozen=True, slots=True)
class CustomerEvent:
    node: str
    beat: int | None  # None for a silence line
    of: int
    text: str
    t_ms: int
    silence: bool = False
    who: str = "customer"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"who": "customer", "node": self.node, "beat": self.beat, "of": self.of}
        if self.silence:
            d["silence"] = True
        d["text"] = self.text
        d["t_ms"] = self.t_ms
        return d


@dataclass(frozen=True, slots=True)
class TraineeEvent:
    node: str
    move: str
    acts: tuple[str, ...]
    heard: int
    of: int
    interrupted: bool
    text: str
    mood_after: int
    t_ms: int
    channel: str | None = None
    policy_break: bool = False
    typed: str | None = None  # v1.1: the reply as typed, when the move was understood from it
    who: str = "trainee"

    @property
    def is_wait(self) -> bool:
        return self.move == WAIT

    def to_dict(self) -> dict[str, Any]:
        return {
            "who": "trainee",
            "node": self.node,
            "move": self.move,
            "acts": list(self.acts),
            "channel": self.channel,
            "policy_break": self.policy_break,
            "heard": self.heard,
            "of": self.of,
            "interrupted": self.interrupted,
            "text": self.text,
            "mood_after": self.mood_after,
            "t_ms": self.t_ms,
            **({"typed": self.typed} if self.typed is not None else {}),
        }


Event = Union[CustomerEvent, TraineeEvent]


@dataclass(frozen=True, slots=True)
class Transcript:
    scenario: ScenarioInfo
    trainee: str
    seed: int
    started_at: str
    events: tuple[Event, ...]
    outcome: str
    final_mood: int
    start_mood: int | None = None  # v1.1, optional: the customer's mood when the call began

    @property
    def trainee_moves(self) -> tuple[TraineeEvent, ...]:
        """What the trainee said, without the waits."""
        return tuple(e for e in self.events if isinstance(e, TraineeEvent) and not e.is_wait)

    def to_dict(self) -> dict[str, Any]:
        scenario: dict[str, Any] = {
            "id": self.scenario.id,
            "title": self.scenario.title,
            "at_fault": self.scenario.at_fault,
        }
        if self.scenario.customer is not None:
            scenario["customer"] = self.scenario.customer
        scenario["skills"] = list(self.scenario.skills)
        return {
            "format": FORMAT,
            "scenario": scenario,
            "trainee": self.trainee,
            "seed": self.seed,
            "started_at": self.started_at,
            "events": [e.to_dict() for e in self.events],
            "outcome": self.outcome,
            "final_mood": self.final_mood,
            **({"start_mood": self.start_mood} if self.start_mood is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: Any) -> "Transcript":
        return _read_transcript(data)


# --- reading -----------------------------------------------------------------

_MISSING = object()


def _get(obj: dict, key: str, where: str, kind: type, *, optional: bool = False, default: Any = None) -> Any:
    value = obj.get(key, _MISSING)
    path = f"{where}.{key}" if where else key
    if value is _MISSING:
        if optional:
            return default
        raise TranscriptError(path, "missing required field")
    if value is None and optional:
        return default
    # bool is an int in Python; a transcript's integers must not be booleans
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise TranscriptError(path, f"expected {_KIND_NAMES[kind]}, got {_json_type(value)}")
    if isinstance(value, str):
        _check_text(value, path)
    return value


def _check_text(value: str, where: str) -> None:
    # JSON may escape half a surrogate pair ("\ud800"); that is no text a trainee can be shown.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise TranscriptError(where, f"not valid Unicode text (a lone surrogate at character {exc.start + 1})") from None


_KIND_NAMES = {str: "a string", int: "an integer", bool: "true or false", list: "a list", dict: "an object"}


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _read_transcript(data: Any) -> Transcript:
    if not isinstance(data, dict):
        raise TranscriptError("$", f"expected a JSON object, got {_json_type(data)}")
    fmt = _get(data, "format", "", str)
    if fmt != FORMAT:
        raise TranscriptError("format", f"expected {FORMAT!r}, got {fmt!r}")
    sc = _get(data, "scenario", "", dict)
    skills = _get(sc, "skills", "scenario", list, optional=True, default=[])
    for i, s in enumerate(skills):
        if not isinstance(s, str):
            raise TranscriptError(f"scenario.skills[{i}]", f"expected a string, got {_json_type(s)}")
        _check_text(s, f"scenario.skills[{i}]")
    scenario = ScenarioInfo(
        id=_get(sc, "id", "scenario", str),
        title=_get(sc, "title", "scenario", str),
        at_fault=_get(sc, "at_fault", "scenario", bool),
        customer=_get(sc, "customer", "scenario", str, optional=True),
        skills=tuple(skills),
    )
    raw_events = _get(data, "events", "", list)
    events = tuple(_read_event(e, f"events[{i}]") for i, e in enumerate(raw_events))
    _check_consistent(events)
    outcome = _get(data, "outcome", "", str)
    if outcome not in OUTCOMES:
        raise TranscriptError("outcome", f"unknown outcome {outcome!r} (expected one of {', '.join(OUTCOMES)})")
    final_mood = _get(data, "final_mood", "", int)
    _check_mood(final_mood, "final_mood")
    start_mood = _get(data, "start_mood", "", int, optional=True)
    if start_mood is not None:
        _check_mood(start_mood, "start_mood")
    seed = _get(data, "seed", "", int)
    return Transcript(
        scenario=scenario,
        trainee=_get(data, "trainee", "", str),
        seed=seed,
        started_at=_get(data, "started_at", "", str),
        events=events,
        outcome=outcome,
        final_mood=final_mood,
        start_mood=start_mood,
    )


def _check_mood(value: int, where: str) -> None:
    if not 0 <= value <= 100:
        raise TranscriptError(where, f"mood must be 0..100, got {value}")


def _check_count(value: int, where: str) -> None:
    if value < 0:
        raise TranscriptError(where, f"must not be negative, got {value}")


def _read_event(e: Any, where: str) -> Event:
    if not isinstance(e, dict):
        raise TranscriptError(where, f"expected an object, got {_json_type(e)}")
    who = _get(e, "who", where, str)
    t_ms = _get(e, "t_ms", where, int)
    _check_count(t_ms, f"{where}.t_ms")
    node = _get(e, "node", where, str)
    text = _get(e, "text", where, str)
    if who == "customer":
        silence = _get(e, "silence", where, bool, optional=True, default=False)
        beat = _get(e, "beat", where, int, optional=silence)
        if beat is not None:
            _check_count(beat, f"{where}.beat")
        of = _get(e, "of", where, int, optional=silence, default=0)
        _check_count(of, f"{where}.of")
        return CustomerEvent(node=node, beat=beat, of=of, text=text, t_ms=t_ms, silence=silence)
    if who == "trainee":
        acts = _get(e, "acts", where, list)
        if not acts:
            raise TranscriptError(f"{where}.acts", "a move has at least one act")
        for i, act in enumerate(acts):
            if not isinstance(act, str):
                raise TranscriptError(f"{where}.acts[{i}]", f"expected a string, got {_json_type(act)}")
            if act not in ACTS:
                raise TranscriptError(f"{where}.acts[{i}]", f"unknown act {act!r}")
        channel = _get(e, "channel", where, str, optional=True)
        if channel is not None and channel not in CHANNELS:
            raise TranscriptError(f"{where}.channel", f"unknown channel {channel!r} (expected one of {', '.join(CHANNELS)})")
        heard = _get(e, "heard", where, int)
        of = _get(e, "of", where, int)
        _check_count(heard, f"{where}.heard")
        _check_count(of, f"{where}.of")
        mood_after = _get(e, "mood_after", where, int)
        _check_mood(mood_after, f"{where}.mood_after")
        return TraineeEvent(
            node=node,
            move=_get(e, "move", where, str),
            acts=tuple(acts),
            heard=heard,
            of=of,
            interrupted=_get(e, "interrupted", where, bool),
            text=text,
            mood_after=mood_after,
            t_ms=t_ms,
            channel=channel,
            policy_break=_get(e, "policy_break", where, bool, optional=True, default=False),
            typed=_get(e, "typed", where, str, optional=True),
        )
    raise TranscriptError(f"{where}.who", f"expected 'customer' or 'trainee', got {who!r}")


def _check_consistent(events: tuple[Event, ...]) -> None:
    """Events that contradict each other are a broken or forged transcript (SPEC §2).

    Time never goes backwards; a beat is one of its node's beats; a trainee
    cannot have heard more beats of a node than the customer said there; and
    `interrupted` is `heard < of` for a move, false for a wait. (`heard` may
    pass `of`: `of` is where the story ends, and beats may follow it.)
    """
    said: dict[str, int] = {}  # node -> beats the customer has said since entering it
    last_t = 0
    for i, e in enumerate(events):
        where = f"events[{i}]"
        if e.t_ms < last_t:
            raise TranscriptError(f"{where}.t_ms", f"time goes backwards ({e.t_ms} after {last_t})")
        last_t = e.t_ms
        if isinstance(e, CustomerEvent):
            if e.beat is not None:
                if not 1 <= e.beat <= e.of:
                    raise TranscriptError(f"{where}.beat", f"beat {e.beat} of {e.of} is not one of the node's beats")
                said[e.node] = e.beat
            continue
        if e.of < 1:
            raise TranscriptError(f"{where}.of", f"a node's story has at least one beat, got {e.of}")
        if e.heard > said.get(e.node, 0):
            raise TranscriptError(f"{where}.heard", f"heard {e.heard} beats, but the customer had said "
                                  f"{said.get(e.node, 0)} in node {e.node!r}")
        expected = False if e.is_wait else e.heard < e.of
        if e.interrupted != expected:
            rule = "a wait never interrupts" if e.is_wait else f"heard {e.heard} of {e.of}"
            raise TranscriptError(f"{where}.interrupted", f"must be {str(expected).lower()} ({rule})")
