"""Exporting the journey report (issue: export the journey map)."""

from __future__ import annotations

from trodden.models.errors import StoreError


def run_report_export(store, args) -> int:
    raise StoreError(f"the journey report as {args.format} is not built yet")
