"""The public API is what ``csea.__all__`` says; a change to it is a deliberate act."""

from __future__ import annotations

import csea

EXPECTED = {
    "Catalog",
    "CatalogError",
    "CatalogHeader",
    "Change",
    "ChangeKind",
    "Citation",
    "Condition",
    "CseaError",
    "Designation",
    "Direction",
    "EnterpriseSize",
    "EvidenceExpectation",
    "Feature",
    "Force",
    "Harm",
    "Indicator",
    "IndicatorTarget",
    "InputError",
    "Measure",
    "Obligation",
    "Pillar",
    "Problem",
    "Provision",
    "ProvisionCoverage",
    "Question",
    "Relationship",
    "RiskLevel",
    "ServiceKind",
    "Severity",
    "Source",
    "SourceCoverage",
    "SourceKind",
    "SourceStatus",
    "StatusChange",
    "UncitedProvision",
    "Verification",
    "WriteRefusedError",
    "__version__",
    "default_catalog_dir",
    "json_schema",
    "load_catalog",
    "select_obligations",
    "source_coverage",
    "validate_catalog",
}


def test_exported_members() -> None:
    assert set(csea.__all__) == EXPECTED


def test_every_export_exists_and_is_documented() -> None:
    for name in csea.__all__:
        member = getattr(csea, name)
        if callable(member) and name != "__version__":
            assert member.__doc__, f"csea.{name} has no docstring"
