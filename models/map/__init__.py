"""The journey map: its items and evidence, the emotion curve, the workshop's edits, filters and duplicates."""
