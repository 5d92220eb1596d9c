"""--generated-at: the timestamp a report prints, only when asked."""

from __future__ import annotations

import datetime as dt

import pytest

from csea.errors import InputError
from csea.report.build import parse_generated_at


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2026-11-20", "2026-11-20"),
        ("2026-11-20T09:30:00+00:00", "2026-11-20T09:30:00+00:00"),
        (" 2026-11-20T09:30 ", "2026-11-20T09:30:00"),
        ("20261120", "2026-11-20"),
        ("now", "2026-11-20T09:30:05+00:00"),
        ("NOW", "2026-11-20T09:30:05+00:00"),
    ],
    ids=["none", "date", "datetime-tz", "datetime-naive", "basic-date", "now", "now-upper"],
)
def test_generated_at(value: str | None, expected: str | None) -> None:
    now = dt.datetime(2026, 11, 20, 9, 30, 5, 123456, tzinfo=dt.UTC)
    assert parse_generated_at(value, now=now) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-11-20 25:00"], ids=str)
def test_generated_at_refuses_other_text(value: str) -> None:
    with pytest.raises(InputError, match="expected 'now' or an ISO 8601 date"):
        parse_generated_at(value)
