"""What each outcome word means, in the trainee's words (SPEC §1 `end:` outcomes, and `abandoned`)."""
from __future__ import annotations

OUTCOMES = {
    "resolved": "the problem was put right and the customer is satisfied",
    "retained": "the customer stays with us, though not everything went their way",
    "parted": "the relationship ended, respectfully, on terms the customer accepted",
    "escalated": "the customer was handed on to a supervisor",
    "churned": "the customer left us unhappy",
    "abandoned": "the call was left before it reached an end; it is scored, and capped",
}

CAPS = ("A grave error caps the overall score, whatever the skills add up to, so one strong "
        "skill cannot hide it: a policy break, not listening at all, or leaving the call before "
        "its end (abandoned: quitting never outscores finishing). Each cap that applied is listed "
        "first, marked !, with the points it cost.")


def meaning(outcome: str) -> str:
    return OUTCOMES.get(outcome, "")


def outcomes_help() -> str:
    return "\n\n".join(f"{word}: {text}." for word, text in OUTCOMES.items())  # help reflows paragraphs
