"""Saved sessions and settings, under the user's data and config folders."""
from simulator.store.sessions import SavedSession, SessionStore, StoreError

__all__ = ["SavedSession", "SessionStore", "StoreError"]
