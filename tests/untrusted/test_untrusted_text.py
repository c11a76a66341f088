"""The untrusted-text rules on their own: what each function promises for any text."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.untrusted.text import NameRefused, check_name, csv_cell, from_os, json_for_terminal, one_line, terminal, unsafe

ANY = st.text(st.characters(exclude_categories=()))  # lone surrogates included


@given(ANY)
def test_json_for_terminal_reads_back_the_same_and_shows_nothing_raw(value):
    for ascii_only in (False, True):
        text = json_for_terminal(json.dumps({"v": value}, indent=2, ensure_ascii=ascii_only))
        assert json.loads(text) == {"v": value}
        assert not [c for c in text if unsafe(c) and c != "\n"]


@given(ANY)
def test_one_line_and_terminal_never_pass_a_dangerous_character(value):
    assert one_line(value).isprintable() or one_line(value) == ""
    assert not [c for c in terminal(value) if unsafe(c)]
    assert "\n" not in one_line(value) and "\n" not in terminal(value)


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"), (" =1", " =1"), ("Zoë", "Zoë"), (-3, -3), (None, None),
])
def test_csv_cell_follows_the_owasp_rule_on_the_raw_value(value, cell):
    assert csv_cell(value) == cell


def test_names_are_decoded_from_the_os_when_they_are_utf8():
    assert from_os("Zo\udcc3\udcab") == "Zoë"  # what LANG=C makes of the UTF-8 bytes of 'Zoë'
    assert check_name("  Zo\udcc3\udcab ") == "Zoë"
    with pytest.raises(NameRefused, match="not valid text"):
        check_name("Jos\udce9")  # Latin-1 'é': no UTF-8 reading exists


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "a\x00b", "a\u200bb", "=x", "@x", "a\u2029b"])
def test_unusable_names_are_refused_in_one_line(name):
    with pytest.raises(NameRefused) as info:
        check_name(name)
    assert "\n" not in str(info.value) and str(info.value).isprintable()


def test_json_for_the_terminal_escapes_delete_in_ascii_text():
    """json.dumps leaves DEL (U+007F) raw even in pure-ASCII output; the terminal must not get it."""
    import json

    from simulator.untrusted.text import json_for_terminal

    shown = json_for_terminal(json.dumps({"name": "a\x7fb"}))
    assert "\x7f" not in shown and json.loads(shown) == {"name": "a\x7fb"}
