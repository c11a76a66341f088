"""Listening: was the story heard out, was it reflected back, was silence left hanging?"""
from __future__ import annotations

from scoring.call import QUESTIONS, REFLECTIONS, Call, Tally, Turn
from scoring.rules import Judge
from scoring.rules.wording import count, did, times

_DEFEND_OR_DISMISS = frozenset({"defend", "dismiss"})


class Listening(Judge):
    skill = "listening"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.replied = False  # a reply of substance has been made
        self.asked_first = False  # a question came before any reply of substance
        self.reflections = self.questions = 0
        self.paraphrased = False

    def key(self):
        # Whether reflections keep up with questions is decided at the end: their difference is what counts.
        return (self.tally.key(), self.replied, self.asked_first, self.reflections > 0,
                self.reflections - self.questions, self.paraphrased)

    def turn(self, turn: Turn) -> None:
        pts, tally, name = self.pts, self.tally, self.name
        # Ground: GROUNDS second set, silence is not listening.
        if turn.silences:
            heard = "had to break the silence" if turn.silences == 1 else f"had to break the silence {times(turn.silences)}"
            tally.lose(pts("silence") * turn.silences, turn,
                       f"before this reply {name} {heard}; once the customer has finished, answer")
        # Ground: HEARD/LAST (hear the whole story, don't interrupt), seed 003;
        # the earlier the cut, the larger the share of the story lost.
        if turn.cut_in:
            cost = pts("interruption") * (1 - turn.share_heard)
            if turn.clarifies_only:
                # Ground: seed 002, speak only to clarify: fair, so it costs less.
                tally.lose(cost * pts("clarifying_factor"), turn,
                           f"your clarifying question came after {turn.beats}; fair, but let {name} finish first when you can")
            else:
                tally.lose(cost, turn, f"you cut in after {turn.beats}, before {name} had finished the story")
        # Ground: BLAST (listen, don't defend or justify), seed 001 (understand before you defend).
        if turn.has(*_DEFEND_OR_DISMISS):
            what = did(turn, _DEFEND_OR_DISMISS)
            if turn.story_told:
                tally.lose(pts("defend_or_dismiss"), turn, f"you {what} instead of showing {name} you understood")
            else:
                tally.lose(pts("defend_or_dismiss") + pts("defend_before_story"), turn, f"you {what} {turn.too_soon(name)}")
        if not self.replied:
            self.asked_first = self.asked_first or (turn.has(*QUESTIONS) and not turn.substantive)
            self.replied = turn.substantive
        self.reflections += sum(a in turn.acts for a in REFLECTIONS)
        self.questions += sum(a in turn.acts for a in QUESTIONS)
        self.paraphrased = self.paraphrased or turn.has("paraphrase")

    def end(self, call: Call) -> Tally:
        pts, tally, name = self.pts, self.tally, self.name
        if call.trailing_silences:
            tally.lose(pts("silence") * call.trailing_silences, None,
                       f"After your last reply {name} was left asking into the silence {times(call.trailing_silences)}")

        opening = call.turns[0]
        if opening.story_told:
            tally.strength(opening, f"you heard {name}'s story out ({opening.beats}) before you first spoke", late=True)
        heard_waits = call.waits - sum(t.silences for t in call.turns) - call.trailing_silences
        if heard_waits > 0:
            tally.strength(None, f"You let {name} keep talking {times(heard_waits)} instead of taking the floor")

        # Ground: seed 003 (open with an open question), seed 002 (gather the facts).
        first_reply = next((t for t in call.turns if t.substantive), None)
        question = call.first(*QUESTIONS)
        if question and (first_reply is None or question.number < first_reply.number):
            kind = "an open" if question.has("open_question") else "a clarifying"
            tally.strength(question, f"you asked {name} {kind} question before answering anything", late=True)
        elif question and question.number == first_reply.number:
            tally.lose(pts("no_question_first"), first_reply,
                       f"you {did(first_reply)} in the same breath as your first question; ask, listen, then answer",
                       late=True)
        elif first_reply:
            tally.lose(pts("no_question_first"), first_reply,
                       f"you {did(first_reply)} before asking {name} a single question about what happened", late=True)
        else:
            tally.lose(pts("no_question_first"), None, f"You never asked {name} a question about what happened")

        # Ground: MITI 4, reflections against questions (1:1 fair, 2:1 good); QA: confirm the issue.
        reflections, questions = self.reflections, self.questions
        paraphrase = call.first("paraphrase")
        if reflections == 0:
            tally.lose(pts("no_reflection"), None,
                       f"You never reflected back what {name} said or felt; paraphrase the problem or name the feeling")
        else:
            if reflections < questions:
                tally.lose(pts("few_reflections"), None,
                           f"You asked {count(questions, 'question')} but reflected back only {times(reflections)}; "
                           "aim for at least one reflection per question")
            elif questions == 0:
                tally.strength(None, f"You reflected back what {name} said or felt {times(reflections)}")
            elif reflections >= 2 * questions:
                tally.strength(None, f"You reflected back {times(reflections)} for {count(questions, 'question')}: a good balance")
            else:
                tally.strength(None, f"You reflected back {times(reflections)} for {count(questions, 'question')}: "
                                     "fair; twice as often is better")
            if paraphrase is None:
                tally.lose(pts("no_paraphrase"), None,
                           f"You never repeated back what {name} told you; a short paraphrase confirms the issue")
        if paraphrase:
            tally.strength(paraphrase, f"you repeated back what {name} told you, to check you had it right", late=True)
        return tally


def no_listening(call: Call) -> str | None:
    """Why the call shows no listening at all, if it does (a cap's ground).

    The trainee never let the customer finish anything: every move cut in,
    and no story was ever heard out.
    """
    if call.story_finished or not call.turns or not all(t.cut_in for t in call.turns):
        return None
    return f"You never let {call.name} finish anything: every reply cut in"
