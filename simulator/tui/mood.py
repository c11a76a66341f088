"""How a mood number reads to a person: a word and a face, never colour alone."""
from __future__ import annotations

# (upper bound, label, face); faces are ASCII so every terminal draws them one cell wide.
BANDS = (
    (15, "furious", ">:("),
    (30, "angry", ":-<"),
    (45, "upset", ":-("),
    (60, "neutral", ":-|"),
    (75, "calm", ":-)"),
    (90, "pleased", ":-D"),
    (101, "delighted", "\\o/"),
)


def mood_label(mood: int) -> str:
    return next(label for top, label, _ in BANDS if mood < top)


def mood_face(mood: int) -> str:
    return next(face for top, _, face in BANDS if mood < top)


def mood_tone(mood: int) -> str:
    """A coarse tone the stylesheet colours; the label and face carry the meaning."""
    return "low" if mood < 30 else "mid" if mood < 60 else "high"


def change_text(change: int) -> str:
    if change > 0:
        return f"up {change}"
    if change < 0:
        return f"down {-change}"
    return "no change"
