"""Benchmarks: csea against its floors and a peer, at catalogue sizes 1x to 150x and up to 200 services.

Run with ``make bench`` (or ``.venv/bin/python bench/run.py``); ``bench/README.md`` says what is
measured and why. Options:

- ``--quick``: only the shipped, 1x and 10x rows, three rounds each (a smoke test);
- ``--rounds N``: rounds per scenario (each round runs every measurement once);
- ``--record``: write the tables and the machine into ``bench/README.md``;
- ``--json FILE``: also write every sample.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from generate import AS_OF, generate_catalog, generate_portfolio
from measure import (
    FLOOR_SCRIPT,
    Launcher,
    Sample,
    child_environment,
    event_floor,
    in_process,
)
from oscal import TRESTLE_FILE, oscal_catalog, trestle_workspace
from tables import Result, Scenario, report_text

from csea.catalog.cache import CatalogCache, use_cache
from csea.catalog.loader import default_catalog_dir, load_catalog
from csea.evaluation.files import evaluate_files

HERE = Path(__file__).parent
CSEA = [sys.executable, "-m", "csea"]
TRESTLE = str(Path(sys.executable).with_name("trestle"))
BASELINE = "7f192f8"
"""The commit before issue #19 (start-up and scale): the code memory per obligation is compared with."""
TRACE_LIMIT_MIB = 10
"""Trace Python allocations (slow) only for data smaller than this."""

SCENARIOS = [
    Scenario("shipped", 0, 1, 9, startup=True),
    Scenario("1x", 1, 1, 7, peer=True),
    Scenario("10x", 10, 1, 5, peer=True, baseline=True),
    Scenario("100x", 100, 1, 3, peer=True, baseline=True),
    Scenario("150x", 150, 1, 3),
    Scenario("1x, 50 services", 1, 50, 5),
    Scenario("1x, 50 services, 5 profiles", 1, 50, 5, profiles=5),
    Scenario("1x, 200 services", 1, 200, 3),
]


@dataclass
class Bench:
    """What every scenario shares: the work folder, the launcher, the baseline's code."""

    work: Path
    launcher: Launcher
    baseline_src: Path | None
    notes: list[str] = field(default_factory=list)


def shipped_example() -> Path:
    """The first example assessment shipped in examples/."""
    return sorted((HERE.parent / "examples").glob("**/*assessment*.yaml"))[0]


def yaml_files(catalog_dir: Path, assessments: list[Path]) -> list[Path]:
    """Every YAML file ``csea check`` reads for this scenario."""
    found = sorted(p for p in catalog_dir.rglob("*.yaml"))
    return found + [p for a in assessments for p in (a, *a.parent.glob("*profile*.yaml"))]


def prepare(scenario: Scenario, work: Path) -> tuple[Path, list[Path], int]:
    """The scenario's catalogue, assessments and number of obligations."""
    folder = work / scenario.name.replace(", ", "-").replace(" ", "-")
    if not scenario.copies:
        catalog_dir = default_catalog_dir()
        return catalog_dir, [shipped_example()], len(load_catalog(catalog_dir).obligations)
    catalog_dir = folder / "catalog"
    obligations = generate_catalog(default_catalog_dir(), catalog_dir, scenario.copies)
    return (
        catalog_dir,
        generate_portfolio(
            catalog_dir, folder / "services", scenario.services, profiles=scenario.profiles
        ),
        obligations,
    )


def measure(scenario: Scenario, bench: Bench) -> Result:
    """Generate one scenario's data and take every measurement, in interleaved rounds."""
    catalog_dir, assessments, obligations = prepare(scenario, bench.work)
    files = yaml_files(catalog_dir, assessments)
    texts = [p.read_bytes().decode("utf-8") for p in files]
    listing = bench.work / "files.txt"
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    result = Result(scenario, obligations, sum(p.stat().st_size for p in files) / 2**20)
    common = ["--catalog", str(catalog_dir), "--as-of", AS_OF.isoformat()]
    check = [*CSEA, "check", *common, "--format", "json", *map(str, assessments)]
    cold_check = [*CSEA, "--no-cache", *check[len(CSEA) :]]
    run = bench.launcher.run
    processes: dict[str, Callable[[], Sample]] = {
        "floor process": lambda: run([sys.executable, "-c", FLOOR_SCRIPT, str(listing)]),
        "check cold process": lambda: run(cold_check),
        "check warm process": lambda: run(check),
    }
    if scenario.startup:
        report = [*CSEA, "report", *common, "--format", "html", "-o", str(bench.work / "r.html")]
        processes["import floor"] = lambda: run([sys.executable, "-c", "import pydantic, yaml"])
        processes["report warm process"] = lambda: run([*report, str(assessments[0])])
    if scenario.peer:
        processes |= peer(catalog_dir, bench, result)
    if scenario.baseline and bench.baseline_src is not None:
        processes["baseline validate"] = baseline(scenario, bench, result)
    for args in ([check], [cold_check]):
        run(*args)  # warm-up: bytecode compiled, the catalogue cached
    in_cache = CatalogCache(bench.work / "in-process-cache")
    in_proc: dict[str, Callable[[], Sample]] = {
        "floor": lambda: in_process(lambda: event_floor(texts)),
        "check cold": lambda: in_process(lambda: _check(catalog_dir, assessments, None)),
        "check warm": lambda: in_process(lambda: _check(catalog_dir, assessments, in_cache)),
    }
    _check(catalog_dir, assessments, in_cache)
    result.rounds.take(scenario.rounds, processes | in_proc)
    if result.yaml_mib < TRACE_LIMIT_MIB:
        tracemalloc.start()
        _check(catalog_dir, assessments, None)
        result.python_peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return result


