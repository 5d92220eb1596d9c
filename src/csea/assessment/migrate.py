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
from dataclasses import dataclass, field, replace
from pathlib import Path

from csea.assessment.load import with_profile
from csea.assessment.merging import merged_answer
from csea.assessment.rewrite import (
    ExistingAssessment,
    flag_over,
    insert_in_order,
    read_existing,
    verified_text,
)
from csea.assessment.skeleton import obligation_comments
from csea.assessment.text import AnswerBlock, AssessmentText
from csea.assessment.text import parse_assessment_text as cut_text
from csea.catalog.applicability import applicable_obligations
from csea.codes import ProblemCode
from csea.fileio import refuse_unreadable, write_atomic
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
from csea.yamlio.writer import with_scalar

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
    migration = plan_migration(catalog, path, output, as_of)
    if migration.changed or migration.output != migration.source:
        write_atomic(migration.output, migration.text)
    return migration


def plan_migration(catalog: Catalog, path: Path, output: Path | None, as_of: dt.date) -> Migration:
    """What ``migrate_assessment`` would write, without writing it (same errors)."""
    existing = read_existing(path)
    loaded = with_profile(path, existing.assessment, existing.doc)
    target = output or path
    if target != path:
        refuse_unreadable(target, read_existing)
    ref = existing.assessment.catalog
    _check_versions(existing, catalog)
    why = {a.obligation_id: a for a in applicable_obligations(catalog, loaded.profile, as_of)}
    entries = [c for c in catalog.header.changes if _newer(c.version, ref.version, catalog)]
    text = with_scalar(existing.text, ["catalog", "version"], catalog.version)
    run = _Run(catalog, why, as_of, cut_text(text, str(path), dict(existing.assessment.answers)))
    for entry in entries:
        run.apply(entry)
    final = run.text.with_blocks(run.blocks)
    answers = {b.id: b.answer for b in run.blocks}
    new_ref = ref.model_copy(update={"version": catalog.version})
    expected = existing.assessment.model_copy(update={"catalog": new_ref, "answers": answers})
    body = verified_text(final.render(), str(path), expected)
    explained = {i for c in catalog.header.changes for i in c.ids}
    unknown = [i for i in answers if catalog.obligation(i) is None and i not in explained]
    bom = "\ufeff" if existing.bom else ""
    return Migration(path, target, ref.version, catalog.version, bom + body, run.moves, unknown)


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
    """The blocks as the change-log entries are applied one by one."""

    catalog: Catalog
    why: dict[str, Applicability]
    as_of: dt.date
    text: AssessmentText
    blocks: list[AnswerBlock] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.blocks = list(self.text.blocks)

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

    def block(self, oid: str) -> AnswerBlock | None:
        return next((b for b in self.blocks if b.id == oid), None)

    def _flag(self, reason: ReviewReason, note: str) -> ReviewFlag:
        return ReviewFlag(reason=reason, note=note, raised=self.as_of)

    def _put(self, old: AnswerBlock | None, new: AnswerBlock) -> None:
        """Replace ``old`` with ``new``, or insert ``new`` in catalogue order."""
        if old is not None:
            self.blocks = [new if b is old else b for b in self.blocks]
            return
        self.blocks = insert_in_order(self.blocks, new, [o.id for o in self.catalog.obligations])

    def _put_before(self, anchor: AnswerBlock, new: list[AnswerBlock]) -> None:
        """Insert blocks where ``anchor`` is (answers carried from it stay where it was)."""
        at = self.blocks.index(anchor)
        self.blocks = [*self.blocks[:at], *new, *self.blocks[at:]]

    def _mark(self, oid: str, reason: ReviewReason, note: str) -> str:
        found = self.block(oid)
        if found is None:
            return f"{oid}: no answer"
        self._put(found, self.text.flagged(found, flag_over(found, self._flag(reason, note))))
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
        old = self.block(oid)
        if old is None:
            return f"{oid}: no answer"
        taken = [new for new in change.into if self.block(new) is not None]
        copied = [n for n in change.into if n not in taken]
        note = f"carried from {oid} ({old.answer.status.value}), split in catalogue "
        flag = self._flag(ReviewReason.SPLIT, f"{note}{change.version}: {change.reason}")
        copies = [self.text.renamed(old, new, self._comments(new)) for new in copied]
        self._put_before(old, [self.text.flagged(c, flag_over(c, flag)) for c in copies])
        if not taken:
            self.blocks = [b for b in self.blocks if b is not old]
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
        sources = [b for b in (self.block(oid) for oid in change.ids) if b is not None]
        if not sources:
            return []
        outcomes = [self._merge_into(target, sources, change) for target in change.into]
        self.blocks = [b for b in self.blocks if all(b is not s for s in sources)]
        return outcomes

    def _merge_into(self, target: str, sources: list[AnswerBlock], change: Change) -> str:
        existing = self.block(target)
        parts = [*([existing] if existing else []), *sources]
        named = ", ".join(f"{b.id} ({b.answer.status.value})" for b in parts)
        note = f"combined from {named}, merged in catalogue {change.version}: {change.reason}"
        flag = self._flag(ReviewReason.MERGED, note)
        if len(parts) == 1:
            copy = self.text.renamed(parts[0], target, self._comments(target))
            self._put_before(parts[0], [self.text.flagged(copy, flag_over(copy, flag))])
            return f"{parts[0].id}: answer moved to {target} and flagged for review"
        answer = merged_answer([(b.id, b.answer) for b in parts], flag)
        carried = [f"From {b.id}: {comment}" for b in parts for comment in b.comments()]
        block = self.text.new_block(target, [*self._comments(target), *carried], answer)
        if existing is None:
            self._put_before(sources[0], [block])
        else:
            self._put(existing, replace(block, leading=existing.leading, tail=existing.tail))
        return f"{named}: combined into {target} (status {answer.status.value}), flagged"

    def _added(self, change: Change) -> list[str]:
        return [self._add_one(oid) for oid in change.ids]

    def _add_one(self, oid: str) -> str:
        if self.block(oid) is not None:
            return f"{oid}: already answered"
        if oid not in self.why:
            return f"{oid}: not in catalogue {self.catalog.version} (a later change replaced it)"
        if not self.why[oid].applies:
            return f"{oid}: does not apply to this service"
        block = self.text.new_block(oid, self._comments(oid), Answer())
        self._put(None, block)
        return f"{oid}: added as not_assessed"
