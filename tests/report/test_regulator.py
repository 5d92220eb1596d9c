"""The regulator's view: a source's provisions in its own order, and the standing on each."""

from __future__ import annotations

import pytest

from csea.errors import InputError
from csea.evaluation.files import AssessedService
from csea.models import Catalog, Status
from csea.models.evaluation import ObligationResult
from csea.models.vocabulary import Verification
from csea.report.build import ReportOptions, build_report
from csea.report.document import ProvisionAnswer, ProvisionEntry, Standing
from csea.report.regulator import ViewChoice, parse_view, standing
from tests.report.conftest import make_result


@pytest.mark.parametrize(
    ("view", "choice"),
    [
        ("pillar", ViewChoice("pillar")),
        ("source:fx.code", ViewChoice("source", "fx.code")),
        ("regulator:fixture-union", ViewChoice("regulator", "fixture-union")),
    ],
    ids=["pillar", "source", "regulator"],
)
def test_views(catalog: Catalog, view: str, choice: ViewChoice) -> None:
    assert parse_view(view, catalog) == choice


REGULATORS = (
    "regulators: fixture-regulator, fixture-union, fixture-governments, fixture-tools "
    "(use --view regulator:<id>)"
)


@pytest.mark.parametrize(
    ("view", "message"),
    [
        (
            "source:fx.cod",
            "no source 'fx.cod' in catalogue 2026.11; did you mean source:fx.code? " + REGULATORS,
        ),
        (
            "source:fixture-union",
            "no source 'fixture-union' in catalogue 2026.11; did you mean "
            "regulator:fixture-union? " + REGULATORS,
        ),
        (
            "regulator:fixture",
            "no regulator 'fixture' in catalogue 2026.11; did you mean regulator:fixture-regulator "
            "or regulator:fixture-union or regulator:fixture-governments or "
            "regulator:fixture-tools? " + REGULATORS,
        ),
        (
            "source:",
            "unknown view 'source:'; expected 'pillar', 'regulator:<id>' or 'source:<id>'; "
            + REGULATORS,
        ),
        (
            "obligations",
            "unknown view 'obligations'; expected 'pillar', 'regulator:<id>' or 'source:<id>'; "
            + REGULATORS,
        ),
    ],
    ids=["typo", "a-regulator-asked-as-a-source", "partial-name", "empty", "unknown-kind"],
)
def test_bad_views_suggest_and_list_the_regulators_not_every_source(
    catalog: Catalog, view: str, message: str
) -> None:
    with pytest.raises(InputError) as raised:
        parse_view(view, catalog)
    assert [p.message for p in raised.value.problems] == [message]


def test_every_provision_in_the_source_order(catalog: Catalog, pebble: AssessedService) -> None:
    options = ReportOptions(view="source:fx.act")
    [report] = build_report(catalog, [pebble], options).reports
    assert report.source_view is not None
    assert report.source_view.provisions == [
        ProvisionEntry(
            id="s1",
            title="Duty to prevent users encountering known material",
            depth=0,
            verification=Verification.VERIFIED,
            standing=Standing.MET,
            answered_by=[
                ProvisionAnswer(
                    obligation_id="BLOCK-01",
                    title="Hash-match uploaded images against known material",
                    status=Status.IMPLEMENTED,
                )
            ],
            not_applicable_here=[],
        ),
        ProvisionEntry(
            id="s2",
            title="Duties about reporting",
            depth=0,
            verification=Verification.VERIFIED,
            standing=Standing.NOT_COVERED,
            answered_by=[],
            not_applicable_here=[],
        ),
        ProvisionEntry(
            id="s2(1)",
            title="Report detected material to the national agency",
            depth=1,
            verification=Verification.SECONDARY,
            standing=Standing.NOT_MET,
            answered_by=[
                ProvisionAnswer(
                    obligation_id="BLOCK-03",
                    title="Report detected material to the authorities",
                    status=Status.PLANNED,
                )
            ],
            not_applicable_here=[],
        ),
        ProvisionEntry(
            id="s3",
            title="Duties of the regulator",
            depth=0,
            verification=Verification.VERIFIED,
            standing=Standing.NOT_COVERED,
            answered_by=[],
            not_applicable_here=[],
            uncited_reason="A duty on the regulator, not on services.",
        ),
        ProvisionEntry(
            id="s4",
            title="Record-keeping duty",
            depth=0,
            verification=Verification.UNVERIFIED,
            standing=Standing.NOT_COVERED,
            answered_by=[],
            not_applicable_here=[],
        ),
    ]


def test_a_provision_not_yet_in_force(catalog: Catalog, pebble: AssessedService) -> None:
    options = ReportOptions(view="source:fx.code")
    [report] = build_report(catalog, [pebble], options).reports
    assert report.source_view is not None
    c3 = next(p for p in report.source_view.provisions if p.id == "C3")
    assert (c3.standing, c3.answered_by, c3.not_applicable_here) == (
        Standing.UPCOMING,
        [],
        ["GROOM-01"],
    )


def _results(*statuses: Status, credit: float | None = 0.0) -> list[ObligationResult]:
    return [make_result(f"BLOCK-0{i}", s, credit=credit) for i, s in enumerate(statuses, 1)]


@pytest.mark.parametrize(
    ("answering", "cited", "upcoming", "expected"),
    [
        ([], False, False, Standing.NOT_COVERED),
        ([], True, False, Standing.NOT_APPLICABLE),
        ([], True, True, Standing.UPCOMING),
        (_results(Status.IMPLEMENTED, Status.IMPLEMENTED), True, False, Standing.MET),
        (_results(Status.IMPLEMENTED, Status.PLANNED), True, False, Standing.PARTLY_MET),
        (_results(Status.PARTIAL), True, False, Standing.PARTLY_MET),
        (_results(Status.PLANNED, Status.NOT_ASSESSED), True, False, Standing.NOT_MET),
        (_results(Status.NOT_ASSESSED), True, False, Standing.NOT_ASSESSED),
        (_results(Status.NOT_APPLICABLE, credit=None), True, False, Standing.NOT_APPLICABLE),
        (_results(Status.NOT_APPLICABLE), True, False, Standing.NOT_MET),
    ],
    ids=[
        "uncited",
        "cited-not-binding",
        "not-yet-in-force",
        "all-implemented",
        "some-implemented",
        "partial",
        "nothing-in-place",
        "unassessed",
        "justified-na",
        "unjustified-na",
    ],
)
def test_standing(
    answering: list[ObligationResult], cited: bool, upcoming: bool, expected: Standing
) -> None:
    assert standing(answering, cited=cited, upcoming=upcoming) is expected
