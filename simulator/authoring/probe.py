"""Ask the real scorer which skills a kind of move gives it something to judge.

Which acts count for which skill is scoring's judgment (one judgment, one
place), so lint does not keep its own table: it scores a one-move call per
distinct kind of move (acts, channel, policy break), said after the whole
story, and collects the skills that come back judged.
"""
from __future__ import annotations

from typing import Iterable

from scoring import score
from scoring.transcript import CustomerEvent, ScenarioInfo, TraineeEvent, Transcript
from simulator.engine.model import Scenario

Kind = tuple[tuple[str, ...], str | None, bool]


def skills_judged(scenario: Scenario, kinds: Iterable[Kind]) -> set[str]:
    info = ScenarioInfo(id=scenario.id, title=scenario.title, at_fault=scenario.briefing.at_fault,
                        customer=scenario.customer.name, skills=scenario.skills)
    judged: set[str] = set()
    for acts, channel, policy_break in kinds:
        events = (
            CustomerEvent(node="n", beat=1, of=1, text="(the story)", t_ms=0),
            TraineeEvent(node="n", move="m", acts=acts, heard=1, of=1, interrupted=False, text="(the move)",
                         mood_after=scenario.customer.mood, t_ms=1000, channel=channel, policy_break=policy_break),
        )
        card = score(Transcript(scenario=info, trainee="lint", seed=0, started_at="2000-01-01T00:00:00Z",
                                events=events, outcome="abandoned", final_mood=scenario.customer.mood))
        judged |= {name for name, skill in card.skills.items() if skill.score is not None}
    return judged
