"""Each citation of an obligation: whether it binds the service on a date, its force and why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from csea import ServiceProfile, load_catalog
from csea.catalog.applicability import applicability, applicable_obligations
from csea.models import Applicability
from tests.conftest import SOURCES_YAML, CatalogFactory

DAY = dt.date(2026, 11, 21)
S10 = "      - id: s10\n        title: Safety duties about illegal content\n"


def profile(**changes: Any) -> ServiceProfile:
    base: dict[str, Any] = {
        "organisation": "Example Org",
        "service": "Example",
        "kinds": ["user_to_user"],
        "features": ["image_upload"],
        "users": {"GB": 800_000},
        "established_in": ["GB"],
        "children_likely": True,
    }
    return ServiceProfile.model_validate(base | changes)


def verdict(root: Path, service: ServiceProfile, ob: str = "BLOCK-01") -> Applicability:
    catalog = load_catalog(root)
    obligation = catalog.obligation(ob)
    assert obligation is not None
    return applicability(catalog, obligation, service, DAY)


def citations(result: Applicability) -> list[tuple[str, str, str, str]]:
    return [(b.source, b.force, b.state, b.why) for b in result.bindings]


@pytest.mark.parametrize(
    ("s10", "expected"),
    [
        (
            "",
            ("uk.osa2023", "legal_duty", "binds", "in force in GB"),
        ),
        (
            "        force: regulatory_code\n",
            ("uk.osa2023", "regulatory_code", "binds", "in force in GB"),
        ),
        (
            "        status: lapsed\n",
            ("uk.osa2023", "legal_duty", "lapsed", "lapsed on or before 2026-11-21"),
        ),
        (
            "        status: proposed\n",
            ("uk.osa2023", "legal_duty", "upcoming", "proposed on 2026-11-21"),
        ),
        (
            "        in_force: 2027-01-01\n",
            ("uk.osa2023", "legal_duty", "upcoming", "not yet in force on 2026-11-21"),
        ),
    ],
    ids=["in-force", "provision-force", "lapsed", "proposed", "not-yet-in-force"],
)
def test_a_citation_binds_or_says_why_not(
    make_catalog: CatalogFactory, s10: str, expected: tuple[str, str, str, str]
) -> None:
    sources = SOURCES_YAML.replace(S10, S10 + s10)
    result = verdict(make_catalog(**{"sources.yaml": sources}), profile())
    assert citations(result) == [
        expected,
        ("vol.vp2020", "voluntary_principle", "binds", "voluntary in GB"),
    ]


@pytest.mark.parametrize(
    ("ids", "expected"),
    [(None, ["BLOCK-01", "GROOM-01"]), (["GROOM-01"], ["GROOM-01"]), ([], [])],
    ids=["all", "one", "none"],
)
def test_applicable_obligations_for_the_ids_asked(
    make_catalog: CatalogFactory, ids: list[str] | None, expected: list[str]
) -> None:
    catalog = load_catalog(make_catalog())
    results = applicable_obligations(catalog, profile(), DAY, ids)
    assert [r.obligation_id for r in results] == expected


def test_a_citation_binds_in_every_jurisdiction_the_service_has_users_in(
    make_catalog: CatalogFactory,
) -> None:
    result = verdict(make_catalog(), profile(users={"US": 5, "GB": 10, "BR": 1}), "GROOM-01")
    assert citations(result) == [
        ("vol.vp2020", "voluntary_principle", "binds", "voluntary in GB, US")
    ]
