"""Applicability views: which obligations apply to a service, and why one does or does not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from csea.fileio import dumps_json
from csea.models import Applicability, Catalog, Obligation, ServiceProfile
from csea.render.catalog import source_label
from csea.render.tabular import Cell, Tabular, to_rich
from csea.render.view import Part, TableJsonFormat, View

__all__ = ["ApplicableView", "ExplainView"]


def applicable_table(
    catalog: Catalog,
    profile: ServiceProfile,
    verdicts: list[Applicability],
    as_of: dt.date,
) -> Tabular:
    """One row per obligation in ``verdicts``: whether it applies, its force, why."""
    rows: list[dict[str, Cell]] = []
    for verdict in verdicts:
        ob = catalog.obligation(verdict.obligation_id)
        rows.append(
            {
                "id": verdict.obligation_id,
                "pillar": ob.pillar if ob else None,
                "title": ob.title if ob else None,
                "applies": applies_word(verdict),
                "force": force_word(verdict),
                "sources": [source_label(catalog, s) for s in verdict.binding_sources],
                "why": why_lines(verdict),
            }
        )
    count = sum(1 for v in verdicts if v.applies)
    assumed = sum(1 for v in verdicts if v.applies and v.assumed)
    title = (
        f"{profile.service} ({profile.organisation}): {count} obligation(s) apply on "
        f"{as_of.isoformat()} (catalogue {catalog.version})"
    )
    if assumed:
        title += (
            f"; {assumed} of them only assumed, because the profile does not declare every "
            "fact they turn on: declare those facts to settle them"
        )
    return Tabular(
        title=title,
        columns=[
            ("id", "ID"),
            ("pillar", "Pillar"),
            ("title", "Title"),
            ("applies", "Applies"),
            ("force", "Force"),
            ("sources", "Sources that apply"),
            ("why", "Why"),
        ],
        rows=rows,
    )


def applicable_json(
    catalog: Catalog, profile: ServiceProfile, verdicts: list[Applicability], as_of: dt.date
) -> dict[str, Any]:
    """The same as a JSON-ready mapping, with every citation's binding state."""
    return {
        "catalog": {"id": catalog.header.id, "version": catalog.version},
        "organisation": profile.organisation,
        "service": profile.service,
        "as_of": as_of.isoformat(),
        "obligations": [_verdict_json(catalog, v) for v in verdicts],
    }


def _verdict_json(catalog: Catalog, verdict: Applicability) -> dict[str, Any]:
    ob = catalog.obligation(verdict.obligation_id)
    return {
        "id": verdict.obligation_id,
        "title": ob.title if ob else None,
        "pillar": ob.pillar if ob else None,
        "applies": verdict.applies,
        "assumed": verdict.assumed,
        "force": _force(verdict),
        "force_assumed": verdict.force_assumed,
        "undeclared_facts": [str(f) for f in verdict.undeclared],
        "binding_sources": verdict.binding_sources,
        "reasons": verdict.reasons,
        "citations": [b.as_json() for b in verdict.bindings],
    }


def explain_text(
    catalog: Catalog,
    profile: ServiceProfile,
    obligation: Obligation,
    verdict: Applicability,
    as_of: dt.date,
) -> str:
    """Why one obligation does or does not apply, citation by citation, as plain text."""
    answer = applies_word(verdict)
    force = force_word(verdict) or "none"
    condition = obligation.applies_when.describe() if obligation.applies_when else "always"
    lines = [
        f"{obligation.id}  {obligation.title}",
        f"Applies to {profile.service} ({profile.organisation}) on {as_of.isoformat()}: {answer}",
        f"Force for this service: {force}",
        f"Applies when: {condition}",
        "Why:",
        *(f"  - {reason}" for reason in verdict.reasons),
    ]
    if verdict.undeclared:
        lines.append("To settle it, declare in the profile:")
        lines += [f"  - {fact}: {fact.how}" for fact in verdict.undeclared]
    lines.append("Citations (binds / assumed / upcoming / lapsed / out_of_scope):")
    for binding in verdict.bindings:
        source = source_label(catalog, binding.source)
        strength = binding.force.value.replace("_", " ")
        if not binding.confers_force:
            strength += "; overlaps, so no force"
        lines.append(
            f"  [{binding.state.value}] {source} {binding.provision} ({strength}): {binding.why}"
        )
    if obligation.applicability_note:
        lines += ["Note:", f"  {obligation.applicability_note.strip()}"]
    return "\n".join(lines) + "\n"


