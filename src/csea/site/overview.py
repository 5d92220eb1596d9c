"""The catalogue's overview page and the crosswalk (obligations against sources)."""

from __future__ import annotations

from collections import Counter

from csea.catalog.queries import Crosswalk, SourceCoverage, crosswalk
from csea.models import Catalog, Pillar, Verification
from csea.site.markdown import link, table, text, words
from csea.site.paths import (
    CATALOGUE_INDEX,
    CROSSWALK,
    obligation_href,
    pillar_path,
    provision_href,
    relative,
    source_href,
)

__all__ = ["crosswalk_page", "index_page"]


def index_page(catalog: Catalog, coverage: list[SourceCoverage]) -> str:
    """The catalogue at a glance: version, pillars, sources and how well citations are verified."""
    header = catalog.header
    here = CATALOGUE_INDEX
    parts = [
        f"# {text(header.title)}\n",
        f"Version **{text(header.version)}**, statuses reviewed on {header.date}: "
        f"{len(catalog.obligations)} obligations under {len(catalog.pillars)} pillars, "
        f"citing {len(catalog.sources)} sources. These pages are generated from the "
        "catalogue files in `obligations/` every time the site is built.\n",
        f"{text(header.description)}\n" if header.description else "",
        "## Pillars\n\n" + _pillar_table(catalog, here),
        f"See also the {link('crosswalk', relative(here, CROSSWALK))}: every obligation "
        "against every source it cites.\n",
        "## Sources\n\n" + _source_table(coverage, here),
        "## How sure the citations are\n\n" + _verification(catalog),
    ]
    return "\n".join(part for part in parts if part)


def _pillar_table(catalog: Catalog, here: str) -> str:
    counts = Counter(o.pillar for o in catalog.obligations)
    rows = [
        [
            link(p.title, relative(here, pillar_path(p.id))),
            f"`{p.prefix}`",
            str(counts[p.id]),
            text(p.demand),
        ]
        for p in catalog.pillars
    ]
    return table(["Pillar", "Prefix", "Obligations", "The demand"], rows)


def _source_table(coverage: list[SourceCoverage], here: str) -> str:
    rows = [
        [
            link(c.source.title, source_href(here, c.source.id)),
            ", ".join(c.source.jurisdictions),
            words(c.source.force),
            words(c.source.status),
            f"{c.cited} of {len(c.provisions)}",
        ]
        for c in coverage
    ]
    headers = ["Source", "Applies in", "Force", "Status", "Provisions cited"]
    return table(headers, rows)


def _verification(catalog: Catalog) -> str:
    counts = Counter(c.verification for o in catalog.obligations for c in o.citations)
    total = sum(counts.values())
    rows = [
        [f"`[{level.mark}]`", level.value, str(counts[level]), _share(counts[level], total)]
        for level in Verification
    ]
    note = (
        "Each citation says how sure the catalogue is that the provision says what the "
        "obligation relies on: `[V]` read in the primary or official text, `[S]` read only "
        "in a secondary source, `[R]` recalled and not verified. Check `[S]` and `[R]` "
        "citations against the source before relying on them.\n\n"
    )
    return note + table(["Mark", "Level", "Citations", "Share"], rows)


def _share(part: int, total: int) -> str:
    return f"{100 * part / total:.0f}%" if total else "0%"


def crosswalk_page(catalog: Catalog) -> str:
    """Obligations against sources, one table per pillar; each cell lists the provisions cited."""
    walk = crosswalk(catalog)
    parts = [
        "# Crosswalk\n",
        "Which provisions of each source every obligation cites, one table per pillar. "
        "A row reads: to meet this obligation is to answer these provisions. Columns are "
        "the sources the pillar's obligations cite, by short title; each links to the "
        "source's page.\n",
    ]
    parts += [_pillar_crosswalk(catalog, walk, pillar) for pillar in catalog.pillars]
    return "\n".join(parts)


def _pillar_crosswalk(catalog: Catalog, walk: Crosswalk, pillar: Pillar) -> str:
    here = CROSSWALK
    rows = [row for row in walk.rows if row.pillar == pillar.id]
    columns = [s for s in walk.columns if any(row.cells[s.id] for row in rows)]
    headers = [
        "Obligation",
        "Title",
        *(link(s.short_title, source_href(here, s.id)) for s in columns),
    ]
    body = [
        [
            link(row.obligation_id, obligation_href(here, row.pillar, row.obligation_id)),
            text(row.title),
            *(
                "<br>".join(link(p, provision_href(here, s.id, p)) for p in row.cells[s.id])
                for s in columns
            ),
        ]
        for row in rows
    ]
    title = f"## {text(pillar.title)}\n\n"
    if not rows:
        return title + "No obligations yet.\n"
    return title + table(headers, body)
