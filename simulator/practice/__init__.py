"""The practice loop without the UI: history and progress, drills, replay and what-if."""
