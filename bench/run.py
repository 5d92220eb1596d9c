"""Benchmarks: catalogue load, ``csea check`` and ``csea report`` at 1x, 10x and 100x, against targets.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py``). Options:

- ``--quick``: only the 1x and 10x rows, three runs each (a smoke test of the script);
- ``--runs N``: runs per measurement (the median is reported);
- ``--record``: write the table and the machine into ``bench/README.md``.

For each scenario it generates the data (``bench/generate.py``), then measures:

- **floor**: reading every YAML file the check reads with PyYAML's C loader, nothing else;
- **load**: ``csea.load_catalog`` (read, validate, cross-file checks), in-process;
- **check**: load the catalogue, load and evaluate every assessment, in-process
  (what ``csea check`` does, without the interpreter start and the printing);
- **check (process)** and **report (process)**: the real commands in a child process, wall
  time from start to exit, interpreter start included, with the child's peak memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from generate import AS_OF, generate_catalog, generate_portfolio

from csea.catalog.loader import default_catalog_dir, load_catalog
from csea.evaluation.files import evaluate_files

HERE = Path(__file__).parent
CSEA = [sys.executable, "-m", "csea"]
START_LIMIT = 0.5
"""Seconds: shipped catalogue + one example, ``csea check`` wall time with interpreter start."""
LINEAR_SLACK = 1.2
"""k times the data in at most 1.2 k times the time."""
FLOOR_FACTOR = 3.0
"""The in-process check within this many times the YAML parse floor."""
TRACE_LIMIT_MIB = 10
"""Trace Python allocations (slow) only for data smaller than this."""


@dataclass(frozen=True)
class Scenario:
    """One size of data: catalogue copies and services in the portfolio."""

    name: str
    copies: int
    services: int
    runs: int


@dataclass
class Result:
    """What one scenario measured (seconds and MiB)."""

    scenario: Scenario
    obligations: int = 0
    yaml_mib: float = 0.0
    floor: float = 0.0
    load: float = 0.0
    check: float = 0.0
    check_process: float = 0.0
    check_cpu: float = 0.0
    check_rss: float = 0.0
    report_process: float | None = None
    report_rss: float | None = None
    python_peak: float | None = None
    notes: list[str] = field(default_factory=list)


def median_time(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


LAUNCHER = """
import json, os, subprocess, sys, tempfile, time
for line in sys.stdin:
    args = json.loads(line)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps([wall, cpu, usage.ru_maxrss / 1024, code, message]), flush=True)
"""
"""Runs the timed commands from a small process of its own: a child forked from this (large)
process would report this process's memory as its peak."""


class Launcher:
    """A small child process that runs commands and reports wall time, CPU time and peak RSS."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, args: list[str], runs: int) -> tuple[float, float, float]:
        """Median wall time, median CPU time and peak RSS (MiB) of ``args`` run ``runs`` times."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        measured = []
        for _ in range(runs):
            self.process.stdin.write(json.dumps(args) + "\n")
            self.process.stdin.flush()
            wall, cpu, rss, code, message = json.loads(self.process.stdout.readline())
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(args)} failed with exit {code}:\n{message}")
            measured.append((wall, cpu, rss))
        walls, cpus, peaks = zip(*measured, strict=True)
        return statistics.median(walls), statistics.median(cpus), max(peaks)

    def close(self) -> None:
        """Stop the launcher."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def shipped_examples() -> list[Path]:
    """The example assessments shipped in examples/, if any."""
    return sorted((HERE.parent / "examples").glob("**/*assessment*.yaml"))


def yaml_files(catalog_dir: Path, assessments: list[Path]) -> list[Path]:
    """Every YAML file ``csea check`` reads for this scenario."""
    found = sorted(p for p in catalog_dir.rglob("*.yaml"))
    return found + [p for a in assessments for p in (a, *a.parent.glob("*profile*.yaml"))]


def parse_floor(files: list[Path]) -> None:
    """Only parse the YAML (the C loader), the least any reader must do."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in files:
        yaml.load(path.read_bytes().decode("utf-8"), Loader=loader)


def in_process_check(catalog_dir: Path, assessments: list[Path]) -> None:
    """What ``csea check`` computes: load, validate, evaluate every assessment."""
    evaluate_files(load_catalog(catalog_dir), assessments, as_of=AS_OF)


def has_report_command() -> bool:
    """Whether ``csea report`` exists yet in this checkout."""
    probe = subprocess.run([*CSEA, "report", "--help"], capture_output=True, text=True, check=False)
    return probe.returncode == 0 and "--format" in probe.stdout


def measure(scenario: Scenario, work: Path, report: bool, launcher: Launcher) -> Result:
    """Generate one scenario's data and take every measurement."""
    catalog_dir = work / scenario.name / "catalog"
    result = Result(scenario)
    if scenario.copies:
        result.obligations = generate_catalog(default_catalog_dir(), catalog_dir, scenario.copies)
        assessments = generate_portfolio(
            catalog_dir, work / scenario.name / "services", scenario.services
        )
    else:
        catalog_dir = default_catalog_dir()
        result.obligations = len(load_catalog(catalog_dir).obligations)
        assessments = shipped_examples()[: scenario.services] or generate_portfolio(
            catalog_dir, work / scenario.name / "services", scenario.services
        )
    files = yaml_files(catalog_dir, assessments)
    result.yaml_mib = sum(p.stat().st_size for p in files) / 2**20
    runs = scenario.runs
    result.floor = median_time(lambda: parse_floor(files), runs)
    result.load = median_time(lambda: load_catalog(catalog_dir), runs)
    result.check = median_time(lambda: in_process_check(catalog_dir, assessments), runs)
    if result.yaml_mib < TRACE_LIMIT_MIB:
        tracemalloc.start()
        in_process_check(catalog_dir, assessments)
        result.python_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    common = ["--catalog", str(catalog_dir), "--as-of", AS_OF.isoformat()]
    check_args = [*CSEA, "check", *common, "--format", "json", *map(str, assessments)]
    result.check_process, result.check_cpu, result.check_rss = launcher.run(check_args, runs)
    if report:
        out = work / scenario.name / "report.html"
        report_args = [
            *CSEA,
            "report",
            *common,
            "--format",
            "html",
            "-o",
            str(out),
            str(assessments[0]),
        ]
        result.report_process, _, result.report_rss = launcher.run(report_args, runs)
    return result


