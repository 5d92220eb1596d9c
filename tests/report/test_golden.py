"""Every format against golden files, through the real command; same input, same bytes.

Refresh after an intended change with ``CSEA_UPDATE_GOLDEN=1 .venv/bin/pytest tests/report``
and review the diff of ``tests/report/golden/`` like code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.report.conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("CSEA_UPDATE_GOLDEN") == "1"
BASE = ("report", "assessment.yaml", "--catalog", "catalog", "--as-of", "2026-12-01")
HISTORY = ("--previous", "older.yaml", "--previous", "previous.yaml")
FULL = (*BASE, *HISTORY, "--generated-at", "2026-12-01T09:00:00+00:00")

CASES = {
    "report.txt": (*FULL, "--format", "terminal"),
    "report.md": (*FULL, "--format", "md"),
    "report.html": (*FULL, "--format", "html"),
    "report.json": (*FULL, "--format", "json"),
    "report.csv": (*FULL, "--format", "csv"),
    "report.junit.xml": (*FULL, "--format", "junit"),
    "source-view.txt": (*BASE, "--view", "source:fx.code", "--format", "terminal"),
    "source-view.md": (*BASE, "--view", "source:fx.act", "--format", "md"),
    "source-view.html": (*BASE, "--view", "source:fx.act", "--format", "html"),
    "regulator-view.txt": (*BASE, "--view", "regulator:fixture-regulator", "--format", "terminal"),
    "regulator-view.md": (*BASE, "--view", "regulator:fixture-regulator", "--format", "md"),
    "regulator-view.html": (
        *BASE,
        "--view",
        "regulator:fixture-regulator",
        "--classification",
        "OFFICIAL-SENSITIVE",
        "--format",
        "html",
    ),
    "redacted.md": (*BASE, "--redact", "--format", "md"),
    "redacted.json": (*BASE, "--redact", "--format", "json"),
    "portfolio.md": (*BASE, "second.yaml", "--format", "md"),
    "portfolio.csv": (*BASE, "second.yaml", "--format", "csv"),
}


def render(args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("name", "args"), CASES.items(), ids=list(CASES))
def test_matches_golden_file(
    name: str, args: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = render(args, monkeypatch)
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(text.encode("utf-8"))
    assert golden.exists(), f"{golden} is missing; run CSEA_UPDATE_GOLDEN=1 pytest tests/report"
    assert text == golden.read_bytes().decode("utf-8"), (
        f"{name} drifted from its golden file; if the change is intended, run "
        "CSEA_UPDATE_GOLDEN=1 pytest tests/report and review the diff"
    )


def test_no_stray_golden_files() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("fmt", ["terminal", "md", "html", "json", "csv", "junit"], ids=str)
def test_same_input_same_bytes_in_a_file(
    fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for target in (first, second):
        render((*BASE, "--format", fmt, "-o", str(target)), monkeypatch)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == render((*BASE, "--format", fmt), monkeypatch).encode("utf-8")


@pytest.mark.parametrize("fmt", ["terminal", "md", "html", "json", "junit"], ids=str)
def test_timestamp_only_when_asked(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    stamped = render((*BASE, "--format", fmt, "--generated-at", "2031-01-02T03:04:05"), monkeypatch)
    plain = render((*BASE, "--format", fmt), monkeypatch)
    assert ("2031-01-02T03:04:05" in stamped, "2031" in plain) == (True, False)


COMPILE_FORBIDDEN = """
import sys
import jinja2
from csea.cli import main

def forbidden(*args, **kwargs):
    raise AssertionError("a template was compiled")

if sys.argv.pop(1) == "compile-forbidden":
    jinja2.Environment.compile = forbidden
main()
"""


def test_html_from_cached_compiled_templates_matches_the_golden_file(tmp_path: Path) -> None:
    """The first report keeps its compiled templates; the next one compiles nothing."""
    env = {**os.environ, "CSEA_CACHE_DIR": str(tmp_path / "cache")}
    outputs = []
    for mode in ("compile", "compile-forbidden"):
        done = subprocess.run(
            [sys.executable, "-c", COMPILE_FORBIDDEN, mode, *CASES["report.html"]],
            cwd=FIXTURES,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        outputs.append((done.returncode, done.stdout, done.stderr))
    golden = (GOLDEN / "report.html").read_bytes().decode("utf-8")
    assert outputs == [(0, golden, ""), (0, golden, "")]
    assert len(list((tmp_path / "cache").glob("*.bytes"))) == 3
