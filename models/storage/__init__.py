"""The study on disk: the store API, the durable notes database, atomic files, locks and live events.

Everything else reads and writes study data through ``store``; the rest of this package is its machinery."""
