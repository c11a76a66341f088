"""Home: pick a scenario, see your best scores, set your name and the customer's pace."""
from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from simulator.tui.messages import ScenarioChosen, SettingsChanged
from simulator.tui.widgets.scenario_list import ScenarioList

if TYPE_CHECKING:  # imported after the first frame: see HearoutApp.on_ready
    from simulator.engine.model import ScenarioCard
    from simulator.store.settings import Settings

HELP = """\
Pick a call to practise. Each scenario shows its level (one to five dots),
the skills it trains and your best score so far.

Enter opens the briefing: read it, then press Enter again to take the call.
h shows your history: every saved call, how each skill has moved, and any
call reopened or replayed. d picks a drill: the call that trains your
weakest skill lately. When a coach has assigned you a track, the line under
your name shows your progress and the next call; a opens its briefing.
c turns coach mode on or off: for a coach running a practice session, with
no time pressure, and c during a call pauses the customer for a live debrief.
Pace sets how quickly the customer talks. With no time pressure the
customer waits for you: each beat comes only when you press Space."""


class HomeScreen(Screen):
    CSS_PATH = "home.tcss"
    HELP = HELP
    BINDINGS = [
        Binding("enter", "open", "Briefing", priority=True),
        Binding("h", "app.history", "History"),
        Binding("d", "app.drill", "Drill"),
        Binding("a", "app.assignment", "Assignment", show=False, key_display="a"),
        Binding("n", "rename", "Name"),
        Binding("p", "pace", "Pace"),
        Binding("t", "pressure", "Time pressure"),
        Binding("c", "coach", "Coach mode", show=False),
        Binding("q", "app.quit", "Quit"),
    ]
    PALETTE = (
        ("Open briefing", "Read the highlighted scenario's briefing", "open"),
        ("History", "Your saved calls and how each skill has moved", "app.history"),
        ("Drill", "A call for your weakest skill", "app.drill"),
        ("Next assignment", "The next call on the track your coach assigned", "app.assignment"),
        ("Change trainee name", "Set the name your calls are saved under", "rename"),
        ("Change pace", "Slow, normal or fast customer", "pace"),
        ("Toggle coach mode", "A coach runs the session: no time pressure, c pauses a call", "coach"),
        ("Toggle time pressure", "Beats advance on their own, or only on Space", "pressure"),
    )

    scenarios: reactive[list] = reactive(list, init=False)
    settings: reactive["Settings | None"] = reactive(None, init=False)
    best: reactive[dict] = reactive(dict, init=False)

    def __init__(self, scenarios: Sequence["ScenarioCard"] | None, settings: "Settings | None",
                 best: Mapping[str, int]) -> None:
        """None for scenarios or settings: still loading; the app sets them when ready."""
        super().__init__()
        self.set_reactive(HomeScreen.scenarios, list(scenarios or []))
        self.set_reactive(HomeScreen.settings, settings)
        self.set_reactive(HomeScreen.best, dict(best))
        self._loading = scenarios is None

    def compose(self) -> ComposeResult:
        yield Static("hearout: customer-care call practice", classes="title-bar")
        # Trainee names and scenario summaries are text as written, never markup.
        yield Static(id="status", markup=False)
        yield Static(id="assignment", markup=False)  # the learning path, when a coach assigned one
        yield ScenarioList(id="scenarios")
        yield Static("Loading scenarios..." if self._loading else "", id="summary", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_status()
        self._show_list()

    def watch_settings(self) -> None:
        self._show_status()

    def watch_scenarios(self) -> None:
        self._loading = False
        self._show_list()

    def watch_best(self) -> None:
        self._show_list()

    def _show_list(self) -> None:
        self.query_one(ScenarioList).show(self.scenarios, self.best)
        if not self.scenarios and not self._loading:
            self.query_one("#summary", Static).update("No scenarios found.")

    def _show_status(self) -> None:
        s = self.settings
        if s is None:
            return
        from simulator.untrusted.text import one_line

        pressure = "off (Space only)" if s.no_time_pressure else "on"
        self.query_one("#status", Static).update(  # one_line: a name is shown as text, never obeyed
            f"Trainee: {one_line(s.trainee)}   Pace: {s.pace}   Time pressure: {pressure}"
            + ("   Coach mode" if s.coach_mode else "")
        )

    def show_assignment(self, text: str, late: bool) -> None:
        line = self.query_one("#assignment", Static)
        line.update(text + ("   (a: take it)" if text and "Next:" in text else ""))
        line.display = bool(text)
        line.set_class(late, "-late")

    @property
    def current(self) -> "ScenarioCard | None":
        index = self.query_one(ScenarioList).highlighted
        return self.scenarios[index] if index is not None and index < len(self.scenarios) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        s = self.scenarios[event.option_index]
        self.query_one("#summary", Static).update(s.summary or s.title)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.post_message(ScenarioChosen(self.scenarios[event.option_index]))

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(ScenarioChosen(self.current))

    def action_rename(self) -> None:
        from simulator.tui.screens.dialogs import NameScreen

        if self.settings is None:
            return

        def renamed(name: str | None) -> None:
            if name and self.settings and name != self.settings.trainee:
                self.post_message(SettingsChanged(self.settings.with_(trainee=name)))

        self.app.push_screen(NameScreen(self.settings.trainee), renamed)

    def action_pace(self) -> None:
        from simulator.store.settings import PACES

        if self.settings is not None:
            following = PACES[(PACES.index(self.settings.pace) + 1) % len(PACES)]
            self.post_message(SettingsChanged(self.settings.with_(pace=following)))

    def action_coach(self) -> None:
        # Coach mode starts with no time pressure: the coach talks, the customer waits for Space.
        if self.settings is not None:
            on = not self.settings.coach_mode
            changes = {"coach_mode": on, **({"no_time_pressure": True} if on else {})}
            self.post_message(SettingsChanged(self.settings.with_(**changes)))

    def action_pressure(self) -> None:
        if self.settings is not None:
            self.post_message(SettingsChanged(self.settings.with_(no_time_pressure=not self.settings.no_time_pressure)))
