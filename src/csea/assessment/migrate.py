"""``csea migrate``: carry an assessment's answers forward to the current catalogue version.

The catalogue's change log says what happened to obligation ids in each version. Every
entry newer than the version the assessment was made against is applied, oldest first:

| change  | what happens to the answer                                                     |
|---------|--------------------------------------------------------------------------------|
| changed | kept, flagged ``catalog_changed``                                              |
| split   | copied to each new id, flagged ``split``; the old answer goes once copied       |
| merged  | combined into the new id (weakest status, all evidence, notes joined), ``merged`` |
| retired | kept, flagged ``retired``                                                      |
| added   | a new ``not_assessed`` entry, with its comments, when it applies to the service |

Nothing is dropped silently: when a split target already has an answer, the old answer
stays where it is, flagged, for a person to merge by hand. Every flag names the
version, the ids and the reason; a person clears it by deleting it after review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from csea.assessment.load import with_profile
from csea.assessment.merging import merged_answer
from csea.assessment.rewrite import (
    AssessmentEditor,
    ExistingAssessment,
    flag_over,
    read_existing,
)
from csea.assessment.skeleton import obligation_comments
from csea.catalog.applicability import applicable_obligations
from csea.codes import ProblemCode
from csea.fileio import refuse_unreadable
from csea.models import (
    Answer,
    Applicability,
    Catalog,
    Change,
    ChangeKind,
    ReviewFlag,
    ReviewReason,
)
from csea.models.base import version_key
from csea.yamlio.writer import comment_line

__all__ = ["Migration", "Move", "migrate_assessment", "plan_migration"]


@dataclass(frozen=True)
class Move:
    """What one change-log entry did to the assessment."""

    version: str
    """The catalogue version the change arrived in."""
    kind: ChangeKind
    """The kind of change."""
    ids: list[str]
    """The ids the change is about."""
    into: list[str]
    """The ids that replace them (split, merged, a retired id's successor)."""
    outcomes: list[str]
    """What csea did, in words, one line per answer touched."""


@dataclass(frozen=True)
class Migration:
    """The result of carrying an assessment forward."""

    source: Path
    """The assessment read."""
    output: Path
    """Where the result goes."""
    from_version: str
    """The catalogue version it was made against."""
    to_version: str
    """The catalogue version it now follows."""
    text: str
    """The migrated file's text."""
    moves: list[Move]
    """One per change-log entry applied, oldest first."""
    unknown: list[str]
    """Answers for ids the catalogue does not know and no change explains (left as they are)."""

    @property
    def changed(self) -> bool:
        """Whether there was anything to migrate."""
        return self.from_version != self.to_version


def migrate_assessment(
    catalog: Catalog, path: Path, output: Path | None, as_of: dt.date
) -> Migration:
    """Carry an assessment forward and write it (to ``output``, or in place).

    Nothing is written when the assessment already follows the catalogue's version and
    it would be written in place.

    Raises:
        InputError: The assessment or its profile is unusable, or it was made against
            another catalogue, or a newer version of it.
        WriteRefusedError: ``output`` exists but is not a readable assessment, or could
            not be written.
    """
    migration, editor, expect = _plan(catalog, path, output, as_of)
    if migration.changed or migration.output != migration.source:
        editor.write(migration.output, expect=expect)
    return migration


def plan_migration(catalog: Catalog, path: Path, output: Path | None, as_of: dt.date) -> Migration:
    """What ``migrate_assessment`` would write, without writing it (same errors)."""
    return _plan(catalog, path, output, as_of)[0]


def _plan(
    catalog: Catalog, path: Path, output: Path | None, as_of: dt.date
) -> tuple[Migration, AssessmentEditor, bytes | None]:
    existing = read_existing(path)
    loaded = with_profile(path, existing.assessment, existing.doc)
    target = output or path
    there = refuse_unreadable(target, read_existing) if target != path else existing
    ref = existing.assessment.catalog
    _check_versions(existing, catalog)
    why = {a.obligation_id: a for a in applicable_obligations(catalog, loaded.profile, as_of)}
    entries = [c for c in catalog.header.changes if _newer(c.version, ref.version, catalog)]
    editor = AssessmentEditor(existing, path)
    if entries or ref.version != catalog.version:
        editor.set_document(["catalog", "version"], catalog.version)
    run = _Run(catalog, why, as_of, editor)
    for entry in entries:
        run.apply(entry)
    answers = editor.ids()
    explained = {i for c in catalog.header.changes for i in c.ids}
    unknown = [i for i in answers if catalog.obligation(i) is None and i not in explained]
    migration = Migration(
        path, target, ref.version, catalog.version, editor.content(), run.moves, unknown
    )
    return migration, editor, there.raw if there is not None else None


def _check_versions(existing: ExistingAssessment, catalog: Catalog) -> None:
    ref = existing.assessment.catalog
    if ref.id != catalog.header.id:
        message = (
            f"made against catalogue '{ref.id}', but the catalogue in use is "
            f"'{catalog.header.id}'; migrate only moves between versions of one catalogue"
        )
        raise existing.error(["catalog", "id"], ProblemCode.CATALOG_VERSION, message)
    if version_key(ref.version) > version_key(catalog.version):
        message = (
            f"made against catalogue version {ref.version}, newer than the one in use "
            f"({catalog.version}); use that version's catalogue (--catalog)"
        )
        raise existing.error(["catalog", "version"], ProblemCode.CATALOG_VERSION, message)


def _newer(version: str, since: str, catalog: Catalog) -> bool:
    return version_key(since) < version_key(version) <= version_key(catalog.version)


@dataclass
class _Run:
    """The change-log entries applied one by one to the assessment being edited."""

    catalog: Catalog
    why: dict[str, Applicability]
    as_of: dt.date
    editor: AssessmentEditor
    moves: list[Move] = field(default_factory=list)

    def apply(self, change: Change) -> None:
        """Apply one change-log entry and record what it did."""
        handlers = {
            ChangeKind.CHANGED: self._changed,
            ChangeKind.RETIRED: self._retired,
            ChangeKind.SPLIT: self._split,
            ChangeKind.MERGED: self._merged,
            ChangeKind.ADDED: self._added,
        }
        outcomes = handlers[change.kind](change) or ["no answer affected"]
        move = Move(change.version, change.kind, list(change.ids), list(change.into), outcomes)
        self.moves.append(move)

    def _answer(self, oid: str) -> Answer | None:
        return self.editor.answer(oid)

    def _flag(self, oid: str, reason: ReviewReason, note: str) -> None:
        answer = self._answer(oid)
        assert answer is not None
        flag = ReviewFlag(reason=reason, note=note, raised=self.as_of)
        self.editor.flag(oid, flag_over(answer.review, flag))

    def _mark(self, oid: str, reason: ReviewReason, note: str) -> str:
        if self._answer(oid) is None:
            return f"{oid}: no answer"
        self._flag(oid, reason, note)
        return f"{oid}: flagged for review"

    def _comments(self, oid: str) -> list[str]:
        obligation = self.catalog.obligation(oid)
        if obligation is None:
            return [f"{oid}: not in catalogue {self.catalog.version}; see its change log"]
        return obligation_comments(obligation, self.why[oid])

    def _changed(self, change: Change) -> list[str]:
        note = f"changed in catalogue {change.version}: {change.reason}"
        return [self._mark(oid, ReviewReason.CATALOG_CHANGED, note) for oid in change.ids]

    def _retired(self, change: Change) -> list[str]:
        successor = f" (see {', '.join(change.into)})" if change.into else ""
        note = f"retired in catalogue {change.version}{successor}: {change.reason}"
        return [self._mark(oid, ReviewReason.RETIRED, note) for oid in change.ids]

    def _split(self, change: Change) -> list[str]:
        return [self._split_one(oid, change) for oid in change.ids]

    def _split_one(self, oid: str, change: Change) -> str:
        old = self._answer(oid)
        if old is None:
            return f"{oid}: no answer"
        taken = [new for new in change.into if self._answer(new) is not None]
        copied = [n for n in change.into if n not in taken]
        note = f"carried from {oid} ({old.status.value}), split in catalogue "
        note += f"{change.version}: {change.reason}"
        for new in copied:
            self.editor.copy_answer(oid, new, notes=self._comments(new), before=oid)
            self._flag(new, ReviewReason.SPLIT, note)
        if not taken:
            self.editor.remove_answer(oid)  # its comments went with every copy
            return f"{oid}: answer copied to {', '.join(copied)} and flagged for review"
        note = (
            f"split in catalogue {change.version} into {', '.join(change.into)}, but "
            f"{', '.join(taken)} already had an answer; carry this one over by hand, then "
            f"delete it: {change.reason}"
        )
        self._mark(oid, ReviewReason.SPLIT, note)
        done = f"copied to {', '.join(copied)}; " if copied else ""
        return f"{oid}: {done}kept and flagged ({', '.join(taken)} already answered)"

    def _merged(self, change: Change) -> list[str]:
        sources = [oid for oid in change.ids if self._answer(oid) is not None]
        if not sources:
            return []
        outcomes = [self._merge_into(target, sources, change) for target in change.into]
        for oid in sources:
            if oid not in change.into:
                self.editor.remove_answer(oid)  # its comments went with the merged answer
        return outcomes

    def _merge_into(self, target: str, sources: list[str], change: Change) -> str:
        existing = self._answer(target)
        parts = [*([target] if existing else []), *(s for s in sources if s != target)]
        answers = [(oid, self.editor.assessment.answers[oid]) for oid in parts]
        named = ", ".join(f"{oid} ({answer.status.value})" for oid, answer in answers)
        note = f"combined from {named}, merged in catalogue {change.version}: {change.reason}"
        if len(parts) == 1:
            self.editor.copy_answer(parts[0], target, notes=self._comments(target), before=parts[0])
            self._flag(target, ReviewReason.MERGED, note)
            return f"{parts[0]}: answer moved to {target} and flagged for review"
        flag = ReviewFlag(reason=ReviewReason.MERGED, note=note, raised=self.as_of)
        for _, earlier in answers:
            flag = flag_over(earlier.review, flag)
        answer = merged_answer(answers, flag)
        carried = [line for oid in parts if oid != target for line in self._carried(oid, change)]
        if existing is None:
            notes = self._comments(target)
            self.editor.add_answer(target, answer, notes=notes, carried=carried, before=sources[0])
        else:
            self.editor.replace_answer(target, answer)
            self.editor.add_comments(target, carried)
        return f"{named}: combined into {target} (status {answer.status.value}), flagged"

    def _carried(self, oid: str, change: Change) -> list[str]:
        """The comments of a merged answer, under a line naming where they come from."""
        comments = self.editor.comments(oid)
        if not comments:
            return []
        return [
            f"# {comment_line(f'From {oid} (merged in catalogue {change.version}):')}",
            *comments,
        ]

    def _added(self, change: Change) -> list[str]:
        return [self._add_one(oid) for oid in change.ids]

    def _add_one(self, oid: str) -> str:
        if self._answer(oid) is not None:
            return f"{oid}: already answered"
        if oid not in self.why:
            return f"{oid}: not in catalogue {self.catalog.version} (a later change replaced it)"
        if not self.why[oid].applies:
            return f"{oid}: does not apply to this service"
        order = [o.id for o in self.catalog.obligations]
        self.editor.add_answer(oid, Answer(), notes=self._comments(oid), order=order)
        return f"{oid}: added as not_assessed"
