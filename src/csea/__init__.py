"""csea: child-safety (CSEA) obligations as structured, cited data, and a self-assessment tool.

```python
import csea

catalog = csea.load_catalog()          # the shipped catalogue, validated and checked
for obligation in catalog.obligations:
    print(obligation.id, obligation.title)
```
"""

from csea.__about__ import __version__
from csea.errors import CatalogError, CseaError, InputError, Problem, Severity, WriteRefusedError
from csea.loader import default_catalog_dir, load_catalog, validate_catalog
from csea.models import (
    Catalog,
    CatalogHeader,
    Change,
    ChangeKind,
    Citation,
    Condition,
    Designation,
    Direction,
    EnterpriseSize,
    EvidenceExpectation,
    Feature,
    Force,
    Harm,
    Indicator,
    IndicatorTarget,
    Measure,
    Obligation,
    Pillar,
    Provision,
    Question,
    Relationship,
    RiskLevel,
    ServiceKind,
    Source,
    SourceKind,
    SourceStatus,
    StatusChange,
    UncitedProvision,
    Verification,
)
from csea.queries import ProvisionCoverage, SourceCoverage, select_obligations, source_coverage
from csea.schemas import json_schema

__all__ = [
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
]
