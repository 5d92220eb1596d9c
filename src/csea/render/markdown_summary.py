"""The Markdown report's first part: the summary for leadership, and the scorecard by regulator.

The same story as the HTML report's first page, in the same words
([csea.render.wording][]): what is met, what leadership must decide or know, the top
gaps with the reason for their rank, the trend, and the standing against each regulator.
"""

from __future__ import annotations

from collections.abc import Iterator

from csea.models import RegulatorKind, Status
from csea.render.escape import markdown as escape
from csea.render.markdown_text import table
from csea.render.wording import (
    DASH,
    DECISIONS,
    INDUSTRY_NOTE,
    PAGE_ONE_ITEMS,
    TOP_GAPS,
    date_text,
    decision_detail,
    duties_text,
    label,
    regulator_duties,
    regulator_sections,
    score_text,
    summary_sentence,
    trend_sentence,
)
from csea.report.document import (
    DecisionItem,
    GapEntry,
    RegulatorCard,
    Scorecard,
    ServiceReport,
)

__all__ = ["briefing_lines", "derivation_lines", "gap_rows", "regulator_lines"]


def briefing_lines(report: ServiceReport) -> Iterator[str]:
    """The summary for leadership: sentence, key figures, decisions, top gaps, trend, regulators."""
    headline, brief = report.headline, report.briefing
    yield from ["", "### Summary for leadership", "", f"**{escape(summary_sentence(report))}**", ""]
    yield from table(
        ["Weighted score", "Unweighted", "Legal duties not met", "Overdue plans", "Gaps"],
        [
            [
                score_text(headline.weighted_score),
                score_text(headline.score),
                str(headline.legal_duties_unmet),
                str(len(brief.overdue_plans)),
                f"{headline.gaps} of {headline.applicable}",
            ]
        ],
        right=5,
    )
    for field, heading, none_text, always in DECISIONS:
        items: list[DecisionItem] = getattr(brief, field)
        if items or always:
            yield from ["", f"#### {heading} ({len(items)})", ""]
            yield from _items(items, field) if items else [none_text]
    yield from ["", "#### Top gaps, ranked", ""]
    if report.gaps:
        yield from table(
            ["#", "Obligation", "Why it ranks here", "Owner"],
            gap_rows(report.gaps[:TOP_GAPS], brief=True),
        )
        if len(report.gaps) > TOP_GAPS:
            yield from ["", f"{len(report.gaps) - TOP_GAPS} more in the gap list."]
    else:
        yield "No gaps: every applicable obligation is implemented or justified as not applicable."
    yield from ["", "#### Trend", "", escape(trend_sentence(brief.trend))]
    yield from ["", "#### Standing by regulator", ""]
    yield from _standing(report)


def _items(items: list[DecisionItem], field: str) -> Iterator[str]:
    for item in items[:PAGE_ONE_ITEMS]:
        detail = escape(decision_detail(item, field))
        yield f"- **{escape(item.title)}** ({item.obligation_id}): {detail}"
    if len(items) > PAGE_ONE_ITEMS:
        yield f"- and {len(items) - PAGE_ONE_ITEMS} more (see the gaps)"


def gap_rows(gaps: list[GapEntry], *, brief: bool = False) -> list[list[str]]:
    """Gap rows: rank, obligation (title and id), reason, owner (and status and due in full)."""
    rows = []
    for g in gaps:
        row = [str(g.rank), f"{escape(g.title)} ({g.obligation_id})", escape(g.reason)]
        if not brief:
            due = date_text(g.due) + (" **overdue**" if g.overdue else "")
            row += [label(g.status), due]
        rows.append([*row, escape(g.owner or DASH)])
    return rows


def _standing(report: ServiceReport) -> Iterator[str]:
    cards = [c for c in report.regulators if c.kind is not RegulatorKind.INDUSTRY]
    rows = [
        [
            escape(c.name),
            str(c.applicable),
            str(c.counts[Status.IMPLEMENTED]),
            regulator_duties(c),
            score_text(c.weighted_score),
            score_text(c.score),
        ]
        for c in cards
    ]
    headers = ["Regulator", "Applicable", "Implemented", "Legal duties not met", "Score"]
    yield from table([*headers, "Unweighted"], rows, right=5)
    if report.briefing.not_binding:
        names = ", ".join(escape(n) for n in report.briefing.not_binding)
        yield from [
            "",
            f"Regulators with nothing that applies to this service on {report.summary.as_of}: {names}.",
        ]


def regulator_lines(report: ServiceReport) -> Iterator[str]:
    """The scorecard by regulator, each with its sources; industry apart, not scored for duty."""
    sources = {s.id: s for s in report.sources}
    for heading, industry, cards in regulator_sections(report.regulators):
        yield from ["", f"### {heading}", ""]
        if industry:
            yield from [INDUSTRY_NOTE, ""]
        rows = []
        for card in cards:
            rows.append(
                _regulator_row(f"**{escape(card.name)}**", card, regulator_duties(card), industry)
            )
            for source_id in card.sources:
                s = sources[source_id]
                name = f"&nbsp;&nbsp;{escape(s.short_title)} ({escape(s.id)}, {label(s.force).lower()})"
                rows.append(_regulator_row(name, s, duties_text(s.legal_duties_unmet), industry))
        first = "Programme or tool" if industry else "Regulator and its sources"
        headers = [first, "Applicable", *(label(s) for s in Status)]
        headers += [] if industry else ["Legal duties not met"]
        yield from table([*headers, "Score", "Unweighted"], rows, right=len(headers) - 1 + 2)


def _regulator_row(
    name: str, row: RegulatorCard | Scorecard, duties: str, industry: bool
) -> list[str]:
    cells = [name, str(row.applicable), *(str(row.counts[s]) for s in Status)]
    cells += [] if industry else [duties]
    return [*cells, score_text(row.weighted_score), score_text(row.score)]


def derivation_lines(report: ServiceReport) -> Iterator[str]:
    """How the weighted score is worked out, obligation by obligation, and the sum."""
    headline = report.headline
    yield from ["", "### How the score is worked out", ""]
    rows = []
    for e in report.obligations:
        if e.weight is None or e.credit is None:
            rows.append([f"{escape(e.title)} ({e.id})", label(e.status), "left out", DASH, DASH])
        else:
            weight = f"{escape(e.weight_parts)} = {e.weight:g}"
            rows.append(
                [
                    f"{escape(e.title)} ({e.id})",
                    label(e.status),
                    f"{e.credit:g}",
                    weight,
                    f"{e.credit * e.weight:g}",
                ]
            )
    yield from table(["Obligation", "Status", "Credit", "Weight", "Credit x weight"], rows, right=1)
    yield from [
        "",
        f"Weighted score = 100 x {headline.weighted_credit:g} / {headline.weight:g} = "
        f"{score_text(headline.weighted_score)}; unweighted {score_text(headline.score)}.",
    ]
