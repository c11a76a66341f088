"""What-if: the saved call and the one played on from a turn, scorecards side by side, turn by turn."""
from __future__ import annotations

from typing import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from simulator.practice.replay import Turn
from simulator.practice.whatif import SkillPair, TurnPair, cost

HELP = """\
Left, the call as you saved it; right, the same call played on from the turn
you changed. First the two scores and endings, then each skill, then every
turn: the turns before the change are the same call, from the change on they
differ, with what each turn cost by the scorecard.

Arrow keys and Page Up/Down scroll. Escape goes back to the replay, where
you can try another move."""

COL = 30


def _score(value: int | None) -> str:
    return "-" if value is None else str(value)


def _change(then: int | None, now: int | None) -> str:
    if then is None or now is None or then == now:
        return ""
    return f"{now - then:+d}"


class CompareScreen(Screen):
    CSS_PATH = "compare.tcss"
    AUTO_FOCUS = "#compare"
    HELP = HELP
    BINDINGS = [Binding("escape", "app.pop_screen", "Back to the replay")]

    def __init__(self, title: str, branch: int, then: dict, now: dict, skills: Sequence[SkillPair],
                 pairs: Sequence[TurnPair]) -> None:
        super().__init__()
        self.title_text = title
        self.branch = branch
        self.then, self.now = then, now
        self.skills, self.pairs = list(skills), list(pairs)

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble("What if: ", self.title_text, f"   (another move at turn {self.branch})"),
                     classes="title-bar")
        then, now = self.then, self.now
        yield Static(
            f"{'':<12}{'Then':>8}{'What if':>10}\n"
            f"{'Score':<12}{_score(then.get('overall')):>8}{_score(now.get('overall')):>10}"
            f"{_change(then.get('overall'), now.get('overall')):>7}\n"
            f"{'Outcome':<12}{str(then.get('outcome')):>8}{str(now.get('outcome')):>10}",
            id="totals", markup=False)
        with VerticalScroll(id="compare"):
            for s in self.skills:
                if s.then is None and s.now is None:
                    continue
                yield Static(f"{s.skill.replace('_', ' '):<12}{_score(s.then):>8}{_score(s.now):>10}"
                             f"{_change(s.then, s.now):>7}", classes="skill", markup=False)
            yield Static("Turn by turn", classes="heading")
            with Horizontal(classes="pair -head"):
                yield Static("", classes="number")
                yield Static("Then", classes="then")
                yield Static("What if", classes="now")
            for p in self.pairs:
                with Horizontal(classes="pair -branched" if p.branched else "pair -same"):
                    yield Static(str(p.number), classes="number", markup=False)
                    yield Static(self._turn(p.then, p.same), classes="then")
                    yield Static(self._turn(p.now, p.same), classes="now")
        yield Footer()

    def _turn(self, turn: Turn | None, same: bool) -> Content:
        if turn is None:
            return Content.styled("(call over)", "$text-muted")
        text = Content(turn.text)
        if same:
            return Content.assemble(text, ("  (same)", "$text-muted"))
        parts: list = [text]
        spent = cost(turn)
        if spent:
            parts += ["\n", (f"cost {spent}", "bold $text-error")]
        for note in [n for n in turn.notes if n.costly][:2]:
            parts += ["\n", (f"- {note.skill.replace('_', ' ')}: {note.text}", "$text-error")]
        if not any(n.costly for n in turn.notes):
            goods = [n for n in turn.notes if n.good][:1]
            parts += [x for n in goods for x in ("\n", (f"+ {n.skill.replace('_', ' ')}: {n.text}", "$text-success"))]
        return Content.assemble(*parts)
