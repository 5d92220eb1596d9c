"""What changed between two assessments of the same service (``csea diff OLD NEW``).

Statuses are ordered from strongest to weakest::

    implemented > partial > planned > not_implemented > not_assessed

A move along that order is *up* or *down*; a move to or from ``not_applicable`` is a
*status change* with no direction. Evidence is matched by its location (URL or path):
added, removed, updated (same location, other details), and expired (in the new
assessment, with an expiry before the date asked). Changes of owner, due date, who
accepted a risk and when, justification and notes are listed too, and answers present
in only one of the two (for instance added by a catalogue update, which the detail
says when the change log shows it).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from csea.assessment.history import load_assessment_at
from csea.assessment.load import LoadedAssessment, load_assessment, load_assessments
from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Answer, Catalog, ChangeKind, EvidenceRef, Status
from csea.models.base import version_key

__all__ = [
    "AnswerChange",
    "AssessmentDiff",
    "DiffKind",
    "compare_assessments",
    "compare_since",
    "diff_assessments",
    "status_rank",
]


def status_rank(status: Status) -> int | None:
    """Strength of a status (implemented 4 ... not_assessed 0); None for not_applicable."""
    return status.strength


class DiffKind(StrEnum):
    """What changed in one answer."""

    ADDED = "added"
    """An answer in the new assessment only."""
    REMOVED = "removed"
    """An answer in the old assessment only."""
    STATUS_UP = "status_up"
    """The status got stronger."""
    STATUS_DOWN = "status_down"
    """The status got weaker."""
    STATUS_CHANGED = "status_changed"
    """The status moved to or from not_applicable."""
    EVIDENCE_ADDED = "evidence_added"
    """New evidence."""
    EVIDENCE_REMOVED = "evidence_removed"
    """Evidence no longer given."""
    EVIDENCE_UPDATED = "evidence_updated"
    """The same evidence with other details (collected again, new expiry...)."""
    EVIDENCE_EXPIRED = "evidence_expired"
    """Evidence in the new assessment whose expiry is before the date asked."""
    OWNER_CHANGED = "owner_changed"
    """Another owner."""
    DUE_CHANGED = "due_changed"
    """Another due date."""
    ACCEPTED_BY_CHANGED = "accepted_by_changed"
    """Another person accepted the risk (or nobody now)."""
    ACCEPTED_ON_CHANGED = "accepted_on_changed"
    """Another date of the risk acceptance."""
    JUSTIFICATION_CHANGED = "justification_changed"
    """Another justification for not applicable."""
    NOTES_CHANGED = "notes_changed"
    """Other notes."""


_REGRESSIONS = {DiffKind.STATUS_DOWN, DiffKind.EVIDENCE_REMOVED, DiffKind.EVIDENCE_EXPIRED}


class AnswerChange(BaseModel):
    """One change in one answer."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    obligation_id: str
    """The obligation."""
    title: str | None
    """Its title in the catalogue, when the catalogue knows it."""
    kind: DiffKind
    """What changed."""
    old: str | None = None
    """The old value (a status, an owner, a date, an evidence location)."""
    new: str | None = None
    """The new value."""
    detail: str = ""
    """More about it, in words."""


