"""Pages of the documentation site generated from data, never copied by hand.

The mkdocs hook in ``docs/hooks/csea_docs.py`` calls these functions at build time:

- [catalogue_pages][csea.site.catalogue_pages] turns a loaded catalogue into the
  catalogue's overview, one page per pillar, one page per source and the crosswalk;
- [catalogue_nav][csea.site.catalogue_nav] lists them for the site's navigation;
- [csea.site.cli_reference][] documents each ``csea`` command from the same click
  objects that parse its arguments, so the reference cannot drift from ``--help``;
- [csea.site.codes][] writes the code reference from the codes declared in ``csea.codes``.

Everything here is pure: data in, Markdown text out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from csea.catalog.queries import source_coverage
from csea.models import Catalog
from csea.site.overview import crosswalk_page, index_page
from csea.site.paths import CATALOGUE_INDEX, CROSSWALK, pillar_path, source_path
from csea.site.pillar_pages import pillar_page
from csea.site.source_pages import source_page

__all__ = ["GeneratedPage", "NavEntry", "catalogue_nav", "catalogue_pages"]

NavEntry: TypeAlias = dict[str, "str | list[NavEntry]"]
"""One mkdocs navigation entry: ``{title: path}`` or ``{title: [entries]}``."""


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: where it goes in the docs tree, its navigation title, its text."""

    path: str
    """Path relative to the docs directory, with ``/`` separators."""
    title: str
    """Title in the navigation."""
    markdown: str
    """The page's Markdown."""


def catalogue_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every generated catalogue page: overview, pillars, sources, crosswalk (in nav order)."""
    coverage = source_coverage(catalog)
    pages = [GeneratedPage(CATALOGUE_INDEX, "Overview", index_page(catalog, coverage))]
    pages += [
        GeneratedPage(pillar_path(p.id), p.title, pillar_page(catalog, p)) for p in catalog.pillars
    ]
    pages += [
        GeneratedPage(source_path(c.source.id), c.source.short_title, source_page(catalog, c))
        for c in coverage
    ]
    pages.append(GeneratedPage(CROSSWALK, "Crosswalk", crosswalk_page(catalog)))
    return pages


def catalogue_nav(pages: list[GeneratedPage]) -> list[NavEntry]:
    """The navigation for the generated pages: overview, a pillars section, a sources section."""
    pillars: list[NavEntry] = [
        {p.title: p.path} for p in pages if p.path.startswith("catalogue/pillars/")
    ]
    sources: list[NavEntry] = [
        {p.title: p.path} for p in pages if p.path.startswith("catalogue/sources/")
    ]
    return [
        {"Overview": CATALOGUE_INDEX},
        {"Pillars": pillars},
        {"Sources": sources},
        {"Crosswalk": CROSSWALK},
    ]
