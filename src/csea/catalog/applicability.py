"""Which obligations apply to a service, why, and how binding each is for it.

An obligation **applies** to a service when its ``applies_when`` holds for the profile
and at least one of its citations **binds** the service. A citation binds on a date when:

1. its source (or the provision itself) is in force or voluntary on that date, using the
   source's timeline and the provision's ``in_force`` date;
2. the source applies where the service is offered (``INT`` sources apply everywhere);
3. the citation's own ``applies_when`` (a source's size, risk or kind thresholds) holds.

Applicability fails closed. A condition over a fact the profile does not declare (a feature
it neither lists nor rules out, a country it neither gives users for nor rules out...) is
*unknown*, not false. An obligation whose ``applies_when`` is unknown, or that only a citation
of unknown reach binds, is treated as applying and marked ``assumed``, with the facts to declare;
a citation of unknown reach is ``assumed`` to bind, and counts towards the force. Declaring the
facts settles it either way.

The obligation's **force** for the service is the strongest force among the citations
that bind it and that ask what the obligation asks: a citation whose relationship is
``equivalent``, ``part_of`` or ``broader_than``. A provision that only ``overlaps`` the
obligation (typically a general duty that the obligation is one way among several to
meet, such as "take proportionate measures against illegal content") makes the obligation
relevant to the service but gives it no force: the law does not ask that specific thing.
An obligation whose binding citations all merely overlap is good practice for the service
(force ``guidance``). Citations that do not bind yet (adopted, not in force; proposed) are
kept as *upcoming*, so a team sees what is coming.

Many citations share a provision and a condition (Ofcom's codes cite the same measures under
the same user thresholds across many obligations), so for one profile on one date each
distinct citation is judged once and each distinct condition evaluated once. A run over
many services ([Verdicts][csea.catalog.applicability.Verdicts]) shares more: a citation's
binding turns on the profile only through its source's reach and its condition's outcome,
and an obligation's verdict only through its own condition's outcome and its bindings, so
each is worked out once per distinct set of those, and services that differ only in facts
an obligation does not read share its verdict. The results are immutable, so sharing them
changes no answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from csea.catalog.conditions import Trace, evaluate_condition
from csea.catalog.facts import ProfileFacts
from csea.catalog.harms import obligation_harms
from csea.models import (
    Applicability,
    Binding,
    Catalog,
    Citation,
    CitationState,
    Fact,
    Force,
    Harm,
    Obligation,
    ServiceProfile,
    Source,
    SourceStatus,
)
from csea.models.conditions import AllOf, AnyOf, Condition, NotCondition

__all__ = [
    "Verdicts",
    "applicability",
    "applicable_obligations",
    "citation_binding",
    "profile_facts",
]

_ACTIVE = {SourceStatus.IN_FORCE, SourceStatus.VOLUNTARY}


def profile_facts(catalog: Catalog, profile: ServiceProfile) -> ProfileFacts:
    """A profile's facts, three-valued, with the catalogue's kind implications."""
    return ProfileFacts(profile, catalog.implications)


class _Shapes:
    """A number for each distinct condition met: equal conditions get the same number.

    Found by the condition's identity and holding the condition, so a number is never given
    to another object that reuses a freed one's identity.
    """

    def __init__(self) -> None:
        self._known: dict[int, tuple[Condition, int]] = {}
        self._numbers: dict[Hashable, int] = {}

    def number(self, condition: Condition) -> int:
        """The number of the condition's shape."""
        known = self._known.get(id(condition))
        if known is None:
            number = self._numbers.setdefault(_shape(condition), len(self._numbers))
            known = self._known[id(condition)] = (condition, number)
        return known[1]


