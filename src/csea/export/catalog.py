"""``csea catalog export``: the whole catalogue for other tools (an OSCAL catalog).

The catalogue does not depend on an assessment, so it is exported by ``csea catalog
export``; ``csea export --format oscal`` writes the same catalog beside an assessment's
OSCAL documents, so that folder is complete on its own.
"""

from __future__ import annotations

from pathlib import Path

from csea.export.formats import Exported, ExportFormat, OutputKind
from csea.export.run import write_export
from csea.fileio import dumps_json
from csea.models import Catalog
from csea.render.oscal import oscal_catalog
from csea.render.view import CatalogExportFormat

__all__ = ["catalog_export", "write_catalog_export"]


_FORMATS = {
    CatalogExportFormat.OSCAL: ExportFormat(
        name="oscal",
        exporter="csea.export.catalog:catalog_export",
        kind=OutputKind.FILE,
        suffixes=(".json",),
        summary="the catalogue as an OSCAL catalog",
    )
}


def catalog_export(
    catalog: Catalog,
    fmt: CatalogExportFormat = CatalogExportFormat.OSCAL,
    generated_at: str | None = None,
) -> Exported:
    """The catalogue in one export format.

    Args:
        catalog: The catalogue.
        fmt: The format.
        generated_at: The moment for OSCAL's last-modified (by default the catalogue's date).
    """
    data = dumps_json(oscal_catalog(catalog, generated_at)).encode("utf-8")
    controls = len(catalog.obligations)
    return Exported(
        data, f"{controls} controls in {len(catalog.pillars)} groups, catalogue {catalog.version}"
    )


def write_catalog_export(
    fmt: CatalogExportFormat, output: Path, exported: Exported, catalog: Catalog
) -> None:
    """Write an exported catalogue to ``output`` atomically (its folder made).

    Raises:
        WriteRefusedError: ``output`` is inside the catalogue, not a regular file, or cannot
            be written.
    """
    write_export(_FORMATS[fmt], output, exported, keep=(catalog.root,) if catalog.root else ())
