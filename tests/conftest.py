"""Shared fixtures: a small valid catalogue written to a temporary directory, to break on purpose."""

from __future__ import annotations

import os
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

CATALOG_YAML = """\
id: mini
title: Mini catalogue
version: "2026.11"
date: 2026-11-01
pillars:
  - id: block
    prefix: BLOCK
    title: Block on detection
    demand: Block abuse material when it is detected at upload.
    description: Detection and removal.
  - id: grooming
    prefix: GROOM
    title: Stop grooming
    demand: Stop online grooming.
    description: Contact risks.
changes: []
"""

SOURCES_YAML = """\
sources:
  - id: uk.osa2023
    title: Online Safety Act 2023
    short_title: UK OSA
    issuer: UK Parliament
    jurisdictions: [GB]
    kind: legislation
    force: legal_duty
    status: in_force
    date: 2023-10-26
    verification: verified
    timeline:
      - date: 2023-10-26
        status: in_force
        verification: verified
    provisions:
      - id: s10
        title: Safety duties about illegal content
        verification: verified
      - id: s66
        title: Reporting CSEA content to the NCA
        in_force: 2026-04-07
        verification: verified
  - id: vol.vp2020
    title: Voluntary Principles
    short_title: VP 2020
    issuer: Five Country Ministerial
    jurisdictions: [AU, CA, GB, NZ, US]
    kind: principles
    force: voluntary_principle
    status: voluntary
    verification: verified
    provisions:
      - id: p1
        title: Prevent known CSAM
        verification: verified
      - id: p3
        title: Combat grooming
        verification: verified
"""

BLOCK_01 = """\
id: BLOCK-01
pillar: block
title: Hash-match known images
statement: Match uploaded images against hash lists of known abuse material.
rationale: Known material is found fastest by matching.
applies_when:
  all:
    - jurisdiction: GB
    - feature: image_upload
citations:
  - source: uk.osa2023
    provision: s10
    relationship: part_of
    verification: secondary
  - source: vol.vp2020
    provision: p1
    relationship: equivalent
    verification: verified
    note: Read in the gov.uk overview of the Voluntary Principles, principle 1.
measures:
  - id: hash-matching
    name: Perceptual hash matching
    description: Compare uploads with hash lists.
questions:
  - id: q1
    text: Do you hash-match every uploaded image?
related: [GROOM-01]
"""

GROOM_01 = """\
id: GROOM-01
pillar: grooming
title: Safe defaults for children
statement: Child accounts cannot be messaged by strangers by default.
rationale: Grooming starts with contact.
citations:
  - source: vol.vp2020
    provision: p3
    relationship: part_of
    verification: verified
    note: Read in the gov.uk overview of the Voluntary Principles, principle 3.
"""

CatalogFactory = Callable[..., Path]


@pytest.fixture
def make_catalog(tmp_path: Path) -> CatalogFactory:
    """Write the mini catalogue; keyword arguments replace or add files (value None removes).

    Keys are paths relative to the catalogue root with '/' separators, e.g.
    ``make_catalog(**{"block/BLOCK-02.yaml": "..."})``.
    """

    def factory(**files: str | bytes | None) -> Path:
        root = tmp_path / "catalog"
        contents: dict[str, str | bytes | None] = {
            "catalog.yaml": CATALOG_YAML,
            "sources.yaml": SOURCES_YAML,
            "block/BLOCK-01.yaml": BLOCK_01,
            "grooming/GROOM-01.yaml": GROOM_01,
        }
        contents.update(files)
        for name, text in contents.items():
            if text is None:
                continue
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return factory


class GitRepo:
    """A git repository in a temporary folder, committed to with fixed names and dates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.commits = 0
        self.git("init", "--quiet", "--initial-branch=main")

    def git(self, *args: str) -> str:
        """Run git in the repository (as a test's own tool, not through csea)."""
        day = f"2026-0{1 + self.commits % 9}-1{self.commits % 10}T10:00:00+00:00"
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(self.root),
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Ana Analyst",
            "GIT_AUTHOR_EMAIL": "ana@example.invalid",
            "GIT_COMMITTER_NAME": "Ana Analyst",
            "GIT_COMMITTER_EMAIL": "ana@example.invalid",
            "GIT_AUTHOR_DATE": day,
            "GIT_COMMITTER_DATE": day,
        }
        done = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def commit(self, message: str, **files: str | None) -> str:
        """Write (or, with None, delete) files given by relative path, commit them, return the hash."""
        for name, text in files.items():
            path = self.root / name
            if text is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        self.git("add", "--all")
        self.git("commit", "--quiet", "--allow-empty", "-m", message)
        self.commits += 1
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def git_repo(tmp_path: Path) -> GitRepo:
    """An empty git repository (``repo/`` in the test's temporary folder)."""
    root = tmp_path / "repo"
    root.mkdir()
    return GitRepo(root)
