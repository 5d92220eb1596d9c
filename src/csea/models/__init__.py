"""The data model: pydantic models for the catalogue, profiles, assessments and evaluations.

Every other package builds on these. ``base`` holds the base model and the constrained types
every model shares; ``applicability`` the applicability engine's verdicts (plain dataclasses).
"""

from csea.models.applicability import Applicability, Binding, CitationState
from csea.models.assessment import (
    Answer,
    Approval,
    Assessment,
    CatalogRef,
    EvidenceRef,
    IndicatorValue,
    ReviewFlag,
    ReviewReason,
    Sensitivity,
    Status,
)
from csea.models.catalog import Catalog, CatalogHeader, Change, ChangeKind, Pillar
from csea.models.conditions import Condition
from csea.models.evaluation import (
    Evaluation,
    Finding,
    FindingLevel,
    Gap,
    IndicatorResult,
    ObligationResult,
    OrganisationRollup,
    Portfolio,
    Progress,
    RiskBasis,
    Rollup,
    StatusMove,
)
from csea.models.obligation import (
    Citation,
    EvidenceExpectation,
    Indicator,
    IndicatorTarget,
    Measure,
    Obligation,
    Question,
)
from csea.models.profile import ServiceProfile
from csea.models.regulator import Regulator, RegulatorKind, RegulatorsFile
from csea.models.review import PeriodBasis, ReviewCycle, ReviewCyclesFile
from csea.models.source import Provision, Source, SourcesFile, StatusChange
from csea.models.uncited import UncitedFile, UncitedProvision
from csea.models.vocabulary import (
    Designation,
    Direction,
    EnterpriseSize,
    Feature,
    Force,
    Harm,
    Relationship,
    RiskLevel,
    ServiceKind,
    SourceKind,
    SourceStatus,
    Verification,
)

__all__ = [
    "Answer",
    "Applicability",
    "Approval",
    "Assessment",
    "Binding",
    "Catalog",
    "CatalogHeader",
    "CatalogRef",
    "Change",
    "ChangeKind",
    "Citation",
    "CitationState",
    "Condition",
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
    "Measure",
    "Obligation",
    "ObligationResult",
    "OrganisationRollup",
    "PeriodBasis",
    "Pillar",
    "Portfolio",
    "Progress",
    "Provision",
    "Question",
    "Regulator",
    "RegulatorKind",
    "RegulatorsFile",
    "Relationship",
    "ReviewCycle",
    "ReviewCyclesFile",
    "ReviewFlag",
    "ReviewReason",
    "RiskBasis",
    "RiskLevel",
    "Rollup",
    "Sensitivity",
    "ServiceKind",
    "ServiceProfile",
    "Source",
    "SourceKind",
    "SourceStatus",
    "SourcesFile",
    "Status",
    "StatusChange",
    "StatusMove",
    "UncitedFile",
    "UncitedProvision",
    "Verification",
]
