"""Build the report document from evaluations: every number and row a report shows.

Renderers only lay out what this module computes, so the terminal, Markdown, HTML,
JSON, CSV and JUnit reports of the same inputs always agree. It works from evaluations
already made (and the verdicts they keep): it reads no file and decides no applicability.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.evaluation.files import AssessedService, rolled_up
from csea.evaluation.scoring import rollup, weighted_score
from csea.models import (
    Catalog,
    CitationState,
    Evaluation,
    Finding,
    FindingLevel,
    ObligationResult,
    Rollup,
    Status,
)
from csea.report.briefing import Scope, briefing
from csea.report.document import (
    CatalogInfo,
    Headline,
    OrganisationSummary,
    ReportDocument,
    Scorecard,
    ServiceReport,
    VerificationNote,
)
from csea.report.entries import (
    changes_of,
    finding_entries,
    gap_entry,
    obligation_entry,
    summary_of,
)
from csea.report.redaction import private_parts, redact
from csea.report.regulator import ViewChoice, parse_view, regulator_view, source_view
from csea.report.regulators import (
    duty_lights,
    duty_sources,
    force_sources,
    measured,
    regulator_cards,
    source_duties_unmet,
)

__all__ = [
    "DEFAULT_CLASSIFICATION",
    "ReportOptions",
    "build_report",
    "generated_moment",
    "parse_classification",
    "parse_generated_at",
]

DEFAULT_CLASSIFICATION = "Confidential"
"""The marking a report carries unless ``--classification`` says otherwise."""

_MAX_CLASSIFICATION = 60


@dataclass(frozen=True)
class ReportOptions:
    """What to show and for whom."""

    view: str = "pillar"
    """``pillar`` (every obligation, by pillar), ``regulator:<id>`` (every provision of one
    regulator's sources) or ``source:<id>`` (one source's provisions)."""
    redact: bool = False
    """Remove evidence locations, notes, owners and labelled evidence, for sharing outside."""
    generated_at: str | None = None
    """A timestamp to print; none by default, so the same inputs give the same bytes."""
    classification: str = DEFAULT_CLASSIFICATION
    """The handling marking printed at the top and on every page."""


def build_report(
    catalog: Catalog, services: Sequence[AssessedService], options: ReportOptions | None = None
) -> ReportDocument:
    """The report document for one or several assessed services.

    Args:
        catalog: The catalogue the services were evaluated against.
        services: The assessed services, in report order; the result of
            [assess_files][csea.evaluation.files.assess_files] brings its portfolio roll-up
            and each service's earlier assessments, other lists of several services are
            rolled up here.
        options: What to show and for whom.

    Raises:
        InputError: ``options.view`` is not ``pillar``, ``regulator:<id>`` or
            ``source:<id>`` of the catalogue, the classification is blank or too long, or
            two evaluations are of the same service.
    """
    options = options or ReportOptions()
    choice = parse_view(options.view, catalog)
    document = ReportDocument(
        generated_at=options.generated_at,
        view=options.view,
        classification=parse_classification(options.classification),
        redacted=options.redact,
        catalog=CatalogInfo(
            id=catalog.header.id,
            title=catalog.header.title,
            version=catalog.version,
            date=catalog.header.date,
        ),
        organisations=_organisations(catalog, services),
        reports=[_service_report(catalog, s, choice) for s in services],
    )
    if not options.redact:
        return document
    return redact(document, private_parts(f for s in services for f in s.evaluation.findings))


def _scope(catalog: Catalog, choice: ViewChoice) -> Scope:
    """Which obligations a view shows: all, or those the chosen sources bind the service to."""
    if choice.id is None:
        return lambda _result: True
    regulator = catalog.regulator(choice.id) if choice.kind == "regulator" else None
    sources = set(regulator.sources) if regulator else {choice.id}
    return lambda result: bool(sources.intersection(result.binding_sources))


def _service_report(
    catalog: Catalog, service: AssessedService, choice: ViewChoice
) -> ServiceReport:
    evaluation = service.evaluation
    scope = _scope(catalog, choice)
    results = [r for r in evaluation.obligations if scope(r)]
    shown = {r.id for r in results}
    by_id = {r.id: r for r in evaluation.obligations}
    findings = [
        f for f in evaluation.findings if f.obligation_id is None or f.obligation_id in shown
    ]
    gaps = [g for g in evaluation.gaps if g.obligation_id in shown]
    ranks = {g.obligation_id: g.rank for g in evaluation.gaps}
    history = list(service.history)
    asking = force_sources(evaluation)
    return ServiceReport(
        summary=summary_of(evaluation),
        headline=_headline(_title(catalog, choice), results, len(gaps), findings),
        briefing=briefing(
            catalog, evaluation, service.answers, scope=scope, history=history, whole=not choice.id
        ),
        pillars=[_scorecard(r, catalog, by_id) for r in evaluation.pillars],
        regulators=regulator_cards(catalog, evaluation),
        sources=_sources(catalog, evaluation, by_id),
        duty_lights=duty_lights(catalog, evaluation, [g.obligation_id for g in evaluation.gaps]),
        gaps=[
            gap_entry(catalog, g, asking.get(g.obligation_id, ()), evaluation.as_of) for g in gaps
        ],
        findings=finding_entries(findings),
        changes=changes_of(catalog, evaluation, history[-1] if history else None),
        obligations=[
            obligation_entry(r, service.answers.get(r.id), ranks.get(r.id)) for r in results
        ],
        **_views(catalog, evaluation, choice),
        verification=_verification(evaluation),
    )


def _views(catalog: Catalog, evaluation: Evaluation, choice: ViewChoice) -> dict[str, Any]:
    """The provisions a ``source:`` or ``regulator:`` view adds (nothing for ``pillar``)."""
    if choice.id is None:
        return {}
    if choice.kind == "regulator":
        return {"regulator_view": regulator_view(catalog, evaluation, choice.id)}
    return {"source_view": source_view(catalog, evaluation, choice.id)}


def _title(catalog: Catalog, choice: ViewChoice) -> str:
    if choice.id is None:
        return "All applicable obligations"
    if choice.kind == "regulator":
        regulator = catalog.regulator(choice.id)
        return f"Standing against {regulator.name if regulator else choice.id}"
    source = catalog.source(choice.id)
    return f"Standing against {source.title if source else choice.id}"


def _headline(
    title: str, results: list[ObligationResult], gaps: int, findings: list[Finding]
) -> Headline:
    counted = rollup("shown", title, results)
    score, weighted = measured(results)
    parts = weighted_score([r for r in results if r.credit is not None])
    return Headline(
        title=title,
        applicable=len(results),
        counts=_counts(counted),
        score=score,
        weighted_score=weighted,
        weighted_credit=parts.credit,
        weight=parts.weight,
        legal_duties_unmet=counted.legal_duties_unmet,
        gaps=gaps,
        findings=_levels(findings),
    )


def _counts(counted: Rollup) -> dict[Status, int]:
    return {status: counted.counts.get(status, 0) for status in Status}


def _levels(findings: Sequence[Finding]) -> dict[FindingLevel, int]:
    return {level: sum(1 for f in findings if f.level is level) for level in FindingLevel}


def _scorecard(
    counted: Rollup,
    catalog: Catalog,
    by_id: dict[str, ObligationResult],
    duties_unmet: int | None = None,
) -> Scorecard:
    source = catalog.source(counted.id)
    score, weighted = measured([by_id[ob_id] for ob_id in counted.obligation_ids])
    return Scorecard(
        id=counted.id,
        title=counted.title,
        short_title=source.short_title if source else counted.title,
        force=source.force if source else None,
        applicable=len(counted.obligation_ids),
        counts=_counts(counted),
        score=score,
        weighted_score=weighted,
        legal_duties_unmet=counted.legal_duties_unmet if source is None else duties_unmet,
    )


def _sources(
    catalog: Catalog, evaluation: Evaluation, by_id: dict[str, ObligationResult]
) -> list[Scorecard]:
    duties = duty_sources(evaluation)
    return [
        _scorecard(
            counted,
            catalog,
            by_id,
            source_duties_unmet(counted.id, [by_id[i] for i in counted.obligation_ids], duties),
        )
        for counted in evaluation.sources
    ]


def parse_classification(value: str) -> str:
    """The classification marking, trimmed: one line of 1 to 60 characters.

    Raises:
        InputError: Blank, on several lines, or longer than 60 characters.
    """
    text = value.strip()
    if text and "\n" not in text and "\r" not in text and len(text) <= _MAX_CLASSIFICATION:
        return text
    message = (
        f"--classification is {value!r}; expected one line of 1 to {_MAX_CLASSIFICATION} "
        "characters, such as 'Confidential' or 'OFFICIAL-SENSITIVE'"
    )
    raise InputError([Problem(code=ProblemCode.BAD_CLASSIFICATION, message=message)], message)


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
