"""Scores, roll-ups, percent-to-target and indicator targets, each explainable line by line.

## The score

Each applicable obligation earns a **credit** from its status:

| status | credit |
|---|---|
| `implemented` | 1 |
| `partial` | 0.5 |
| `planned`, `not_implemented`, `not_assessed` (or no answer) | 0 |
| `not_applicable` with a justification | left out (not in the denominator) |
| `not_applicable` without a justification | 0 |

A roll-up (all obligations, one pillar, or one source) adds the credits of the
obligations it counts and divides by how many it counts, less the justified
`not_applicable` ones:

    score = round(100 * credit / denominator, 1)      (None when the denominator is 0)

Credit does not depend on findings: an `implemented` answer without evidence still
earns 1, and the finding about it (an error for a legal duty) is what a CI gate acts on.
A justified `not_applicable` on a legal duty is left out like any other, and flagged
as an error finding (`na-on-legal-duty`).

## The weighted score

The score above counts every obligation the same. The **weighted score** counts each
obligation by how binding it is for the service and how high the service's own risk is
for the harms it addresses, so an unmet legal duty on a high-risk harm moves it more
than an unmet voluntary principle:

    weight = force weight x risk factor

| force for the service | force weight |
|---|---|
| legal duty | 3 |
| regulatory code | 2 |
| voluntary principle, law-enforcement demand, guidance, no force | 1 |

| the profile's risk level for the obligation's harms | risk factor |
|---|---|
| high (or not declared: an unknown risk counts as high) | 2 |
| medium | 1.5 |
| low | 1 |
| the catalogue names no harm for it | 1 |

The harms an obligation addresses and the level that counts are defined in
[csea.catalog.harms][]. Over the obligations a roll-up counts (justified
``not_applicable`` left out, as above):

    weighted score = round(100 * sum(credit x weight) / sum(weight), 1)

Reports show the weighted score first and the unweighted score beside it;
``explain_score(evaluation, rollup_id, weighted=True)`` shows each obligation's weight
and weighted credit, line by line. ``csea check`` prints the unweighted score.

## Percent-to-target

The target of every roll-up is "every obligation it counts is implemented" (score 100).
**Percent-to-target** is the share still missing: ``to_target = 100 - score``.

Indicators have their own targets, only where a cited source sets one. For a measured
value ``v`` and target ``t``: ``met`` is ``v >= t`` (higher is better) or ``v <= t``
(lower is better), and ``percent_of_target`` is ``100 * v / t`` (higher is better) or
``100 * t / v`` (lower is better; 100 when ``v`` is 0), rounded to one decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from csea.catalog.harms import harm_words
from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Answer, Obligation, Status
from csea.models.evaluation import Evaluation, IndicatorResult, ObligationResult, Rollup
from csea.models.vocabulary import Direction, Force, RiskLevel

__all__ = [
    "FORCE_WEIGHT",
    "RISK_FACTOR",
    "Weighted",
    "credit",
    "explain_score",
    "indicator_results",
    "is_justified",
    "percent_to_target",
    "rollup",
    "score_of",
    "weight",
    "weight_parts",
    "weighted_score",
]

CREDIT: dict[Status, float] = {
    Status.IMPLEMENTED: 1.0,
    Status.PARTIAL: 0.5,
    Status.PLANNED: 0.0,
    Status.NOT_IMPLEMENTED: 0.0,
    Status.NOT_ASSESSED: 0.0,
    Status.NOT_APPLICABLE: 0.0,
}
"""Credit per status; a justified ``not_applicable`` is left out instead (see ``credit``)."""

FORCE_WEIGHT: dict[Force, int] = {
    Force.LEGAL_DUTY: 3,
    Force.REGULATORY_CODE: 2,
    Force.VOLUNTARY_PRINCIPLE: 1,
    Force.LAW_ENFORCEMENT_DEMAND: 1,
    Force.GUIDANCE: 1,
}
"""How much an obligation's force for the service weighs in the weighted score."""

