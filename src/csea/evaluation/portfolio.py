"""A portfolio: several services, one assessment each, rolled up per organisation.

An organisation's roll-up adds up its services' roll-ups: every (service, obligation)
pair counts once, so its score is ``100 * sum of credits / sum of denominators`` over
its services, and its ``obligation_ids`` name each pair as ``service:OBLIGATION``.
Pillar roll-ups cover every pillar; source roll-ups cover every source that binds at
least one of its services, each counting only the services it binds.

A portfolio **fails** at a level (``csea check --fail-on``) when any of its services has a
finding at or above that level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.evaluation.scoring import percent_to_target, score_of
from csea.models import (
    Catalog,
    Evaluation,
    Finding,
    FindingLevel,
    OrganisationRollup,
    Portfolio,
    Rollup,
    Status,
)

__all__ = ["evaluate_portfolio", "every_finding", "failing", "fails"]

Part = tuple[str, Rollup]
"""A service's roll-up: ``(service name, roll-up)``."""


def evaluate_portfolio(catalog: Catalog, evaluations: Sequence[Evaluation]) -> Portfolio:
    """Roll evaluations (one per service, against ``catalog``) up per organisation.

    Raises:
        InputError: Two evaluations are of the same service of the same organisation.
        ValueError: No evaluation was given, or they were judged on different dates.
    """
    dates = {e.as_of for e in evaluations}
    if len(dates) != 1:
        raise ValueError("give at least one evaluation, all judged on the same as-of date")
    _refuse_duplicates(evaluations)
    names = sorted({e.profile.organisation for e in evaluations})
    return Portfolio(
        catalog_id=catalog.header.id,
        catalog_version=catalog.version,
        as_of=dates.pop(),
        evaluations=list(evaluations),
        organisations=[
            _organisation(catalog, name, [e for e in evaluations if e.profile.organisation == name])
            for name in names
        ],
    )


def _refuse_duplicates(evaluations: Sequence[Evaluation]) -> None:
    seen: dict[tuple[str, str], str | None] = {}
    problems: list[Problem] = []
    for e in evaluations:
        key = (e.profile.organisation, e.profile.service)
        if key in seen:
            message = (
                f"assesses {key[1]} ({key[0]}), which {seen[key] or 'an earlier assessment'} "
                "already assesses; give one assessment per service"
            )
            problems.append(
                Problem(code=ProblemCode.DUPLICATE_SERVICE, message=message, file=e.assessment_file)
            )
        seen.setdefault(key, e.assessment_file)
    if problems:
        raise InputError(problems, "the same service is assessed more than once")


def _organisation(catalog: Catalog, name: str, evaluations: list[Evaluation]) -> OrganisationRollup:
    by_pillar: dict[str, list[Part]] = defaultdict(list)
    by_source: dict[str, list[Part]] = defaultdict(list)
    for e in evaluations:
        for r in e.pillars:
            by_pillar[r.id].append((e.profile.service, r))
        for r in e.sources:
            by_source[r.id].append((e.profile.service, r))
    return OrganisationRollup(
        organisation=name,
        services=[e.profile.service for e in evaluations],
        total=combine_rollups(
            "all", f"{name}: all services", [(e.profile.service, e.total) for e in evaluations]
        ),
        pillars=[combine_rollups(p.id, p.title, by_pillar[p.id]) for p in catalog.pillars],
        sources=[
            combine_rollups(s.id, s.title, by_source[s.id])
            for s in catalog.sources
            if by_source[s.id]
        ],
        findings={
            level: sum(1 for e in evaluations for f in e.findings if f.level is level)
            for level in FindingLevel
        },
    )


def combine_rollups(rollup_id: str, title: str, parts: Sequence[Part]) -> Rollup:
    """Add up roll-ups of several services; each part is ``(service name, roll-up)``."""
    total = sum(r.credit for _, r in parts)
    denominator = sum(r.denominator for _, r in parts)
    score = score_of(total, denominator)
    return Rollup(
        id=rollup_id,
        title=title,
        obligation_ids=[f"{service}:{ob_id}" for service, r in parts for ob_id in r.obligation_ids],
        counts={status: sum(r.counts.get(status, 0) for _, r in parts) for status in Status},
        excluded=sum(r.excluded for _, r in parts),
        credit=total,
        denominator=denominator,
        score=score,
        legal_duties_unmet=sum(r.legal_duties_unmet for _, r in parts),
        to_target=percent_to_target(score),
    )


def every_finding(portfolio: Portfolio) -> list[Finding]:
    """Every finding of every service, in the order the services were given."""
    return [f for e in portfolio.evaluations for f in e.findings]


def failing(findings: Sequence[Finding], fail_on: FindingLevel) -> list[Finding]:
    """The findings at or above ``fail_on``."""
    return [f for f in findings if f.level.rank <= fail_on.rank]


def fails(portfolio: Portfolio, fail_on: FindingLevel) -> bool:
    """Whether any service has a finding at or above ``fail_on`` (``csea check`` exits 1)."""
    return bool(failing(every_finding(portfolio), fail_on))