def explain_json(
    catalog: Catalog, profile: ServiceProfile, verdict: Applicability, as_of: dt.date
) -> dict[str, Any]:
    """Why one obligation does or does not apply, as a JSON-ready mapping."""
    return {
        "organisation": profile.organisation,
        "service": profile.service,
        "as_of": as_of.isoformat(),
        **_verdict_json(catalog, verdict),
    }


def applies_word(verdict: Applicability) -> str:
    """``yes``, ``assumed`` (it applies until the profile declares otherwise) or ``no``."""
    if not verdict.applies:
        return "no"
    return "assumed" if verdict.assumed else "yes"


def force_word(verdict: Applicability) -> str | None:
    """The force in words, marked ``(assumed)`` when it rests on undeclared facts."""
    force = _force(verdict)
    if force is None:
        return None
    assumed = verdict.assumed or verdict.force_assumed
    return force.replace("_", " ") + (" (assumed)" if assumed else "")


def why_lines(verdict: Applicability) -> list[str]:
    """Why, in plain words: what the service has or lacks, and what to declare."""
    if not verdict.applies:
        return [f"does not apply: {'; '.join(verdict.reasons)}"]
    if verdict.undeclared:
        facts = ", ".join(str(f) for f in verdict.undeclared)
        return [*verdict.reasons, f"to settle, declare in the profile: {facts}"]
    return verdict.reasons


def _force(verdict: Applicability) -> str | None:
    """The force shown for a verdict: only an obligation that applies has one."""
    return verdict.force.value if verdict.force and verdict.applies else None


class ApplicableView(View[TableJsonFormat]):
    """Which obligations apply to a service, why, and their force for it (``csea applicable``)."""

    def __init__(
        self,
        catalog: Catalog,
        profile: ServiceProfile,
        verdicts: list[Applicability],
        as_of: dt.date,
    ) -> None:
        self.catalog = catalog
        self.profile = profile
        self.verdicts = verdicts
        self.as_of = as_of

    def render(self, fmt: TableJsonFormat) -> list[Part]:
        """A table, or JSON with every citation's binding state."""
        args = (self.catalog, self.profile, self.verdicts, self.as_of)
        match fmt:
            case TableJsonFormat.TABLE:
                return [to_rich(applicable_table(*args))]
            case TableJsonFormat.JSON:
                return [dumps_json(applicable_json(*args))]


class ExplainView(View[TableJsonFormat]):
    """Why one obligation does or does not apply (``csea applicable --explain``)."""

    def __init__(
        self,
        catalog: Catalog,
        profile: ServiceProfile,
        obligation: Obligation,
        verdict: Applicability,
        as_of: dt.date,
    ) -> None:
        self.catalog = catalog
        self.profile = profile
        self.obligation = obligation
        self.verdict = verdict
        self.as_of = as_of

    def render(self, fmt: TableJsonFormat) -> list[Part]:
        """Plain text, citation by citation (the table format), or JSON."""
        match fmt:
            case TableJsonFormat.TABLE:
                return [
                    explain_text(
                        self.catalog, self.profile, self.obligation, self.verdict, self.as_of
                    )
                ]
            case TableJsonFormat.JSON:
                data = explain_json(self.catalog, self.profile, self.verdict, self.as_of)
                return [dumps_json(data)]
