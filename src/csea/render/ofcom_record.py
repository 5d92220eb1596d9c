"""The Ofcom record laid out: sections that follow the Act's s.23(2)-(5), as Word or Markdown.

Sections 3 to 5 follow the list in the Online Safety Act 2023, s.23(2)-(5) (read in the
primary text), and the steps under the illegal content risk assessment are the four steps
Ofcom's own pages name. The order, the tables and their columns are csea's own layout:
Ofcom's record-keeping template's per-measure columns were not confirmed, and the document
says so rather than borrow them.
"""

from __future__ import annotations

from csea.render.filing import (
    FilingFormat,
    about_blocks,
    answers_cell,
    date_cell,
    evidence_cell,
    facts_table,
    provision_cell,
    status_notes,
    taken_text,
    why_not_text,
    write_filing,
    written_from,
)
from csea.render.outline import (
    Block,
    Bullets,
    Heading,
    Note,
    Outline,
    Paragraph,
    Prompt,
    Run,
    Table,
)
from csea.render.wording import DASH, date_text, label
from csea.report.ofcom import REVIEW_PAGE, CodeRecord, OfcomRecord, RiskAssessmentRecord
from csea.report.provisions import ProvisionRecord
from csea.report.rows import Standing

__all__ = ["ofcom_record_outline", "render_ofcom_record"]

ACT_S23 = "https://www.legislation.gov.uk/ukpga/2023/50/section/23"
"""The Act's s.23 "Record-keeping and review duties" (user-to-user services)."""


def render_ofcom_record(record: OfcomRecord, fmt: FilingFormat) -> bytes:
    """The Ofcom record as a Word document or Markdown."""
    return write_filing(ofcom_record_outline(record), fmt, record.generated_at)


def ofcom_record_outline(record: OfcomRecord) -> Outline:
    """The Ofcom record as an outline of sections."""
    summary = record.summary
    return Outline(
        title=f"Record of risk assessments and measures: {summary.service}",
        subtitle=(f"{summary.organisation}. Online Safety Act 2023, s.23. {written_from(summary)}"),
        blocks=[
            *status_notes(record.redacted, record.generated_at),
            *_about(record),
            Heading("2. The service"),
            facts_table(summary),
            *_risk_assessments(record),
            *_measures(record),
            *_alternatives(record),
            *_review(record),
        ],
        subject="Online Safety Act 2023 s.23 record",
        keywords=("csea", "Online Safety Act 2023", "s.23", "Ofcom", "record-keeping"),
    )


def _about(record: OfcomRecord) -> list[Block]:
    blocks = about_blocks(
        "1. About this record",
        "This is the written record a user-to-user service keeps under the Online Safety Act "
        "2023, s.23: of its risk assessments (s.23(2)), of the measures in Ofcom's codes of "
        "practice that apply to it and that it has taken or has in use (s.23(3)), and of any "
        "alternative measures it uses instead of a code measure (s.23(4) and (5)).",
        [
            [
                "Sections 3 to 5 follow the list in s.23(2) to (5) of the Act, read in the "
                "primary text: ",
                Run(ACT_S23, url=ACT_S23),
                ".",
            ],
            "The four steps under the illegal content risk assessment are the steps of "
            "Ofcom's risk-assessment process, as Ofcom's own pages name them.",
            "Everything else (the order of the sections, the tables and their columns) is "
            "csea's own layout. It is not Ofcom's record-keeping template: csea has not "
            "confirmed that template's per-measure columns, so no column here is Ofcom's.",
            "Section 6 follows Ofcom's web page on reviews; csea has not read s.23(6) onward.",
        ],
        "csea filled in what the assessment holds: the service profile and, for every measure "
        "of Ofcom's codes in its catalogue, whether it applies, the obligations that answer it, "
        "their status, dates and evidence.",
        record.catalog,
    )
    if record.uk_users is None:
        blocks.append(
            Note(
                "The profile does not say whether the service is offered in the UK, so csea "
                "cannot tell whether any code measure binds it; declare its UK users, or rule "
                "the UK out, in the profile."
            )
        )
    elif not record.uk_users:
        blocks.append(
            Note(
                "The profile declares no users in the UK, so no code measure binds the service "
                "in csea's judgement; check whether the Act reaches the service before keeping "
                "this record."
            )
        )
    if record.search:
        blocks.append(
            Note(
                "The service is also a search service. The Act's s.34 sets the record-keeping "
                "duties of search services; csea has not read it, so this record follows s.23."
            )
        )
    return blocks


def _risk_assessments(record: OfcomRecord) -> list[Block]:
    blocks: list[Block] = [
        Heading("3. Risk assessments (s.23(2))"),
        Note(
            "s.23(2): a written record, in an easily understandable form, of all aspects of every "
            "risk assessment under s.9 or s.11, including how it was carried out and its findings."
        ),
    ]
    for assessment in record.risk_assessments:
        blocks += _risk_assessment(record, assessment)
    return blocks


