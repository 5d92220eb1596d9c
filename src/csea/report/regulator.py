"""The regulator's view: a source's provisions, in its own order, and the standing on each.

``--view source:<id>`` shows one source; ``--view regulator:<id>`` shows every source of
one regulator (``obligations/regulators.yaml``), one after the other.

A provision is answered by the applicable obligations whose citation of it binds the
service, as the evaluation decided (the verdicts it keeps). Its standing sums up their
statuses; a provision no obligation cites is shown as not covered (with the catalogue's
reason, when ``uncited.yaml`` gives one), so a team sees the whole source, not only the
parts the catalogue maps.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NoReturn, Protocol

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
from csea.report.document import (
    ProvisionAnswer,
    ProvisionEntry,
    RegulatorView,
    SourceView,
    Standing,
)

__all__ = ["Scored", "ViewChoice", "parse_view", "regulator_view", "source_view", "standing"]


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


@dataclass(frozen=True)
class ViewChoice:
    """What ``--view`` asked for: every obligation by pillar, one regulator, or one source."""

    kind: Literal["pillar", "regulator", "source"]
    """Which view."""
    id: str | None = None
    """The regulator or source id (None for ``pillar``)."""


def parse_view(view: str, catalog: Catalog) -> ViewChoice:
    """The view ``--view`` names: ``pillar``, ``regulator:<id>`` or ``source:<id>``.

    Raises:
        InputError: Not one of those, or an id the catalogue does not have; the message
            suggests the closest ids and lists the regulators (never every source).
    """
    if view == "pillar":
        return ViewChoice("pillar")
    kind, _, wanted = view.partition(":")
    if kind not in ("regulator", "source") or not wanted:
        _bad_view(
            f"unknown view '{view}'; expected 'pillar', 'regulator:<id>' or 'source:<id>'; "
            f"{_regulator_list(catalog)}"
        )
    if kind == "regulator" and catalog.regulator(wanted) is None:
        _bad_view(
            f"no regulator '{wanted}' in catalogue {catalog.version}; {_hint(wanted, catalog)}"
        )
    if kind == "source" and catalog.source(wanted) is None:
        _bad_view(f"no source '{wanted}' in catalogue {catalog.version}; {_hint(wanted, catalog)}")
    return ViewChoice("regulator" if kind == "regulator" else "source", wanted)


def _hint(wanted: str, catalog: Catalog) -> str:
    """'did you mean ...?' (regulators first, then sources), then the list of regulators."""
    views: dict[str, str] = {}
    for regulator in catalog.regulator_groups:
        views[regulator.id] = views[regulator.name.lower()] = f"regulator:{regulator.id}"
    for source in catalog.sources:
        views.setdefault(source.id, f"source:{source.id}")
    key = wanted.lower()
    if key in views:
        close = [key]
    else:
        close = difflib.get_close_matches(key, list(views), n=3, cutoff=0.75)
        close += [name for name in views if len(key) > 2 and key in name]
    suggestions = list(dict.fromkeys(views[name] for name in close))[:4]
    mean = f"did you mean {' or '.join(suggestions)}? " if suggestions else ""
    return mean + _regulator_list(catalog)


def _regulator_list(catalog: Catalog) -> str:
    names = ", ".join(r.id for r in catalog.regulator_groups)
    return f"regulators: {names} (use --view regulator:<id>)"


def _bad_view(message: str) -> NoReturn:
    raise InputError(
        [Problem(code=ProblemCode.UNKNOWN_VIEW, message=message, field="--view")], message
    )


def regulator_view(catalog: Catalog, evaluation: Evaluation, regulator_id: str) -> RegulatorView:
    """Every provision of every source of one regulator, with the standing on each."""
    regulator = catalog.regulator(regulator_id)
    assert regulator is not None, "parse_view has checked the id"
    return RegulatorView(
        id=regulator.id,
        name=regulator.name,
        title=regulator.title,
        description=regulator.description,
        sources=[source_view(catalog, evaluation, s) for s in regulator.sources],
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
