"""The catalogue pages are generated from the catalogue: whole pages for a small catalogue."""

from __future__ import annotations

import pytest

from csea import load_catalog
from csea.site import GeneratedPage, catalogue_nav, catalogue_pages
from csea.site.markdown import anchor, text
from csea.site.paths import obligation_href, provision_href, relative
from tests.conftest import CatalogFactory

RICH_BLOCK_01 = """\
id: BLOCK-01
pillar: block
title: Hash-match known images
statement: Match uploaded images against hash lists of known abuse material.
rationale: Known material is found fastest by matching.
applies_when:
  feature: image_upload
applicability_note: Publicly communicated content only | private spaces are a risk decision.
citations:
  - source: uk.osa2023
    provision: s10
    relationship: part_of
    verification: secondary
    applies_when:
      users: {jurisdiction: GB, at_least: 700000}
    note: One proportionate measure among others.
    quote: proportionate measures
measures:
  - id: hash-matching
    name: Perceptual hash matching
    description: Compare uploads with hash lists.
    examples: [PhotoDNA, IWF Hash List]
questions:
  - id: q1
    text: Do you hash-match every uploaded image?
evidence:
  - id: e1
    description: Architecture description <with the upload path>.
indicators:
  - id: coverage
    name: Share of uploads checked
    unit: percent
    direction: higher_is_better
  - id: takedown
    name: Time to take down
    unit: hours
    direction: lower_is_better
    target: {value: 24, source: uk.osa2023, provision: s66}
related: [GROOM-01]
"""

UNCITED = """\
uncited:
  - source: uk.osa2023
    provision: s66
    reason: A reporting duty covered by the law-enforcement pillar's own catalogue.
"""


def pages_of(make_catalog: CatalogFactory, **files: str | None) -> dict[str, GeneratedPage]:
    return {page.path: page for page in catalogue_pages(load_catalog(make_catalog(**files)))}


def test_one_page_per_pillar_and_per_source_then_the_crosswalk(
    make_catalog: CatalogFactory,
) -> None:
    pages = list(pages_of(make_catalog).values())
    assert [(p.path, p.title) for p in pages] == [
        ("catalogue/index.md", "Overview"),
        ("catalogue/pillars/block.md", "Block on detection"),
        ("catalogue/pillars/grooming.md", "Stop grooming"),
        ("catalogue/sources/uk.osa2023.md", "UK OSA"),
        ("catalogue/sources/vol.vp2020.md", "VP 2020"),
        ("catalogue/crosswalk.md", "Crosswalk"),
    ]
    assert catalogue_nav(pages) == [
        {"Overview": "catalogue/index.md"},
        {
            "Pillars": [
                {"Block on detection": "catalogue/pillars/block.md"},
                {"Stop grooming": "catalogue/pillars/grooming.md"},
            ]
        },
        {
            "Sources": [
                {"UK OSA": "catalogue/sources/uk.osa2023.md"},
                {"VP 2020": "catalogue/sources/vol.vp2020.md"},
            ]
        },
        {"Crosswalk": "catalogue/crosswalk.md"},
    ]


def test_an_obligation_in_full(make_catalog: CatalogFactory) -> None:
    page = pages_of(make_catalog, **{"block/BLOCK-01.yaml": RICH_BLOCK_01})
    section = page["catalogue/pillars/block.md"].markdown.split("## ", 1)[1]
    assert section == (
        "BLOCK-01 Hash-match known images {#block-01}\n\n"
        "**Statement.** Match uploaded images against hash lists of known abuse material.\n\n"
        "**Why.** Known material is found fastest by matching.\n\n"
        "**Applies when:** the service has the feature 'image\\_upload'.\n\n"
        "*Scope:* Publicly communicated content only \\| private spaces are a risk decision.\n\n"
        "**Citations** (the provisions it answers to):\n\n"
        "- `[S]` secondary: [Online Safety Act 2023](../sources/uk.osa2023.md), "
        "[s10](../sources/uk.osa2023.md#p-s10) (Safety duties about illegal content); part of; "
        "legal duty; applies only when at least 700,000 monthly active users in GB; "
        '"proportionate measures". *One proportionate measure among others.*\n\n'
        "**Measures that meet it:**\n\n"
        "- **Perceptual hash matching**: Compare uploads with hash lists. "
        "Examples: PhotoDNA, IWF Hash List.\n\n"
        "**What an assessor asks:**\n\n"
        "1. Do you hash-match every uploaded image?\n\n"
        "**Evidence that shows it:**\n\n"
        "- Architecture description &lt;with the upload path&gt;.\n\n"
        "**Indicators:**\n\n"
        "| Indicator | Unit | Better when | Target |\n"
        "|---|---|---|---|\n"
        "| Share of uploads checked | percent | higher is better | none set by a source |\n"
        "| Time to take down | hours | lower is better | "
        "24 ([UK OSA s66](../sources/uk.osa2023.md#p-s66)) |\n\n"
        "**Related:** [GROOM-01](grooming.md#groom-01)\n"
    )


def test_an_obligation_without_conditions_applies_to_every_service(
    make_catalog: CatalogFactory,
) -> None:
    page = pages_of(make_catalog)["catalogue/pillars/grooming.md"].markdown
    assert page.split("## ", 1)[1] == (
        "GROOM-01 Safe defaults for children {#groom-01}\n\n"
        "**Statement.** Child accounts cannot be messaged by strangers by default.\n\n"
        "**Why.** Grooming starts with contact.\n\n"
        "**Applies when:** every service.\n\n"
        "**Citations** (the provisions it answers to):\n\n"
        "- `[V]` verified: [Voluntary Principles](../sources/vol.vp2020.md), "
        "[p3](../sources/vol.vp2020.md#p-p3) (Combat grooming); part of; voluntary principle. "
        "*Read in the gov.uk overview of the Voluntary Principles, principle 3.*\n"
    )


