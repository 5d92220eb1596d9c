"""What falls due: the dates in assessments that someone must act on (``csea due``).

[due_items][csea.evaluation.due.due_items] reads assessment files and lists, for each,
everything due on or before a day (overdue items included, marked so):

- **plans**: a ``planned`` or ``partial`` answer's ``due`` date (owner: the answer's owner);
- **evidence**: a piece of evidence that expires, or that becomes older than the
  evidence age limit (default 365 days: it must be checked again), whichever comes first
  (owner: the answer's owner); evidence of a ``not_applicable`` answer is left out;
- **risk acceptances**: a ``not_implemented`` answer whose risk was accepted on
  ``accepted_on`` is due for a fresh decision one review cycle later (owner: who accepted
  it). csea's rule: an acceptance is part of the risk assessment, reviewed with it;
- **reviews**: the assessment's next review, one review cycle after its approval (owner:
  who approved it), and each reviewed answer's, one cycle after ``reviewed_on`` (owner:
  the reviewer). The cycle is the shortest that applies to the service
  ([csea.catalog.cycles][]); without one, these have no date and are not listed.

Each item carries its file and line and a stable key (organisation, service, kind,
obligation, evidence location), which ``--format ics`` turns into the event's UID so
importing the calendar again updates events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from enum import StrEnum

from csea.assessment.load import LoadedAssessment, load_assessments
from csea.catalog.cycles import governing_cycle, next_review
from csea.evaluation.engine import DEFAULT_MAX_EVIDENCE_AGE_DAYS
from csea.models import Answer, Catalog, ReviewCycle, Status
from csea.models.base import CseaModel

__all__ = ["DueItem", "DueKind", "DueList", "due_items"]

_PLANS = {Status.PLANNED, Status.PARTIAL}


class DueKind(StrEnum):
    """What falls due."""

    PLAN = "plan"
    """A planned or partial answer's due date."""
    EVIDENCE = "evidence"
    """Evidence that expires or must be checked again."""
    RISK_ACCEPTANCE = "risk_acceptance"
    """An accepted risk to decide on again."""
    REVIEW = "review"
    """The assessment's next review and approval."""
    ANSWER_REVIEW = "answer_review"
    """A reviewed answer's next review."""


class DueItem(CseaModel):
    """One thing to do by a date."""

    kind: DueKind
    """What falls due."""
    due: dt.date
    """By when."""
    overdue: bool
    """Whether that day is before the as-of date."""
    owner: str | None
    """Who acts on it (see the module docstring); None when nobody is named."""
    organisation: str
    """The provider."""
    service: str
    """The service."""
    obligation_id: str | None = None
    """The obligation, for items about one answer."""
    subject: str
    """What it is about: the obligation's title, the evidence's title, the assessment."""
    action: str
    """What to do, in words."""
    file: str
    """The assessment file."""
    line: int | None = None
    """The line of the date in the file."""
    key: str
    """A stable identity (organisation, service, kind, obligation, evidence location)."""


class DueList(CseaModel):
    """Everything due by a day, grouped by owner."""

    as_of: dt.date
    """The day it was judged on."""
    until: dt.date
    """Items due on or before this day are listed (overdue ones too)."""
    owner: str | None = None
    """Only this owner's items, when asked."""
    items: list[DueItem]
    """By owner (no owner last), then date, then file and line."""
    files: list[str]
    """The files read: each assessment and its profile."""

    def by_owner(self) -> dict[str, list[DueItem]]:
        """The items grouped by owner, in order (``(no owner)`` for items with none)."""
        groups: dict[str, list[DueItem]] = {}
        for item in self.items:
            groups.setdefault(item.owner or "(no owner)", []).append(item)
        return groups


def due_items(
    catalog: Catalog,
    paths: Sequence[str | os.PathLike[str]],
    *,
    as_of: dt.date,
    within_days: int,
    owner: str | None = None,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
) -> DueList:
    """Everything in the assessments that falls due within ``within_days`` of ``as_of``.

    Raises:
        InputError: A file or its profile is missing or invalid (every file's problems
            together).
    """
    until = as_of + dt.timedelta(days=within_days)
    loaded = load_assessments(paths)
    every = _distinct(
        [i for one in loaded for i in _items(catalog, one, as_of, max_evidence_age_days)]
    )
    found = [i for i in every if i.due <= until and (owner is None or _same(i.owner, owner))]
    files = [str(p) for one in loaded for p in (one.path, one.profile_path) if p is not None]
    found.sort(
        key=lambda i: (i.owner is None, (i.owner or "").casefold(), i.due, i.file, i.line or 0)
    )
    return DueList(as_of=as_of, until=until, owner=owner, items=found, files=files)


