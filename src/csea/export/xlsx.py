"""``csea export --format xlsx``: the assessment workbook policy staff fill in.

See [csea.workbook][] for what it holds; ``csea import`` reads it back.
"""

from __future__ import annotations

from csea.export.formats import Exported, ExportSubject
from csea.workbook.content import workbook_content
from csea.workbook.write import write_workbook

__all__ = ["export_xlsx"]


def export_xlsx(subject: ExportSubject) -> Exported:
    """The workbook's bytes.

    Raises:
        InputError: An answer holds text a spreadsheet cell cannot hold.
    """
    content = workbook_content(
        subject.catalog, subject.service, str(subject.assessment), redact=subject.redact
    )
    note = (
        f"{len(content.answers)} obligation(s) to answer, "
        f"{len(content.evidence)} piece(s) of evidence"
        + (", redacted (it cannot be imported)" if subject.redact else "")
    )
    return Exported(write_workbook(content), note)
