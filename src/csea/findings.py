"""Findings: what in an assessment needs attention, one small rule at a time.

A finding is an **error** when a legal duty is affected or the file is inconsistent
(it contradicts itself, the catalogue, or the rules of the assessment format), a
**warning** when it needs attention but nothing binding is at stake, and **info** when
it is only worth knowing. "Escalates" means: error when the obligation is a legal
duty for the service, warning otherwise.

| code | level | when |
|---|---|---|
| `catalog-version` | error | the assessment names another catalogue or version (run `csea migrate`) |
| `unanswered` | escalates | an applicable obligation has no answer (run `csea init` to add it) |
| `not-assessed` | escalates | an applicable obligation is answered `not_assessed` |
| `missing-evidence` | escalates | `implemented` or `partial` with no evidence |
| `expired-evidence` | escalates | a piece of evidence is past its `expires` date |
| `stale-evidence` | warning | evidence `collected` more than the maximum age (default 365 days) ago |
| `future-evidence` | warning | evidence `collected` after the as-of date |
| `na-without-justification` | error | `not_applicable` with no `justification` |
| `na-on-legal-duty` | error | `not_applicable` on an obligation that is a legal duty for the service |
| `overdue` | escalates | `planned` or `partial` whose `due` date has passed |
| `no-due-date` | warning | `planned` or `partial` with no `due` date |
| `risk-not-accepted` | escalates | `not_implemented` with no `accepted_by` |
| `needs-review` | warning | the answer carries a `review` flag (set by `init` or `migrate`) |
| `unknown-indicator` | warning | an indicator value for an id the obligation does not define |
| `indicator-off-target` | warning | an indicator value misses the target a cited source sets |
| `unknown-obligation` | error | an answer for an id the catalogue does not know |
| `retired-obligation` | warning | an answer for an id the change log retired, split or merged (run `csea migrate`) |
| `does-not-apply` | info | an answer for an obligation that does not apply to this service |
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from csea.applicability import Applicability
from csea.models import Answer, Catalog, Obligation, Status
from csea.models.evaluation import Finding, FindingLevel
from csea.models.vocabulary import Force
from csea.scoring import indicator_results, is_justified

__all__ = ["FindingContext", "Locate", "Subject", "answer_findings", "stray_findings"]

Locate = Callable[[Sequence[str | int]], int | None]
"""Gives the 1-based line of a path in the assessment file (``["answers", "BLOCK-01", "due"]``)."""


@dataclass(frozen=True)
class FindingContext:
    """What every rule needs besides the answer: the date, the evidence age limit, the file."""

    as_of: dt.date
    """The date evidence age and due dates are judged on."""
    max_evidence_age_days: int
    """Evidence collected longer ago than this is stale."""
    file: str | None = None
    """The assessment file, as the user named it."""
    locate: Locate | None = None
    """Line lookup in the assessment file (None: lines are not known)."""

    def finding(
        self, code: str, level: FindingLevel, message: str, ob_id: str | None, *loc: str | int
    ) -> Finding:
        """A finding about ``ob_id``, located at ``answers.<ob_id>.<loc...>`` (or ``loc``).

        Parts of the path missing from the file are skipped, so a missing answer points
        at ``answers``.
        """
        path: list[str | int] = ["answers", ob_id, *loc] if ob_id else list(loc)
        return Finding(
            code=code,
            level=level,
            message=message,
            obligation_id=ob_id,
            file=self.file,
            line=self.locate(path) if self.locate else None,
        )


@dataclass(frozen=True)
class Subject:
    """The applicable obligation a rule looks at, with its force for the service."""

    obligation: Obligation
    """The obligation."""
    force: Force | None
    """Its force for the service."""

    @property
    def id(self) -> str:
        """The obligation id."""
        return self.obligation.id

    @property
    def legal(self) -> bool:
        """Whether it is a legal duty for the service."""
        return self.force is Force.LEGAL_DUTY

    def escalated(self) -> FindingLevel:
        """Error for a legal duty, warning otherwise."""
        return FindingLevel.ERROR if self.legal else FindingLevel.WARNING

    def named(self) -> str:
        """The id, with "(a legal duty for this service)" when it is one, for messages."""
        return f"{self.id} (a legal duty for this service)" if self.legal else self.id


Rule = Callable[[FindingContext, Subject, Answer], list[Finding]]


def answer_findings(ctx: FindingContext, subject: Subject, answer: Answer | None) -> list[Finding]:
    """Every finding about one applicable obligation's answer (or its absence)."""
    if answer is None:
        message = (
            f"{subject.named()} applies to this service but has no answer; "
            "run 'csea init' on the assessment to add it, then fill it in"
        )
        return [ctx.finding("unanswered", subject.escalated(), message, subject.id)]
    rules: tuple[Rule, ...] = (
        _not_assessed,
        _missing_evidence,
        _evidence_dates,
        _not_applicable,
        _plans,
        _accepted_risk,
        _review,
        _indicators,
    )
    return [finding for rule in rules for finding in rule(ctx, subject, answer)]


