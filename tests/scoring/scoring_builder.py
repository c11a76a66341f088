"""Build valid transcripts from a compact list of moves, for the scoring tests.

    call(wait(heard=1), move("empathize open_question"), move("offer_choice"))

A move is heard out by default (heard == of == 3); pass heard=1 to cut in.
Customer beats are filled in so the transcript reads like a real call.
"""
from __future__ import annotations

from typing import Any

from scoring.transcript import Transcript


def move(acts: str, *, heard: int = 3, of: int = 3, node: str = "opening", channel: str | None = None,
         policy_break: bool = False, key: str = "reply", text: str | None = None,
         interrupted: bool | None = None) -> dict[str, Any]:
    return {
        "who": "trainee", "node": node, "move": key, "acts": acts.split(), "channel": channel,
        "policy_break": policy_break, "heard": heard, "of": of,
        "interrupted": heard < of if interrupted is None else interrupted,
        "text": text if text is not None else f"({acts})", "mood_after": 50, "t_ms": 0,
    }


def wait(*, heard: int = 1, of: int = 3, node: str = "opening") -> dict[str, Any]:
    return move("listen", heard=heard, of=of, node=node, key="wait", text="", interrupted=False)


def call_dict(*moves: dict[str, Any], at_fault: bool = False, outcome: str = "resolved",
              customer: str | None = "Priya Shah") -> dict[str, Any]:
    events: list[dict[str, Any]] = []
    said: dict[str, int] = {}
    clock = 0
    for m in moves:
        node = m["node"]
        if said.get(node, 0) > m["heard"]:
            said[node] = 0  # the node was entered again: its beats start over
        while said.get(node, 0) < max(m["heard"], 1):
            said[node] = said.get(node, 0) + 1
            clock += 1000
            events.append({"who": "customer", "node": node, "beat": said[node], "of": max(m["of"], said[node]),
                           "text": f"beat {said[node]}", "t_ms": clock})
        clock += 1000
        events.append(dict(m, t_ms=clock))
    scenario: dict[str, Any] = {"id": "test-call", "title": "A test call", "at_fault": at_fault,
                                "skills": ["listening", "apology", "choices"]}
    if customer is not None:
        scenario["customer"] = customer
    return {"format": "hearout-transcript/v1", "scenario": scenario, "trainee": "alex", "seed": 7,
            "started_at": "2026-11-22T10:00:00Z", "events": events, "outcome": outcome, "final_mood": 50}


def call(*moves: dict[str, Any], **kw: Any) -> Transcript:
    return Transcript.from_dict(call_dict(*moves, **kw))


# A call done the way the seeds teach: hear the story out, ask, reflect, one
# apology after the story, a choice of remedies, fairness, a date, thanks.
EXEMPLARY = (
    wait(heard=1),
    wait(heard=2),
    move("empathize open_question", heard=3),
    move("paraphrase", node="details", heard=2, of=2),
    move("apologize", node="details", heard=2, of=2),
    move("offer_choice check_fairness", node="offer", heard=1, of=1),
    move("concrete_commitment thank", node="offer", heard=1, of=1),
)

# Everything the seeds warn against: cut in, defend, dismiss, say no flatly, cave.
DREADFUL = (
    move("defend", heard=1),
    move("dismiss", heard=1, node="angrier", of=2),
    move("refuse", heard=2, node="angrier", of=2),
    move("cave", heard=1, node="demands", of=2, policy_break=True),
)
