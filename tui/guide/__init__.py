"""The interviewer's guide view, kept in sync with capture, and the guide editor."""
