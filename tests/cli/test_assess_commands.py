"""``csea applicable`` and ``csea check`` through typer's runner: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.conftest import CatalogFactory
from tests.evaluation.factories import PROFILE, catalog_dir, write_service

runner = CliRunner()

CLEAN = """\
BLOCK-01: &done
  status: implemented
  evidence:
    - {title: Runbook, path: docs/runbook.md, collected: 2026-10-01}
BLOCK-02: *done
GROOM-01: *done
"""


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSEA_TODAY", "2026-11-20")
    monkeypatch.delenv("CSEA_CATALOG", raising=False)


def run(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def check(root: Path, *args: str | Path) -> tuple[int, str, str]:
    return run("check", "--catalog", root, *args)


@pytest.mark.parametrize(
    ("answers", "fail_on", "expected"),
    [
        (CLEAN, "error", 0),
        (CLEAN + "GROOM-02: *done\n", "warning", 0),
        (CLEAN + "GROOM-02: *done\n", "info", 1),
        (CLEAN + "BLOCK-09: *done\n", "error", 0),
        (CLEAN + "BLOCK-09: *done\n", "warning", 1),
        (CLEAN + "BLOCK-77: *done\n", "error", 1),
        (CLEAN.replace("BLOCK-02: *done\n", ""), "error", 1),
    ],
    ids=[
        "clean",
        "info-below-warning",
        "info-at-info",
        "warning-below-error",
        "warning-at-warning",
        "error",
        "legal-duty-unanswered",
    ],
)
def test_check_exit_codes(
    make_catalog: CatalogFactory, tmp_path: Path, answers: str, fail_on: str, expected: int
) -> None:
    path = write_service(tmp_path, answers)
    code, _, err = check(catalog_dir(make_catalog), path, "--fail-on", fail_on)
    assert (code, err) == (expected, "")


def test_check_table_output(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    path = write_service(tmp_path, CLEAN + "GROOM-02: *done\n")
    code, out, _ = check(catalog_dir(make_catalog), path)
    assert code == 0
    assert "does-not-apply" in out
    assert out.endswith(
        f"Pics (Example Ltd) [{path}]: score 100, 0 to target; 3 applicable, 0 gap(s), "
        "0 legal duty(ies) unmet; 0 error, 0 warning, 1 info\n"
        "0 error, 0 warning, 1 info; passes at --fail-on error\n"
    )


def test_check_json(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    path = write_service(tmp_path, CLEAN.replace("GROOM-01: *done", "GROOM-01: {status: planned}"))
    code, out, _ = check(catalog_dir(make_catalog), path, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert {k: v for k, v in data.items() if k != "services"} == {
        "catalog": {"id": "mini", "version": "2026.11"},
        "as_of": "2026-11-20",
        "fail_on": "error",
        "failed": False,
        "organisations": [
            {
                "organisation": "Example Ltd",
                "services": ["Pics"],
                "total": {
                    "id": "all",
                    "title": "Example Ltd: all services",
                    "obligation_ids": ["Pics:BLOCK-01", "Pics:BLOCK-02", "Pics:GROOM-01"],
                    "counts": {
                        "implemented": 2,
                        "partial": 0,
                        "planned": 1,
                        "not_implemented": 0,
                        "not_applicable": 0,
                        "not_assessed": 0,
                    },
                    "excluded": 0,
                    "credit": 2.0,
                    "denominator": 3,
                    "score": 66.7,
                    "legal_duties_unmet": 0,
                    "to_target": 33.3,
                },
                "findings": {"error": 0, "warning": 1, "info": 0},
            }
        ],
    }
    service: dict[str, Any] = data["services"][0]
    assert (service["score"], service["finding_counts"], service["findings"]) == (
        66.7,
        {"error": 0, "warning": 1, "info": 0},
        [
            {
                "code": "no-due-date",
                "level": "warning",
                "message": "GROOM-01 is planned but has no due date; add 'due'",
                "obligation_id": "GROOM-01",
                "file": str(path),
                "line": 9,
            }
        ],
    )


def test_check_several_services(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    one = write_service(tmp_path / "one", CLEAN)
    two = write_service(
        tmp_path / "two",
        "GROOM-01: {status: not_assessed}\n",
        profile=PROFILE | {"service": "Chat", "features": {"absent": "all others"}},
    )
    code, out, _ = check(catalog_dir(make_catalog), one, two)
    assert code == 1
    assert out.splitlines()[-4:] == [
        f"Pics (Example Ltd) [{one}]: score 100, 0 to target; 3 applicable, 0 gap(s), "
        "0 legal duty(ies) unmet; 0 error, 0 warning, 0 info",
        f"Chat (Example Ltd) [{two}]: score 0, 100 to target; 2 applicable, 2 gap(s), "
        "1 legal duty(ies) unmet; 1 error, 1 warning, 0 info",
        "Example Ltd (2 service(s)): score 60, 40 to target; 5 service-obligation(s), "
        "1 legal duty(ies) unmet; 1 error, 1 warning, 0 info",
        "1 error, 1 warning, 0 info; fails at --fail-on error",
    ]


@pytest.mark.parametrize(
    ("answers", "version", "expected"),
    [
        ("GROOM-01:\n  status: done\n", "2026.11", ":5:"),
        ("GROOM-01:\n  status: planned\n  due: 31/12/2026\n", "2026.11", ":6:"),
        (CLEAN, "2026.05", "run 'csea migrate"),
        ("block-1: {}\n", "2026.11", ":4:"),
    ],
    ids=["unknown-status", "bad-date", "other-catalogue-version", "malformed-id"],
)
def test_check_unusable_input(
    make_catalog: CatalogFactory, tmp_path: Path, answers: str, version: str, expected: str
) -> None:
    path = write_service(tmp_path, answers, version=version)
    code, out, err = check(catalog_dir(make_catalog), path)
    assert (code, out) == (2, "")
    assert expected in err


def test_check_unknown_status_lists_accepted_values(
    make_catalog: CatalogFactory, tmp_path: Path
) -> None:
    path = write_service(tmp_path, "GROOM-01:\n  status: done\n")
    _, _, err = check(catalog_dir(make_catalog), path)
    assert "not_applicable" in err
    assert "implemented" in err


def test_check_missing_file(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    code, out, err = check(catalog_dir(make_catalog), tmp_path / "nope.yaml")
    assert (code, out) == (2, "")
    assert "nope.yaml" in err


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (("--as-of", "2026-04-06"), "2026-11-20", 2),
        ((), "2026-04-06", 2),
        ((), "2026-11-20", 3),
        (("--as-of", "2026-11-20"), "2020-01-01", 3),
    ],
    ids=["as-of-option", "env-today", "env-today-later", "option-beats-env"],
)
def test_as_of(
    make_catalog: CatalogFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: str,
    expected: int,
) -> None:
    monkeypatch.setenv("CSEA_TODAY", env)
    (tmp_path / "profile.yaml").write_text(json.dumps(PROFILE), "utf-8")
    code, out, _ = run(
        "applicable",
        tmp_path / "profile.yaml",
        "--catalog",
        catalog_dir(make_catalog),
        "--format",
        "json",
        *args,
    )
    assert (code, len(json.loads(out)["obligations"])) == (0, expected)


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--as-of", "20-11-2026"), "2026-11-20"), ((), "someday")],
    ids=["bad-option", "bad-env"],
)
def test_bad_as_of(
    make_catalog: CatalogFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: str,
) -> None:
    monkeypatch.setenv("CSEA_TODAY", env)
    path = write_service(tmp_path, CLEAN)
    code, out, _ = check(catalog_dir(make_catalog), path, *args)
    assert (code, out) == (2, "")


def test_applicable_json(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text(json.dumps(PROFILE), "utf-8")
    code, out, _ = run(
        "applicable",
        tmp_path / "profile.yaml",
        "--catalog",
        catalog_dir(make_catalog),
        "--format",
        "json",
    )
    data = json.loads(out)
    assert code == 0
    assert [(o["id"], o["force"], o["binding_sources"]) for o in data["obligations"]] == [
        ("BLOCK-01", "legal_duty", ["uk.osa2023", "vol.vp2020"]),
        ("BLOCK-02", "legal_duty", ["uk.osa2023"]),
        ("GROOM-01", "voluntary_principle", ["vol.vp2020"]),
    ]
    assert data["obligations"][1]["citations"] == [
        {
            "source": "uk.osa2023",
            "provision": "s66",
            "force": "legal_duty",
            "relationship": "equivalent",
            "state": "binds",
            "why": "in force in GB",
        }
    ]


def test_applicable_table_and_all(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text(json.dumps(PROFILE), "utf-8")
    root = catalog_dir(make_catalog)
    code, out, _ = run("applicable", tmp_path / "profile.yaml", "--catalog", root)
    assert code == 0
    assert "3 obligation(s) apply on 2026-11-20" in out
    assert "GROOM-02" not in out
    code, out, _ = run("applicable", tmp_path / "profile.yaml", "--catalog", root, "--all")
    assert (code, "GROOM-02" in out) == (0, True)


def test_applicable_explain(make_catalog: CatalogFactory, tmp_path: Path) -> None:
    (tmp_path / "profile.yaml").write_text(json.dumps(PROFILE), "utf-8")
    code, out, _ = run(
        "applicable",
        tmp_path / "profile.yaml",
        "--catalog",
        catalog_dir(make_catalog),
        "--explain",
        "groom-02",
    )
    assert (code, out) == (
        0,
        "GROOM-02  Keep detection records\n"
        "Applies to Pics (Example Ltd) on 2026-11-20: no\n"
        "Force for this service: none\n"
        "Applies when: always\n"
        "Why:\n"
        "  - none of its sources applies to this service on 2026-11-20\n"
        "Citations (binds / assumed / upcoming / lapsed / out_of_scope):\n"
        "  [lapsed] UK interim r3 (legal duty): lapsed on or before 2026-11-20\n",
    )


@pytest.mark.parametrize(
    ("profile", "name", "args", "expected"),
    [
        (PROFILE, "profile.yaml", ("--explain", "BLOCK-7"), "did you mean"),
        (PROFILE | {"features": ["teleport"]}, "profile.yaml", (), "image_upload"),
        (PROFILE, "other.yaml", (), "other.yaml"),
    ],
    ids=["unknown-id", "unknown-feature", "missing-profile"],
)
def test_applicable_unusable_input(
    make_catalog: CatalogFactory,
    tmp_path: Path,
    profile: dict[str, Any],
    name: str,
    args: tuple[str, ...],
    expected: str,
) -> None:
    (tmp_path / "profile.yaml").write_text(json.dumps(profile), "utf-8")
    root = catalog_dir(make_catalog)
    code, out, err = run("applicable", tmp_path / name, "--catalog", root, *args)
    assert (code, out) == (2, "")
    assert expected in err
