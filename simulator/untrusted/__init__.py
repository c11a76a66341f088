"""Untrusted input, handled in one place: text for terminals and spreadsheets, names, files.

The lowest layer of hearout: scoring, the engine, the store, the CLI and the UI
all import it, and it imports none of them (an import-linter contract).
"""
