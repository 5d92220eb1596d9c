"""The redaction benchmark: ``csea report --redact`` against the same report unredacted.

Two scenarios on the shipped catalogue: one service with 5,000 labelled pieces of evidence,
and 50 services with 40 each. For each, ``csea report --format md`` is run in a child
process with and without ``--redact`` (median of several runs, wall and CPU time), and the
report is built and rendered in-process the same two ways. The target is a ratio measured
in the same run, never a time: the redacted report within 1.5 times the plain one.

Run with ``.venv/bin/python bench/redaction.py`` (not yet part of ``make bench``).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import AS_OF, generate_labelled

from csea.catalog.loader import default_catalog_dir, load_catalog
from csea.evaluation.files import assess_files
from csea.render.report import ReportFormat, render_report
from csea.report.build import ReportOptions, build_report

TARGET = 1.5
"""The redacted report within this many times the plain one."""
SCENARIOS = [("5,000 labelled items, 1 service", 1, 5000), ("50 services x 40 items", 50, 40)]
CSEA = [sys.executable, "-m", "csea"]


@dataclass(frozen=True)
class RedactionResult:
    """One scenario: seconds plain and redacted, in a child process and in-process."""

    name: str
    items: int
    plain_wall: float
    redacted_wall: float
    plain_cpu: float
    redacted_cpu: float
    plain_build: float
    redacted_build: float

    @property
    def ratios(self) -> tuple[float, float, float]:
        """Redacted over plain: wall, CPU, in-process build and render."""
        return (
            self.redacted_wall / self.plain_wall,
            self.redacted_cpu / self.plain_cpu,
            self.redacted_build / self.plain_build,
        )


class _Runner:
    """Anything with ``run(args, runs) -> (wall, cpu, rss)`` (bench/run.py's Launcher)."""

    def run(self, args: list[str], runs: int) -> tuple[float, float, float]:
        raise NotImplementedError


def measure_redaction(work: Path, launcher: _Runner, runs: int = 3) -> list[RedactionResult]:
    """Generate both scenarios and time them, plain and redacted."""
    catalog_dir = default_catalog_dir()
    catalog = load_catalog(catalog_dir)
    results = []
    for name, services, items in SCENARIOS:
        folder = work / f"redaction-{services}"
        paths = generate_labelled(catalog_dir, folder, services, items)
        common = ["--catalog", str(catalog_dir), "--as-of", AS_OF.isoformat(), "--format", "md"]
        args = [*CSEA, "report", *common, "-o", str(folder / "report.md"), *map(str, paths)]
        plain_wall, plain_cpu, _ = launcher.run(args, runs)
        redacted_wall, redacted_cpu, _ = launcher.run([*args, "--redact"], runs)
        assessed = assess_files(catalog, paths, as_of=AS_OF)
        builds = [_build(catalog, assessed, redact) for redact in (False, True)]
        results.append(
            RedactionResult(
                name,
                services * items,
                plain_wall,
                redacted_wall,
                plain_cpu,
                redacted_cpu,
                *(statistics.median(_timed(b, runs)) for b in builds),
            )
        )
    return results


def _build(catalog: object, assessed: object, redact: bool) -> object:
    def run() -> None:
        document = build_report(catalog, assessed, ReportOptions(redact=redact))  # type: ignore[arg-type]
        render_report(document, ReportFormat.MD)

    return run


def _timed(action: object, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return times


def redaction_table(results: list[RedactionResult]) -> str:
    """The measurements and the target, as Markdown."""
    lines = [
        "| scenario | labelled items | plain s | redacted s | ratio (wall) | plain CPU s "
        "| redacted CPU s | ratio (CPU) | in-process ratio | met |",
        "|" + "---|" * 10,
    ]
    for r in results:
        wall, cpu, build = r.ratios
        met = "yes" if max(wall, cpu) <= TARGET else "**no**"
        lines.append(
            f"| {r.name} | {r.items:,} | {r.plain_wall:.2f} | {r.redacted_wall:.2f} | {wall:.2f} "
            f"| {r.plain_cpu:.2f} | {r.redacted_cpu:.2f} | {cpu:.2f} | {build:.2f} | {met} |"
        )
    return "\n".join(lines)


def main() -> None:
    """Run the redaction benchmark alone and print its table."""
    from run import Launcher  # noqa: PLC0415 - bench/run.py imports this module

    launcher = Launcher()
    with tempfile.TemporaryDirectory(prefix="csea-bench-redaction-") as work:
        results = measure_redaction(Path(work), launcher)
    launcher.close()
    print(redaction_table(results))


if __name__ == "__main__":
    main()
