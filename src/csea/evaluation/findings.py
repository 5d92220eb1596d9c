"""Findings: what in an assessment needs attention, one small rule at a time.

A finding is an **error** when a legal duty is affected or the file is inconsistent
(it contradicts itself, the catalogue, or the rules of the assessment format), a
**warning** when it needs attention but nothing binding is at stake, and **info** when
it is only worth knowing. "Escalates" means: error when the obligation is a legal
duty for the service, warning otherwise. Each code's level is declared once, with the
code, in [FindingCode][csea.codes.FindingCode]; the [code reference][csea.codes] lists
them all, and the table below.

Each answer of an applicable obligation goes through ``ANSWER_RULES``: small functions
that take the ``Answered`` obligation and yield findings, each registered with the codes
it may emit. To add a finding, declare its code
in [csea.codes][] and register a rule here.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from csea.assessment.record import AnswerChanges
from csea.codes import FindingCode, RuleSet
from csea.evaluation.scoring import indicator_results, is_justified
from csea.models import (
    Answer,
    Applicability,
    Catalog,
    Fact,
    Finding,
    FindingLevel,
    Force,
    Obligation,
    Status,
)

__all__ = [
    "ANSWER_RULES",
    "Answered",
    "FindingContext",
    "Locate",
    "answer_findings",
    "stray_findings",
    "undeclared_findings",
]

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
    changes: AnswerChanges | None = None
    """When each answer last changed, from git (None: not known)."""

    def finding(
        self,
        code: FindingCode,
        message: str,
        ob_id: str | None,
        *loc: str | int,
        legal_duty: bool = False,
        private: str | None = None,
    ) -> Finding:
        """A finding about ``ob_id``, located at ``answers.<ob_id>.<loc...>`` (or ``loc``).

        Its level is the code's (an escalating code is an error on a legal duty). Parts of
        the path missing from the file are skipped, so a missing answer points at ``answers``.
        ``private`` is the text of the message that ``--redact`` hides (see ``Finding``).
        """
        path: list[str | int] = ["answers", ob_id, *loc] if ob_id else list(loc)
        return Finding(
            code=code,
            level=FindingLevel(code.level_for(legal_duty=legal_duty)),
            message=message,
            obligation_id=ob_id,
            file=self.file,
            line=self.locate(path) if self.locate else None,
            private=private or None,
        )


@dataclass(frozen=True)
class Answered:
    """The answer of an applicable obligation, with what a rule needs to judge it."""

    ctx: FindingContext
    """The date, the evidence age limit, the file."""
    obligation: Obligation
    """The obligation."""
    force: Force | None
    """Its force for the service."""
    answer: Answer
    """The team's answer."""

    @property
    def id(self) -> str:
        """The obligation id."""
        return self.obligation.id

    @property
    def legal(self) -> bool:
        """Whether it is a legal duty for the service."""
        return self.force is Force.LEGAL_DUTY

    def named(self) -> str:
        """The id, with "(a legal duty for this service)" when it is one, for messages."""
        return f"{self.id} (a legal duty for this service)" if self.legal else self.id

    def finding(
        self, code: FindingCode, message: str, *loc: str | int, private: str | None = None
    ) -> Finding:
        """A finding about this answer, at ``answers.<id>.<loc...>``."""
        return self.ctx.finding(
            code, message, self.id, *loc, legal_duty=self.legal, private=private
        )


ANSWER_RULES: RuleSet[Answered, Finding] = RuleSet()
"""The rules every answer of an applicable obligation goes through, in order."""


def answer_findings(
    ctx: FindingContext, obligation: Obligation, force: Force | None, answer: Answer | None
) -> list[Finding]:
    """Every finding about one applicable obligation's answer (or its absence)."""
    if answer is not None:
        return ANSWER_RULES.run(Answered(ctx, obligation, force, answer))
    legal = force is Force.LEGAL_DUTY
    named = f"{obligation.id} (a legal duty for this service)" if legal else obligation.id
    message = (
        f"{named} applies to this service but has no answer; "
        "run 'csea init' on the assessment to add it, then fill it in"
    )
    return [ctx.finding(FindingCode.UNANSWERED, message, obligation.id, legal_duty=legal)]


@ANSWER_RULES.rule(FindingCode.NOT_ASSESSED)
def not_assessed(it: Answered) -> Iterator[Finding]:
    """An answer still ``not_assessed`` gets no credit."""
    if it.answer.status is Status.NOT_ASSESSED:
        message = f"{it.named()} is not assessed yet; it gets no credit until it is"
        yield it.finding(FindingCode.NOT_ASSESSED, message, "status")


