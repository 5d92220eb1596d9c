"""Catalogue views: obligations, one obligation, source coverage, the crosswalk, problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from csea.catalog.queries import (
    Crosswalk,
    ProvisionCoverage,
    SourceCoverage,
    obligation_jurisdictions,
)
from csea.errors import Problem, Severity
from csea.fileio import dumps_json
from csea.models import Catalog, Citation, Obligation, Source, SourceStatus
from csea.render.tabular import Cell, TableView, Tabular, to_csv, to_rich
from csea.render.view import CrosswalkFormat, Line, Part, TableFormat, TextFormat, View

__all__ = [
    "CoverageView",
    "CrosswalkView",
    "ObligationView",
    "ProblemsView",
    "obligation_table",
    "source_label",
]


def obligation_table(catalog: Catalog, obligations: list[Obligation]) -> Tabular:
    """One row per obligation: id, pillar, title, the sources it cites, jurisdictions."""
    rows: list[dict[str, Cell]] = []
    for ob in obligations:
        sources = list(dict.fromkeys(c.source for c in ob.citations))
        rows.append(
            {
                "id": ob.id,
                "pillar": ob.pillar,
                "title": ob.title,
                "sources": [source_label(catalog, s) for s in sources],
                "jurisdictions": obligation_jurisdictions(catalog, ob),
                "citations": len(ob.citations),
            }
        )
    return Tabular(
        title=f"{catalog.header.title} {catalog.version}: {len(obligations)} obligation(s)",
        columns=[
            ("id", "ID"),
            ("pillar", "Pillar"),
            ("title", "Title"),
            ("sources", "Sources"),
            ("jurisdictions", "Jurisdictions"),
            ("citations", "Citations"),
        ],
        rows=rows,
    )


def source_label(catalog: Catalog, source_id: str) -> str:
    """A source's short title for table cells (its id when the catalogue does not know it)."""
    source = catalog.source(source_id)
    return source.short_title if source else source_id


def obligation_text(catalog: Catalog, ob: Obligation) -> str:
    """The whole obligation as readable plain text."""
    pillar = catalog.pillar(ob.pillar)
    lines = [
        f"{ob.id}  {ob.title}",
        f"Pillar: {pillar.title if pillar else ob.pillar}",
        "",
        "Statement:",
        f"  {ob.statement.strip()}",
        "",
        "Why:",
        f"  {ob.rationale.strip()}",
        "",
        "Applies when:",
        f"  {ob.applies_when.describe() if ob.applies_when else 'always (every service)'}",
    ]
    if ob.applicability_note:
        lines.append(f"  Note: {ob.applicability_note.strip()}")
    lines += ["", "Citations ([V] verified, [S] secondary only, [R] recalled, unverified):"]
    for c in ob.citations:
        source = catalog.source(c.source)
        provision = source.provision(c.provision) if source else None
        head = f"  [{c.verification.mark}] {source.title if source else c.source}, {c.provision}"
        if provision:
            head += f": {provision.title}"
        lines.append(head)
        if source:
            lines.append("      " + _citation_facts(c, source))
        if c.applies_when is not None:
            lines.append(f"      applies only when: {c.applies_when.describe()}")
        if c.quote:
            lines.append(f'      "{c.quote}"')
        if c.note:
            lines.append(f"      {c.note.strip()}")
    sections: list[tuple[str, list[str]]] = [
        (
            "Measures",
            [f"{m.name}: {m.description.strip()}" + _examples(m.examples) for m in ob.measures],
        ),
        ("Questions", [q.text for q in ob.questions]),
        ("Evidence", [e.description for e in ob.evidence]),
        (
            "Indicators",
            [f"{i.name} ({i.unit}, {i.direction.replace('_', ' ')})" for i in ob.indicators],
        ),
        ("Related", [", ".join(ob.related)] if ob.related else []),
    ]
    for title, items in sections:
        if items:
            lines += ["", f"{title}:", *(f"  - {item.strip()}" for item in items)]
    return "\n".join(lines) + "\n"


