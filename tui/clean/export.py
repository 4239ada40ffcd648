"""Finishing an interview: mark it cleaned, and export its notes for the group (redacted)."""

from __future__ import annotations

from trodden.exporters.group_exports import write_group_exports
from trodden.models.domain import InterviewStatus, Kind
from trodden.models.notes import cleaning
from trodden.tui.i18n import _, ngettext
from trodden.tui.words import word

from .view import CleanView


class InterviewExport(CleanView):
    """c marks the interview cleaned (again: back to done); ctrl+e writes Word and Markdown to exports/."""

    def action_mark_cleaned(self) -> None:
        if not self._writable():
            return
        session = self.session
        assert session is not None
        cleaned = session.interview.status is InterviewStatus.CLEANED
        status = InterviewStatus.DONE if cleaned else InterviewStatus.CLEANED
        session.interview = session.interview.model_copy(update={"status": status})

        def job() -> str:
            session.set_status(status)
            return _("interview marked {status}").format(status=word(status))

        self._submit(job)
        self._update_title()
        if status is InterviewStatus.CLEANED:
            unchecked = [
                n for n in self.state.ordered() if n.has(Kind.QUOTE) and cleaning.quote_changed(n) and not n.checked
            ]
            if unchecked:
                self.notify(
                    ngettext(
                        "{n} changed quote not checked verbatim; the export lists it as an open point",
                        "{n} changed quotes not checked verbatim; the export lists them as open points",
                        len(unchecked),
                    ).format(n=len(unchecked))
                )

    def action_export(self) -> None:
        """Queued behind the steps before it, so the export holds every change made so far."""
        if self.session is None:
            return
        session = self.session
        store = self.store
        folder = store.path / "exports"

        def job() -> str:
            docx, _written = write_group_exports(store.data, session.interview, session.notes(), folder)
            return _("exported (redacted) to {docx} and .md").format(docx=docx)

        self._submit(job)
        self._say(_("exporting…"))
