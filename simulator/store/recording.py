"""Saving a call as it goes: begun at the start, updated after every turn.

A store that fails (full disk, locked file, damaged database) must not end the
call, so errors are kept as a message for the UI to show instead of raised.
"""
from __future__ import annotations

from scoring.transcript import Transcript
from simulator.store.schema import BUILTIN
from simulator.store.sessions import SessionStore, StoreError


class CallRecord:
    def __init__(self, store: SessionStore | None, transcript: Transcript, *, source: str = BUILTIN) -> None:
        self.store = store
        self.id: int | None = None
        self.error: str | None = None
        if store is not None:
            self._try(lambda: setattr(self, "id", store.begin(transcript, source=source)))

    def turn(self, transcript: Transcript) -> None:
        if self.store is not None and self.id is not None:
            self._try(lambda: self.store.update(self.id, transcript))

    def finish(self, transcript: Transcript, score: dict | None) -> None:
        if self.store is not None and self.id is not None:
            self._try(lambda: self.store.update(self.id, transcript, finished=True, score=score))

    def _try(self, write) -> None:
        try:
            write()
        except StoreError as exc:
            self.error = f"Could not save this call: {exc}"