def _citation_facts(citation: Citation, source: Source) -> str:
    """Relationship, force and status of a cited provision (its own where they differ)."""
    provision = source.provision(citation.provision)
    status = provision.status if provision and provision.status else source.status
    facts = [citation.relationship.value, source.force_of(citation.provision).value, status.value]
    if provision and provision.in_force:
        facts.append(f"applies from {provision.in_force.isoformat()}")
    return "; ".join(f.replace("_", " ") for f in facts)


def _examples(examples: list[str]) -> str:
    return f" (examples: {', '.join(examples)})" if examples else ""


def obligation_json(catalog: Catalog, ob: Obligation) -> dict[str, Any]:
    """The obligation as JSON data, each citation with its source's title, force and status."""
    data = ob.model_dump(mode="json", by_alias=True, exclude_none=True)
    for cited in data["citations"]:
        source = catalog.source(cited["source"])
        if source is None:
            continue
        provision = source.provision(cited["provision"])
        cited["source_title"] = source.title
        cited["source_force"] = source.force_of(cited["provision"]).value
        cited["source_status"] = source.status.value
        if provision is not None:
            cited["provision_title"] = provision.title
            cited["provision_status"] = (provision.status or source.status).value
            if provision.in_force:
                cited["provision_in_force"] = provision.in_force.isoformat()
    return data


def coverage_table(coverage: list[SourceCoverage], as_of: dt.date | None = None) -> Tabular:
    """One row per source: how many of its listed provisions are cited (and its status on a date)."""
    columns = [("id", "Source"), ("title", "Title"), ("force", "Force"), ("status", "Status")]
    if as_of is not None:
        columns.append(("status_on", f"Status on {as_of.isoformat()}"))
    columns += [
        ("provisions", "Provisions"),
        ("cited", "Cited"),
        ("explained", "Uncited, explained"),
        ("unexplained", "Uncited, unexplained"),
    ]
    rows: list[dict[str, Cell]] = [
        {
            "id": c.source.id,
            "title": c.source.short_title,
            "force": c.source.force.value,
            "status": c.source.status.value,
            "status_on": _status_text(c.source.status_on(as_of)) if as_of else None,
            "provisions": len(c.provisions),
            "cited": c.cited,
            "explained": c.explained,
            "unexplained": c.unexplained,
        }
        for c in coverage
    ]
    return Tabular(
        title="Sources and how much of each the catalogue cites", columns=columns, rows=rows
    )


def _status_text(status: SourceStatus | None) -> str:
    return status.value if status else "not yet adopted"


def coverage_json(
    coverage: list[SourceCoverage], as_of: dt.date | None = None
) -> list[dict[str, Any]]:
    """Per source, every provision with the obligations citing it or the reason it is uncited.

    With ``as_of``, each source and provision also carries its status on that date.
    """
    return [_source_json(c, as_of) for c in coverage]


def _source_json(c: SourceCoverage, as_of: dt.date | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": c.source.id,
        "title": c.source.title,
        "force": c.source.force.value,
        "status": c.source.status.value,
    }
    if as_of is not None:
        data["as_of"] = as_of.isoformat()
        data["status_on"] = _status_text(c.source.status_on(as_of))
    data |= {
        "jurisdictions": c.source.jurisdictions,
        "provisions_listed": len(c.provisions),
        "provisions_cited": c.cited,
        "uncited_explained": c.explained,
        "uncited_unexplained": c.unexplained,
        "provisions": [_provision_json(c.source, p, as_of) for p in c.provisions],
    }
    return data


def _provision_json(source: Source, p: ProvisionCoverage, as_of: dt.date | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": p.provision.id,
        "title": p.provision.title,
        "verification": p.provision.verification.value,
    }
    if as_of is not None:
        data["status_on"] = source.provision_status_on(p.provision.id, as_of).value
    data["cited_by"] = p.cited_by
    if p.cited_through_parts:
        data["cited_through_parts"] = p.cited_through_parts
    if p.uncited_reason:
        data["uncited_reason"] = p.uncited_reason
    return data


