"""The peer: the same catalogue as an OSCAL catalog, validated by compliance-trestle.

``oscal_catalog`` turns a (generated) csea catalogue directory into one OSCAL 1.2.1 catalog
with the same text: each pillar a group, each obligation a control whose parts carry every
field of the obligation file (statement, rationale, measures, questions, evidence,
indicators, conditions, citation notes), its citations as links to back-matter resources,
one per source, whose descriptions carry the source's provisions. It is written from the
files' plain data (not from csea's models), so it follows whatever fields the files have.

``trestle_workspace`` makes a trestle workspace holding it; ``trestle validate -f`` is then
timed beside ``csea catalog validate`` on the same obligations.
"""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path
from typing import Any

from csea.yamlio.reader import read_yaml

__all__ = ["TRESTLE_FILE", "oscal_catalog", "trestle_workspace"]

TRESTLE_FILE = Path("catalogs") / "csea" / "catalog.json"
"""Where the catalog sits in the workspace (trestle wants the model's alias as file name)."""
_NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://example.invalid/csea-bench")
_WHEN = "2026-11-20T00:00:00Z"
_SKIPPED = {"id", "pillar", "title", "citations", "related"}
"""Obligation fields that become the control's own keys or its links, not parts."""


def _uuid(*parts: str) -> str:
    """A fixed uuid (version bits 4, as trestle's link checks expect)."""
    return str(uuid.UUID(bytes=uuid.uuid5(_NS, "/".join(parts)).bytes, version=4))


def _token(text: str) -> str:
    """An OSCAL token (letters, digits, ``.``, ``-``, ``_``; not starting with a digit)."""
    cleaned = "".join(c if c.isalnum() or c in ".-_" else "_" for c in text)
    return cleaned if cleaned[:1].isalpha() or cleaned[:1] == "_" else f"_{cleaned}"


def _prose(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _parts(prefix: str, name: str, value: Any) -> list[dict[str, Any]]:
    """A field as OSCAL parts: text as prose, lists and mappings as parts within parts."""
    part_id = _token(prefix)
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in _parts(f"{prefix}.{i}", name, item)]
    if isinstance(value, dict) and name != "applies_when":
        inner = [p for key, v in value.items() for p in _parts(f"{prefix}.{key}", key, v)]
        return [{"id": part_id, "name": _token(name), **({"parts": inner} if inner else {})}]
    return [{"id": part_id, "name": _token(name), "prose": _prose(value)}]


def _control(data: dict[str, Any]) -> dict[str, Any]:
    ident = data["id"]
    parts = [
        p
        for key, v in data.items()
        if key not in _SKIPPED
        for p in _parts(f"{ident}_{key}", key, v)
    ]
    citations = data.get("citations", [])
    parts += [
        p for i, c in enumerate(citations) for p in _parts(f"{ident}_citation.{i}", "citation", c)
    ]
    control: dict[str, Any] = {"id": _token(ident), "class": "obligation", "title": data["title"]}
    if citations:
        control["links"] = [
            {
                "href": "#" + _uuid("source", c["source"]),
                "rel": "reference",
                "text": f"{c['source']} {c['provision']}",
            }
            for c in citations
        ]
    if data.get("related"):
        control["props"] = [{"name": "related", "value": " ".join(data["related"])}]
    return control | {"parts": parts}


def _resource(source: dict[str, Any]) -> dict[str, Any]:
    provisions = "\n".join(
        f"- {p['id']}: {p.get('title', '')} {p.get('note', '')}".rstrip()
        for p in source.get("provisions", [])
    )
    resource: dict[str, Any] = {
        "uuid": _uuid("source", source["id"]),
        "title": source["title"],
        "description": "\n\n".join(
            part for part in (source.get("notes"), source.get("issuer"), provisions) if part
        ),
    }
    if source.get("url"):
        resource["rlinks"] = [{"href": source["url"]}]
    return resource


def oscal_catalog(catalog_dir: Path) -> dict[str, Any]:
    """The OSCAL catalog holding the same obligations, pillars and sources as ``catalog_dir``."""
    header = read_yaml(catalog_dir / "catalog.yaml").data
    obligations: dict[str, list[dict[str, Any]]] = {p["id"]: [] for p in header["pillars"]}
    for path in sorted(catalog_dir.glob("*/*.yaml")):
        if path.parent.name != "sources":
            data = read_yaml(path).data
            obligations[data["pillar"]].append(_control(data))
    sources = [
        s
        for path in [
            catalog_dir / "sources.yaml",
            *sorted((catalog_dir / "sources").glob("*.yaml")),
        ]
        if path.exists()
        for s in read_yaml(path).data["sources"]
    ]
    groups = [
        {
            "id": _token(p["id"]),
            "class": "pillar",
            "title": p["title"],
            "parts": [
                {"id": _token(f"{p['id']}_demand"), "name": "overview", "prose": p["demand"]}
            ],
            "controls": obligations[p["id"]],
        }
        for p in header["pillars"]
        if obligations[p["id"]]
    ]
    metadata = {
        "title": header["title"],
        "last-modified": _WHEN,
        "version": str(header["version"]),
        "oscal-version": "1.2.1",
    }
    body = {
        "uuid": _uuid("catalog", str(header["version"])),
        "metadata": metadata,
        "groups": groups,
    }
    return {"catalog": body | {"back-matter": {"resources": [_resource(s) for s in sources]}}}


def trestle_workspace(trestle: str, folder: Path, catalog: dict[str, Any]) -> Path:
    """A trestle workspace in ``folder`` holding ``catalog`` at ``TRESTLE_FILE``."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([trestle, "init"], cwd=folder, check=True, capture_output=True)
    target = folder / TRESTLE_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(catalog, indent=2, ensure_ascii=False), encoding="utf-8")
    return target
