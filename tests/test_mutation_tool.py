"""tools/mutation.py: the score per module and the gate on mutmut's results."""

from __future__ import annotations

import datetime as dt

import pytest

from tools.mutation import explained, failures, module_name, module_of, parse_results, table

RESULTS = """\
    csea.evaluation.gaps.x_rank_gaps__mutmut_1: killed
    csea.evaluation.gaps.x_rank_gaps__mutmut_2: survived
    csea.evaluation.gaps.x_worst__mutmut_1: timeout
    csea.evaluation.gaps.x_worst__mutmut_2: killed
    csea.catalog.conditions.xǁTraceǁdeciding__mutmut_1: no tests
    csea.catalog.conditions.x__users__mutmut_4: killed
"""


@pytest.mark.parametrize(
    ("mutant", "module"),
    [
        ("csea.evaluation.gaps.x_rank_gaps__mutmut_11", "csea.evaluation.gaps"),
        ("csea.catalog.conditions.xǁTraceǁdeciding__mutmut_1", "csea.catalog.conditions"),
        ("csea.catalog.conditions.x__users__mutmut_4", "csea.catalog.conditions"),
    ],
    ids=["function", "method", "private-function"],
)
def test_module_of_a_mutant(mutant: str, module: str) -> None:
    assert module_of(mutant) == module


@pytest.mark.parametrize(
    ("argument", "module"),
    [
        ("csea.evaluation.gaps", "csea.evaluation.gaps"),
        ("src/csea/evaluation/gaps.py", "csea.evaluation.gaps"),
    ],
    ids=["dotted", "path"],
)
def test_modules_are_named_either_way(argument: str, module: str) -> None:
    assert module_name(argument) == module


def test_results_are_read_per_mutant() -> None:
    assert parse_results("Some spinner noise\n" + RESULTS) == {
        "csea.evaluation.gaps.x_rank_gaps__mutmut_1": "killed",
        "csea.evaluation.gaps.x_rank_gaps__mutmut_2": "survived",
        "csea.evaluation.gaps.x_worst__mutmut_1": "timeout",
        "csea.evaluation.gaps.x_worst__mutmut_2": "killed",
        "csea.catalog.conditions.xǁTraceǁdeciding__mutmut_1": "no tests",
        "csea.catalog.conditions.x__users__mutmut_4": "killed",
    }


def test_the_table_counts_a_timeout_as_killed_and_no_tests_as_not() -> None:
    assert table(parse_results(RESULTS), None, dt.date(2026, 12, 1)) == [
        "Mutation score on 2026-12-01 (target 90%):",
        "",
        "| module | mutants | killed | survived | no tests | score |",
        "|---|---:|---:|---:|---:|---:|",
        "| `csea.catalog.conditions` | 2 | 1 | 0 | 1 | 50.0% |",
        "| `csea.evaluation.gaps` | 4 | 3 | 1 | 0 | 75.0% |",
    ]


@pytest.mark.parametrize(
    ("modules", "known", "expected"),
    [
        (
            None,
            set(),
            [
                "csea.catalog.conditions scores 50.0%, under the 90% target",
                "csea.evaluation.gaps scores 75.0%, under the 90% target",
                "csea.catalog.conditions.xǁTraceǁdeciding__mutmut_1 no tests, not listed as "
                "equivalent in docs/contributing/mutation.md "
                "(see: mutmut show csea.catalog.conditions.xǁTraceǁdeciding__mutmut_1)",
                "csea.evaluation.gaps.x_rank_gaps__mutmut_2 survived, not listed as equivalent "
                "in docs/contributing/mutation.md "
                "(see: mutmut show csea.evaluation.gaps.x_rank_gaps__mutmut_2)",
            ],
        ),
        (
            ["csea.evaluation.gaps"],
            {"csea.evaluation.gaps.x_rank_gaps__mutmut_2"},
            ["csea.evaluation.gaps scores 75.0%, under the 90% target"],
        ),
    ],
    ids=["everything", "one-module-survivor-explained"],
)
def test_the_gate_names_low_scores_and_unexplained_survivors(
    modules: list[str] | None, known: set[str], expected: list[str]
) -> None:
    assert failures(parse_results(RESULTS), modules, known) == expected


@pytest.mark.parametrize(
    ("page", "names"),
    [
        (
            "## Survivors no test can kill\n\n"
            "| `csea.evaluation.gaps.x_rank_gaps__mutmut_2` | `<` for `<=`: equal ranks tie |\n"
            "Run `make mutation` and read `mutants/`.\n",
            {"csea.evaluation.gaps.x_rank_gaps__mutmut_2"},
        ),
        (
            "# Mutation testing\n\n"
            "`csea.evaluation.gaps.x_rank_gaps__mutmut_1` is an example of a name.\n\n"
            "## Survivors no test can kill\n\n"
            "| `csea.evaluation.gaps.x_rank_gaps__mutmut_2` | equal ranks tie |\n\n"
            "### How to list one\n\n"
            "| `csea.evaluation.gaps.x_rank_gaps__mutmut_3` | a subsection still counts |\n\n"
            "## Next section\n\n"
            "`csea.evaluation.gaps.x_rank_gaps__mutmut_4` is not explained here.\n",
            {
                "csea.evaluation.gaps.x_rank_gaps__mutmut_2",
                "csea.evaluation.gaps.x_rank_gaps__mutmut_3",
            },
        ),
        (
            "## Score\n\n`csea.evaluation.gaps.x_rank_gaps__mutmut_2` survived.\n",
            set(),
        ),
    ],
    ids=["the-section", "only-the-section", "no-section"],
)
def test_explained_survivors_are_the_names_in_backticks_in_their_section(
    page: str, names: set[str]
) -> None:
    assert explained(page) == names