def _risk_assessment(record: OfcomRecord, assessment: RiskAssessmentRecord) -> list[Block]:
    if assessment.kind == "children":
        heading = Heading("3.2 Children's risk assessment (s.11)", 2)
        if assessment.applies is None:
            return [
                heading,
                Paragraph(
                    "The profile does not say whether children are likely to use the service, "
                    "so csea cannot tell whether a children's risk assessment is needed."
                ),
                Prompt("The children's access assessment, its conclusion, and when."),
            ]
        if not assessment.applies:
            return [
                heading,
                Paragraph(
                    "The profile says children are not likely to use the service, so csea does "
                    "not expect a children's risk assessment."
                ),
                Prompt("The children's access assessment that reached this conclusion, and when."),
            ]
        return [
            heading,
            *_held(record, assessment, risk=False),
            Prompt(
                "How the children's risk assessment was carried out (who, when, with what evidence)."
            ),
            Prompt(
                "Its findings: the risk level for each kind of content harmful to children, and why."
            ),
        ]
    return [
        Heading("3.1 Illegal content risk assessment (s.9)", 2),
        *_held(record, assessment, risk=True),
        Heading("Step 1: understand the harms", 3),
        Prompt(
            "Which kinds of illegal content you assessed (Ofcom names 17 kinds of priority illegal "
            "content) and which risk factors from Ofcom's Risk Profiles apply to the service."
        ),
        Heading("Step 2: assess the risk of harm", 3),
        Prompt(
            "The risk level you gave each kind of priority illegal content and other illegal "
            "content, and the risk of the service being used to commit or facilitate a priority "
            "offence, with the evidence behind each."
        ),
        Heading("Step 3: decide measures, implement and record", 3),
        Paragraph("Recorded in section 4 (code measures) and section 5 (alternative measures)."),
        Heading("Step 4: report, review and update", 3),
        Prompt("How the assessment is reported through your governance, and who signed it off."),
        Paragraph("Reviews: see section 6."),
    ]


def _held(record: OfcomRecord, assessment: RiskAssessmentRecord, *, risk: bool) -> list[Block]:
    summary = record.summary
    facts: list[str] = [f"Assessment last reviewed as a whole: {date_text(summary.assessed_on)}."]
    if risk and summary.risk:
        levels = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in summary.risk.items())
        facts.append(
            f"Risk levels the profile declares: {levels} (csea's kinds of harm, not Ofcom's 17 "
            "kinds of priority illegal content)."
        )
    blocks: list[Block] = [Paragraph(Run("What csea holds", bold=True)), Bullets(facts)]
    if assessment.answered_by:
        rows = [
            [f"{a.obligation_id}\n{a.title}", label(a.status), evidence_cell([a])]
            for a in assessment.answered_by
        ]
        blocks += [
            Paragraph(f"Obligations in csea's catalogue cited to s.{assessment.section[1:]}:"),
            Table(["Obligation", "Status", "Evidence"], rows, (3, 1, 4)),
        ]
    return blocks


def _measures(record: OfcomRecord) -> list[Block]:
    blocks: list[Block] = [
        Heading("4. Measures in Ofcom's codes of practice (s.23(3))"),
        Note(
            "s.23(3): a written record of the measures described in a code of practice and "
            "recommended for compliance with a duty that apply to the provider and the service "
            "(applicable measures), taken or in use."
        ),
        Paragraph(
            "In the tables, 'Taken' is Yes when every obligation answering the measure is "
            "implemented, In part when some of it is in place. 'Date' is, for a measure taken in "
            "whole or in part, the earliest date its evidence was collected (it was in place by "
            "then), and for one not taken in full, when the remaining work is due. 'Answered by' "
            "lists the obligations in csea's catalogue that answer the measure and, after "
            "'Duties', the sections of the Act they are cited to."
        ),
    ]
    for code in record.codes:
        blocks += _code(code)
    return blocks


def _code(ofcom_code: CodeRecord) -> list[Block]:
    applying = ofcom_code.applying
    blocks: list[Block] = [
        Heading(ofcom_code.title, 2),
        Paragraph(
            f"Issued by Ofcom. {len(applying)} of the {len(ofcom_code.measures)} measures csea's "
            "catalogue lists apply to the service."
        ),
    ]
    if applying:
        rows = [
            [
                provision_cell(m),
                taken_text(m),
                date_cell(m),
                evidence_cell(m.answered_by),
                answers_cell(m.answered_by, m),
            ]
            for m in applying
        ]
        headers = ["Measure", "Taken", "Date", "Evidence", "Answered by"]
        blocks.append(Table(headers, rows, (3, 1.5, 1.5, 4, 2.4)))
    upcoming = ofcom_code.with_standing(Standing.UPCOMING)
    if upcoming:
        rows = [
            [provision_cell(m), "\n".join(m.why_not), ", ".join(m.not_applicable_here)]
            for m in upcoming
        ]
        blocks += [
            Heading("Measures not in force yet", 3),
            Table(["Measure", "Status", "Cited by"], rows, (3, 2, 2)),
        ]
    blocks += _not_applying(ofcom_code)
    return blocks


