"""Finding notes: words with their endings (Snowball stems), tags, channels, people, themes, phases."""
