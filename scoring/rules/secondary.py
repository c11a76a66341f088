"""The secondary skills: policy, channel, follow-up and composure."""
from __future__ import annotations

from scoring.call import REMEDIES, Call, Tally, Turn
from scoring.rules import Judge

_LABEL = {"visit": "a visit", "phone": "a call", "note": "a handwritten note", "email": "email"}


class Policy(Judge):
    skill = "policy"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.judged = self.explained = False

    def key(self):
        return (self.tally.key(), self.judged, self.explained)

    def turn(self, turn: Turn) -> None:
        pts, tally = self.pts, self.tally
        self.judged = self.judged or turn.has("explain_policy", "refuse") or turn.breaks_policy
        if turn.has("explain_policy") and not self.explained:
            self.explained = True
            # Ground: seed 001 (explain why you can't make an exception); Bradley & Sparks 2009.
            # At fault the explanation is judged below instead, so no line praises an excuse.
            if not self.at_fault:
                tally.strength(turn, "you explained the reason behind the policy")
        if turn.has("refuse") and not self.explained:
            tally.lose(pts("bare_refusal"), turn, "you refused without giving the reason behind the policy")
        if turn.breaks_policy:
            # Ground: seed 000 (if you don't follow your own policies, why should they?).
            tally.lose(pts("policy_break"), turn, "you gave in against the policy you are there to uphold")
        if self.at_fault and turn.has("explain_policy"):
            # Ground: seed 004 (skip laying out your side if you were wrong; but
            # when stuck, lay out each side's limits and ask how they would solve
            # it fairly: limits stated together with that question are no excuse).
            if turn.has("ask_customer_solution"):
                tally.strength(turn, f"you laid out the limits and asked {self.name} how to solve it fairly")
            else:
                tally.lose(pts("explained_when_at_fault"), turn,
                           f"the business was in the wrong, so explaining policy to {self.name} sounds like an excuse")

    def end(self, call: Call) -> Tally | None:
        return self.tally if self.judged else None


class Channel(Judge):
    """How the trainee answered the complaint; a follow-up's channel is follow_up's business."""

    skill = "channel"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.chosen: dict[str, int] = {}  # replies by each channel

    def copy(self) -> "Channel":
        new = super().copy()
        new.chosen = dict(self.chosen)
        return new

    def key(self):
        return tuple(sorted(self.chosen.items()))  # each costs its share of the whole: decided at the end

    def turn(self, turn: Turn) -> None:
        if turn.event.channel and not turn.has("follow_up"):
            self.chosen[turn.event.channel] = self.chosen.get(turn.event.channel, 0) + 1

    def end(self, call: Call) -> Tally | None:
        chosen = [t for t in call.turns if t.event.channel and not t.has("follow_up")]
        if not chosen:
            return None
        tally = self.tally
        for turn in chosen:
            # Ground: seed 003 (visit > call > note > email), seed 002 (get on the phone, don't resolve by email).
            ch = turn.event.channel
            line = f"you answered {call.name} by {_LABEL[ch]}"
            if ch in ("note", "email"):
                tally.lose(self.pts(f"reply_by_{ch}") / len(chosen), turn,
                           f"{line}; pick up the phone: a voice carries what {ch == 'email' and 'an email' or 'a note'} cannot")
            else:
                tally.strength(turn, line)
        return tally


class FollowUp(Judge):
    skill = "follow_up"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.planned: str | None = None  # the first follow-up's channel ("" for none named), once planned
        self.remedy = False

    def key(self):
        return (self.planned, self.remedy)  # the charge is decided by these alone, at the end

    def turn(self, turn: Turn) -> None:
        if self.planned is None and turn.has("follow_up"):
            self.planned = turn.event.channel or ""
        self.remedy = self.remedy or turn.has(*REMEDIES)

    def end(self, call: Call) -> Tally | None:
        planned = call.first("follow_up")
        remedy = call.first(*REMEDIES)
        if not planned and not remedy:
            return None
        tally = self.tally
        name = call.name
        if planned:
            ch = planned.event.channel
            # Ground: seed 003 (follow up by the most personal channel: visit > call > note > email).
            if ch in ("note", "email"):
                tally.lose(self.pts(f"follow_up_by_{ch}"), planned,
                           f"you planned to follow up by {_LABEL[ch]}; better than none, but a call or a visit shows {name} more care")
            elif ch == "visit":
                tally.strength(planned, f"you planned to follow up with {name} in person, the most personal way there is")
            elif ch == "phone":
                tally.strength(planned, f"you planned to follow up with {name} by phone")
            else:
                tally.strength(planned, f"you planned a follow-up with {name}")
        else:
            # Ground: seed 003 (follow up with another favor); LEAP (promise, follow up).
            tally.lose(self.pts("no_follow_up"), call.turns[-1],
                       f"you planned no check-in or extra favor for {name} after the remedy", due=True)
        return tally


class Composure(Judge):
    skill = "composure"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.excuses: tuple[Turn, ...] = ()  # excuses made at fault and not yet taken back

    def key(self):
        return (self.tally.key(), len(self.excuses))

    def turn(self, turn: Turn) -> None:
        pts, tally, name = self.pts, self.tally, self.name
        if turn.has("own_mistake"):
            for excuse in self.excuses:
                # Ground: blind ratings (an excuse costs more when the business was at fault); seed 004
                # (skip your side if you were wrong). Owning it later is credited, not an eraser.
                tally.lose(pts("excuse_at_fault"), excuse,
                           f"the business was in the wrong, so an excuse here costs more; you took it back at "
                           f"turn {turn.number}, but owning the mistake first is what {name} needed")
                tally.strength(turn, f"you took back the excuse from turn {excuse.number} and owned the mistake")
            self.excuses = ()
        # Ground: seed 002 (get calm, resist defending yourself); BLAST.
        if turn.has("defend"):
            tally.lose(pts("defend"), turn, f"you argued back or made an excuse; stay calm and keep the focus on {name}")
            if self.at_fault:
                self.excuses += (turn,)
        if turn.has("dismiss"):
            tally.lose(pts("dismiss"), turn, f"you played down what {name} was upset about")

    def end(self, call: Call) -> Tally:
        tally = self.tally
        if not call.with_acts("defend", "dismiss"):
            tally.strength(None, f"You stayed calm: you never argued back or played down what {call.name} felt")
        thanked = call.first("thank")
        if thanked:
            # Ground: BLAST, LAST, LATTE (thank the customer).
            tally.strength(thanked, f"you thanked {call.name} for raising the problem", late=True)
        return tally