def _not_applying(ofcom_code: CodeRecord) -> list[Block]:
    blocks: list[Block] = []
    outside = [m for m in ofcom_code.with_standing(Standing.NOT_APPLICABLE) if not m.answered_by]
    if outside:
        rows = [[provision_cell(m), why_not_text(m)] for m in outside]
        blocks += [
            Heading("Measures that do not apply to the service", 3),
            Table(
                ["Measure", "Why not (the code's conditions, as csea's catalogue words them)"],
                rows,
                (2, 5),
            ),
        ]
    uncovered = ofcom_code.with_standing(Standing.NOT_COVERED)
    if uncovered:
        rows = [[provision_cell(m), m.uncited_reason or DASH] for m in uncovered]
        blocks += [
            Heading("Measures csea's catalogue does not cover", 3),
            Table(["Measure", "The catalogue's reason"], rows, (2, 5)),
            Prompt(
                "Whether each of these measures applies to the service and, where it does, whether it is taken."
            ),
        ]
    return blocks


def _alternatives(record: OfcomRecord) -> list[Block]:
    blocks: list[Block] = [
        Heading("5. Alternative measures (s.23(4) and (5))"),
        Note(
            "s.23(4): where alternative measures are taken or in use, a record of (a) the "
            "applicable code measures not taken or not in use, (b) the alternative measures, "
            "(c) how they amount to compliance with the duty, and (d) how the provider complied "
            "with s.49(5) (freedom of expression and privacy). s.23(5): for alternatives to "
            "measures for the duties in s.10(2) or (3) or s.12(2) or (3), whether they are taken "
            "or in use in every area listed in s.10(4) or s.12(8) for which there are applicable "
            "code measures."
        ),
    ]
    pending = [(code, m) for code in record.codes for m in code.alternatives_needed]
    if not pending:
        return [
            *blocks,
            Paragraph(
                "Every applicable code measure is recorded as taken in full: no alternative-measures record is needed."
            ),
        ]
    blocks.append(
        Paragraph(
            f"{len(pending)} applicable code measure(s) are not recorded as taken in full "
            "(s.23(4)(a)). Where you use alternative measures instead, record them below; where "
            "a measure is simply not in place yet, say so and when it will be."
        )
    )
    for code, measure in pending:
        blocks += [
            Heading(f"{code.short_title} {measure.id}: {measure.title}", 3),
            Bullets(_pending_facts(measure)),
            Prompt("The alternative measures taken or in use instead (s.23(4)(b))."),
            Prompt("How they amount to compliance with the duty (s.23(4)(c))."),
            Prompt(
                "How you complied with s.49(5), freedom of expression and privacy (s.23(4)(d))."
            ),
            Prompt(
                "Where they stand in for measures under s.10(2) or (3) or s.12(2) or (3): whether "
                "they are taken or in use in every area listed in s.10(4) or s.12(8) (s.23(5))."
            ),
        ]
    return blocks


def _pending_facts(measure: ProvisionRecord) -> list[str]:
    when = date_cell(measure).replace("\n", "; ")
    facts = [f"Taken: {taken_text(measure).splitlines()[0]}; {when}."]
    facts.append(
        f"Answered by: {answers_cell(measure.answered_by, measure).replace(chr(10), '; ')}."
    )
    facts += [
        f"The team's notes on {a.obligation_id}: {a.notes}" for a in measure.answered_by if a.notes
    ]
    facts += [
        f"The team's reason {a.obligation_id} does not apply: {a.justification}"
        for a in measure.answered_by
        if a.justification
    ]
    return facts


def _review(record: OfcomRecord) -> list[Block]:
    return [
        Heading("6. Review"),
        Paragraph(
            [
                "Ofcom's page 'Check how to comply with the illegal content rules' says to review "
                "the risk assessment at least every 12 months, and to carry out a new one before "
                "making a significant change to the service: ",
                Run(REVIEW_PAGE, url=REVIEW_PAGE),
                ".",
            ]
        ),
        Bullets(
            [
                f"Assessment last reviewed as a whole: {date_text(record.summary.assessed_on)}.",
                f"Next review, 12 months on: {date_text(record.review_by)}.",
            ]
        ),
        Prompt("Who reviewed this record and when, and what changed since its last version."),
    ]
