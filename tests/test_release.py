"""The release artifacts work as a new user meets them.

The sdist is built from a copy of the source tree, the wheel is built from that sdist (what
``python -m build`` does), and each documented way of installing csea is run verbatim in a
fresh virtual environment outside the repository. The installed program then validates its
own catalogue, checks a shipped example and prints its schemas, with the same results as the
development install.

Dependencies in the fresh environments come from ``requirements/runtime.txt`` (hash-checked),
and every ``pip`` the documented commands start is held to the same versions, so this test does
not move when a new release appears upstream (``make test-latest`` is for that).
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.docs.blocks import Block, blocks

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements" / "runtime.txt"
_IGNORE_ANYWHERE = shutil.ignore_patterns(".git", ".venv*", "*.egg-info", "__pycache__", ".*_cache")
_OUTPUT_FOLDERS = {"site", "out", "dist", "build"}
"""Build output, left out only at the top of the tree (``src/csea/site`` is source)."""


def _copy_ignore(folder: str, names: list[str]) -> set[str]:
    ignored = set(_IGNORE_ANYWHERE(folder, names))
    return ignored | (_OUTPUT_FOLDERS & set(names)) if Path(folder) == REPO else ignored


def _run(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )
    assert result.returncode == 0, f"{shlex.join(args)}\n{result.stdout}\n{result.stderr}"
    return result


@dataclass(frozen=True)
class Built:
    """A source copy named ``csea`` in ``home``, and the sdist and wheel built from it."""

    home: Path
    sdist: Path
    wheel: Path

    @property
    def source(self) -> Path:
        return self.home / "csea"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    home = tmp_path_factory.mktemp("release")
    shutil.copytree(REPO, home / "csea", symlinks=True, ignore=_copy_ignore)
    # python -m build: the sdist first, then the wheel from the unpacked sdist. The locked
    # hatchling builds it (no isolation), so the test needs no package index.
    _run([sys.executable, "-m", "build", "--no-isolation", "./csea"], cwd=home)
    [sdist] = (home / "csea" / "dist").glob("csea_obligations-*.tar.gz")
    [wheel] = (home / "csea" / "dist").glob("csea_obligations-*.whl")
    return Built(home, sdist, wheel)


def _tracked(folder: str) -> set[str]:
    return {p.relative_to(REPO).as_posix() for p in (REPO / folder).rglob("*") if p.is_file()}


def test_the_wheel_carries_every_catalogue_file_schema_and_template(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        packed = set(archive.namelist())
    expected = {f"csea/{name}" for name in _tracked("obligations") | _tracked("schema")}
    templates = {
        f"csea/{p.relative_to(REPO / 'src' / 'csea').as_posix()}"
        for p in (REPO / "src" / "csea").rglob("templates/*")
    }
    assert len(expected) > 70
    assert templates
    assert (expected | templates) - packed == set()


def test_the_sdist_holds_what_a_packager_needs(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        top = archive.getnames()[0].split("/")[0]
        packed = {name.removeprefix(f"{top}/") for name in archive.getnames()}
    needed = {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "Makefile", "mkdocs.yml"}
    needed |= {"requirements/runtime.txt", "requirements/dev.txt"}
    for folder in ("obligations", "schema", "examples", "tests", "docs", "src/csea"):
        needed |= {
            name
            for name in _tracked(folder)
            if "__pycache__" not in name and not name.startswith("src/csea/obligations/")
        }
    assert needed - packed == set()


def _install_blocks() -> list[Block]:
    pages = [("README.md", REPO), *((page, REPO / "docs") for page in ("quickstart.md",))]
    found = [b for page, root in pages for b in blocks(page, root) if b.directive]
    return [b for b in found if b.directive.split()[0] == "install"]  # type: ignore[union-attr]


INSTALLS = _install_blocks()


def _constraints(path: Path) -> Path:
    """The runtime lock as plain ``name==version`` lines, for pip's build environments too."""
    pins = re.findall(r"^([A-Za-z0-9._-]+==[^\s;\\]+)", LOCK.read_text(), re.MULTILINE)
    dev = (REPO / "requirements" / "dev.txt").read_text()
    pins += re.findall(r"^(hatchling==[^\s;\\]+)", dev, re.MULTILINE)
    path.write_text("\n".join(pins) + "\n")
    return path


@pytest.fixture(scope="module", params=INSTALLS, ids=[f"{b.page}:{b.line}" for b in INSTALLS])
def installed(request: pytest.FixtureRequest, built: Built) -> Path:
    """A fresh virtual environment with csea installed by one documented block; its bin/."""
    block: Block = request.param
    venv = built.home / f"venv-{block.page.replace('.', '-')}-{block.line}"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=built.home)
    python = str(venv / "bin" / "python")
    env = {**os.environ, "PIP_CONSTRAINT": str(_constraints(venv / "constraints.txt"))}
    env.pop("VIRTUAL_ENV", None)
    _run(
        [python, "-m", "pip", "install", "--require-hashes", "--no-deps", "-r", str(LOCK)],
        cwd=built.home,
        env=env,
    )
    inside = (block.directive or "").split()[1:] == ["inside"]
    cwd = built.source if inside else built.home
    for line in block.text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        words = shlex.split(line)
        assert words[:3] == ["python3", "-m", "pip"], f"{block.where}: {line}"
        args = [a for w in words[3:] for a in (sorted(glob.glob(w, root_dir=cwd)) or [w])]
        _run([python, "-m", "pip", *args], cwd=cwd, env=env)
    return venv / "bin"


def _csea(bin_dir: Path, *args: str, cwd: Path, code: int = 0) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CSEA_", "VIRTUAL_ENV"))}
    env["CSEA_TODAY"] = "2026-11-20"
    result = subprocess.run(
        [str(bin_dir / "csea"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == code, f"csea {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_every_install_path_is_documented() -> None:
    assert [(b.page, b.directive) for b in INSTALLS] == [
        ("README.md", "install inside"),
        ("quickstart.md", "install"),
        ("quickstart.md", "install"),
    ]


def test_the_installed_program_works_outside_the_repository(
    installed: Path, tmp_path: Path
) -> None:
    shutil.copytree(REPO / "examples" / "vidora", tmp_path / "vidora")
    python = installed / "python"
    where = _run(
        [str(python), "-c", "import csea; print(csea.load_catalog().root)"], cwd=tmp_path
    ).stdout.strip()
    assert "site-packages" in where
    assert not where.startswith(str(REPO))
    assert "0 error(s)" in _csea(installed, "catalog", "validate", cwd=tmp_path)
    ours = _csea(
        Path(sys.executable).parent, "check", "vidora/assessment.yaml", cwd=tmp_path, code=1
    )
    assert _csea(installed, "check", "vidora/assessment.yaml", cwd=tmp_path, code=1) == ours
    assert _csea(installed, "schema", "profile", cwd=tmp_path).startswith("{")
    _csea(installed, "schema", "--output-dir", "schemas", cwd=tmp_path)
    assert sorted(p.name for p in (tmp_path / "schemas").iterdir()) == sorted(
        p.name for p in (REPO / "schema").iterdir()
    )
    _csea(
        installed,
        "report",
        "vidora/assessment.yaml",
        "--format",
        "html",
        "-o",
        "r.html",
        cwd=tmp_path,
    )
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")
