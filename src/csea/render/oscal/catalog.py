"""The catalogue as an OSCAL catalog.

```
pillar      group    class "pillar"; its demand as an "overview" part
obligation  control  class "obligation"; id and label are the obligation id
  statement           part "statement" (id OBL_smt: assessment findings target it)
  rationale           part "guidance"
  measures            part "measures" (csea), one "measure" part each
  questions           part "assessment-objective", one nested objective each
  evidence            part "assessment-method" (method EXAMINE) with its "assessment-objects"
  indicators          part "indicator" (csea) each, unit, direction and target as properties
  citations           a link to the source's back-matter resource (rel "reference") and a
                      "citation" property: "source provision", class = relationship
  related             a link to each related control (rel "related")
source      back-matter resource: title, issuer, force, status, jurisdictions, public copy
```
"""

from __future__ import annotations

from typing import Any

from csea.models import Catalog, Obligation, Pillar, Source
from csea.render.oscal.parts import (
    CSEA_NS,
    compact,
    metadata,
    prop,
    stable_uuid,
    text,
    timestamp,
    value,
)

__all__ = ["OSCAL_CATALOG_FILE", "oscal_catalog", "source_resource_uuid"]

OSCAL_CATALOG_FILE = "catalog.json"
"""The file name trestle expects for a catalog."""


def source_resource_uuid(catalog: Catalog, source_id: str) -> str:
    """The UUID of a source's back-matter resource in the catalog."""
    return stable_uuid("catalog", catalog.header.id, catalog.version, "source", source_id)


def oscal_catalog(catalog: Catalog, generated_at: str | None = None) -> dict[str, Any]:
    """The catalogue as an OSCAL catalog document (``{"catalog": ...}``)."""
    header = catalog.header
    cited = {c.source for o in catalog.obligations for c in o.citations}
    body = {
        "uuid": stable_uuid("catalog", header.id, catalog.version),
        "metadata": metadata(
            header.title,
            timestamp(header.date, generated_at),
            catalog.version,
            props=[prop("catalog-id", header.id), prop("reviewed", header.date.isoformat())],
            remarks=text(header.description) if header.description else None,
        ),
        "groups": [_group(catalog, pillar) for pillar in catalog.pillars],
        "back-matter": {
            "resources": [_resource(catalog, s) for s in catalog.sources if s.id in cited]
        },
    }
    return {"catalog": compact(body)}


def _group(catalog: Catalog, pillar: Pillar) -> dict[str, Any]:
    return compact(
        {
            "id": pillar.id,
            "class": "pillar",
            "title": text(pillar.title),
            "props": [{"name": "label", "value": pillar.prefix}],
            "parts": [
                {"id": f"{pillar.id}_ovw", "name": "overview", "prose": text(pillar.demand)},
                {"id": f"{pillar.id}_gdn", "name": "guidance", "prose": text(pillar.description)},
            ],
            "controls": [
                _control(catalog, o) for o in catalog.obligations if o.pillar == pillar.id
            ],
        }
    )


def _control(catalog: Catalog, obligation: Obligation) -> dict[str, Any]:
    return compact(
        {
            "id": obligation.id,
            "class": "obligation",
            "title": text(obligation.title),
            "props": [{"name": "label", "value": obligation.id}, *_citation_props(obligation)],
            "links": [*_citation_links(catalog, obligation), *_related(obligation)],
            "parts": _parts(obligation),
        }
    )


def _citation_props(obligation: Obligation) -> list[dict[str, str]]:
    return [
        prop(
            "citation",
            f"{c.source} {c.provision}",
            class_=c.relationship.value,
            remarks=text(
                f"verification: {c.verification.value}" + (f"; {c.note}" if c.note else "")
            ),
        )
        for c in obligation.citations
    ]


def _citation_links(catalog: Catalog, obligation: Obligation) -> list[dict[str, str]]:
    links = []
    for citation in obligation.citations:
        source = catalog.source(citation.source)
        label = source.short_title if source else citation.source
        links.append(
            {
                "href": f"#{source_resource_uuid(catalog, citation.source)}",
                "rel": "reference",
                "text": text(f"{label} {citation.provision}"),
            }
        )
    return links


def _related(obligation: Obligation) -> list[dict[str, str]]:
    return [{"href": f"#{other}", "rel": "related", "text": other} for other in obligation.related]


def _parts(obligation: Obligation) -> list[dict[str, Any]]:
    oid = obligation.id
    parts: list[dict[str, Any]] = [
        {"id": f"{oid}_smt", "name": "statement", "prose": text(obligation.statement)},
        {"id": f"{oid}_gdn", "name": "guidance", "prose": text(obligation.rationale)},
    ]
    if obligation.applicability_note:
        note = text(obligation.applicability_note)
        parts.append({"id": f"{oid}_app", "name": "applicability", "ns": CSEA_NS, "prose": note})
    if obligation.measures:
        parts.append(
            {
                "id": f"{oid}_msr",
                "name": "measures",
                "ns": CSEA_NS,
                "parts": [
                    compact(
                        {
                            "id": f"{oid}_msr.{m.id}",
                            "name": "measure",
                            "ns": CSEA_NS,
                            "title": text(m.name),
                            "props": [prop("example", e) for e in m.examples],
                            "prose": text(m.description),
                        }
                    )
                    for m in obligation.measures
                ],
            }
        )
    return parts + _assessment_parts(obligation)


def _assessment_parts(obligation: Obligation) -> list[dict[str, Any]]:
    oid = obligation.id
    parts: list[dict[str, Any]] = []
    if obligation.questions:
        objectives = [
            {"id": f"{oid}_obj.{q.id}", "name": "assessment-objective", "prose": text(q.text)}
            for q in obligation.questions
        ]
        parts.append({"id": f"{oid}_obj", "name": "assessment-objective", "parts": objectives})
    if obligation.evidence:
        objects = "\n".join(f"- {text(e.description)}" for e in obligation.evidence)
        parts.append(
            {
                "id": f"{oid}_asm-examine",
                "name": "assessment-method",
                "props": [{"name": "method", "value": "EXAMINE"}],
                "parts": [{"name": "assessment-objects", "prose": objects}],
            }
        )
    for indicator in obligation.indicators:
        target = indicator.target
        props = [prop("unit", indicator.unit), prop("direction", indicator.direction.value)]
        if target is not None:
            cited = f"{target.source} {target.provision}"
            props.append(prop("target", f"{target.value:g}", remarks=text(f"set by {cited}")))
        parts.append(
            {
                "id": f"{oid}_ind.{indicator.id}",
                "name": "indicator",
                "ns": CSEA_NS,
                "title": text(indicator.name),
                "props": props,
            }
        )
    return parts


def _resource(catalog: Catalog, source: Source) -> dict[str, Any]:
    props = [
        prop("source-id", source.id),
        prop("issuer", source.issuer),
        prop("kind", source.kind.value),
        prop("force", source.force.value),
        prop("status", source.status.value),
        prop("verification", source.verification.value),
        *(prop("jurisdiction", j) for j in source.jurisdictions),
    ]
    if source.date:
        props.append(prop("date", source.date.isoformat()))
    return compact(
        {
            "uuid": source_resource_uuid(catalog, source.id),
            "title": text(source.title),
            "description": text(source.notes) if source.notes else None,
            "props": props,
            "citation": {"text": text(f"{source.issuer}, {source.title}")},
            "rlinks": [{"href": value(source.url)}] if source.url else None,
        }
    )
