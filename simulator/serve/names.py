"""What a trainee types at the door: the join code and their name, checked before anything starts."""
from __future__ import annotations

import hmac
import secrets
import unicodedata

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or off a board without doubt
CODE_LENGTH = 6
CODE_MAX = 32
NAME_MAX = 40
NAME_PUNCTUATION = " .'’-_"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def code_problem(code: str) -> str | None:
    """Why a code given to `hearout serve --code` cannot be used, or None."""
    if not CODE_LENGTH <= len(code) <= CODE_MAX:
        return f"the join code must be {CODE_LENGTH} to {CODE_MAX} characters long, got {min(len(code), 999)}"
    if not (code.isascii() and code.isalnum()):
        return "the join code must be ASCII letters and digits only"
    return None


def code_matches(given: str | None, code: str) -> bool:
    """Case and surrounding spaces do not matter; compared in constant time."""
    if given is None:
        return False
    given = given.strip().upper()
    return given.isascii() and hmac.compare_digest(given.encode(), code.upper().encode())


def clean_name(raw: str | None) -> tuple[str | None, str | None]:
    """(name, None) for a usable trainee name, with runs of spaces made one; (None, why) otherwise.

    Letters of any script, digits, spaces and . ' ’ - _ ; it starts with a letter or
    digit, so no control character, bidi override or spreadsheet formula gets through.
    """
    name = " ".join((raw or "").split())
    if not name:
        return None, "Please enter your name."
    if len(name) > NAME_MAX:
        return None, f"A name is at most {NAME_MAX} characters."
    for ch in name:
        kind = unicodedata.category(ch)
        if not (kind[0] in "LMN" and kind != "No" or ch in NAME_PUNCTUATION):
            return None, "A name may hold letters, digits, spaces and . ' - _ only."
    if unicodedata.category(name[0])[0] not in "LN":
        return None, "A name starts with a letter or a digit."
    return name, None
