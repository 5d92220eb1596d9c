"""Standing by regulator: scorecards, the heat map's cells and the legal-duty traffic lights.

A regulator's obligations are the applicable ones any of its sources binds the service to
(the evaluation's verdicts say which). A source makes an obligation a **legal duty** for
the service when one of its citations binds, asks what the obligation asks (not merely
overlaps it) and has the force of a legal duty; so a voluntary source never counts legal
duties, and the count on a regulator is the duties its own law lays on the service.
Scores are measured only where something was assessed: a group whose obligations are all
``not_assessed`` has no score, not 0.0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from csea.evaluation.scoring import score_of, weighted_score
from csea.models import (
    Catalog,
    CitationState,
    Evaluation,
    Force,
    ObligationResult,
    Regulator,
    RegulatorKind,
    Status,
)
from csea.report.document import DutyLight, PillarCell, RegulatorCard
from csea.report.regulator import standing

__all__ = [
    "duty_lights",
    "duty_sources",
    "force_sources",
    "measured",
    "regulator_cards",
    "regulator_names",
]


def measured(results: Sequence[ObligationResult]) -> tuple[float | None, float | None]:
    """Score and weighted score over results; both None when nothing counted was assessed."""
    counted = [r for r in results if r.credit is not None]
    if all(r.status is Status.NOT_ASSESSED for r in counted):
        return None, None
    score = score_of(sum(r.credit or 0.0 for r in counted), len(counted))
    return score, weighted_score(counted).score


def force_sources(evaluation: Evaluation) -> dict[str, set[str]]:
    """Obligation id -> the sources that give it its force for the service.

    Those whose citation binds, asks what the obligation asks (not merely overlaps it) and
    has the obligation's force; when every binding citation only overlaps (force
    ``guidance``), every binding source.
    """
    applicable = {r.id: r for r in evaluation.obligations}
    found: dict[str, set[str]] = {}
    for verdict in evaluation.verdicts:
        result = applicable.get(verdict.obligation_id)
        if result is None:
            continue
        binding = [b for b in verdict.bindings if b.state is CitationState.BINDS]
        strongest = {b.source for b in binding if b.confers_force and b.force is result.force}
        found[result.id] = strongest or {b.source for b in binding}
    return found


def duty_sources(evaluation: Evaluation) -> dict[str, set[str]]:
    """Obligation id -> the sources that make it a legal duty for the service."""
    legal = {r.id for r in evaluation.obligations if r.force is Force.LEGAL_DUTY}
    return {ob_id: s for ob_id, s in force_sources(evaluation).items() if ob_id in legal}


def _members(regulator: Regulator, results: Sequence[ObligationResult]) -> list[ObligationResult]:
    own = set(regulator.sources)
    return [r for r in results if own.intersection(r.binding_sources)]


def regulator_names(catalog: Catalog, sources: Iterable[str]) -> list[str]:
    """The names of the regulators these sources belong to, in the catalogue's order."""
    return [r.name for r in _regulators_of(catalog, sources)]


def _regulators_of(catalog: Catalog, sources: Iterable[str]) -> list[Regulator]:
    """The regulators these sources belong to, in the catalogue's order."""
    found = {regulator.id for s in sources if (regulator := catalog.regulator_of(s))}
    return [r for r in catalog.regulator_groups if r.id in found]


def regulator_cards(catalog: Catalog, evaluation: Evaluation) -> list[RegulatorCard]:
    """A card per regulator whose sources bind the service to at least one obligation."""
    duties = duty_sources(evaluation)
    cards = []
    for regulator in catalog.regulator_groups:
        members = _members(regulator, evaluation.obligations)
        if members:
            cards.append(_card(catalog, regulator, members, duties))
    return cards


def _card(
    catalog: Catalog,
    regulator: Regulator,
    members: list[ObligationResult],
    duties: dict[str, set[str]],
) -> RegulatorCard:
    own = set(regulator.sources)
    dutied = [r for r in members if own & duties.get(r.id, set())]
    no_duty = regulator.kind is RegulatorKind.INDUSTRY or not dutied
    score, weighted = measured(members)
    binding = {s for r in members for s in r.binding_sources}
    return RegulatorCard(
        id=regulator.id,
        name=regulator.name,
        title=regulator.title,
        kind=regulator.kind,
        sources=[s for s in regulator.sources if s in binding],
        applicable=len(members),
        counts={s: sum(1 for r in members if r.status is s) for s in Status},
        score=score,
        weighted_score=weighted,
        legal_duties=None if no_duty else len(dutied),
        legal_duties_unmet=None if no_duty else _unmet(dutied),
        pillars=[_cell(p.id, [r for r in members if r.pillar == p.id]) for p in catalog.pillars],
    )


def _unmet(results: Sequence[ObligationResult]) -> int:
    return sum(1 for r in results if r.status is not Status.IMPLEMENTED)


def _cell(pillar_id: str, results: list[ObligationResult]) -> PillarCell:
    return PillarCell(
        pillar=pillar_id,
        applicable=len(results),
        implemented=sum(1 for r in results if r.status is Status.IMPLEMENTED),
        standing=standing(results, cited=True, upcoming=False),
    )


def source_duties_unmet(
    source_id: str, results: Sequence[ObligationResult], duties: dict[str, set[str]]
) -> int | None:
    """Legal duties a source lays on the service that are not implemented; None if it lays none."""
    dutied = [r for r in results if source_id in duties.get(r.id, set())]
    return _unmet(dutied) if dutied else None


def duty_lights(
    catalog: Catalog, evaluation: Evaluation, order: Sequence[str] = ()
) -> list[DutyLight]:
    """Every legal duty for the service, with the regulators whose law makes it one.

    Obligations listed in ``order`` (the gap ranking) come first, in that order; the rest
    follow in catalogue order.
    """
    duties = duty_sources(evaluation)
    rank = {ob_id: index for index, ob_id in enumerate(order)}
    dutied = [r for r in evaluation.obligations if r.id in duties]
    dutied.sort(key=lambda r: rank.get(r.id, len(rank)))
    return [
        DutyLight(
            obligation_id=r.id,
            title=r.title,
            status=r.status,
            regulators=_duty_regulators(catalog, duties[r.id]),
        )
        for r in dutied
    ]


def _duty_regulators(catalog: Catalog, sources: set[str]) -> list[str]:
    return [r.id for r in _regulators_of(catalog, sources)]
