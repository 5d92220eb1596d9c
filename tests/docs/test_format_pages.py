"""The field tables of the file-format pages list exactly the fields of the models."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from csea.models import Answer, Assessment, EvidenceRef, ServiceProfile
from tests.docs.blocks import DOCS


def table_fields(page: str, heading: str) -> list[str]:
    """Backticked names in the first column of the table under ``## heading``."""
    text = (DOCS / page).read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return [name for cell in rows for name in re.findall(r"`([a-z_]+)`", cell)]


def model_fields(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


@pytest.mark.parametrize(
    ("page", "heading", "model"),
    [
        ("formats/profile.md", "Fields", ServiceProfile),
        ("formats/assessment.md", "The file", Assessment),
        ("formats/assessment.md", "An answer", Answer),
        ("formats/assessment.md", "A piece of evidence", EvidenceRef),
    ],
    ids=["profile", "assessment", "answer", "evidence"],
)
def test_field_tables_match_the_models(page: str, heading: str, model: type[BaseModel]) -> None:
    assert table_fields(page, heading) == model_fields(model)
