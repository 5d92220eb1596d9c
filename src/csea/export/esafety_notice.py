"""``csea export --format esafety-notice``: an eSafety reporting-notice response skeleton.

See [csea.report.esafety][] for what it holds; ``-o notice.md`` writes Markdown, any other
name (``notice.docx``) a Word document.
"""

from __future__ import annotations

from csea.export.formats import Exported, ExportSubject
from csea.render.esafety_notice import render_esafety_notice
from csea.render.filing import FilingFormat
from csea.report.esafety import build_notice_response

__all__ = ["export_esafety_notice"]


def export_esafety_notice(subject: ExportSubject) -> Exported:
    """The skeleton's bytes, in the format the output's suffix asks for."""
    response = build_notice_response(
        subject.catalog,
        subject.service,
        redact=subject.redact,
        generated_at=subject.generated_at,
    )
    sections = [s for part in response.parts for s in part.sections]
    answered = sum(1 for s in sections if s.provision.answered_by)
    note = (
        f"{len(sections)} Determination section(s), {answered} answered by csea's obligations"
        + (", redacted" if subject.redact else "")
    )
    return Exported(render_esafety_notice(response, FilingFormat.for_path(subject.output)), note)
