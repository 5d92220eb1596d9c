"""Build the report document from evaluations: every number and row a report shows.

Renderers only lay out what this module computes, so the terminal, Markdown, HTML,
JSON, CSV and JUnit reports of the same inputs always agree. It works from evaluations
already made (and the verdicts they keep): it reads no file and decides no applicability.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.evaluation.files import AssessedService, rolled_up
from csea.models import (
    Answer,
    Catalog,
    CitationState,
    Evaluation,
    Finding,
    FindingLevel,
    Gap,
    ObligationResult,
    Rollup,
    Status,
)
from csea.report.document import (
    CatalogInfo,
    ChangeEntry,
    Changes,
    EvidenceItem,
    FindingEntry,
    GapEntry,
    Headline,
    ObligationEntry,
    OrganisationSummary,
    ReportDocument,
    Scorecard,
    ServiceReport,
    ServiceSummary,
    VerificationNote,
)
from csea.report.redaction import redact
from csea.report.regulator import parse_view, source_view

__all__ = ["ReportOptions", "build_report", "generated_moment", "parse_generated_at"]


@dataclass(frozen=True)
class ReportOptions:
    """What to show and for whom."""

    view: str = "pillar"
    """``pillar`` (every obligation, by pillar) or ``source:<id>`` (the regulator's view)."""
    redact: bool = False
    """Remove evidence locations, notes, owners and labelled evidence, for sharing outside."""
    generated_at: str | None = None
    """A timestamp to print; none by default, so the same inputs give the same bytes."""


def build_report(
    catalog: Catalog, services: Sequence[AssessedService], options: ReportOptions | None = None
) -> ReportDocument:
    """The report document for one or several assessed services.

    Args:
        catalog: The catalogue the services were evaluated against.
        services: The assessed services, in report order; the result of
            [assess_files][csea.evaluation.files.assess_files] brings its portfolio roll-up,
            other lists of several services are rolled up here.
        options: What to show and for whom.

    Raises:
        InputError: ``options.view`` is neither ``pillar`` nor ``source:<id>`` of a known
            source, or two evaluations are of the same service.
    """
    options = options or ReportOptions()
    source_id = parse_view(options.view, catalog)
    document = ReportDocument(
        generated_at=options.generated_at,
        view=options.view,
        redacted=options.redact,
        catalog=CatalogInfo(
            id=catalog.header.id,
            title=catalog.header.title,
            version=catalog.version,
            date=catalog.header.date,
        ),
        organisations=_organisations(catalog, services),
        reports=[_service_report(catalog, s, source_id) for s in services],
    )
    return redact(document) if options.redact else document


def _service_report(
    catalog: Catalog, service: AssessedService, source_id: str | None
) -> ServiceReport:
    evaluation = service.evaluation
    results = evaluation.obligations
    rollup = evaluation.total
    if source_id is not None:
        results = [r for r in results if source_id in r.binding_sources]
        rollup = next((s for s in evaluation.sources if s.id == source_id), _empty(source_id))
    shown = {r.id for r in results}
    findings = [
        f for f in evaluation.findings if f.obligation_id is None or f.obligation_id in shown
    ]
    gaps = [_gap(catalog, g, evaluation.as_of) for g in evaluation.gaps if g.obligation_id in shown]
    ranks = {g.obligation_id: g.rank for g in evaluation.gaps}
    return ServiceReport(
        summary=_summary(evaluation),
        headline=_headline(rollup, len(gaps), findings, source_id is not None),
        pillars=[_scorecard(r, catalog) for r in evaluation.pillars],
        sources=[_scorecard(r, catalog) for r in evaluation.sources],
        gaps=gaps,
        findings=_findings(findings),
        changes=_changes(catalog, evaluation),
        obligations=[_obligation(r, service.answers.get(r.id), ranks.get(r.id)) for r in results],
        source_view=None if source_id is None else source_view(catalog, evaluation, source_id),
        verification=_verification(evaluation),
    )


def _empty(rollup_id: str) -> Rollup:
    return Rollup(
        id=rollup_id,
        title=rollup_id,
        obligation_ids=[],
        counts=dict.fromkeys(Status, 0),
        excluded=0,
        credit=0.0,
        denominator=0,
        score=None,
        legal_duties_unmet=0,
    )


def _summary(evaluation: Evaluation) -> ServiceSummary:
    profile = evaluation.profile
    return ServiceSummary(
        organisation=profile.organisation,
        service=profile.service,
        description=profile.description,
        kinds=[k.value for k in profile.kinds],
        features=[f.value for f in profile.features],
        users=dict(sorted(profile.users.items())),
        users_worldwide=profile.total_users,
        established_in=profile.established_in,
        children_likely=profile.children_likely,
        minimum_age=profile.minimum_age,
        designations=[d.value for d in profile.designations],
        risk={harm.value: level.value for harm, level in profile.risk.items()},
        assessment_file=evaluation.assessment_file,
        assessed_by=evaluation.assessed_by,
        assessed_on=evaluation.assessed_on,
        as_of=evaluation.as_of,
    )


def _counts(rollup: Rollup) -> dict[Status, int]:
    return {status: rollup.counts.get(status, 0) for status in Status}


def _headline(rollup: Rollup, gaps: int, findings: list[Finding], one_source: bool) -> Headline:
    return Headline(
        title=f"Standing against {rollup.title}" if one_source else "All applicable obligations",
        applicable=len(rollup.obligation_ids),
        counts=_counts(rollup),
        score=rollup.score,
        legal_duties_unmet=rollup.legal_duties_unmet,
        gaps=gaps,
        findings=_levels(findings),
    )


def _levels(findings: Sequence[Finding]) -> dict[FindingLevel, int]:
    return {level: sum(1 for f in findings if f.level is level) for level in FindingLevel}


def _scorecard(rollup: Rollup, catalog: Catalog) -> Scorecard:
    source = catalog.source(rollup.id)
    return Scorecard(
        id=rollup.id,
        title=rollup.title,
        short_title=source.short_title if source else rollup.title,
        force=source.force if source else None,
        applicable=len(rollup.obligation_ids),
        counts=_counts(rollup),
        score=rollup.score,
        legal_duties_unmet=rollup.legal_duties_unmet,
    )


def _gap(catalog: Catalog, gap: Gap, as_of: dt.date) -> GapEntry:
    pillar = catalog.pillar(gap.pillar)
    return GapEntry(
        rank=gap.rank,
        obligation_id=gap.obligation_id,
        title=gap.title,
        pillar=pillar.title if pillar else gap.pillar,
        force=gap.force,
        status=gap.status,
        owner=gap.owner,
        due=gap.due,
        overdue=gap.due is not None and gap.due < as_of,
        worst_finding=gap.worst_finding,
    )


def _finding(finding: Finding) -> FindingEntry:
    return FindingEntry(
        level=finding.level,
        code=finding.code,
        message=finding.message,
        obligation_id=finding.obligation_id,
        line=finding.line,
    )


def _findings(findings: Sequence[Finding]) -> list[FindingEntry]:
    """Most serious first; within a level, in the evaluation's order."""
    return [_finding(f) for f in sorted(findings, key=lambda f: f.level.rank)]


def _changes(catalog: Catalog, evaluation: Evaluation) -> Changes | None:
    progress = evaluation.progress
    if progress is None:
        return None
    return Changes(
        previous_assessed_on=progress.previous_assessed_on,
        previous_score=progress.previous_score,
        score=progress.score,
        moves=[
            ChangeEntry(
                obligation_id=move.obligation_id,
                title=_title(catalog, move.obligation_id),
                before=move.before,
                after=move.after,
            )
            for move in progress.changes
        ],
    )


def _title(catalog: Catalog, obligation_id: str) -> str:
    obligation = catalog.obligation(obligation_id)
    return obligation.title if obligation else obligation_id


def _obligation(
    result: ObligationResult, answer: Answer | None, gap_rank: int | None
) -> ObligationEntry:
    return ObligationEntry(
        id=result.id,
        title=result.title,
        pillar=result.pillar,
        force=result.force,
        binding_sources=result.binding_sources,
        status=result.status,
        credit=result.credit,
        owner=result.owner,
        due=result.due,
        accepted_by=answer.accepted_by if answer else None,
        justification=answer.justification if answer else None,
        notes=answer.notes if answer else None,
        evidence=[
            EvidenceItem(
                title=e.title,
                location=e.url or e.path,
                collected=e.collected,
                expires=e.expires,
                sensitivity=e.sensitivity,
            )
            for e in (answer.evidence if answer else [])
        ],
        indicators=result.indicators,
        findings=[_finding(f) for f in result.findings],
        gap_rank=gap_rank,
    )


def _verification(evaluation: Evaluation) -> VerificationNote:
    """Binding citations behind the applicable obligations, and how many are not verified."""
    ids = {r.id for r in evaluation.obligations}
    binding = sum(
        1
        for v in evaluation.verdicts
        if v.obligation_id in ids
        for b in v.bindings
        if b.state is CitationState.BINDS
    )
    return VerificationNote(citations=binding, secondary=evaluation.secondary_citations)


def _organisations(
    catalog: Catalog, services: Sequence[AssessedService]
) -> list[OrganisationSummary]:
    """Per-organisation roll-ups; only for reports on several services."""
    if len(services) < 2:
        return []
    return [
        OrganisationSummary(
            organisation=org.organisation,
            services=org.services,
            applicable=len(org.total.obligation_ids),
            score=org.total.score,
            legal_duties_unmet=org.total.legal_duties_unmet,
            findings=org.findings,
        )
        for org in rolled_up(catalog, services).organisations
    ]


def parse_generated_at(value: str | None, now: dt.datetime | None = None) -> str | None:
    """The timestamp to print: an ISO 8601 date or date-time as given, or ``now`` in UTC.

    Raises:
        InputError: Neither ``now`` nor an ISO 8601 date or date-time.
    """
    if value is None:
        return None
    if value.strip().lower() == "now":
        moment = now or dt.datetime.now(dt.UTC)
        return moment.replace(microsecond=0).isoformat()
    text = value.strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).isoformat()
    except ValueError:
        message = (
            f"--generated-at is '{value}'; expected 'now' or an ISO 8601 date or date-time "
            "such as 2026-11-20 or 2026-11-20T09:30:00+00:00"
        )
        raise InputError(
            [Problem(code=ProblemCode.BAD_TIMESTAMP, message=message)], message
        ) from None


def generated_moment(generated_at: str) -> dt.datetime:
    """A timestamp from [parse_generated_at][csea.report.build.parse_generated_at] as a moment in UTC.

    Formats that need a date-time with a zone (OSCAL, a Word file's properties) use it: a
    date is taken as midnight UTC, and a date-time without a zone as UTC.
    """
    moment = dt.datetime.fromisoformat(generated_at)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
