"""The overview's saturation line in the interface's language.

``models.stats`` words it in the report's language for files and ``trodden stats`` (``SaturationVerdict.line``);
the overview builds the same line from the same figures here, through ``_``. The participants' line is
``models.participants.overview_line``, translated through the models' gettext hook (``models/i18n.py``).
"""

from __future__ import annotations

from trodden.models.stats import SaturationVerdict
from trodden.tui.i18n import _


def verdict_text(verdict: SaturationVerdict) -> str:
    """``4 of 15-20 customer interviews · saturation not yet: last 3 added 30% new``."""
    low, high = verdict.guidance
    guidance = _("{n} of {low}-{high} customer interviews").format(n=verdict.interviews, low=low, high=high)
    if verdict.verdict == "too early":
        if verdict.interviews > verdict.window:
            said = _("saturation: too early (nothing tagged yet)")
        else:
            said = _("saturation: too early (from {n} interviews)").format(n=verdict.window + 1)
    else:
        said = (
            _("saturation likely: last {window} added {share}% new")
            if verdict.verdict == "likely"
            else _("saturation not yet: last {window} added {share}% new")
        ).format(window=verdict.window, share=round(verdict.share * 100))
    return f"{guidance} · {said}"
