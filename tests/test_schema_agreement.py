"""One truth for validity: check-jsonschema and csea agree on every file of a corpus.

Editors validate ``profile.yaml`` and ``assessment.yaml`` with the committed JSON Schemas (as
check-jsonschema does); csea validates them with its models. The corpus here is written out
file by file and both verdicts are compared on each. It has three parts:

- hand-written cases: the mistakes people make (``UK`` for ``GB``, ``yes`` for ``true``, a
  date written as a number, evidence with both a URL and a path...), valid and invalid;
- generated cases: every scalar in two complete documents, replaced by a value of the wrong
  kind for its place in the schema (text for a number, ``yes`` for a boolean, a number for a
  date, an unknown value for a closed list, an extra key for a mapping), so a field added to
  a model is covered as soon as the complete documents carry it;
- a guard that the complete documents carry every property the schemas define, so a field
  added later (review fields, say) fails here until they do.

Three cross-field rules are not expressible in JSON Schema without listing every value, and
are left out on purpose: a value both present and absent, a country both under ``users`` and
``not_offered_in``, and a kind listed twice across the two forms.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from csea.models import Assessment, ServiceProfile
from csea.schemas import json_schema
from csea.yamlio.reader import read_yaml
from csea.yamlio.validation import validate_document

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
MODELS: dict[str, type[BaseModel]] = {"profile": ServiceProfile, "assessment": Assessment}

PROFILE = """\
organisation: Fictional Teen Apps Ltd
service: Huddle
description: Group voice chat for teenagers, with live streams and direct messages.
kinds:
  present: [user_to_user, social_media, online_platform]
  absent: [search, dating]
features:
  present: [voice_chat, live_streaming, direct_messages, group_chats]
  absent: all others
users: {GB: 2000000, EU: 900000, AU: 300000}
not_offered_in: [US, CA]
users_worldwide: 3300000
established_in: [GB]
children_likely: true
minimum_age: 13
enterprise_size: medium
designations:
  present: []
  absent: all others
risk: {grooming: high, sextortion: high, csam_image: medium}
multi_risk: true
"""

ASSESSMENT = """\
catalog: {id: csea, version: "2026.12"}
profile:
  organisation: Fictional Teen Apps Ltd
  service: Huddle
  kinds: [user_to_user]
  features: [voice_chat]
  users: {GB: 2000000}
  not_offered_in: all others
  established_in: [GB]
assessed_by: Trust and Safety
assessed_on: 2026-11-20
approval:
  by: Head of Safety
  role: Head of Trust & Safety
  approved_on: 2026-11-21
  catalog: {id: csea, version: "2026.12"}
  content_hash: sha256:0000000000000000000000000000000000000000000000000000000000000000
answers:
  BLOCK-01:
    status: partial
    owner: T&S
    reviewed_by: Policy Lead
    reviewed_on: 2026-11-19
    due: 2027-03-01
    accepted_by: Head of Safety
    accepted_on: 2026-11-15
    justification: n/a
    notes: Rolling out.
    evidence:
      - title: Runbook
        url: https://wiki.example.invalid/runbook
        collected: 2026-11-01
        expires: 2027-11-01
        sensitivity: internal
      - title: Match statistics
        path: reports/matches.csv
        collected: 2026-11-02
    indicators:
      - id: match-rate
        value: 12.5
        period: 2026-Q3
        note: From the dashboard.
    review:
      reason: catalog_changed
      note: Changed in 2026.12.
      raised: 2026-12-01
