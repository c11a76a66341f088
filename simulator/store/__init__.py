"""Saved sessions and settings, under the user's data and config folders (or a team's database)."""
from simulator.store.database import StoreError
from simulator.store.sessions import SavedSession, SessionStore

__all__ = ["SavedSession", "SessionStore", "StoreError"]
