"""Several services rolled up per organisation (csea.evaluation.portfolio)."""

from __future__ import annotations

from pathlib import Path

import pytest

from csea.catalog.loader import load_catalog
from csea.errors import InputError
from csea.evaluation.engine import evaluate
from csea.evaluation.files import evaluate_files
from csea.evaluation.portfolio import evaluate_portfolio
from csea.models import Status
from csea.models.evaluation import FindingLevel
from tests.conftest import CatalogFactory
from tests.evaluation.factories import (
    AS_OF,
    PROFILE,
    assessment,
    catalog_dir,
    clean_answers,
    done,
    mini_catalog,
    run,
    write_service,
)


def test_rollup_per_organisation(make_catalog: CatalogFactory) -> None:
    catalog = mini_catalog(make_catalog)
    pics = run(catalog, clean_answers())
    chat = evaluate(
        catalog,
        assessment(
            {"GROOM-01": done(status="partial", due="2027-01-01")},
            PROFILE | {"service": "Chat", "features": {"absent": "all others"}},
        ),
        as_of=AS_OF,
    )
    other = evaluate(
        catalog, assessment({}, PROFILE | {"organisation": "Acme", "service": "Forum"}), as_of=AS_OF
    )
    portfolio = evaluate_portfolio(catalog, [pics, chat, other])
    assert [(o.organisation, o.services) for o in portfolio.organisations] == [
        ("Acme", ["Forum"]),
        ("Example Ltd", ["Pics", "Chat"]),
    ]
    example = portfolio.organisations[1]
    assert example.total.obligation_ids == [
        "Pics:BLOCK-01",
        "Pics:BLOCK-02",
        "Pics:GROOM-01",
        "Chat:BLOCK-02",
        "Chat:GROOM-01",
    ]
    assert (example.total.credit, example.total.denominator, example.total.score) == (3.5, 5, 70.0)
    assert example.total.counts == {
        status: {Status.IMPLEMENTED: 3, Status.PARTIAL: 1, Status.NOT_ASSESSED: 1}.get(status, 0)
        for status in Status
    }
    assert [(p.id, p.obligation_ids) for p in example.pillars] == [
        ("block", ["Pics:BLOCK-01", "Pics:BLOCK-02", "Chat:BLOCK-02"]),
        ("grooming", ["Pics:GROOM-01", "Chat:GROOM-01"]),
    ]
    assert [(s.id, s.score) for s in example.sources] == [
        ("uk.osa2023", 66.7),
        ("vol.vp2020", 83.3),
    ]
    assert example.findings == {
        FindingLevel.ERROR: 1,
        FindingLevel.WARNING: 0,
        FindingLevel.INFO: 0,
    }
    assert portfolio.organisations[0].findings == {
        FindingLevel.ERROR: 2,
        FindingLevel.WARNING: 1,
        FindingLevel.INFO: 0,
    }


def test_same_service_twice_is_refused(make_catalog: CatalogFactory) -> None:
    catalog = mini_catalog(make_catalog)
    once = run(catalog, {})
    with pytest.raises(InputError) as caught:
        evaluate_portfolio(catalog, [once, once])
    assert [p.code for p in caught.value.problems] == ["duplicate-service"]


def test_evaluate_files(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    root = catalog_dir(make_catalog)
    first = write_service(tmp_path / "a", "GROOM-01:\n  status: planned\n  due: 2027-01-01\n")
    second = write_service(
        tmp_path / "b", "BLOCK-01:\n  status: not_assessed\n", profile=PROFILE | {"service": "Two"}
    )
    portfolio = evaluate_files(load_catalog(root), [first, second], as_of=AS_OF)
    assert [e.assessment_file for e in portfolio.evaluations] == [str(first), str(second)]
    assert (portfolio.catalog_version, portfolio.as_of) == ("2026.11", AS_OF)


def test_every_bad_file_reported_at_once(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    catalog = mini_catalog(make_catalog)
    old = write_service(tmp_path / "old", "GROOM-01: {}\n", version="2026.05")
    bad = write_service(tmp_path / "bad", "GROOM-01:\n  status: done\n  due: soon\n")
    missing = tmp_path / "nowhere.yaml"
    with pytest.raises(InputError) as caught:
        evaluate_files(catalog, [old, bad, missing], as_of=AS_OF)
    assert [(p.code, p.file, p.line) for p in caught.value.problems] == [
        ("catalog-version", str(old), 1),
        ("unknown-value", str(bad), 5),
        ("bad-date", str(bad), 6),
        ("file-not-found", str(missing), None),
    ]
