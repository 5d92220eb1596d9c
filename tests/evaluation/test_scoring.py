"""The score formula, roll-ups, explanations and indicator targets (csea.evaluation.scoring)."""

from __future__ import annotations

from typing import Any

import pytest

from csea.errors import InputError
from csea.evaluation.engine import evaluate
from csea.evaluation.scoring import (
    Weighted,
    credit,
    explain_score,
    indicator_results,
    percent_to_target,
    weight,
    weight_parts,
    weighted_score,
)
from csea.models import Answer, Force, Harm, IndicatorTarget, RiskBasis, RiskLevel, Status
from csea.models.evaluation import IndicatorResult, ObligationResult, Rollup
from csea.models.vocabulary import Direction
from tests.conftest import CatalogFactory
from tests.evaluation.factories import AS_OF, PROFILE, assessment, done, mini_catalog, run


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"status": "implemented"}, 1.0),
        ({"status": "partial"}, 0.5),
        ({"status": "planned"}, 0.0),
        ({"status": "not_implemented"}, 0.0),
        ({"status": "not_assessed"}, 0.0),
        ({"status": "not_applicable", "justification": "No uploads."}, None),
        ({"status": "not_applicable"}, 0.0),
        ({"status": "not_applicable", "justification": " "}, 0.0),
        (None, 0.0),
    ],
    ids=[
        "implemented",
        "partial",
        "planned",
        "not-implemented",
        "not-assessed",
        "na-justified-left-out",
        "na-unjustified-zero",
        "na-blank-zero",
        "unanswered",
    ],
)
def test_credit(answer: dict[str, Any] | None, expected: float | None) -> None:
    given = Answer.model_validate(answer) if answer is not None else None
    assert credit(given) == expected


def _total(**counts: int) -> dict[Status, int]:
    return {status: counts.get(status.value, 0) for status in Status}


@pytest.mark.parametrize(
    ("answers", "credit_sum", "denominator", "score"),
    [
        ({"BLOCK-01": done(), "BLOCK-02": done(status="partial", due="2027-01-01")}, 1.5, 3, 50.0),
        (
            {"GROOM-01": {"status": "not_applicable", "justification": "Adults only."}},
            0.0,
            2,
            0.0,
        ),
        ({"GROOM-01": {"status": "not_applicable"}}, 0.0, 3, 0.0),
        (
            {
                "BLOCK-01": done(),
                "BLOCK-02": done(),
                "GROOM-01": {"status": "not_applicable", "justification": "Adults only."},
            },
            2.0,
            2,
            100.0,
        ),
        (
            {
                "BLOCK-01": done(),
                "BLOCK-02": done(),
                "GROOM-01": {"status": "not_applicable", "justification": " "},
            },
            2.0,
            3,
            66.7,
        ),
        ({}, 0.0, 3, 0.0),
    ],
    ids=[
        "partial-half",
        "justified-na-left-out",
        "unjustified-na-counts-zero",
        "all-met",
        "blank-justification-counts-zero",
        "nothing-assessed-no-credit",
    ],
)
def test_score_formula(
    make_catalog: CatalogFactory,
    answers: dict[str, Any],
    credit_sum: float,
    denominator: int,
    score: float,
) -> None:
    total = run(mini_catalog(make_catalog), answers).total
    assert (total.credit, total.denominator, total.score) == (credit_sum, denominator, score)
    assert total.to_target == round(100 - score, 1)


def test_total_rollup_whole_value(make_catalog: CatalogFactory) -> None:
    answers = {
        "BLOCK-01": {"status": "planned", "due": "2027-03-31"},
        "GROOM-01": {"status": "not_applicable", "justification": "No accounts for under-18s."},
    }
    assert run(mini_catalog(make_catalog), answers).total == Rollup(
        id="all",
        title="All applicable obligations",
        obligation_ids=["BLOCK-01", "BLOCK-02", "GROOM-01"],
        counts=_total(planned=1, not_assessed=1, not_applicable=1),
        excluded=1,
        credit=0.0,
        denominator=2,
        score=0.0,
        legal_duties_unmet=2,
        to_target=100.0,
    )


