"""`hearout serve`: the app in the browsers of a room, behind a join code (textual-serve underneath).

This package never imports textual or the TUI: each browser's app runs in its own
process (`python -m simulator.tui.served`), started by textual-serve's machinery.
"""
