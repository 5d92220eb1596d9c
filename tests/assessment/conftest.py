"""Fixtures for init, diff and migrate: a catalogue with three obligations and a profile.

The catalogue is the shared mini catalogue (``make_catalog``) plus ``BLOCK-02``, which
applies only to services with video upload. For the default profile (GB, image upload,
direct messages) on ``AS_OF``: BLOCK-01 applies (legal duty), BLOCK-02 does not,
GROOM-01 applies (voluntary principle).
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from csea.cli import app
from tests.assessment.versions import V1_FILES, V2_FILES
from tests.conftest import CatalogFactory

AS_OF = dt.date(2026, 12, 1)

BLOCK_02 = """\
id: BLOCK-02
pillar: block
title: Hash-match known videos
statement: Match uploaded videos against hash lists of known abuse material.
rationale: Known video is found fastest by matching.
applies_when:
  feature: video_upload
citations:
  - source: vol.vp2020
    provision: p1
    relationship: part_of
    verification: verified
questions:
  - id: q1
    text: Do you hash-match every uploaded video, including edits and clips?
evidence:
  - id: e1
    description: The runbook of the video matching pipeline and a month of match statistics.
"""

PROFILE = """\
organisation: Example Ltd
service: Clipshare
kinds: {present: [user_to_user], absent: all others}
features: {present: [image_upload, direct_messages], absent: all others}
users: {GB: 250000}
not_offered_in: all others
established_in: [GB]
children_likely: true
"""

ProfileWriter = Callable[..., Path]
Runner = Callable[..., tuple[int, str, str]]


@pytest.fixture
def catalog_dir(make_catalog: CatalogFactory) -> Path:
    """The mini catalogue with BLOCK-02 (video upload) added."""
    return make_catalog(**{"block/BLOCK-02.yaml": BLOCK_02})


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """An empty working directory for profiles and assessments."""
    path = tmp_path / "work"
    path.mkdir()
    return path


@pytest.fixture
def write_profile(work: Path) -> ProfileWriter:
    """Write ``profile.yaml`` in the working directory (features replaced when given)."""

    def writer(
        features: str = "[image_upload, direct_messages]", service: str = "Clipshare"
    ) -> Path:
        text = PROFILE.replace("[image_upload, direct_messages]", features)
        path = work / "profile.yaml"
        path.write_text(text.replace("Clipshare", service), encoding="utf-8")
        return path

    return writer


@pytest.fixture
def run() -> Runner:
    """Run the csea command line; return exit code, stdout and stderr."""
    runner = CliRunner()

    def invoke(*args: str | Path) -> tuple[int, str, str]:
        result = runner.invoke(app, [str(a) for a in args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def dedent(text: str) -> str:
    """Inline YAML in tests, written indented."""
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def catalogs(make_catalog: CatalogFactory, tmp_path: Path) -> tuple[Path, Path]:
    """The catalogue at versions 2026.11 and 2027.01 (see ``versions.py``)."""
    v1 = tmp_path / "v1"
    shutil.copytree(make_catalog(**V1_FILES), v1)
    v2 = make_catalog(**V2_FILES)
    for name in [*V1_FILES, "grooming/GROOM-01.yaml"]:
        if name != "catalog.yaml":
            (v2 / name).unlink()
    return v1, v2
