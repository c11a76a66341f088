"""Debrief: the score, each skill with its evidence, and the call as an annotated timeline."""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from scoring.text import whole_call_lines
from scoring.transcript import Transcript
from simulator.engine.model import Scenario
from simulator.tui.messages import CallRequested
from simulator.tui.mood import mood_face, mood_label
from simulator.tui.timeline import annotate
from simulator.tui.widgets.bullet import Bullet
from simulator.tui.widgets.skill_bar import SkillBar
from simulator.tui.outcomes import CAPS, meaning, outcomes_help
from simulator.tui.widgets.timeline_view import TimelineView

if TYPE_CHECKING:
    from scoring.scorecard import Scorecard

HELP = """\
Your score out of 100, then each skill: its bar, what you did well (+) and
what cost points (-). A skill the call gave nothing to judge on is marked
"not judged" and does not count.

The timeline below replays the call turn by turn with the same notes the
score is made of: what each move cost (-) or did well (+), the better move
you had at that moment (>), and how the mood moved. Scroll with the arrow
keys or Page Up/Down.

r retries with new customer lines; p retries with the same lines (the same seed);
Escape goes home.

Outcomes, how the call ended:
{outcomes}

Score caps: {caps}"""


class DebriefScreen(Screen):
    CSS_PATH = "debrief.tcss"
    AUTO_FOCUS = "#debrief"
    HELP = HELP.format(outcomes=outcomes_help(), caps=CAPS)
    BINDINGS = [
        Binding("r", "again(False)", "Retry"),
        Binding("p", "again(True)", "Retry, same lines"),
        Binding("escape", "app.pop_screen", "Home"),
    ]
    PALETTE = (
        ("Retry", "Take the call again with new customer lines", "again(False)"),
        ("Retry with the same lines", "Take the call again with the same customer lines (same seed)", "again(True)"),
    )

    def __init__(self, scenario: Scenario, transcript: Transcript, card: Scorecard, coach: tuple[str, ...] = ()) -> None:
        """`coach`: what a coach said in review (comments, overridden scores), shown first."""
        super().__init__()
        self.coach = coach
        self.scenario = scenario
        self.transcript = transcript
        self.card = card

    def compose(self) -> ComposeResult:
        t, card = self.transcript, self.card
        yield Static(Content.assemble("Debrief: ", self.scenario.title), classes="title-bar")
        yield Static(
            Content.assemble(
                (f"Score: {card.overall}/100", "bold reverse"),
                f"   Outcome: {card.outcome}   Final mood: {t.final_mood} "
                f"{mood_face(t.final_mood)} {mood_label(t.final_mood)}",
            ),
            id="score",
        )
        with VerticalScroll(id="debrief"):
            if meaning(card.outcome):
                yield Static(Content.assemble((f"{card.outcome.capitalize()}: ", "bold"), meaning(card.outcome), "."),
                             id="outcome-meaning")
            if self.coach:
                yield Static("From your coach", classes="heading")
                for line in self.coach:
                    yield Bullet(Content.styled(">", "bold $accent"), line, classes="coach")
            for reason in card.caps:  # why the overall is lower than the skills suggest
                yield Bullet(Content.styled("!", "bold $warning"), reason, classes="cap")
            yield Static("Skills", classes="heading")
            for s in card.skills.values():
                # What a turn cost is shown at its turn in the timeline; here what only the whole call shows.
                costs, strengths = whole_call_lines(card, s.name) if s.score is not None else ((), ())
                yield SkillBar(s.name, s.score, s.weight, tuple(costs), tuple(strengths))
            yield Static("The call, turn by turn", classes="heading")
            yield TimelineView(annotate(t, card), self.scenario.customer.first_name)
        yield Footer()

    def action_again(self, same_seed: bool) -> None:
        self.post_message(CallRequested(self.scenario, self.transcript.seed if same_seed else None))

