"""The code reference page lists every declared code, with its level and meaning."""

from __future__ import annotations

import pytest

from csea.codes import FindingCode, ProblemCode
from csea.site.codes import codes_page, codes_table, expand_code_markers


def test_the_page_lists_every_code_once_per_kind() -> None:
    page = codes_page()
    rows = [line for line in page.splitlines() if line.startswith("| `")]
    listed = [row.split("`")[1] for row in rows]
    assert listed == [c.value for c in ProblemCode] + [c.value for c in FindingCode]


def test_a_row_says_the_level_and_when() -> None:
    assert "| `overdue` | escalates | planned or partial whose due date has passed |" in (
        codes_table("finding")
    )


def test_a_marker_becomes_its_table() -> None:
    page = "Before.\n\n<!-- csea-codes: problem -->\n\nAfter.\n"
    assert expand_code_markers(page) == f"Before.\n\n{codes_table('problem')}\n\nAfter.\n"


def test_an_unknown_kind_of_code_is_refused() -> None:
    with pytest.raises(ValueError, match="no codes of kind 'exit'"):
        codes_table("exit")
