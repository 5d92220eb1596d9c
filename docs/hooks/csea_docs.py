"""mkdocs hook: the pages that come from data, generated at every build.

- the catalogue pages (overview, one per pillar, one per source, the crosswalk), from
  the catalogue in ``obligations/`` (or ``$CSEA_CATALOG``), loaded and checked exactly
  as ``csea`` loads it: a catalogue with problems stops the build and lists them;
- the code reference (every problem and finding code), from ``csea.codes``, and the
  ``<!-- csea-codes: ... -->`` markers of other pages, replaced by a table of codes;
- the CLI reference's ``<!-- csea-help: ... -->`` markers, replaced by ``--help``;
- the JSON Schemas in ``schema/``, published under ``schema/`` in the site.

The work is done by ``csea.site`` (typed and tested); this file only wires it to mkdocs.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from csea.catalog.loader import load_catalog
from csea.cli import app
from csea.errors import InputError
from csea.site import GeneratedPage, catalogue_nav, catalogue_pages
from csea.site.cli_reference import UnknownCommandError, expand_help_markers
from csea.site.codes import CODES, codes_page, expand_code_markers
from csea.site.values import expand_value_markers

NAV_SLOT = "catalogue/index.md"
"""The nav entry (in mkdocs.yml) that the generated catalogue navigation replaces."""

_generated: list[GeneratedPage] = []


def _repo(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the catalogue, generate its pages, and put them in the navigation."""
    directory = Path(os.environ.get("CSEA_CATALOG") or _repo(config) / "obligations")
    try:
        catalog = load_catalog(directory)
    except InputError as error:
        details = "\n".join(str(problem) for problem in error.problems)
        raise PluginError(f"the catalogue in {directory} cannot be used:\n{details}") from None
    _generated[:] = [*catalogue_pages(catalog), GeneratedPage(CODES, "Codes", codes_page())]
    config.nav = [_fill_slot(entry) for entry in config.nav or []]
    return config


def _fill_slot(entry: Any) -> Any:
    if isinstance(entry, dict):
        return {
            title: catalogue_nav(_generated) if value == NAV_SLOT else _fill_slot(value)
            for title, value in entry.items()
        }
    if isinstance(entry, list):
        return [_fill_slot(item) for item in entry]
    return entry


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (catalogue, codes) and the JSON Schemas to the site."""
    for page in _generated:
        files.append(File.generated(config, page.path, content=page.markdown))
    for schema in sorted((_repo(config) / "schema").glob("*.schema.json")):
        files.append(File.generated(config, f"schema/{schema.name}", abs_src_path=str(schema)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace ``csea-help``, ``csea-codes`` and ``csea-values`` markers with what they name."""
    try:
        return expand_help_markers(expand_value_markers(expand_code_markers(markdown)), app)
    except UnknownCommandError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
