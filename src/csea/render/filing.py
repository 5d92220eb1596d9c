"""What the documents filed with regulators share: their formats, and the cells every one shows.

The Ofcom record ([csea.render.ofcom_record][]) and the eSafety notice response
([csea.render.esafety_notice][]) are each laid out once as an outline and written as Word
or Markdown by [write_filing][csea.render.filing.write_filing]. Both show provisions with
the obligations answering them, their status, dates and evidence, in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import PurePath

from csea.codes import ProblemCode
from csea.errors import InputError, Problem
from csea.models import Status
from csea.render.outline import (
    PROMPT_LABEL,
    Block,
    Bullets,
    Heading,
    Note,
    Outline,
    Paragraph,
    Run,
    Table,
    Text,
    render_outline_markdown,
)
from csea.render.wording import DASH, REDACTION_NOTICE, date_text, label, summary_facts
from csea.report.build import generated_moment
from csea.report.document import CatalogInfo, EvidenceItem, ServiceSummary
from csea.report.provisions import Answering, ProvisionRecord
from csea.report.rows import Standing

__all__ = [
    "FilingFormat",
    "about_blocks",
    "answers_cell",
    "catalogue_sentence",
    "date_cell",
    "evidence_cell",
    "facts_table",
    "provision_cell",
    "status_notes",
    "status_text",
    "taken_text",
    "why_not_text",
    "write_filing",
    "written_from",
]


class FilingFormat(StrEnum):
    """The formats a regulator's document is written in."""

    DOCX = "docx"
    """A Word document, to edit and file."""
    MD = "md"
    """Markdown, for wikis, pull requests and review."""

    @classmethod
    def for_path(cls, path: PurePath | None) -> FilingFormat:
        """The format a file name asks for: Markdown for ``.md``, Word for ``.docx`` or no suffix.

        Raises:
            InputError: The name has another suffix (a Word file named ``.pdf`` would mislead).
        """
        suffix = path.suffix.lower() if path is not None else ""
        if suffix in ("", ".docx"):
            return cls.DOCX
        if suffix == ".md":
            return cls.MD
        message = (
            f"{path}: this document is written as .docx (Word) or .md (Markdown), not '{suffix}'"
        )
        raise InputError(
            [Problem(code=ProblemCode.UNKNOWN_EXPORT_FORMAT, message=message)], message
        )


def write_filing(outline: Outline, fmt: FilingFormat, generated_at: str | None = None) -> bytes:
    """The document in one format, as bytes.

    Args:
        outline: The document.
        fmt: Word or Markdown.
        generated_at: The timestamp the document carries, if any (a Word file also records it
            in its properties and zip entries).
    """
    if fmt is FilingFormat.MD:
        return render_outline_markdown(outline).encode("utf-8")
    from csea.render.docx import render_docx  # noqa: PLC0415 - python-docx only when asked

    return render_docx(outline, None if generated_at is None else generated_moment(generated_at))


def status_notes(redacted: bool, generated_at: str | None) -> list[Note]:
    """The notes under the title: redacted, and when generated."""
    notes = [Note(REDACTION_NOTICE)] if redacted else []
    if generated_at:
        notes.append(Note(f"Generated at {generated_at}."))
    return notes


def written_from(summary: ServiceSummary) -> str:
    """What the document was written from, and the day it was judged on, for its subtitle."""
    source = (
        f"the assessment of {date_text(summary.assessed_on)}"
        if summary.assessed_on
        else "its assessment"
    )
    return f"Written by csea from {source}, judged as of {summary.as_of.isoformat()}."


def about_blocks(
    heading: str, purpose: str, structure: Sequence[Text], filled: str, catalog: CatalogInfo
) -> list[Block]:
    """The first section: what the document is, where its structure comes from, how it was filled."""
    return [
        Heading(heading),
        Paragraph(purpose),
        Paragraph(Run("Where its structure comes from", bold=True)),
        Bullets(structure),
        Paragraph(Run("How it was filled in", bold=True)),
        Paragraph(
            f"{filled} Paragraphs that start with '{PROMPT_LABEL}' are for you to write: csea "
            f"does not hold them. {catalogue_sentence(catalog)}"
        ),
    ]


