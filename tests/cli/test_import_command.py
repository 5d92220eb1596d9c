"""``csea import``: the command line over the workbook import."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assessment.conftest import Runner
from tests.report.conftest import CATALOG_DIR
from tests.workbook.conftest import edited, pebble

DAY = ("--as-of", "2026-12-01", "--catalog", str(CATALOG_DIR))


@pytest.fixture
def workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run: Runner) -> Path:
    """Pebble Video's workbook, exported in the working folder."""
    folder = pebble(tmp_path / "pebble")
    monkeypatch.chdir(folder)
    assert run("export", "assessment.yaml", "-o", "answers.xlsx", *DAY)[0] == 0
    return folder / "answers.xlsx"


def test_an_untouched_workbook_changes_no_byte(run: Runner, workbook: Path) -> None:
    before = Path("assessment.yaml").read_bytes()
    code, out, err = run("import", workbook.name, *DAY)
    assert (code, err, Path("assessment.yaml").read_bytes()) == (0, "", before)
    assert out.endswith(": no changes\n")


def test_import_writes_what_changed_and_dry_run_does_not(run: Runner, workbook: Path) -> None:
    path = edited(workbook, {"Answers!F4": "implemented", "Answers!G4": "Legal"})
    before = Path("assessment.yaml").read_text(encoding="utf-8")
    code, out, _ = run("import", path.name, "--dry-run", *DAY)
    assert (code, out.splitlines()[-2:]) == (
        0,
        ["1 status up, 1 owner changed", "dry run: assessment.yaml not written"],
    )
    assert Path("assessment.yaml").read_text(encoding="utf-8") == before
    code, out, _ = run("import", path.name, *DAY)
    after = Path("assessment.yaml").read_text(encoding="utf-8")
    assert (code, out.splitlines()[-1]) == (0, "wrote assessment.yaml")
    assert after == before.replace(
        "  BLOCK-03:\n    status: planned\n    owner: Legal & Law Enforcement Response\n",
        "  BLOCK-03:\n    status: implemented\n    owner: Legal\n",
    )


def test_every_bad_cell_at_once_exit_2_nothing_written(run: Runner, workbook: Path) -> None:
    path = edited(workbook, {"Answers!F2": "Implemnted", "Answers!H3": "soon"})
    before = Path("assessment.yaml").read_bytes()
    code, out, err = run("import", path.name, *DAY)
    assert (code, out, Path("assessment.yaml").read_bytes()) == (2, "", before)
    assert err.splitlines() == [
        "edited.xlsx!Answers!F2: error [unknown-value] 'Implemnted' is not a status (did you "
        "mean 'implemented'?)",
        "edited.xlsx!Answers!H3: error [bad-date] 'soon' is not a date; type it as 2026-12-01",
        "edited.xlsx: 2 cell(s) cannot be used",
    ]
