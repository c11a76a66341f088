"""Apology: one sincere sorry, once the story is told, before the remedy; blame only when it is yours."""
from __future__ import annotations

from scoring.call import REFLECTIONS, REMEDIES, Call, Tally, Turn
from scoring.rules import Judge
from scoring.rules.wording import times


class Apology(Judge):
    skill = "apology"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.said = 0  # sorries so far
        self.reflected = False  # a reflection or empathy came before (or with) the first apology
        self.remedied: int | None = None  # the turn of the first remedy (or cave), once offered
        self.owned = False

    def key(self):
        # Past the second sorry every one costs the same; before the first apology what came first matters.
        first = (self.reflected, self.remedied is not None) if not self.said else None
        return (self.tally.key(), min(self.said, 2), first, self.owned)

    def turn(self, turn: Turn) -> None:
        pts, tally, name = self.pts, self.tally, self.name
        first = not self.said
        self.reflected = self.reflected or turn.has(*REFLECTIONS)
        if turn.has("apologize"):
            if not turn.story_told:
                # Ground: seed 003 (an apology before the story ends sounds insincere); Frantz & Bennigson 2005.
                tally.lose(pts("before_story"), turn, f"you apologized {turn.too_soon(name)}, so it can sound hollow")
            # Ground: seed 003 (don't grovel); Marinova, Singh & Singh 2018. Each "sorry" counts.
            before, self.said = self.said, self.said + turn.sorries
            second = 1 if before < 2 <= self.said else 0
            more = max(0, self.said - max(before, 2))
            if second or more:
                cost = pts("second_apology") * second + pts("more_apologies") * more
                many = f"{times(turn.sorries)} in this reply" if turn.sorries > 1 else "again"
                tally.lose(cost, turn, f"you apologized {many} ({self.said} so far); one sincere apology, then move on to the fix")
            if first and turn.story_told and not self.reflected:
                # Ground: HEARD and LEAP (hear, empathize, then apologize); seed 004 (make them feel heard first).
                tally.lose(pts("before_understanding"), turn,
                           f"you apologized before showing {name} you had understood (no reflection or empathy yet); "
                           "say back what you heard, then apologize")
            if first and self.remedied is not None:
                # Ground: HEARD/LAST/BLAST order (apologize, then resolve).
                tally.lose(pts("after_remedy"), turn,
                           f"your first apology came after the remedy (turn {self.remedied}), like an afterthought; "
                           "apologize, then fix it")
        if turn.has("own_mistake") and not self.at_fault:
            # Ground: seed 004 (apologize for how it was handled, not for a fault that isn't yours).
            tally.lose(pts("false_blame"), turn,
                       "you took the blame although the business was not at fault; apologize for the experience "
                       "or how it was handled, not for a fault that isn't yours")
        if self.remedied is None and turn.has(*REMEDIES, "cave"):
            self.remedied = turn.number
        self.owned = self.owned or turn.has("own_mistake")

    def end(self, call: Call) -> Tally:
        pts, tally, name = self.pts, self.tally, self.name
        apologies = call.with_acts("apologize")
        remedy = call.first(*REMEDIES, "cave")
        if not apologies:
            # Named at the turn it was due: the first remedy, which it should have come before.
            if call.at_fault:
                # Ground: Wirtz & Mattila 2004 (compensation without apology fails); seed 000 (own it).
                tally.lose(pts("missing_at_fault"), remedy,
                           f"the business was in the wrong and you never apologized to {name}; "
                           "once the story is told, say sorry, then make it right", due=True)
            else:
                # Ground: seed 002 (perception is reality), seed 004 (sorry for how it was handled).
                tally.lose(pts("missing"), remedy,
                           f"you never apologized to {name}; a sorry for how it felt helps even when the business was not at fault", due=True)
        blamed = call.with_acts("own_mistake") if not call.at_fault else ()
        well_timed = next((t for t in apologies if t.story_told and (remedy is None or t.number <= remedy.number)), None)
        if well_timed:
            if remedy is None:
                when = ""
            elif well_timed.number < remedy.number:
                when = ", before offering a remedy"
            else:
                when = ", together with the remedy"
            tally.strength(well_timed, f"you apologized once {name} had finished the story{when}", late=True)
            if not call.at_fault and not blamed:
                tally.strength(well_timed, f"you apologized for {name}'s experience without taking a blame that wasn't yours",
                               late=True)

        if call.at_fault:
            owned = call.first("own_mistake")
            if owned:
                tally.strength(owned, "you owned the mistake", late=True)
            else:
                # Ground: seed 000 (fess up, take responsibility), seed 004 (if wrong, always apologize).
                tally.lose(pts("no_ownership_at_fault"), apologies[0] if apologies else remedy,
                           f"the business was in the wrong and you never owned the mistake to {name}; say plainly what went wrong", due=True)
        return tally
