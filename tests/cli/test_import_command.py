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


def test_a_stale_workbook_is_refused_and_force_lists_every_conflict(
    run: Runner, workbook: Path
) -> None:
    path = edited(workbook, {"Answers!G2": "Media Integrity"})
    assessment = Path("assessment.yaml")
    changed = assessment.read_text(encoding="utf-8").replace(
        "owner: Integrity Engineering\n    evidence", "owner: Trust Eng\n    evidence", 1
    )
    assessment.write_text(changed, encoding="utf-8")
    code, out, err = run("import", path.name, *DAY)
    assert (code, out, assessment.read_text(encoding="utf-8")) == (2, "", changed)
    assert err.splitlines() == [
        "edited.xlsx: error [workbook-stale] assessment.yaml (or its profile) changed since "
        "this workbook was exported; export it again and redo the changes, or import with "
        "--force to merge field by field",
    ]
    code, out, err = run("import", path.name, "--force", *DAY)
    assert (code, out.splitlines()[-1]) == (0, "wrote assessment.yaml")
    assert err.splitlines() == [
        "edited.xlsx!Answers!G2: warning [merge-conflict] BLOCK-01 owner: changed in the "
        "workbook ('Integrity Engineering' -> 'Media Integrity') and in the assessment since "
        "the export (now 'Trust Eng'); the workbook's value is kept",
    ]
    assert assessment.read_text(encoding="utf-8") == changed.replace(
        "owner: Trust Eng\n", "owner: Media Integrity\n", 1
    )


@pytest.mark.parametrize(
    ("option", "due"),
    [("--day-first", "2027-06-01"), ("--month-first", "2027-01-06")],
    ids=["day-first", "month-first"],
)
def test_the_date_order_option_reads_dates_typed_as_text(
    run: Runner, workbook: Path, option: str, due: str
) -> None:
    path = edited(workbook, {"Answers!H3": "01/06/2027"})
    assert run("import", path.name, *DAY)[0] == 2
    code, _, _ = run("import", path.name, option, *DAY)
    text = Path("assessment.yaml").read_text(encoding="utf-8")
    assert (code, f"due: {due}\n" in text, "due: 2027-03-31\n" in text) == (0, True, False)
