"""Facts a line states: numbers, names and distinctive words, to catch a reply that knows too soon.

A move offered after beat 1 that quotes "Saturday" or "$240", when the
customer only says it in beat 3, reads the customer's mind; `needs_heard: 3`
keeps it off the screen until then. What the briefing already tells the
trainee is not a leak.
"""
from __future__ import annotations

import re

POSSESSIVE = re.compile(r"['’]s$")
WORD = re.compile(r"[0-9]+(?:[.,:][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")

# Long words too common in complaints to count as a fact someone must have told you.
COMMON = frozenset("""
about actually afternoon again already always another anything anyway appointment asked because before
believe better booked business called calling cannot company complaint customer customers different
disappointed everyone everything evening exactly expected explain finally forget happened
having honestly however manager instead minute minutes morning nothing nobody number people please
pretty probably problem really refund service should someone something sorry still
thank thanks there thing things thought through today tomorrow understand
wanted weekend whether whatever without wouldn't yesterday""".split())


def tokens(text: str) -> list[tuple[str, bool]]:
    """(word, starts a sentence) for each word of a line."""
    out = []
    for m in WORD.finditer(text):
        before = text[:m.start()].rstrip(" \t\n\"'“‘(-–—")
        word = POSSESSIVE.sub("", m.group())  # "Walt's" states the fact "Walt"
        out.append((word, not before or before[-1] in ".!?…:"))
    return out


def facts(text: str) -> set[str]:
    """The facts a line states, lowercased: numbers, names mid-sentence, long uncommon words."""
    found = set()
    for word, first in tokens(text):
        low = word.lower()
        if "'" in low or "’" in low:
            continue  # I'm, we'll: not facts
        if word[0].isdigit():
            found.add(low)
        elif word[0].isupper() and not first and low != "i" and len(word) > 1:
            found.add(low)
        elif len(word) >= 7 and low not in COMMON:
            found.add(low)
    return found


def words(text: str) -> set[str]:
    return {w.lower() for w, _ in tokens(text)}
