"""One source's provisions with the team's answers behind each: the rows regulators' documents share.

The Ofcom record (one row per Code measure) and the eSafety notice response (one section
per Determination section) both show, for each provision of a source, the applicable
obligations whose citation of it binds the service, with their status, dates and evidence
as the (possibly redacted) report holds them. They read the evaluation's verdicts and
decide no applicability again.

A citation that only ``overlaps`` a provision asks something else as well; when at least one
answering obligation asks what the provision asks, the standing is judged on those alone,
and otherwise the row says it rests on overlapping obligations only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import Field

from csea.models import (
    Applicability,
    Binding,
    Catalog,
    CitationState,
    Force,
    Relationship,
    Source,
    Status,
)
from csea.models.base import CseaModel
from csea.models.vocabulary import Verification
from csea.report.document import (
    CatalogInfo,
    EvidenceItem,
    ObligationEntry,
    ServiceReport,
    ServiceSummary,
)
from csea.report.regulator import standing
from csea.report.rows import Standing

__all__ = ["Answering", "DutyRef", "Filing", "ProvisionRecord", "provision_records"]


class Filing(CseaModel):
    """What every document for a regulator starts with: when, whether redacted, what, whom."""

    generated_at: str | None = None
    """When it was generated, only when asked for (``--generated-at``)."""
    redacted: bool
    """Whether owners, notes, justifications, evidence locations and labelled evidence were removed."""
    catalog: CatalogInfo
    """The catalogue used."""
    summary: ServiceSummary
    """The service, its profile and who assessed it when."""


class Answering(CseaModel):
    """An applicable obligation whose citation of a provision binds the service, with its answer."""

    obligation_id: str
    """The obligation."""
    title: str
    """Its title."""
    relationship: Relationship
    """How the obligation relates to the provision."""
    status: Status
    """The team's status."""
    credit: float | None
    """Its credit in scores; None when left out (a justified not_applicable answer)."""
    due: dt.date | None = None
    """When planned work is due."""
    evidence: list[EvidenceItem] = Field(default_factory=list)
    """Evidence referenced (locations and labelled items gone when redacted)."""
    evidence_withheld: int = 0
    """Evidence left out because it carries a sensitivity label (``--redact``)."""
    notes: str | None = None
    """The team's notes (removed by ``--redact``)."""
    justification: str | None = None
    """Why it does not apply, for a not_applicable answer (removed by ``--redact``)."""


class DutyRef(CseaModel):
    """A legal duty an answering obligation is cited to (a section of an Act)."""

    source: str
    """Source id."""
    short_title: str
    """The source's short title."""
    provision: str
    """Provision id."""
    title: str
    """The provision's title (a paraphrase)."""


class ProvisionRecord(CseaModel):
    """One provision of a source and what the assessment says about it."""

    source: str
    """Source id."""
    id: str
    """Provision id, in the source's numbering (a measure code, a section)."""
    title: str
    """Its title (a paraphrase)."""
    part_of: str | None = None
    """The provision it is part of, for sub-measures."""
    verification: Verification
    """How sure the catalogue is of the provision."""
    standing: Standing
    """How the service stands against it."""
    answered_by: list[Answering] = Field(default_factory=list)
    """The applicable obligations whose citation of it binds the service."""
    only_overlapping: bool = False
    """Whether every answering obligation only overlaps it (none asks exactly what it asks)."""
    not_applicable_here: list[str] = Field(default_factory=list)
    """Obligations citing it whose citation does not bind this service."""
    why_not: list[str] = Field(default_factory=list)
    """Why citations of it do not bind (the conditions that failed, not in force yet...)."""
    uncited_reason: str | None = None
    """Why the catalogue cites it nowhere, when it does not."""
    in_place_by: dt.date | None = None
    """For a provision met in whole or part: the earliest date its evidence was collected."""
    due: dt.date | None = None
    """For one not fully met: the latest due date of the planned or partial work."""
    duties: list[DutyRef] = Field(default_factory=list)
    """Legal duties (in the source's jurisdictions) the answering obligations are cited to."""


