"""Review cycles: read from review-cycles.yaml, checked, and applied to a service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from csea import load_catalog, load_profile, validate_catalog
from csea.catalog.cycles import cycles_for, governing_cycle, next_review
from csea.models import ReviewCycle, ServiceProfile
from tests.conftest import CatalogFactory
from tests.evaluation.factories import PROFILE

AS_OF = dt.date(2026, 11, 20)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

CYCLES = """\
cycles:
  - id: uk-review
    title: Keep the risk assessment up to date
    period_months: 12
    before_significant_change: true
    citations:
      - source: uk.osa2023
        provision: s10
        relationship: part_of
        verification: secondary
        applies_when:
          kind: user_to_user
    basis:
      title: A guidance page
      issuer: A regulator
      url: https://regulator.example.invalid/guidance
      locator: section "Reviews"
      quote: review it at least every 12 months
      verification: verified
  - id: voluntary-review
    title: Look again every two years
    period_months: 24
    citations:
      - source: vol.vp2020
        provision: p1
        relationship: overlaps
        verification: verified
        note: Read in the principles, p1.
"""


def _profile(**changes: object) -> ServiceProfile:
    return ServiceProfile.model_validate(PROFILE | changes)


def test_the_cycles_are_read_with_the_catalogue(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(make_catalog(**{"review-cycles.yaml": CYCLES}))
    assert [(c.id, c.period_months) for c in catalog.review_cycles] == [
        ("uk-review", 12),
        ("voluntary-review", 24),
    ]


def test_a_catalogue_without_the_file_has_no_cycles(make_catalog: CatalogFactory) -> None:
    assert load_catalog(make_catalog()).review_cycles == []


def _problems(root: Path) -> list[tuple[str, int | None, str | None, str]]:
    return [(p.code, p.line, p.object_id, p.message.split(";")[0]) for p in validate_catalog(root)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CYCLES.replace("provision: s10", "provision: s99"),
            [("unknown-provision", 8, "uk-review", "'s99' is not a provision of uk.osa2023")],
        ),
        (
            CYCLES.replace("source: vol.vp2020", "source: vol.vp2099"),
            [("unknown-source", 24, "voluntary-review", "unknown source 'vol.vp2099'")],
        ),
        (
            CYCLES.replace(
                "verification: verified\n        note:", "verification: secondary\n        note:"
            ),
            [
                (
                    "missing-field",
                    20,
                    "voluntary-review",
                    "no citation is verified, so say where the period is stated ('basis')",
                )
            ],
        ),
    ],
    ids=["unknown-provision", "unknown-source", "no-basis"],
)
def test_cycles_are_checked_with_their_lines(
    make_catalog: CatalogFactory, text: str, expected: list[tuple[str, int, str, str]]
) -> None:
    assert _problems(make_catalog(**{"review-cycles.yaml": text})) == expected


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        (_profile(), ["uk-review", "voluntary-review"]),
        (_profile(kinds={"present": ["search"], "absent": "all others"}), ["voluntary-review"]),
        (_profile(kinds=["search"]), ["uk-review", "voluntary-review"]),
        (_profile(users={"FR": 1000}, established_in=["FR"]), []),
    ],
    ids=[
        "gb-user-to-user",
        "gb-search",
        "gb-search-other-kinds-undeclared",
        "no-users-where-they-bind",
    ],
)
def test_a_cycle_applies_when_a_citation_binds(
    make_catalog: CatalogFactory, profile: ServiceProfile, expected: list[str]
) -> None:
    catalog = load_catalog(make_catalog(**{"review-cycles.yaml": CYCLES}))
    assert [c.id for c in cycles_for(catalog, profile, AS_OF)] == expected


def test_the_shortest_cycle_governs(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(make_catalog(**{"review-cycles.yaml": CYCLES}))
    elsewhere = _profile(users={"FR": 1}, established_in=["FR"])
    found = [governing_cycle(catalog, p, AS_OF) for p in (_profile(), elsewhere)]
    assert [c.id if c else None for c in found] == ["uk-review", None]


@pytest.mark.parametrize(
    ("last", "months", "expected"),
    [
        (dt.date(2025, 11, 20), 12, dt.date(2026, 11, 20)),
        (dt.date(2024, 2, 29), 12, dt.date(2025, 2, 28)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
    ],
    ids=["a-year", "leap-day", "month-end", "over-new-year"],
)
def test_next_review(last: dt.date, months: int, expected: dt.date) -> None:
    cycle = ReviewCycle.model_validate(
        {
            "id": "c",
            "title": "t",
            "period_months": months,
            "citations": [
                {
                    "source": "s",
                    "provision": "p",
                    "relationship": "part_of",
                    "verification": "verified",
                }
            ],
        }
    )
    assert next_review(last, cycle) == expected


def test_the_shipped_cycles_apply_to_the_examples() -> None:
    catalog = load_catalog()
    found = {
        name: [
            c.id for c in cycles_for(catalog, load_profile(EXAMPLES / name / "profile.yaml"), AS_OF)
        ]
        for name in ("vidora", "hush", "loco-lines")
    }
    assert found == {
        "vidora": ["uk-illegal-content-risk-assessment", "eu-systemic-risk-assessment"],
        "hush": ["uk-illegal-content-risk-assessment"],
        "loco-lines": ["uk-illegal-content-risk-assessment"],
    }


def test_the_uk_period_says_where_it_is_stated() -> None:
    [uk] = [c for c in load_catalog().review_cycles if c.id == "uk-illegal-content-risk-assessment"]
    assert uk.basis is not None
    assert (uk.period_months, uk.basis.issuer, "12 months" in uk.basis.quote) == (12, "Ofcom", True)
