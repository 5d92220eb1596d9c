"""The assessment-file fixtures (catalogues, a work folder, profiles, a runner), shared with tests/assessment."""

from __future__ import annotations

from tests.assessment.conftest import catalog_dir, catalogs, run, work, write_profile

__all__ = ["catalog_dir", "catalogs", "run", "work", "write_profile"]