RISK_FACTOR: dict[RiskLevel, float] = {
    RiskLevel.HIGH: 2.0,
    RiskLevel.MEDIUM: 1.5,
    RiskLevel.LOW: 1.0,
}
"""How much the profile's risk level for an obligation's harms multiplies its weight."""

_RULE = (
    "credit: implemented 1, partial 0.5, planned / not_implemented / not_assessed 0; "
    "not_applicable is left out when justified and counts 0 when not"
)


def is_justified(answer: Answer | None) -> bool:
    """Whether an answer is ``not_applicable`` with a non-blank justification."""
    return (
        answer is not None
        and answer.status is Status.NOT_APPLICABLE
        and bool((answer.justification or "").strip())
    )


def credit(answer: Answer | None) -> float | None:
    """An answer's credit (0 to 1), or None when it is left out (justified not_applicable)."""
    if is_justified(answer):
        return None
    return CREDIT[answer.status] if answer is not None else 0.0


def score_of(credit_sum: float, denominator: int) -> float | None:
    """``round(100 * credit / denominator, 1)``, or None when the denominator is 0."""
    return round(100 * credit_sum / denominator, 1) if denominator else None


def percent_to_target(score: float | None) -> float | None:
    """``round(100 - score, 1)``: the share still missing to reach 100; None without a score."""
    return None if score is None else round(100 - score, 1)


def rollup(rollup_id: str, title: str, results: Sequence[ObligationResult]) -> Rollup:
    """Counts and score over a group of evaluated obligations."""
    counted = [r.credit for r in results if r.credit is not None]
    total = sum(counted)
    score = score_of(total, len(counted))
    return Rollup(
        id=rollup_id,
        title=title,
        obligation_ids=[r.id for r in results],
        counts={status: sum(1 for r in results if r.status is status) for status in Status},
        excluded=len(results) - len(counted),
        credit=total,
        denominator=len(counted),
        score=score,
        legal_duties_unmet=sum(
            1 for r in results if r.force is Force.LEGAL_DUTY and r.status is not Status.IMPLEMENTED
        ),
        to_target=percent_to_target(score),
    )


@dataclass(frozen=True)
class Weighted:
    """A weighted score with its parts (see "The weighted score" above)."""

    credit: float
    """Sum of credit x weight over the obligations counted."""
    weight: float
    """Sum of their weights."""
    score: float | None
    """``round(100 * credit / weight, 1)``; None when nothing is counted."""


def weight(result: ObligationResult) -> float:
    """An obligation's weight: force weight x risk factor."""
    force = FORCE_WEIGHT[result.force] if result.force else 1
    factor = RISK_FACTOR[result.risk.level] if result.risk else 1.0
    return force * factor


def weighted_score(results: Sequence[ObligationResult]) -> Weighted:
    """The weighted score over evaluated obligations (justified ``not_applicable`` left out)."""
    counted = [r for r in results if r.credit is not None]
    total = sum(weight(r) for r in counted)
    earned = sum((r.credit or 0.0) * weight(r) for r in counted)
    return Weighted(earned, total, round(100 * earned / total, 1) if total else None)


def explain_score(
    evaluation: Evaluation, rollup_id: str = "all", *, weighted: bool = False
) -> list[str]:
    """Explain one roll-up's score line by line: each obligation, its status and credit.

    ``rollup_id`` is ``all``, a pillar id or a source id. With ``weighted``, each line also
    shows the obligation's weight and how it is made up, and the sum is the weighted score
    (the unweighted one is given after it).

    Raises:
        InputError: No roll-up has that id; the message lists the ones there are.
    """
    found = _find_rollup(evaluation, rollup_id)
    by_id = {r.id: r for r in evaluation.obligations}
    results = [by_id[ob_id] for ob_id in found.obligation_ids]
    lines = [f"{found.id}: {found.title}"]
    if weighted:
        lines += [_weighted_line(r) for r in results]
        lines += [f"{_RULE}.", f"{_WEIGHT_RULE}."]
        return [*lines, _weighted_sum(weighted_score(results), found)]
    lines += [_explain_line(r) for r in results]
    lines.append(f"{_RULE}.")
    if found.score is None:
        lines.append("score: none (no obligation counted)")
    else:
        lines.append(
            f"score = 100 x {found.credit:g} / {found.denominator} = {found.score:g}"
            f" ({found.excluded} left out); to target: {found.to_target:g}"
        )
    return lines