@ANSWER_RULES.rule(FindingCode.MISSING_EVIDENCE)
def missing_evidence(it: Answered) -> Iterator[Finding]:
    """``implemented`` or ``partial`` needs evidence."""
    if it.answer.status in (Status.IMPLEMENTED, Status.PARTIAL) and not it.answer.evidence:
        message = (
            f"{it.id} is {it.answer.status.value} but lists no evidence; "
            "add a reference (title, url or path, collected date)"
        )
        yield it.finding(FindingCode.MISSING_EVIDENCE, message, "status")


def _days_before(day: dt.date, days: int) -> dt.date:
    """The date ``days`` before ``day``; the first date there is when that is before it."""
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min


@ANSWER_RULES.rule(
    FindingCode.EXPIRED_EVIDENCE, FindingCode.STALE_EVIDENCE, FindingCode.FUTURE_EVIDENCE
)
def evidence_dates(it: Answered) -> Iterator[Finding]:
    """Evidence past its expiry, collected too long ago, or dated after the as-of date."""
    ctx = it.ctx
    oldest = _days_before(ctx.as_of, ctx.max_evidence_age_days)
    for index, item in enumerate(it.answer.evidence):
        named = f"evidence '{item.title}' for {it.id}"
        at = ("evidence", index)
        private = item.title if item.sensitivity is not None else None
        if item.expires is not None and item.expires < ctx.as_of:
            message = f"{named} expired on {item.expires.isoformat()}; renew it or replace it"
            yield it.finding(FindingCode.EXPIRED_EVIDENCE, message, *at, private=private)
        elif item.collected < oldest:
            message = (
                f"{named} was collected on {item.collected.isoformat()}, more than "
                f"{ctx.max_evidence_age_days} days before {ctx.as_of.isoformat()}; check it again"
            )
            yield it.finding(FindingCode.STALE_EVIDENCE, message, *at, private=private)
        elif item.collected > ctx.as_of:
            message = (
                f"{named} is dated {item.collected.isoformat()}, after {ctx.as_of.isoformat()}"
            )
            yield it.finding(FindingCode.FUTURE_EVIDENCE, message, *at, private=private)


@ANSWER_RULES.rule(FindingCode.NA_WITHOUT_JUSTIFICATION, FindingCode.NA_ON_LEGAL_DUTY)
def not_applicable(it: Answered) -> Iterator[Finding]:
    """``not_applicable`` needs a justification, and is wrong on a legal duty."""
    if it.answer.status is not Status.NOT_APPLICABLE:
        return
    if not is_justified(it.answer):
        message = (
            f"{it.id} is marked not_applicable without a justification; say why "
            "(until then it counts as 0 in the score)"
        )
        yield it.finding(FindingCode.NA_WITHOUT_JUSTIFICATION, message)
    if it.legal:
        message = (
            f"{it.id} is a legal duty for this service (a provision in force makes it one) but "
            "is marked not_applicable; fix the profile if the service is out of scope, "
            "or assess it"
        )
        yield it.finding(FindingCode.NA_ON_LEGAL_DUTY, message, "status")


@ANSWER_RULES.rule(FindingCode.NO_DUE_DATE, FindingCode.OVERDUE)
def plans(it: Answered) -> Iterator[Finding]:
    """``planned`` or ``partial`` needs a due date, and one that has not passed."""
    answer = it.answer
    if answer.status not in (Status.PLANNED, Status.PARTIAL):
        return
    if answer.due is None:
        message = f"{it.id} is {answer.status.value} but has no due date; add 'due'"
        yield it.finding(FindingCode.NO_DUE_DATE, message, "status")
    elif answer.due < it.ctx.as_of:
        message = (
            f"{it.named()} was due on {answer.due.isoformat()} and is still "
            f"{answer.status.value}; update the status or the plan"
        )
        yield it.finding(FindingCode.OVERDUE, message, "due")


@ANSWER_RULES.rule(FindingCode.RISK_NOT_ACCEPTED)
def accepted_risk(it: Answered) -> Iterator[Finding]:
    """``not_implemented`` needs someone who accepted the risk."""
    if it.answer.status is Status.NOT_IMPLEMENTED and not (it.answer.accepted_by or "").strip():
        message = (
            f"{it.named()} is not_implemented and nobody has accepted the risk; "
            "plan it (status planned, due) or record who accepted it ('accepted_by')"
        )
        yield it.finding(FindingCode.RISK_NOT_ACCEPTED, message, "status")