def test_a_source_page_says_who_answers_each_provision(make_catalog: CatalogFactory) -> None:
    page = pages_of(make_catalog, **{"uncited.yaml": UNCITED})["catalogue/sources/uk.osa2023.md"]
    assert page.markdown == (
        "# Online Safety Act 2023\n\n"
        "- **Id:** `uk.osa2023`\n"
        "- **Short title:** UK OSA\n"
        "- **Issuer:** UK Parliament\n"
        "- **Applies in:** GB\n"
        "- **Kind:** legislation\n"
        "- **Force:** legal duty\n"
        "- **Status:** in force (as of 2026-11-01)\n"
        "- **Date:** 2023-10-26\n"
        "- **Public copy:** none recorded\n"
        "- **Its dates and status:** `[V]` verified\n\n"
        "## Timeline\n\n"
        "| Date | Status from then | What happened | Verified |\n"
        "|---|---|---|---|\n"
        "| 2023-10-26 | in force |   | `[V]` verified |\n\n"
        "## Provisions\n\n"
        "1 of 2 provision(s) cited by at least one obligation; 1 deliberately left uncited "
        "with a reason; 0 neither.\n\n"
        "| Provision | Title | In force | Verified | Answered by |\n"
        "|---|---|---|---|---|\n"
        '| <span id="p-s10"></span>`s10` | Safety duties about illegal content |   | `[V]` | '
        "[BLOCK-01](../pillars/block.md#block-01) (part of) |\n"
        '| <span id="p-s66"></span>`s66` | Reporting CSEA content to the NCA | 2026-04-07 | '
        "`[V]` | *not cited: A reporting duty covered by the law-enforcement pillar's own "
        "catalogue.* |\n"
    )


def test_the_crosswalk_has_one_table_per_pillar(make_catalog: CatalogFactory) -> None:
    page = pages_of(make_catalog)["catalogue/crosswalk.md"].markdown
    assert page.split("## ", 1)[1] == (
        "Block on detection\n\n"
        "| Obligation | Title | [UK OSA](sources/uk.osa2023.md) | [VP 2020](sources/vol.vp2020.md) |\n"
        "|---|---|---|---|\n"
        "| [BLOCK-01](pillars/block.md#block-01) | Hash-match known images | "
        "[s10](sources/uk.osa2023.md#p-s10) | [p1](sources/vol.vp2020.md#p-p1) |\n\n"
        "## Stop grooming\n\n"
        "| Obligation | Title | [VP 2020](sources/vol.vp2020.md) |\n"
        "|---|---|---|\n"
        "| [GROOM-01](pillars/grooming.md#groom-01) | Safe defaults for children | "
        "[p3](sources/vol.vp2020.md#p-p3) |\n"
    )


def test_the_overview_counts_citations_by_verification_level(
    make_catalog: CatalogFactory,
) -> None:
    page = pages_of(make_catalog)["catalogue/index.md"].markdown
    assert page.split("| Mark | Level | Citations | Share |\n", 1)[1] == (
        "|---|---|---|---|\n"
        "| `[V]` | verified | 2 | 67% |\n"
        "| `[S]` | secondary | 1 | 33% |\n"
        "| `[R]` | unverified | 0 | 0% |\n"
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*bold* and _under_", "\\*bold\\* and \\_under\\_"),
        ("[a link](https://example.invalid)", "\\[a link\\](https://example.invalid)"),
        ("# not a heading", "\\# not a heading"),
        ("two\n  lines", "two lines"),
        ("AT&T", "AT&amp;T"),
    ],
    ids=["pipe", "html", "emphasis", "link", "heading", "newline", "ampersand"],
)
def test_text_from_the_catalogue_shows_as_plain_text(written: str, shown: str) -> None:
    assert text(written) == shown


@pytest.mark.parametrize(
    ("identifier", "html_id"),
    [
        ("BLOCK-01", "block-01"),
        ("s10.2", "s10-2"),
        ("s46.1.c.iv", "s46-1-c-iv"),
        ("art16(2)", "art16-2"),
    ],
    ids=["obligation", "subsection", "deep", "brackets"],
)
def test_anchors_are_lowercase_and_safe(identifier: str, html_id: str) -> None:
    assert anchor(identifier) == html_id


@pytest.mark.parametrize(
    ("here", "href"),
    [
        ("catalogue/index.md", "pillars/block.md#block-01"),
        ("catalogue/pillars/grooming.md", "block.md#block-01"),
        ("catalogue/sources/uk.osa2023.md", "../pillars/block.md#block-01"),
    ],
    ids=["overview", "other-pillar", "source-page"],
)
def test_links_are_relative_to_the_page(here: str, href: str) -> None:
    assert obligation_href(here, "block", "BLOCK-01") == href


def test_provision_links_point_at_the_row() -> None:
    assert provision_href("catalogue/crosswalk.md", "eu.dsa", "art16.2") == (
        "sources/eu.dsa.md#p-art16-2"
    )
    assert relative("catalogue/index.md", "catalogue/crosswalk.md") == "crosswalk.md"
