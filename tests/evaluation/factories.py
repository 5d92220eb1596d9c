"""Small catalogues, profiles and assessments for the evaluation tests.

The catalogue is the shared mini catalogue (``make_catalog``) plus:

- ``BLOCK-02``: cites only UK OSA s66, in force from 2026-04-07, with a cited target;
- ``GROOM-02``: cites only a lapsed UK instrument (in force 2021-08-02, lapsed 2024-04-03);
- a change log entry splitting the old ``BLOCK-09`` into ``BLOCK-01`` and ``BLOCK-02``.

For the default profile (GB, image upload) on ``AS_OF``: BLOCK-01 is a legal duty,
BLOCK-02 a legal duty, GROOM-01 a voluntary principle; GROOM-02 does not apply.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

from csea.assessment.load import LoadedAssessment, load_assessment
from csea.catalog.loader import load_catalog
from csea.evaluation.engine import evaluate
from csea.models import Assessment, Catalog
from csea.models.evaluation import Evaluation
from tests.conftest import CATALOG_YAML, SOURCES_YAML, CatalogFactory

AS_OF = dt.date(2026, 11, 20)
FRESH = "2026-10-01"

CHANGES = """\
changes:
  - version: "2026.11"
    kind: split
    ids: [BLOCK-09]
    into: [BLOCK-01, BLOCK-02]
    reason: Images and reporting are assessed separately.
"""

LAPSED_SOURCE = """\
  - id: uk.interim2021
    title: Interim Detection Regulations 2021
    short_title: UK interim
    issuer: UK Parliament
    jurisdictions: [GB]
    kind: regulation
    force: legal_duty
    status: lapsed
    verification: verified
    timeline:
      - date: 2021-08-02
        status: in_force
        verification: verified
      - date: 2024-04-03
        status: lapsed
        verification: verified
    provisions:
      - id: r3
        title: Keep records of detection
        verification: verified
"""

BLOCK_02 = """\
id: BLOCK-02
pillar: block
title: Report detected material
statement: Report detected abuse material to the national agency.
rationale: Reports let the agency act.
citations:
  - source: uk.osa2023
    provision: s66
    relationship: equivalent
    verification: unverified
indicators:
  - id: reports-on-time
    name: Reports made within the deadline
    unit: percent
    direction: higher_is_better
    target: {value: 95, source: uk.osa2023, provision: s66}
  - id: hours-to-report
    name: Hours from detection to report
    unit: hours
    direction: lower_is_better
    target: {value: 24, source: uk.osa2023, provision: s66}
"""

GROOM_02 = """\
id: GROOM-02
pillar: grooming
title: Keep detection records
statement: Keep records of grooming detection.
rationale: Records show what was done.
citations:
  - source: uk.interim2021
    provision: r3
    relationship: equivalent
    verification: verified
"""

PROFILE: dict[str, Any] = {
    "organisation": "Example Ltd",
    "service": "Pics",
    "kinds": {"present": ["user_to_user"], "absent": "all others"},
    "features": {"present": ["image_upload"], "absent": "all others"},
    "users": {"GB": 1000},
    "not_offered_in": "all others",
    "established_in": ["GB"],
    "children_likely": True,
}


def evidence(collected: str = FRESH, **extra: str) -> dict[str, Any]:
    """One piece of evidence, by URL."""
    found = {"title": "Runbook", "url": "https://wiki.example.invalid/runbook"}
    return found | {"collected": collected} | extra


def done(**extra: Any) -> dict[str, Any]:
    """An answer that raises no finding: implemented, with fresh evidence."""
    return {"status": "implemented", "owner": "T&S", "evidence": [evidence()]} | extra


def clean_answers() -> dict[str, Any]:
    """Answers for every obligation that applies on AS_OF, none raising a finding."""
    return {"BLOCK-01": done(), "BLOCK-02": done(), "GROOM-01": done()}


def catalog_dir(make_catalog: CatalogFactory) -> Path:
    """Write the extended mini catalogue and return its directory."""
    header = CATALOG_YAML.replace("changes: []\n", CHANGES)
    return make_catalog(
        **{
            "catalog.yaml": header,
            "sources.yaml": SOURCES_YAML + LAPSED_SOURCE,
            "block/BLOCK-02.yaml": BLOCK_02,
            "grooming/GROOM-02.yaml": GROOM_02,
        }
    )


def mini_catalog(make_catalog: CatalogFactory) -> Catalog:
    """The extended mini catalogue, loaded."""
    return load_catalog(catalog_dir(make_catalog))


def assessment(
    answers: dict[str, Any], profile: dict[str, Any] | None = None, **extra: Any
) -> Assessment:
    """An assessment with an inline profile."""
    return Assessment.model_validate(
        {
            "catalog": {"id": "mini", "version": "2026.11"},
            "profile": profile or PROFILE,
            "answers": answers,
        }
        | extra
    )


def run(
    catalog: Catalog,
    answers: dict[str, Any],
    as_of: dt.date = AS_OF,
    **options: Any,
) -> Evaluation:
    """Evaluate answers (inline profile) against the catalogue."""
    return evaluate(catalog, assessment(answers), as_of=as_of, **options)


def write_service(
    folder: Path,
    answers: str,
    *,
    profile: dict[str, Any] | None = None,
    version: str = "2026.11",
    name: str = "assessment.yaml",
) -> Path:
    """Write ``profile.yaml`` and an assessment whose answers block is ``answers`` (YAML)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "profile.yaml").write_text(json.dumps(profile or PROFILE, indent=2), "utf-8")
    head = f'catalog: {{id: mini, version: "{version}"}}\nprofile: profile.yaml\nanswers:\n'
    path = folder / name
    path.write_text(head + textwrap.indent(textwrap.dedent(answers), "  "), "utf-8")
    return path


def load(path: Path) -> LoadedAssessment:
    """Load an assessment file."""
    return load_assessment(path)