def _check(catalog_dir: Path, assessments: list[Path], cache: CatalogCache | None) -> None:
    """What ``csea check`` computes: load, validate, evaluate every assessment."""
    use_cache(cache)
    try:
        evaluate_files(load_catalog(catalog_dir), assessments, as_of=AS_OF)
    finally:
        use_cache(None)


def peer(catalog_dir: Path, bench: Bench, result: Result) -> dict[str, Callable[[], Sample]]:
    """``csea catalog validate`` beside ``trestle validate`` on the same obligations as OSCAL."""
    workspace = bench.work / f"trestle-{result.scenario.name}"
    target = trestle_workspace(TRESTLE, workspace, oscal_catalog(catalog_dir))
    result.oscal_mib = target.stat().st_size / 2**20
    run = bench.launcher.run
    validate = [*CSEA, "catalog", "validate", str(catalog_dir)]
    run(validate)
    return {
        "trestle validate": lambda: run(
            [TRESTLE, "validate", "-f", str(TRESTLE_FILE)], cwd=workspace
        ),
        "validate cold process": lambda: run([*CSEA, "--no-cache", *validate[len(CSEA) :]]),
        "validate warm process": lambda: run(validate),
    }


def baseline(scenario: Scenario, bench: Bench, result: Result) -> Callable[[], Sample]:
    """``csea catalog validate`` as the baseline's code runs it, on copies of its own catalogue."""
    assert bench.baseline_src is not None
    folder = bench.work / f"baseline-{scenario.copies}"
    result.baseline_obligations = generate_catalog(
        bench.baseline_src.parent / "obligations", folder, scenario.copies
    )
    args = [*CSEA, "catalog", "validate", str(folder)]
    env = {"PYTHONPATH": str(bench.baseline_src)}
    bench.launcher.run(args, env=env)
    return lambda: bench.launcher.run(args, env=env)


def baseline_source(work: Path) -> Path | None:
    """The baseline commit's ``src`` (and catalogue), extracted with git; ``None`` without git."""
    target = work / "baseline"
    target.mkdir()
    try:
        archive = subprocess.run(
            ["git", "-C", str(HERE.parent), "archive", BASELINE, "src", "obligations"],
            capture_output=True,
            check=True,
        )
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return target / "src"


def machine() -> str:
    """The machine the benchmark ran on."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPU(s), {memory:.1f} GiB memory, "
        f"Python {platform.python_version()}, PyYAML {yaml.__version__} with libyaml "
        f"{getattr(yaml, '__with_libyaml__', False)}; load average (1, 5, 15 min) at the end: {load}; "
        f"run on {dt.date.today().isoformat()}"
    )


def record(text: str) -> None:
    """Replace the last-run section of bench/README.md."""
    readme = HERE / "README.md"
    marker = "<!-- last run -->"
    before = readme.read_text(encoding="utf-8").split(marker)[0]
    readme.write_text(f"{before}{marker}\n{text}\n", encoding="utf-8")


def scenarios(quick: bool, rounds: int | None) -> list[Scenario]:
    """The scenarios to run."""
    chosen = SCENARIOS[:3] if quick else SCENARIOS
    default = 3 if quick else None
    return [s.with_rounds(rounds or default or s.rounds) for s in chosen]


def main() -> None:
    """Run every scenario, print the tables, optionally record them."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--quick", action="store_true", help="shipped, 1x and 10x only, 3 rounds each"
    )
    parser.add_argument("--rounds", type=int, help="rounds per scenario")
    parser.add_argument(
        "--record", action="store_true", help="write the results into bench/README.md"
    )
    parser.add_argument("--json", type=Path, help="also write every sample to this file")
    options = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="csea-bench-") as folder:
        work = Path(folder)
        launcher = Launcher(child_environment(work))
        bench = Bench(work, launcher, baseline_source(work))
        try:
            for scenario in scenarios(options.quick, options.rounds):
                print(f"measuring {scenario.name} ...", file=sys.stderr, flush=True)
                results.append(measure(scenario, bench))
                for leftover in work.glob("*-*"):
                    if leftover.is_dir() and leftover.name.startswith(("1", "10", "150")):
                        shutil.rmtree(leftover, ignore_errors=True)
        finally:
            launcher.close()
    text, missed = report_text(results, machine())
    print(text)
    if options.json:
        options.json.write_text(json.dumps([asdict(r) for r in results], indent=2, default=str))
    if options.record:
        record(text)
    if missed:
        print(f"{missed} target(s) missed (see the table above)", file=sys.stderr)


if __name__ == "__main__":
    main()
