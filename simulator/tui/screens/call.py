"""The call: the customer talks beat by beat, the trainee listens or answers.

Time drives the customer only through timers this screen owns; with
`auto_advance` off (no time pressure, or tests) nothing moves until a key.
Every listening step goes through `session.wait()`, so the transcript records
listening exactly as the trainee did it.
"""
from __future__ import annotations

import random
import textwrap
from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from scoring.transcript import CustomerEvent, Event
from simulator.engine.model import Move
from simulator.engine.session import Session
from simulator.tui.messages import CallEnded, TurnTaken
from simulator.tui.pacing import GRACE_MS, beat_delay_ms, clock_text, display_order, silence_delay_ms
from simulator.tui.widgets.conversation import Conversation
from simulator.tui.widgets.mood_meter import MoodMeter
from simulator.tui.widgets.moves_list import MovesList
from simulator.tui.widgets.reply_box import ReplyBox
from simulator.tui.widgets.typing import TypingIndicator

HELP = """\
The customer speaks one beat at a time. While they are still talking you
can keep listening (Space) or answer at once with a number: answering
before they finish counts as interrupting. The moves are shuffled, so
their position tells you nothing. Watch the mood meter after each answer.

The arrow keys highlight a move and Enter says it: that reaches every
move, also those numbered 10 and up, which have no digit key.

Tab moves into the transcript: the arrow and page keys scroll it, the
digits still answer, Tab again gives the arrows back to the moves. PageUp,
PageDown and Home scroll it from anywhere; End shows the newest line. While
you read further up, new lines wait below it, and a marker says so.

Press / to say it in your own words instead: type a reply and press Enter.
It is read as the closest move offered at that moment. When it is clear,
the call goes on and the screen says how it was understood; when it is
not, it asks "Did you mean...?" with three moves: pick one (1-3, or the
arrows and Enter), press / to rephrase, or Escape to see all the moves
again. While the box is open, digits and Space type into it; Escape
closes it.

If you stay silent after the customer has finished, they will prompt you.
Escape hangs up (after you confirm); the call is then scored as abandoned,
as it is when you quit (Ctrl+Q) or close the terminal mid-call."""