_WEIGHT_RULE = (
    "weight = force weight (legal duty 3, regulatory code 2, any other or none 1) x risk "
    "factor (high or not declared 2, medium 1.5, low 1, no harm named 1)"
)


def weight_parts(result: ObligationResult) -> str:
    """How an obligation's weight is made up: ``legal duty 3 x grooming risk high 2``."""
    force = (
        f"{result.force.value.replace('_', ' ')} {FORCE_WEIGHT[result.force]}"
        if result.force
        else "no force 1"
    )
    if result.risk is None:
        return f"{force} x no harm named 1"
    harm = harm_words(result.risk.harm)
    level = result.risk.level.value if result.risk.declared else "not declared"
    return f"{force} x {harm} risk {level} {RISK_FACTOR[result.risk.level]:g}"


def _weighted_line(result: ObligationResult) -> str:
    if result.credit is None:
        shown = "left out (justified not_applicable)"
    else:
        shown = f"{result.credit:g} x {weight(result):g} = {result.credit * weight(result):g}"
    return (
        f"  {result.id:<10} {result.status.value:<16} {shown:<14} ({weight_parts(result)}) "
        f"{result.title}"
    )


def _weighted_sum(score: Weighted, found: Rollup) -> str:
    unweighted = "none" if found.score is None else f"{found.score:g}"
    if score.score is None:
        return f"weighted score: none (no obligation counted); unweighted: {unweighted}"
    return (
        f"weighted score = 100 x {score.credit:g} / {score.weight:g} = {score.score:g}"
        f" ({found.excluded} left out); unweighted: {unweighted}"
    )


def _find_rollup(evaluation: Evaluation, rollup_id: str) -> Rollup:
    every = [evaluation.total, *evaluation.pillars, *evaluation.sources]
    for candidate in every:
        if candidate.id == rollup_id:
            return candidate
    message = f"no roll-up '{rollup_id}'; there are: {', '.join(r.id for r in every)}"
    raise InputError([Problem(code=ProblemCode.UNKNOWN_ROLLUP, message=message)], message)


def _explain_line(result: ObligationResult) -> str:
    shown = "left out (justified not_applicable)" if result.credit is None else f"{result.credit:g}"
    force = result.force.value if result.force else "no force"
    return f"  {result.id:<10} {result.status.value:<16} {shown:<8} ({force}) {result.title}"


def indicator_results(obligation: Obligation, answer: Answer | None) -> list[IndicatorResult]:
    """The answer's indicator values, each set against the catalogue's target if it has one."""
    if answer is None:
        return []
    known = {i.id: i for i in obligation.indicators}
    results: list[IndicatorResult] = []
    for measured in answer.indicators:
        spec = known.get(measured.id)
        result = IndicatorResult(
            id=measured.id,
            name=spec.name if spec else None,
            unit=spec.unit if spec else None,
            direction=spec.direction if spec else None,
            value=measured.value,
            period=measured.period,
        )
        if spec is not None and spec.target is not None:
            target = spec.target
            result = result.model_copy(
                update={
                    "target": target.value,
                    "target_source": f"{target.source} {target.provision}",
                    "met": _met(spec.direction, measured.value, target.value),
                    "percent_of_target": _percent(spec.direction, measured.value, target.value),
                }
            )
        results.append(result)
    return results


def _met(direction: Direction, value: float, target: float) -> bool:
    return value >= target if direction is Direction.HIGHER_IS_BETTER else value <= target


def _percent(direction: Direction, value: float, target: float) -> float | None:
    if direction is Direction.HIGHER_IS_BETTER:
        return round(100 * value / target, 1) if target else None
    return round(100 * target / value, 1) if value else 100.0
