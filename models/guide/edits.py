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


# ------------------------------------------------------------------ undo and redo
def reverted(current: Guide, before: Guide, after: Guide) -> Guide:
    """``current`` with one change (``before`` → ``after``) taken back, by id; redo swaps the two.

    ``current`` is study.json as read now, so whatever another process changed meanwhile stays:
    only the themes and questions the change touched go back to how ``before`` had them (titles,
    words, places, and what it added or deleted). Ids the undo removes are retired, ids it brings
    back are taken off the retired list, so an id never means two things.
    """
    guide = _copy(current)
    then, now = {t.id: t for t in before.themes}, {t.id: t for t in after.themes}
    for theme_id in [t.id for t in after.themes if t.id not in then]:
        guide = delete_theme(guide, theme_id)
    restored: set[str] = set()
    for theme in before.themes:
        if theme.id not in now and all(t.id != theme.id for t in guide.themes):
            _insert_after(guide.themes, theme.model_copy(deep=True), _earlier(before.themes, theme.id, guide.themes))
            restored |= {theme.id, *(q.id for q in theme.questions)}
        elif theme.id in now and theme.title != now[theme.id].title:
            guide = rename_theme(guide, theme.id, theme.title)
    _reorder(guide.themes, [t.id for t in before.themes], [t.id for t in after.themes])
    guide, back = _revert_questions(guide, before, after)
    restored |= back
    guide.retired_ids = [tid for tid in guide.retired_ids if tid not in restored]
    return guide


def _placed(guide: Guide) -> dict[str, tuple[str, GuideQuestion]]:
    return {q.id: (t.id, q) for t in guide.themes for q in t.questions}


def _revert_questions(guide: Guide, before: Guide, after: Guide) -> tuple[Guide, set[str]]:
    then, now = _placed(before), _placed(after)
    for question_id in now.keys() - then.keys():
        guide = delete_question(guide, question_id)
    back: set[str] = set()
    for question_id, (theme_id, question) in then.items():
        here = _placed(guide).get(question_id)
        if question_id in now and now[question_id] == (theme_id, question):
            continue  # the change did not touch it
        if question_id in now and here is not None and now[question_id][0] == theme_id:
            for theme in guide.themes:  # same theme: only its words changed (the order is below)
                for kept in theme.questions:
                    if kept.id == question_id:
                        kept.text = question.text
            continue
        home = next((t for t in guide.themes if t.id == theme_id), None)
        if home is None or (question_id not in now and here is not None):
            continue  # its theme is gone meanwhile, or it is back already (with its theme)
        source = next(t for t in before.themes if t.id == theme_id)
        for theme in guide.themes:
            theme.questions = [q for q in theme.questions if q.id != question_id]
        _insert_after(home.questions, question.model_copy(), _earlier(source.questions, question_id, home.questions))
        back.add(question_id)
    for theme in guide.themes:
        order_then = [q.id for t in before.themes if t.id == theme.id for q in t.questions]
        order_now = [q.id for t in after.themes if t.id == theme.id for q in t.questions]
        _reorder(theme.questions, order_then, order_now)
    return guide, back


def _earlier(order: list, ident: str, present: list) -> str | None:
    """The nearest item before ``ident`` in ``order`` that is in ``present`` (None: put it first)."""
    there = {item.id for item in present}
    ids = [item.id for item in order]
    return next((i for i in reversed(ids[: ids.index(ident)]) if i in there), None)


def _insert_after(items: list, item, after: str | None) -> None:
    ids = [kept.id for kept in items]
    items.insert(ids.index(after) + 1 if after in ids else 0, item)


def _reorder(items: list, order_then: list[str], order_now: list[str]) -> None:
    """Put the items both orders know back in ``order_then``'s order, in the places they hold now,
    if the change reordered them; items the change did not know stay where they are."""
    shared = set(order_then) & set(order_now)
    then = [i for i in order_then if i in shared]
    if then == [i for i in order_now if i in shared]:
        return
    slots = [index for index, item in enumerate(items) if item.id in shared]
    by_id = {item.id: item for item in items}
    wanted = [by_id[i] for i in then if i in by_id]
    for index, item in zip(slots, wanted, strict=False):
        items[index] = item
