"""``csea check`` views: findings, one line per service, one per organisation.

Whether the check fails (and ``csea check`` exits 1) is decided by the evaluation
([fails][csea.evaluation.portfolio.fails]); this module only shows it.
"""

from __future__ import annotations

from typing import Any

from csea.evaluation.portfolio import every_finding, failing, fails
from csea.evaluation.selection import UNANSWERED_CODES, most_serious_first
from csea.fileio import dumps_json
from csea.models import Evaluation, Finding, FindingLevel, OrganisationRollup, Portfolio
from csea.render.tabular import Cell, Tabular, to_rich
from csea.render.view import CheckFormat, JunitGaps, Part, View

__all__ = ["CheckView"]


def level_counts(findings: list[Finding]) -> dict[str, int]:
    """How many findings there are at each level (every level present)."""
    return {level.value: sum(1 for f in findings if f.level is level) for level in FindingLevel}


def _where(finding: Finding) -> str | None:
    if finding.file is None:
        return None
    return f"{finding.file}:{finding.line}" if finding.line is not None else finding.file


class CheckView(View[CheckFormat]):
    """What ``csea check`` found: findings, scores, and the verdict at ``--fail-on``.

    Every format shows the same findings: the table's rows, the JSON's findings, the
    JUnit failures of finding codes and the SARIF results are one for one.
    """

    def __init__(
        self, portfolio: Portfolio, fail_on: FindingLevel, gaps: JunitGaps = JunitGaps.SKIPPED
    ) -> None:
        self.portfolio = portfolio
        self.fail_on = fail_on
        self.gaps = gaps

    def render(self, fmt: CheckFormat) -> list[Part]:
        """The findings table (when there are findings) and a summary, JSON, JUnit or SARIF."""
        match fmt:
            case CheckFormat.JSON:
                return [dumps_json(check_json(self.portfolio, self.fail_on))]
            case CheckFormat.JUNIT:
                # Imported here: only these formats need them (faster start for the table).
                from csea.render.junit import check_suites, render_junit_suites  # noqa: PLC0415

                return [render_junit_suites(check_suites(self.portfolio), self.gaps)]
            case CheckFormat.SARIF:
                from csea.render.sarif import render_sarif  # noqa: PLC0415

                return [render_sarif(self.portfolio)]
            case CheckFormat.TABLE:
                found = every_finding(self.portfolio)
                table = [to_rich(findings_table(self.portfolio))] if found else []
                return [*table, check_summary(self.portfolio, self.fail_on)]


def findings_table(portfolio: Portfolio) -> Tabular:
    """Every finding of every service, most serious first (in file order within a level)."""
    rows: list[dict[str, Cell]] = [
        {"where": _where(f), "level": f.level.value, "code": f.code, "message": f.message}
        for f in most_serious_first(every_finding(portfolio))
    ]
    return Tabular(
        title=f"Findings as of {portfolio.as_of.isoformat()}: {len(rows)}{_unanswered(portfolio)}",
        columns=[("where", "Where"), ("level", "Level"), ("code", "Code"), ("message", "Message")],
        rows=rows,
    )


def _unanswered(portfolio: Portfolio) -> str:
    waiting = sum(f.code in UNANSWERED_CODES for f in every_finding(portfolio))
    return (
        f" ({waiting} of them answers still to give, listed last at each level)" if waiting else ""
    )


def _score(value: float | None) -> str:
    return "none" if value is None else f"{value:g}"


def _levels(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {level}" for level, n in counts.items())


def _named(counts: dict[FindingLevel, int]) -> dict[str, int]:
    return {level.value: n for level, n in counts.items()}


def service_line(e: Evaluation) -> str:
    """One line for a service: score, percent-to-target, gaps, unmet legal duties, findings."""
    where = f" [{e.assessment_file}]" if e.assessment_file else ""
    return (
        f"{e.profile.service} ({e.profile.organisation}){where}: score {_score(e.total.score)}, "
        f"{_score(e.total.to_target)} to target; {len(e.obligations)} applicable, "
        f"{len(e.gaps)} gap(s), {e.total.legal_duties_unmet} legal duty(ies) unmet; "
        f"{_levels(level_counts(e.findings))}"
    )


def organisation_line(org: OrganisationRollup) -> str:
    """One line for an organisation: its services rolled up (each service-obligation pair once)."""
    return (
        f"{org.organisation} ({len(org.services)} service(s)): score {_score(org.total.score)}, "
        f"{_score(org.total.to_target)} to target; {len(org.total.obligation_ids)} "
        f"service-obligation(s), {org.total.legal_duties_unmet} legal duty(ies) unmet; "
        f"{_levels(_named(org.findings))}"
    )


def check_summary(portfolio: Portfolio, fail_on: FindingLevel) -> str:
    """The plain-text summary under the findings table, one line each.

    A line per service, a line per organisation when there are several services, then
    the finding counts and whether the check fails at ``fail_on``.
    """
    lines = [service_line(evaluation) for evaluation in portfolio.evaluations]
    if len(portfolio.evaluations) > 1:
        lines += [organisation_line(organisation) for organisation in portfolio.organisations]
    every = every_finding(portfolio)
    verdict = "fails" if failing(every, fail_on) else "passes"
    lines.append(f"{_levels(level_counts(every))}; {verdict} at --fail-on {fail_on.value}")
    return "".join(f"{line}\n" for line in lines)


def check_json(portfolio: Portfolio, fail_on: FindingLevel) -> dict[str, Any]:
    """The whole check as a JSON-ready mapping: per service, then per organisation."""
    return {
        "catalog": {"id": portfolio.catalog_id, "version": portfolio.catalog_version},
        "as_of": portfolio.as_of.isoformat(),
        "fail_on": fail_on.value,
        "failed": fails(portfolio, fail_on),
        "services": [_service_json(e) for e in portfolio.evaluations],
        "organisations": [
            {
                "organisation": org.organisation,
                "services": org.services,
                "total": org.total.model_dump(mode="json"),
                "findings": _named(org.findings),
            }
            for org in portfolio.organisations
        ],
    }


def _service_json(e: Evaluation) -> dict[str, Any]:
    return {
        "organisation": e.profile.organisation,
        "service": e.profile.service,
        "file": e.assessment_file,
        "score": e.total.score,
        "to_target": e.total.to_target,
        "legal_duties_unmet": e.total.legal_duties_unmet,
        "counts": {status.value: n for status, n in e.total.counts.items()},
        "finding_counts": level_counts(e.findings),
        "findings": [f.model_dump(mode="json") for f in e.findings],
    }