@dataclass
class _Shared:
    """What the profiles judged on one date share, with the catalogue's citations and conditions.

    Each condition outcome is kept once per value (``keep``), and each binding once per
    citation, reach and outcome, so a verdict is found again by the identities of the outcome
    and bindings it was worked out from. The dictionaries hold what they key on, so no
    identity is reused while they live.
    """

    status: dict[tuple[str, str], SourceStatus] = field(default_factory=dict)
    shapes: _Shapes = field(default_factory=_Shapes)
    traces: dict[Hashable, Trace] = field(default_factory=dict)
    keys: dict[int, Hashable] = field(default_factory=dict)
    bindings: dict[Hashable, Binding] = field(default_factory=dict)
    verdicts: dict[Hashable, Applicability] = field(default_factory=dict)
    citations: dict[int, tuple[Citation, Hashable]] = field(default_factory=dict)

    def citation_key(self, citation: Citation) -> Hashable:
        """A value equal for citations judged alike: source, provision, relationship, condition."""
        known = self.citations.get(id(citation))
        if known is None:
            condition = citation.applies_when
            shape = None if condition is None else self.shapes.number(condition)
            key = (citation.source, citation.provision, citation.relationship, shape)
            known = self.citations[id(citation)] = (citation, key)
        return known[1]

    def keep(self, trace: Trace) -> Trace:
        """The one kept outcome equal to ``trace``, whose parts are kept ones."""
        key = (trace.holds, trace.text, trace.fact, *(self.keys[id(p)] for p in trace.parts))
        kept = self.traces.setdefault(key, trace)
        self.keys[id(kept)] = key
        return kept


@dataclass
class _Memo:
    """What one profile on one date needs many times: each source's reach, each outcome."""

    facts: ProfileFacts
    as_of: dt.date
    shared: _Shared = field(default_factory=_Shared)
    where: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    traces: dict[int, Trace] = field(default_factory=dict)
    bindings: dict[Hashable, Binding] = field(default_factory=dict)

    def trace(self, condition: Condition) -> Trace:
        """How a condition comes out for the profile (each distinct condition evaluated once)."""
        key = self.shared.shapes.number(condition)
        if key not in self.traces:
            outcome = evaluate_condition(condition, self.facts, self.trace)
            self.traces[key] = self.shared.keep(outcome)
        return self.traces[key]

    def binding(self, catalog: Catalog, citation: Citation) -> Binding:
        """Whether a citation binds (each distinct citation of the catalogue judged once)."""
        key = self.shared.citation_key(citation)
        found = self.bindings.get(key)
        if found is None:
            source = catalog.source(citation.source)
            assert source is not None, "the loader guarantees every citation resolves"
            condition = citation.applies_when
            outcome = None if condition is None else id(self.trace(condition))
            value = (key, self.reach(source), outcome)
            found = self.shared.bindings.get(value)
            if found is None:
                found = self.shared.bindings[value] = _binding(catalog, citation, self)
            self.bindings[key] = found
        return found

    def reach(self, source: Source) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The source's jurisdictions where the service is offered, and those not declared."""
        if source.id not in self.where:
            known = [(j, self.facts.offered_in(j)) for j in source.jurisdictions]
            self.where[source.id] = (
                tuple(j for j, offered in known if offered),
                tuple(j for j, offered in known if offered is None),
            )
        return self.where[source.id]

    def status_of(self, source: Source, provision_id: str) -> SourceStatus:
        """The provision's status on the memo's date."""
        key = (source.id, provision_id)
        if key not in self.shared.status:
            self.shared.status[key] = source.provision_status_on(provision_id, self.as_of)
        return self.shared.status[key]


def applicability(
    catalog: Catalog, obligation: Obligation, profile: ServiceProfile, as_of: dt.date
) -> Applicability:
    """Decide whether one obligation applies to a profile on a date, with the reasons."""
    return _applicability(catalog, obligation, _Memo(profile_facts(catalog, profile), as_of))


def _shape(condition: Condition) -> Hashable:
    """A value equal for equal conditions: leaf conditions are frozen models, equal by value."""
    match condition:
        case AllOf(all=parts):
            return ("all", *(_shape(p) for p in parts))
        case AnyOf(any=parts):
            return ("any", *(_shape(p) for p in parts))
        case NotCondition(not_=inner):
            return ("not", _shape(inner))
    return condition


