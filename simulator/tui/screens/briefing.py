"""Briefing: what the trainee may know before taking the call."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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


def reflow(text: str) -> str:
    """Paragraphs joined into lines the screen wraps to its width: a file's hard line breaks are not kept."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n") if p.strip())


def situation(s: Scenario) -> Content:
    """Who calls and what happened: the part that scrolls when it is long."""
    c = s.customer
    who = Content.assemble((c.name, "bold"), f", {mood_label(c.mood)} {mood_face(c.mood)} (mood {c.mood}/100)",
                           *([". ", c.about] if c.about else []))
    parts = [who, Content(reflow(s.briefing.text) or s.summary or "(no details)")]
    if s.skills:
        parts.append(Content.assemble(("This call trains: ", "bold $text-primary"),
                                      ", ".join(k.replace("_", " ") for k in s.skills)))
    return Content("\n\n").join(parts)


def facts(s: Scenario) -> list[tuple[str, str]]:
    """What the trainee must know before answering, kept on screen at 80x24: fault, policy, offers."""
    b = s.briefing
    rows = [("At fault", "Yes: the business was in the wrong here." if b.at_fault
             else "No: the business did what it said it would; the customer is still unhappy.")]
    if b.policy:
        rows.append(("Policy", reflow(b.policy)))
    if b.can_offer:
        rows.append(("You can offer", "\n".join(f"- {o}" for o in b.can_offer)))
    return rows


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
            yield Static(situation(self.scenario), id="briefing-text")
        with Vertical(id="briefing-facts"):
            for label, text in facts(self.scenario):
                with Horizontal(classes="fact"):
                    yield Static(label, classes="fact-label", markup=False)
                    yield Static(text, classes="fact-text", markup=False)
        yield Static("Press Enter to take the call.", id="briefing-hint")
        yield Footer()

    def action_start(self) -> None:
        self.post_message(CallRequested(self.scenario))
