"""The scorecard as plain text for a terminal (80 columns, no markup).

Transcript text is untrusted: whoever prints this makes it safe for a terminal
(the CLI passes every line through `simulator.untrusted.text.terminal`).
"""
from __future__ import annotations

import textwrap
from fractions import Fraction

from scoring.call import Call, round_half_up
from scoring.scorecard import Better, Scorecard
from scoring.transcript import Transcript

WIDTH = 78
BAR = 10


def format_scorecard(card: Scorecard, transcript: Transcript) -> str:
    info = transcript.scenario
    lines = [f"Score: {card.overall}/100", f"Outcome: {card.outcome}"]
    who = f" with {info.customer}" if info.customer else ""
    lines += _wrap(f"Call: {info.title}{who}", "", "  ")
    for reason in card.caps:
        lines += _wrap(reason, "! ", "  ")
    width = max(len(name) for name in card.skills) + 2
    for name, skill in card.skills.items():
        lines.append("")
        if skill.score is None:
            lines.append(f"{name:<{width}} not judged")
            continue
        lines.append(f"{name:<{width}}{skill.score:>3}  {bar(skill.score)}")
        # What a turn cost is shown at its turn below; here what only the whole call shows.
        costs, strengths = whole_call_lines(card, name)
        for line in costs:
            lines += _wrap(line, "  - ", "    ")
        for line in strengths:
            lines += _wrap(line, "  + ", "    ")
    turns = Call.of(transcript).turns
    if turns:
        lines += ["", "Turn by turn:"]
        for turn in turns:
            said = " ".join(turn.event.text.split()) or turn.event.move
            lines += _wrap(f"Turn {turn.number} (after {turn.beats}): \"{said}\"", "  ", "    ")
            verdict = card.verdict(turn.number)
            if verdict is None:
                continue
            for note in verdict.notes:
                if note.cost:
                    lines += _wrap(f"{note.skill} {show_points(note.points)}: {note.text}", "    - ", "      ")
                else:
                    lines += _wrap(f"{note.skill}: {note.text}", "    + ", "      ")
            if verdict.better is not None:
                lines += better_lines(verdict.better)
    return "\n".join(lines) + "\n"


def whole_call_lines(card: Scorecard, skill: str) -> tuple[list[str], list[str]]:
    """A skill's evidence and strengths that only the whole call shows, and where its turns' costs are.

    Every line about one turn is shown at that turn (the timeline, "Turn by
    turn"); the skill points there instead of saying it twice.
    """
    s = card.skills[skill]
    caps = {c.rstrip(".") for c in card.caps}
    costs = [line for line in s.evidence if not line.startswith("Turn ") and line.rstrip(".") not in caps]
    at = sorted({v.turn for v in card.turns for n in v.notes if n.skill == skill and n.points < 0})
    if at:
        where = f"turn {at[0]}" if len(at) == 1 else "turns " + ", ".join(str(t) for t in at)
        costs.append(f"Points lost at {where}: see each turn below.")
    strengths = [line for line in s.strengths if not line.startswith("Turn ")]
    return costs, strengths


def better_lines(better: Better) -> list[str]:
    """The best move on offer at a costly turn, and the author's note on the move taken."""
    out: list[str] = []
    if better.move == "wait":
        out = _wrap(f"Better here: {better.why}", "    > ", "      ")
    elif better.say:
        out = _wrap(f"Better here: \"{' '.join(better.say.split())}\" ({better.why})", "    > ", "      ")
    if better.feedback:
        out += _wrap(f"Coach's note: {better.feedback}", "    > ", "      ")
    return out


def show_points(points: int | float) -> str:
    return f"{points:g}" if isinstance(points, float) else str(points)


def bar(score: int) -> str:
    filled = round_half_up(Fraction(score, 100) * BAR)
    return "█" * filled + "░" * (BAR - filled)


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest) or [first.rstrip()]
