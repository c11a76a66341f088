"""The app's part in the practice loop: history, replay, what-if and drills.

A mixin of HearoutApp, kept beside it so the app module stays about calls.
Everything is read from the store the app holds; the choosing and pairing
logic lives in `simulator.practice`, and screens are imported when opened so
the home screen starts as fast as before.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scoring.transcript import Transcript
    from simulator.engine.model import Scenario
    from simulator.practice.drill import Drill
    from simulator.practice.history import Attempt


class PracticeFlow:
    drill: "Drill | None" = None  # the drill being taken, until its call ends
    what_if: "tuple[Any, int] | None" = None  # (the replay it came from, the turn it branched at)

    # --- history ----------------------------------------------------------------

    def _attempts(self) -> "list[Attempt] | None":
        from simulator.practice.history import attempts

        if self._defaults or self.store is None:
            self.notify("Saved calls are not available yet." if self._defaults
                        else "Your calls are not being saved, so there is no history.", severity="warning")
            return None
        try:
            return attempts(self.store, self.settings.trainee)
        except Exception as exc:  # a damaged database is reported, never a crash
            self.notify(f"Cannot read your saved calls: {exc}", severity="error", markup=False)
            return None

    def action_history(self) -> None:
        from simulator.tui.screens.history import HistoryScreen

        found = self._attempts()
        if found is not None:
            self.push_screen(HistoryScreen(self.settings.trainee, found))

    def on_history_screen_opened(self, message) -> None:
        from scoring.transcript import Transcript

        a = message.attempt
        scenario = self._scenario_for(a.scenario_id, a.title)
        if scenario is None:
            return
        try:
            transcript = Transcript.from_dict(self.store.transcript(a.id))
            saved = self.store.score(a.id)
        except Exception as exc:  # gone, damaged or unreadable: said on screen, never a crash
            self.notify(f"Cannot open that call: {exc}", severity="error", markup=False)
            return
        if saved is None:  # left in progress and not yet recorded: scored as it stands
            saved = self.scorer(transcript).to_dict()
        if message.replay:
            from simulator.tui.screens.replay import ReplayScreen

            self.push_screen(ReplayScreen(scenario, transcript, saved, self._reviews(a.id), session_id=a.id,
                                          coach=self.settings.coach_mode))
        else:
            from simulator.practice.review import coach_lines
            from simulator.practice.saved import scorecard
            from simulator.tui.screens.debrief import DebriefScreen

            coach = tuple(coach_lines(self._reviews(a.id), saved))
            self.push_screen(DebriefScreen(scenario, transcript, scorecard(saved), coach))

    def on_replay_screen_commented(self, message) -> None:
        """A coach's comment on a turn, saved with the call and shown at once."""
        replay = message.replay
        try:
            self.store.review(replay.session_id, message.text, turn=message.turn)  # the app knows only the trainee
        except Exception as exc:  # the store refused: said on screen, the replay stays
            self.notify(f"Could not save the comment: {exc}", severity="error", markup=False)
            return
        replay.show_reviews(self._reviews(replay.session_id))
        self.notify(f"Comment saved on turn {message.turn}.")

    def _reviews(self, session_id: int) -> list:
        try:
            return self.store.reviews([session_id])
        except Exception:  # the call still opens; the coach's notes are said to be missing
            self.notify("Could not read your coach's notes on this call.", severity="warning")
            return []

    def _scenario_for(self, scenario_id: str, title: str) -> "Scenario | None":
        from simulator.engine.builtin import load_builtin
        from simulator.engine.problems import ScenarioError

        scenario = self.opened.get(scenario_id)
        if scenario is not None:
            return scenario
        try:
            return load_builtin(scenario_id)
        except (ScenarioError, KeyError):
            self.notify(f"Cannot open {title!r}: its scenario ({scenario_id}) is not a built-in one.",
                        severity="error", markup=False)
            return None

    # --- what-if ------------------------------------------------------------------

    def on_replay_screen_what_if(self, message) -> None:
        """Play on live from a turn of a replay, with a move of the trainee's choosing."""
        from simulator.practice.replay import ReplayError, rebuild
        from simulator.store.recording import CallRecord
        from simulator.tui.screens.call import CallScreen

        replay = message.replay
        try:
            session = rebuild(replay.scenario, replay.transcript, message.turn, clock=self.clock_factory)
        except ReplayError as exc:
            self.notify(f"Cannot play on from here: {exc}", severity="error", markup=False)
            return
        session.opening = list(session.events)  # the call screen shows the call so far
        self.what_if = (replay, message.turn)
        self.record = CallRecord(None, session.transcript())  # a what-if is not saved
        auto = self.timers and not self.settings.no_time_pressure
        self.push_screen(CallScreen(session, pace=self.settings.pace, auto_advance=auto,
                                    animate=self.timers))

    # --- drills -------------------------------------------------------------------

    def action_drill(self) -> None:
        from simulator.practice.drill import choose_drill
        from simulator.tui.screens.drill import DrillScreen

        found = self._attempts()
        if found is None:
            return
        drill = choose_drill(found, self.cards or [])
        if drill is None:
            self.notify("There is no other scenario to drill on.", severity="warning")
            return

        def answered(take: bool | None) -> None:
            if take:
                from simulator.tui.messages import ScenarioChosen

                card = next(c for c in self.cards if c.id == drill.scenario_id)
                self.drill = drill
                self.post_message(ScenarioChosen(card))

        self.push_screen(DrillScreen(drill), answered)

    # --- learning paths ---------------------------------------------------------------

    def _track_progress(self):
        """The trainee's first assigned track not yet done (else the newest), with its progress; None: none."""
        if self._defaults or self.store is None or self.settings is None:
            return None
        try:
            assigned = self.store.assignments(self.settings.trainee)
            if not assigned:
                return None  # the usual start: nothing more is imported or read
            found = self._attempts_quietly()
        except Exception:  # a damaged database: the home screen still opens, without the line
            return None
        from datetime import date

        from simulator.practice.tracks import Track, progress

        shown = [progress(Track.from_dict(a.track), found, a.assigned_at, date.today()) for a in assigned]
        return next((p for p in shown if not p.done), shown[-1])

    def _attempts_quietly(self):
        from simulator.practice.history import attempts

        return attempts(self.store, self.settings.trainee)

    def show_assignment(self) -> None:
        """Home's line about the trainee's learning path: progress, the next call, what is past due."""
        p = self._track_progress()
        if p is None:
            self.home.show_assignment("", False)
            return
        from simulator.practice.tracks import summary_line

        titles = {c.id: c.title for c in self.cards or ()}
        self.home.show_assignment(summary_line(p, titles), bool(p.past_due))

    def action_assignment(self) -> None:
        """Open the briefing of the next call on the trainee's track."""
        from simulator.tui.messages import ScenarioChosen

        p = self._track_progress()
        nxt = p.next if p is not None else None
        card = next((c for c in self.cards or () if nxt is not None and c.id == nxt.step.scenario), None)
        if card is None:
            self.notify("No assignment to take: a coach assigns tracks with `hearout assign`."
                        if p is None else "Nothing left to take on this track.", severity="warning")
            return
        self.post_message(ScenarioChosen(card))

    # --- the end of a practice call ---------------------------------------------------

    def practice_call_ended(self, transcript: "Transcript", card: Any) -> bool:
        """Show what a what-if or drill call ends in; True when the screen is taken care of."""
        if self.what_if is not None:
            from simulator.practice.replay import turns
            from simulator.practice.whatif import pair_skills, pair_turns
            from simulator.tui.screens.compare import CompareScreen

            replay, branch = self.what_if
            self.what_if = None
            now = card.to_dict()
            self.switch_screen(CompareScreen(
                replay.scenario.title, branch, replay.saved, now, pair_skills(replay.saved, now),
                pair_turns(turns(replay.transcript, replay.saved), turns(transcript, now), branch)))
            return True
        return False

    def after_debrief(self, transcript: "Transcript", card: Any) -> None:
        """Over the debrief of a drill's call: that skill before and after."""
        drill, self.drill = self.drill, None
        if drill is not None and transcript.scenario.id == drill.scenario_id:
            from simulator.practice.drill import before_after
            from simulator.tui.screens.drill import DrillResultScreen

            self.push_screen(DrillResultScreen(drill, before_after(drill, card.to_dict())))
        elif drill is not None:
            self.drill = drill  # another call came between: the drill waits for its own
