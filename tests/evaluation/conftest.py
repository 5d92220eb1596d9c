"""The report fixtures' catalogue (the assessment files under tests/report/fixtures are made against it)."""

from __future__ import annotations

from tests.report.conftest import catalog

__all__ = ["catalog"]
