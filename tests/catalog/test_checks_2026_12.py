"""The catalogue checks added for catalogue 2026.12: honest verification and dated status.

Each test breaks the mini catalogue (tests/conftest.py) in one way and expects exactly the
problem the check reports, with its file, line and id.
"""

from __future__ import annotations

from pathlib import Path

from csea import validate_catalog
from csea.errors import Severity
from tests.conftest import BLOCK_01, GROOM_01, SOURCES_YAML, CatalogFactory

Found = list[tuple[str, str, int | None, str | None, Severity]]


def _problems(root: Path) -> Found:
    return [
        (p.code, Path(p.file or "").name, p.line, p.object_id, p.severity)
        for p in validate_catalog(root)
    ]


def test_mini_catalogue_passes_both_checks(make_catalog: CatalogFactory) -> None:
    assert _problems(make_catalog()) == []


def test_verified_citation_needs_its_locator(make_catalog: CatalogFactory) -> None:
    bare = BLOCK_01.replace(
        "    note: Read in the gov.uk overview of the Voluntary Principles, principle 1.\n", ""
    )
    assert _problems(make_catalog(**{"block/BLOCK-01.yaml": bare})) == [
        ("verified-without-locator", "BLOCK-01.yaml", 18, "BLOCK-01", Severity.WARNING)
    ]


def test_a_note_that_only_mentions_the_text_is_not_a_locator(make_catalog: CatalogFactory) -> None:
    vague = BLOCK_01.replace(
        "Read in the gov.uk overview of the Voluntary Principles, principle 1.",
        "Verified by the research brief.",
    )
    assert [p[0] for p in _problems(make_catalog(**{"block/BLOCK-01.yaml": vague}))] == [
        "verified-without-locator"
    ]


def test_one_provision_has_one_level_across_obligations(make_catalog: CatalogFactory) -> None:
    groom = GROOM_01.replace("provision: p3", "provision: p1").replace(
        "    verification: verified\n    note: Read in the gov.uk overview of the Voluntary "
        "Principles, principle 3.\n",
        "    verification: secondary\n",
    )
    found = _problems(make_catalog(**{"grooming/GROOM-01.yaml": groom}))
    assert found == [
        ("verification-inconsistent", "GROOM-01.yaml", 10, "GROOM-01", Severity.WARNING)
    ]
    (problem,) = validate_catalog(make_catalog(**{"grooming/GROOM-01.yaml": groom}))
    assert "secondary here but verified in BLOCK-01" in problem.message


def test_a_citation_is_never_more_certain_than_its_provision(
    make_catalog: CatalogFactory,
) -> None:
    sources = SOURCES_YAML.replace(
        "      - id: p3\n        title: Combat grooming\n        verification: verified\n",
        "      - id: p3\n        title: Combat grooming\n        verification: secondary\n",
    )
    found = _problems(make_catalog(**{"sources.yaml": sources}))
    assert found == [
        ("verification-inconsistent", "GROOM-01.yaml", 10, "GROOM-01", Severity.WARNING)
    ]


def test_a_commencement_after_the_release_date_cannot_be_the_status(
    make_catalog: CatalogFactory,
) -> None:
    # The catalogue's release date is 2026-11-01: the timeline says in force only from 2027.
    sources = SOURCES_YAML.replace(
        "    timeline:\n      - date: 2023-10-26\n        status: in_force\n",
        "    timeline:\n      - date: 2023-10-26\n        status: adopted_not_in_force\n"
        "        verification: verified\n      - date: 2027-01-01\n        status: in_force\n",
    )
    found = _problems(make_catalog(**{"sources.yaml": sources}))
    assert found == [
        ("status-contradicts-timeline", "sources.yaml", 9, "uk.osa2023", Severity.ERROR)
    ]


def test_a_provision_past_its_commencement_is_not_still_pending(
    make_catalog: CatalogFactory,
) -> None:
    # The 2026.11 catalogue's mistake: a code registered, commenced in March, still "not in force".
    sources = SOURCES_YAML.replace(
        "        in_force: 2026-04-07\n",
        "        in_force: 2026-04-07\n        status: adopted_not_in_force\n",
    )
    (problem,) = validate_catalog(make_catalog(**{"sources.yaml": sources}))
    assert (problem.code, problem.line, problem.object_id, problem.severity) == (
        "status-contradicts-timeline",
        22,
        "uk.osa2023",
        Severity.ERROR,
    )
    assert "s66 is recorded as adopted_not_in_force" in problem.message


def test_a_provision_in_force_cannot_start_after_the_release_date(
    make_catalog: CatalogFactory,
) -> None:
    sources = SOURCES_YAML.replace(
        "        in_force: 2026-04-07\n", "        in_force: 2027-04-07\n        status: in_force\n"
    )
    found = _problems(make_catalog(**{"sources.yaml": sources}))
    assert found == [
        ("status-contradicts-timeline", "sources.yaml", 22, "uk.osa2023", Severity.ERROR)
    ]


def test_a_pending_source_cannot_hold_a_commenced_provision(make_catalog: CatalogFactory) -> None:
    sources = SOURCES_YAML.replace(
        "    status: in_force\n    date: 2023-10-26\n    verification: verified\n"
        "    timeline:\n      - date: 2023-10-26\n        status: in_force\n",
        "    status: adopted_not_in_force\n    date: 2023-10-26\n    verification: verified\n"
        "    timeline:\n      - date: 2023-10-26\n        status: adopted_not_in_force\n",
    )
    (problem,) = validate_catalog(make_catalog(**{"sources.yaml": sources}))
    assert (problem.code, problem.line) == ("status-contradicts-timeline", 22)
    assert "came into force on 2026-04-07" in problem.message


def test_future_dates_on_pending_provisions_are_fine(make_catalog: CatalogFactory) -> None:
    sources = SOURCES_YAML.replace(
        "        in_force: 2026-04-07\n",
        "        in_force: 2027-04-07\n        status: adopted_not_in_force\n",
    )
    assert _problems(make_catalog(**{"sources.yaml": sources})) == []
