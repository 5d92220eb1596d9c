"""Regulators (obligations/regulators.yaml): every source in exactly one, and the fallback without."""

from __future__ import annotations

from pathlib import Path

import pytest

from csea import load_catalog, validate_catalog
from csea.errors import Severity
from csea.models import RegulatorKind
from tests.conftest import CatalogFactory

Found = list[tuple[str, str, int | None, str | None, Severity]]

REGULATORS_YAML = """\
regulators:
  - id: ofcom
    name: Ofcom
    title: "Ofcom: the Act"
    kind: authority
    jurisdictions: [GB]
    description: The UK regulator.
    sources: [uk.osa2023]
  - id: governments
    name: Five Country governments
    title: "The Voluntary Principles' governments"
    kind: governments
    jurisdictions: [GB, US]
    description: The governments behind the principles.
    sources: [vol.vp2020]
"""


def _problems(root: Path) -> Found:
    return [
        (p.code, Path(p.file or "").name, p.line, p.object_id, p.severity)
        for p in validate_catalog(root)
    ]


def test_every_source_in_one_regulator_loads(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(make_catalog(**{"regulators.yaml": REGULATORS_YAML}))
    assert [(r.id, r.kind, r.sources) for r in catalog.regulator_groups] == [
        ("ofcom", RegulatorKind.AUTHORITY, ["uk.osa2023"]),
        ("governments", RegulatorKind.GOVERNMENTS, ["vol.vp2020"]),
    ]
    assert (catalog.regulator_of("vol.vp2020"), catalog.regulator("ofcom")) == (
        catalog.regulators[1],
        catalog.regulators[0],
    )


def test_without_regulators_each_source_is_its_own_group(make_catalog: CatalogFactory) -> None:
    catalog = load_catalog(make_catalog())
    assert [(r.id, r.name, r.sources) for r in catalog.regulator_groups] == [
        ("uk-osa2023", "UK OSA", ["uk.osa2023"]),
        ("vol-vp2020", "VP 2020", ["vol.vp2020"]),
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("    sources: [vol.vp2020]\n", "    sources: [vol.vp2021]\n"),
            [
                ("unknown-source", "regulators.yaml", 15, "governments", Severity.ERROR),
                ("source-without-regulator", "sources.yaml", 24, "vol.vp2020", Severity.ERROR),
            ],
        ),
        (
            ("    sources: [uk.osa2023]\n", "    sources: [uk.osa2023, vol.vp2020]\n"),
            [("source-in-two-regulators", "regulators.yaml", 15, "governments", Severity.ERROR)],
        ),
        (
            ("  - id: governments\n", "  - id: ofcom\n"),
            [("duplicate-id", "regulators.yaml", 9, "ofcom", Severity.ERROR)],
        ),
    ],
    ids=["unknown-and-missing", "listed-twice", "duplicate-id"],
)
def test_each_source_belongs_to_exactly_one_regulator(
    make_catalog: CatalogFactory, change: tuple[str, str], expected: Found
) -> None:
    broken = REGULATORS_YAML.replace(*change)
    assert _problems(make_catalog(**{"regulators.yaml": broken})) == expected


def test_the_shipped_catalogue_groups_sources_as_readers_know_them() -> None:
    catalog = load_catalog()
    groups = {r.id: r for r in catalog.regulator_groups}
    assert (
        groups["ofcom"].sources[:1],
        groups["eu"].sources[:1],
        groups["esafety"].sources[:1],
        [r.id for r in catalog.regulators if r.kind is RegulatorKind.INDUSTRY],
        sorted(s for r in catalog.regulators for s in r.sources)
        == sorted(s.id for s in catalog.sources),
    ) == (
        ["uk.osa2023"],
        ["eu.dsa"],
        ["au.osa2021"],
        ["industry-programmes", "industry-tools"],
        True,
    )
