"""A method check's finding: light to share between the check modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .names import visible

Severity = Literal["warning", "info"]


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    subject: str = ""


def quoted(text: str) -> str:
    """User text quoted for a one-line message (control characters and line breaks made visible)."""
    return f"“{visible(text, one_line=True)}”"