def test_rollups_add_up_to_the_applicable_obligations(make_catalog: CatalogFactory) -> None:
    answers = {"BLOCK-01": done(), "GROOM-01": {"status": "planned", "due": "2027-01-01"}}
    evaluation = run(mini_catalog(make_catalog), answers)
    applicable = [r.id for r in evaluation.obligations]
    in_pillars = [ob_id for p in evaluation.pillars for ob_id in p.obligation_ids]
    assert applicable == ["BLOCK-01", "BLOCK-02", "GROOM-01"]
    assert sum(evaluation.total.counts.values()) == len(applicable)
    assert in_pillars == applicable
    assert sum(sum(p.counts.values()) for p in evaluation.pillars) == len(applicable)
    assert sum(p.credit for p in evaluation.pillars) == evaluation.total.credit
    assert [(s.id, s.obligation_ids) for s in evaluation.sources] == [
        ("uk.osa2023", ["BLOCK-01", "BLOCK-02"]),
        ("vol.vp2020", ["BLOCK-01", "GROOM-01"]),
    ]


def test_every_pillar_has_a_rollup_even_with_nothing_applicable(
    make_catalog: CatalogFactory,
) -> None:
    profile = PROFILE | {"users": {"EU": 5000}}
    evaluation = evaluate(mini_catalog(make_catalog), assessment({}, profile), as_of=AS_OF)
    assert [(p.id, p.obligation_ids, p.denominator, p.score) for p in evaluation.pillars] == [
        ("block", [], 0, None),
        ("grooming", [], 0, None),
    ]
    assert (evaluation.sources, evaluation.total.score, evaluation.total.to_target) == (
        [],
        None,
        None,
    )


def test_explain_score_line_by_line(make_catalog: CatalogFactory) -> None:
    answers = {
        "BLOCK-01": done(status="partial", due="2027-01-01"),
        "BLOCK-02": done(),
        "GROOM-01": {"status": "not_applicable", "justification": "Adults only."},
    }
    evaluation = run(mini_catalog(make_catalog), answers)
    assert explain_score(evaluation, "vol.vp2020") == [
        "vol.vp2020: Voluntary Principles",
        "  BLOCK-01   partial          0.5      (legal_duty) Hash-match known images",
        "  GROOM-01   not_applicable   left out (justified not_applicable) "
        "(voluntary_principle) Safe defaults for children",
        "credit: implemented 1, partial 0.5, planned / not_implemented / not_assessed 0; "
        "not_applicable is left out when justified and counts 0 when not.",
        "score = 100 x 0.5 / 1 = 50 (1 left out); to target: 50",
    ]
    assert explain_score(evaluation)[-1] == "score = 100 x 1.5 / 2 = 75 (1 left out); to target: 25"


def test_explain_score_unknown_rollup(make_catalog: CatalogFactory) -> None:
    evaluation = run(mini_catalog(make_catalog), {})
    with pytest.raises(InputError) as caught:
        explain_score(evaluation, "eu.dsa")
    assert [p.message for p in caught.value.problems] == [
        "no roll-up 'eu.dsa'; there are: all, block, grooming, uk.osa2023, vol.vp2020"
    ]


def test_indicator_results_against_targets(make_catalog: CatalogFactory) -> None:
    catalog = mini_catalog(make_catalog)
    obligation = catalog.obligation("BLOCK-02")
    assert obligation is not None
    answer = Answer.model_validate(
        {
            "status": "implemented",
            "indicators": [
                {"id": "reports-on-time", "value": 90, "period": "2026-Q3"},
                {"id": "hours-to-report", "value": 12, "period": "2026-Q3"},
                {"id": "made-up", "value": 1, "period": "2026"},
            ],
        }
    )
    assert indicator_results(obligation, answer) == [
        IndicatorResult(
            id="reports-on-time",
            name="Reports made within the deadline",
            unit="percent",
            direction=Direction.HIGHER_IS_BETTER,
            value=90,
            period="2026-Q3",
            target=95,
            target_source="uk.osa2023 s66",
            met=False,
            percent_of_target=94.7,
        ),
        IndicatorResult(
            id="hours-to-report",
            name="Hours from detection to report",
            unit="hours",
            direction=Direction.LOWER_IS_BETTER,
            value=12,
            period="2026-Q3",
            target=24,
            target_source="uk.osa2023 s66",
            met=True,
            percent_of_target=200.0,
        ),
        IndicatorResult(id="made-up", name=None, unit=None, direction=None, value=1, period="2026"),
    ]


@pytest.mark.parametrize(
    ("score", "expected"),
    [(100.0, 0.0), (37.5, 62.5), (0.0, 100.0), (66.7, 33.3), (33.33, 66.7), (None, None)],
    ids=["full", "part", "zero", "rounded", "one-decimal", "no-score"],
)
def test_percent_to_target(score: float | None, expected: float | None) -> None:
    assert percent_to_target(score) == expected


