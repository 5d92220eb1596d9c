"""A command imports only what it uses: the modules other commands and formats need stay unloaded.

Start-up cost is measured in ``bench/`` as a ratio; these tests hold the imports that bought it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

VIDORA = Path(__file__).resolve().parents[2] / "examples" / "vidora" / "assessment.yaml"

LOADED = """
import atexit
import sys

from csea.cli import main

atexit.register(lambda: sys.stderr.write("\\n".join(sorted(sys.modules))))
sys.argv = ["csea", *sys.argv[1:]]
main()
"""
"""Run the console script's ``main`` and print every module loaded once the command is done."""

DOCUMENTS = {"openpyxl", "docx", "icalendar", "csea.workbook.write", "csea.export.run"}
"""What spreadsheets, Word documents, calendars and exports need."""
CHECK_TABLE = {"csea.render.check", "csea.render.tabular", "rich.table"}
"""What the check table needs."""
CI_FORMATS = {"csea.render.junit", "csea.render.sarif", "xml.etree.ElementTree"}
"""What JUnit XML and SARIF need."""
REPORT = {"jinja2", "csea.report.document", "csea.render.wording"}
"""What reports need."""
HISTORY = {"csea.assessment.history", "csea.assessment.git"}
"""What reading an assessment's git history needs."""
CATALOG_CHECKS = {"csea.catalog.checks", "csea.catalog.kind_checks", "csea.catalog.cycle_checks"}
"""What checking a catalogue read from its files needs (a cached catalogue was checked)."""
TERMINAL = {"rich", "rich.console", "rich.table", "rich.text", "csea.render.console"}
"""What printing through a terminal console needs: not JSON written to stdout."""


@pytest.fixture(autouse=True, scope="module")
def cached_catalogue(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The shipped catalogue in the session's cache, as after any earlier command."""
    loaded("check", str(VIDORA), cwd=tmp_path_factory.mktemp("warm"))


def loaded(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return set(done.stderr.splitlines())


@pytest.mark.parametrize(
    ("args", "unused"),
    [
        (("check", str(VIDORA)), DOCUMENTS | REPORT | HISTORY | CI_FORMATS | CATALOG_CHECKS),
        (
            ("check", "--format", "json", str(VIDORA)),
            DOCUMENTS | REPORT | HISTORY | CI_FORMATS | TERMINAL,
        ),
        (
            ("report", "--format", "html", "-o", "report.html", str(VIDORA)),
            DOCUMENTS | CHECK_TABLE | CI_FORMATS | HISTORY,
        ),
    ],
    ids=["check", "check-json", "report-html"],
)
def test_a_command_leaves_what_it_does_not_use_unloaded(
    args: tuple[str, ...], unused: set[str], tmp_path: Path
) -> None:
    libraries = _loads("typer") if unused & TERMINAL else _loads("typer", "rich.console")
    assert loaded(*args, cwd=tmp_path) & unused - libraries == set()


def _loads(*modules: str) -> set[str]:
    """What the command line's own libraries load by themselves (older rich loads its tables)."""
    script = f"import sys, {', '.join(modules)}; print(*sys.modules, sep='\\n')"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(done.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "used"),
    [
        (
            ("check", "--format", "junit", str(VIDORA)),
            CHECK_TABLE - TERMINAL | CI_FORMATS - {"csea.render.sarif"},
        ),
        (("report", "--format", "html", "-o", "report.html", str(VIDORA)), REPORT),
        (("--no-cache", "check", str(VIDORA)), CATALOG_CHECKS),
        (("check", str(VIDORA)), CHECK_TABLE | TERMINAL),
    ],
    ids=["check-junit", "report-html", "check-no-cache", "check-table"],
)
def test_the_probe_sees_what_a_command_uses(
    args: tuple[str, ...], used: set[str], tmp_path: Path
) -> None:
    assert loaded(*args, cwd=tmp_path) & used == used