"""

CASES: dict[str, tuple[str, str]] = {
    # name: (kind, text)
    "profile-complete": ("profile", PROFILE),
    "profile-minimal": (
        "profile",
        "organisation: O\nservice: S\nusers: {GB: 1}\nestablished_in: [GB]\n",
    ),
    "profile-list-forms": (
        "profile",
        "organisation: O\nservice: S\nkinds: [user_to_user]\nfeatures: [voice_chat]\n"
        "designations: [eu_vlop]\nusers: {GB: 0}\nestablished_in: [GB]\n",
    ),
    "profile-uk": ("profile", PROFILE.replace("GB: 2000000", "UK: 2000000")),
    "profile-xx": ("profile", PROFILE.replace("AU: 300000", "XX: 300000")),
    "profile-lower-case": ("profile", PROFILE.replace("GB: 2000000", "gb: 2000000")),
    "profile-alpha-3": (
        "profile",
        PROFILE.replace("established_in: [GB]", "established_in: [GBR]"),
    ),
    "profile-int-and-eu": ("profile", PROFILE.replace("AU: 300000", "INT: 5")),
    "profile-member-state": ("profile", PROFILE.replace("AU: 300000", "IE: 300000")),
    "profile-yes": ("profile", PROFILE.replace("children_likely: true", "children_likely: yes")),
    "profile-no": ("profile", PROFILE.replace("multi_risk: true", "multi_risk: no")),
    "profile-true-count": ("profile", PROFILE.replace("GB: 2000000", "GB: true")),
    "profile-text-count": ("profile", PROFILE.replace("GB: 2000000", 'GB: "2000000"')),
    "profile-float-count": ("profile", PROFILE.replace("GB: 2000000", "GB: 2000000.0")),
    "profile-fraction-count": ("profile", PROFILE.replace("GB: 2000000", "GB: 2000000.5")),
    "profile-negative-count": ("profile", PROFILE.replace("GB: 2000000", "GB: -1")),
    "profile-grouped-count": ("profile", PROFILE.replace("GB: 2000000", "GB: 2_000_000")),
    "profile-age-too-high": ("profile", PROFILE.replace("minimum_age: 13", "minimum_age: 30")),
    "profile-voice-chat-unknown": ("profile", PROFILE.replace("voice_chat", "voicechat")),
    "profile-all-others-typo": ("profile", PROFILE.replace("absent: all others", "absent: all")),
    "profile-absent-repeated": (
        "profile",
        PROFILE.replace("absent: [search, dating]", "absent: [search, search]"),
    ),
    "profile-kind-repeated": (
        "profile",
        PROFILE.replace("present: [user_to_user,", "present: [user_to_user, user_to_user,"),
    ),
    "profile-empty-name": ("profile", PROFILE.replace("service: Huddle", 'service: "  "')),
    "profile-no-users": (
        "profile",
        PROFILE.replace("users: {GB: 2000000, EU: 900000, AU: 300000}", "users: {}"),
    ),
    "profile-not-offered-closed": (
        "profile",
        PROFILE.replace("not_offered_in: [US, CA]", "not_offered_in: all others"),
    ),
    "profile-sextortion-level": (
        "profile",
        PROFILE.replace("sextortion: high", "sextortion: severe"),
    ),
    "profile-extra-key": ("profile", PROFILE + "launched: 2026-01-01\n"),
    "assessment-complete": ("assessment", ASSESSMENT),
    "assessment-profile-path": (
        "assessment",
        'catalog: {id: csea, version: "2026.12"}\nprofile: profile.yaml\nanswers: {}\n',
    ),
    "assessment-integer-date": ("assessment", ASSESSMENT.replace("due: 2027-03-01", "due: 86400")),
    "assessment-impossible-date": (
        "assessment",
        ASSESSMENT.replace("due: 2027-03-01", "due: 2027-02-30"),
    ),
    "assessment-date-time": (
        "assessment",
        ASSESSMENT.replace("assessed_on: 2026-11-20", "assessed_on: 2026-11-20T10:00:00"),
    ),
    "assessment-quoted-date": (
        "assessment",
        ASSESSMENT.replace("assessed_on: 2026-11-20", 'assessed_on: "2026-11-20"'),
    ),
    "assessment-both-url-and-path": (
        "assessment",
        ASSESSMENT.replace(
            "path: reports/matches.csv",
            "path: reports/matches.csv\n        url: https://x.example.invalid/m",
        ),
    ),
    "assessment-neither-url-nor-path": (
        "assessment",
        ASSESSMENT.replace("        path: reports/matches.csv\n", ""),
    ),
    "assessment-null-url-with-path": (
        "assessment",
        ASSESSMENT.replace(
            "path: reports/matches.csv", "path: reports/matches.csv\n        url: null"
        ),
    ),
    "assessment-bad-url": (
        "assessment",
        ASSESSMENT.replace("https://wiki.example.invalid/runbook", "wiki/runbook"),
    ),
    "assessment-version-number": ("assessment", ASSESSMENT.replace('"2026.12"', "2026.12")),
    "assessment-bad-id": ("assessment", ASSESSMENT.replace("BLOCK-01:", "block-1:")),
    "assessment-text-indicator": ("assessment", ASSESSMENT.replace("value: 12.5", 'value: "12.5"')),
    "assessment-bool-indicator": ("assessment", ASSESSMENT.replace("value: 12.5", "value: true")),
    "assessment-status-typo": ("assessment", ASSESSMENT.replace("status: partial", "status: done")),
    "assessment-inline-profile-yes": (
        "assessment",
        ASSESSMENT.replace(
            "established_in: [GB]\n", "established_in: [GB]\n  children_likely: yes\n"
        ),
    ),
    "assessment-inline-profile-uk": (
        "assessment",
        ASSESSMENT.replace("{GB: 2000000}", "{UK: 2000000}"),
    ),
}


def csea_accepts(kind: str, path: Path) -> bool:
    """Whether csea's reader and model accept the file (the file alone, as a schema sees it)."""
    value, problems = validate_document(MODELS[kind], read_yaml(path))
    return value is not None and not problems


