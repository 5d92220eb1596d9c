"""``csea catalog ...`` and ``csea schema`` through typer's runner: output and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea import __version__
from csea.cli import app
from csea.schemas import SCHEMAS
from tests.conftest import BLOCK_01, CatalogFactory

runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"csea {__version__}\n", "")


def test_list_formats(make_catalog: CatalogFactory) -> None:
    root = make_catalog()
    code, out, _ = run("catalog", "list", "--catalog", root, "--format", "json")
    assert code == 0
    assert [row["id"] for row in json.loads(out)] == ["BLOCK-01", "GROOM-01"]
    code, out, _ = run("catalog", "list", "--catalog", root, "--format", "csv", "--pillar", "block")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["id"], r["sources"], r["jurisdictions"]) for r in rows] == [
        ("BLOCK-01", "UK OSA; VP 2020", "AU; CA; GB; NZ; US")
    ]
    code, out, _ = run("catalog", "list", "--catalog", root)
    assert code == 0
    assert "BLOCK-01" in out
    assert "GROOM-01" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--source", "uk.osa2023"), ["BLOCK-01"]),
        (("--jurisdiction", "gb"), ["BLOCK-01", "GROOM-01"]),
        (("--jurisdiction", "EU"), []),
        (("--pillar", "grooming"), ["GROOM-01"]),
    ],
    ids=["source", "jurisdiction-lowercase", "jurisdiction-none", "pillar"],
)
def test_list_filters(
    make_catalog: CatalogFactory, args: tuple[str, ...], expected: list[str]
) -> None:
    code, out, _ = run("catalog", "list", "--catalog", make_catalog(), "--format", "json", *args)
    assert (code, [row["id"] for row in json.loads(out)]) == (0, expected)


def test_list_unknown_filter_is_usage_error(make_catalog: CatalogFactory) -> None:
    code, out, err = run("catalog", "list", "--catalog", make_catalog(), "--pillar", "blocks")
    assert (code, out) == (2, "")
    assert "unknown pillar 'blocks'; expected one of: block, grooming" in err


def test_show_text_and_json(make_catalog: CatalogFactory) -> None:
    root = make_catalog()
    code, out, _ = run("catalog", "show", "block-01", "--catalog", root)
    assert code == 0
    assert out.startswith("BLOCK-01  Hash-match known images\n")
    assert "[S] Online Safety Act 2023, s10: Safety duties about illegal content" in out
    assert "all of (the service has users in GB; the service has the feature 'image_upload')" in out
    assert "applies only when:" not in out
    code, out, _ = run("catalog", "show", "BLOCK-01", "--catalog", root, "--format", "json")
    data = json.loads(out)
    assert data["citations"][0]["source_title"] == "Online Safety Act 2023"
    assert data["citations"][0]["verification"] == "secondary"


def test_show_unknown_id_suggests(make_catalog: CatalogFactory) -> None:
    code, out, err = run("catalog", "show", "BLOCK-10", "--catalog", make_catalog())
    assert (code, out) == (2, "")
    assert "no obligation 'BLOCK-10' in catalogue 2026.11; did you mean BLOCK-01" in err


def test_sources_coverage(make_catalog: CatalogFactory) -> None:
    root = make_catalog()
    code, out, _ = run("catalog", "sources", "--catalog", root, "--format", "json")
    data = {s["id"]: s for s in json.loads(out)}
    assert code == 0
    assert (data["uk.osa2023"]["provisions_listed"], data["uk.osa2023"]["provisions_cited"]) == (
        2,
        1,
    )
    assert data["uk.osa2023"]["provisions"][1] == {
        "id": "s66",
        "title": "Reporting CSEA content to the NCA",
        "verification": "verified",
        "cited_by": [],
    }
    code, out, _ = run("catalog", "sources", "--catalog", root, "--format", "csv")
    assert out.splitlines()[0] == "id,title,force,status,provisions,cited,explained,unexplained"


def test_validate_clean(make_catalog: CatalogFactory) -> None:
    code, out, err = run("catalog", "validate", make_catalog())
    assert (code, err) == (0, "")
    assert "catalogue is valid: 0 error(s), 0 warning(s)" in out


def test_validate_reports_every_problem_with_file_and_line(make_catalog: CatalogFactory) -> None:
    broken = BLOCK_01.replace("provision: s10", "provision: s999").replace(
        "related: [GROOM-01]", "related: [GROOM-09]"
    )
    root = make_catalog(**{"block/BLOCK-01.yaml": broken})
    code, out, err = run("catalog", "validate", root)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert any(
        line.endswith(
            "BLOCK-01.yaml:12:5: error [unknown-provision] BLOCK-01 citations.0.provision: "
            "'s999' is not a provision of uk.osa2023; listed: s10, s66"
        )
        for line in lines
    )
    assert any(
        line.endswith(
            "BLOCK-01.yaml:27:11: error [unknown-obligation] BLOCK-01 related.0: "
            "related id GROOM-09 does not exist"
        )
        for line in lines
    )
    assert lines[-1] == "catalogue has problems: 2 error(s), 0 warning(s)"


def test_validate_json(make_catalog: CatalogFactory) -> None:
    root = make_catalog(**{"grooming/GROOM-01.yaml": None})
    code, out, _ = run("catalog", "validate", root, "--format", "json")
    problems = json.loads(out)
    assert code == 1
    assert [(p["code"], p["object_id"]) for p in problems] == [
        ("unknown-obligation", "BLOCK-01"),
        ("empty-pillar", "grooming"),
    ]


def test_validate_missing_directory_is_usage_error(tmp_path: Path) -> None:
    code, _, err = run("catalog", "validate", tmp_path / "none")
    assert code == 2
    assert "catalogue directory does not exist" in err


def test_broken_catalogue_makes_list_unusable(make_catalog: CatalogFactory) -> None:
    root = make_catalog(**{"sources.yaml": "sources: [\n"})
    code, out, err = run("catalog", "list", "--catalog", root)
    assert (code, out) == (2, "")
    assert "sources.yaml:2:1: error [yaml-syntax]" in err
    assert "Traceback" not in err


def test_schema_commands(tmp_path: Path) -> None:
    code, out, _ = run("schema")
    assert code == 0
    assert out.split()[0] == "catalog"
    code, out, _ = run("schema", "obligation")
    assert json.loads(out)["title"] == "Obligation"
    code, _, err = run("schema", "nope")
    assert code == 2
    assert "unknown schema 'nope'" in err
    code, out, _ = run("schema", "--output-dir", tmp_path)
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"{name}.schema.json" for name in SCHEMAS
    )


def test_no_arguments_shows_help() -> None:
    code, out, _ = run()
    assert code in (0, 2)
    assert "catalog" in out


def test_crosswalk_formats(make_catalog: CatalogFactory) -> None:
    root = make_catalog()
    code, out, _ = run(
        "catalog", "crosswalk", "--catalog", root, "--source", "uk.osa2023", "--format", "json"
    )
    assert code == 0
    assert json.loads(out) == {
        "sources": [
            {"id": "uk.osa2023", "title": "Online Safety Act 2023", "short_title": "UK OSA"},
            {"id": "vol.vp2020", "title": "Voluntary Principles", "short_title": "VP 2020"},
        ],
        "obligations": [
            {
                "id": "BLOCK-01",
                "title": "Hash-match known images",
                "pillar": "block",
                "provisions": {"uk.osa2023": ["s10"], "vol.vp2020": ["p1"]},
            }
        ],
    }
    code, out, _ = run(
        "catalog", "crosswalk", "--catalog", root, "--format", "md", "--to", "vol.vp2020"
    )
    assert out == (
        "| Obligation | Title | VP 2020 |\n"
        "|---|---|---|\n"
        "| BLOCK-01 | Hash-match known images | p1 |\n"
        "| GROOM-01 | Safe defaults for children | p3 |\n"
    )
    code, out, _ = run(
        "catalog",
        "crosswalk",
        "--catalog",
        root,
        "--source",
        "uk.osa2023",
        "--to",
        "uk.osa2023",
        "--format",
        "csv",
    )
    assert out == "id,title,uk.osa2023\nBLOCK-01,Hash-match known images,s10\n"
    code, _, err = run("catalog", "crosswalk", "--catalog", root, "--source", "eu.dsa")
    assert code == 2
    assert "unknown source 'eu.dsa'" in err


@pytest.mark.parametrize(
    ("day", "source_status", "s66_status"),
    [
        ("2023-01-01", "not yet adopted", "adopted_not_in_force"),
        ("2026-01-01", "in_force", "adopted_not_in_force"),
        ("2026-04-07", "in_force", "in_force"),
    ],
    ids=["before-the-act", "before-s66-commences", "s66-in-force"],
)
def test_sources_as_of_answers_what_is_in_force(
    make_catalog: CatalogFactory, day: str, source_status: str, s66_status: str
) -> None:
    code, out, _ = run(
        "catalog", "sources", "--catalog", make_catalog(), "--format", "json", "--as-of", day
    )
    osa = next(s for s in json.loads(out) if s["id"] == "uk.osa2023")
    assert (code, osa["status_on"], osa["provisions"][1]["status_on"]) == (
        0,
        source_status,
        s66_status,
    )


def test_sources_as_of_rejects_a_non_date(make_catalog: CatalogFactory) -> None:
    code, _, err = run("catalog", "sources", "--catalog", make_catalog(), "--as-of", "next tuesday")
    assert code == 2
    assert "next tuesday" in err


def test_show_prints_a_citations_own_scope(make_catalog: CatalogFactory) -> None:
    scoped = BLOCK_01.replace(
        "    relationship: part_of\n",
        "    relationship: part_of\n    applies_when:\n      kind: file_storage\n",
        1,
    )
    code, out, _ = run(
        "catalog", "show", "BLOCK-01", "--catalog", make_catalog(**{"block/BLOCK-01.yaml": scoped})
    )
    assert code == 0
    assert "      applies only when: the service is of kind 'file_storage'\n" in out
