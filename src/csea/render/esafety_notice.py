"""The eSafety notice response skeleton laid out: the Determination's sections in order, as Word or Markdown.

Each section of the Basic Online Safety Expectations Determination gets the obligations
that answer it, their status and evidence, and a prompt for the notice's own questions,
which csea does not hold. Sections whose number or heading csea has not read in the
instrument say so.
"""

from __future__ import annotations

from csea.render.filing import (
    FilingFormat,
    about_blocks,
    evidence_cell,
    facts_table,
    status_notes,
    status_text,
    why_not_text,
    write_filing,
    written_from,
)
from csea.render.outline import (
    Block,
    Heading,
    Note,
    Outline,
    Paragraph,
    Prompt,
    Run,
    Table,
)
from csea.render.wording import label
from csea.report.esafety import NoticePart, NoticeResponse, NoticeSection
from csea.report.provisions import ProvisionRecord
from csea.report.rows import Standing

__all__ = ["esafety_notice_outline", "render_esafety_notice"]

DETERMINATION_URL = (
    "https://www.legislation.gov.au/F2022L00062/asmade/2022-01-23/text/original/epub/"
    "OEBPS/document_1/document_1.html"
)
"""The Determination as made (F2022L00062), where csea read the headings of ss.1-17."""


def render_esafety_notice(response: NoticeResponse, fmt: FilingFormat) -> bytes:
    """The eSafety notice response skeleton as a Word document or Markdown."""
    return write_filing(esafety_notice_outline(response), fmt, response.generated_at)


def esafety_notice_outline(response: NoticeResponse) -> Outline:
    """The eSafety notice response skeleton as an outline of sections."""
    summary = response.summary
    blocks: list[Block] = [
        *status_notes(response.redacted, response.generated_at),
        *_about(response),
        Heading("2. The notice"),
        Prompt(
            "The notice: periodic (s.49) or non-periodic (s.56), its reference and the date it was given."
        ),
        Prompt("The reporting period the notice covers, and the date the response is due."),
        Prompt("Who prepared and who approved this response."),
        Heading("3. The service"),
        facts_table(summary),
    ]
    for number, part in enumerate(response.parts, start=4):
        blocks += _part(number, part, response.au_users)
    return Outline(
        title=f"Response to an eSafety reporting notice: {summary.service}",
        subtitle=(
            f"{summary.organisation}. A skeleton, by section of the Basic Online Safety "
            f"Expectations. {written_from(summary)}"
        ),
        blocks=blocks,
        subject="eSafety reporting notice response (Basic Online Safety Expectations)",
        keywords=("csea", "eSafety", "Basic Online Safety Expectations", "reporting notice"),
    )


def _about(response: NoticeResponse) -> list[Block]:
    blocks = about_blocks(
        "1. About this skeleton",
        "eSafety can require a provider, by a periodic reporting notice (Online Safety Act "
        "2021 (Cth), s.49) or a non-periodic one (s.56), to report how far it complied with "
        "the Basic Online Safety Expectations. A notice asks its own questions, to be answered "
        "'in the manner and form specified in the notice' (s.49(2)(b)). This skeleton gathers "
        "what csea holds for each section of the Determination, so the answers can be "
        "written from it.",
        [
            [
                "The sections are those of the Online Safety (Basic Online Safety "
                "Expectations) Determination 2022 as made (F2022L00062), in order, with the "
                "Part and Division each sits in; csea read the headings of ss.1 to 17 in the "
                "instrument: ",
                Run(DETERMINATION_URL, url=DETERMINATION_URL),
                ".",
            ],
            "A section marked 'not confirmed' is in csea's catalogue, but csea has not read "
            "its number or heading in the instrument: s.18 onward, and the expectations the "
            "2024 amendment added, whose section numbers csea does not hold.",
            "csea has read no notice: nothing here is a notice's own layout or question.",
        ],
        "For each section: the obligations in csea's catalogue that apply to the service and "
        "answer it, with their status and evidence.",
        response.catalog,
    )
    if response.au_users is None:
        blocks.append(
            Note(
                "The profile does not say whether the service is offered in Australia, so csea "
                "cannot tell whether any expectation binds it; declare its Australian users, or "
                "rule Australia out, in the profile."
            )
        )
    elif not response.au_users:
        blocks.append(
            Note(
                "The profile declares no users in Australia, so no expectation binds the service "
                "in csea's judgement."
            )
        )
    return blocks


def _part(number: int, part: NoticePart, au_users: bool | None) -> list[Block]:
    answered = sum(1 for s in part.sections if s.provision.answered_by)
    blocks: list[Block] = [
        Heading(f"{number}. {part.title}"),
        Paragraph(
            f"{answered} of the {len(part.sections)} sections csea's catalogue lists are answered "
            "by obligations that apply to the service."
        ),
    ]
    if au_users and not part.binds:
        blocks.append(Note("None of its sections binds the service on the as-of date."))
    for section in part.sections:
        blocks += _section(section)
    return blocks


def _section(section: NoticeSection) -> list[Block]:
    record = section.provision
    number = record.id[1:] if section.confirmed else None
    heading = f"Section {number}: {record.title}" if number else f"{record.title} ({record.id})"
    blocks: list[Block] = [Heading(heading, 2)]
    if section.division:
        blocks.append(Paragraph(section.division))
    else:
        blocks.append(
            Note(
                "Not confirmed: csea has not read this section's number and heading in the instrument."
            )
        )
    standing = label(record.standing)
    if record.only_overlapping:
        standing += " (the obligations below only overlap this expectation: check)"
    blocks.append(Paragraph([Run("Standing: ", bold=True), standing]))
    if record.answered_by:
        rows = [
            [f"{a.obligation_id}\n{a.title}", status_text(a), evidence_cell([a])]
            for a in record.answered_by
        ]
        blocks.append(Table(["Obligation", "Status", "Evidence"], rows, (3, 1, 4)))
    else:
        blocks.append(Paragraph(_unanswered(record)))
    if record.not_applicable_here and (record.answered_by or record.why_not):
        others = ", ".join(record.not_applicable_here)
        blocks.append(
            Paragraph(f"Obligations citing it that do not apply to the service: {others}.")
        )
    blocks.append(
        Prompt(
            "Your answers to the notice's questions on this expectation, for the reporting period."
        )
    )
    return blocks


def _unanswered(record: ProvisionRecord) -> str:
    if record.standing is Standing.NOT_COVERED:
        reason = (
            f" The catalogue's reason: {record.uncited_reason}" if record.uncited_reason else ""
        )
        return "csea's catalogue does not map this section to an obligation." + reason
    return f"No obligation that applies to the service answers it ({why_not_text(record)})."
