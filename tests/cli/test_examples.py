"""The shipped examples stay usable with the shipped catalogue: never exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SERVICES = sorted(p.parent.name for p in EXAMPLES.glob("*/assessment.yaml"))

runner = CliRunner()


def test_examples_found() -> None:
    assert SERVICES == ["hush", "loco-lines", "vidora"]


@pytest.mark.parametrize("service", SERVICES, ids=SERVICES)
def test_check_on_example_is_usable(service: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CSEA_CATALOG", raising=False)
    result = runner.invoke(app, ["check", str(EXAMPLES / service / "assessment.yaml")])
    assert (result.exit_code in (0, 1), result.stderr) == (True, "")


@pytest.mark.parametrize("service", SERVICES, ids=SERVICES)
def test_applicable_on_example_profile(service: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CSEA_CATALOG", raising=False)
    result = runner.invoke(app, ["applicable", str(EXAMPLES / service / "profile.yaml")])
    assert (result.exit_code, result.stderr) == (0, "")


def test_portfolio_of_examples_is_usable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CSEA_CATALOG", raising=False)
    files = [str(EXAMPLES / s / "assessment.yaml") for s in SERVICES]
    result = runner.invoke(app, ["check", "--format", "json", *files])
    assert (result.exit_code in (0, 1), result.stderr) == (True, "")
