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

from csea.__about__ import __version__
from csea.applicability import (
    Applicability,
    Binding,
    CitationState,
    applicability,
    applicable_obligations,
)
from csea.assessment import LoadedAssessment, load_assessment
from csea.diff import AssessmentDiff, compare_assessments, diff_assessments
from csea.errors import CatalogError, CseaError, InputError, Problem, Severity, WriteRefusedError
from csea.evaluation import DEFAULT_MAX_EVIDENCE_AGE_DAYS, evaluate, progress
from csea.fileio import write_atomic
from csea.loader import default_catalog_dir, load_catalog, validate_catalog
from csea.migrate import Migration, migrate_assessment, plan_migration
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
from csea.models.evaluation import IndicatorResult, OrganisationRollup, Portfolio
from csea.portfolio import evaluate_files, evaluate_portfolio
from csea.profile import load_profile
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
from csea.schemas import json_schema
from csea.scoring import explain_score
from csea.skeleton import InitResult, init_assessment, plan_init

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