def _not_assessed(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    if answer.status is not Status.NOT_ASSESSED:
        return []
    message = f"{subject.named()} is not assessed yet; it gets no credit until it is"
    return [ctx.finding("not-assessed", subject.escalated(), message, subject.id, "status")]


def _missing_evidence(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    if answer.status not in (Status.IMPLEMENTED, Status.PARTIAL) or answer.evidence:
        return []
    message = (
        f"{subject.id} is {answer.status.value} but lists no evidence; "
        "add a reference (title, url or path, collected date)"
    )
    return [ctx.finding("missing-evidence", subject.escalated(), message, subject.id, "status")]


def _evidence_dates(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    found: list[Finding] = []
    oldest = ctx.as_of - dt.timedelta(days=ctx.max_evidence_age_days)
    for index, item in enumerate(answer.evidence):
        where = ("evidence", index)
        named = f"evidence '{item.title}' for {subject.id}"
        if item.expires is not None and item.expires < ctx.as_of:
            message = f"{named} expired on {item.expires.isoformat()}; renew it or replace it"
            found.append(
                ctx.finding("expired-evidence", subject.escalated(), message, subject.id, *where)
            )
        elif item.collected < oldest:
            message = (
                f"{named} was collected on {item.collected.isoformat()}, more than "
                f"{ctx.max_evidence_age_days} days before {ctx.as_of.isoformat()}; check it again"
            )
            found.append(
                ctx.finding("stale-evidence", FindingLevel.WARNING, message, subject.id, *where)
            )
        elif item.collected > ctx.as_of:
            message = (
                f"{named} is dated {item.collected.isoformat()}, after {ctx.as_of.isoformat()}"
            )
            found.append(
                ctx.finding("future-evidence", FindingLevel.WARNING, message, subject.id, *where)
            )
    return found


def _not_applicable(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    if answer.status is not Status.NOT_APPLICABLE:
        return []
    found: list[Finding] = []
    if not is_justified(answer):
        message = (
            f"{subject.id} is marked not_applicable without a justification; say why "
            "(until then it counts as 0 in the score)"
        )
        found.append(
            ctx.finding("na-without-justification", FindingLevel.ERROR, message, subject.id)
        )
    if subject.legal:
        message = (
            f"{subject.id} is a legal duty for this service (a citation in force binds it) but "
            "is marked not_applicable; fix the profile if the service is out of scope, "
            "or assess it"
        )
        found.append(
            ctx.finding("na-on-legal-duty", FindingLevel.ERROR, message, subject.id, "status")
        )
    return found


def _plans(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    if answer.status not in (Status.PLANNED, Status.PARTIAL):
        return []
    if answer.due is None:
        message = f"{subject.id} is {answer.status.value} but has no due date; add 'due'"
        return [ctx.finding("no-due-date", FindingLevel.WARNING, message, subject.id, "status")]
    if answer.due >= ctx.as_of:
        return []
    message = (
        f"{subject.named()} was due on {answer.due.isoformat()} and is still "
        f"{answer.status.value}; update the status or the plan"
    )
    return [ctx.finding("overdue", subject.escalated(), message, subject.id, "due")]


def _accepted_risk(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    if answer.status is not Status.NOT_IMPLEMENTED or (answer.accepted_by or "").strip():
        return []
    message = (
        f"{subject.named()} is not_implemented and nobody has accepted the risk; "
        "plan it (status planned, due) or record who accepted it ('accepted_by')"
    )
    return [ctx.finding("risk-not-accepted", subject.escalated(), message, subject.id, "status")]


def _review(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    if answer.review is None:
        return []
    flag = answer.review
    message = (
        f"{subject.id} needs a re-review ({flag.reason.value}, raised {flag.raised.isoformat()}): "
        f"{flag.note.strip()}; delete 'review' once done"
    )
    return [ctx.finding("needs-review", FindingLevel.WARNING, message, subject.id, "review")]


def _indicators(ctx: FindingContext, subject: Subject, answer: Answer) -> list[Finding]:
    known = [i.id for i in subject.obligation.indicators]
    found: list[Finding] = []
    for index, result in enumerate(indicator_results(subject.obligation, answer)):
        where = ("indicators", index)
        if result.name is None:
            expected = ", ".join(known) if known else "none"
            message = f"{subject.id} has no indicator '{result.id}' (it defines: {expected})"
            found.append(
                ctx.finding("unknown-indicator", FindingLevel.WARNING, message, subject.id, *where)
            )
        elif result.met is False:
            message = (
                f"{subject.id} indicator '{result.id}' is {result.value:g} {result.unit} for "
                f"{result.period}; {result.target_source} sets a target of {result.target:g}"
            )
            found.append(
                ctx.finding(
                    "indicator-off-target", FindingLevel.WARNING, message, subject.id, *where
                )
            )
    return found


def stray_findings(
    ctx: FindingContext,
    catalog: Catalog,
    answered: Sequence[str],
    verdicts: Mapping[str, Applicability],
) -> list[Finding]:
    """Findings about answers for obligations that are not applicable, retired or unknown.

    ``verdicts`` maps every catalogue id to whether (and why) it applies.
    """
    found: list[Finding] = []
    for ob_id in answered:
        verdict = verdicts.get(ob_id)
        if verdict is None:
            found.append(_gone_or_unknown(ctx, catalog, ob_id))
        elif not verdict.applies:
            reasons = "; ".join(verdict.reasons) or "its conditions do not hold"
            message = (
                f"{ob_id} does not apply to this service ({reasons}); its answer is kept "
                "but not scored"
            )
            found.append(ctx.finding("does-not-apply", FindingLevel.INFO, message, ob_id))
    return found


def _gone_or_unknown(ctx: FindingContext, catalog: Catalog, ob_id: str) -> Finding:
    change = next((c for c in reversed(catalog.header.changes) if ob_id in c.ids), None)
    if change is not None and ob_id in catalog.retired_ids():
        into = f" into {', '.join(change.into)}" if change.into else ""
        message = (
            f"{ob_id} was {change.kind.value}{into} in catalogue {change.version} "
            f"({change.reason.strip()}); run 'csea migrate {ctx.file or 'ASSESSMENT'}' "
            "to carry the answer forward"
        )
        return ctx.finding("retired-obligation", FindingLevel.WARNING, message, ob_id)
    close = difflib.get_close_matches(ob_id, [o.id for o in catalog.obligations], n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    message = f"{ob_id} is not an obligation in catalogue {catalog.version}{hint}"
    return ctx.finding("unknown-obligation", FindingLevel.ERROR, message, ob_id)
