"""Cleaning an interview's notes after the interview: the table, edits, redaction settings and export."""