_EVERY = Trace(True, "applies to every service")
"""The outcome of an obligation with no ``applies_when``."""


def _applicability(catalog: Catalog, obligation: Obligation, memo: _Memo) -> Applicability:
    bindings = [memo.binding(catalog, c) for c in obligation.citations]
    trace = _EVERY if obligation.applies_when is None else memo.trace(obligation.applies_when)
    key = (obligation.id, id(trace), *map(id, bindings))
    verdicts = memo.shared.verdicts
    if key not in verdicts:
        verdicts[key] = _verdict(obligation, trace, bindings, memo.as_of)
    return verdicts[key]


def _verdict(
    obligation: Obligation, trace: Trace, bindings: list[Binding], as_of: dt.date
) -> Applicability:
    """The verdict on an obligation, from its condition's outcome and its citations' bindings."""
    binding = [b for b in bindings if b.state.binding]
    sure = [b for b in binding if b.state is CitationState.BINDS]
    applies = trace.holds is not False and bool(binding)
    force, sure_force = _force(binding), _force(sure)
    force_assumed = applies and force is not sure_force
    undeclared = sorted(
        {
            *trace.unknown(),
            *(f for b in binding if _matters(b, sure, sure_force) for f in b.facts),
        }
    )
    return Applicability(
        obligation_id=obligation.id,
        applies=applies,
        reasons=_reasons(trace, binding, as_of),
        force=force if trace.holds is not False else None,
        bindings=bindings,
        assumed=applies and (trace.holds is None or not sure),
        force_assumed=force_assumed,
        undeclared=undeclared if applies else [],
    )


def _matters(binding: Binding, sure: list[Binding], sure_force: Force | None) -> bool:
    """Whether an assumed citation's facts could change whether or how strongly it applies."""
    if binding.state is not CitationState.ASSUMED:
        return False
    if not sure:
        return True
    return binding.confers_force and (sure_force is None or binding.force.rank < sure_force.rank)


def _reasons(trace: Trace, binding: list[Binding], as_of: dt.date) -> list[str]:
    reasons = trace.deciding()
    if trace.holds is False:
        return reasons
    if not binding:
        return [f"none of its sources applies to this service on {as_of.isoformat()}"]
    return [*reasons, *_binding_reasons(binding)]


def _force(binding: list[Binding]) -> Force | None:
    """Strongest force among binding citations that ask what the obligation asks."""
    asking = [b.force for b in binding if b.confers_force]
    if asking:
        return min(asking, key=lambda f: f.rank)
    return Force.GUIDANCE if binding else None


def _binding_reasons(binding: list[Binding]) -> list[str]:
    def names(chosen: list[Binding]) -> str:
        return ", ".join(f"{b.source} {b.provision}" for b in chosen)

    groups = [
        (
            "asked for by",
            [b for b in binding if b.confers_force and b.state is CitationState.BINDS],
        ),
        (
            "asked for by, unless the profile rules it out",
            [b for b in binding if b.confers_force and b.state is CitationState.ASSUMED],
        ),
        (
            "related rules that do not ask this specifically (no force)",
            [b for b in binding if not b.confers_force],
        ),
    ]
    return [f"{label}: {names(chosen)}" for label, chosen in groups if chosen]


