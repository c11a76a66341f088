"""A session: one trainee taking one call through a scenario's machine.

The session says the customer's beats one at a time, records every trainee
move with how much of the story had been heard, applies mood and flags, and
lets the shared `transitions` machine choose where each move leads. It never
prints and never waits: callers (the UI, the CLI, tests) decide when time
passes and get back the events each step produced.
"""
from __future__ import annotations

import random
from datetime import datetime, timezone
from typing import Sequence

from scoring.transcript import CustomerEvent, Event, ScenarioInfo, TraineeEvent, Transcript
from scoring.vocabulary import ABANDONED, WAIT, clamp
from simulator.engine.clock import Clock, ManualClock
from simulator.engine.machine import machine_for, trigger_name
from simulator.engine.model import Move, Node, Scenario
from simulator.untrusted.text import shorten


class PlayError(Exception):
    """A move the session cannot take; the message says why."""


class UnknownMove(PlayError):
    def __init__(self, key: str, node: str, valid: Sequence[str]):
        self.key, self.node, self.valid = key, node, tuple(valid)
        super().__init__(f"unknown move {shorten(key)!r} at node {node!r}; valid here: {', '.join(self.valid)}")


class CallOver(PlayError):
    def __init__(self, key: str):
        self.key = key
        super().__init__(f"move {shorten(key)!r} comes after the call has ended")


