"""The gap ranking (csea.evaluation.gaps): force, worst finding, status, due date, id."""

from __future__ import annotations

import datetime as dt

from csea.evaluation.gaps import rank_gaps
from csea.models import Status
from csea.models.evaluation import Finding, FindingLevel, ObligationResult
from csea.models.vocabulary import Force


def result(
    ob_id: str,
    status: Status,
    force: Force | None = Force.REGULATORY_CODE,
    due: dt.date | None = None,
    finding: FindingLevel | None = None,
    credit: float | None = 0.0,
) -> ObligationResult:
    findings = [Finding(code="x", level=finding, message="x")] if finding else []
    return ObligationResult(
        id=ob_id,
        title=ob_id,
        pillar="block",
        force=force,
        binding_sources=[],
        reasons=[],
        status=status,
        answered=True,
        credit=credit,
        due=due,
        findings=findings,
    )


def test_ranking_order() -> None:
    results = [
        result("A-01", Status.PARTIAL, due=dt.date(2027, 1, 1)),
        result("A-02", Status.PLANNED, due=dt.date(2027, 6, 1)),
        result("A-03", Status.PLANNED, due=dt.date(2027, 2, 1)),
        result("A-04", Status.NOT_ASSESSED),
        result("A-05", Status.NOT_IMPLEMENTED),
        result("A-06", Status.PLANNED, force=Force.GUIDANCE, finding=FindingLevel.ERROR),
        result("A-07", Status.PARTIAL, force=Force.LEGAL_DUTY),
        result("A-08", Status.PLANNED, finding=FindingLevel.WARNING),
        result("A-09", Status.PLANNED, force=None),
        result("A-10", Status.IMPLEMENTED, credit=1.0),
        result("A-11", Status.NOT_APPLICABLE, credit=None),
        result("A-12", Status.NOT_APPLICABLE, finding=FindingLevel.ERROR),
    ]
    assert [(g.rank, g.obligation_id) for g in rank_gaps(results)] == [
        (1, "A-07"),
        (2, "A-12"),
        (3, "A-08"),
        (4, "A-04"),
        (5, "A-05"),
        (6, "A-03"),
        (7, "A-02"),
        (8, "A-01"),
        (9, "A-06"),
        (10, "A-09"),
    ]
