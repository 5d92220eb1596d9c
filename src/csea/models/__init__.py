"""The data model: pydantic models for the catalogue, profiles, assessments and evaluations.

Every other package builds on these. ``base`` holds the base model and the constrained types
every model shares; ``applicability`` the applicability engine's verdicts (plain dataclasses).
"""

from csea.models.applicability import Applicability, Binding, CitationState, Fact
from csea.models.assessment import (
    Answer,
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
from csea.models.kinds import KindImplication, KindsFile, LegalDefinition
from csea.models.obligation import (
    Citation,
    EvidenceExpectation,
    Indicator,
    IndicatorTarget,
    Measure,
    Obligation,
    Question,
)
from csea.models.profile import Declared, ServiceProfile
from csea.models.regulator import Regulator, RegulatorKind, RegulatorsFile
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
    "Declared",
    "Designation",
    "Direction",
    "EnterpriseSize",
    "Evaluation",
    "EvidenceExpectation",
    "EvidenceRef",
    "Fact",
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
    "KindImplication",
    "KindsFile",
    "LegalDefinition",
    "Measure",
    "Obligation",
    "ObligationResult",
    "OrganisationRollup",
    "Pillar",
    "Portfolio",
    "Progress",
    "Provision",
    "Question",
    "Regulator",
    "RegulatorKind",
    "RegulatorsFile",
    "Relationship",
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
