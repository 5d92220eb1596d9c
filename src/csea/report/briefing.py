"""The first page: what leadership must decide or know, and how the score has moved.

- **Legal duties not met**: obligations that are a legal duty for the service and not
  implemented, in gap order.
- **Overdue plans**: ``planned`` or ``partial`` past their due date, most overdue first.
- **Accepted risks**: ``not_implemented`` with someone who accepted the risk; the answer's
  ``due`` is when the acceptance lapses and must be taken again.
- **Decisions missing**: ``not_implemented`` with no plan and nobody accepting the risk.
- **Assumed applicability**: obligations treated as applying because the profile leaves
  a fact undeclared, with the facts to declare (filled once the evaluation marks them).
- **Not binding**: regulators none of whose sources reach the service on the date.
- **Trend**: the earlier assessments given (``--previous``) and this one, oldest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from csea.models import (
    Answer,
    Catalog,
    Evaluation,
    Force,
    ObligationResult,
    RegulatorKind,
    Status,
)
from csea.report.document import Briefing, DecisionItem, TrendPoint
from csea.report.regulators import force_sources, measured, regulator_names

__all__ = ["Scope", "briefing", "trend"]

Scope = Callable[[ObligationResult], bool]
"""Whether an obligation is in what the report shows (all of them, or one regulator's)."""


def briefing(
    catalog: Catalog,
    evaluation: Evaluation,
    answers: Mapping[str, Answer],
    *,
    scope: Scope,
    history: Sequence[Evaluation] = (),
    whole: bool = True,
) -> Briefing:
    """The first page for one service (``whole``: the pillar view, naming unbound regulators)."""
    asking = force_sources(evaluation)
    order = {g.obligation_id: g.rank for g in evaluation.gaps}
    shown = sorted(
        (r for r in evaluation.obligations if scope(r)),
        key=lambda r: order.get(r.id, len(order) + 1),
    )
    as_of = evaluation.as_of

    def item(result: ObligationResult) -> DecisionItem:
        regulators = regulator_names(catalog, asking.get(result.id, ()))
        return _item(result, regulators, answers.get(result.id), as_of)

    overdue = [r for r in shown if _planned(r) and r.due is not None and r.due < as_of]
    refused = [r for r in shown if r.status is Status.NOT_IMPLEMENTED]
    return Briefing(
        legal_duties_unmet=[
            item(r)
            for r in shown
            if r.force is Force.LEGAL_DUTY and r.status is not Status.IMPLEMENTED
        ],
        overdue_plans=[item(r) for r in sorted(overdue, key=lambda r: (r.due, order.get(r.id, 0)))],
        accepted_risks=[item(r) for r in refused if _accepted(answers.get(r.id))],
        undecided=[item(r) for r in refused if not _accepted(answers.get(r.id))],
        assumed=[],
        not_binding=_not_binding(catalog, evaluation) if whole else [],
        trend=trend([*history, evaluation], scope),
    )


def _planned(result: ObligationResult) -> bool:
    return result.status in (Status.PLANNED, Status.PARTIAL)


def _accepted(answer: Answer | None) -> bool:
    return answer is not None and bool((answer.accepted_by or "").strip())


def _item(
    result: ObligationResult, regulators: list[str], answer: Answer | None, as_of: dt.date
) -> DecisionItem:
    return DecisionItem(
        obligation_id=result.id,
        title=result.title,
        force=result.force,
        status=result.status,
        regulators=regulators,
        owner=result.owner,
        due=result.due,
        overdue=result.due is not None and result.due < as_of,
        accepted_by=answer.accepted_by if answer else None,
        accepted_on=answer.accepted_on if answer else None,
    )


def _not_binding(catalog: Catalog, evaluation: Evaluation) -> list[str]:
    bound = {s for r in evaluation.obligations for s in r.binding_sources}
    return [
        r.name
        for r in catalog.regulator_groups
        if r.kind is not RegulatorKind.INDUSTRY and not bound.intersection(r.sources)
    ]


def trend(evaluations: Sequence[Evaluation], scope: Scope) -> list[TrendPoint]:
    """One point per evaluation, in the order given (oldest first; the last is this one)."""
    points = []
    for index, evaluation in enumerate(evaluations):
        results = [r for r in evaluation.obligations if scope(r)]
        score, weighted = measured(results)
        points.append(
            TrendPoint(
                assessed_on=evaluation.assessed_on or evaluation.as_of,
                current=index == len(evaluations) - 1,
                score=score,
                weighted_score=weighted,
                legal_duties_unmet=sum(
                    1
                    for r in results
                    if r.force is Force.LEGAL_DUTY and r.status is not Status.IMPLEMENTED
                ),
                gaps=sum(1 for g in evaluation.gaps if g.obligation_id in {r.id for r in results}),
            )
        )
    return points