def crosswalk_table(walk: Crosswalk) -> Tabular:
    """The crosswalk as a table: one row per obligation, one column per source."""
    columns = [("id", "Obligation"), ("title", "Title")]
    columns += [(source.id, source.short_title) for source in walk.columns]
    rows: list[dict[str, Cell]] = [
        {"id": row.obligation_id, "title": row.title, **row.cells} for row in walk.rows
    ]
    anchor = f" citing {walk.columns[0].short_title}" if walk.columns and walk.rows else ""
    return Tabular(
        title=f"Crosswalk: {len(walk.rows)} obligation(s){anchor}", columns=columns, rows=rows
    )


def crosswalk_markdown(walk: Crosswalk) -> str:
    """The crosswalk as a Markdown table (for wikis and pull requests)."""
    table = crosswalk_table(walk)
    lines = [
        "| " + " | ".join(header for _, header in table.columns) + " |",
        "|" + "---|" * len(table.columns),
    ]
    for row in table.rows:
        cells = [_md_cell(row.get(key)) for key, _ in table.columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _md_cell(value: Cell) -> str:
    text = ", ".join(value) if isinstance(value, list) else ("" if value is None else str(value))
    return text.replace("|", "\\|").replace("\n", " ")


def crosswalk_json(walk: Crosswalk) -> dict[str, Any]:
    """The crosswalk as JSON: the sources shown and, per obligation, the provisions cited from each."""
    return {
        "sources": [
            {"id": s.id, "title": s.title, "short_title": s.short_title} for s in walk.columns
        ],
        "obligations": [
            {"id": r.obligation_id, "title": r.title, "pillar": r.pillar, "provisions": r.cells}
            for r in walk.rows
        ],
    }


class ObligationView(View[TextFormat]):
    """One obligation in full (``csea catalog show``)."""

    def __init__(self, catalog: Catalog, obligation: Obligation) -> None:
        self.catalog = catalog
        self.obligation = obligation

    def render(self, fmt: TextFormat) -> list[Part]:
        """The obligation as text or JSON."""
        match fmt:
            case TextFormat.TEXT:
                return [obligation_text(self.catalog, self.obligation)]
            case TextFormat.JSON:
                return [dumps_json(obligation_json(self.catalog, self.obligation))]


class CoverageView(View[TableFormat]):
    """Each source and how much of it the catalogue cites (``csea catalog sources``)."""

    def __init__(self, coverage: list[SourceCoverage], as_of: dt.date | None = None) -> None:
        self.coverage = coverage
        self.as_of = as_of

    def render(self, fmt: TableFormat) -> list[Part]:
        """One row per source, or in JSON every provision of every source."""
        if fmt is TableFormat.JSON:
            return [dumps_json(coverage_json(self.coverage, self.as_of))]
        return TableView(coverage_table(self.coverage, self.as_of)).render(fmt)


class CrosswalkView(View[CrosswalkFormat]):
    """Obligations against sources (``csea catalog crosswalk``)."""

    def __init__(self, walk: Crosswalk) -> None:
        self.walk = walk

    def render(self, fmt: CrosswalkFormat) -> list[Part]:
        """The crosswalk as a table, Markdown, CSV or JSON."""
        match fmt:
            case CrosswalkFormat.TABLE:
                return [to_rich(crosswalk_table(self.walk))]
            case CrosswalkFormat.MD:
                return [crosswalk_markdown(self.walk)]
            case CrosswalkFormat.CSV:
                return [to_csv(crosswalk_table(self.walk))]
            case CrosswalkFormat.JSON:
                return [dumps_json(crosswalk_json(self.walk))]


class ProblemsView(View[TextFormat]):
    """Every problem in a catalogue (``csea catalog validate``)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)

    def render(self, fmt: TextFormat) -> list[Part]:
        """JSON, or one line per problem on stderr and a summary (on stderr when it has errors)."""
        match fmt:
            case TextFormat.JSON:
                return [dumps_json([p.model_dump(mode="json") for p in self.problems])]
            case TextFormat.TEXT:
                errors = sum(1 for p in self.problems if p.severity is Severity.ERROR)
                summary = f"{errors} error(s), {len(self.problems) - errors} warning(s)"
                verdict = "has problems: " if errors else "is valid: "
                lines = [Line(str(problem), err=True) for problem in self.problems]
                return [*lines, Line(f"catalogue {verdict}{summary}", err=bool(errors))]
