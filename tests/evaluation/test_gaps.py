"""The gap ranking (csea.evaluation.gaps): force, risk, how far from met, due date, id; and why."""

from __future__ import annotations

import datetime as dt

import pytest

from csea.evaluation.gaps import rank_gaps, rank_reason, risk_words, worst_level
from csea.models import Harm, RiskBasis, RiskLevel, Status
from csea.models.evaluation import Finding, FindingLevel, Gap, ObligationResult
from csea.models.vocabulary import Force

AS_OF = dt.date(2026, 12, 1)


def risk(level: RiskLevel, *harms: Harm, declared: bool = True) -> RiskBasis:
    return RiskBasis(harms=list(harms), harm=harms[0], level=level, declared=declared)


HIGH = risk(RiskLevel.HIGH, Harm.GROOMING)
LOW = risk(RiskLevel.LOW, Harm.GROOMING)


def result(
    ob_id: str,
    status: Status,
    force: Force | None = Force.REGULATORY_CODE,
    due: dt.date | None = None,
    finding: FindingLevel | None = None,
    credit: float | None = 0.0,
    level: RiskBasis | None = None,
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
        risk=level,
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
        result("A-13", Status.PARTIAL, level=HIGH),
        result("A-14", Status.NOT_IMPLEMENTED, level=LOW),
    ]
    assert [(g.rank, g.obligation_id) for g in rank_gaps(results, as_of=AS_OF)] == [
        (1, "A-07"),
        (2, "A-13"),
        (3, "A-14"),
        (4, "A-04"),
        (5, "A-05"),
        (6, "A-12"),
        (7, "A-03"),
        (8, "A-02"),
        (9, "A-08"),
        (10, "A-01"),
        (11, "A-06"),
        (12, "A-09"),
    ]


def test_risk_ranks_before_how_far_from_met_and_undeclared_counts_as_high() -> None:
    undeclared = risk(RiskLevel.HIGH, Harm.LIVESTREAMED_ABUSE, declared=False)
    medium = risk(RiskLevel.MEDIUM, Harm.CSAM_URL)
    results = [
        result("A-01", Status.NOT_IMPLEMENTED, level=medium),
        result("A-02", Status.PARTIAL, level=undeclared),
        result("A-03", Status.PARTIAL, level=HIGH, due=dt.date(2027, 1, 1)),
    ]
    assert [g.obligation_id for g in rank_gaps(results, as_of=AS_OF)] == ["A-03", "A-02", "A-01"]


@pytest.mark.parametrize(
    ("gap", "reason"),
    [
        (
            result("A-01", Status.PARTIAL, Force.LEGAL_DUTY, dt.date(2026, 10, 31), level=HIGH),
            "legal duty · grooming risk high · partly in place · overdue since 2026-10-31",
        ),
        (
            result("A-02", Status.PLANNED, due=dt.date(2027, 1, 15)),
            "regulatory code · planned, nothing in place yet · due 2027-01-15",
        ),
        (
            result("A-03", Status.NOT_ASSESSED, Force.GUIDANCE, level=LOW),
            "guidance · grooming risk low · not assessed yet · no due date",
        ),
        (
            result("A-04", Status.NOT_IMPLEMENTED, None),
            "no force for this service · nothing in place · no due date",
        ),
        (
            result("A-05", Status.PLANNED, due=AS_OF),
            "regulatory code · planned, nothing in place yet · due 2026-12-01",
        ),
    ],
    ids=["overdue-legal-duty", "planned-no-harm", "unassessed-guidance", "no-force", "due-today"],
)
def test_each_gap_says_why_it_ranks_there(gap: ObligationResult, reason: str) -> None:
    assert (rank_reason(gap, AS_OF), rank_gaps([gap], as_of=AS_OF)[0].reason) == (reason, reason)


@pytest.mark.parametrize(
    ("basis", "words"),
    [
        (HIGH, "grooming risk high"),
        (
            risk(RiskLevel.HIGH, Harm.CSAM_IMAGE, Harm.CSAM_URL),
            "abuse images risk high (highest of 2 harms)",
        ),
        (
            risk(RiskLevel.HIGH, Harm.LIVESTREAMED_ABUSE, declared=False),
            "live-streamed abuse risk not declared (counted as high)",
        ),
    ],
    ids=["one-harm", "several-harms", "undeclared"],
)
def test_risk_words(basis: RiskBasis, words: str) -> None:
    assert risk_words(basis) == words


def test_a_gap_carries_the_obligation_its_risk_and_its_worst_finding() -> None:
    findings = [
        Finding(code="a", level=FindingLevel.INFO, message="a"),
        Finding(code="b", level=FindingLevel.WARNING, message="b"),
    ]
    gap = result(
        "A-01", Status.PARTIAL, Force.LEGAL_DUTY, dt.date(2027, 1, 1), level=HIGH
    ).model_copy(update={"findings": findings})
    assert rank_gaps([gap], as_of=AS_OF) == [
        Gap(
            rank=1,
            obligation_id="A-01",
            title="A-01",
            pillar="block",
            force=Force.LEGAL_DUTY,
            status=Status.PARTIAL,
            due=dt.date(2027, 1, 1),
            worst_finding=FindingLevel.WARNING,
            risk=HIGH,
            reason="legal duty · grooming risk high · partly in place · due 2027-01-01",
        )
    ]


@pytest.mark.parametrize(
    ("levels", "worst"),
    [
        ([], None),
        ([FindingLevel.INFO, FindingLevel.WARNING], FindingLevel.WARNING),
        ([FindingLevel.INFO, FindingLevel.ERROR, FindingLevel.WARNING], FindingLevel.ERROR),
    ],
    ids=["none", "warning-over-info", "error-over-both"],
)
def test_worst_level_is_the_most_serious_finding(
    levels: list[FindingLevel], worst: FindingLevel | None
) -> None:
    findings = [Finding(code="x", level=level, message="x") for level in levels]
    assert worst_level(
        result("A-01", Status.PARTIAL).model_copy(update={"findings": findings})
    ) == (worst)
