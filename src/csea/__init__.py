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
and report (``build_report``, ``render_report``).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from csea.__about__ import __version__

if TYPE_CHECKING:
    from csea.applicability import (
        Applicability,
        Binding,
        CitationState,
        applicability,
        applicable_obligations,
    )
    from csea.assessment import (
        LoadedAssessment,
        load_assessment,
    )
    from csea.diff import (
        AssessmentDiff,
        compare_assessments,
        diff_assessments,
    )
    from csea.errors import (
        CatalogError,
        CseaError,
        InputError,
        Problem,
        Severity,
        WriteRefusedError,
    )
    from csea.evaluation import (
        DEFAULT_MAX_EVIDENCE_AGE_DAYS,
        evaluate,
        progress,
    )
    from csea.fileio import (
        write_atomic,
    )
    from csea.loader import (
        default_catalog_dir,
        load_catalog,
        validate_catalog,
    )
    from csea.migrate import (
        Migration,
        migrate_assessment,
        plan_migration,
    )
    from csea.models import (
        Answer,
        Assessment,
        Catalog,
        CatalogHeader,
        CatalogRef,
        Change,
        ChangeKind,
        Citation,
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
        IndicatorTarget,
        IndicatorValue,
        Measure,
        Obligation,
        ObligationResult,
        Pillar,
        Progress,
        Provision,
        Question,
        Relationship,
        ReviewFlag,
        ReviewReason,
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
    from csea.models.evaluation import (
        IndicatorResult,
        OrganisationRollup,
        Portfolio,
    )
    from csea.portfolio import (
        evaluate_files,
        evaluate_portfolio,
    )
    from csea.profile import (
        load_profile,
    )
    from csea.queries import (
        Crosswalk,
        ProvisionCoverage,
        SourceCoverage,
        crosswalk,
        select_obligations,
        source_coverage,
    )
    from csea.render.report import (
        AssessedService,
        ReportDocument,
        ReportFormat,
        ReportOptions,
        build_report,
        render_report,
    )
    from csea.schemas import (
        json_schema,
    )
    from csea.scoring import (
        explain_score,
    )
    from csea.skeleton import (
        InitResult,
        init_assessment,
        plan_init,
    )

__all__ = [
    "DEFAULT_MAX_EVIDENCE_AGE_DAYS",
    "Answer",
    "Applicability",
    "AssessedService",
    "Assessment",
    "AssessmentDiff",
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
    "EnterpriseSize",
    "Evaluation",
    "EvidenceExpectation",
    "EvidenceRef",
    "Feature",
    "Finding",
    "FindingLevel",
    "Force",
    "Gap",
    "Harm",
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
    "Relationship",
    "ReportDocument",
    "ReportFormat",
    "ReportOptions",
    "ReviewFlag",
    "ReviewReason",
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
    "applicability",
    "applicable_obligations",
    "build_report",
    "compare_assessments",
    "crosswalk",
    "default_catalog_dir",
    "diff_assessments",
    "evaluate",
    "evaluate_files",
    "evaluate_portfolio",
    "explain_score",
    "init_assessment",
    "json_schema",
    "load_assessment",
    "load_catalog",
    "load_profile",
    "migrate_assessment",
    "plan_init",
    "plan_migration",
    "progress",
    "render_report",
    "select_obligations",
    "source_coverage",
    "validate_catalog",
    "write_atomic",
]

_LAZY: dict[str, str] = {
    "Answer": "csea.models",
    "Applicability": "csea.applicability",
    "AssessedService": "csea.render.report",
    "Assessment": "csea.models",
    "AssessmentDiff": "csea.diff",
    "Binding": "csea.applicability",
    "Catalog": "csea.models",
    "CatalogError": "csea.errors",
    "CatalogHeader": "csea.models",
    "CatalogRef": "csea.models",
    "Change": "csea.models",
    "ChangeKind": "csea.models",
    "Citation": "csea.models",
    "CitationState": "csea.applicability",
    "Condition": "csea.models",
    "Crosswalk": "csea.queries",
    "CseaError": "csea.errors",
    "DEFAULT_MAX_EVIDENCE_AGE_DAYS": "csea.evaluation",
    "Designation": "csea.models",
    "Direction": "csea.models",
    "EnterpriseSize": "csea.models",
    "Evaluation": "csea.models",
    "EvidenceExpectation": "csea.models",
    "EvidenceRef": "csea.models",
    "Feature": "csea.models",
    "Finding": "csea.models",
    "FindingLevel": "csea.models",
    "Force": "csea.models",
    "Gap": "csea.models",
    "Harm": "csea.models",
    "Indicator": "csea.models",
    "IndicatorResult": "csea.models.evaluation",
    "IndicatorTarget": "csea.models",
    "IndicatorValue": "csea.models",
    "InitResult": "csea.skeleton",
    "InputError": "csea.errors",
    "LoadedAssessment": "csea.assessment",
    "Measure": "csea.models",
    "Migration": "csea.migrate",
    "Obligation": "csea.models",
    "ObligationResult": "csea.models",
    "OrganisationRollup": "csea.models.evaluation",
    "Pillar": "csea.models",
    "Portfolio": "csea.models.evaluation",
    "Problem": "csea.errors",
    "Progress": "csea.models",
    "Provision": "csea.models",
    "ProvisionCoverage": "csea.queries",
    "Question": "csea.models",
    "Relationship": "csea.models",
    "ReportDocument": "csea.render.report",
    "ReportFormat": "csea.render.report",
    "ReportOptions": "csea.render.report",
    "ReviewFlag": "csea.models",
    "ReviewReason": "csea.models",
    "RiskLevel": "csea.models",
    "Rollup": "csea.models",
    "Sensitivity": "csea.models",
    "ServiceKind": "csea.models",
    "ServiceProfile": "csea.models",
    "Severity": "csea.errors",
    "Source": "csea.models",
    "SourceCoverage": "csea.queries",
    "SourceKind": "csea.models",
    "SourceStatus": "csea.models",
    "Status": "csea.models",
    "StatusChange": "csea.models",
    "UncitedProvision": "csea.models",
    "Verification": "csea.models",
    "WriteRefusedError": "csea.errors",
    "applicability": "csea.applicability",
    "applicable_obligations": "csea.applicability",
    "build_report": "csea.render.report",
    "compare_assessments": "csea.diff",
    "crosswalk": "csea.queries",
    "default_catalog_dir": "csea.loader",
    "diff_assessments": "csea.diff",
    "evaluate": "csea.evaluation",
    "evaluate_files": "csea.portfolio",
    "evaluate_portfolio": "csea.portfolio",
    "explain_score": "csea.scoring",
    "init_assessment": "csea.skeleton",
    "json_schema": "csea.schemas",
    "load_assessment": "csea.assessment",
    "load_catalog": "csea.loader",
    "load_profile": "csea.profile",
    "migrate_assessment": "csea.migrate",
    "plan_init": "csea.skeleton",
    "plan_migration": "csea.migrate",
    "progress": "csea.evaluation",
    "render_report": "csea.render.report",
    "select_obligations": "csea.queries",
    "source_coverage": "csea.queries",
    "validate_catalog": "csea.loader",
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
