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
    "quote-unverified": "a quote in an interview with a transcript is not found in the participant's words",
    "quote-differs": "a quote is close to the transcript but not verbatim, and not checked by hand",
    "not-cleaned": "an interview's notes are not cleaned up yet",
    "empty-phase": "a phase has nothing on the map",
    "journey-name-inside-out": "the journey is named from the company's side (buying, ordering, online, web shop)",
    "purpose-unset": "the study's purpose is not written down",
    "too-many-phases": "the journey has more than 7 phases",
    "phase-inside-out": "a phase is named after the company's process (order handling, invoicing, onboarding)",
    "heart-thin-evidence": "a heart is backed by one customer only",
    "cloud-thin-evidence": "a thundercloud is backed by one customer only",
    "moment-no-question": "a moment of truth has no design question",
    "segment-narrow": "every interviewed customer (3 or more) is of one customer type",
    "interviews-few": "fewer customer interviews than the method suggests (episode 10-12, whole journey 15-20)",
    "backstage-heavy": "more backstage than on-stage items; keep backstage brief on a first journey",
}
"""Every code with what it means (for help screens and the report)."""