def verdicts(results: list[Result]) -> list[tuple[str, str, bool]]:
    """Each target, what was measured, and whether it was met."""
    shipped, base = results[0], results[1]
    rows = [
        (
            f"shipped catalogue + 1 example: csea check < {START_LIMIT} s wall",
            f"{shipped.check_process:.3f} s",
            shipped.check_process < START_LIMIT,
        )
    ]
    for result in results[2:]:
        scale = (
            result.obligations
            * result.scenario.services
            / (base.obligations * base.scenario.services)
        )
        allowed = LINEAR_SLACK * scale * base.check
        rows.append(
            (
                f"{result.scenario.name}: check in at most {LINEAR_SLACK:g} x {scale:.0f} x the 1x time",
                f"{result.check:.2f} s (allowed {allowed:.2f} s)",
                result.check <= allowed,
            )
        )
    for result in results:
        ratio = result.check / result.floor
        rows.append(
            (
                f"{result.scenario.name}: check within {FLOOR_FACTOR:g} x the YAML parse floor",
                f"{ratio:.2f} x ({result.check:.2f} s / {result.floor:.2f} s)",
                ratio <= FLOOR_FACTOR,
            )
        )
    return rows


def table(results: list[Result]) -> str:
    """The measurements as a Markdown table."""
    head = (
        "| scenario | obligations | services | YAML MiB | floor s | load s | check s | check/floor "
        "| check process s | check CPU s | check RSS MiB | report process s | report RSS MiB "
        "| Python peak MiB |"
    )
    lines = [head, "|" + "---|" * 14]
    for r in results:
        report = f"{r.report_process:.3f}" if r.report_process is not None else "n/a"
        report_rss = f"{r.report_rss:.0f}" if r.report_rss is not None else "n/a"
        peak = f"{r.python_peak:.0f}" if r.python_peak is not None else "n/a"
        lines.append(
            f"| {r.scenario.name} | {r.obligations} | {r.scenario.services} | {r.yaml_mib:.1f} "
            f"| {r.floor:.3f} | {r.load:.3f} | {r.check:.3f} | {r.check / r.floor:.2f} "
            f"| {r.check_process:.3f} | {r.check_cpu:.3f} | {r.check_rss:.0f} | {report} | {report_rss} "
            f"| {peak} |"
        )
    return "\n".join(lines)


def targets(results: list[Result]) -> str:
    """The targets as a Markdown table."""
    lines = ["| target | measured | met |", "|---|---|---|"]
    lines += [
        f"| {what} | {got} | {'yes' if ok else '**no**'} |" for what, got, ok in verdicts(results)
    ]
    return "\n".join(lines)


def machine() -> str:
    """The machine the benchmark ran on."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s) (nproc), "
        f"{memory:.1f} GiB memory, Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} with libyaml: {getattr(yaml, '__with_libyaml__', False)}; "
        f"load average at the end {os.getloadavg()[0]:.1f}; run on {dt.date.today().isoformat()}"
    )


def record(text: str) -> None:
    """Replace the last-run section of bench/README.md."""
    readme = HERE / "README.md"
    marker = "<!-- last run -->"
    before = readme.read_text(encoding="utf-8").split(marker)[0]
    readme.write_text(f"{before}{marker}\n{text}\n", encoding="utf-8")


def scenarios(quick: bool, runs: int | None) -> list[Scenario]:
    """The scenarios: the shipped data, catalogue scale, then portfolio size."""
    few, many = (3, 3) if quick else (runs or 7, runs or 3)
    found = [
        Scenario("shipped", 0, 1, few),
        Scenario("1x", 1, 1, few),
        Scenario("10x", 10, 1, few),
        Scenario("100x", 100, 1, many),
        Scenario("1x, 50 services", 1, 50, many),
    ]
    return found[:3] if quick else found


def main() -> None:
    """Run every scenario, print the tables, optionally record them."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="1x and 10x only, 3 runs each")
    parser.add_argument("--runs", type=int, help="runs per measurement (median reported)")
    parser.add_argument(
        "--record", action="store_true", help="write the results into bench/README.md"
    )
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    options = parser.parse_args()
    report = has_report_command()
    results = []
    launcher = Launcher()
    with tempfile.TemporaryDirectory(prefix="csea-bench-") as work:
        for scenario in scenarios(options.quick, options.runs):
            print(f"measuring {scenario.name} ...", file=sys.stderr, flush=True)
            results.append(measure(scenario, Path(work), report, launcher))
    launcher.close()
    text = f"Machine: {machine()}.\n\n{table(results)}\n\n{targets(results)}\n"
    print(text)
    if options.json:
        options.json.write_text(json.dumps([asdict(r) for r in results], indent=2, default=str))
    if options.record:
        record(text)
    if not all(ok for _, _, ok in verdicts(results)):
        print("some targets were missed (see the table above)", file=sys.stderr)


if __name__ == "__main__":
    main()
