"""Search: every note of the study by words, tags, channels, people, themes and phases."""
