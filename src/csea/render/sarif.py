"""Findings as SARIF 2.1.0, so code hosts annotate the assessment file in pull requests.

``csea check --format sarif`` (or ``--sarif FILE``) writes one run of the tool ``csea``:

- a **rule** for every finding code csea declares, in the order of
  [FindingCode][csea.codes.FindingCode], with its meaning and default level (an escalating
  code defaults to ``warning``; it is an ``error`` on a legal duty);
- a **result** for every finding the ``check`` table lists, most serious first: the code as
  ``ruleId``, the level (``error``, ``warning``, ``note`` for info), the message, and the
  assessment file and line as its location. A relative path stays relative (code hosts
  resolve it from the repository's top folder, so run ``csea check`` from there); an
  absolute one is written as a ``file://`` URI;
- a ``partialFingerprints`` entry per result, from the file, the code, the obligation and
  the result's place among its like, so a host can follow one finding from run to run while
  its message (which names dates) changes.

The log carries no timestamp: the same findings give the same bytes.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from csea.__about__ import __version__
from csea.codes import FindingCode, Level
from csea.evaluation.portfolio import every_finding
from csea.evaluation.selection import most_serious_first
from csea.fileio import dumps_json
from csea.models import Finding, FindingLevel, Portfolio

__all__ = ["SARIF_SCHEMA", "render_sarif", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
"""The ``$schema`` written into the log (SARIF 2.1.0)."""

_LEVELS = {FindingLevel.ERROR: "error", FindingLevel.WARNING: "warning", FindingLevel.INFO: "note"}
_DEFAULTS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def sarif_log(portfolio: Portfolio) -> dict[str, Any]:
    """The SARIF log of a check: every rule, and one result per finding."""
    index = {code.value: number for number, code in enumerate(FindingCode)}
    seen: Counter[tuple[str | None, str, str | None]] = Counter()
    results = []
    for finding in most_serious_first(every_finding(portfolio)):
        key = (finding.file, finding.code, finding.obligation_id)
        results.append(_result(finding, index[finding.code], seen[key]))
        seen[key] += 1
    driver = {
        "name": "csea",
        "version": __version__,
        "rules": [_rule(code) for code in FindingCode],
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }


def render_sarif(portfolio: Portfolio) -> str:
    """The SARIF log of a check, as JSON text."""
    return dumps_json(sarif_log(portfolio))


def _rule(code: FindingCode) -> dict[str, Any]:
    return {
        "id": code.value,
        "shortDescription": {"text": code.meaning},
        "defaultConfiguration": {"level": _DEFAULTS.get(code.level, "warning")},
        "properties": {"level": code.level.value},
    }


def _result(finding: Finding, rule_index: int, occurrence: int) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.level],
        "message": {"text": finding.message},
    }
    if finding.file is not None:
        region = {"region": {"startLine": finding.line}} if finding.line else {}
        location = {"artifactLocation": {"uri": _uri(finding.file)}, **region}
        result["locations"] = [{"physicalLocation": location}]
    subject = f"{finding.file}|{finding.code}|{finding.obligation_id}|{occurrence}"
    result["partialFingerprints"] = {
        "cseaFinding/v1": hashlib.sha256(subject.encode("utf-8")).hexdigest()[:32]
    }
    if finding.obligation_id is not None:
        result["properties"] = {"obligation": finding.obligation_id}
    return result


def _uri(file: str) -> str:
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")