def catalogue_sentence(catalog: CatalogInfo) -> str:
    """Which catalogue filled the document in."""
    return (
        f"Codes, sections and titles come from the {catalog.title} ({catalog.id}) version "
        f"{catalog.version} of {catalog.date.isoformat()}; titles are paraphrases, and a "
        "provision marked (secondary) was read only in a secondary source."
    )


def facts_table(summary: ServiceSummary) -> Table:
    """The service and its profile as a two-column table."""
    return Table(["", ""], [[Run(k, bold=True), v] for k, v in summary_facts(summary)], (1, 3))


def provision_cell(record: ProvisionRecord) -> list[str | Run]:
    """A provision's code (bold) and title, marked when only secondarily verified."""
    mark = "" if record.verification.value == "verified" else f" ({record.verification.value})"
    return [Run(record.id, bold=True), f"\n{record.title}{mark}"]


_TAKEN = {
    Standing.MET: "Yes",
    Standing.PARTLY_MET: "In part",
    Standing.NOT_MET: "No",
    Standing.NOT_ASSESSED: "Not assessed",
    Standing.NOT_APPLICABLE: "Marked not applicable",
    Standing.UPCOMING: "Not in force yet",
    Standing.NOT_COVERED: DASH,
}


def why_not_text(record: ProvisionRecord) -> str:
    """Why nothing that applies answers a provision: the failed conditions, or whose it is."""
    if record.why_not:
        return "\n".join(record.why_not)
    if record.not_applicable_here:
        return "the obligations citing it do not apply to the service: " + ", ".join(
            record.not_applicable_here
        )
    return DASH


def taken_text(record: ProvisionRecord) -> str:
    """Whether a measure is taken, in one or two words, with a caveat for overlapping answers."""
    text = _TAKEN[record.standing]
    if record.only_overlapping:
        text += "\n(only overlapping obligations: check)"
    return text


def date_cell(record: ProvisionRecord) -> str:
    """In place by (earliest evidence) for what is taken; due for what is not."""
    lines = []
    if record.in_place_by:
        lines.append(f"in place by {date_text(record.in_place_by)}")
    if record.due:
        lines.append(f"due {date_text(record.due)}")
    return "\n".join(lines) or DASH


def evidence_cell(answers: list[Answering]) -> Text:
    """Every piece of evidence behind the answers, one per line, without repeats."""
    lines: list[str | Run] = []
    seen: set[tuple[str, str | None]] = set()
    for answer in answers:
        for item in answer.evidence:
            if (item.title, item.location) not in seen:
                seen.add((item.title, item.location))
                lines += ["\n" if lines else "", *_evidence(item)]
    withheld = sum(a.evidence_withheld for a in answers)
    if withheld:
        lines += ["\n" if lines else "", f"{withheld} item(s) withheld: sensitivity label"]
    return lines or "none referenced"


def _evidence(item: EvidenceItem) -> list[str | Run]:
    dates = f"collected {date_text(item.collected)}"
    dates += f", expires {date_text(item.expires)}" if item.expires else ""
    dates += f", {label(item.sensitivity).lower()}" if item.sensitivity else ""
    if item.location and item.location.startswith(("http://", "https://")):
        return [Run(item.title, url=item.location), f" ({dates})"]
    where = f", {item.location}" if item.location else ""
    return [f"{item.title}{where} ({dates})"]


def status_text(answer: Answering) -> str:
    """An answer's status, with its due date for partial and planned work."""
    due = answer.due and answer.status in (Status.PARTIAL, Status.PLANNED)
    return label(answer.status) + (f" (due {date_text(answer.due)})" if due else "")


def answers_cell(answers: list[Answering], record: ProvisionRecord | None = None) -> str:
    """The obligations answering a provision with their status, one per line, then the duties."""
    lines = [f"{a.obligation_id} {status_text(a).lower()}" for a in answers]
    if record is not None and record.duties:
        duties = ", ".join(f"{d.short_title} {d.provision}" for d in record.duties)
        lines.append(f"Duties: {duties}")
    return "\n".join(lines) or DASH
