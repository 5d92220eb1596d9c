"""Checks on ``kinds.yaml``: every kind implication cites a source the catalogue lists.

Registered with the other catalogue checks ([CHECKS][csea.catalog.checks.CHECKS]) when the
loader imports this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from csea.catalog.checks import CHECKS
from csea.catalog.files import CatalogFiles
from csea.codes import ProblemCode
from csea.errors import Problem

__all__ = ["kind_definitions_resolve"]


@CHECKS.rule(ProblemCode.UNKNOWN_SOURCE)
def kind_definitions_resolve(files: CatalogFiles) -> Iterator[Problem]:
    """Each kind implication cites a source the catalogue lists."""
    if files.kinds is None:
        return
    sources = {s.model.id for s in files.sources} | files.invalid_ids
    for i, implication in enumerate(files.kinds.model.implications):
        if implication.definition.source not in sources:
            doc = files.kinds.doc
            path: list[str | int] = ["implications", i, "definition", "source"]
            line, column = doc.locate(path)
            yield Problem(
                code=ProblemCode.UNKNOWN_SOURCE,
                message=(
                    f"unknown source '{implication.definition.source}'; "
                    "it must be listed in sources.yaml"
                ),
                file=doc.file,
                line=line,
                column=column,
                object_id=implication.kind,
                field=doc.field_path(path) or None,
            )
