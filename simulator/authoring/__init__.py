"""Tools for people who write scenarios: lint checks, proven score bounds, coverage walks,
the JSON Schema, diagrams and a starter file. No UI: importing this never imports textual."""
