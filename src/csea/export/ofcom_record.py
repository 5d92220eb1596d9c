"""``csea export --format ofcom-record``: the UK Online Safety Act s.23 record, Word or Markdown.

See [csea.report.ofcom][] for what it holds; ``-o record.md`` writes Markdown, any other
name (``record.docx``) a Word document.
"""

from __future__ import annotations

from csea.export.formats import Exported, ExportSubject
from csea.render.filing import FilingFormat
from csea.render.ofcom_record import render_ofcom_record
from csea.report.ofcom import build_ofcom_record

__all__ = ["export_ofcom_record"]


def export_ofcom_record(subject: ExportSubject) -> Exported:
    """The record's bytes, in the format the output's suffix asks for."""
    record = build_ofcom_record(
        subject.catalog,
        subject.service,
        redact=subject.redact,
        generated_at=subject.generated_at,
    )
    applying = [m for code in record.codes for m in code.applying]
    pending = sum(len(code.alternatives_needed) for code in record.codes)
    note = (
        f"{len(applying)} Ofcom code measure(s) apply, {pending} not recorded as taken in full"
        + (", redacted" if subject.redact else "")
    )
    return Exported(render_ofcom_record(record, FilingFormat.for_path(subject.output)), note)