@ANSWER_RULES.rule(FindingCode.NEEDS_REVIEW)
def review(it: Answered) -> Iterator[Finding]:
    """A ``review`` flag (set by ``init`` or ``migrate``) waits for a person."""
    flag = it.answer.review
    if flag is not None:
        message = (
            f"{it.id} needs a re-review ({flag.reason.value}, raised {flag.raised.isoformat()}): "
            f"{flag.note.strip()}; delete 'review' once done"
        )
        yield it.finding(FindingCode.NEEDS_REVIEW, message, "review", private=flag.note.strip())


@ANSWER_RULES.rule(FindingCode.SELF_REVIEW, FindingCode.CHANGED_AFTER_REVIEW)
def reviewed(it: Answered) -> Iterator[Finding]:
    """A reviewer who is the owner, and an answer changed after its review."""
    answer = it.answer
    if answer.reviewed_by is None or answer.reviewed_on is None:
        return
    if answer.owner is not None and _same_name(answer.owner, answer.reviewed_by):
        message = (
            f"{it.id} was reviewed by its owner ({answer.owner}); "
            "ask someone who does not own it to review it"
        )
        yield it.finding(FindingCode.SELF_REVIEW, message, "reviewed_by")
    change = it.ctx.changes.last.get(it.id) if it.ctx.changes else None
    if change is not None and change.on > answer.reviewed_on:
        when = (
            f"in commit {change.commit} on {change.on}"
            if change.commit
            else "in changes not committed yet"
        )
        message = (
            f"{it.named()} changed {when}, after {answer.reviewed_by} reviewed it on "
            f"{answer.reviewed_on.isoformat()}; have it reviewed again and update 'reviewed_on'"
        )
        yield it.finding(FindingCode.CHANGED_AFTER_REVIEW, message, "reviewed_on")


def _same_name(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


@ANSWER_RULES.rule(FindingCode.UNKNOWN_INDICATOR, FindingCode.INDICATOR_OFF_TARGET)
def indicators(it: Answered) -> Iterator[Finding]:
    """Indicator values for ids the obligation lacks, or off a target a source sets."""
    known = [i.id for i in it.obligation.indicators]
    for index, result in enumerate(indicator_results(it.obligation, it.answer)):
        if result.name is None:
            expected = ", ".join(known) if known else "none"
            message = f"{it.id} has no indicator '{result.id}' (it defines: {expected})"
            yield it.finding(FindingCode.UNKNOWN_INDICATOR, message, "indicators", index)
        elif result.met is False:
            message = (
                f"{it.id} indicator '{result.id}' is {result.value:g} {result.unit} for "
                f"{result.period}; {result.target_source} sets a target of {result.target:g}"
            )
            yield it.finding(FindingCode.INDICATOR_OFF_TARGET, message, "indicators", index)


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
            found.append(ctx.finding(FindingCode.DOES_NOT_APPLY, message, ob_id))
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
        return ctx.finding(FindingCode.RETIRED_OBLIGATION, message, ob_id)
    close = difflib.get_close_matches(ob_id, [o.id for o in catalog.obligations])
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    message = f"{ob_id} is not an obligation in catalogue {catalog.version}{hint}"
    return ctx.finding(FindingCode.UNKNOWN_OBLIGATION, message, ob_id)


def undeclared_findings(ctx: FindingContext, verdicts: Sequence[Applicability]) -> list[Finding]:
    """One finding per fact the profile does not declare, naming the obligations it decides.

    Those obligations are assumed to apply (fail closed) until the profile declares the fact;
    the finding escalates when one of them would be a legal duty.
    """
    decides: dict[Fact, list[Applicability]] = defaultdict(list)
    for verdict in verdicts:
        for fact in verdict.undeclared:
            decides[fact].append(verdict)
    found = []
    for fact, deciding in sorted(decides.items()):
        ids = ", ".join(v.obligation_id for v in deciding)
        message = (
            f"the profile does not declare {fact} ({fact.how}); until it does, {ids} "
            f"{'is' if len(deciding) == 1 else 'are'} assumed to apply"
        )
        legal = any(v.force is Force.LEGAL_DUTY for v in deciding)
        found.append(
            ctx.finding(FindingCode.UNDECLARED_FACT, message, None, "profile", legal_duty=legal)
        )
    return found
