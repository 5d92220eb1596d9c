"""Data tests over every file of the shipped catalogue (the catalogue is reviewed like code)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from csea import load_catalog, source_coverage, validate_catalog
from csea.catalog.loader import default_catalog_dir
from csea.models import Catalog, Obligation, Source, SourceStatus

ROOT = default_catalog_dir()
OBLIGATION_FILES = sorted(ROOT.glob("*/*.yaml"))

# Provisions the research brief verified ([V]) that issue 3 names: each must be cited by an
# obligation (directly, or through a provision that is part of it) or listed in uncited.yaml.
REQUIRED_COVERAGE: dict[str, list[str]] = {
    "vol.nca2020": ["ask1", "ask2", "ask3", "ask4", "ask5", "sbd"],
    "vol.vp2020": [f"p{n}" for n in range(1, 12)],
    "uk.osa2023": ["s9", "s10", "s11", "s12", "s20", "s21", "s23", "s66", "s67", "s77"],
    "eu.dsa": [
        "art14",
        "art15",
        "art16",
        "art17",
        "art18",
        "art22",
        "art24",
        "art28",
        "art33",
        "art34",
        "art35",
        "art42",
    ],
    "us.usc18.2258a": ["a", "b", "e", "h"],
    "us.usc18.2258c": ["sharing"],
    "au.bose2022": [f"s{n}" for n in range(6, 14)],
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_catalogue_files_were_found() -> None:
    assert len(OBLIGATION_FILES) >= 45, f"expected at least 45 obligation files under {ROOT}"


def test_shipped_catalogue_is_clean() -> None:
    assert [str(p) for p in validate_catalog()] == []


@pytest.mark.parametrize("path", OBLIGATION_FILES, ids=[p.name for p in OBLIGATION_FILES])
def test_obligation_file_is_complete(catalog: Catalog, path: Path) -> None:
    obligation = catalog.obligation(path.stem)
    assert obligation is not None
    assert (
        len(obligation.citations) >= 1,
        len(obligation.measures) >= 2,
        len(obligation.questions) >= 2,
    ) == (
        True,
        True,
        True,
    ), f"{path.name}: needs >= 1 citation, >= 2 measures, >= 2 questions"
    assert obligation.evidence, f"{path.name}: say what evidence would prove it"


@pytest.mark.parametrize("path", OBLIGATION_FILES, ids=[p.name for p in OBLIGATION_FILES])
def test_obligation_answers_a_law_enforcement_demand(catalog: Catalog, path: Path) -> None:
    obligation = catalog.obligation(path.stem)
    assert obligation is not None
    assert any(c.source == "vol.nca2020" for c in obligation.citations), (
        f"{path.name}: cite the 2020 law-enforcement demand it answers (vol.nca2020 ask1-ask5 or sbd)"
    )


@pytest.mark.parametrize("path", OBLIGATION_FILES, ids=[p.name for p in OBLIGATION_FILES])
def test_targets_only_where_a_cited_source_sets_one(catalog: Catalog, path: Path) -> None:
    obligation = catalog.obligation(path.stem)
    assert obligation is not None
    cited = {(c.source, c.provision) for c in obligation.citations}
    stray = [
        i.id
        for i in obligation.indicators
        if i.target and (i.target.source, i.target.provision) not in cited
    ]
    assert stray == [], (
        f"{path.name}: indicator targets must come from a provision the obligation cites"
    )


def test_every_pillar_has_at_least_five_obligations(catalog: Catalog) -> None:
    counts = Counter(o.pillar for o in catalog.obligations)
    assert {p.id: counts[p.id] >= 5 for p in catalog.pillars} == {
        p.id: True for p in catalog.pillars
    }, counts


def test_every_demand_is_answered_by_several_obligations(catalog: Catalog) -> None:
    counts = Counter(
        c.provision for o in catalog.obligations for c in o.citations if c.source == "vol.nca2020"
    )
    assert {ask: counts[ask] >= 3 for ask in REQUIRED_COVERAGE["vol.nca2020"]} == dict.fromkeys(
        REQUIRED_COVERAGE["vol.nca2020"], True
    ), counts


def _covered(catalog: Catalog, source: Source) -> set[str]:
    """Provision ids cited directly or through a cited provision that is part of them."""
    parent = {p.id: p.part_of for p in source.provisions}
    covered: set[str] = set()
    for obligation in catalog.obligations:
        for citation in obligation.citations:
            node: str | None = citation.provision if citation.source == source.id else None
            while node is not None:
                covered.add(node)
                node = parent.get(node)
    return covered | {u.provision for u in catalog.uncited if u.source == source.id}


@pytest.mark.parametrize("source_id", list(REQUIRED_COVERAGE), ids=list(REQUIRED_COVERAGE))
def test_verified_provisions_are_cited_or_explained(catalog: Catalog, source_id: str) -> None:
    source = catalog.source(source_id)
    assert source is not None
    missing = [p for p in REQUIRED_COVERAGE[source_id] if p not in _covered(catalog, source)]
    assert missing == [], f"{source_id}: cite these or explain them in obligations/uncited.yaml"


def _proposed_or_lapsed(catalog: Catalog, obligation: Obligation) -> list[str]:
    inactive = {SourceStatus.PROPOSED, SourceStatus.LAPSED}
    found = []
    for citation in obligation.citations:
        source = catalog.source(citation.source)
        provision = source.provision(citation.provision) if source else None
        status = (
            provision.status
            if provision and provision.status
            else (source.status if source else None)
        )
        if status in inactive:
            found.append(citation.source)
    return found


def test_proposals_and_lapsed_instruments_never_carry_an_obligation_alone(catalog: Catalog) -> None:
    alone = [
        o.id
        for o in catalog.obligations
        if len(_proposed_or_lapsed(catalog, o)) == len(o.citations)
    ]
    assert alone == []


def test_no_source_has_an_unexplained_gap(catalog: Catalog) -> None:
    gaps = {
        c.source.id: [p.provision.id for p in c.provisions if not p.cited and not p.uncited_reason]
        for c in source_coverage(catalog)
    }
    assert {k: v for k, v in gaps.items() if v} == {}, (
        "cite these or explain them in obligations/uncited.yaml"
    )
