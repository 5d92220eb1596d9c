"""``csea export --format oscal``: a folder of OSCAL documents for GRC tools.

The folder holds the catalogue as an OSCAL catalog (``catalog.json``), the assessment
plan the results import (``assessment-plan.json``), the assessment results
(``assessment-results.json``) and, when the assessment has gaps, the plan of action and
milestones (``plan-of-action-and-milestones.json``). See [csea.render.oscal][].
"""

from __future__ import annotations

from csea.export.formats import Exported, ExportSubject
from csea.fileio import dumps_json
from csea.render.oscal import oscal_assessment, oscal_catalog
from csea.render.oscal.catalog import OSCAL_CATALOG_FILE
from csea.render.oscal.poam import POAM_FILE
from csea.report.build import ReportOptions, build_report

__all__ = ["export_oscal"]


def export_oscal(subject: ExportSubject) -> Exported:
    """The OSCAL files' bytes, by file name."""
    options = ReportOptions(redact=subject.redact, generated_at=subject.generated_at)
    document = build_report(subject.catalog, [subject.service], options)
    documents = {
        OSCAL_CATALOG_FILE: oscal_catalog(subject.catalog, subject.generated_at),
        **oscal_assessment(subject.catalog, document),
    }
    gaps = len(document.reports[0].gaps)
    note = f"{len(documents)} OSCAL document(s), " + (
        f"{gaps} gap(s) in the plan of action"
        if POAM_FILE in documents
        else "no gap: no plan of action"
    )
    return Exported(
        {name: dumps_json(data).encode("utf-8") for name, data in documents.items()}, note
    )
