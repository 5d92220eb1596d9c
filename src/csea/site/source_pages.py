"""One page per source: what it is, how binding, its timeline, and who answers each provision.

The provision table lists every provision the catalogue knows of in the source's own
order, with the obligations that cite it (and how closely), or the reviewed reason it
is left uncited, so a reader sees at once what the catalogue covers and what it does not.
"""

from __future__ import annotations

from csea.catalog.queries import ProvisionCoverage, SourceCoverage
from csea.models import Catalog, Source
from csea.site.markdown import (
    link,
    table,
    text,
    verification_badge,
    words,
)
from csea.site.paths import obligation_href, provision_anchor, source_path

__all__ = ["source_page"]


def source_page(catalog: Catalog, coverage: SourceCoverage) -> str:
    """The Markdown of one source's page."""
    source = coverage.source
    parts = [
        f"# {text(source.title)}\n",
        _facts(catalog, source),
        f"{text(source.notes)}\n" if source.notes else "",
        _timeline(source),
        _provisions(catalog, coverage),
    ]
    return "\n".join(part for part in parts if part)


def _facts(catalog: Catalog, source: Source) -> str:
    rows = [
        ["Id", f"`{source.id}`"],
        ["Short title", text(source.short_title)],
        ["Issuer", text(source.issuer)],
        ["Applies in", ", ".join(source.jurisdictions)],
        ["Kind", words(source.kind)],
        ["Force", words(source.force)],
        ["Status", f"{words(source.status)} (as of {catalog.header.date})"],
        ["Date", str(source.date) if source.date else "not recorded"],
        ["Public copy", f"<{source.url}>" if source.url else "none recorded"],
        ["Its dates and status", verification_badge(source.verification)],
    ]
    return "\n".join(f"- **{label}:** {value}" for label, value in rows) + "\n"


def _timeline(source: Source) -> str:
    if not source.timeline:
        return ""
    rows = [
        [
            str(change.date),
            words(change.status),
            text(change.note or ""),
            verification_badge(change.verification),
        ]
        for change in source.timeline
    ]
    return "## Timeline\n\n" + table(
        ["Date", "Status from then", "What happened", "Verified"], rows
    )


def _provisions(catalog: Catalog, coverage: SourceCoverage) -> str:
    total = len(coverage.provisions)
    summary = (
        f"{coverage.cited} of {total} provision(s) cited by at least one obligation; "
        f"{coverage.explained} deliberately left uncited with a reason; "
        f"{coverage.unexplained} neither.\n"
    )
    here = source_path(coverage.source.id)
    rows = [_provision_row(catalog, coverage.source, p, here) for p in coverage.provisions]
    headers = ["Provision", "Title", "In force", "Verified", "Answered by"]
    return "## Provisions\n\n" + summary + "\n" + table(headers, rows)


def _provision_row(
    catalog: Catalog, source: Source, row: ProvisionCoverage, here: str
) -> list[str]:
    provision = row.provision
    ident = f'<span id="{provision_anchor(provision.id)}"></span>`{provision.id}`'
    title = text(provision.title)
    if provision.part_of:
        title += f" (part of `{provision.part_of}`)"
    if provision.status is not None:
        title += f" ({words(provision.status)})"
    if provision.note:
        title += f"<br><small>{text(provision.note)}</small>"
    return [
        ident,
        title,
        str(provision.in_force) if provision.in_force else "",
        f"`[{provision.verification.mark}]`",
        _answered_by(catalog, source, row, here),
    ]


def _answered_by(catalog: Catalog, source: Source, row: ProvisionCoverage, here: str) -> str:
    if not row.cited_by:
        reason = row.uncited_reason
        return f"*not cited: {text(reason)}*" if reason else "*not covered*"
    links = []
    for obligation_id in row.cited_by:
        obligation = catalog.obligation(obligation_id)
        assert obligation is not None, "coverage lists only catalogue obligations"
        relations = sorted(
            {
                words(c.relationship)
                for c in obligation.citations
                if c.source == source.id and c.provision == row.provision.id
            }
        )
        target = obligation_href(here, obligation.pillar, obligation.id)
        links.append(f"{link(obligation.id, target)} ({', '.join(relations)})")
    return ", ".join(links)
