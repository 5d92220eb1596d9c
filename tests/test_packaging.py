"""The wheel ships the catalogue, and the installed package reads it from inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [built] = out.glob("csea_obligations-*.whl")
    return built


def test_every_catalogue_file_is_in_the_wheel(wheel: Path) -> None:
    shipped = {
        str(p.relative_to(REPO / "obligations")) for p in (REPO / "obligations").rglob("*.yaml")
    }
    assert shipped, "no catalogue files found"
    with zipfile.ZipFile(wheel) as archive:
        packed = {
            n.removeprefix("csea/obligations/")
            for n in archive.namelist()
            if n.startswith("csea/obligations/")
        }
    assert shipped - packed == set()


def test_installed_package_loads_its_own_catalogue(wheel: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(tmp_path)
    code = "import csea, sys; c = csea.load_catalog(); print(c.root, len(c.obligations))"
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(tmp_path)!r}); {code}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    root, count = result.stdout.split()
    assert root.startswith(str(tmp_path))
    assert int(count) > 0
