"""Checks on ``review-cycles.yaml``: every cycle cites existing provisions and says its basis.

Registered with the other catalogue checks ([CHECKS][csea.catalog.checks.CHECKS]) when the
loader imports this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from csea.catalog.checks import CHECKS, _resolve
from csea.catalog.files import CatalogFiles
from csea.codes import ProblemCode
from csea.errors import Problem
from csea.models import Verification

__all__ = ["cycle_citations_resolve"]


@CHECKS.rule(ProblemCode.UNKNOWN_SOURCE, ProblemCode.UNKNOWN_PROVISION, ProblemCode.MISSING_FIELD)
def cycle_citations_resolve(files: CatalogFiles) -> Iterator[Problem]:
    """A review cycle cites existing provisions, and says where its period is stated."""
    if files.cycles is None:
        return
    sources = {s.model.id: s.model for s in files.sources}
    doc = files.cycles.doc
    for i, cycle in enumerate(files.cycles.model.cycles):
        for j, citation in enumerate(cycle.citations):
            if citation.source not in files.invalid_ids:
                where: list[str | int] = ["cycles", i, "citations", j]
                yield from _resolve(
                    doc, where, cycle.id, sources, citation.source, citation.provision
                )
        verified = any(c.verification is Verification.VERIFIED for c in cycle.citations)
        if cycle.basis is None and not verified:
            line, column = doc.locate(["cycles", i])
            yield Problem(
                code=ProblemCode.MISSING_FIELD,
                message="no citation is verified, so say where the period is stated ('basis')",
                file=doc.file,
                line=line,
                column=column,
                object_id=cycle.id,
                field=f"cycles.{i}.basis",
            )
