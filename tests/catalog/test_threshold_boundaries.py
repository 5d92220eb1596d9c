"""Every threshold in the shipped catalogue, just below, exactly at and just above it.

The cases are generated from the catalogue (tests/catalog/boundaries.py): each threshold
leaf of each citation gets a profile in which it alone decides whether the citation
binds. The expected answer comes from the comparison's words ("more than N": not at N;
"at least N": at N), and the catalogue check ``threshold-contradicts-note`` holds each
comparison to the words its note quotes from the source.
"""

from __future__ import annotations

from typing import Any

import pytest

from csea import load_catalog
from csea.catalog.applicability import applicability
from csea.models import (
    Applicability,
    Catalog,
    CitationState,
    Force,
    ServiceProfile,
    SourceStatus,
)
from tests.catalog.boundaries import Boundary, boundaries

CATALOG = load_catalog()
AS_OF = CATALOG.header.date
ACTIVE = (SourceStatus.IN_FORCE, SourceStatus.VOLUNTARY)
BOUNDARIES = boundaries(CATALOG)
CASES = [(boundary, side) for boundary in BOUNDARIES for side in boundary.profiles]


def _verdict(catalog: Catalog, obligation_id: str, profile: dict[str, Any]) -> Applicability:
    obligation = catalog.obligation(obligation_id)
    assert obligation is not None
    return applicability(catalog, obligation, ServiceProfile.model_validate(profile), AS_OF)


def _strongest(forces: list[Force], anything_binds: bool) -> Force | None:
    """The force rule: the strongest binding citation that asks the thing, else guidance."""
    if forces:
        return min(forces, key=lambda force: force.rank)
    return Force.GUIDANCE if anything_binds else None


def _expected(
    boundary: Boundary, side: str, verdict: Applicability
) -> tuple[bool, bool, Force | None]:
    """In scope, applies, force: the citation under test as its words say, the others as they are."""
    meets = boundary.expected[side]
    tested = verdict.bindings[boundary.citation]
    source = CATALOG.source(tested.source)
    assert source is not None
    active = source.provision_status_on(tested.provision, AS_OF) in ACTIVE
    others = [b for i, b in enumerate(verdict.bindings) if i != boundary.citation]
    binding = [b for b in others if b.state is CitationState.BINDS]
    if meets and active:
        binding.append(tested)
    forces = [b.force for b in binding if b.confers_force]
    return meets, bool(binding), _strongest(forces, bool(binding))


@pytest.mark.parametrize("boundary", BOUNDARIES, ids=str)
def test_each_threshold_can_decide_on_its_own(boundary: Boundary) -> None:
    """A threshold no profile can make decisive is redundant, or its condition is wrong."""
    assert sorted(boundary.profiles) in (["above", "at", "below"], ["at", "below"])


def test_the_generator_found_every_kind_of_threshold() -> None:
    kinds = {boundary.threshold.split("-")[0].split(":")[0] for boundary, _ in CASES}
    assert (len(CASES) >= 150, kinds) == (True, {"users", "risk", "enterprise_size"})


@pytest.mark.parametrize(
    ("boundary", "side"), CASES, ids=[f"{boundary}-{side}" for boundary, side in CASES]
)
def test_a_citation_binds_exactly_as_its_threshold_is_worded(boundary: Boundary, side: str) -> None:
    verdict = _verdict(CATALOG, boundary.obligation, boundary.profiles[side])
    in_scope = verdict.bindings[boundary.citation].state is not CitationState.OUT_OF_SCOPE
    assert (in_scope, verdict.applies, verdict.force) == _expected(boundary, side, verdict)


def _uk_service(gb_users: int, csam_image: str) -> dict[str, Any]:
    return {
        "organisation": "Northwind Clips Ltd",
        "service": "Northwind Clips",
        "kinds": {"present": ["user_to_user"], "absent": "all others"},
        "features": {"present": ["image_upload"], "absent": "all others"},
        "users": {"GB": gb_users},
        "not_offered_in": "all others",
        "established_in": ["GB"],
        "children_likely": True,
        "enterprise_size": "large",
        "designations": {"absent": "all others"},
        "multi_risk": False,
        "risk": {"csam_image": csam_image},
    }


@pytest.mark.parametrize(
    ("obligation", "provision", "profile", "expected"),
    [
        ("BLOCK-01", "C9", _uk_service(700_000, "high"), (False, Force.VOLUNTARY_PRINCIPLE)),
        ("BLOCK-01", "C9", _uk_service(700_001, "high"), (True, Force.REGULATORY_CODE)),
        ("BLOCK-01", "C9", _uk_service(7_000_000, "medium"), (False, Force.VOLUNTARY_PRINCIPLE)),
        ("BLOCK-01", "C9", _uk_service(7_000_001, "medium"), (True, Force.REGULATORY_CODE)),
        ("SBD-10", "A1", _uk_service(7_000_000, "low"), (False, Force.LAW_ENFORCEMENT_DEMAND)),
        ("SBD-10", "A1", _uk_service(7_000_001, "low"), (True, Force.REGULATORY_CODE)),
    ],
    ids=[
        "hash-matching-exactly-700000-high-risk",
        "hash-matching-700001-high-risk",
        "hash-matching-exactly-7000000-medium-risk",
        "hash-matching-7000001-medium-risk",
        "large-service-review-exactly-7000000",
        "large-service-review-7000001",
    ],
)
def test_ofcom_measures_at_exactly_their_user_numbers(
    obligation: str, provision: str, profile: dict[str, Any], expected: tuple[bool, Force]
) -> None:
    """Ofcom's codes say "more than 700,000" and "more than 7 million": the number itself is not enough."""
    verdict = _verdict(CATALOG, obligation, profile)
    (cited,) = [
        b for b in verdict.bindings if (b.source, b.provision) == ("uk.ofcom.icu", provision)
    ]
    assert (cited.state is CitationState.BINDS, verdict.force) == expected
