"""Which harms an obligation addresses, and the profile's risk level for them (csea.catalog.harms)."""

from __future__ import annotations

import pytest

from csea import load_catalog
from csea.catalog.harms import harm_words, obligation_harms, risk_basis
from csea.models import Harm, RiskBasis, RiskLevel, ServiceProfile
from tests.conftest import BLOCK_01, CATALOG_YAML, CatalogFactory

WITH_HARMS = CATALOG_YAML.replace(
    "    title: Block on detection\n",
    "    title: Block on detection\n    harms: [csam_image, csam_url]\n",
)
RISKY = BLOCK_01.replace(
    "    - feature: image_upload\n",
    "    - feature: image_upload\n    - risk: {harm: csam_url, at_least: medium}\n",
)


def _harms(make_catalog: CatalogFactory, **files: str) -> list[Harm]:
    catalog = load_catalog(make_catalog(**files))
    obligation = catalog.obligation("BLOCK-01")
    assert obligation is not None
    return obligation_harms(catalog, obligation)


@pytest.mark.parametrize(
    ("files", "harms"),
    [
        ({}, []),
        ({"catalog.yaml": WITH_HARMS}, [Harm.CSAM_IMAGE, Harm.CSAM_URL]),
        ({"catalog.yaml": WITH_HARMS, "block/BLOCK-01.yaml": RISKY}, [Harm.CSAM_URL]),
    ],
    ids=["none-named", "from-the-pillar", "its-own-risk-condition"],
)
def test_harms_of_an_obligation(
    make_catalog: CatalogFactory, files: dict[str, str], harms: list[Harm]
) -> None:
    assert _harms(make_catalog, **files) == harms


def profile(**risk: str) -> ServiceProfile:
    return ServiceProfile.model_validate(
        {
            "organisation": "Org",
            "service": "Service",
            "kinds": ["user_to_user"],
            "users": {"GB": 10},
            "established_in": ["GB"],
            "children_likely": True,
            "risk": risk,
        }
    )


BOTH = [Harm.CSAM_IMAGE, Harm.GROOMING]


@pytest.mark.parametrize(
    ("risk", "harms", "expected"),
    [
        ({}, [], None),
        (
            {"csam_image": "low", "grooming": "medium"},
            BOTH,
            RiskBasis(harms=BOTH, harm=Harm.GROOMING, level=RiskLevel.MEDIUM, declared=True),
        ),
        (
            {"csam_image": "low"},
            BOTH,
            RiskBasis(harms=BOTH, harm=Harm.GROOMING, level=RiskLevel.HIGH, declared=False),
        ),
        (
            {"csam_image": "high"},
            BOTH,
            RiskBasis(harms=BOTH, harm=Harm.CSAM_IMAGE, level=RiskLevel.HIGH, declared=True),
        ),
    ],
    ids=["no-harm", "highest-declared", "undeclared-counts-as-high", "declared-before-undeclared"],
)
def test_risk_basis(risk: dict[str, str], harms: list[Harm], expected: RiskBasis | None) -> None:
    assert risk_basis(profile(**risk), harms) == expected


def test_harm_words() -> None:
    named = [Harm.CSAM_IMAGE, Harm.CSAM_URL, Harm.LIVESTREAMED_ABUSE, Harm.INTIMATE_IMAGE_ABUSE]
    assert [harm_words(h) for h in named] == [
        "abuse images",
        "abuse-material URLs",
        "live-streamed abuse",
        "intimate image abuse",
    ]
