"""An interview's cleaned notes for the group: the redacted Word and Markdown files, side by side.

Both the clean screen (ctrl+e) and ``trodden export --interview`` name and write these files, so the
naming and writing live here, outside the CLI and the screens.
"""

from __future__ import annotations

from pathlib import Path

from trodden.models.domain import Interview, Note
from trodden.models.errors import WriteFailed
from trodden.models.names import safe_filename
from trodden.models.storage.atomic import atomic_write
from trodden.models.storage.study_file import StudyFile


def export_file_name(interview_id: str, fmt: str) -> str:
    """``P3-2024-05-02-notes.docx``: a file name safe on every system, whatever the id holds."""
    return f"{safe_filename(interview_id, fallback='interview')}-notes.{fmt}"


def write_group_exports(data: StudyFile, interview: Interview, notes: list[Note], folder: Path) -> tuple[Path, Path]:
    """The redacted Word and Markdown files of an interview, written atomically into ``folder``."""
    # Imported here: python-docx is slow to import, and naming files (the CLI) or opening the clean
    # screen should not pay for it.
    from .interview_docx import render_docx
    from .interview_md import render_markdown
    from .interview_notes import build_interview_notes
    from .redacted import document_author

    model = build_interview_notes(data, interview, notes)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WriteFailed(folder, error) from error
    docx = folder / export_file_name(interview.id, "docx")
    markdown = folder / export_file_name(interview.id, "md")
    atomic_write(docx, render_docx(model, document_author(data, None, language=model.language)))
    atomic_write(markdown, render_markdown(model).encode("utf-8"))
    return docx, markdown
