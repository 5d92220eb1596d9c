"""csea: child-safety (CSEA) obligations as structured, cited data, and a self-assessment tool.

```python
import csea

catalog = csea.load_catalog()                       # the shipped catalogue, validated and checked
profile = csea.load_profile("examples/hush/profile.yaml")
for verdict in csea.applicable_obligations(catalog, profile, as_of=catalog.header.date):
    if verdict.applies:
        print(verdict.obligation_id, verdict.force)
```

Everything the ``csea`` command does, these functions do: load (``load_catalog``,
``load_profile``, ``load_assessment``), decide (``applicability``), evaluate
(``evaluate``, ``evaluate_portfolio``), write (``init_assessment``, ``migrate_assessment``)
and report (``build_report``, ``render_report``), and write the documents regulators and GRC
tools read (``build_ofcom_record``, ``build_notice_response``, ``oscal_catalog``,
``oscal_assessment``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from csea.__about__ import __version__

if TYPE_CHECKING:
    from csea.assessment.diff import (
        AssessmentDiff,
        compare_assessments,
        compare_since,
        diff_assessments,
    )
    from csea.assessment.history import (
        AssessmentVersion,
        Revision,
        assessment_history,
        load_assessment_at,
        load_previous,
    )
    from csea.assessment.load import (
        LoadedAssessment,
        load_assessment,
        load_profile,
    )
    from csea.assessment.migrate import (
        Migration,
        migrate_assessment,
        plan_migration,
    )
    from csea.assessment.record import (
        answer_changes,
        content_hash,
    )
    from csea.assessment.skeleton import (
        InitResult,
        init_assessment,
        plan_init,
    )
    from csea.catalog.applicability import (
        applicability,
        applicable_obligations,
    )
    from csea.catalog.loader import (
        default_catalog_dir,
        load_catalog,
        validate_catalog,
    )
    from csea.catalog.queries import (
        Crosswalk,
        ProvisionCoverage,
        SourceCoverage,
        crosswalk,
        select_obligations,
        source_coverage,
    )
    from csea.errors import (
        CatalogError,
        CseaError,
        InputError,
        Problem,
        Severity,
        WriteRefusedError,
    )
    from csea.evaluation.due import (
        DueItem,
        DueList,
        due_items,
    )
    from csea.evaluation.engine import (
        DEFAULT_MAX_EVIDENCE_AGE_DAYS,
        evaluate,
        progress,
    )
    from csea.evaluation.files import (
        AssessedService,
        evaluate_files,
    )
    from csea.evaluation.portfolio import (
        evaluate_portfolio,
    )
    from csea.evaluation.scoring import (
        explain_score,
    )
    from csea.evaluation.selection import (
        FindingSelection,
    )
    from csea.evaluation.signoff import (
        ApprovalResult,
        approve,
    )
    from csea.export.run import (
        ExportResult,
        export_assessment,
    )
    from csea.fileio import (
        write_atomic,
    )
    from csea.models import (
        Answer,
        Applicability,
        Approval,
        Assessment,
        Binding,
        Catalog,
        CatalogHeader,
        CatalogRef,
        Change,
        ChangeKind,
        Citation,
        CitationState,
        Condition,
        Designation,
        Direction,
        EnterpriseSize,
        Evaluation,
        EvidenceExpectation,
        EvidenceRef,
        Feature,
        Finding,
        FindingLevel,
        Force,
        Gap,
        Harm,
        Indicator,
        IndicatorResult,
        IndicatorTarget,
        IndicatorValue,
        Measure,
        Obligation,
        ObligationResult,
        OrganisationRollup,
        Pillar,
        Portfolio,
        Progress,
        Provision,
        Question,
        Regulator,
        RegulatorKind,
        Relationship,
        ReviewCycle,
        ReviewFlag,
        ReviewReason,
        RiskBasis,
        RiskLevel,
        Rollup,
        Sensitivity,
        ServiceKind,
        ServiceProfile,
        Source,
        SourceKind,
        SourceStatus,
        Status,
        StatusChange,
        UncitedProvision,
        Verification,
    )
    from csea.render.esafety_notice import (
        render_esafety_notice,
    )
    from csea.render.filing import (
        FilingFormat,
    )
    from csea.render.ofcom_record import (
        render_ofcom_record,
    )
    from csea.render.oscal import (
        oscal_assessment,
        oscal_catalog,
    )
    from csea.render.report import (
        ReportFormat,
        render_report,
    )
    from csea.report.build import (
        ReportOptions,
        build_report,
    )
    from csea.report.document import (
        ReportDocument,
    )
    from csea.report.esafety import (
        NoticeResponse,
        build_notice_response,
    )
    from csea.report.ofcom import (
        OfcomRecord,
        build_ofcom_record,
    )
    from csea.schemas import (
        json_schema,
    )
    from csea.workbook.imports import (
        ImportPreview,
        ImportResult,
        import_workbook,
        preview_import,
    )

__all__ = [
    "DEFAULT_MAX_EVIDENCE_AGE_DAYS",
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
    "FilingFormat",
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
    "NoticeResponse",
    "Obligation",
    "ObligationResult",
    "OfcomRecord",
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
    "build_notice_response",
    "build_ofcom_record",
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
    "oscal_assessment",
    "oscal_catalog",
    "plan_init",
    "plan_migration",
    "preview_import",
    "progress",
    "render_esafety_notice",
    "render_ofcom_record",
    "render_report",
    "select_obligations",
    "source_coverage",
    "validate_catalog",
    "write_atomic",
]

_LAZY: dict[str, str] = {
    "DEFAULT_MAX_EVIDENCE_AGE_DAYS": "csea.evaluation.engine",
    "Answer": "csea.models",
    "Applicability": "csea.models",
    "Approval": "csea.models",
    "ApprovalResult": "csea.evaluation.signoff",
    "AssessedService": "csea.evaluation.files",
    "Assessment": "csea.models",
    "AssessmentDiff": "csea.assessment.diff",
    "AssessmentVersion": "csea.assessment.history",
    "Binding": "csea.models",
    "Catalog": "csea.models",
    "CatalogError": "csea.errors",
    "CatalogHeader": "csea.models",
    "CatalogRef": "csea.models",
    "Change": "csea.models",
    "ChangeKind": "csea.models",
    "Citation": "csea.models",
    "CitationState": "csea.models",
    "Condition": "csea.models",
    "Crosswalk": "csea.catalog.queries",
    "CseaError": "csea.errors",
    "Designation": "csea.models",
    "Direction": "csea.models",
    "DueItem": "csea.evaluation.due",
    "DueList": "csea.evaluation.due",
    "EnterpriseSize": "csea.models",
    "Evaluation": "csea.models",
    "EvidenceExpectation": "csea.models",
    "EvidenceRef": "csea.models",
    "ExportResult": "csea.export.run",
    "Feature": "csea.models",
    "FilingFormat": "csea.render.filing",
    "Finding": "csea.models",
    "FindingLevel": "csea.models",
    "FindingSelection": "csea.evaluation.selection",
    "Force": "csea.models",
    "Gap": "csea.models",
    "Harm": "csea.models",
    "ImportPreview": "csea.workbook.imports",
    "ImportResult": "csea.workbook.imports",
    "Indicator": "csea.models",
    "IndicatorResult": "csea.models",
    "IndicatorTarget": "csea.models",
    "IndicatorValue": "csea.models",
    "InitResult": "csea.assessment.skeleton",
    "InputError": "csea.errors",
    "LoadedAssessment": "csea.assessment.load",
    "Measure": "csea.models",
    "Migration": "csea.assessment.migrate",
    "NoticeResponse": "csea.report.esafety",
    "Obligation": "csea.models",
    "ObligationResult": "csea.models",
    "OfcomRecord": "csea.report.ofcom",
    "OrganisationRollup": "csea.models",
    "Pillar": "csea.models",
    "Portfolio": "csea.models",
    "Problem": "csea.errors",
    "Progress": "csea.models",
    "Provision": "csea.models",
    "ProvisionCoverage": "csea.catalog.queries",
    "Question": "csea.models",
    "Regulator": "csea.models",
    "RegulatorKind": "csea.models",
    "Relationship": "csea.models",
    "ReportDocument": "csea.report.document",
    "ReportFormat": "csea.render.report",
    "ReportOptions": "csea.report.build",
    "ReviewCycle": "csea.models",
    "ReviewFlag": "csea.models",
    "ReviewReason": "csea.models",
    "Revision": "csea.assessment.history",
    "RiskBasis": "csea.models",
    "RiskLevel": "csea.models",
    "Rollup": "csea.models",
    "Sensitivity": "csea.models",
    "ServiceKind": "csea.models",
    "ServiceProfile": "csea.models",
    "Severity": "csea.errors",
    "Source": "csea.models",
    "SourceCoverage": "csea.catalog.queries",
    "SourceKind": "csea.models",
    "SourceStatus": "csea.models",
    "Status": "csea.models",
    "StatusChange": "csea.models",
    "UncitedProvision": "csea.models",
    "Verification": "csea.models",
    "WriteRefusedError": "csea.errors",
    "answer_changes": "csea.assessment.record",
    "applicability": "csea.catalog.applicability",
    "applicable_obligations": "csea.catalog.applicability",
    "approve": "csea.evaluation.signoff",
    "assessment_history": "csea.assessment.history",
    "build_notice_response": "csea.report.esafety",
    "build_ofcom_record": "csea.report.ofcom",
    "build_report": "csea.report.build",
    "compare_assessments": "csea.assessment.diff",
    "compare_since": "csea.assessment.diff",
    "content_hash": "csea.assessment.record",
    "crosswalk": "csea.catalog.queries",
    "default_catalog_dir": "csea.catalog.loader",
    "diff_assessments": "csea.assessment.diff",
    "due_items": "csea.evaluation.due",
    "evaluate": "csea.evaluation.engine",
    "evaluate_files": "csea.evaluation.files",
    "evaluate_portfolio": "csea.evaluation.portfolio",
    "explain_score": "csea.evaluation.scoring",
    "export_assessment": "csea.export.run",
    "import_workbook": "csea.workbook.imports",
    "init_assessment": "csea.assessment.skeleton",
    "json_schema": "csea.schemas",
    "load_assessment": "csea.assessment.load",
    "load_assessment_at": "csea.assessment.history",
    "load_catalog": "csea.catalog.loader",
    "load_previous": "csea.assessment.history",
    "load_profile": "csea.assessment.load",
    "migrate_assessment": "csea.assessment.migrate",
    "oscal_assessment": "csea.render.oscal",
    "oscal_catalog": "csea.render.oscal",
    "plan_init": "csea.assessment.skeleton",
    "plan_migration": "csea.assessment.migrate",
    "preview_import": "csea.workbook.imports",
    "progress": "csea.evaluation.engine",
    "render_esafety_notice": "csea.render.esafety_notice",
    "render_ofcom_record": "csea.render.ofcom_record",
    "render_report": "csea.render.report",
    "select_obligations": "csea.catalog.queries",
    "source_coverage": "csea.catalog.queries",
    "validate_catalog": "csea.catalog.loader",
    "write_atomic": "csea.fileio",
}
"""Public name -> the module that defines it. Names are imported on first use, so
``import csea`` (and every ``csea`` command) starts without loading what it does not need."""


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is used (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'csea' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
