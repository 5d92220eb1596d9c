"""Mutation testing of csea's decision core, with a score per module and a gate.

``make mutation`` runs mutmut on every module ``[tool.mutmut] only_mutate`` lists in
pyproject.toml; ``make mutation MODULES="csea.evaluation.gaps csea.catalog.conditions"``
runs only those modules' mutants (and only the tests that reach them), which is cheap
enough to use before every change to the decision core. mutmut keeps its results in
``mutants/``, so a second run only tries what changed.

Afterwards this prints, per module, how many mutants the tests killed, and every
surviving mutant that ``docs/contributing/mutation.md`` does not list as equivalent. It
exits 1 when a module scores under the target or a survivor is unexplained. The score is
``(killed + timeout) / mutants``; a mutant with no test reaching it counts as survived.

Usage::

    python tools/mutation.py [MODULE ...] [--max-children N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXPLAINED = ROOT / "docs" / "contributing" / "mutation.md"
EQUIVALENT_HEADING = "## Survivors no test can kill"
"""The heading of the page's section that lists the equivalent mutants."""
TARGET = 90.0
"""The lowest score a module may have, in percent."""
KILLED = {"killed", "timeout", "caught by type check"}
_MUTANT = re.compile(r"`(csea\.[\w.ǁ]+__mutmut_\d+)`")
_RESULT = re.compile(r"^\s*(?P<name>\S+__mutmut_\d+): (?P<status>.+?)\s*$")


def module_of(mutant: str) -> str:
    """The module a mutant lives in: ``csea.evaluation.gaps.x_rank__mutmut_3`` -> ``csea.evaluation.gaps``."""
    parts = mutant.split(".")
    for index, part in enumerate(parts):
        if part.startswith(("x_", "xǁ")):
            return ".".join(parts[:index])
    return mutant.rsplit(".", 1)[0]


def module_name(argument: str) -> str:
    """``src/csea/evaluation/gaps.py`` or ``csea.evaluation.gaps`` -> ``csea.evaluation.gaps``."""
    if argument.endswith(".py"):
        path = Path(argument).with_suffix("")
        parts = path.parts[path.parts.index("csea") :]
        return ".".join(parts)
    return argument


def parse_results(text: str) -> dict[str, str]:
    """``mutmut results --all true`` output -> mutant name -> status."""
    return {m["name"]: m["status"] for line in text.splitlines() if (m := _RESULT.match(line))}


def explained(text: str) -> set[str]:
    """The mutant names (in backticks) the page's section ``## Survivors no test can kill`` lists.

    A mutant named anywhere else on the page (an example, the score notes) is not explained.
    The section runs from its heading to the next heading of the same or a higher level.
    """
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == EQUIVALENT_HEADING), None)
    if start is None:
        return set()
    section = []
    for line in lines[start + 1 :]:
        if re.match(r"#{1,2} ", line):
            break
        section.append(line)
    return set(_MUTANT.findall("\n".join(section)))


def table(results: dict[str, str], modules: list[str] | None, day: dt.date) -> list[str]:
    """The score table in Markdown, one row per module."""
    by_module: dict[str, Counter[str]] = defaultdict(Counter)
    for name, status in results.items():
        by_module[module_of(name)][status] += 1
    lines = [
        f"Mutation score on {day.isoformat()} (target {TARGET:g}%):",
        "",
        "| module | mutants | killed | survived | no tests | score |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for module in sorted(by_module):
        if modules and module not in modules:
            continue
        counts = by_module[module]
        total = sum(counts.values())
        killed = sum(counts[s] for s in KILLED)
        lines.append(
            f"| `{module}` | {total} | {killed} | {counts['survived']} | "
            f"{counts['no tests']} | {score(killed, total):.1f}% |"
        )
    return lines


def score(killed: int, total: int) -> float:
    """Killed mutants as a percentage of all of them (100 when there are none)."""
    return 100.0 * killed / total if total else 100.0


def failures(results: dict[str, str], modules: list[str] | None, known: set[str]) -> list[str]:
    """Modules under the target and survivors nobody explained, in words."""
    wanted = [(n, s) for n, s in results.items() if not modules or module_of(n) in modules]
    problems = []
    by_module: dict[str, list[str]] = defaultdict(list)
    for name, status in wanted:
        by_module[module_of(name)].append(status)
    for module, statuses in sorted(by_module.items()):
        value = score(sum(s in KILLED for s in statuses), len(statuses))
        if value < TARGET:
            problems.append(f"{module} scores {value:.1f}%, under the {TARGET:g}% target")
    problems += [
        f"{name} {status}, not listed as equivalent in {EXPLAINED.relative_to(ROOT)} "
        f"(see: mutmut show {name})"
        for name, status in sorted(wanted)
        if status not in KILLED and name not in known
    ]
    return problems


def _mutmut(*args: str, log: Path | None = None) -> str:
    command = [str(Path(sys.executable).parent / "mutmut"), *args]
    if log is None:
        return subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=ROOT, check=False, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        sys.exit(f"mutmut run failed (exit {done.returncode}); its output is in {log}")
    return ""


def main(argv: list[str] | None = None) -> int:
    """Run mutmut, print the table and what fails the gate; 0 when nothing does."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help="dotted module names or paths (default: all)")
    parser.add_argument("--max-children", type=int, default=2, help="parallel test runs")
    args = parser.parse_args(argv)
    modules = [module_name(m) for m in args.modules] or None
    (ROOT / "mutants").mkdir(exist_ok=True)
    log = ROOT / "mutants" / "mutation-run.log"
    patterns = [f"{m}.*" for m in modules or []]
    _mutmut("run", "--max-children", str(args.max_children), *patterns, log=log)
    results = parse_results(_mutmut("results", "--all", "true"))
    print("\n".join(table(results, modules, dt.date.today())))
    problems = failures(results, modules, explained(EXPLAINED.read_text(encoding="utf-8")))
    print("\n".join(["", *problems]) if problems else "\nEvery survivor is explained.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