def schema_accepts(kind: str, paths: list[Path]) -> dict[Path, bool]:
    """check-jsonschema's verdict on each file, from one run over all of them."""
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--schemafile",
            str(SCHEMA_DIR / f"{kind}.schema.json"),
            "-o",
            "JSON",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(run.stdout)
    assert not report.get("parse_errors"), report
    failed = {Path(e["filename"]) for e in report.get("errors", [])}
    return {path: path not in failed for path in paths}


def _scalar_paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _scalar_paths(v, (*prefix, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _scalar_paths(v, (*prefix, i))]
    return [prefix]


def _mapping_paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [prefix] if isinstance(value, dict) else []
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else []
    )
    return found + [p for k, v in items for p in _mapping_paths(v, (*prefix, k))]


WRONG: list[tuple[str, Any]] = [
    ("text", "some text"),
    ("yes", "yes"),
    ("true", True),
    ("number", 86400),
    ("fraction", 2.5),
    ("empty", ""),
]


def _set(doc: Any, path: tuple[str | int, ...], value: Any) -> Any:
    out = copy.deepcopy(doc)
    node = out
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return out


def generated() -> dict[str, tuple[str, str]]:
    """Every scalar of the complete documents replaced by each wrong kind; an extra key in each mapping."""
    cases: dict[str, tuple[str, str]] = {}
    for kind, text in (("profile", PROFILE), ("assessment", ASSESSMENT)):
        doc = yaml.load(text, Loader=yaml.BaseLoader)  # every scalar as text, as written
        for path in _scalar_paths(doc):
            for label, value in WRONG:
                name = f"{kind}-{'.'.join(map(str, path))}-{label}"
                cases[name] = (
                    kind,
                    yaml.safe_dump(_set(_typed(text), path, value), sort_keys=False),
                )
        for path in _mapping_paths(doc):
            typed = _typed(text)
            node = typed
            for key in path:
                node = node[key]
            node["unexpected_key"] = 1
            cases[f"{kind}-{'.'.join(map(str, path)) or 'top'}-extra-key"] = (
                kind,
                yaml.safe_dump(typed, sort_keys=False),
            )
    return cases


def _typed(text: str) -> Any:
    """The document as YAML 1.2 reads it (dates stay text, as both csea and the schema see them)."""
    return json.loads(json.dumps(yaml.load(text, Loader=_CoreLoader)))


class _CoreLoader(yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's safe loader without timestamps (YAML 1.2 has none)."""


_CoreLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[bool, bool]]:
    """Case name -> (csea accepts, check-jsonschema accepts)."""
    folder = tmp_path_factory.mktemp("corpus")
    cases = CASES | generated()
    paths: dict[str, Path] = {}
    for name, (kind, text) in cases.items():
        paths[name] = folder / kind / f"{name}.yaml"
        paths[name].parent.mkdir(exist_ok=True)
        paths[name].write_text(text, encoding="utf-8")
    schema: dict[Path, bool] = {}
    for kind in MODELS:
        schema |= schema_accepts(kind, [p for n, p in paths.items() if cases[n][0] == kind])
    return {
        name: (csea_accepts(cases[name][0], path), schema[path]) for name, path in paths.items()
    }


def test_the_corpus_is_large_and_has_both_verdicts(verdicts: dict[str, tuple[bool, bool]]) -> None:
    valid = sum(1 for ours, _ in verdicts.values() if ours)
    assert (len(CASES) >= 40, len(verdicts) > 200, valid >= 8, len(verdicts) - valid >= 40) == (
        True,
        True,
        True,
        True,
    )


def test_check_jsonschema_and_csea_agree_on_every_file(
    verdicts: dict[str, tuple[bool, bool]],
) -> None:
    disagree = {name: v for name, v in verdicts.items() if v[0] != v[1]}
    assert disagree == {}


def _properties(schema: Any, found: set[str], prefix: str = "") -> None:
    """Every property name the schema defines, in its $defs too."""
    if isinstance(schema, dict):
        for name in schema.get("properties", {}):
            found.add(name)
        for value in schema.values():
            _properties(value, found)
    elif isinstance(schema, list):
        for value in schema:
            _properties(value, found)


@pytest.mark.parametrize("kind", list(MODELS))
def test_the_complete_documents_carry_every_property_of_the_schema(kind: str) -> None:
    defined: set[str] = set()
    _properties(json_schema(kind), defined)
    used: set[str] = set()
    for text in (PROFILE, ASSESSMENT):
        _keys(yaml.safe_load(text), used)
    assert sorted(defined - used) == []


def _keys(value: Any, found: set[str]) -> None:
    if isinstance(value, dict):
        found.update(k for k in value if isinstance(k, str))
        for v in value.values():
            _keys(v, found)
    elif isinstance(value, list):
        for v in value:
            _keys(v, found)
