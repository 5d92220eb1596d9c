"""The report in Markdown, for wikis and pull requests (GitHub-flavoured tables).

Everything the user wrote is escaped ([csea.render.escape.markdown][]), so a title cannot
break a table, start a heading, or smuggle HTML into a wiki page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

from csea.models import Status
from csea.models.vocabulary import Verification
from csea.render.escape import markdown as escape
from csea.render.markdown_summary import (
    briefing_lines,
    derivation_lines,
    gap_rows,
    regulator_lines,
)
from csea.render.markdown_text import table
from csea.render.wording import (
    DASH,
    REDACTION_NOTICE,
    SCORE_METHOD,
    catalogue_line,
    date_text,
    findings_text,
    force_text,
    label,
    score_text,
    service_facts,
    short_label,
    trend_sentence,
    verification_sentence,
)
from csea.report.document import (
    EvidenceItem,
    ObligationEntry,
    ProvisionEntry,
    ReportDocument,
    Scorecard,
    ServiceReport,
    SourceView,
)

__all__ = ["render_markdown"]

_URL_SAFE = ":/?#@!$&'*+,;=%-._~"


def render_markdown(document: ReportDocument) -> str:
    """The whole report as Markdown."""
    lines = ["# Child-safety self-assessment report", ""]
    lines += [f"**{escape(document.classification.upper())}**", ""]
    lines += [f"Catalogue: {escape(catalogue_line(document))}."]
    if document.generated_at:
        lines += ["", f"Generated at {escape(document.generated_at)}."]
    if document.redacted:
        lines += ["", f"> **{REDACTION_NOTICE}**"]
    if document.organisations:
        lines += ["", *_organisations(document)]
    for report in document.reports:
        lines += ["", *_service(report)]
    return "\n".join(lines).rstrip() + "\n"


def _organisations(document: ReportDocument) -> list[str]:
    rows = [
        [
            escape(o.organisation),
            escape(", ".join(o.services)),
            findings_text(o.findings),
            str(o.applicable),
            str(o.legal_duties_unmet),
            score_text(o.score),
        ]
        for o in document.organisations
    ]
    headers = ["Organisation", "Services", "Findings", "Applicable", "Legal duties not met"]
    return ["## Organisations", "", *table([*headers, "Score"], rows, right=3)]


def _service(report: ServiceReport) -> Iterator[str]:
    summary = report.summary
    yield f"## {escape(summary.organisation)}: {escape(summary.service)}"
    yield from ["", f"Assessed {date_text(summary.assessed_on)}; judged as of {summary.as_of}."]
    yield from briefing_lines(report)
    if report.regulator_view is not None:
        view = report.regulator_view
        yield from ["", f"### {escape(view.name)}: every provision, source by source", ""]
        yield f"{escape(view.title)}. {escape(view.description)}"
        for source in view.sources:
            yield from _provisions(source, "####")
    if report.source_view is not None:
        yield from _provisions(report.source_view, "###")
    yield from regulator_lines(report)
    yield from _gaps(report)
    yield from _findings(report)
    yield from _changes(report)
    if report.source_view is None and report.regulator_view is None:
        yield from ["", "### Scorecard by pillar", "", *_scorecard(report.pillars)]
    yield from ["", "### Service", "", *table(["", ""], _facts(report))]
    yield from _obligations(report)
    yield from derivation_lines(report)
    yield from ["", "---", "", escape(verification_sentence(report.verification)), ""]
    yield escape(SCORE_METHOD)


def _facts(report: ServiceReport) -> list[list[str]]:
    return [[f"**{escape(name)}**", escape(value)] for name, value in service_facts(report)]


def _scorecard(rows: list[Scorecard]) -> list[str]:
    headers = ["Pillar", "Applicable", *(short_label(s) for s in Status)]
    headers += ["Legal duties not met", "Score", "Unweighted"]
    body = [
        [
            escape(row.title),
            str(row.applicable),
            *(str(row.counts[s]) for s in Status),
            str(row.legal_duties_unmet),
            score_text(row.weighted_score),
            score_text(row.score),
        ]
        for row in rows
    ]
    return table(headers, body, right=len(Status) + 4)


def _gaps(report: ServiceReport) -> Iterator[str]:
    yield from ["", "### Gaps, most urgent first", ""]
    if not report.gaps:
        yield "No gaps: every applicable obligation is implemented or justified as not applicable."
        return
    yield "Ranked by force, then the service's risk for the harms addressed, then how far from met, then due date."
    headers = ["#", "Obligation", "Why it ranks here", "Status", "Due", "Owner"]
    yield from ["", *table(headers, gap_rows(report.gaps))]


def _findings(report: ServiceReport) -> Iterator[str]:
    yield from ["", "### Findings", ""]
    if not report.findings:
        yield "No findings."
        return
    rows = [
        [
            label(f.level),
            f.obligation_id or DASH,
            DASH if f.line is None else str(f.line),
            escape(f.message),
        ]
        for f in report.findings
    ]
    yield from table(["Level", "Obligation", "Line", "Finding"], rows)


def _changes(report: ServiceReport) -> Iterator[str]:
    changes = report.changes
    if changes is None:
        return
    yield from ["", "### Since the previous assessment", ""]
    yield escape(trend_sentence(report.briefing.trend))
    if not changes.moves:
        yield from ["", f"No status changed since {date_text(changes.previous_assessed_on)}."]
        return
    rows = [
        [
            f"{escape(m.title)} ({m.obligation_id})",
            label(m.before) if m.before else "not applicable then",
            label(m.after) if m.after else "no longer applicable",
        ]
        for m in changes.moves
    ]
    yield from ["", *table(["Obligation", "Before", "Now"], rows)]


def _provisions(view: SourceView, level: str) -> Iterator[str]:
    yield from ["", f"{level} {escape(view.title)} ({view.id}): provision by provision", ""]
    yield (
        f"Issued by {escape(view.issuer)}; {label(view.force).lower()}; applies in "
        f"{', '.join(view.jurisdictions)}; "
        + (
            "applies to this service."
            if view.binds
            else "does not apply to this service on this date."
        )
    )
    rows = []
    for p in view.provisions:
        title = escape(p.title)
        if p.verification is not Verification.VERIFIED:
            title += f" ({label(p.verification).lower()})"
        indent = "&nbsp;&nbsp;" * p.depth
        rows.append([indent + escape(p.id), title, label(p.standing), _answered(p)])
    yield from ["", *table(["Provision", "Title", "Standing", "Answered by"], rows)]


def _answered(provision: ProvisionEntry) -> str:
    parts = [
        f"{escape(a.title)} ({a.obligation_id}, {label(a.status).lower()})"
        for a in provision.answered_by
    ]
    if provision.not_applicable_here:
        parts.append(
            f"cited by {', '.join(provision.not_applicable_here)}, which does not apply here"
        )
    if provision.uncited_reason:
        parts.append(f"not cited: {escape(provision.uncited_reason)}")
    return "; ".join(parts) or DASH


def _obligations(report: ServiceReport) -> Iterator[str]:
    yield from ["", "### Obligations"]
    titles = {p.id: p.title for p in report.pillars}
    sources = {s.id: s.short_title for s in report.sources}
    pillar = None
    for entry in report.obligations:
        if entry.pillar != pillar:
            pillar = entry.pillar
            yield from ["", f"#### {escape(titles.get(pillar, pillar))}"]
        yield from ["", *_obligation(entry, sources)]


def _obligation(entry: ObligationEntry, sources: dict[str, str]) -> list[str]:
    bound = ", ".join(f"{escape(sources.get(s, s))} ({escape(s)})" for s in entry.binding_sources)
    facts = [
        f"**Status:** {label(entry.status)}",
        f"**Force:** {force_text(entry.force, entry.assumed)}",
        f"**Sources that apply:** {bound or DASH}",
    ]
    if entry.undeclared:
        facts.append(
            f"**To settle, declare in the profile:** {escape(', '.join(entry.undeclared))}"
        )
    if entry.owner:
        facts.append(f"**Owner:** {escape(entry.owner)}")
    if entry.due:
        facts.append(f"**Due:** {date_text(entry.due)}")
    lines = [f"**{escape(entry.title)}** ({entry.id})", "", "- " + " · ".join(facts)]
    for name, text in (
        ("Accepted by", entry.accepted_by),
        ("Justification", entry.justification),
        ("Notes", entry.notes),
    ):
        if text:
            lines.append(f"- **{name}:** {escape(text)}")
    lines += _evidence(entry)
    lines += [f"- **{label(f.level)}:** {escape(f.message)}" for f in entry.findings]
    return lines


def _evidence(entry: ObligationEntry) -> list[str]:
    if not entry.evidence and not entry.evidence_withheld:
        return ["- **Evidence:** none referenced"]
    lines = ["- **Evidence:**"]
    lines += [f"  - {_evidence_item(item)}" for item in entry.evidence]
    if entry.evidence_withheld:
        lines.append(f"  - {entry.evidence_withheld} item(s) withheld: sensitivity label")
    return lines


def _evidence_item(item: EvidenceItem) -> str:
    title = escape(item.title)
    if item.location and re.match(r"https?://", item.location):
        text = f"[{title}]({quote(item.location, safe=_URL_SAFE)})"
    elif item.location:
        text = f"{title}, {escape(item.location)}"
    else:
        text = title
    text += f" (collected {date_text(item.collected)}"
    text += f", expires {date_text(item.expires)}" if item.expires else ""
    text += f", {label(item.sensitivity).lower()}" if item.sensitivity else ""
    return text + ")"
