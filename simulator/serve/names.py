"""What a trainee types at the door: the join code and their name, checked before anything starts."""
from __future__ import annotations

import hmac
import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud or off a board without doubt
CODE_LENGTH = 6
CODE_MAX = 32


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

    The rule is the project's one rule for trainee names (`simulator.untrusted.text.check_name`).
    """
    from simulator.untrusted.text import NameRefused, check_name

    name = " ".join((raw or "").split())
    if not name:
        return None, "Please enter your name."
    try:
        return check_name(name, "The name"), None
    except NameRefused as exc:
        message = str(exc)
        return None, message[:1].upper() + message[1:] + "."