def _result(
    force: Force | None,
    level: RiskLevel | None,
    credit: float | None = 1.0,
    *,
    declared: bool = True,
) -> ObligationResult:
    risk = None
    if level is not None:
        risk = RiskBasis(harms=[Harm.GROOMING], harm=Harm.GROOMING, level=level, declared=declared)
    return ObligationResult(
        id="BLOCK-01",
        title="t",
        pillar="block",
        force=force,
        binding_sources=[],
        reasons=[],
        status=Status.IMPLEMENTED,
        answered=True,
        credit=credit,
        risk=risk,
    )


@pytest.mark.parametrize(
    ("force", "level", "expected"),
    [
        (Force.LEGAL_DUTY, RiskLevel.HIGH, 6.0),
        (Force.LEGAL_DUTY, RiskLevel.LOW, 3.0),
        (Force.REGULATORY_CODE, RiskLevel.MEDIUM, 3.0),
        (Force.VOLUNTARY_PRINCIPLE, RiskLevel.HIGH, 2.0),
        (Force.LAW_ENFORCEMENT_DEMAND, None, 1.0),
        (Force.GUIDANCE, RiskLevel.MEDIUM, 1.5),
        (None, None, 1.0),
    ],
    ids=[
        "duty-high",
        "duty-low",
        "code-medium",
        "voluntary-high",
        "le-no-harm",
        "guidance",
        "none",
    ],
)
def test_weight_is_force_weight_times_risk_factor(
    force: Force | None, level: RiskLevel | None, expected: float
) -> None:
    assert weight(_result(force, level)) == expected


def test_weighted_score_leaves_out_justified_na() -> None:
    results = [
        _result(Force.LEGAL_DUTY, RiskLevel.HIGH, credit=0.5),
        _result(Force.GUIDANCE, RiskLevel.LOW, credit=1.0),
        _result(Force.LEGAL_DUTY, RiskLevel.HIGH, credit=None),
        _result(Force.REGULATORY_CODE, None, credit=0.0),
    ]
    assert weighted_score(results) == Weighted(credit=4.0, weight=9.0, score=44.4)
    assert weighted_score([]) == Weighted(credit=0, weight=0, score=None)


def test_explain_weighted_score_line_by_line(make_catalog: CatalogFactory) -> None:
    answers = {
        "BLOCK-01": done(status="partial", due="2027-01-01"),
        "BLOCK-02": done(),
        "GROOM-01": {"status": "not_applicable", "justification": "Adults only."},
    }
    evaluation = run(mini_catalog(make_catalog), answers)
    assert explain_score(evaluation, "block", weighted=True) == [
        "block: Block on detection",
        "  BLOCK-01   partial          0.5 x 3 = 1.5  (legal duty 3 x no harm named 1) "
        "Hash-match known images",
        "  BLOCK-02   implemented      1 x 3 = 3      (legal duty 3 x no harm named 1) "
        "Report detected material",
        "credit: implemented 1, partial 0.5, planned / not_implemented / not_assessed 0; "
        "not_applicable is left out when justified and counts 0 when not.",
        "weight = force weight (legal duty 3, regulatory code 2, any other or none 1) x risk "
        "factor (high or not declared 2, medium 1.5, low 1, no harm named 1).",
        "weighted score = 100 x 4.5 / 6 = 75 (0 left out); unweighted: 75",
    ]


@pytest.mark.parametrize(
    ("indicator", "values", "met"),
    [
        ("reports-on-time", (94.9, 95, 95.1), (False, True, True)),
        ("hours-to-report", (23.9, 24, 24.1), (True, True, False)),
    ],
    ids=["higher-is-better-target-95", "lower-is-better-target-24"],
)
def test_an_indicator_exactly_at_its_target_meets_it(
    make_catalog: CatalogFactory,
    indicator: str,
    values: tuple[float, float, float],
    met: tuple[bool, bool, bool],
) -> None:
    obligation = mini_catalog(make_catalog).obligation("BLOCK-02")
    assert obligation is not None
    measured = [{"id": indicator, "value": v, "period": "2026-Q3"} for v in values]
    answer = Answer.model_validate({"status": "implemented", "indicators": measured})
    assert tuple(r.met for r in indicator_results(obligation, answer)) == met


