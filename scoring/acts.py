"""The dialogue-act vocabulary (SPEC §1): what scoring understands a move to do."""

ACTS: frozenset[str] = frozenset(
    {
        "listen",
        "open_question",
        "clarifying_question",
        "paraphrase",
        "empathize",
        "apologize",
        "own_mistake",
        "explain_policy",
        "defend",
        "dismiss",
        "refuse",
        "offer_choice",
        "offer_concession",
        "concrete_commitment",
        "check_fairness",
        "ask_customer_solution",
        "cave",
        "follow_up",
        "part_ways",
        "escalate",
        "thank",
    }
)

# Score keys of SPEC §3; a scenario's `skills` names some of these.
SKILLS: tuple[str, ...] = (
    "listening",
    "apology",
    "choices",
    "policy",
    "channel",
    "follow_up",
    "composure",
)
