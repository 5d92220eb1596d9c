"""The benchmark's generated data is a valid catalogue, so ``make bench`` measures real work.

The copies of the shipped catalogue get their own pillars, sources and obligations; every
catalogue-wide file that names sources (regulators, uncited provisions) must name the copies
too, or the loader refuses the copy and the benchmark stops.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from csea.assessment.load import load_assessment, load_profile
from csea.catalog.loader import default_catalog_dir, load_catalog, validate_catalog
from csea.errors import Severity

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate", BENCH / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_three_copies_of_the_catalogue_have_no_errors_and_no_new_warnings(tmp_path: Path) -> None:
    count = _generate().generate_catalog(default_catalog_dir(), tmp_path / "3x", 3)
    shipped = [p for p in validate_catalog(default_catalog_dir()) if p.severity is Severity.WARNING]
    problems = validate_catalog(tmp_path / "3x")
    errors = [str(p) for p in problems if p.severity is Severity.ERROR]
    warnings = [p for p in problems if p.severity is Severity.WARNING]
    obligations = len(load_catalog(default_catalog_dir()).obligations)
    assert (errors, len(warnings), count) == ([], 3 * len(shipped), 3 * obligations)


def test_services_that_share_profiles_differ_only_in_their_names(tmp_path: Path) -> None:
    paths = _generate().generate_portfolio(default_catalog_dir(), tmp_path, 4, profiles=2)
    profiles = [load_profile(path.parent / "profile.yaml") for path in paths]
    names = {(p.organisation, p.service) for p in profiles}
    shapes = [p.model_dump(exclude={"organisation", "service"}) for p in profiles]
    assert len(names) == 4
    assert shapes[0] == shapes[2] != shapes[1] == shapes[3]
    assert all(load_assessment(path).assessment.answers for path in paths)
