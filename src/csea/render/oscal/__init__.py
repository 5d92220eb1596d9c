"""OSCAL: the catalogue as an OSCAL catalog, an assessment as assessment results and a POA&M.

[OSCAL](https://pages.nist.gov/OSCAL/) is the NIST format compliance tools (compliance-trestle
among them) keep controls and assessments in. csea writes OSCAL 1.2.1 JSON, as plain data:

```
parts     stable UUIDs, timestamps, properties and text shared by every document
catalog   oscal_catalog: pillars as groups, obligations as controls, sources as back-matter
results   oscal_assessment: the assessment plan, the assessment results and the POA&M files
poam      the plan of action and milestones: one item per gap
```

Every UUID is derived from ids (the catalogue's, the organisation's and the service's), so a
re-export diffs cleanly. Every document needs a last-modified date-time: csea writes the
catalogue's date (a catalog) or the date the assessment was judged on (the others), at
midnight UTC, unless ``--generated-at`` gives the moment. csea's own terms are properties
in the ``urn:csea:oscal`` namespace.
"""

from csea.render.oscal.catalog import oscal_catalog
from csea.render.oscal.parts import CSEA_NS, OSCAL_VERSION
from csea.render.oscal.results import oscal_assessment

__all__ = ["CSEA_NS", "OSCAL_VERSION", "oscal_assessment", "oscal_catalog"]
