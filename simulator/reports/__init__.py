"""Reports a coach reads: sessions with a column per skill, progress per trainee, where people go wrong.

Pure functions over what the store returns; no UI (import-linter checks it).
Output (table, CSV, JSON) is in `output.py`; the xAPI export in `xapi.py`.
"""