class CallScreen(Screen):
    CSS_PATH = "call.tcss"
    HELP = HELP
    AUTO_FOCUS = ""  # nothing: the arrows highlight moves until the trainee Tabs into the transcript
    BINDINGS = [
        Binding("space", "listen", "Keep listening"),
        Binding("1", "pick(1)", "Answer", key_display="1-9"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(2, 10)),
        Binding("up", "step(-1)", "Highlight a move", show=False, key_display="↑↓"),
        Binding("down", "step(1)", "Highlight a move", show=False, key_display="↑↓"),
        Binding("enter", "say_highlighted", "Say the highlighted move", show=False, key_display="enter"),
        # First of the Escapes: while "Did you mean...?" is up, Escape shows all moves, it does not hang up.
        Binding("escape", "all_moves", "All moves", key_display="esc"),
        Binding("enter,escape", "finish", "Debrief", key_display="enter"),
        Binding("escape", "hang_up", "Hang up"),
        Binding("escape", "leave_email", "Leave it unanswered"),
        Binding("slash", "reply", "Type a reply", key_display="/"),
        Binding("c", "coach_pause", "Coach pause", show=False, key_display="c"),
        Binding("tab", "transcript", "Scroll the transcript", show=False, key_display="tab"),
        # The transcript scrolls with these even when it is not focused; End returns to the newest line.
        Binding("pageup", "scroll_transcript('page_up')", "Scroll the transcript", show=False),
        Binding("pagedown", "scroll_transcript('page_down')", "Scroll the transcript", show=False),
        Binding("home", "scroll_transcript('home')", "Scroll the transcript", show=False),
        Binding("end", "scroll_transcript('latest')", "Newest line", show=False, key_display="end"),
    ]
    PALETTE = (
        ("Keep listening", "Let the customer go on", "listen"),
        ("Hang up", "Abandon the call and see its debrief", "hang_up"),
    )

    def __init__(self, session: Session, *, pace: str, auto_advance: bool, animate: bool) -> None:
        super().__init__()
        self.session = session
        self.pace = pace
        self.auto_advance = auto_advance
        self.animate = animate
        self.customer = session.scenario.customer.first_name
        # An email scenario reads as a thread until a move picks another channel (a call, a visit).
        self._medium = "email" if session.scenario.channel == "email" else "phone"
        self._order = random.Random(session.seed)  # display only: separate from the session's stream
        self._shown: list[Move] = []
        self._timer: Timer | None = None
        self._silence_said = False
        self._came_on_its_own: int | None = None  # when the last beat came without a key (clock ms)
        self._last_line = ""
        self._ended = False
        self._asking: tuple[str, list[Move]] | None = None  # "Did you mean...?": the typed text, its candidates

    def compose(self) -> ComposeResult:
        yield Static(classes="title-bar", id="call-title")
        yield MoodMeter(id="mood")
        yield Conversation(id="conversation")
        yield TypingIndicator(animate=self.animate, id="typing")
        yield Static(id="understood", markup=False)
        yield ReplyBox(placeholder="Your reply in your own words (Enter sends, Escape closes)", id="reply")
        yield MovesList(id="moves")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(MoodMeter).mood = self.session.mood
        self.query_one(TypingIndicator).speaker = self.customer
        if self.animate:
            self.set_interval(1, self._show_title)
        self._show(self.session.opening)
        if self.session.over:  # the start node is an end node: the call is over before a move
            self._call_over(self.session.opening)
        else:
            self._entered_node()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The footer shows the keys that mean something now: answers during the call, Enter after.
        if action == "finish":
            return self.session.over
        if action == "all_moves":
            return self._asking is not None and not self.session.over
        if action in ("hang_up", "leave_email"):
            return not self.session.over and (action == "leave_email") == self.emailing
        if action in ("listen", "pick", "step", "say_highlighted", "coach_pause", "reply"):
            return not self.session.over
        return True

    def action_transcript(self) -> None:
        """Tab: the transcript takes the arrow and page keys (the digits still answer); Tab again gives them back."""
        log = self.query_one(Conversation)
        if log.has_focus:
            self.set_focus(None)
        else:
            log.focus()

    def action_scroll_transcript(self, how: str) -> None:
        log = self.query_one(Conversation)
        if how == "latest":
            log.action_latest()
        elif how == "home":
            log.scroll_home(animate=False)
        else:
            getattr(log, f"scroll_{how}")(animate=False)

    def on_screen_suspend(self) -> None:
        self._stop_timer()  # the customer waits while help or a confirmation is open

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self._schedule()

    # --- keys -------------------------------------------------------------------

    def action_listen(self) -> None:
        if self._came_on_its_own is not None and self.session.clock.now_ms() - self._came_on_its_own < GRACE_MS:
            # Space meant for the beat that just arrived on its own: it must not skip the next one too.
            self._came_on_its_own = None
            return
        self._stop_asking()
        self._take_turn(self.session.wait())

    def action_pick(self, number: int) -> None:
        listed = self._asking[1] if self._asking else self._shown
        if self.session.over or not 1 <= number <= len(listed):
            self.app.bell()
            return
        typed = self._asking[0] if self._asking else None
        self._say(listed[number - 1], typed)

    def _say(self, move: Move, typed: str | None) -> None:
        self._asking = None
        self.query_one(MovesList).note = ""
        before = self.session.mood
        events = self.session.choose(move.key, typed=typed)
        self.query_one(MoodMeter).change = self.session.mood - before
        self._take_turn(events, entered=True)

    # --- the reply box (/) ------------------------------------------------------

    def action_reply(self) -> None:
        """`/`: open the box; the matcher is loaded here, on first use, not at start-up."""
        from simulator.understand import shared_matcher

        shared_matcher()
        box = self.query_one(ReplyBox)
        if self._asking and not box.value:
            box.value = self._asking[0]  # rephrase what was typed
        box.display = True
        box.focus()

    def on_reply_box_closed(self, message: ReplyBox.Closed) -> None:
        message.stop()
        self._close_box()

    def _close_box(self) -> None:
        box = self.query_one(ReplyBox)
        box.display = False
        if box.has_focus:
            self.set_focus(None)

    def on_input_submitted(self, message: Input.Submitted) -> None:
        message.stop()
        text = message.value.strip()
        if not text or self.session.over:
            return  # nothing typed: nothing happens
        from simulator.understand import match

        offered = self.session.moves()  # only what may be said now: `needs_heard` holds
        reading = match(text, offered)
        by_key = {m.key: m for m in offered}
        self.query_one(ReplyBox).value = ""
        self._close_box()
        if reading.move is not None:
            move = by_key[reading.move]
            self._say(move, text)
            self._understood(f"Understood as: {short(move.say)}")
        else:
            self._asking = (text, [by_key[c.move] for c in reading.candidates])
            moves = self.query_one(MovesList)
            moves.note = "Did you mean...? Pick one, / to rephrase, Escape for all moves."
            moves.choices = tuple(m.say for m in self._asking[1])
            self._understood(f"You typed: \"{short(text)}\"")
            self.refresh_bindings()

    def action_all_moves(self) -> None:
        """Escape while asking "Did you mean...?": back to every move offered."""
        self._stop_asking()

    def _stop_asking(self) -> None:
        if self._asking is not None:
            self._asking = None
            moves = self.query_one(MovesList)
            moves.note = ""
            moves.choices = tuple(m.say for m in self._shown)
            self._understood("")
            self.refresh_bindings()

    def _understood(self, text: str) -> None:
        line = self.query_one("#understood", Static)
        line.update(text)
        line.display = bool(text)

    def action_coach_pause(self) -> None:
        from simulator.tui.screens.coach import CoachPauseScreen

        self.app.push_screen(CoachPauseScreen(self.customer))  # suspends this screen: the customer waits

    def action_step(self, delta: int) -> None:
        self.query_one(MovesList).step(delta)

    def action_say_highlighted(self) -> None:
        number = self.query_one(MovesList).highlighted
        if number is None:
            self.app.bell()  # nothing highlighted yet: the arrow keys pick one first
            return
        self.action_pick(number)

    def on_moves_list_picked(self, message: MovesList.Picked) -> None:
        self.action_pick(message.number)

    @property
    def emailing(self) -> bool:
        return self._medium == "email"

    def action_leave_email(self) -> None:
        self.action_hang_up("Leave the email unanswered? The exchange will be scored as abandoned.")

    def action_hang_up(self, question: str = "Hang up? The call will be scored as abandoned.") -> None:
        from simulator.tui.screens.dialogs import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.session.abandon()
                self.action_finish()

        self.app.push_screen(ConfirmScreen(question), answered)

    def action_finish(self) -> None:
        if self.session.over and not self._ended:
            self._ended = True
            self._stop_timer()
            self.post_message(CallEnded(self.session.transcript(), self.session.scenario))

    # --- the call moving on -------------------------------------------------------

    def _take_turn(self, events: Sequence[Event], entered: bool = False) -> None:
        self._stop_timer()
        self._understood("")
        self._show(events)
        self.post_message(TurnTaken(self.session.transcript()))
        if self.session.over:
            self._call_over(events)
        elif entered:
            self._entered_node()
        else:
            self._offer_new_moves()
            self._refresh_state()

    def _entered_node(self) -> None:
        self._silence_said = False
        self._shown = display_order(self.session.moves(), self._order)
        self.query_one(MovesList).choices = tuple(m.say for m in self._shown)
        self._refresh_state()

    def _offer_new_moves(self) -> None:
        """A `needs_heard` move joins the list once enough is heard; the others keep their places."""
        new = [m for m in self.session.moves() if m not in self._shown]
        if new:
            self._shown += display_order(new, self._order)
            if self._asking is None:  # "Did you mean...?" keeps its three until the trainee answers
                self.query_one(MovesList).choices = tuple(m.say for m in self._shown)

    def _call_over(self, events: Sequence[Event]) -> None:
        outcome = self.session.outcome
        self._asking = None
        self._close_box()
        moves = self.query_one(MovesList)
        moves.choices = ()
        moves.note = f"The call has ended ({outcome}). Press Enter for your debrief."
        self.refresh_bindings()
        self._refresh_state()  # no timer: the closing lines stay until the trainee presses Enter

    def _refresh_state(self) -> None:
        self.query_one(MoodMeter).mood = self.session.mood
        typing = self.query_one(TypingIndicator)
        typing.talking = not self.session.over and self.session.beats_left > 0
        typing.ended = self.session.over
        self._show_title()
        self._schedule()

    def _show(self, events: Sequence[Event]) -> None:
        log = self.query_one(Conversation)
        for e in events:
            if isinstance(e, CustomerEvent):
                self._silence_said = self._silence_said or e.silence
                self._last_line = e.text
                text = e.text.strip()
                if text.startswith("(") and text.endswith(")"):  # the narrator, not the customer
                    log.add_line("", text, "narration")
                elif self.emailing:  # her message as a letter, paragraph by paragraph
                    if e.beat == 1 or e.silence:
                        log.add_line("", f"Email from {self.session.scenario.customer.name}", "letter-head")
                    log.add_line("", text, "letter")
                elif e.silence:  # said in words as well as in colour
                    log.add_line(f"{self.customer} (after a silence)", e.text, "silence")
                else:
                    log.add_line(self.customer, e.text, "customer")
            elif not e.is_wait:
                if e.channel:
                    self._medium = "email" if e.channel == "email" else "phone"
                log.add_line("Your reply" if self.emailing else "You", e.text, "trainee")
        self.query_one(TypingIndicator).email = self.emailing
        self.refresh_bindings()

    def _schedule(self) -> None:
        self._stop_timer()
        if not self.auto_advance or self.session.over:
            return
        if self.session.beats_left > 0:
            self._timer = self.set_timer(beat_delay_ms(self._last_line, self.pace) / 1000, self._beat_due)
        elif self.session.node.silence and not self._silence_said:
            reading = silence_delay_ms(self.pace, [m.say for m in self._shown])
            self._timer = self.set_timer(reading / 1000, self._beat_due)

    def _beat_due(self) -> None:
        """A timer's turn to listen: the same wait the Space key makes."""
        self._timer = None
        if not self.session.over and self.is_current:
            self._came_on_its_own = None
            self.action_listen()
            self._came_on_its_own = self.session.clock.now_ms()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _show_title(self) -> None:
        s = self.session.scenario
        elapsed = clock_text(self.session.clock.now_ms())
        self.query_one("#call-title", Static).update(
            Content.assemble(f"{'Email from' if self.emailing else 'Call with'} {s.customer.name}: ", s.title,
                             f"   [{elapsed}]")
        )


def short(text: str, width: int = 60) -> str:
    """A move's words cut to fit one line of the status."""
    return textwrap.shorten(text, width, placeholder="...")