@pytest.mark.parametrize(
    ("result", "parts"),
    [
        (_result(Force.LEGAL_DUTY, RiskLevel.HIGH), "legal duty 3 x grooming risk high 2"),
        (
            _result(Force.REGULATORY_CODE, RiskLevel.MEDIUM),
            "regulatory code 2 x grooming risk medium 1.5",
        ),
        (
            _result(Force.GUIDANCE, RiskLevel.HIGH, declared=False),
            "guidance 1 x grooming risk not declared 2",
        ),
        (_result(None, RiskLevel.LOW), "no force 1 x grooming risk low 1"),
        (_result(None, None), "no force 1 x no harm named 1"),
    ],
    ids=["duty-high", "code-medium", "undeclared", "no-force-low", "nothing"],
)
def test_weight_parts_in_words(result: ObligationResult, parts: str) -> None:
    assert weight_parts(result) == parts


RULE = (
    "credit: implemented 1, partial 0.5, planned / not_implemented / not_assessed 0; "
    "not_applicable is left out when justified and counts 0 when not."
)
WEIGHT_RULE = (
    "weight = force weight (legal duty 3, regulatory code 2, any other or none 1) x risk "
    "factor (high or not declared 2, medium 1.5, low 1, no harm named 1)."
)


def test_explain_a_rollup_with_nothing_counted(make_catalog: CatalogFactory) -> None:
    answers = {"GROOM-01": {"status": "not_applicable", "justification": "Adults only."}}
    evaluation = run(mini_catalog(make_catalog), answers)
    left_out = "left out (justified not_applicable)"
    assert (
        explain_score(evaluation, "grooming"),
        explain_score(evaluation, "grooming", weighted=True),
    ) == (
        [
            "grooming: Stop grooming",
            f"  GROOM-01   not_applicable   {left_out} (voluntary_principle) "
            "Safe defaults for children",
            RULE,
            "score: none (no obligation counted)",
        ],
        [
            "grooming: Stop grooming",
            f"  GROOM-01   not_applicable   {left_out} (voluntary principle 1 x no harm named 1) "
            "Safe defaults for children",
            RULE,
            WEIGHT_RULE,
            "weighted score: none (no obligation counted); unweighted: none",
        ],
    )


def test_explain_an_obligation_with_no_force_for_the_service(make_catalog: CatalogFactory) -> None:
    evaluation = run(mini_catalog(make_catalog), {"BLOCK-01": done()})
    forceless = [r.model_copy(update={"force": None}) for r in evaluation.obligations]
    evaluation = evaluation.model_copy(update={"obligations": forceless})
    assert explain_score(evaluation, "block")[1:3] == [
        "  BLOCK-01   implemented      1        (no force) Hash-match known images",
        "  BLOCK-02   not_assessed     0        (no force) Report detected material",
    ]


def test_an_unknown_rollup_is_named_in_the_error_itself(make_catalog: CatalogFactory) -> None:
    evaluation = run(mini_catalog(make_catalog), {})
    with pytest.raises(InputError) as caught:
        explain_score(evaluation, "eu.dsa")
    assert str(caught.value) == (
        "no roll-up 'eu.dsa'; there are: all, block, grooming, uk.osa2023, vol.vp2020\n"
        + str(caught.value.problems[0])
    )


@pytest.mark.parametrize(
    ("indicator", "target", "value", "percent"),
    [
        ("reports-on-time", 95, 90, 94.7),
        ("reports-on-time", 0, 90, None),
        ("hours-to-report", 24, 7, 342.9),
        ("hours-to-report", 24, 0, 100.0),
    ],
    ids=["higher-rounded", "higher-target-zero", "lower-rounded", "lower-value-zero"],
)
def test_percent_of_target(
    make_catalog: CatalogFactory, indicator: str, target: float, value: float, percent: float | None
) -> None:
    obligation = mini_catalog(make_catalog).obligation("BLOCK-02")
    assert obligation is not None
    targeted = IndicatorTarget(value=target, source="uk.osa2023", provision="s66")
    indicators = [i.model_copy(update={"target": targeted}) for i in obligation.indicators]
    obligation = obligation.model_copy(update={"indicators": indicators})
    answer = Answer.model_validate(
        {"status": "implemented", "indicators": [{"id": indicator, "value": value, "period": "Q3"}]}
    )
    assert [r.percent_of_target for r in indicator_results(obligation, answer)] == [percent]
