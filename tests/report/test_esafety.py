"""The eSafety notice response skeleton: the Determination's sections in order, confirmed or not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from csea.catalog.loader import load_catalog
from csea.evaluation.files import assess_files
from csea.report.esafety import build_notice_response, is_bose
from csea.report.rows import Standing
from tests.report.filings import assess

ROOT = Path(__file__).resolve().parents[2]
DIVISION_3 = "Part 2, Division 3: Expectations regarding certain material and activity"
DIVISION_4 = "Part 2, Division 4: Expectations regarding reports and complaints"


def test_sections_come_in_the_instruments_order_with_their_division(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    response = build_notice_response(catalog, service)
    rows = [
        (p.source, s.provision.id, s.division, s.confirmed, s.provision.standing)
        for p in response.parts
        for s in p.sections
    ]
    assert rows == [
        ("au.bose2022", "s11", DIVISION_3, True, Standing.MET),
        ("au.bose2022", "s13", DIVISION_4, True, Standing.MET),
        ("au.bose2022", "s18", None, False, Standing.NOT_COVERED),
        ("au.bose2024", "best-interests", None, False, Standing.PARTLY_MET),
    ]


def test_each_section_carries_the_obligations_answering_it(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path)
    response = build_notice_response(catalog, service)
    answered = {
        s.provision.id: [(a.obligation_id, a.status.value) for a in s.provision.answered_by]
        for p in response.parts
        for s in p.sections
    }
    assert answered == {
        "s11": [("BLOCK-01", "implemented")],
        "s13": [("BLOCK-02", "implemented")],
        "s18": [],
        "best-interests": [("GROOM-01", "partial")],
    }


def test_a_service_not_offered_in_australia_is_told_so(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path, users={"GB": 1000}, not_offered_in="all others")
    response = build_notice_response(catalog, service)
    assert (response.au_users, [p.binds for p in response.parts]) == (False, [False, False])


def test_a_profile_silent_about_australia_leaves_it_not_declared(tmp_path: Path) -> None:
    catalog, service = assess(tmp_path, users={"GB": 1000})
    assert build_notice_response(catalog, service).au_users is None


def test_is_bose_finds_the_determination_and_its_amendment() -> None:
    catalog = load_catalog(ROOT / "obligations")
    assert [s.id for s in catalog.sources if is_bose(s)] == ["au.bose2022", "au.bose2024"]


def test_vidora_skeleton_covers_every_bose_section_the_catalogue_cites() -> None:
    """The issue's acceptance test, against the shipped catalogue and example."""
    catalog = load_catalog(ROOT / "obligations")
    [service] = assess_files(
        catalog, [ROOT / "examples/vidora/assessment.yaml"], as_of=dt.date(2026, 11, 20)
    )
    cited = [
        (c.source, c.provision)
        for o in catalog.obligations
        for c in o.citations
        if c.source in ("au.bose2022", "au.bose2024")
    ]
    response = build_notice_response(catalog, service)
    shown = [(p.source, s.provision.id) for p in response.parts for s in p.sections]
    listed = [(s.id, p.id) for s in catalog.sources if is_bose(s) for p in s.provisions]
    assert (shown, set(cited) - set(shown)) == (listed, set())
