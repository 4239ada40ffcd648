"""Undo and redo of phase edits, as plain data: what a step did, and how to take it back now.

A phase edit (rename, add, remove, move, or taking the other side in the "what changed" panel)
is worked out on the map screen's writer thread from the phases as stored at that moment, so
the step is recorded when the key is pressed and filled in by the job (``PhaseStep.fill``),
like capture's ``models.undo.Step``. It keeps each phase it touched as it was before and after.

Undoing is worked out against the phases as they are **now** (``carried``), as an item's undo
is (``edit.inverse``): only the fields the edit changed go back, so a rename undone keeps the
place another researcher gave the phase meanwhile. When that cannot be done without harm (the
phase was removed meanwhile, another phase took the name, a phase to take away now holds
items) the undo is refused with the reason and writes nothing (``Refused``).

A removed phase comes back as it was: its name and its order number among the others. Removing
is refused while the phase holds items or quotes, so there are none to bring back with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from trodden.models.domain import Phase

from ..i18n import _, in_quotes, ngettext

CHANGING = ("name", "order")
"""the fields a phase edit changes, and so the ones its undo sets back"""


class Refused(Exception):
    """An undo or redo that cannot apply to the phases as they are now (the message says why)."""


@dataclass(frozen=True)
class PhaseEdit:
    """One phase before and after an edit (None: it did not exist / it was removed)."""

    before: Phase | None
    after: Phase | None
    twin_before: bool = False
    twin_after: bool = False
    """another phase had the same name before / after: restoring a name shared then is no clash"""

    @property
    def id(self) -> str:
        return (self.before or self.after).id  # type: ignore[union-attr]

    def turned(self, back: bool) -> tuple[Phase | None, Phase | None, bool]:
        """(from, to, whether ``to``'s name was shared then) for an undo (``back``) or a redo."""
        if back:
            return self.after, self.before, self.twin_before
        return self.before, self.after, self.twin_after


def _same_name(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _twin(phases: list[Phase], phase: Phase | None) -> bool:
    return phase is not None and any(p.id != phase.id and _same_name(p.name, phase.name) for p in phases)


@dataclass(eq=False)
class PhaseStep:
    """One phase edit on the undo stack (identity matters: the same step moves between stacks)."""

    subject: str | None = None
    """the phase the researcher acted on (None: the one the edit added)"""
    edits: tuple[PhaseEdit, ...] | None = None
    """filled in by the job that made the edit (None until then)"""

    @property
    def done(self) -> bool:
        """False if the edit failed or changed nothing: there is nothing to take back."""
        return bool(self.edits)

    def fill(self, records: list[Phase], puts: list[Phase], drops: list[str]) -> None:
        """Record what writing ``puts`` and ``drops`` over the live ``records`` does."""
        before = {p.id: p for p in records}
        after = dict(before)
        for phase in puts:
            after[phase.id] = phase
        for key in drops:
            after.pop(key, None)
        touched = dict.fromkeys([*(p.id for p in puts), *drops])
        old, new = list(before.values()), list(after.values())
        self.edits = tuple(
            PhaseEdit(before.get(key), after.get(key), _twin(old, before.get(key)), _twin(new, after.get(key)))
            for key in touched
            if before.get(key) != after.get(key)
        )

    def main(self) -> PhaseEdit | None:
        """The edit a person would name: the added or removed phase, else the one acted on."""
        edits = self.edits or ()
        return next(
            (e for e in edits if e.before is None or e.after is None),
            next((e for e in edits if e.id == self.subject), edits[0] if edits else None),
        )


def takes_away(step: PhaseStep, *, back: bool) -> bool:
    """Whether undoing (``back``) or redoing ``step`` removes a phase: only then do the items count."""
    return any(
        source is not None and target is None for source, target, _ in (e.turned(back) for e in step.edits or ())
    )


def carried(step: PhaseStep, *, back: bool, phases: list[Phase], used: dict[str, int]) -> tuple[list[Phase], list[str]]:
    """What to write to undo (``back``) or redo ``step`` now: (records to put, ids to drop).

    ``phases``: the live phases as stored now; ``used``: items and quotes per phase id. Raises
    ``Refused`` (and nothing is written) when any part of the step cannot apply.
    """
    now = {p.id: p for p in phases}
    puts: list[Phase] = []
    drops: list[str] = []
    for edit in step.edits or ():
        source, target, shared = edit.turned(back)
        current = now.get(edit.id)
        name = (source or target).name  # type: ignore[union-attr]  # as the researcher last saw it
        if source is None:  # it comes back (an undone removal, a redone add)
            if current is not None:
                raise Refused(_("the phase {name} is there already").format(name=in_quotes(current.name)))
            _check_name(phases, target, shared)  # type: ignore[arg-type]
            puts.append(target)  # type: ignore[arg-type]
        elif current is None:
            raise Refused(_("the phase {name} was removed meanwhile").format(name=in_quotes(name)))
        elif target is None:  # it goes (an undone add, a redone removal)
            if used.get(edit.id):
                held = ngettext(
                    "the phase {name} holds {n} item or quote now",
                    "the phase {name} holds {n} items or quotes now",
                    used[edit.id],
                )
                raise Refused(held.format(name=in_quotes(current.name), n=used[edit.id]))
            drops.append(edit.id)
        else:
            update = {f: getattr(target, f) for f in CHANGING if getattr(source, f) != getattr(target, f)}
            if "name" in update:
                _check_name(phases, target, shared)
            puts.append(current.model_copy(update=update))
    return puts, drops


def _check_name(phases: list[Phase], phase: Phase, shared: bool) -> None:
    if not shared and _twin(phases, phase):
        raise Refused(_("another phase is already called {name}").format(name=in_quotes(phase.name)))


def described(step: PhaseStep, *, back: bool) -> str:
    """What the status line says once ``step`` is undone (``back``) or redone."""
    edit = step.main()
    if edit is None:
        return _("Undone") if back else _("Redone")
    if edit.before is None:
        said = _("Undone: adding the phase {name}") if back else _("Redone: adding the phase {name}")
    elif edit.after is None:
        said = _("Undone: removing the phase {name}") if back else _("Redone: removing the phase {name}")
    elif edit.before.name != edit.after.name:
        said = (
            _("Undone: renaming the phase {old} to {new}") if back else _("Redone: renaming the phase {old} to {new}")
        )
    elif step.subject is None and len(step.edits or ()) > 1:  # the other side of two reorders at once
        return _("Undone: reordering the phases") if back else _("Redone: reordering the phases")
    else:
        said = _("Undone: moving the phase {name}") if back else _("Redone: moving the phase {name}")
    old, new = (edit.before or edit.after).name, (edit.after or edit.before).name  # type: ignore[union-attr]
    return said.format(name=in_quotes(new), old=in_quotes(old), new=in_quotes(new))


def refused(reason: Refused, *, back: bool) -> str:
    """What the status line says when an undo (``back``) or redo cannot apply."""
    said = _("Not undone: {why}") if back else _("Not redone: {why}")
    return said.format(why=reason)
