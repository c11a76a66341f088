"""One module per skill; each `judge(call, rubric)` returns a Tally, or None when
the call gives nothing to judge that skill on."""