class Session:
    """Attributes `state`, `trigger` and `may_trigger` belong to `transitions`."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int,
        trainee: str,
        clock: Clock | None = None,
        started_at: datetime | None = None,
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.trainee = trainee
        self.clock: Clock = clock if clock is not None else ManualClock()
        started = started_at or datetime.now(timezone.utc)
        self.started_at = started.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.mood = scenario.customer.mood
        self.flags: frozenset[str] = frozenset()
        self.cut_in = False  # whether the move being taken interrupted the story (the `cut_in` guard)
        self.events: list[Event] = []
        self.outcome: str | None = None
        self._rng = random.Random(seed)
        self._said = 0
        self._lines: frozenset[str] = frozenset()  # every customer line said so far in this call
        self._conversation = machine_for(scenario)
        self._conversation.machine.add_model(self, initial=scenario.start)
        self._attached = True
        self.opening: list[Event] = self._enter()

    # --- what the caller can see -------------------------------------------

    @property
    def node(self) -> Node:
        return self.scenario.nodes[self.state]  # type: ignore[attr-defined]

    @property
    def over(self) -> bool:
        return self.outcome is not None

    @property
    def heard(self) -> int:
        """Beats of the current node said so far."""
        return self._said

    @property
    def story_told(self) -> bool:
        return self._said >= self.node.story_ends

    @property
    def beats_left(self) -> int:
        return len(self.node.beats) - self._said

    def moves(self) -> tuple[Move, ...]:
        """The moves open to the trainee now (empty once the call is over)."""
        if self.over:
            return ()
        # The machine's conditions decide: a `needs_heard` move appears once enough is heard.
        return tuple(m for m in self.node.moves if self.may_trigger(trigger_name(m.key)))  # type: ignore[attr-defined]

    def valid_keys(self) -> list[str]:
        return [] if self.over else [WAIT] + [m.key for m in self.moves()]

    # --- what the trainee does ---------------------------------------------

    def wait(self) -> list[Event]:
        """Keep listening: the customer says the next beat, or the silence line."""
        if self.over:
            raise CallOver(WAIT)
        node = self.node
        made: list[Event] = [
            TraineeEvent(
                node=node.id, move=WAIT, acts=("listen",), heard=self._said, of=node.story_ends,
                interrupted=False, text="", mood_after=self.mood, t_ms=self.clock.now_ms(),
            )
        ]
        if self._said < len(node.beats):
            made.append(self._say_beat())
        elif node.silence:
            made.append(
                CustomerEvent(node=node.id, beat=None, of=len(node.beats), text=node.silence,
                              t_ms=self.clock.now_ms(), silence=True)
            )
        self.events.extend(made)
        return made

    def choose(self, key: str, typed: str | None = None) -> list[Event]:
        """Say a move; returns the trainee's event and what the customer says next.

        `typed`: the reply as the trainee typed it, when the move was understood from
        it (issue 16); the transcript keeps it beside the move it was read as.
        """
        if key == WAIT:
            return self.wait()
        if self.over:
            raise CallOver(key)
        node = self.node
        move = node.move(key)
        if move is None or not self.may_trigger(trigger_name(key)):  # type: ignore[attr-defined]
            raise UnknownMove(key, node.id, self.valid_keys())
        # SPEC §1: the move's own mood (and a cut-in's cost) and flags apply before its branches
        # are tried; the `cut_in` guard sees whether this move interrupted the story.
        self.cut_in = self._said < node.story_ends
        self.mood = clamp(self.mood + move.mood + (self.scenario.cut_in_cost(node) if self.cut_in else 0))
        self.flags = self.flags | frozenset(move.sets)
        said = TraineeEvent(
            node=node.id, move=move.key, acts=move.acts, heard=self._said, of=node.story_ends,
            interrupted=self.cut_in, text=move.say, mood_after=self.mood,
            t_ms=self.clock.now_ms(), channel=move.channel, policy_break=move.policy_break, typed=typed,
        )
        self.events.append(said)
        self.trigger(trigger_name(key))  # type: ignore[attr-defined]
        return [said, *self._enter()]

    def checkpoint(self) -> tuple:
        """Everything a later `rewind` needs to put the call back exactly as it is now."""
        clock = self.clock.now_ms()
        return (self.state, self.mood, self.flags, self.cut_in, len(self.events), self.outcome,  # type: ignore[attr-defined]
                self._said, self._lines, self._rng.getstate(), self._attached, clock)

    def rewind(self, checkpoint: tuple) -> None:
        """Undo what happened since `checkpoint` (a search tries every move from one point)."""
        (state, self.mood, self.flags, self.cut_in, n, self.outcome, self._said, self._lines, rng, attached,
         ms) = checkpoint
        del self.events[n:]
        self._rng.setstate(rng)
        machine = self._conversation.machine
        if attached and not self._attached:
            machine.models.append(self)  # remove_model left the triggers bound: only the membership returns
            self._attached = True
        if attached:
            machine.set_state(state, model=self)
        rewind = getattr(self.clock, "rewind", None)
        if rewind is not None:
            rewind(ms)

    def abandon(self) -> None:
        """Leave the call before it ends; it is still saved and scored."""
        if not self.over:
            self.outcome = ABANDONED
            self._detach()

    def close(self) -> None:
        """Release the shared machine's hold on this session."""
        self._detach()

    # --- the record ----------------------------------------------------------

    def transcript(self) -> Transcript:
        s = self.scenario
        return Transcript(
            scenario=ScenarioInfo(id=s.id, title=s.title, at_fault=s.briefing.at_fault,
                                  customer=s.customer.name, skills=s.skills),
            trainee=self.trainee,
            seed=self.seed,
            started_at=self.started_at,
            events=tuple(self.events),
            outcome=self.outcome or ABANDONED,
            final_mood=self.mood,
            start_mood=self.scenario.customer.mood,
        )

    # --- inside ----------------------------------------------------------------

    def _enter(self) -> list[Event]:
        """Start the current node's beats: the first at once, all of them at an end."""
        self._said = 0
        node = self.node
        made = [self._say_beat()] if node.beats else []
        if node.is_end:
            while self._said < len(node.beats):
                made.append(self._say_beat())
            self.outcome = node.end
            self._detach()
        self.events.extend(made)
        return made

    def _say_beat(self) -> CustomerEvent:
        node = self.node
        beat = node.beats[self._said]
        if len(beat.variants) == 1:
            text = beat.variants[0]
        else:
            # A customer does not repeat herself word for word: a variant not yet said in this call
            # comes first (a node entered again says something new); still the seed's choice.
            fresh = [v for v in beat.variants if v not in self._lines]
            text = self._rng.choice(fresh or beat.variants)
        self._lines |= {text}
        self._said += 1
        return CustomerEvent(node=node.id, beat=self._said, of=len(node.beats), text=text,
                             t_ms=self.clock.now_ms())

    def _detach(self) -> None:
        if self._attached:
            self._conversation.machine.remove_model(self)
            self._attached = False
