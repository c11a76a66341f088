"""Apology: one or two, once the story is told, before or with the remedy."""
from __future__ import annotations

from functools import partial

from scoring.call import REMEDIES, Call, Tally
from scoring.rubric import Rubric
from scoring.rules.wording import times, turn_numbers


def judge(call: Call, rubric: Rubric) -> Tally:
    pts = partial(rubric.points, "apology")
    tally = Tally()
    name = call.name
    apologies = call.with_acts("apologize")
    remedy = call.first(*REMEDIES, "cave")

    if not apologies:
        if call.at_fault:
            # Ground: Wirtz & Mattila 2004 (compensation without apology fails); seed 000 (own it).
            tally.lose(
                pts("missing_at_fault"),
                f"The business was in the wrong and you never apologized to {name}; "
                "once the story is told, say sorry and make it right",
            )
        else:
            # Ground: seed 002 (perception is reality), seed 004 (sorry for how it was handled).
            tally.lose(pts("missing"), f"You never apologized to {name}; a sorry for how it felt helps even when the business was not at fault")
    for turn in apologies:
        if not turn.story_told:
            # Ground: seed 003 (an apology before the story ends sounds insincere); Frantz & Bennigson 2005.
            tally.lose(
                pts("before_story"),
                f"Turn {turn.number}: you apologized {turn.too_soon(name)}, so it can sound hollow",
            )
    if apologies and remedy and apologies[0].number > remedy.number:
        # Ground: HEARD/LAST/BLAST order (apologize, then resolve).
        tally.lose(
            pts("after_remedy"),
            f"Turn {apologies[0].number}: your first apology came after the remedy (turn {remedy.number}), "
            "like an afterthought; apologize, then fix it",
        )
    extra = len(apologies) - int(rubric.points("apology", "max_apologies"))
    if extra > 0:
        # Ground: seed 003 (don't grovel); Marinova, Singh & Singh 2018.
        tally.lose(
            pts("too_many") * extra,
            f"You apologized {times(len(apologies))} ({turn_numbers(apologies)}); "
            "one sincere apology, then move on to the fix",
        )
    well_timed = next((t for t in apologies if t.story_told and (remedy is None or t.number <= remedy.number)), None)
    if well_timed:
        if remedy is None:
            when = ""
        elif well_timed.number < remedy.number:
            when = ", before offering a remedy"
        else:
            when = ", together with the remedy"
        tally.strength(f"Turn {well_timed.number}: you apologized once {name} had finished the story{when}.")
        if not call.at_fault:
            tally.strength(f"You apologized for {name}'s experience even though the business was not at fault.")

    if call.at_fault:
        owned = call.first("own_mistake")
        if owned:
            tally.strength(f"Turn {owned.number}: you owned the mistake.")
        else:
            # Ground: seed 000 (fess up, take responsibility), seed 004 (if wrong, always apologize).
            tally.lose(pts("no_ownership_at_fault"), f"The business was in the wrong and you never owned the mistake to {name}; say plainly what went wrong")
    return tally
