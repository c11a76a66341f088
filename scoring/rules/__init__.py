"""One module per skill; each `judge(call, rubric)` returns a Tally, or None when
the call gives nothing to judge that skill on. A call with no trainee move never
reaches the judges (it scores 0), so they may count on at least one turn."""
