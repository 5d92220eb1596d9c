"""Every code csea can emit is declared in csea.codes, and every declared code is emitted.

Codes are a contract (JSON and JUnit output, CI scripts match on them). The source is
read as text (ast): a code reaches a Problem or a Finding only as a member of
``ProblemCode`` or ``FindingCode`` (mypy checks the types; this checks that no code is
spelled as a string anywhere), and each rule of a rule set emits only the codes it is
registered with (checked as the rules run, by every test that runs them).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from csea.catalog.checks import CHECKS
from csea.codes import FindingCode, Level, ProblemCode, RuleSet
from csea.errors import Problem, Severity
from csea.evaluation.findings import ANSWER_RULES

SRC = Path(__file__).resolve().parents[1] / "src" / "csea"
CODES_MODULE = SRC / "codes.py"
DECLARED = {c.value for c in ProblemCode} | {c.value for c in FindingCode}
CODE_TYPES = {"ProblemCode", "FindingCode", "Code"}


def sources() -> Iterator[tuple[Path, ast.Module]]:
    """Every module but csea/codes.py, parsed."""
    for path in sorted(SRC.rglob("*.py")):
        if path != CODES_MODULE:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(SRC)}:{getattr(node, 'lineno', '?')}"


def test_no_code_is_spelled_as_a_string() -> None:
    spelled = [
        f"{_where(path, node)} {node.value!r}"
        for path, tree in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in DECLARED
    ]
    assert spelled == []


def test_every_code_argument_is_a_declared_code() -> None:
    loose = [
        _where(path, node)
        for path, tree in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.keyword)
        and node.arg == "code"
        and isinstance(node.value, ast.Constant | ast.JoinedStr)
    ]
    assert loose == []


def test_every_code_parameter_is_typed_as_a_code() -> None:
    untyped = [
        _where(path, arg)
        for path, tree in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for arg in [*node.args.args, *node.args.kwonlyargs]
        if arg.arg == "code" and ast.unparse(arg.annotation or ast.Constant(None)) not in CODE_TYPES
    ]
    assert untyped == []


def test_every_declared_code_is_emitted_somewhere() -> None:
    used = {
        f"{node.value.id}.{node.attr}"
        for _, tree in sources()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in ("ProblemCode", "FindingCode")
    }
    declared = {f"ProblemCode.{c.name}" for c in ProblemCode}
    declared |= {f"FindingCode.{c.name}" for c in FindingCode}
    assert sorted(declared - used) == []


@pytest.mark.parametrize("codes", [ProblemCode, FindingCode], ids=["problem", "finding"])
def test_codes_are_unique_and_explained(codes: type[ProblemCode] | type[FindingCode]) -> None:
    members: list[ProblemCode | FindingCode] = list(codes)
    assert (
        len(codes.__members__) == len(members),
        [c.name for c in members if not c.meaning.strip()],
        [c.value for c in members if c.value != c.value.lower() or " " in c.value],
    ) == (True, [], [])


def test_warnings_are_only_the_declared_ones() -> None:
    warnings = sorted(c.value for c in ProblemCode if c.severity is Severity.WARNING)
    assert warnings == [
        "cited-but-listed-uncited",
        "duplicate-citation",
        "merge-conflict",
        "row-missing",
        "threshold-contradicts-note",
        "unexpected-file",
        "verification-inconsistent",
        "verified-without-locator",
    ]


def test_escalating_codes_are_errors_on_a_legal_duty_and_warnings_otherwise() -> None:
    escalating = [c for c in FindingCode if c.level is Level.ESCALATES]
    assert {(c.level_for(legal_duty=True), c.level_for(legal_duty=False)) for c in escalating} == {
        ("error", "warning")
    }


@pytest.mark.parametrize(
    ("rules", "kind"),
    [(CHECKS, ProblemCode), (ANSWER_RULES, FindingCode)],
    ids=["checks", "answers"],
)
def test_every_rule_is_registered_with_codes_of_its_kind(
    rules: RuleSet[object, Problem], kind: type[ProblemCode] | type[FindingCode]
) -> None:
    assert [
        rule.check.__name__
        for rule in rules.rules
        if not rule.codes or not all(isinstance(c, kind) for c in rule.codes)
    ] == []


def test_a_rule_cannot_emit_a_code_it_is_not_registered_with() -> None:
    rules: RuleSet[str, Problem] = RuleSet()

    @rules.rule(ProblemCode.DUPLICATE_ID)
    def stray(subject: str) -> Iterator[Problem]:
        yield Problem(code=ProblemCode.FILE_NAME, message=subject)

    with pytest.raises(AssertionError, match=r"stray emitted unregistered codes \['file-name'\]"):
        rules.run("x")
