"""The hearout app: owns the engine's collaborators and moves between screens.

Screens post what happened (messages.py); the app starts sessions, saves
turns, scores finished calls and picks the next screen. `build_app` wires
the real defaults; tests pass fakes for every collaborator.

Whatever the caller did not pass in (scenarios, settings, the store) is
loaded once the first frame is up, so the home screen appears as fast as a
bare Textual app and its list fills in a few tens of milliseconds later.
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from simulator.tui import messages
from simulator.tui.practice_flow import PracticeFlow
from simulator.tui.screens.home import HomeScreen

if TYPE_CHECKING:
    from simulator.engine.clock import Clock
    from simulator.engine.model import Scenario
    from simulator.store.sessions import SessionStore
    from simulator.store.settings import Settings


class HearoutApp(PracticeFlow, App):
    # Textual loads a pushed screen's CSS_PATH, not the default screen's: home's comes with the app.
    CSS_PATH = ["app.tcss", "screens/home.tcss"]
    TITLE = "hearout"
    BINDINGS = [Binding("question_mark", "help", "Help", key_display="?"),
                Binding("b", "board", "Room board", show=False, key_display="b")]

    def __init__(self, *, scenarios: Sequence[Scenario] | None, store: SessionStore | None,
                 settings: Settings | None, clock_factory: Callable[[], Clock] | None,
                 seed_source: Callable[[], int], scorer: Callable[[Any], Any], timers: bool) -> None:
        """None for scenarios, store, settings or clock_factory: the real ones, loaded after the first frame."""
        super().__init__()
        # The home list shows cards; scenarios passed in whole are opened from here, others from disk.
        self.opened: dict[str, Scenario] = {s.id: s for s in scenarios or ()}
        self.cards = [s.card for s in scenarios] if scenarios is not None else None
        self.store = store
        self.settings = settings
        self.clock_factory = clock_factory
        self.seed_source = seed_source
        self.scorer = scorer
        self.timers = timers
        self._defaults = scenarios is None or store is None or settings is None or clock_factory is None
        self.record = None  # the CallRecord of the call in progress
        self.session = None  # the engine Session of the call in progress, until it is saved as finished
        self._card = None  # the scorecard of a call saved as finished, for its debrief
        self.handle_signals = False  # `run()` sets it: a closed terminal or `kill` saves the call first
        self.home = HomeScreen(self.cards, self.settings, self._best())

    def get_default_screen(self) -> Screen:
        return self.home

    def on_mount(self) -> None:
        if self.handle_signals:
            import asyncio
            import signal

            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                try:
                    loop.add_signal_handler(sig, self._stopped_from_outside, sig)
                except (AttributeError, NotImplementedError, RuntimeError, ValueError):  # Windows has no SIGHUP
                    pass

    def on_ready(self) -> None:
        # The first frame is on screen. Loading here, on the event loop, takes ~60 ms; a thread
        # worker took twice as long, competing for the GIL, and keys pressed meanwhile just queue.
        if self._defaults:
            loaded = _real_defaults(cards=self.cards is None, store=self.store is None,
                                    settings=self.settings is None, clock=self.clock_factory is None)
            self._use_defaults(loaded)
        self.show_assignment()

    def _use_defaults(self, loaded: dict[str, Any]) -> None:
        if "load_error" in loaded:
            self.notify(loaded.pop("load_error"), severity="error", timeout=30, markup=False)
        if "store_error" in loaded:
            self.notify(loaded.pop("store_error"), severity="warning", timeout=30, markup=False)
        for name, value in loaded.items():
            setattr(self, name, value)
        self._defaults = False
        self.home.settings = self.settings
        self.home.best = self._best()
        self.home.scenarios = self.cards

    def _best(self) -> dict[str, int]:
        if self.store is None or self.settings is None:
            return {}
        from simulator.store import StoreError

        try:
            return self.store.best_scores(self.settings.trainee)
        except StoreError:  # a database that fails must not keep the home screen from opening
            return {}

    # --- what screens report -------------------------------------------------------

    def on_scenario_chosen(self, message: messages.ScenarioChosen) -> None:
        from simulator.engine.builtin import load_builtin
        from simulator.engine.problems import ScenarioError
        from simulator.tui.screens.briefing import BriefingScreen

        card = message.card
        scenario = self.opened.get(card.id)
        if scenario is None:  # a built-in: the whole file is loaded when it is opened
            try:
                scenario = load_builtin(card.id)
            except (ScenarioError, KeyError) as exc:
                self.notify(f"Cannot open {card.title!r}:\n{exc}", severity="error", timeout=30, markup=False)
                return
        self.push_screen(BriefingScreen(scenario))

    def on_call_requested(self, message: messages.CallRequested) -> None:
        from simulator.engine.session import Session
        from simulator.store.recording import CallRecord
        from simulator.tui.screens.call import CallScreen

        if self._defaults:
            return  # still loading; the home screen has nothing to start yet
        seed = message.seed if message.seed is not None else self.seed_source()
        session = Session(message.scenario, seed=seed, trainee=self.settings.trainee, clock=self.clock_factory())
        self.record = CallRecord(self.store, session.transcript())
        self.session = session
        self._card = self._finish(session.transcript(), session.scenario) if session.over else None  # start is an end
        self._warn_if_unsaved()
        auto = self.timers and not self.settings.no_time_pressure
        screen = CallScreen(session, pace=self.settings.pace, auto_advance=auto, animate=self.timers)
        self.switch_screen(screen) if self.screen is not self.home else self.push_screen(screen)

    def on_turn_taken(self, message: messages.TurnTaken) -> None:
        if self.record is not None:
            self.record.turn(message.transcript)
        if self.session is not None and self.session.over:
            # The call reached its end: saved as finished now, not when the trainee leaves the last screen.
            self._card = self._finish(message.transcript, self.session.scenario)
        self._warn_if_unsaved()

    def on_call_ended(self, message: messages.CallEnded) -> None:
        from simulator.tui.screens.debrief import DebriefScreen

        transcript = message.transcript
        card = self._card if self._card is not None else self._finish(transcript, message.scenario)
        self._card = None
        self._warn_if_unsaved()
        self.home.best = self._best()
        self.show_assignment()
        if not self.practice_call_ended(transcript, card):  # a what-if ends in its comparison
            self.switch_screen(DebriefScreen(message.scenario, transcript, card))
            self.after_debrief(transcript, card)

    def _finish(self, transcript, scenario):
        """Score the call and save it as finished; the scorecard."""
        from scoring.scorecard import Scorecard
        from simulator.engine.coaching import with_better

        card = self.scorer(transcript)
        if isinstance(card, Scorecard):  # "better here" needs the scenario, which scoring never reads
            card = with_better(scenario, transcript, card)
        if self.record is not None:
            self.record.finish(transcript, card.to_dict())
        self.session = None
        return card

    @property
    def in_call(self) -> bool:
        """A call is on and has not reached its end."""
        return self.session is not None and not self.session.over

    def _abandon_call(self) -> None:
        """Leaving the app mid-call: the call is saved as abandoned, with its score (SPEC §1)."""
        if self.in_call:
            self.session.abandon()
            self._finish(self.session.transcript(), self.session.scenario)

    async def action_quit(self) -> None:
        """Ctrl+Q and the palette's Quit: during a call, ask first, then save it as abandoned."""
        from simulator.tui.screens.dialogs import ConfirmScreen

        if not self.in_call:
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._abandon_call()
                self.exit()

        self.push_screen(ConfirmScreen("Quit hearout? This call will be saved and scored as abandoned."), answered)

    def _stopped_from_outside(self, sig: int) -> None:
        """SIGHUP (the terminal closed) or SIGTERM: save the call before anything else, then leave."""
        try:
            self._abandon_call()
        finally:
            self.exit(return_code=128 + int(sig))

    def on_settings_changed(self, message: messages.SettingsChanged) -> None:
        from simulator.store.settings import save_settings

        self.settings = message.settings
        try:
            save_settings(self.settings)
        except OSError as exc:
            self.notify(f"Could not save settings: {exc}", severity="warning", markup=False)
        self.home.settings = self.settings
        self.home.best = self._best()
        self.show_assignment()

    def _warn_if_unsaved(self) -> None:
        if self.record is not None and self.record.error:
            self.notify(self.record.error, severity="error", markup=False)
            self.record.error = None

    def action_board(self) -> None:
        """The coach's board of the room (from home): who is in which call, who finished with what score."""
        from simulator.tui.screens.board import BoardScreen

        if self.screen is self.home:
            self.push_screen(BoardScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.screen is self.home if action == "board" else True

    # --- help and the command palette --------------------------------------------------

    def action_help(self) -> None:
        from simulator.tui.screens.dialogs import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        keys = []
        for active in screen.active_bindings.values():
            b = active.binding
            entry = (b.key_display or b.key, b.description)
            if b.description and (b.show or b.key_display) and entry not in keys:  # up and down share a line
                keys.append(entry)
        text = getattr(screen, "HELP", "") or "Choose an answer with the keys below."
        title = type(screen).__name__.removesuffix("Screen")
        self.push_screen(HelpScreen(title, text, keys))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # A screen's PALETTE lists (title, help, action) entries that run on that screen.
        for title, help_text, action in getattr(screen, "PALETTE", ()):
            yield SystemCommand(title, help_text, lambda a=action: screen.run_action(a))
        yield SystemCommand("Help", "Show help for this screen", self.action_help)
        if self.check_action("board", ()):
            yield SystemCommand("Room board", "Who is in which call, who finished with what score", self.action_board)
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":  # Textual's writes to ~/Downloads; ours goes to the data folder
                yield SystemCommand("Screenshot", "Save an SVG picture of this screen in hearout's data folder",
                                    lambda: self.set_timer(0.1, self.save_screen_picture))
            else:
                yield command

    def save_screen_picture(self) -> str | None:
        """An SVG of the screen in the data folder (SPEC §6: nothing is written anywhere else); its path."""
        from simulator.store.paths import data_dir

        folder = data_dir() / "screenshots"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = self.save_screenshot(path=str(folder))
        except OSError as exc:
            self.notify(f"Could not save the screenshot: {exc}", severity="error", markup=False)
            return None
        self.notify(f"Screenshot saved: {path}", markup=False)
        return path


def build_app(*, scenarios: Sequence[Scenario] | None = None, store: SessionStore | None = None,
              settings: Settings | None = None, clock_factory: Callable[[], Clock] | None = None,
              seed_source: Callable[[], int] | None = None, timers: bool = True,
              scorer: Callable[[Any], Any] | None = None) -> HearoutApp:
    """The app; whatever is not passed in is the real thing (built-in scenarios, user's store...)."""
    return HearoutApp(
        scenarios=scenarios, store=store, settings=settings, clock_factory=clock_factory,
        seed_source=seed_source or (lambda: random.SystemRandom().randrange(2**31)),
        scorer=scorer or _score, timers=timers,
    )


def _real_defaults(*, cards: bool, store: bool, settings: bool, clock: bool) -> dict[str, Any]:
    """The real collaborators asked for, by attribute name."""
    loaded: dict[str, Any] = {}
    if cards:
        from simulator.engine.catalog import builtin_cards
        from simulator.engine.problems import ScenarioError
        from simulator.store.paths import data_dir

        try:
            loaded["cards"] = builtin_cards(data_dir() / "catalog.json")
        except ScenarioError as exc:  # a broken install: say so on screen rather than crash
            loaded["cards"], loaded["load_error"] = [], f"Cannot load the built-in scenarios:\n{exc}"
    if store:
        from simulator.store.sessions import SessionStore, StoreError

        try:
            loaded["store"] = SessionStore.default()
        except StoreError as exc:
            loaded["store"] = None  # calls still work; they are just not saved, and the trainee is told
            loaded["store_error"] = f"You can practise, but calls will not be saved: {exc}"
        else:
            try:  # calls an earlier run left in progress when it was killed are recorded as abandoned (SPEC §6)
                loaded["store"].finalize_orphans()
            except StoreError as exc:
                loaded["store_error"] = f"Could not record an interrupted call: {exc}"
    if settings:
        from simulator.store.settings import load_settings

        loaded["settings"] = load_settings()
    if clock:
        from simulator.engine.clock import MonotonicClock

        loaded["clock_factory"] = MonotonicClock
    return loaded


def _score(transcript: Any) -> Any:
    from scoring import score  # imported on the first debrief, not at startup

    return score(transcript)
