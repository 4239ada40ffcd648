"""Changes to an interview guide, as pure functions of ``Guide`` addressed by id.

The guide editor applies each change inside ``StudyStore.update`` to a freshly read
``study.json``, so addressing by id (never by screen position) keeps the change right
even if another process edited the guide meanwhile. Ids never change once given: live
events and notes refer to themes and questions by id.
"""

from __future__ import annotations

from trodden.models.domain import Guide, GuideQuestion, GuideTheme
from trodden.models.storage.study_file import new_id


def _next_id(prefix: str, taken: list[str]) -> str:
    """``prefix`` + one more than the highest number in use or retired: a deleted item's id
    (which old notes may still carry) is never handed out again."""
    numbers = [int(rest) for tid in taken if tid.startswith(prefix) and (rest := tid[len(prefix) :]).isdigit()]
    return new_id(prefix, taken) if not numbers else f"{prefix}{max(numbers) + 1}"


def _question_ids(guide: Guide) -> list[str]:
    return [question.id for theme in guide.themes for question in theme.questions]


def _copy(guide: Guide) -> Guide:
    return guide.model_copy(deep=True)


def theme_of(guide: Guide, question_id: str) -> GuideTheme | None:
    return next((t for t in guide.themes if any(q.id == question_id for q in t.questions)), None)


def add_theme(guide: Guide, title: str, after: str | None = None) -> tuple[Guide, str]:
    """A new theme after ``after`` (a theme id), or at the end."""
    guide = _copy(guide)
    theme = GuideTheme(
        id=_next_id("th", [t.id for t in guide.themes] + guide.retired_ids), title=title.strip() or "Untitled theme"
    )
    ids = [t.id for t in guide.themes]
    guide.themes.insert(ids.index(after) + 1 if after in ids else len(ids), theme)
    return guide, theme.id


def rename_theme(guide: Guide, theme_id: str, title: str) -> Guide:
    guide = _copy(guide)
    for theme in guide.themes:
        if theme.id == theme_id:
            theme.title = title.strip() or theme.title
    return guide


def delete_theme(guide: Guide, theme_id: str) -> Guide:
    guide = _copy(guide)
    for theme in guide.themes:
        if theme.id == theme_id:
            guide.retired_ids += [theme.id, *(q.id for q in theme.questions)]
    guide.themes = [t for t in guide.themes if t.id != theme_id]
    return guide


def move_theme(guide: Guide, theme_id: str, step: int) -> Guide:
    guide = _copy(guide)
    ids = [t.id for t in guide.themes]
    if theme_id not in ids:
        return guide
    index = ids.index(theme_id)
    target = max(0, min(len(ids) - 1, index + step))
    guide.themes.insert(target, guide.themes.pop(index))
    return guide


def add_question(guide: Guide, theme_id: str, text: str, after: str | None = None) -> tuple[Guide, str | None]:
    """A new question in ``theme_id`` after ``after`` (a question id), or at the theme's end."""
    guide = _copy(guide)
    theme = next((t for t in guide.themes if t.id == theme_id), None)
    if theme is None or not text.strip():
        return guide, None
    question = GuideQuestion(id=_next_id(f"{theme.id}q", _question_ids(guide) + guide.retired_ids), text=text.strip())
    ids = [q.id for q in theme.questions]
    theme.questions.insert(ids.index(after) + 1 if after in ids else len(ids), question)
    return guide, question.id


def edit_question(guide: Guide, question_id: str, text: str) -> Guide:
    guide = _copy(guide)
    for theme in guide.themes:
        for question in theme.questions:
            if question.id == question_id and text.strip():
                question.text = text.strip()
    return guide


def delete_question(guide: Guide, question_id: str) -> Guide:
    guide = _copy(guide)
    for theme in guide.themes:
        if any(q.id == question_id for q in theme.questions):
            guide.retired_ids.append(question_id)
        theme.questions = [q for q in theme.questions if q.id != question_id]
    return guide


def move_question(guide: Guide, question_id: str, step: int) -> Guide:
    """Up or down one place; past its theme's edge it moves into the neighbouring theme."""
    guide = _copy(guide)
    theme = theme_of(guide, question_id)
    if theme is None:
        return guide
    ids = [q.id for q in theme.questions]
    index = ids.index(question_id)
    target = index + step
    if 0 <= target < len(ids):
        theme.questions.insert(target, theme.questions.pop(index))
        return guide
    theme_index = guide.themes.index(theme) + (1 if step > 0 else -1)
    if not 0 <= theme_index < len(guide.themes):
        return guide
    question = theme.questions.pop(index)
    neighbour = guide.themes[theme_index]
    if step > 0:
        neighbour.questions.insert(0, question)
    else:
        neighbour.questions.append(question)
    return guide


def append_guide(guide: Guide, imported: Guide) -> tuple[Guide, int]:
    """Add an imported guide's themes after the existing ones, with fresh ids (nothing replaced)."""
    guide = _copy(guide)
    added = 0
    for theme in imported.themes:
        guide, theme_id = add_theme(guide, theme.title)
        for question in theme.questions:
            guide, _ = add_question(guide, theme_id, question.text)
        added += 1
    return guide, added
