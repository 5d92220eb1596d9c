"""Evaluate an assessment: catalogue + profile + answers in, an ``Evaluation`` out.

[evaluate][csea.evaluation.engine.evaluate] is pure: it takes objects already loaded and reads
no file and no clock. For each obligation that applies to the service on the as-of
date it records the force, status, credit and findings; it adds findings about
answers the catalogue does not expect, the roll-ups (all, per pillar, per source),
the ranked gaps and, given the evaluation of a previous assessment, the progress since.

- The finding rules are in [csea.evaluation.findings][]; every code and its level is in
  the [code reference][csea.codes].
- The score, percent-to-target and indicator targets are defined in [csea.evaluation.scoring][].
- The gap ranking is defined in [csea.evaluation.gaps][].

Per-source roll-ups are the regulator's view: a source gets one when it binds the
service to at least one applicable obligation, and it counts exactly those obligations.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from csea.assessment.load import LoadedAssessment
from csea.assessment.record import AnswerChanges
from csea.catalog.applicability import Verdicts, applicable_obligations
from csea.catalog.harms import obligation_harms, risk_basis
from csea.codes import FindingCode
from csea.evaluation.approval import approval_findings
from csea.evaluation.findings import (
    FindingContext,
    Locate,
    answer_findings,
    stray_findings,
    undeclared_findings,
)
from csea.evaluation.gaps import rank_gaps
from csea.evaluation.scoring import credit, indicator_results, rollup
from csea.models import (
    Answer,
    Applicability,
    Assessment,
    Catalog,
    CitationState,
    Evaluation,
    Finding,
    Obligation,
    ObligationResult,
    Progress,
    RiskBasis,
    Rollup,
    ServiceProfile,
    Status,
    StatusMove,
    Verification,
)

__all__ = ["DEFAULT_MAX_EVIDENCE_AGE_DAYS", "evaluate", "progress"]

DEFAULT_MAX_EVIDENCE_AGE_DAYS = 365
"""Evidence collected longer ago than this (about 12 months) is stale."""


@dataclass(frozen=True)
class _Given:
    assessment: Assessment
    profile: ServiceProfile
    file: str | None
    locate: Locate | None


def _given(assessment: Assessment | LoadedAssessment, profile: ServiceProfile | None) -> _Given:
    if isinstance(assessment, LoadedAssessment):
        loaded = assessment

        def locate(loc: Sequence[str | int]) -> int | None:
            return loaded.doc.locate(loc)[0]

        return _Given(loaded.assessment, profile or loaded.profile, loaded.name, locate)
    if profile is None and isinstance(assessment.profile, ServiceProfile):
        profile = assessment.profile
    if profile is None:
        raise ValueError(
            "the assessment names its profile by path; load it with csea.load_assessment "
            "or pass the profile"
        )
    return _Given(assessment, profile, None, None)


def evaluate(
    catalog: Catalog,
    assessment: Assessment | LoadedAssessment,
    profile: ServiceProfile | None = None,
    *,
    as_of: dt.date,
    max_evidence_age_days: int = DEFAULT_MAX_EVIDENCE_AGE_DAYS,
    previous: Evaluation | None = None,
    changes: AnswerChanges | None = None,
    verdicts: Verdicts | None = None,
) -> Evaluation:
    """Evaluate one service's assessment against a catalogue on a date.

    Args:
        catalog: The loaded catalogue.
        assessment: The answers; a ``LoadedAssessment`` also gives the profile and the
            file and lines that findings point at.
        profile: The service profile; needed only when ``assessment`` is a bare
            ``Assessment`` whose profile is a path (it overrides a loaded profile).
        as_of: The date applicability, evidence age and due dates are judged on.
        max_evidence_age_days: Evidence collected longer ago than this is stale.
        previous: The evaluation of an earlier assessment of the same service, to
            report progress since.
        changes: When each answer last changed (from git: see
            [answer_changes][csea.assessment.record.answer_changes]), for the review
            findings; without it, an answer changed after its review is not found.
        verdicts: Applicability shared across the services of one run, on ``as_of`` and for
            ``catalog`` (see [Verdicts][csea.catalog.applicability.Verdicts]); without it,
            applicability is decided for this service alone.

    Returns:
        The evaluation; it keeps the applicability verdicts it was computed from
        ([Evaluation.verdicts][csea.models.Evaluation.verdicts]), so a report
        never decides applicability again.

    Raises:
        ValueError: A bare ``Assessment`` names its profile by path and no profile was given.
    """
    given = _given(assessment, profile)
    ctx = FindingContext(as_of, max_evidence_age_days, given.file, given.locate, changes)
    if verdicts is not None and (verdicts.catalog is not catalog or verdicts.as_of != as_of):
        raise ValueError("the shared verdicts are for another catalogue or date")
    decided = (
        applicable_obligations(catalog, given.profile, as_of)
        if verdicts is None
        else verdicts.of(given.profile)
    )
    harms = partial(obligation_harms, catalog) if verdicts is None else verdicts.harms
    answers = given.assessment.answers
    pairs = [(ob, v) for ob, v in zip(catalog.obligations, decided, strict=True) if v.applies]
    results = [
        _result(ctx, ob, v, answers.get(ob.id), risk_basis(given.profile, harms(ob)))
        for ob, v in pairs
    ]
    findings = [
        *_version_findings(ctx, catalog, given.assessment),
        *(f for r in results for f in r.findings),
        *stray_findings(ctx, catalog, list(answers), {v.obligation_id: v for v in decided}),
        *approval_findings(ctx, catalog, given.assessment, given.profile),
        *undeclared_findings(ctx, decided),
    ]
    pillars, sources = _rollups(catalog, results)
    evaluation = Evaluation(
        catalog_id=catalog.header.id,
        catalog_version=catalog.version,
        catalog_date=catalog.header.date,
        as_of=as_of,
        profile=given.profile,
        assessment_file=given.file,
        assessed_by=given.assessment.assessed_by,
        assessed_on=given.assessment.assessed_on,
        obligations=results,
        findings=findings,
        total=rollup("all", "All applicable obligations", results),
        pillars=pillars,
        sources=sources,
        gaps=rank_gaps(results, as_of=as_of),
        secondary_citations=sum(_secondary(ob, v) for ob, v in pairs),
    )
    if previous is not None:
        evaluation = evaluation.model_copy(update={"progress": progress(previous, evaluation)})
    return evaluation.with_verdicts(decided)


def _rollups(
    catalog: Catalog, results: Sequence[ObligationResult]
) -> tuple[list[Rollup], list[Rollup]]:
    """One roll-up per pillar (every pillar), one per source that binds at least one result."""
    by_pillar: dict[str, list[ObligationResult]] = defaultdict(list)
    by_source: dict[str, list[ObligationResult]] = defaultdict(list)
    for result in results:
        by_pillar[result.pillar].append(result)
        for source_id in result.binding_sources:
            by_source[source_id].append(result)
    pillars = [rollup(p.id, p.title, by_pillar[p.id]) for p in catalog.pillars]
    sources = [rollup(s.id, s.title, by_source[s.id]) for s in catalog.sources if by_source[s.id]]
    return pillars, sources


def _result(
    ctx: FindingContext,
    ob: Obligation,
    verdict: Applicability,
    answer: Answer | None,
    risk: RiskBasis | None,
) -> ObligationResult:
    return ObligationResult(
        id=ob.id,
        title=ob.title,
        pillar=ob.pillar,
        force=verdict.force,
        binding_sources=verdict.binding_sources,
        reasons=verdict.reasons,
        assumed=verdict.assumed or verdict.force_assumed,
        undeclared=[str(f) for f in verdict.undeclared],
        status=answer.status if answer else Status.NOT_ASSESSED,
        answered=answer is not None,
        credit=credit(answer),
        owner=answer.owner if answer else None,
        due=answer.due if answer else None,
        evidence_count=len(answer.evidence) if answer else 0,
        findings=answer_findings(ctx, ob, verdict.force, answer),
        indicators=indicator_results(ob, answer),
        risk=risk,
    )


def _secondary(ob: Obligation, verdict: Applicability) -> int:
    """Binding citations of an applicable obligation that are only secondary or unverified."""
    return sum(
        1
        for citation, binding in zip(ob.citations, verdict.bindings, strict=True)
        if binding.state is CitationState.BINDS
        and citation.verification is not Verification.VERIFIED
    )


def _version_findings(
    ctx: FindingContext, catalog: Catalog, assessment: Assessment
) -> list[Finding]:
    ref = assessment.catalog
    if (ref.id, ref.version) == (catalog.header.id, catalog.version):
        return []
    message = (
        f"the assessment was made against catalogue {ref.id} {ref.version}, not "
        f"{catalog.header.id} {catalog.version}; run 'csea migrate' to carry it forward"
    )
    return [ctx.finding(FindingCode.CATALOG_VERSION, message, None, "catalog", "version")]


def progress(previous: Evaluation, current: Evaluation) -> Progress:
    """How a service moved between two evaluations: scores and status changes.

    Changes are listed in the current catalogue order, then obligations that were in
    the previous evaluation only (``after`` is None: no longer applicable or gone).
    An obligation that is new (``before`` is None) is listed too.
    """
    before = {r.id: r.status for r in previous.obligations}
    after = {r.id: r.status for r in current.obligations}
    order = [*after, *(ob_id for ob_id in before if ob_id not in after)]
    return Progress(
        previous_assessed_on=previous.assessed_on,
        previous_score=previous.total.score,
        score=current.total.score,
        changes=[
            StatusMove(obligation_id=ob_id, before=before.get(ob_id), after=after.get(ob_id))
            for ob_id in order
            if before.get(ob_id) != after.get(ob_id)
        ],
    )
