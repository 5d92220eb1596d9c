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

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Answer, Obligation, Status
from csea.models.evaluation import Evaluation, IndicatorResult, ObligationResult, Rollup
from csea.models.vocabulary import Direction, Force

__all__ = [
    "credit",
    "explain_score",
    "indicator_results",
    "is_justified",
    "percent_to_target",
    "rollup",
    "score_of",
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


def explain_score(evaluation: Evaluation, rollup_id: str = "all") -> list[str]:
    """Explain one roll-up's score line by line: each obligation, its status and credit.

    ``rollup_id`` is ``all``, a pillar id or a source id.

    Raises:
        InputError: No roll-up has that id; the message lists the ones there are.
    """
    found = _find_rollup(evaluation, rollup_id)
    by_id = {r.id: r for r in evaluation.obligations}
    lines = [f"{found.id}: {found.title}"]
    lines += [_explain_line(by_id[ob_id]) for ob_id in found.obligation_ids]
    lines.append(f"{_RULE}.")
    if found.score is None:
        lines.append("score: none (no obligation counted)")
    else:
        lines.append(
            f"score = 100 x {found.credit:g} / {found.denominator} = {found.score:g}"
            f" ({found.excluded} left out); to target: {found.to_target:g}"
        )
    return lines


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
