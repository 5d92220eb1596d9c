"""The public API is what ``csea.__all__`` says; a change to it is a deliberate act."""

from __future__ import annotations

import ast
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import csea

EXPECTED = {
    "FilingFormat",
    "NoticeResponse",
    "OfcomRecord",
    "build_notice_response",
    "build_ofcom_record",
    "oscal_assessment",
    "oscal_catalog",
    "render_esafety_notice",
    "render_ofcom_record",
    "Answer",
    "Applicability",
    "Approval",
    "ApprovalResult",
    "AssessedService",
    "Assessment",
    "AssessmentDiff",
    "AssessmentVersion",
    "Binding",
    "Catalog",
    "CatalogError",
    "CatalogHeader",
    "CatalogRef",
    "Change",
    "ChangeKind",
    "Citation",
    "CitationState",
    "Condition",
    "Crosswalk",
    "CseaError",
    "DEFAULT_MAX_EVIDENCE_AGE_DAYS",
    "Designation",
    "Direction",
    "DueItem",
    "DueList",
    "EnterpriseSize",
    "Evaluation",
    "EvidenceExpectation",
    "EvidenceRef",
    "ExportResult",
    "Feature",
    "Finding",
    "FindingLevel",
    "FindingSelection",
    "Force",
    "Gap",
    "Harm",
    "ImportPreview",
    "ImportResult",
    "Indicator",
    "IndicatorResult",
    "IndicatorTarget",
    "IndicatorValue",
    "InitResult",
    "InputError",
    "LoadedAssessment",
    "Measure",
    "Migration",
    "Obligation",
    "ObligationResult",
    "OrganisationRollup",
    "Pillar",
    "Portfolio",
    "Problem",
    "Progress",
    "Provision",
    "ProvisionCoverage",
    "Question",
    "Regulator",
    "RegulatorKind",
    "Relationship",
    "ReportDocument",
    "ReportFormat",
    "ReportOptions",
    "ReviewCycle",
    "ReviewFlag",
    "ReviewReason",
    "Revision",
    "RiskBasis",
    "RiskLevel",
    "Rollup",
    "Sensitivity",
    "ServiceKind",
    "ServiceProfile",
    "Severity",
    "Source",
    "SourceCoverage",
    "SourceKind",
    "SourceStatus",
    "Status",
    "StatusChange",
    "UncitedProvision",
    "Verification",
    "WriteRefusedError",
    "__version__",
    "answer_changes",
    "applicability",
    "applicable_obligations",
    "approve",
    "assessment_history",
    "build_report",
    "compare_assessments",
    "compare_since",
    "content_hash",
    "crosswalk",
    "default_catalog_dir",
    "diff_assessments",
    "due_items",
    "evaluate",
    "evaluate_files",
    "evaluate_portfolio",
    "explain_score",
    "export_assessment",
    "import_workbook",
    "init_assessment",
    "json_schema",
    "load_assessment",
    "load_assessment_at",
    "load_catalog",
    "load_previous",
    "load_profile",
    "migrate_assessment",
    "plan_init",
    "plan_migration",
    "preview_import",
    "progress",
    "render_report",
    "select_obligations",
    "source_coverage",
    "validate_catalog",
    "write_atomic",
}


def test_exported_members() -> None:
    assert set(csea.__all__) == EXPECTED


def test_every_export_exists_and_is_documented() -> None:
    for name in csea.__all__:
        member = getattr(csea, name)
        if callable(member) and name != "__version__":
            assert member.__doc__, f"csea.{name} has no docstring"


def _public_face() -> tuple[dict[str, str], list[str], dict[str, str]]:
    """From csea/__init__.py: the TYPE_CHECKING imports, ``__all__`` and the lazy table."""
    tree = ast.parse(Path(csea.__file__).read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    names: list[str] = []
    lazy: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            imports = [s for s in node.body if isinstance(s, ast.ImportFrom)]
            assert len(imports) == len(node.body)
            typed |= {alias.name: s.module or "" for s in imports for alias in s.names}
        elif isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            names = ast.literal_eval(node.value)
        elif isinstance(node, ast.AnnAssign) and ast.unparse(node.target) == "_LAZY":
            assert node.value is not None
            lazy = ast.literal_eval(node.value)
    return typed, names, lazy


def test_type_checking_imports_all_and_lazy_table_agree() -> None:
    typed, names, lazy = _public_face()
    assert (typed == lazy, sorted(names) == sorted([*lazy, "__version__"])) == (True, True)


def test_each_lazy_name_is_defined_where_the_table_says() -> None:
    _, _, lazy = _public_face()
    assert [n for n, module in lazy.items() if n not in vars(import_module(module))] == []


def test_import_csea_loads_nothing_but_its_face() -> None:
    code = "import sys, csea; print(sorted(m for m in sys.modules if m.startswith('csea')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['csea', 'csea.__about__']"
