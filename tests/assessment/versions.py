"""A catalogue change made in a fixture: version 2026.11 and version 2027.01.

Between the two versions: BLOCK-01 changed; BLOCK-02 and BLOCK-03 merged into BLOCK-04;
GROOM-01 split into GROOM-02 and GROOM-03; GROOM-09 retired; BLOCK-05 (applies) and
BLOCK-06 (video upload only, so not for the default profile) added. Older log entries
(2026.05, 2026.11) must not be applied again. ``ASSESSMENT`` answers version 2026.11.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import BLOCK_01, CATALOG_YAML, GROOM_01, SOURCES_YAML

V1_HEADER = CATALOG_YAML.replace(
    "changes: []\n",
    """\
changes:
  - version: "2026.05"
    kind: added
    ids: [BLOCK-01]
    reason: First version.
  - version: "2026.11"
    kind: changed
    ids: [BLOCK-01]
    reason: Wording.
""",
)

V2_HEADER = (
    V1_HEADER.replace('version: "2026.11"\ndate', 'version: "2027.01"\ndate')
    + """\
  - version: "2027.01"
    kind: changed
    ids: [BLOCK-01]
    reason: Now covers edited images too.
  - version: "2027.01"
    kind: merged
    ids: [BLOCK-02, BLOCK-03]
    into: [BLOCK-04]
    reason: Image and video matching are one pipeline.
  - version: "2027.01"
    kind: split
    ids: [GROOM-01]
    into: [GROOM-02, GROOM-03]
    reason: Messaging and discovery defaults are assessed apart.
  - version: "2027.01"
    kind: retired
    ids: [GROOM-09]
    reason: Covered by GROOM-02.
  - version: "2027.01"
    kind: added
    ids: [BLOCK-05, BLOCK-06]
    reason: New expectations on URL lists and video.
"""
)


def obligation(oid: str, pillar: str, title: str, condition: str = "") -> str:
    return f"""\
id: {oid}
pillar: {pillar}
title: {title}
statement: {title}, as the sources ask.
rationale: It reduces harm to children.
{condition}citations:
  - source: vol.vp2020
    provision: p3
    relationship: part_of
    verification: verified
"""


V1_FILES: dict[str, str | None] = {
    "catalog.yaml": V1_HEADER,
    "block/BLOCK-02.yaml": obligation("BLOCK-02", "block", "Match images"),
    "block/BLOCK-03.yaml": obligation("BLOCK-03", "block", "Match videos"),
    "grooming/GROOM-09.yaml": obligation("GROOM-09", "grooming", "Warn about strangers"),
}
V2_FILES: dict[str, str | None] = {
    "catalog.yaml": V2_HEADER,
    "block/BLOCK-01.yaml": BLOCK_01.replace("related: [GROOM-01]", "related: [GROOM-02]"),
    "block/BLOCK-04.yaml": obligation("BLOCK-04", "block", "Match images and videos"),
    "block/BLOCK-05.yaml": obligation("BLOCK-05", "block", "Block known URLs"),
    "block/BLOCK-06.yaml": obligation(
        "BLOCK-06", "block", "Match live video", "applies_when:\n  feature: video_upload\n"
    ),
    "grooming/GROOM-02.yaml": obligation("GROOM-02", "grooming", "Private messages by default"),
    "grooming/GROOM-03.yaml": obligation("GROOM-03", "grooming", "No stranger suggestions"),
}

ASSESSMENT = """\
# Clipshare, kept by the T&S policy team.
catalog:
  id: mini
  version: "2026.11"   # bump only with csea migrate
profile: profile.yaml
assessed_by: T&S policy
answers:
  # Reviewed with engineering.
  BLOCK-01:
    status: implemented
    evidence:
      - title: Hash matching runbook
        url: https://wiki.example.invalid/trust/hash
        collected: 2026-10-01
  BLOCK-02:
    status: implemented
    owner: Integrity Engineering
    evidence:
      - title: Image matching dashboard
        url: https://dash.example.invalid/images
        collected: 2026-10-02
    notes: Images matched at upload.
  BLOCK-03:
    status: partial
    owner: Video Platform
    due: 2027-02-01
    evidence:
      - title: Video pilot report
        path: reports/video-pilot.pdf
        collected: 2026-09-30
    notes: Video matching in pilot.
    # The pilot ends in February.

  # Agreed with legal.
  GROOM-01:
    status: planned   # see the roadmap
    due: 2027-03-31
    owner: Youth Safety
  GROOM-09:
    status: not_implemented
    accepted_by: Chief Trust Officer
"""


def write_catalogs(root: Path) -> tuple[Path, Path]:
    """The catalogue at 2026.11 and 2027.01, written in ``root/v1`` and ``root/v2``."""
    base = {
        "catalog.yaml": CATALOG_YAML,
        "sources.yaml": SOURCES_YAML,
        "block/BLOCK-01.yaml": BLOCK_01,
        "grooming/GROOM-01.yaml": GROOM_01,
    }
    made = []
    for name, files in (("v1", V1_FILES), ("v2", {**V2_FILES, "grooming/GROOM-01.yaml": None})):
        for file, text in {**base, **files}.items():
            if text is not None:
                (root / name / file).parent.mkdir(parents=True, exist_ok=True)
                (root / name / file).write_text(text, encoding="utf-8")
        made.append(root / name)
    return made[0], made[1]