def _binding(catalog: Catalog, citation: Citation, memo: _Memo) -> Binding:
    source = catalog.source(citation.source)
    assert source is not None, "the loader guarantees every citation resolves"
    force = source.force_of(citation.provision)

    def result(state: CitationState, why: str, facts: Iterable[Fact] = ()) -> Binding:
        return Binding(
            source=source.id,
            provision=citation.provision,
            force=force,
            relationship=citation.relationship,
            state=state,
            why=why,
            facts=tuple(sorted(set(facts))),
        )

    offered, unknown = memo.reach(source)
    places = ", ".join(source.jurisdictions)
    if not offered and not unknown:
        return result(CitationState.OUT_OF_SCOPE, f"applies in {places}; not offered there")
    facts = [] if offered else [Fact("users", j) for j in unknown]
    doubts = [] if offered else [f"the profile does not say whether it is offered in {places}"]
    if citation.applies_when is not None:
        trace = memo.trace(citation.applies_when)
        if trace.holds is False:
            return result(CitationState.OUT_OF_SCOPE, "; ".join(trace.deciding()))
        if trace.holds is None:
            facts += trace.unknown()
            doubts += trace.deciding()
    status = memo.status_of(source, citation.provision)
    state, why = _dated(status, memo.as_of, offered or unknown)
    if state is CitationState.BINDS and facts:
        return result(CitationState.ASSUMED, f"{why}; assumed: {'; '.join(doubts)}", facts)
    return result(state, why)


def _dated(status: SourceStatus, as_of: dt.date, where: Sequence[str]) -> tuple[CitationState, str]:
    """Whether a provision that reaches the service binds on the date, and why."""
    if status is SourceStatus.LAPSED:
        return CitationState.LAPSED, f"lapsed on or before {as_of.isoformat()}"
    if status not in _ACTIVE:
        label = "not yet in force" if status is SourceStatus.ADOPTED_NOT_IN_FORCE else "proposed"
        return CitationState.UPCOMING, f"{label} on {as_of.isoformat()}"
    return CitationState.BINDS, f"{status.value.replace('_', ' ')} in {', '.join(where)}"


def applicable_obligations(
    catalog: Catalog, profile: ServiceProfile, as_of: dt.date, ids: Iterable[str] | None = None
) -> list[Applicability]:
    """Applicability of every obligation (or of ``ids``) in catalogue order."""
    wanted = set(ids) if ids is not None else None
    return _decide(catalog, _Memo(profile_facts(catalog, profile), as_of), wanted)


def _decide(catalog: Catalog, memo: _Memo, wanted: set[str] | None = None) -> list[Applicability]:
    return [
        _applicability(catalog, ob, memo)
        for ob in catalog.obligations
        if wanted is None or ob.id in wanted
    ]


_DESCRIPTIVE = frozenset({"organisation", "service", "description"})
"""The profile fields no condition reads: profiles that differ only in these share verdicts."""


class Verdicts:
    """The applicability of every obligation of a catalogue on one date, for many profiles.

    A run over many services (a portfolio) asks it for each one; services whose profiles
    differ only in their names and description are decided once. Any other field, including
    one added later, tells two profiles apart; then bindings and verdicts that turn only on
    facts the two profiles share are still worked out once (see the module's description).
    """

    def __init__(self, catalog: Catalog, as_of: dt.date) -> None:
        self.catalog = catalog
        self.as_of = as_of
        self._decided: dict[str, list[Applicability]] = {}
        self._shared = _Shared()
        self._harms: dict[str, list[Harm]] = {}

    def harms(self, obligation: Obligation) -> list[Harm]:
        """The harms an obligation addresses ([obligation_harms][csea.catalog.harms.obligation_harms])."""
        if obligation.id not in self._harms:
            self._harms[obligation.id] = obligation_harms(self.catalog, obligation)
        return self._harms[obligation.id]

    def of(self, profile: ServiceProfile) -> list[Applicability]:
        """What [applicable_obligations][csea.catalog.applicability.applicable_obligations] says."""
        key = profile.model_dump_json(exclude=set(_DESCRIPTIVE))
        if key not in self._decided:
            facts = profile_facts(self.catalog, profile)
            memo = _Memo(facts, self.as_of, self._shared)
            self._decided[key] = _decide(self.catalog, memo)
        return list(self._decided[key])


def citation_binding(
    catalog: Catalog, citation: Citation, profile: ServiceProfile, as_of: dt.date
) -> Binding:
    """Whether one citation binds a service on a date, and why (the rules above).

    For citations outside obligations, such as a review cycle's.
    """
    return _binding(catalog, citation, _Memo(profile_facts(catalog, profile), as_of))
