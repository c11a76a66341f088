"""A small hand-built call, what a trainee looks at on screen, and the key sequences the TUI tests share."""
from __future__ import annotations

from types import MappingProxyType

from simulator.engine.model import Beat, Branch, Briefing, Customer, Guard, Move, Node, Scenario
from simulator.tui.screens.briefing import BriefingScreen
from simulator.tui.screens.call import CallScreen
from simulator.tui.screens.debrief import DebriefScreen
from simulator.tui.widgets.moves_list import MovesList

SEED = 7
# Two moves of refund_call that end it well: hear the story out, then offer a choice.
HEAR = "That sounds frustrating. Tell me what happened?"
CHOICE = ("I'm sorry. I can send someone to re-clean this week, or take 15% off"
          " your next booking. Which suits you?")


def _move(key, say, acts, mood, to, **kw):
    branches = kw.pop("branches", None) or (Branch(to=to),)
    return Move(key=key, say=say, acts=tuple(acts), mood=mood, branches=tuple(branches), **kw)


def _beats(*texts):
    return tuple(Beat(variants=(t,) if isinstance(t, str) else tuple(t)) for t in texts)


def refund_call() -> Scenario:
    nodes = [
        Node(id="opening", story_ends=3, silence="Hello? Are you still there?",
             beats=_beats("I want my money back. Today.",
                          ("Your cleaner left streaks on every window.", "The windows were streaked, every one."),
                          "And I had guests that evening. I was embarrassed."),
             moves=(
                 _move("hear-more", "That sounds frustrating. Tell me what happened?",
                       ["empathize", "open_question"], 8, "details"),
                 _move("sorry", "I'm so sorry about that.", ["apologize"], 3, "details"),
                 _move("quote-policy", "Our policy doesn't allow refunds after the service.", ["refuse"], -15,
                       None, branches=(Branch(to="hangs-up", when=Guard(mood_below=15)), Branch(to="details"))),
             )),
        Node(id="details", story_ends=2,
             beats=_beats("They were fine when the cleaner left, she said.", "But I found them streaked at six."),
             moves=(
                 _move("offer-choice", "I'm sorry. I can send someone to re-clean this week, or take 15% off"
                       " your next booking. Which suits you?", ["apologize", "offer_choice"], 30, "thanks"),
                 _move("refund", "Fine, I'll refund you.", ["cave"], 10, "thanks", policy_break=True),
             )),
        Node(id="thanks", story_ends=1, beats=_beats("The re-clean, please. Thank you."), end="retained"),
        Node(id="hangs-up", story_ends=1, beats=_beats("Forget it. I'm posting a review."), end="churned"),
    ]
    return Scenario(
        id="refund-refused", title="The refund we can't give", summary="A client wants a refund for a clean.",
        difficulty=2, skills=("listening", "apology", "choices"),
        customer=Customer(name="Dana Whitfield", mood=25, about="Client for three years."),
        briefing=Briefing(at_fault=False, text="Dana booked a deep clean before a party.",
                          policy="No cash refunds once a service has been delivered.",
                          can_offer=("a free re-clean this week", "15% off the next booking")),
        start="opening", nodes=MappingProxyType({n.id: n for n in nodes}),
    )


def easy_call() -> Scenario:
    s = refund_call()
    return Scenario(id="easy", title="An easy warm-up", customer=Customer(name="Sam Lee", mood=60),
                    briefing=Briefing(at_fault=True), start=s.start, nodes=s.nodes, difficulty=1)


def number_for(app, say: str) -> str:
    """The digit shown next to a move's words (the order is shuffled per seed)."""
    choices = app.screen.query_one(MovesList).choices
    return str(choices.index(say) + 1)


async def pick(pilot, say: str) -> None:
    await pilot.press(number_for(pilot.app, say))
    await pilot.pause()


async def start_call(pilot) -> None:
    """From home: open the highlighted briefing, then take the call."""
    await pilot.press("enter")
    assert isinstance(pilot.app.screen, BriefingScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CallScreen)


async def play_to_debrief(pilot) -> None:
    """From home: take refund_call, end it well, and open the debrief."""
    await start_call(pilot)
    await pick(pilot, HEAR)
    await pilot.press("space")
    await pick(pilot, CHOICE)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DebriefScreen)
