"""Exporting one interview's cleaned notes (issue: clean and distribute)."""

from __future__ import annotations

from trodden.models.errors import StoreError


def run_interview_export(store, args) -> int:
    raise StoreError("exporting an interview's notes is not built yet")