def provision_records(
    catalog: Catalog, report: ServiceReport, verdicts: Sequence[Applicability], source_id: str
) -> list[ProvisionRecord]:
    """Every provision of one source, in its order, with the answers behind it.

    Args:
        catalog: The catalogue.
        report: The service's report (redacted or not); answers are read from it.
        verdicts: The evaluation's applicability verdicts.
        source_id: The source, which must be in the catalogue.
    """
    source = catalog.source(source_id)
    assert source is not None, "callers pick sources from the catalogue"
    entries = {entry.id: entry for entry in report.obligations}
    cited: dict[str, list[tuple[Applicability, Binding]]] = {}
    for verdict in verdicts:
        for binding in verdict.bindings:
            if binding.source == source_id:
                cited.setdefault(binding.provision, []).append((verdict, binding))
    uncited = {u.provision: u.reason for u in catalog.uncited if u.source == source_id}
    return [
        _record(catalog, source, p.id, cited.get(p.id, []), entries, uncited.get(p.id))
        for p in source.provisions
    ]


def _record(
    catalog: Catalog,
    source: Source,
    provision_id: str,
    cited: list[tuple[Applicability, Binding]],
    entries: dict[str, ObligationEntry],
    uncited_reason: str | None,
) -> ProvisionRecord:
    provision = source.provision(provision_id)
    assert provision is not None
    binding = [
        (v, b)
        for v, b in cited
        if b.state is CitationState.BINDS and v.applies and v.obligation_id in entries
    ]
    answering = [_answering(entries[v.obligation_id], b) for v, b in binding]
    asks = [a for a in answering if a.relationship is not Relationship.OVERLAPS]
    judged = asks or answering
    others = [(v, b) for v, b in cited if (v, b) not in binding]
    met = standing(
        judged,
        cited=bool(cited),
        upcoming=any(b.state is CitationState.UPCOMING for _, b in cited),
    )
    return ProvisionRecord(
        source=source.id,
        id=provision.id,
        title=provision.title,
        part_of=provision.part_of,
        verification=provision.verification,
        standing=met,
        answered_by=answering,
        only_overlapping=bool(answering) and not asks,
        not_applicable_here=list(dict.fromkeys(v.obligation_id for v, _ in others)),
        why_not=list(dict.fromkeys(b.why for _, b in others if b.state is not CitationState.BINDS)),
        uncited_reason=None if cited else uncited_reason,
        in_place_by=_in_place_by(judged, met),
        due=max((a.due for a in judged if a.due and _unfinished(a)), default=None),
        duties=_duties(catalog, source, [v for v, _ in binding]),
    )


def _answering(entry: ObligationEntry, binding: Binding) -> Answering:
    return Answering(
        obligation_id=entry.id,
        title=entry.title,
        relationship=binding.relationship,
        status=entry.status,
        credit=entry.credit,
        due=entry.due,
        evidence=entry.evidence,
        evidence_withheld=entry.evidence_withheld,
        notes=entry.notes,
        justification=entry.justification,
    )


def _unfinished(answer: Answering) -> bool:
    return answer.status in (Status.PARTIAL, Status.PLANNED)


def _in_place_by(answers: list[Answering], met: Standing) -> dt.date | None:
    if met not in (Standing.MET, Standing.PARTLY_MET):
        return None
    dates = [
        item.collected
        for a in answers
        if a.status in (Status.IMPLEMENTED, Status.PARTIAL)
        for item in a.evidence
    ]
    return min(dates, default=None)


def _duties(catalog: Catalog, source: Source, verdicts: list[Applicability]) -> list[DutyRef]:
    """Legal duties binding the service, in the source's jurisdictions, that the answers cite."""
    where = set(source.jurisdictions)
    found: dict[tuple[str, str], DutyRef] = {}
    for verdict in verdicts:
        for binding in verdict.bindings:
            duty = catalog.source(binding.source)
            if (
                duty is None
                or binding.state is not CitationState.BINDS
                or binding.force is not Force.LEGAL_DUTY
                or not where & set(duty.jurisdictions)
            ):
                continue
            provision = duty.provision(binding.provision)
            title = provision.title if provision else binding.provision
            key = (duty.id, binding.provision)
            found.setdefault(
                key,
                DutyRef(
                    source=duty.id,
                    short_title=duty.short_title,
                    provision=binding.provision,
                    title=title,
                ),
            )
    order = {s.id: i for i, s in enumerate(catalog.sources)}
    return sorted(
        found.values(), key=lambda d: (order.get(d.source, 0), _provision_order(catalog, d))
    )


def _provision_order(catalog: Catalog, duty: DutyRef) -> int:
    source = catalog.source(duty.source)
    ids = [p.id for p in source.provisions] if source else []
    return ids.index(duty.provision) if duty.provision in ids else len(ids)
