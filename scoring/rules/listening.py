"""Listening: was the story heard out before the first reply of substance?"""
from __future__ import annotations

from fractions import Fraction
from functools import partial

from scoring.call import QUESTIONS, REFLECTIONS, Call, Tally
from scoring.rubric import Rubric
from scoring.rules.wording import count, did, times

_DEFEND_OR_DISMISS = frozenset({"defend", "dismiss"})
_HOSTILE = _DEFEND_OR_DISMISS | {"refuse"}


def judge(call: Call, rubric: Rubric) -> Tally:
    pts = partial(rubric.points, "listening")
    tally = Tally()
    name = call.name

    # Ground: HEARD/LAST (hear the whole story, don't interrupt), seed 003;
    # the earlier the cut, the larger the share of the story lost.
    cuts = [t for t in call.turns if t.cut_in]
    for turn in cuts:
        cost = pts("interruption") * (1 - turn.share_heard)
        if turn.clarifies_only:
            # Ground: seed 002, speak only to clarify: fair, so it costs less.
            tally.lose(
                cost * pts("clarifying_factor"),
                f"Turn {turn.number}: your clarifying question came after {turn.beats}; "
                f"fair, but let {name} finish first when you can",
            )
        else:
            tally.lose(cost, f"Turn {turn.number}: you cut in after {turn.beats}, before {name} had finished the story")
    first_reply = next((t for t in call.turns if t.substantive), None)
    opening = call.turns[0]
    if opening.story_told:
        tally.strength(f"Turn 1: you heard {name}'s story out ({opening.beats}) before you first spoke.")
    if not cuts:
        tally.strength(f"You never cut {name} off.")
    if call.waits:
        tally.strength(f"You let {name} keep talking {times(call.waits)} instead of taking the floor.")

    # Ground: seed 003 (open with an open question), seed 002 (gather the facts).
    question = call.first(*QUESTIONS)
    if question and (first_reply is None or question.number < first_reply.number):
        kind = "an open" if question.has("open_question") else "a clarifying"
        tally.strength(f"Turn {question.number}: you asked {name} {kind} question before answering anything.")
    elif question and question.number == first_reply.number:
        tally.lose(
            pts("no_question_first"),
            f"Turn {first_reply.number}: you {did(first_reply)} in the same breath as your first question; ask, listen, then answer",
        )
    elif first_reply:
        tally.lose(
            pts("no_question_first"),
            f"Turn {first_reply.number}: you {did(first_reply)} before asking {name} a single question about what happened",
        )
    else:
        tally.lose(pts("no_question_first"), f"You never asked {name} a question about what happened")

    # Ground: MITI 4, reflections against questions (1:1 fair, 2:1 good).
    reflections = sum(call.count(a) for a in REFLECTIONS)
    questions = sum(call.count(a) for a in QUESTIONS)
    if reflections == 0:
        tally.lose(pts("no_reflection"), f"You never reflected back what {name} said or felt; paraphrase the problem or name the feeling")
    elif reflections < questions:
        tally.lose(
            pts("few_reflections"),
            f"You asked {count(questions, 'question')} but reflected back only {times(reflections)}; "
            "aim for at least one reflection per question",
        )
    elif questions == 0:
        tally.strength(f"You reflected back what {name} said or felt {times(reflections)}.")
    elif reflections >= 2 * questions:
        tally.strength(f"You reflected back {times(reflections)} for {count(questions, 'question')}: a good balance.")
    else:
        tally.strength(f"You reflected back {times(reflections)} for {count(questions, 'question')}: fair; twice as often is better.")
    paraphrase = call.first("paraphrase")
    if paraphrase:
        tally.strength(f"Turn {paraphrase.number}: you repeated back what {name} told you, to check you had it right.")

    # Ground: BLAST (listen, don't defend or justify), seed 001 (understand before you defend).
    for turn in call.with_acts(*_DEFEND_OR_DISMISS):
        what = did(turn, _DEFEND_OR_DISMISS)
        if turn.story_told:
            tally.lose(pts("defend_or_dismiss"), f"Turn {turn.number}: you {what} instead of showing {name} you understood")
        else:
            tally.lose(
                pts("defend_or_dismiss") + pts("defend_before_story"),
                f"Turn {turn.number}: you {what} {turn.too_soon(name)}",
            )
    return tally


def story_not_heard(call: Call, share: Fraction) -> str | None:
    """Why the opening story was never heard, if it was not (a cap's ground).

    The trainee took the floor (more than a "go on" or a clarifying question)
    before `share` of the story was told, and never let the customer finish it.
    """
    if call.story_finished:
        return None
    cut = next((t for t in call.turns if t.in_story and t.cut_in and not t.clarifies_only
                and t.share_heard < share), None)
    if cut is None:
        return None
    return (f"Turn {cut.number}: you took the floor after {cut.beats} and never let {call.name} "
            "finish the story")


def no_listening(call: Call) -> str | None:
    """Why the call shows no listening at all, if it does (a cap's ground).

    Either the very first move argued, refused or dismissed before the story
    was told, or every reply of substance cut the customer off.
    """
    first = call.turns[0] if call.turns else None
    if first and first.has(*_HOSTILE) and not first.story_told:
        return f"Turn 1: you {did(first, _HOSTILE)} before hearing {call.name}'s story out"
    replies = [t for t in call.turns if t.substantive]
    if replies and all(t.cut_in for t in replies):
        return f"Every reply of substance cut {call.name} off before the story was told"
    return None
