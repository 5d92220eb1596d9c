"""Which findings a check looks at (``csea check --only``, ``--code``), most serious first.

A [FindingSelection][csea.evaluation.selection.FindingSelection] keeps findings by level
and by code. Applied to a portfolio it removes the other findings everywhere (each
service's list, each obligation's, each organisation's counts), so the table, the JSON,
the JUnit and the SARIF output and the exit code all count the same findings. The
default selection keeps everything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from csea.codes import FindingCode, ProblemCode
from csea.errors import InputError, Problem
from csea.models import Evaluation, Finding, FindingLevel, Portfolio

__all__ = ["UNANSWERED_CODES", "FindingSelection", "most_serious_first"]


@dataclass(frozen=True)
class FindingSelection:
    """The findings to keep: at these levels, with these codes (None: any)."""

    levels: frozenset[FindingLevel] | None = None
    """Keep only findings at these levels."""
    codes: frozenset[FindingCode] | None = None
    """Keep only findings with these codes."""

    @classmethod
    def parse(cls, only: str | None = None, codes: Iterable[str] = ()) -> FindingSelection:
        """A selection from ``--only error,warning`` and ``--code CODE`` (repeated) as typed.

        Raises:
            InputError: An unknown level or code; the accepted ones are listed.
        """
        problems: list[Problem] = []
        levels = _members(FindingLevel, "--only", only.split(",") if only else [], problems)
        chosen = _members(FindingCode, "--code", list(codes), problems)
        if problems:
            raise InputError(problems, f"{len(problems)} unknown level(s) or code(s)")
        return cls(frozenset(levels) or None, frozenset(chosen) or None)

    def keeps(self, finding: Finding) -> bool:
        """Whether the selection keeps this finding."""
        level_ok = self.levels is None or finding.level in self.levels
        return level_ok and (self.codes is None or finding.code in self.codes)

    def apply(self, portfolio: Portfolio) -> Portfolio:
        """The portfolio with only the kept findings (everything else unchanged)."""
        if self.levels is None and self.codes is None:
            return portfolio
        services = [self._service(e) for e in portfolio.evaluations]
        organisations = [
            org.model_copy(update={"findings": _counts(services, org.organisation)})
            for org in portfolio.organisations
        ]
        return portfolio.model_copy(
            update={"evaluations": services, "organisations": organisations}
        )

    def _service(self, evaluation: Evaluation) -> Evaluation:
        results = [
            r.model_copy(update={"findings": [f for f in r.findings if self.keeps(f)]})
            for r in evaluation.obligations
        ]
        findings = [f for f in evaluation.findings if self.keeps(f)]
        kept = evaluation.model_copy(update={"obligations": results, "findings": findings})
        return kept.with_verdicts(evaluation.verdicts)


UNANSWERED_CODES = frozenset({FindingCode.NOT_ASSESSED, FindingCode.UNANSWERED})
"""Findings that say an answer is still to be given (many, early on), not that one is wrong."""


def most_serious_first(findings: Sequence[Finding]) -> list[Finding]:
    """Errors, then warnings, then info; within a level, answers still to be given last.

    So the few findings about answers people gave are on top of a long list of
    obligations not assessed yet; file order is kept otherwise.
    """
    return sorted(findings, key=lambda f: (f.level.rank, f.code in UNANSWERED_CODES))


def _counts(services: Sequence[Evaluation], organisation: str) -> dict[FindingLevel, int]:
    mine = [e for e in services if e.profile.organisation == organisation]
    return {
        level: sum(f.level is level for e in mine for f in e.findings) for level in FindingLevel
    }


E = TypeVar("E", FindingLevel, FindingCode)


def _members(kind: type[E], option: str, words: list[str], problems: list[Problem]) -> list[E]:
    known = {member.value: member for member in kind}
    found: list[E] = []
    for word in (w.strip() for w in words):
        if word in known:
            found.append(known[word])
        else:
            accepted = ", ".join(known)
            message = f"{option} '{word}' is not one of: {accepted}"
            problems.append(Problem(code=ProblemCode.BAD_SELECTION, message=message))
    return found
