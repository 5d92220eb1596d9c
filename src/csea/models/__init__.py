"""The data model: pydantic models for the catalogue (and, later, profiles and assessments)."""

from csea.models.catalog import Catalog, CatalogHeader, Change, ChangeKind, Pillar
from csea.models.conditions import Condition
from csea.models.obligation import (
    Citation,
    EvidenceExpectation,
    Indicator,
    IndicatorTarget,
    Measure,
    Obligation,
    Question,
)
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
    "Catalog",
    "CatalogHeader",
    "Change",
    "ChangeKind",
    "Citation",
    "Condition",
    "Designation",
    "Direction",
    "EnterpriseSize",
    "EvidenceExpectation",
    "Feature",
    "Force",
    "Harm",
    "Indicator",
    "IndicatorTarget",
    "Measure",
    "Obligation",
    "Pillar",
    "Provision",
    "Question",
    "Relationship",
    "RiskLevel",
    "ServiceKind",
    "Source",
    "SourceKind",
    "SourceStatus",
    "SourcesFile",
    "StatusChange",
    "UncitedFile",
    "UncitedProvision",
    "Verification",
]
