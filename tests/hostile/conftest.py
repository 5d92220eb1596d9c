"""Fixtures for hostile input: both YAML parsers, a valid workspace to break, a bounded ``csea``.

``workspace`` writes the mini catalogue (``make_catalog``), a profile and an assessment that
all load cleanly; each test then replaces one file with something hostile.
``run_csea`` runs the real console entry point in a child process with a time limit and an
address-space limit, so a hang or a memory blow-up fails the test instead of the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import csea.yamlio.reader
from tests.conftest import CatalogFactory

PROFILE = """\
organisation: Example Ltd
service: Pics
kinds: [user_to_user]
features: [image_upload]
users: {GB: 1000}
established_in: [GB]
children_likely: true
"""

ASSESSMENT = """\
# The team's answers for Pics.
catalog: {id: mini, version: "2026.11"}
profile: profile.yaml
assessed_by: Trust and Safety
answers:
  BLOCK-01:
    status: implemented   # hash matching went live in March
    owner: T&S engineering
    evidence:
      - title: Hash matching runbook
        url: https://wiki.example.invalid/runbook
        collected: 2026-10-01
  GROOM-01:
    status: planned
    due: 2027-03-01
"""

MEMORY_LIMIT = 1024 * 1024 * 1024
"""Address space a child ``csea`` may use (1 GiB, several times what it needs)."""
TIMEOUT = 60
"""Seconds a child ``csea`` may run; a hostile file must be refused long before."""


@dataclass(frozen=True)
class Workspace:
    """A directory with a valid catalogue, profile and assessment."""

    root: Path
    catalog: Path
    profile: Path
    assessment: Path


@pytest.fixture
def workspace(tmp_path: Path, make_catalog: CatalogFactory) -> Workspace:
    catalog = make_catalog()
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    assessment = tmp_path / "assessment.yaml"
    assessment.write_text(textwrap.dedent(ASSESSMENT), encoding="utf-8")
    return Workspace(tmp_path, catalog, profile, assessment)


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with the C parser and again with the pure Python fallback."""
    loader = yaml.CSafeLoader if request.param == "libyaml" else yaml.SafeLoader
    monkeypatch.setattr(csea.yamlio.reader, "_LOADER", loader)
    return str(request.param)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


Csea = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_csea(workspace: Workspace) -> Csea:
    """Run ``python -m csea ARGS`` in the workspace, bounded in time and memory."""

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CSEA_")}
        env |= {"CSEA_TODAY": "2026-11-20", "COLUMNS": "200", "NO_COLOR": "1"}
        return subprocess.run(
            [sys.executable, "-m", "csea", *map(str, args)],
            cwd=cwd or workspace.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            preexec_fn=_limit_memory,
            check=False,
        )

    return run
