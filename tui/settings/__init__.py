"""The study's settings after ``trodden new``: name, purpose, scope, state, language, redaction terms, participants."""
