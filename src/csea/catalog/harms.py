"""Which harms an obligation addresses, and the profile's risk level for them.

The harms an obligation addresses are the ones its own risk conditions name (its
``applies_when`` and its citations' conditions: Ofcom's measures switch on at a risk level
for one kind of harm), or, when it names none, the harms its pillar lists in
``catalog.yaml``. The profile's risk level for them is the highest it declares among them;
a harm the profile does not declare counts as **high**: an unknown risk is not a low one
(the same fail-closed rule as applicability). The level ranks gaps
([csea.evaluation.gaps][]) and weights the score ([csea.evaluation.scoring][]).
"""

from __future__ import annotations

from collections.abc import Iterator

from csea.models import Catalog, Harm, Obligation, RiskBasis, RiskLevel, ServiceProfile
from csea.models.conditions import AllOf, AnyOf, Condition, NotCondition, RiskAtLeast

__all__ = ["harm_words", "obligation_harms", "risk_basis"]

_HARM_WORDS = {
    Harm.CSAM_IMAGE: "abuse images",
    Harm.CSAM_URL: "abuse-material URLs",
    Harm.LIVESTREAMED_ABUSE: "live-streamed abuse",
}


def harm_words(harm: Harm) -> str:
    """A harm in words for a sentence (``csam_image`` -> ``abuse images``)."""
    return _HARM_WORDS.get(harm, harm.value.replace("_", " "))


def obligation_harms(catalog: Catalog, obligation: Obligation) -> list[Harm]:
    """The harms an obligation addresses, in the vocabulary's order (see the module docstring)."""
    conditions = [obligation.applies_when, *(c.applies_when for c in obligation.citations)]
    named = {harm for condition in conditions for harm in _named(condition)}
    if not named:
        pillar = catalog.pillar(obligation.pillar)
        named = set(pillar.harms) if pillar else set()
    return [harm for harm in Harm if harm in named]


def _named(condition: Condition | None) -> Iterator[Harm]:
    match condition:
        case AllOf(all=parts) | AnyOf(any=parts):
            for part in parts:
                yield from _named(part)
        case NotCondition(not_=part):
            yield from _named(part)
        case RiskAtLeast(risk=threshold):
            yield threshold.harm
        case _:
            return


def risk_basis(profile: ServiceProfile, harms: list[Harm]) -> RiskBasis | None:
    """The profile's risk level for these harms; None when there are none.

    The highest declared level wins; an undeclared harm counts as high, and among equals
    the first harm (in the vocabulary's order) is named, a declared one before an
    undeclared one.
    """
    if not harms:
        return None
    candidates = [
        (profile.risk.get(harm, RiskLevel.HIGH), harm in profile.risk, harm) for harm in harms
    ]
    level, declared, harm = max(candidates, key=lambda c: (c[0].rank, c[1], -harms.index(c[2])))
    return RiskBasis(harms=harms, harm=harm, level=level, declared=declared)
