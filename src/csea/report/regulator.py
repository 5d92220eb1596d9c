"""The regulator's view: one source's provisions, in its own order, and the standing on each.

A provision is answered by the applicable obligations whose citation of it binds the
service, as the evaluation decided (the verdicts it keeps). Its standing sums up their
statuses; a provision no obligation cites is shown as not covered (with the catalogue's
reason, when ``uncited.yaml`` gives one), so a team sees the whole source, not only the
parts the catalogue maps.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import NoReturn, Protocol

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import (
    Applicability,
    Catalog,
    CitationState,
    Evaluation,
    ObligationResult,
    Provision,
    Source,
    Status,
)
from csea.report.document import ProvisionAnswer, ProvisionEntry, SourceView, Standing

__all__ = ["Scored", "parse_view", "source_view", "standing"]


class Scored(Protocol):
    """An answered obligation as [standing][csea.report.regulator.standing] reads it."""

    @property
    def status(self) -> Status:
        """The team's status."""
        ...

    @property
    def credit(self) -> float | None:
        """Its credit; None when left out of scores (justified not_applicable)."""
        ...


_VIEW_PREFIX = "source:"


def parse_view(view: str, catalog: Catalog) -> str | None:
    """The source id of a ``source:<id>`` view, or None for the ``pillar`` view.

    Raises:
        InputError: Neither ``pillar`` nor ``source:<id>`` of a source in the catalogue.
    """
    if view == "pillar":
        return None
    if not view.startswith(_VIEW_PREFIX):
        _bad_view(f"unknown view '{view}'; expected 'pillar' or 'source:<source id>'")
    source_id = view.removeprefix(_VIEW_PREFIX)
    known = [s.id for s in catalog.sources]
    if source_id not in known:
        close = difflib.get_close_matches(source_id, known, n=3)
        hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(known)}"
        _bad_view(f"no source '{source_id}' in catalogue {catalog.version}; {hint}")
    return source_id


def _bad_view(message: str) -> NoReturn:
    raise InputError(
        [Problem(code=ProblemCode.UNKNOWN_VIEW, message=message, field="--view")], message
    )


def source_view(catalog: Catalog, evaluation: Evaluation, source_id: str) -> SourceView:
    """Every provision of a source with the status of the obligations answering it."""
    source = catalog.source(source_id)
    assert source is not None, "parse_view has checked the id"
    states = _citation_states(evaluation.verdicts, source_id)
    results = {r.id: r for r in evaluation.obligations}
    uncited = {u.provision: u.reason for u in catalog.uncited if u.source == source_id}
    return SourceView(
        id=source.id,
        title=source.title,
        issuer=source.issuer,
        force=source.force,
        status=source.status,
        jurisdictions=source.jurisdictions,
        binds=any(source.id in r.binding_sources for r in evaluation.obligations),
        provisions=[
            _provision(source, p, states.get(p.id, {}), results, uncited.get(p.id))
            for p in source.provisions
        ],
    )


def _citation_states(
    verdicts: Sequence[Applicability], source_id: str
) -> dict[str, dict[str, CitationState]]:
    """Provision id -> {obligation id: state of its citation}, for one source's citations."""
    states: dict[str, dict[str, CitationState]] = {}
    for verdict in verdicts:
        for binding in verdict.bindings:
            if binding.source == source_id:
                states.setdefault(binding.provision, {})[verdict.obligation_id] = binding.state
    return states


def _provision(
    source: Source,
    provision: Provision,
    states: dict[str, CitationState],
    results: dict[str, ObligationResult],
    uncited_reason: str | None,
) -> ProvisionEntry:
    """One provision's row; ``states`` maps each obligation citing it to its citation's state."""
    answering = [
        results[ob_id]
        for ob_id, state in states.items()
        if state is CitationState.BINDS and ob_id in results
    ]
    answered = {r.id for r in answering}
    others = [ob_id for ob_id in states if ob_id not in answered]
    upcoming = any(s is CitationState.UPCOMING for s in states.values())
    return ProvisionEntry(
        id=provision.id,
        title=provision.title,
        depth=_depth(source, provision.id),
        verification=provision.verification,
        standing=standing(answering, cited=bool(states), upcoming=upcoming),
        answered_by=[
            ProvisionAnswer(obligation_id=r.id, title=r.title, status=r.status) for r in answering
        ],
        not_applicable_here=others,
        uncited_reason=None if states else uncited_reason,
    )


def _depth(source: Source, provision_id: str) -> int:
    depth, seen = 0, {provision_id}
    current = source.provision(provision_id)
    while current is not None and current.part_of and current.part_of not in seen:
        seen.add(current.part_of)
        depth += 1
        current = source.provision(current.part_of)
    return depth


def standing(answering: Sequence[Scored], *, cited: bool, upcoming: bool) -> Standing:
    """How the service stands against a provision, from the obligations answering it.

    Args:
        answering: The applicable obligations whose citation of the provision binds.
        cited: Whether any obligation in the catalogue cites the provision.
        upcoming: Whether a citation of it would bind but is not in force yet.
    """
    if not cited:
        return Standing.NOT_COVERED
    statuses = {r.status for r in answering if r.credit is not None}
    if not statuses:
        return Standing.UPCOMING if upcoming and not answering else Standing.NOT_APPLICABLE
    if statuses == {Status.IMPLEMENTED}:
        return Standing.MET
    if statuses & {Status.IMPLEMENTED, Status.PARTIAL}:
        return Standing.PARTLY_MET
    if statuses == {Status.NOT_ASSESSED}:
        return Standing.NOT_ASSESSED
    return Standing.NOT_MET
