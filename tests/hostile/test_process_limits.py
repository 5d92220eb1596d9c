"""The real ``csea`` process, bounded to 1 GiB of address space and 60 s, refuses resource attacks.

An alias bomb, a quadratic alias blow-up, a file nested 100,000 levels deep and a file over
the size limit are each refused with exit code 2 and one located line, inside the limits:
a hang would hit the timeout, unbounded memory the address-space limit (a ``MemoryError``
traceback or a kill), and both fail the test. A huge but valid answer (8 MB of notes) is
checked normally within the same limits.
"""

from __future__ import annotations

import re

import pytest

from tests.hostile.cases import CASES, Case
from tests.hostile.conftest import Csea, Workspace

ATTACKS = [
    case
    for case in CASES
    if case.id in {"billion-laughs", "quadratic-aliases", "deep-flow", "oversized"}
]


@pytest.mark.parametrize("case", ATTACKS, ids=[case.id for case in ATTACKS])
def test_check_refuses_resource_attacks_within_limits(
    workspace: Workspace, run_csea: Csea, case: Case
) -> None:
    workspace.assessment.write_bytes(case.content())
    result = run_csea("check", "assessment.yaml", "--catalog", workspace.catalog)
    where = f":{case.line}" if case.line is not None else ""
    assert result.returncode == 2, result.stderr
    assert re.match(rf"^assessment\.yaml{where}(:\d+)?: error \[{case.code}\] ", result.stderr)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ATTACKS, ids=[case.id for case in ATTACKS])
def test_catalogue_validation_refuses_resource_attacks_within_limits(
    workspace: Workspace, run_csea: Csea, case: Case
) -> None:
    (workspace.catalog / "block" / "BLOCK-02.yaml").write_bytes(case.content())
    result = run_csea("catalog", "validate", workspace.catalog)
    assert result.returncode == 1, result.stderr
    assert f"BLOCK-02.yaml{':' if case.line else ''}" in result.stdout + result.stderr
    assert f"[{case.code}]" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_huge_but_valid_answer_is_checked_within_limits(
    workspace: Workspace, run_csea: Csea
) -> None:
    notes = "    notes: " + "very long notes " * 500_000 + "\n"
    workspace.assessment.write_text(
        workspace.assessment.read_text(encoding="utf-8") + notes, encoding="utf-8"
    )
    result = run_csea(
        "check", "assessment.yaml", "--catalog", workspace.catalog, "--format", "json"
    )
    assert (result.returncode, result.stderr) == (0, "")
