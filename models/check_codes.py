"""The method checks' codes and what each means: light to import (the CLI's help lists
them without loading the domain models)."""

from __future__ import annotations

CODES: dict[str, str] = {
    "funnel-phase": "a phase is named like a sales funnel step, not after what the customer does",
    "state-unset": "the journey's state (current or target) is not chosen",
    "hearts-count": "the map should mark 3-5 hearts",
    "clouds-count": "the map should mark 3-5 thunderclouds",
    "moments-count": "the method suggests 2-4 moments of truth",
    "single-channel": "the journey shows only one channel",
    "no-evidence": "hypothesis items not yet backed by any interview note",
    "quote-not-verbatim": "a picked quote's words changed since they were typed",
    "not-cleaned": "an interview's notes are not cleaned up yet",
    "empty-phase": "a phase has nothing on the map",
}
"""Every code with what it means (for help screens and the report)."""
