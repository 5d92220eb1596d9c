"""The report fixtures (a fixed catalogue and assessment, Evaluation factories), shared with tests/report."""

from __future__ import annotations

from tests.report.conftest import catalog, make_evaluation, pebble

__all__ = ["catalog", "make_evaluation", "pebble"]