class AssessmentDiff(BaseModel):
    """Every change between two assessments of one service."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    organisation: str
    """The provider."""
    service: str
    """The service."""
    old_file: str
    """The old assessment file."""
    new_file: str
    """The new assessment file."""
    old_catalog: str
    """Catalogue id and version of the old assessment."""
    new_catalog: str
    """Catalogue id and version of the new assessment."""
    as_of: dt.date
    """The date evidence expiry is judged on."""
    changes: list[AnswerChange]
    """The changes, in catalogue order."""

    def counts(self) -> dict[str, int]:
        """How many changes of each kind (kinds with none left out), in kind order."""
        found = [c.kind for c in self.changes]
        return {kind.value: found.count(kind) for kind in DiffKind if kind in found}

    @property
    def regressions(self) -> list[AnswerChange]:
        """Statuses down, evidence removed or expired."""
        return [c for c in self.changes if c.kind in _REGRESSIONS]


def compare_assessments(
    old_path: Path, new_path: Path, catalog: Catalog | None, as_of: dt.date
) -> AssessmentDiff:
    """Read two assessment files and compare them.

    Raises:
        InputError: Either file is unusable, or they are assessments of different services.
    """
    old, new = load_assessments(
        [old_path, new_path], summary="cannot compare: an assessment is not usable"
    )
    return diff_assessments(old, new, catalog, as_of)


def compare_since(ref: str, path: Path, catalog: Catalog | None, as_of: dt.date) -> AssessmentDiff:
    """Compare an assessment file with its version at git revision ``ref`` (``csea diff --since``).

    The earlier version and the profile it named are read from that commit (see
    [load_assessment_at][csea.assessment.history.load_assessment_at]).

    Raises:
        InputError: Either version is unusable (git errors included), or the two assess
            different services; the problems of both are reported together.
    """
    problems: list[Problem] = []
    versions: list[LoadedAssessment] = []
    for at in (ref, None):
        try:
            versions.append(load_assessment(path) if at is None else load_assessment_at(path, at))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems, "cannot compare: an assessment is not usable")
    return diff_assessments(versions[0], versions[1], catalog, as_of)


def diff_assessments(
    old: LoadedAssessment, new: LoadedAssessment, catalog: Catalog | None, as_of: dt.date
) -> AssessmentDiff:
    """Compare two loaded assessments of the same service.

    Raises:
        InputError: The two are assessments of different services (organisation and service).
    """
    _same_service(old, new)
    before, after = old.assessment.answers, new.assessment.answers
    ids = _ordered([*before, *after], catalog)
    changes = [
        change
        for oid in ids
        for change in _answer_changes(oid, before.get(oid), after.get(oid), as_of)
    ]
    titled = [_titled(c, catalog) for c in changes]
    return AssessmentDiff(
        organisation=new.profile.organisation,
        service=new.profile.service,
        old_file=old.name,
        new_file=new.name,
        old_catalog=f"{old.assessment.catalog.id} {old.assessment.catalog.version}",
        new_catalog=f"{new.assessment.catalog.id} {new.assessment.catalog.version}",
        as_of=as_of,
        changes=[_explained(c, old, new, catalog) for c in titled],
    )


def _same_service(old: LoadedAssessment, new: LoadedAssessment) -> None:
    first = (old.profile.organisation, old.profile.service)
    second = (new.profile.organisation, new.profile.service)
    if first == second:
        return
    problems = [
        Problem(
            code=ProblemCode.DIFFERENT_SERVICE,
            message=f"is an assessment of {svc} ({org}); both must assess the same service",
            file=loaded.name,
            line=loaded.doc.locate(["profile"])[0],
            field="profile",
        )
        for loaded, (org, svc) in ((old, first), (new, second))
    ]
    raise InputError(problems, "cannot compare assessments of different services")


def _ordered(ids: list[str], catalog: Catalog | None) -> list[str]:
    """Ids without repeats: catalogue order first, then ids the catalogue does not know."""
    order = {o.id: i for i, o in enumerate(catalog.obligations)} if catalog else {}
    unique = list(dict.fromkeys(ids))
    return sorted(unique, key=lambda oid: (order.get(oid, len(order)), oid))


def _answer_changes(
    oid: str, old: Answer | None, new: Answer | None, as_of: dt.date
) -> list[AnswerChange]:
    if old is None or new is None:
        return _presence(oid, old, new)
    return [
        *_status_change(oid, old.status, new.status),
        *_evidence_changes(oid, old.evidence, new.evidence, as_of),
        *_field_change(oid, DiffKind.OWNER_CHANGED, old.owner, new.owner),
        *_field_change(oid, DiffKind.DUE_CHANGED, _day(old.due), _day(new.due)),
        *_field_change(oid, DiffKind.ACCEPTED_BY_CHANGED, old.accepted_by, new.accepted_by),
        *_field_change(
            oid, DiffKind.ACCEPTED_ON_CHANGED, _day(old.accepted_on), _day(new.accepted_on)
        ),
        *_field_change(oid, DiffKind.JUSTIFICATION_CHANGED, old.justification, new.justification),
        *_field_change(oid, DiffKind.NOTES_CHANGED, old.notes, new.notes),
    ]


def _presence(oid: str, old: Answer | None, new: Answer | None) -> list[AnswerChange]:
    """An answer in only one of the two assessments."""
    if new is not None:
        return [_change(oid, DiffKind.ADDED, None, new.status.value, "answer added")]
    if old is not None:
        return [_change(oid, DiffKind.REMOVED, old.status.value, None, "answer removed")]
    return []


def _status_change(oid: str, old: Status, new: Status) -> list[AnswerChange]:
    if old is new:
        return []
    before, after = status_rank(old), status_rank(new)
    if before is None or after is None:
        return [_change(oid, DiffKind.STATUS_CHANGED, old.value, new.value)]
    kind = DiffKind.STATUS_UP if after > before else DiffKind.STATUS_DOWN
    return [_change(oid, kind, old.value, new.value)]


def _evidence_changes(
    oid: str, old: list[EvidenceRef], new: list[EvidenceRef], as_of: dt.date
) -> list[AnswerChange]:
    before = {_where(e): e for e in old}
    after = {_where(e): e for e in new}
    changes = [_change(oid, DiffKind.EVIDENCE_ADDED, None, w, after[w].title) for w in after]
    changes = [c for c in changes if c.new not in before]
    changes += [
        _change(oid, DiffKind.EVIDENCE_REMOVED, w, None, e.title)
        for w, e in before.items()
        if w not in after
    ]
    changes += [
        _change(oid, DiffKind.EVIDENCE_UPDATED, w, w, _what_changed(before[w], e))
        for w, e in after.items()
        if w in before and before[w] != e
    ]
    changes += [
        _change(oid, DiffKind.EVIDENCE_EXPIRED, None, w, f"{e.title}: expired on {e.expires}")
        for w, e in after.items()
        if e.expires is not None and e.expires < as_of
    ]
    return changes


def _what_changed(old: EvidenceRef, new: EvidenceRef) -> str:
    fields = ("title", "collected", "expires", "sensitivity")
    parts = [
        f"{name} {_text(getattr(old, name))} -> {_text(getattr(new, name))}"
        for name in fields
        if getattr(old, name) != getattr(new, name)
    ]
    return f"{new.title}: {'; '.join(parts)}"


def _field_change(oid: str, kind: DiffKind, old: str | None, new: str | None) -> list[AnswerChange]:
    return [] if old == new else [_change(oid, kind, old, new)]


def _change(
    oid: str, kind: DiffKind, old: str | None, new: str | None, detail: str = ""
) -> AnswerChange:
    return AnswerChange(obligation_id=oid, title=None, kind=kind, old=old, new=new, detail=detail)


def _titled(change: AnswerChange, catalog: Catalog | None) -> AnswerChange:
    obligation = catalog.obligation(change.obligation_id) if catalog else None
    return change.model_copy(update={"title": obligation.title if obligation else None})


def _explained(
    change: AnswerChange, old: LoadedAssessment, new: LoadedAssessment, catalog: Catalog | None
) -> AnswerChange:
    """Say which catalogue change explains an added or removed answer, when the log shows one."""
    if catalog is None or change.kind not in (DiffKind.ADDED, DiffKind.REMOVED):
        return change
    versions = (
        version_key(old.assessment.catalog.version),
        version_key(new.assessment.catalog.version),
    )
    for entry in catalog.header.changes:
        if not versions[0] < version_key(entry.version) <= versions[1]:
            continue
        if change.kind is DiffKind.ADDED and _brings(entry.kind, entry.ids, entry.into, change):
            why = f"{entry.kind.value} in catalogue {entry.version}: {entry.reason}"
            return change.model_copy(update={"detail": f"answer added ({why})"})
        if change.kind is DiffKind.REMOVED and change.obligation_id in entry.ids:
            why = f"{entry.kind.value} in catalogue {entry.version}: {entry.reason}"
            return change.model_copy(update={"detail": f"answer removed ({why})"})
    return change


def _brings(kind: ChangeKind, ids: list[str], into: list[str], change: AnswerChange) -> bool:
    if kind is ChangeKind.ADDED:
        return change.obligation_id in ids
    return kind in (ChangeKind.SPLIT, ChangeKind.MERGED) and change.obligation_id in into


def _where(evidence: EvidenceRef) -> str:
    return evidence.url or evidence.path or ""


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _text(value: object) -> str:
    return "none" if value is None else str(value)
