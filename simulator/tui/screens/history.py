"""History: the trainee's saved calls, each skill's trend, and any call reopened as it was."""
from __future__ import annotations

from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Sparkline, Static

from scoring.acts import SKILLS
from simulator.practice.history import Attempt, only_scenario, progress, scenarios_played

HELP = """\
Every call you saved, newest first: when, which scenario, how it ended, the
score and each skill's score (- when the call gave nothing to judge it on).
A * marks a call your coach reviewed, and a skill score your coach set.

Above the table, each skill you have been scored on: its trend over the
calls shown (oldest on the left), then your first, best and latest score
and the lift (latest minus first).

f shows one scenario at a time (press again for the next, and back to all).
Enter opens the highlighted call's debrief exactly as it was; r replays it
turn by turn, and from any turn you can try another move."""

SHORT = {"listening": "Lis", "apology": "Apo", "choices": "Cho", "policy": "Pol", "channel": "Cha",
         "follow_up": "Fol", "composure": "Com"}


def _cells(*values: str) -> list[str]:
    return [f"{v} " for v in values[:-1]] + [values[-1]]


def _short(title: str, width: int = 20) -> str:
    return title if len(title) <= width else title[:width - 1].rstrip() + "…"


def _skill_cell(a: Attempt, skill: str) -> str:
    """The saved score, or the coach's override of it marked with *."""
    if skill in a.overridden:
        return f"{a.overridden[skill]:>2}*"
    return f"{_num(a.skills.get(skill)):>3}"


def _num(value: int | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+d}" if signed else str(value)


class HistoryScreen(Screen):
    CSS_PATH = "history.tcss"
    AUTO_FOCUS = "#calls"
    HELP = HELP
    BINDINGS = [
        Binding("enter", "open", "Debrief", priority=True),
        Binding("r", "replay", "Replay"),
        Binding("f", "filter", "Filter"),
        Binding("escape", "app.pop_screen", "Home"),
    ]
    PALETTE = (
        ("Open debrief", "The highlighted call's debrief, as it was", "open"),
        ("Replay", "Step through the highlighted call turn by turn", "replay"),
        ("Filter by scenario", "Show one scenario's calls, then the next, then all", "filter"),
    )

    class Opened(Message):
        """The trainee asked to see a saved session: its debrief, or a replay."""

        def __init__(self, attempt: Attempt, replay: bool) -> None:
            super().__init__()
            self.attempt = attempt
            self.replay = replay

    def __init__(self, trainee: str, found: Sequence[Attempt]) -> None:
        super().__init__()
        self.trainee = trainee
        self.found = list(found)
        self.choices: list[tuple[str | None, str]] = [(None, "all"), *scenarios_played(self.found)]
        self.choice = 0
        self.shown: list[Attempt] = []

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble("History: ", self.trainee), classes="title-bar")
        yield Static(id="filter", markup=False)
        yield Vertical(id="skills")
        yield DataTable(id="calls", cursor_type="row", zebra_stripes=True, cell_padding=0)
        yield Static(id="empty", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#calls", DataTable)
        # No cell padding: one space after each cell, so every column fits in 80 columns.
        table.add_columns(*_cells("Date", "Scenario", "Outcome", "Score", *(SHORT[s] for s in SKILLS)))
        self._show()

    def _show(self) -> None:
        scenario_id, title = self.choices[self.choice]
        self.shown = only_scenario(self.found, scenario_id)
        calls = len(self.shown)
        reviewed = "   * coach notes" if any(a.reviewed for a in self.shown) else ""
        self.query_one("#filter", Static).update(
            f"Scenario: {title}   {calls} call{'s' if calls != 1 else ''}   (f: filter){reviewed}")
        self._show_skills()
        table = self.query_one("#calls", DataTable)
        table.clear()
        for a in reversed(self.shown):  # newest first
            mark = "*" if a.reviewed else " "
            table.add_row(*_cells(a.date[5:], _short(a.title), a.outcome or "in progress", f"{_num(a.overall):>4}{mark}",
                                  *(_skill_cell(a, s) for s in SKILLS)), key=str(a.id))
        table.move_cursor(row=0)
        self.query_one("#empty", Static).update(
            "" if self.found else f"No saved calls yet for {self.trainee}. Take a call from the home screen.")

    def _show_skills(self) -> None:
        box = self.query_one("#skills", Vertical)
        box.remove_children()
        rows = [p for p in progress(self.shown).values() if p.series]
        if not rows:
            return
        box.mount(Static(f"{'skill':<11}{'trend':<22}{'first':>6}{'best':>6}{'latest':>7}{'lift':>6}",
                         classes="skills-head"))
        for p in rows:
            box.mount(Horizontal(
                Static(p.skill.replace("_", " "), classes="skill-name"),
                Sparkline(p.series, summary_function=max, classes="trend"),
                Static(f"{_num(p.first):>6}{_num(p.best):>6}{_num(p.latest):>7}{_num(p.lift, True):>6}",
                       classes="skill-numbers"),
                classes="skill-row",
            ))

    @property
    def current(self) -> Attempt | None:
        table = self.query_one("#calls", DataTable)
        if not self.shown or table.cursor_row is None or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[len(self.shown) - 1 - table.cursor_row]

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current, replay=False))

    def action_replay(self) -> None:
        if self.current is not None:
            self.post_message(self.Opened(self.current, replay=True))

    def action_filter(self) -> None:
        self.choice = (self.choice + 1) % len(self.choices)
        self._show()
