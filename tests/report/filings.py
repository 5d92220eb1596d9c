"""A small catalogue with an Act, an Ofcom code and the BOSE Determination, for the regulators' documents.

``assess(tmp_path, answers, **profile)`` writes it with an assessment and returns the
catalogue and the evaluated service, as ``csea export`` would have them.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

from csea.catalog.loader import load_catalog
from csea.evaluation.files import AssessedService, assess_files
from csea.models import Catalog

AS_OF = dt.date(2026, 11, 20)

CATALOG = """\
id: filings
title: Filing fixture catalogue
version: "2026.11"
date: 2026-11-01
pillars:
  - id: block
    prefix: BLOCK
    title: Block on detection
    demand: Block abuse material when it is detected.
    description: Detection and removal.
  - id: grooming
    prefix: GROOM
    title: Stop grooming
    demand: Stop online grooming.
    description: Contact risks.
"""

SOURCES = """\
sources:
  - id: uk.osa2023
    title: Online Safety Act 2023
    short_title: UK OSA 2023
    issuer: UK Parliament
    jurisdictions: [GB]
    kind: legislation
    force: legal_duty
    status: in_force
    verification: secondary
    provisions:
      - {id: s9, title: Illegal content risk assessment duties, verification: secondary}
      - {id: s10.2, title: Proportionate measures against priority illegal content, verification: secondary}
      - {id: s11, title: Children's risk assessment duties, verification: secondary}
  - id: uk.ofcom.icu
    title: Illegal content Codes of Practice for user-to-user services
    short_title: Ofcom illegal U2U code
    issuer: Ofcom
    jurisdictions: [GB]
    kind: regulatory_code
    force: regulatory_code
    status: in_force
    url: https://www.ofcom.example.invalid/codes
    verification: secondary
    provisions:
      - {id: C9, title: Hash matching for image-based CSAM, verification: secondary}
      - {id: C10, title: Detect listed CSAM URLs, verification: secondary}
      - {id: C15, title: Crisis response, verification: secondary}
      - {id: F1, title: Safety defaults for child users, verification: secondary}
      - {id: F1.4, part_of: F1, title: Confirm messages from non-connections, verification: secondary}
      - {id: X1, title: A measure laid but not yet in force, status: adopted_not_in_force, verification: secondary}
  - id: uk.ofcom.asm2025
    title: Ofcom additional safety measures consultation
    short_title: Ofcom 2025 proposals
    issuer: Ofcom
    jurisdictions: [GB]
    kind: proposal
    force: regulatory_code
    status: proposed
    verification: secondary
    provisions:
      - {id: proactive-detection, title: Proactive detection, verification: secondary}
  - id: au.bose2022
    title: Online Safety (Basic Online Safety Expectations) Determination 2022
    short_title: BOSE 2022
    issuer: Australian Minister
    jurisdictions: [AU]
    kind: regulation
    force: regulatory_code
    status: in_force
    verification: secondary
    provisions:
      - {id: s11, title: Minimise certain material, verification: secondary}
      - {id: s13, title: Mechanisms to report and complain, verification: secondary}
      - {id: s18, title: Section 18 (title not captured), verification: secondary}
  - id: au.bose2024
    title: Online Safety (Basic Online Safety Expectations) Amendment Determination 2024
    short_title: BOSE 2024 amendment
    issuer: Australian Government
    jurisdictions: [AU]
    kind: regulation
    force: regulatory_code
    status: in_force
    verification: secondary
    provisions:
      - {id: best-interests, title: Best interests of the child, verification: secondary}
"""

UNCITED = """\
uncited:
  - source: uk.ofcom.icu
    provision: C15
    reason: Crisis response; not CSEA-specific.
"""

BLOCK_01 = """\
id: BLOCK-01
pillar: block
title: Hash-match known images
statement: Match uploaded images against hash lists of known abuse material.
rationale: Known material is found fastest by matching.
citations:
  - {source: uk.ofcom.icu, provision: C9, relationship: equivalent, verification: secondary}
  - {source: uk.osa2023, provision: s10.2, relationship: part_of, verification: secondary}
  - {source: au.bose2022, provision: s11, relationship: overlaps, verification: secondary}
  - {source: uk.ofcom.icu, provision: X1, relationship: overlaps, verification: secondary}
measures:
  - id: hash-matching
    name: Perceptual hash matching
    description: Compare uploads with hash lists.
    examples: [PhotoDNA]
questions:
  - {id: q1, text: Do you hash-match every uploaded image?}
evidence:
  - {id: e1, description: The upload pipeline's design.}
indicators:
  - {id: coverage, name: Share of uploads matched, unit: percent, direction: higher_is_better}
related: [GROOM-01]
"""

BLOCK_02 = """\
id: BLOCK-02
pillar: block
title: Block listed URLs
statement: Block links to known abuse-material pages.
rationale: Links lead to material hosted elsewhere.
citations:
  - source: uk.ofcom.icu
    provision: C10
    relationship: equivalent
    verification: secondary
    applies_when:
      users: {jurisdiction: GB, at_least: 7000000}
  - {source: au.bose2022, provision: s13, relationship: part_of, verification: secondary}
  - {source: uk.ofcom.asm2025, provision: proactive-detection, relationship: overlaps, verification: secondary}
"""

GROOM_01 = """\
id: GROOM-01
pillar: grooming
title: Safe defaults for children
statement: Child accounts cannot be messaged by strangers by default.
rationale: Grooming starts with contact.
citations:
  - {source: uk.ofcom.icu, provision: F1, relationship: part_of, verification: secondary}
  - {source: uk.ofcom.icu, provision: F1.4, relationship: overlaps, verification: secondary}
  - {source: au.bose2024, provision: best-interests, relationship: part_of, verification: secondary}
"""

GROOM_02 = """\
id: GROOM-02
pillar: grooming
title: Assess the risks to children
statement: Assess illegal content and children's risks before launch.
rationale: Risks are found before they are built in.
citations:
  - {source: uk.osa2023, provision: s9, relationship: part_of, verification: secondary}
  - {source: uk.osa2023, provision: s11, relationship: part_of, verification: secondary}
"""

FILES = {
    "catalog.yaml": CATALOG,
    "sources.yaml": SOURCES,
    "uncited.yaml": UNCITED,
    "block/BLOCK-01.yaml": BLOCK_01,
    "block/BLOCK-02.yaml": BLOCK_02,
    "grooming/GROOM-01.yaml": GROOM_01,
    "grooming/GROOM-02.yaml": GROOM_02,
}

PROFILE: dict[str, Any] = {
    "organisation": "Example Media Ltd",
    "service": "Pebble Video",
    "kinds": ["user_to_user"],
    "features": ["image_upload"],
    "users": {"GB": 1_200_000, "AU": 300_000},
    "established_in": ["GB"],
    "children_likely": True,
}

ANSWERS: dict[str, Any] = {
    "BLOCK-01": {
        "status": "implemented",
        "owner": "Integrity Engineering",
        "evidence": [
            {
                "title": "Hash matching design",
                "url": "https://wiki.example.invalid/hash",
                "collected": "2026-04-02",
            },
            {
                "title": "Hash-list licence",
                "path": "legal/hash-licence.pdf",
                "collected": "2026-03-01",
                "sensitivity": "confidential",
            },
        ],
        "notes": "Covers images and keyframes.",
    },
    "BLOCK-02": {"status": "implemented", "evidence": []},
    "GROOM-01": {"status": "partial", "due": "2027-02-28", "owner": "Youth Safety"},
    "GROOM-02": {
        "status": "implemented",
        "evidence": [
            {"title": "Risk assessment 2026", "path": "risk/2026.md", "collected": "2026-03-31"}
        ],
    },
}


def write_catalog(root: Path, **files: str | None) -> Path:
    """Write the fixture catalogue under ``root``; keyword arguments replace or remove files."""
    contents: dict[str, str | None] = {**FILES, **files}
    for name, text in contents.items():
        if text is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def assess(
    tmp_path: Path,
    answers: dict[str, Any] | None = None,
    catalog_files: dict[str, str | None] | None = None,
    **profile: Any,
) -> tuple[Catalog, AssessedService]:
    """The fixture catalogue and one evaluated assessment of Pebble Video (profile fields replaced)."""
    catalog = load_catalog(write_catalog(tmp_path / "catalog", **(catalog_files or {})))
    assessment = {
        "catalog": {"id": "filings", "version": "2026.11"},
        "profile": {**PROFILE, **profile},
        "assessed_by": "Assessor Zq7",
        "assessed_on": "2026-11-16",
        "answers": ANSWERS if answers is None else answers,
    }
    path = tmp_path / "assessment.yaml"
    path.write_text(json.dumps(assessment), encoding="utf-8")
    return catalog, assess_files(catalog, [path], as_of=AS_OF)[0]
