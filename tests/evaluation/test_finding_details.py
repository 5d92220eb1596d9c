"""Details of findings that a report, a redacted copy or an editor relies on: whole values."""

from __future__ import annotations

from csea.codes import FindingCode
from csea.evaluation.engine import evaluate
from csea.evaluation.findings import FindingContext, _same_name, undeclared_findings
from csea.models import Applicability, Fact, Force
from csea.models.evaluation import FindingLevel
from tests.conftest import CatalogFactory
from tests.evaluation.factories import (
    AS_OF,
    assessment,
    clean_answers,
    done,
    evidence,
    mini_catalog,
)


def _context() -> FindingContext:
    lines: dict[tuple[str | int, ...], int] = {("profile",): 7, ("answers", "BLOCK-01"): 12}
    return FindingContext(AS_OF, 365, "a.yaml", lambda path: lines.get(tuple(path)))


def _assumed(ob_id: str, force: Force, *facts: Fact) -> Applicability:
    return Applicability(ob_id, True, [], force, [], assumed=True, undeclared=list(facts))


def test_an_undeclared_fact_names_every_obligation_it_decides_and_points_at_the_profile() -> None:
    live, gb = Fact("features", "live_streaming"), Fact("users", "GB")
    verdicts = [
        _assumed("BLOCK-01", Force.GUIDANCE, live),
        _assumed("GROOM-01", Force.LEGAL_DUTY, live, gb),
    ]
    found = undeclared_findings(_context(), verdicts)
    assert [(f.code, f.level, f.obligation_id, f.file, f.line, f.private) for f in found] == [
        (FindingCode.UNDECLARED_FACT, FindingLevel.ERROR, None, "a.yaml", 7, None),
        (FindingCode.UNDECLARED_FACT, FindingLevel.ERROR, None, "a.yaml", 7, None),
    ]
    assert [f.message for f in found] == [
        f"the profile does not declare {live} ({live.how}); until it does, BLOCK-01, GROOM-01 "
        "are assumed to apply",
        f"the profile does not declare {gb} ({gb.how}); until it does, GROOM-01 is assumed to apply",
    ]


def test_a_finding_keeps_the_words_a_redacted_copy_hides() -> None:
    ctx = _context()
    hidden = ctx.finding(FindingCode.STALE_EVIDENCE, "m", "BLOCK-01", private="Board minutes")
    plain = ctx.finding(FindingCode.STALE_EVIDENCE, "m", "BLOCK-01", private="")
    assert (hidden.private, hidden.line, plain.private) == ("Board minutes", 12, None)


def test_labelled_evidence_gives_findings_that_keep_its_title_private(
    make_catalog: CatalogFactory,
) -> None:
    stale = evidence("2020-01-01", title="Board minutes", sensitivity="confidential")
    answers = clean_answers() | {"BLOCK-01": done(evidence=[stale, evidence("2020-01-01")])}
    evaluation = evaluate(mini_catalog(make_catalog), assessment(answers), as_of=AS_OF)
    found = [f for f in evaluation.findings if f.code == FindingCode.STALE_EVIDENCE]
    assert [(f.obligation_id, f.private) for f in found] == [
        ("BLOCK-01", "Board minutes"),
        ("BLOCK-01", None),
    ]


def test_names_match_whatever_their_case_and_spacing() -> None:
    assert _same_name("Head of  Trust and Safety", " head of trust AND safety")
    assert not _same_name("Ann Lee", "Annlee")
