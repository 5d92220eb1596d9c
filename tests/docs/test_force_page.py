"""The force page's worked example: each documented force is what csea computes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from csea import ServiceProfile, load_catalog
from csea.catalog.applicability import applicability

PAGE = Path(__file__).resolve().parents[2] / "docs" / "concepts" / "force.md"
BLOCK = re.compile(r'```yaml title="(?P<name>[^"]+)"\n(?P<body>.*?)```', re.DOTALL)
ROW = re.compile(r"^\| `(?P<name>[^`]+\.yaml)` \| (?P<force>[a-z ]+) \|", re.MULTILINE)


def documented() -> list[tuple[str, str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    profiles = {m.group("name"): m.group("body") for m in BLOCK.finditer(text)}
    return [
        (m.group("name"), profiles[m.group("name")], m.group("force")) for m in ROW.finditer(text)
    ]


def test_the_page_documents_three_services() -> None:
    assert [name for name, _, _ in documented()] == [
        "uk-video.yaml",
        "uk-forum.yaml",
        "us-only.yaml",
    ]


@pytest.mark.parametrize(("name", "body", "force"), documented(), ids=lambda v: str(v)[:20])
def test_each_documented_force_is_what_csea_says(name: str, body: str, force: str) -> None:
    catalog = load_catalog()
    obligation = catalog.obligation("BLOCK-01")
    assert obligation is not None
    profile = ServiceProfile.model_validate(yaml.safe_load(body))
    verdict = applicability(catalog, obligation, profile, dt.date(2026, 12, 1))
    assert (
        verdict.applies,
        verdict.assumed,
        verdict.force and verdict.force.value.replace("_", " "),
    ) == (
        True,
        False,
        force,
    )
