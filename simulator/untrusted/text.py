"""Text from files, settings, the environment or a database, made safe to show or export.

- `one_line`: for a message line; everything a terminal would not print as
  itself (controls, bidi overrides, line separators, lone surrogates...) is
  shown as a Python-style escape, so a value can neither forge a line nor
  reach the terminal as a command.
- `terminal`: for longer text on a terminal: the same dangerous characters
  escaped, ordinary formatting characters (zero-width joiners in emoji,
  no-break spaces) kept; newlines kept only when asked.
- `csv_cell`: OWASP's CSV-injection rule for a spreadsheet cell.
- `check_name`: a trainee name on entry (command line, environment, settings,
  the UI's dialog), refused with a one-line reason.
- `shorten`: a long value cut down for a message.
"""
from __future__ import annotations

import os
import unicodedata

# Bidirectional embeddings, overrides and isolates, and the marks: they reorder what a
# terminal shows, so `exe.txt` can read as `txt.exe` (CVE-2021-42574, "Trojan Source").
BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Categories no terminal should receive raw: C0/C1 controls, lone surrogates, line and
# paragraph separators (a terminal or an editor may break the line there).
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
NAME_MAX = 40


def unsafe(c: str) -> bool:
    """Whether one character must not reach a terminal as itself."""
    return c in BIDI or unicodedata.category(c) in _UNSAFE_CATEGORIES


def escape(c: str) -> str:
    """A character that does not print as itself, as Python writes it: \\x1b, \\n, \\u202e."""
    return repr(c)[1:-1]


def terminal(text: str, *, newlines: bool = False) -> str:
    """Text safe to print: dangerous characters escaped; '\\n' kept when `newlines`."""
    if text.isascii() and text.isprintable():  # the common case, without a loop
        return text
    return "".join(escape(c) if unsafe(c) and not (newlines and c == "\n") else c for c in text)


def json_for_terminal(text: str) -> str:
    """JSON text with every unsafe character as a \\u escape.

    json.dumps escapes C0 controls itself; with ensure_ascii=False it leaves DEL, C1
    controls, bidi controls, separators and lone surrogates raw. Outside strings
    JSON text is ASCII, so each of those is inside a string and its escape is exact.
    """
    if text.isascii() and "\x7f" not in text:
        return text  # json.dumps already escaped every control character but DEL
    return "".join(_json_escape(c) if unsafe(c) and c != "\n" else c for c in text)  # "\n": indentation


def _json_escape(c: str) -> str:
    code = ord(c)
    if code > 0xFFFF:  # not reached for today's unsafe set, but a pair is the JSON spelling
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def one_line(text: str) -> str:
    """A value for a one-line message: every character that does not print as itself is escaped."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else escape(c) for c in text)


def shorten(text: str, limit: int = 60) -> str:
    """A value from a file, cut short for a message (a line may be megabytes)."""
    return text if len(text) <= limit else text[:limit] + "…"


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run as a formula (OWASP's CSV-injection rule).

    Text beginning with =, +, -, @, a tab or a carriage return gets a leading
    apostrophe, which spreadsheets show as text. The check is on the raw value:
    stripping whitespace first would turn '\\t=1+1' back into a formula.
    Numbers are left as numbers (a negative score is a number, not a formula).
    """
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class NameRefused(ValueError):
    """A trainee name that cannot be used; the message is one line."""


def from_os(text: str) -> str:
    """Text from argv or the environment, with undecodable bytes decoded as UTF-8 if they are UTF-8.

    Under LANG=C (and no UTF-8 mode) Python decodes 'Zoë' from argv as surrogate
    escapes; the bytes are still good UTF-8. Bytes that are not (a Latin-1 'é')
    stay as surrogates, for `check_name` to refuse.
    """
    if not any(0xDC80 <= ord(c) <= 0xDCFF for c in text):
        return text
    try:
        return os.fsencode(text).decode("utf-8")
    except (UnicodeError, ValueError):
        return text


def check_name(name: str, where: str = "trainee name") -> str:
    """A usable trainee name (stripped), or NameRefused saying why in one line."""
    name = from_os(name).strip()
    if not name:
        raise NameRefused(f"{where} is empty")
    for c in name:
        if unicodedata.category(c) == "Cs":
            raise NameRefused(f"{where} is not valid text (undecodable bytes or a lone surrogate: "
                              f"{one_line(shorten(name, 20))}); use UTF-8")
        if c != " " and not c.isprintable():
            raise NameRefused(f"{where} contains the control or formatting character U+{ord(c):04X}; "
                              "use letters, digits, spaces and punctuation")
    if len(name) > NAME_MAX:
        raise NameRefused(f"{where} is longer than {NAME_MAX} characters")
    if name.startswith(FORMULA_PREFIXES):
        raise NameRefused(f"{where} must not start with {name[0]!r} (a spreadsheet would read it as a formula)")
    return name
