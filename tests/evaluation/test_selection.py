"""Which findings a check looks at (``--only``, ``--code``), and in which order."""

from __future__ import annotations

import pytest

from csea.codes import FindingCode
from csea.errors import InputError
from csea.evaluation.engine import evaluate
from csea.evaluation.portfolio import evaluate_portfolio, every_finding, fails
from csea.evaluation.selection import FindingSelection, most_serious_first
from csea.models import Finding, FindingLevel, Portfolio
from tests.conftest import CatalogFactory
from tests.evaluation.factories import AS_OF, PROFILE, assessment, done, evidence, mini_catalog


def _finding(level: FindingLevel, code: FindingCode, line: int) -> Finding:
    return Finding(code=code, level=level, message="m", line=line)


def test_most_serious_first_then_answers_still_to_give() -> None:
    found = [
        _finding(FindingLevel.WARNING, FindingCode.NOT_ASSESSED, 1),
        _finding(FindingLevel.INFO, FindingCode.DOES_NOT_APPLY, 2),
        _finding(FindingLevel.WARNING, FindingCode.STALE_EVIDENCE, 3),
        _finding(FindingLevel.ERROR, FindingCode.NOT_ASSESSED, 4),
        _finding(FindingLevel.ERROR, FindingCode.OVERDUE, 5),
        _finding(FindingLevel.WARNING, FindingCode.NO_DUE_DATE, 6),
    ]
    assert [f.line for f in most_serious_first(found)] == [5, 4, 3, 6, 1, 2]


@pytest.fixture
def portfolio(make_catalog: CatalogFactory) -> Portfolio:
    """Two services: Pics (a stale piece of evidence, GROOM-01 not assessed) and Chat."""
    catalog = mini_catalog(make_catalog)
    pics = {
        "BLOCK-01": done(evidence=[evidence("2024-01-01")]),
        "BLOCK-02": done(),
        "GROOM-01": {"status": "not_assessed"},
    }
    chat = {"BLOCK-02": done(), "GROOM-01": done(status="planned", due="2026-01-01")}
    evaluations = [
        evaluate(catalog, assessment(pics), as_of=AS_OF),
        evaluate(
            catalog,
            assessment(chat, PROFILE | {"service": "Chat", "features": {"absent": "all others"}}),
            as_of=AS_OF,
        ),
    ]
    return evaluate_portfolio(catalog, evaluations)


def _codes(portfolio: Portfolio) -> list[tuple[str, str]]:
    return [(e.profile.service, f.code) for e in portfolio.evaluations for f in e.findings]


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (
            FindingSelection(),
            [
                ("Pics", "stale-evidence"),
                ("Pics", "not-assessed"),
                ("Chat", "overdue"),
            ],
        ),
        (FindingSelection(levels=frozenset({FindingLevel.ERROR})), []),
        (
            FindingSelection(codes=frozenset({FindingCode.OVERDUE, FindingCode.NOT_ASSESSED})),
            [("Pics", "not-assessed"), ("Chat", "overdue")],
        ),
    ],
    ids=["everything", "errors-only", "two-codes"],
)
def test_a_selection_keeps_findings_everywhere(
    portfolio: Portfolio, selection: FindingSelection, expected: list[tuple[str, str]]
) -> None:
    kept = selection.apply(portfolio)
    in_results = [
        (e.profile.service, f.code)
        for e in kept.evaluations
        for r in e.obligations
        for f in r.findings
    ]
    counts = {o.organisation: o.findings[FindingLevel.WARNING] for o in kept.organisations}
    assert (_codes(kept), sorted(in_results), counts) == (
        expected,
        sorted(expected),
        {"Example Ltd": len(expected)},
    )


def test_a_selection_keeps_the_verdicts(portfolio: Portfolio) -> None:
    kept = FindingSelection(levels=frozenset({FindingLevel.INFO})).apply(portfolio)
    assert [len(e.verdicts) for e in kept.evaluations] == [
        len(e.verdicts) for e in portfolio.evaluations
    ]


def test_the_verdict_counts_only_what_is_kept(portfolio: Portfolio) -> None:
    warnings = fails(portfolio, FindingLevel.WARNING)
    kept = FindingSelection(codes=frozenset({FindingCode.DOES_NOT_APPLY})).apply(portfolio)
    assert (warnings, fails(kept, FindingLevel.WARNING), every_finding(kept)) == (True, False, [])


def test_parse_reads_what_people_type() -> None:
    assert FindingSelection.parse("error, warning", ["overdue"]) == FindingSelection(
        frozenset({FindingLevel.ERROR, FindingLevel.WARNING}), frozenset({FindingCode.OVERDUE})
    )
    assert FindingSelection.parse(None, []) == FindingSelection()


def test_parse_lists_every_unknown_word() -> None:
    with pytest.raises(InputError) as caught:
        FindingSelection.parse("errors", ["overdue", "late"])
    assert [p.message.split(":")[0] for p in caught.value.problems] == [
        "--only 'errors' is not one of",
        "--code 'late' is not one of",
    ]