def _distinct(items: list[DueItem]) -> list[DueItem]:
    """The items with keys made unique: a repeat (the same evidence listed twice) is numbered.

    Numbered before any filter, so a key does not depend on ``--within`` or ``--owner``.
    """
    seen: Counter[str] = Counter()
    distinct = []
    for item in items:
        seen[item.key] += 1
        repeat = seen[item.key]
        distinct.append(
            item if repeat == 1 else item.model_copy(update={"key": f"{item.key}\x1f{repeat}"})
        )
    return distinct


def _same(named: str | None, asked: str) -> bool:
    return named is not None and " ".join(named.casefold().split()) == " ".join(
        asked.casefold().split()
    )


class _Maker:
    """Builds the items of one assessment file."""

    def __init__(self, loaded: LoadedAssessment, as_of: dt.date) -> None:
        self.loaded = loaded
        self.as_of = as_of

    def item(
        self,
        kind: DueKind,
        due: dt.date,
        owner: str | None,
        where: list[str | int],
        subject: str,
        action: str,
        obligation_id: str | None = None,
        detail: str = "",
    ) -> DueItem:
        profile = self.loaded.profile
        parts = [profile.organisation, profile.service, kind.value, obligation_id or "", detail]
        return DueItem(
            kind=kind,
            due=due,
            overdue=due < self.as_of,
            owner=owner,
            organisation=profile.organisation,
            service=profile.service,
            obligation_id=obligation_id,
            subject=subject,
            action=action,
            file=self.loaded.name,
            line=self.loaded.doc.locate(where)[0],
            key="\x1f".join(parts),
        )


def _items(
    catalog: Catalog, loaded: LoadedAssessment, as_of: dt.date, max_age: int
) -> Iterator[DueItem]:
    make = _Maker(loaded, as_of)
    cycle = governing_cycle(catalog, loaded.profile, as_of)
    for oid, answer in loaded.assessment.answers.items():
        obligation = catalog.obligation(oid)
        title = obligation.title if obligation is not None else oid
        yield from _answer_items(make, oid, title, answer, cycle, max_age)
    approval = loaded.assessment.approval
    if approval is not None and cycle is not None:
        action = f"review the assessment and approve it again (at least every {cycle.period_months} months)"
        yield make.item(
            DueKind.REVIEW,
            next_review(approval.approved_on, cycle),
            approval.by,
            ["approval", "approved_on"],
            f"{loaded.profile.service}: {cycle.title.lower()}",
            action,
        )


def _answer_items(
    make: _Maker,
    oid: str,
    title: str,
    answer: Answer,
    cycle: ReviewCycle | None,
    max_age: int,
) -> Iterator[DueItem]:
    at: list[str | int] = ["answers", oid]
    if answer.status in _PLANS and answer.due is not None:
        action = f"put it in place ({answer.status.value} now), or update the plan"
        yield make.item(DueKind.PLAN, answer.due, answer.owner, [*at, "due"], title, action, oid)
    if answer.status is not Status.NOT_APPLICABLE:
        yield from _evidence_items(make, oid, answer, max_age)
    if cycle is not None:
        yield from _cycle_items(make, oid, title, answer, cycle)


def _evidence_items(make: _Maker, oid: str, answer: Answer, max_age: int) -> Iterator[DueItem]:
    """Each piece of evidence, on the day it expires or grows too old, whichever is first."""
    for index, evidence in enumerate(answer.evidence):
        stale = evidence.collected + dt.timedelta(days=max_age)
        if evidence.expires is not None and evidence.expires <= stale:
            day, action, field = evidence.expires, "expires: renew it or replace it", "expires"
        else:
            day, action, field = stale, f"is {max_age} days old: check it again", "collected"
        where: list[str | int] = ["answers", oid, "evidence", index, field]
        place = evidence.url or evidence.path or evidence.title
        yield make.item(
            DueKind.EVIDENCE,
            day,
            answer.owner,
            where,
            evidence.title,
            f"evidence {action}",
            oid,
            place,
        )


def _cycle_items(
    make: _Maker, oid: str, title: str, answer: Answer, cycle: ReviewCycle
) -> Iterator[DueItem]:
    """An accepted risk and a reviewed answer, due again one review cycle later."""
    if answer.status is Status.NOT_IMPLEMENTED and answer.accepted_on is not None:
        action = "decide again whether to accept the risk, or plan the work"
        day = next_review(answer.accepted_on, cycle)
        where: list[str | int] = ["answers", oid, "accepted_on"]
        yield make.item(DueKind.RISK_ACCEPTANCE, day, answer.accepted_by, where, title, action, oid)
    if answer.reviewed_on is not None:
        day = next_review(answer.reviewed_on, cycle)
        action = "review the answer again and update 'reviewed_on'"
        where = ["answers", oid, "reviewed_on"]
        yield make.item(DueKind.ANSWER_REVIEW, day, answer.reviewed_by, where, title, action, oid)
