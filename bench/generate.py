"""Synthetic catalogues, profiles and assessments for the benchmarks.

A catalogue at scale k is the shipped catalogue copied k times: copy r > 0 gets its own
pillars (``block-r3`` with prefix ``BLOCKXC``), its own sources (``uk.osa2023.r3``, in
``sources/``) and its own obligations (``BLOCKXC-01``), whose citations, indicator targets
and related ids point inside the same copy. Every copy is as valid as the original, so
the loader, the checks and the evaluation do the same work per obligation at every scale.

A portfolio is a set of fictional services (``Service 01`` of ``Example Org 1``...), each
with a profile and an assessment answering every obligation that applies to it, with a
seeded mix of statuses and evidence references on fictional internal URLs.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from csea.catalog.applicability import applicable_obligations
from csea.catalog.loader import load_catalog
from csea.models import Catalog, Feature, Harm, ServiceProfile
from csea.yamlio.reader import read_yaml

AS_OF = dt.date(2026, 11, 20)
"""The as-of date every benchmark judges on."""

_FEATURES = [feature.value for feature in Feature]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_JURISDICTIONS = ["GB", "US", "AU", "DE", "FR", "IE", "NL", "CA"]
_STATUSES = ["implemented"] * 5 + ["partial"] * 2 + ["planned", "not_implemented", "not_assessed"]


def _letters(copy: int) -> str:
    """``X`` then the copy number in base 26 letters (1 -> XB, 26 -> XBA): a new id prefix."""
    digits = ""
    while copy:
        copy, rest = divmod(copy, 26)
        digits = chr(ord("A") + rest) + digits
    return "X" + digits


def _read(path: Path) -> Any:
    """A file's data with csea's own (YAML 1.2) reading, so ``NO`` stays text."""
    return read_yaml(path).data


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def _rename(data: Any, rename: Callable[[str, str], str]) -> Any:
    """Copy ``data``, passing every ``source`` value and ``related`` id through ``rename``."""
    if isinstance(data, list):
        return [_rename(item, rename) for item in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key == "source" and isinstance(value, str):
            out[key] = rename("source", value)
        elif key == "related" and isinstance(value, list):
            out[key] = [rename("obligation", item) for item in value]
        else:
            out[key] = _rename(value, rename)
    return out


def _renamer(copy: int, prefixes: dict[str, str]) -> Callable[[str, str], str]:
    def rename(kind: str, value: str) -> str:
        if copy == 0:
            return value
        if kind == "source":
            return f"{value}.r{copy}"
        prefix, _, number = value.partition("-")
        return f"{prefix}{_letters(copy)}-{number}" if prefix in prefixes.values() else value

    return rename


def generate_catalog(template: Path, out: Path, copies: int) -> int:
    """Write ``copies`` copies of the catalogue at ``template`` into ``out``; return the obligations."""
    shutil.rmtree(out, ignore_errors=True)
    header = _read(template / "catalog.yaml")
    pillars = header["pillars"]
    prefixes = {p["id"]: p["prefix"] for p in pillars}
    header["pillars"] = [_pillar(p, r) for r in range(copies) for p in pillars]
    _dump(out / "catalog.yaml", header)
    sources = _read(template / "sources.yaml")
    _dump(out / "sources.yaml", sources)
    for r in range(1, copies):
        copied = [s | {"id": f"{s['id']}.r{r}"} for s in sources["sources"]]
        _dump(out / "sources" / f"copy-{r:04d}.yaml", {"sources": copied})
    for other in sorted(template.glob("*.yaml")):
        if other.name in _PER_SOURCE:
            _dump(out / other.name, _PER_SOURCE[other.name](_read(other), copies))
        elif other.name not in ("catalog.yaml", "sources.yaml"):
            shutil.copy(other, out / other.name)  # kinds, review cycles: catalogue-wide files
    count = 0
    for path in sorted(template.glob("*/*.yaml")):
        data = _read(path)
        for r in range(copies):
            rename = _renamer(r, prefixes)
            copied = _rename(data, rename) | {"id": rename("obligation", data["id"])}
            copied["pillar"] = _pillar_id(data["pillar"], r)
            _dump(out / copied["pillar"] / f"{copied['id']}.yaml", copied)
            count += 1
    return count


def _copied_ids(source: str, copies: int) -> list[str]:
    return [source, *(f"{source}.r{r}" for r in range(1, copies))]


def _regulators(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """Each regulator also holds the copies of its sources (every source needs a regulator)."""
    for regulator in data["regulators"]:
        regulator["sources"] = [c for s in regulator["sources"] for c in _copied_ids(s, copies)]
    return data


def _uncited(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """Each explained uncited provision explained in every copy of its source too."""
    data["uncited"] = [
        entry | {"source": copied}
        for entry in data["uncited"]
        for copied in _copied_ids(entry["source"], copies)
    ]
    return data


_PER_SOURCE: dict[str, Callable[[Any, int], Any]] = {
    "regulators.yaml": _regulators,
    "uncited.yaml": _uncited,
}
"""Catalogue-wide files that name sources, and how each lists the copies."""


def _pillar_id(pillar: str, copy: int) -> str:
    return pillar if copy == 0 else f"{pillar}-r{copy}"


def _pillar(pillar: dict[str, Any], copy: int) -> dict[str, Any]:
    if copy == 0:
        return pillar
    return pillar | {
        "id": _pillar_id(pillar["id"], copy),
        "prefix": pillar["prefix"] + _letters(copy),
        "title": f"{pillar['title']} (copy {copy})",
    }


def _profile(index: int, rng: random.Random) -> dict[str, Any]:
    users = {j: rng.randrange(10_000, 20_000_000) for j in rng.sample(_JURISDICTIONS, 4)}
    features = sorted(rng.sample(_FEATURES, rng.randrange(6, len(_FEATURES))))
    return {
        "organisation": f"Example Org {index % 7 + 1}",
        "service": f"Service {index + 1:02d}",
        "description": "A fictional service generated for the csea benchmarks.",
        "kinds": ["user_to_user"],
        "features": features,
        "users": users,
        "established_in": [next(iter(users))],
        "children_likely": True,
        "risk": {harm.value: rng.choice(["low", "medium", "high"]) for harm in Harm},
    }


def _named(profile: dict[str, Any], index: int) -> dict[str, Any]:
    """The same profile under the names of service ``index``."""
    return profile | {
        "organisation": f"Example Org {index % 7 + 1}",
        "service": f"Service {index + 1:02d}",
    }


def _answer(rng: random.Random) -> dict[str, Any]:
    status = rng.choice(_STATUSES)
    answer: dict[str, Any] = {"status": status, "owner": "Trust and Safety"}
    if status in ("implemented", "partial"):
        collected = AS_OF - dt.timedelta(days=rng.randrange(1, 500))
        answer["evidence"] = [
            {
                "title": "Runbook and a month of statistics",
                "url": f"https://wiki.example.invalid/runbooks/{rng.randrange(10**6)}",
                "collected": collected.isoformat(),
            }
        ]
    if status in ("partial", "planned"):
        answer["due"] = (AS_OF + dt.timedelta(days=rng.randrange(-30, 300))).isoformat()
    if status == "not_implemented":
        answer["accepted_by"] = "Head of Trust and Safety"
    return answer


def generate_portfolio(
    catalog_dir: Path, out: Path, services: int, seed: int = 7, profiles: int | None = None
) -> list[Path]:
    """Write ``services`` fictional services (profile + assessment) under ``out``.

    With ``profiles``, the services share that many profiles, each under its own names (as
    the services of one organisation often do); otherwise every profile is its own.
    """
    shutil.rmtree(out, ignore_errors=True)
    catalog = load_catalog(catalog_dir)
    rng = random.Random(seed)
    shapes = [_profile(index, rng) for index in range(profiles or 0)]
    paths = []
    for index in range(services):
        folder = out / f"service-{index + 1:02d}"
        profile = _profile(index, rng) if not shapes else _named(shapes[index % len(shapes)], index)
        _dump(folder / "profile.yaml", profile)
        model = ServiceProfile.model_validate(profile)
        verdicts = applicable_obligations(catalog, model, AS_OF)
        titles = {o.id: o.title for o in catalog.obligations}
        answers = {v.obligation_id: _answer(rng) for v in verdicts if v.applies}
        paths.append(_write_assessment(folder, catalog, answers, titles))
    return paths


def _write_assessment(
    folder: Path, catalog: Catalog, answers: dict[str, Any], titles: dict[str, str]
) -> Path:
    head = {
        "catalog": {"id": catalog.header.id, "version": catalog.version},
        "profile": "profile.yaml",
        "assessed_by": "Trust and Safety",
        "assessed_on": AS_OF.isoformat(),
    }
    lines = ["# A generated assessment of a fictional service, for the csea benchmarks."]
    lines.append(yaml.safe_dump(head, sort_keys=False).rstrip())
    lines.append("answers:")
    for ob_id, answer in answers.items():
        lines.append(f"  # {titles[ob_id]}")
        body = yaml.dump({ob_id: answer}, Dumper=_DUMPER, sort_keys=False, width=100)
        lines.extend("  " + line for line in body.rstrip().splitlines())
    path = folder / "assessment.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def generate_labelled(
    catalog_dir: Path, out: Path, services: int, items: int, seed: int = 11
) -> list[Path]:
    """``services`` fictional services, each with ``items`` labelled pieces of evidence.

    The evidence is spread over the obligations that apply, each piece with its own title,
    path and sensitivity label (one in ten collected long ago, so its finding quotes it), and
    every answer has its own owner and notes: what ``--redact`` removes.
    """
    shutil.rmtree(out, ignore_errors=True)
    catalog = load_catalog(catalog_dir)
    titles = {o.id: o.title for o in catalog.obligations}
    rng = random.Random(seed)
    paths = []
    for index in range(services):
        folder = out / f"service-{index + 1:02d}"
        profile = _profile(index, rng)
        _dump(folder / "profile.yaml", profile)
        model = ServiceProfile.model_validate(profile)
        applying = [
            v.obligation_id for v in applicable_obligations(catalog, model, AS_OF) if v.applies
        ]
        answers = {
            oid: {
                "status": "implemented",
                "owner": f"Owner {index}-{n} of {oid}",
                "notes": f"Internal note {index}-{n}: hash lists reviewed with the vendor.",
                "evidence": [],
            }
            for n, oid in enumerate(applying)
        }
        for n in range(items):
            oid = applying[n % len(applying)]
            age = 400 if n % 10 == 0 else 30
            answers[oid]["evidence"].append(
                {
                    "title": f"Confidential evidence {index}-{n}",
                    "path": f"vault/service-{index}/evidence-{n}.pdf",
                    "collected": (AS_OF - dt.timedelta(days=age)).isoformat(),
                    "sensitivity": "confidential",
                }
            )
        paths.append(_write_assessment(folder, catalog, answers, titles))
    return paths
