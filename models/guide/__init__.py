"""The interview guide: Markdown import, edits, and the interviewer's progress through it."""
