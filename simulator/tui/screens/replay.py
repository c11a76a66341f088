"""Replay: a saved call, turn by turn, with the scorecard's notes on each turn; from any turn, play on."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static

from scoring.transcript import CustomerEvent, Transcript
from simulator.engine.model import Scenario
from simulator.practice.replay import Note, ReplayError, Turn, ending, rebuild, turns
from simulator.practice.review import comments
from simulator.tui.widgets.bullet import Bullet
from simulator.tui.widgets.conversation import Conversation

HELP = """\
The call you saved, one of your moves at a time: what the customer said,
what you answered, how they took it, and what the scorecard said about that
turn.

Right or n steps on, Left or p steps back, Home and End jump to the first
and last turn; Up and Down scroll the notes. w plays on live from the turn
shown: the call is rebuilt up to just before it, you take a different move,
and at the end you see both
scorecards side by side. What-if calls are not saved.

In coach mode, m pins a comment to the turn shown; the trainee sees it in
this replay and in the call's debrief from history."""


class ReplayScreen(Screen):
    CSS_PATH = "replay.tcss"
    HELP = HELP
    BINDINGS = [
        Binding("right,n", "step(1)", "Next turn", key_display="→"),
        Binding("left,p", "step(-1)", "Previous", key_display="←"),
        Binding("home", "jump(1)", "First", show=False),
        Binding("end", "jump(0)", "Last", show=False),
        Binding("up", "scroll_notes(-1)", "Scroll the notes", show=False, key_display="↑↓"),
        Binding("down", "scroll_notes(1)", "Scroll the notes", show=False, key_display="↑↓"),
        Binding("w", "what_if", "What if"),
        Binding("m", "comment", "Comment", show=False, key_display="m"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    PALETTE = (
        ("Next turn", "Step to the next move", "step(1)"),
        ("Previous turn", "Step back a move", "step(-1)"),
        ("What if", "Play on live from this turn with another move", "what_if"),
    )

    class WhatIf(Message):
        """Play the call on live from `turn` (before that turn's move)."""

        def __init__(self, replay: "ReplayScreen", turn: int) -> None:
            super().__init__()
            self.replay = replay
            self.turn = turn

    class Commented(Message):
        """A coach wrote a comment on a turn of this call."""

        def __init__(self, replay: "ReplayScreen", turn: int, text: str) -> None:
            super().__init__()
            self.replay = replay
            self.turn = turn
            self.text = text

    def __init__(self, scenario: Scenario, transcript: Transcript, saved: dict, reviews: list = (),
                 session_id: int | None = None, coach: bool = False) -> None:
        """`reviews`: a coach's reviews of the call; comments pinned to a turn show with its notes.
        `coach` (coach mode, a saved `session_id`): `m` pins a comment to the turn shown."""
        super().__init__()
        self.reviews = list(reviews)
        self.session_id = session_id
        self.coach = coach and session_id is not None
        self.scenario = scenario
        self.transcript = transcript
        self.saved = saved
        self.turns: list[Turn] = turns(transcript, saved)
        self.turn = 1 if self.turns else 0
        try:
            rebuild(scenario, transcript)
            self.replayable: str | None = None
        except ReplayError as exc:
            self.replayable = str(exc)

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble("Replay: ", self.scenario.title), classes="title-bar")
        yield Static(id="position", markup=False)
        yield Conversation(id="conversation")
        with VerticalScroll(id="notes"):
            yield Static(id="notes-title", classes="heading")
        yield Footer()

    def on_mount(self) -> None:
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "what_if":
            return bool(self.turns) and self.replayable is None
        if action == "comment":
            return bool(self.turns) and self.coach
        return True

    def action_comment(self) -> None:
        from simulator.tui.screens.coach import CommentScreen

        if not (self.turns and self.coach):
            return
        turn = self.turn

        def written(text: str | None) -> None:
            if text:
                self.post_message(self.Commented(self, turn, text))

        self.app.push_screen(CommentScreen(turn), written)

    def show_reviews(self, reviews: list) -> None:
        """The call's reviews, read again after a comment was saved."""
        self.reviews = list(reviews)
        self._show_notes()

    def action_step(self, delta: int) -> None:
        if self.turns:
            self.turn = max(1, min(len(self.turns), self.turn + delta))
            self._show()

    def action_jump(self, turn: int) -> None:
        if self.turns:
            self.turn = turn or len(self.turns)
            self._show()

    def action_scroll_notes(self, lines: int) -> None:
        self.query_one("#notes", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_what_if(self) -> None:
        if self.turns and self.replayable is None:
            self.post_message(self.WhatIf(self, self.turn))

    def _show(self) -> None:
        t = self.transcript
        name = self.scenario.customer.first_name
        if not self.turns:
            upto, where = t.events, f"No moves in this call. It ended {t.outcome}."
        else:
            now = self.turns[self.turn - 1]
            last = self.turn == len(self.turns)
            upto = t.events[:now.event + 1 + len(now.reply)] + (ending(t) if last else ())
            where = f"Turn {self.turn} of {len(self.turns)}   mood after: {now.mood_after}"
            if last:
                where += f"   the call ended {t.outcome}"
        if self.replayable is not None:
            where += "   (what-if is off: " + self.replayable + ")"
        self.query_one("#position", Static).update(where)
        log = self.query_one(Conversation)
        log.remove_children()
        for e in upto:
            if isinstance(e, CustomerEvent):
                log.add_line(f"{name} (after a silence)" if e.silence else name, e.text,
                             "silence" if e.silence else "customer")
            elif not e.is_wait:
                log.add_line("You", e.text, "trainee")
        self._show_notes()

    def _show_notes(self) -> None:
        box = self.query_one("#notes", VerticalScroll)
        for old in box.query(Bullet):
            old.remove()
        if not self.turns:
            self.query_one("#notes-title", Static).update("")
            return
        now = self.turns[self.turn - 1]
        # The coach's word first: the scorecard's notes can run past the box (Up/Down scroll it).
        notes = [(">", True, f"coach{f' ({r.coach})' if r.coach else ''}: {r.text}")
                 for r in comments(self.reviews, self.turn)]
        notes += [(_mark(n), n.good, f"{n.skill.replace('_', ' ')}: {n.text}") for n in now.notes]
        self.query_one("#notes-title", Static).update(
            f"What the scorecard says about turn {self.turn}" if notes else f"No notes on turn {self.turn}.")
        for mark, good, text in notes:
            box.mount(Bullet(Content.styled(mark, "bold $success" if good else "bold $error"), text))


def _mark(note: Note) -> str:
    if note.points:
        return f"{note.points:+d}"
    return "+" if note.good else "-"
