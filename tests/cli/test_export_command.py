"""``csea export``: the command line over the export registry."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.assessment.conftest import Runner
from tests.report.conftest import CATALOG_DIR
from tests.workbook.conftest import pebble

DAY = ("--as-of", "2026-12-01", "--catalog", str(CATALOG_DIR))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working folder, with Pebble Video's assessment and profile."""
    monkeypatch.chdir(pebble(tmp_path / "pebble"))
    return tmp_path / "pebble"


def test_export_writes_the_workbook(run: Runner, folder: Path) -> None:
    code, out, err = run("export", "assessment.yaml", "-o", "answers.xlsx", *DAY)
    assert (code, out, err) == (
        0,
        "wrote answers.xlsx (xlsx): 7 obligation(s) to answer, 4 piece(s) of evidence\n",
        "",
    )
    assert (folder / "answers.xlsx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "answers.ods"), "answers.ods: cannot tell the format from the name; give --format"),
        (("-o", "a.xlsx", "--format", "csv"), "--format csv: not a format; choose one of xlsx"),
        (("-o", "assessment.yaml", "--format", "xlsx"), "refusing to write over assessment.yaml"),
    ],
    ids=["unknown-suffix", "unknown-format", "over-the-input"],
)
def test_export_refuses_and_writes_nothing(
    run: Runner, folder: Path, args: tuple[str, ...], message: str
) -> None:
    before = sorted(p.name for p in folder.iterdir())
    code, out, err = run("export", "assessment.yaml", *args, *DAY)
    assert (code, out, message in err) == (2, "", True)
    assert sorted(p.name for p in folder.iterdir()) == before
