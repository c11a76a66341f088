"""Briefing: what the trainee may know before taking the call."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from simulator.engine.model import Scenario
from simulator.tui.messages import CallRequested
from simulator.tui.mood import mood_face, mood_label

HELP = """\
Read the situation before you take the call: what happened, whether the
business was in the wrong, the policy you work under and what you may offer.
You cannot come back here during the call.

Enter starts the call. Escape goes back to the list."""


def _section(title: str, body: str | Content) -> Content:
    return Content.assemble((title, "bold $text-primary"), "\n", body)


def briefing_text(s: Scenario) -> Content:
    b, c = s.briefing, s.customer
    fault = ("The business was in the wrong here." if b.at_fault
             else "The business did what it said it would; the customer is still unhappy.")
    parts = [
        _section("The customer", Content.assemble(
            (c.name, "bold"), f", {mood_label(c.mood)} {mood_face(c.mood)} (mood {c.mood}/100)",
            *(["\n", c.about] if c.about else []))),
        _section("What happened", Content(b.text.strip() or s.summary or "(no details)")),
        _section("Who is at fault", fault),
    ]
    if b.policy:
        parts.append(_section("Policy", b.policy))
    if b.can_offer:
        parts.append(_section("You can offer", Content("\n").join(Content(f"- {o}") for o in b.can_offer)))
    if s.skills:
        parts.append(_section("This call trains", ", ".join(k.replace("_", " ") for k in s.skills)))
    return Content("\n\n").join(parts)


class BriefingScreen(Screen):
    CSS_PATH = "briefing.tcss"
    AUTO_FOCUS = "#briefing"  # arrow keys scroll a long briefing
    HELP = HELP
    BINDINGS = [
        Binding("enter", "start", "Take the call", priority=True),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    PALETTE = (("Take the call", "Start the call", "start"),)

    def __init__(self, scenario: Scenario) -> None:
        super().__init__()
        self.scenario = scenario

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble("Briefing: ", self.scenario.title), classes="title-bar")
        with VerticalScroll(id="briefing"):
            yield Static(briefing_text(self.scenario), id="briefing-text")
        yield Static("Press Enter to take the call.", id="briefing-hint")
        yield Footer()

    def action_start(self) -> None:
        self.post_message(CallRequested(self.scenario))
