"""Catalogue checks on ``regulators.yaml``: every source belongs to exactly one regulator.

Registered in [CHECKS][csea.catalog.checks.CHECKS] when this module is imported (the
loader imports it). A catalogue without ``regulators.yaml`` is not checked here: its
reports group each source on its own.
"""

from __future__ import annotations

from collections.abc import Iterator

from csea.catalog.checks import CHECKS, _at
from csea.catalog.files import CatalogFiles
from csea.codes import ProblemCode
from csea.errors import Problem

__all__ = ["every_source_has_one_regulator", "regulator_ids_unique"]


@CHECKS.rule(ProblemCode.DUPLICATE_ID)
def regulator_ids_unique(files: CatalogFiles) -> Iterator[Problem]:
    """No two regulators share an id."""
    if files.regulators is None:
        return
    seen: set[str] = set()
    for index, regulator in enumerate(files.regulators.model.regulators):
        if regulator.id in seen:
            where: list[str | int] = ["regulators", index, "id"]
            message = "regulator id used twice"
            yield _at(files.regulators.doc, where, ProblemCode.DUPLICATE_ID, message, regulator.id)
        seen.add(regulator.id)


@CHECKS.rule(
    ProblemCode.UNKNOWN_SOURCE,
    ProblemCode.SOURCE_IN_TWO_REGULATORS,
    ProblemCode.SOURCE_WITHOUT_REGULATOR,
)
def every_source_has_one_regulator(files: CatalogFiles) -> Iterator[Problem]:
    """Each listed source exists, is listed once, and every source is listed."""
    if files.regulators is None:
        return
    doc = files.regulators.doc
    known = {s.model.id for s in files.sources} | files.invalid_ids
    owner: dict[str, str] = {}
    for index, regulator in enumerate(files.regulators.model.regulators):
        for position, source_id in enumerate(regulator.sources):
            where: list[str | int] = ["regulators", index, "sources", position]
            if source_id not in known:
                message = f"no source '{source_id}' in the catalogue"
                yield _at(doc, where, ProblemCode.UNKNOWN_SOURCE, message, regulator.id)
            elif source_id in owner:
                message = f"{source_id} is already listed by {owner[source_id]}; keep it in one"
                yield _at(doc, where, ProblemCode.SOURCE_IN_TWO_REGULATORS, message, regulator.id)
            else:
                owner[source_id] = regulator.id
    for loaded in files.sources:
        if loaded.model.id not in owner:
            message = f"{loaded.model.id} belongs to no regulator; add it to one in regulators.yaml"
            where = ["sources", loaded.index, "id"]
            code = ProblemCode.SOURCE_WITHOUT_REGULATOR
            yield _at(loaded.doc, where, code, message, loaded.model.id)
