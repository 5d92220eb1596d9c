"""``csea cache``, ``--no-cache`` and ``CSEA_NO_CACHE``: the same output with or without the cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.conftest import CatalogFactory

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "vidora" / "assessment.yaml"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory, named by ``CSEA_CACHE_DIR`` for this test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CSEA_CACHE_DIR", str(folder))
    monkeypatch.delenv("CSEA_NO_CACHE", raising=False)
    return folder


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def cached(folder: Path) -> list[str]:
    return sorted(p.suffix or p.name for p in folder.iterdir()) if folder.exists() else []


def test_check_prints_the_same_bytes_from_the_files_and_from_the_cache(cache_dir: Path) -> None:
    """As a user runs it: a process per command, ending as soon as its output is out."""
    command = [sys.executable, "-m", "csea", "check", str(EXAMPLE), "--as-of", "2026-11-20"]
    runs = [
        subprocess.run(command, capture_output=True, check=False, env=os.environ | extra)
        for extra in ({"CSEA_NO_CACHE": "1"}, {}, {})
    ]
    outputs = {(r.returncode, r.stdout, r.stderr) for r in runs}
    assert (len(outputs), cached(cache_dir)) == (1, [".catalog", "key"])
    assert runs[0].returncode == 1
    assert runs[0].stdout.decode().endswith("fails at --fail-on error\n")


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--no-cache",), {}), ((), {"CSEA_NO_CACHE": "1"})],
    ids=["option", "environment"],
)
def test_the_cache_can_be_turned_off(
    cache_dir: Path,
    make_catalog: CatalogFactory,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: dict[str, str],
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code, out, _ = run(*args, "catalog", "validate", make_catalog())
    assert (code, out, cached(cache_dir)) == (
        0,
        "catalogue is valid: 0 error(s), 0 warning(s)\n",
        [],
    )


def test_cache_path_and_clear(cache_dir: Path, make_catalog: CatalogFactory) -> None:
    assert run("cache", "path") == (0, f"{cache_dir}\n", "")
    run("catalog", "list", "--catalog", make_catalog())
    assert cached(cache_dir) == [".catalog", "key"]
    assert run("cache", "clear") == (0, f"removed 2 file(s) from {cache_dir}\n", "")
    assert run("cache", "clear") == (0, f"removed 0 file(s) from {cache_dir}\n", "")
