"""The scenarios, what each measured, and the tables and targets printed from them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from measure import Rounds

__all__ = ["Result", "Scenario", "report_text"]

IMPORT_FACTOR = {"check": 2.0, "report": 2.5}
"""Start-up targets: a command on the shipped example within this many times the import floor."""
FLOOR_FACTOR = 3.0
"""The full check within this many times the event-only floor, at every catalogue size."""
SERVICES_FACTOR = 4.0
"""... and within this many times for 50 services."""
PEER_FACTOR = 2.0
"""``catalog validate`` at 100x at least this many times faster than trestle."""
LINEAR_SLACK = 1.2
"""Linear: the cost of what is added at the largest size at most this many times the earlier one."""
MEMORY_FACTOR = 0.5
"""Memory per obligation at most this fraction of the baseline's."""


@dataclass(frozen=True)
class Scenario:
    """One size of data: catalogue copies (0: the shipped catalogue and example) and services."""

    name: str
    copies: int
    services: int
    rounds: int
    startup: bool = False
    """Also measure the import floor and ``csea report`` (start-up targets)."""
    peer: bool = False
    """Also measure ``catalog validate`` beside trestle."""
    baseline: bool = False
    """Also measure the baseline's code (memory per obligation)."""
    profiles: int | None = None
    """The services share this many profiles (under their own names); None: each its own."""

    def with_rounds(self, rounds: int) -> Scenario:
        """The same scenario with another number of rounds."""
        return replace(self, rounds=rounds)


@dataclass
class Result:
    """What one scenario measured."""

    scenario: Scenario
    obligations: int
    yaml_mib: float
    rounds: Rounds = field(default_factory=Rounds)
    python_peak: float | None = None
    oscal_mib: float | None = None
    baseline_obligations: int | None = None


def _ratio(pair: tuple[float, float]) -> str:
    return f"{pair[0]:.2f} / {pair[1]:.2f}"


def _scale_table(results: list[Result]) -> str:
    lines = [
        "| scenario | obligations | services | YAML MiB | floor s | check cold s | cold / floor "
        "| check warm s | warm / floor | Python peak MiB |",
        "|" + "---|" * 10,
    ]
    for r in results:
        m = r.rounds
        peak = f"{r.python_peak:.0f}" if r.python_peak is not None else "n/a"
        lines.append(
            f"| {r.scenario.name} | {r.obligations} | {r.scenario.services} | {r.yaml_mib:.1f} "
            f"| {m.median('floor'):.3f} | {m.median('check cold'):.3f} "
            f"| {_ratio(m.ratios('check cold', 'floor'))} | {m.median('check warm'):.3f} "
            f"| {_ratio(m.ratios('check warm', 'floor'))} | {peak} |"
        )
    return "\n".join(lines)


def _process_table(results: list[Result]) -> str:
    lines = [
        "| scenario | floor CPU s | check cold CPU s | cold / floor | check warm CPU s | warm / floor "
        "| cold RSS MiB | warm RSS MiB | warm wall s |",
        "|" + "---|" * 9,
    ]
    for r in results:
        m = r.rounds
        lines.append(
            f"| {r.scenario.name} | {m.median('floor process'):.3f} | {m.median('check cold process'):.3f} "
            f"| {_ratio(m.ratios('check cold process', 'floor process'))} "
            f"| {m.median('check warm process'):.3f} "
            f"| {_ratio(m.ratios('check warm process', 'floor process'))} "
            f"| {m.peak('check cold process'):.0f} | {m.peak('check warm process'):.0f} "
            f"| {m.median('check warm process', 'wall'):.3f} |"
        )
    return "\n".join(lines)


def _startup_table(result: Result) -> str:
    m = result.rounds
    lines = ["| command (shipped example) | CPU s | / import floor |", "|---|---|---|"]
    lines.append(f'| `python -c "import pydantic, yaml"` | {m.median("import floor"):.3f} | 1 |')
    for name, label in (
        ("check warm process", "`csea check` (catalogue cached)"),
        ("check cold process", "`csea --no-cache check`"),
        ("report warm process", "`csea report --format html` (catalogue cached)"),
    ):
        lines.append(
            f"| {label} | {m.median(name):.3f} | {_ratio(m.ratios(name, 'import floor'))} |"
        )
    return "\n".join(lines)


def _peer_table(results: list[Result]) -> str:
    lines = [
        "| scenario | obligations | OSCAL MiB | trestle CPU s | trestle RSS MiB | csea cold CPU s "
        "| csea cold RSS MiB | trestle / csea cold | csea warm CPU s | csea warm RSS MiB | trestle / csea warm |",
        "|" + "---|" * 11,
    ]
    for r in results:
        m = r.rounds
        lines.append(
            f"| {r.scenario.name} | {r.obligations} | {r.oscal_mib:.1f} | {m.median('trestle validate'):.2f} "
            f"| {m.peak('trestle validate'):.0f} | {m.median('validate cold process'):.2f} "
            f"| {m.peak('validate cold process'):.0f} "
            f"| {_ratio(m.ratios('trestle validate', 'validate cold process'))} "
            f"| {m.median('validate warm process'):.2f} | {m.peak('validate warm process'):.0f} "
            f"| {_ratio(m.ratios('trestle validate', 'validate warm process'))} |"
        )
    return "\n".join(lines)


def _slope(low: Result, high: Result, name: str, counts: tuple[int, int] | None = None) -> float:
    """KiB of peak memory per obligation between two sizes."""
    low_n, high_n = counts or (low.obligations, high.obligations)
    return (high.rounds.peak(name) - low.rounds.peak(name)) * 1024 / (high_n - low_n)


def _memory(results: dict[str, Result]) -> tuple[str, list[tuple[str, str, bool]]]:
    low, high = results.get("10x"), results.get("100x")
    if low is None or high is None:
        return "", []
    lines = [
        "| code, command | 10x RSS MiB | 100x RSS MiB | KiB per obligation |",
        "|---|---|---|---|",
    ]
    rows = [
        ("this code: `catalog validate`, no cache", "validate cold process", None),
        ("this code: `check`, no cache", "check cold process", None),
        ("this code: `check`, catalogue cached", "check warm process", None),
    ]
    baseline = low.rounds.has("baseline validate") and high.rounds.has("baseline validate")
    if baseline:
        counts = (low.baseline_obligations or 0, high.baseline_obligations or 0)
        rows.insert(0, ("baseline (before #19): `catalog validate`", "baseline validate", counts))
    for label, name, counts in rows:
        lines.append(
            f"| {label} | {low.rounds.peak(name):.0f} | {high.rounds.peak(name):.0f} "
            f"| {_slope(low, high, name, counts):.1f} |"
        )
    if not baseline:
        return "\n".join(lines), [
            ("memory per obligation halved", "baseline not measured (no git)", False)
        ]
    now = _slope(low, high, "validate cold process")
    before = _slope(
        low,
        high,
        "baseline validate",
        (low.baseline_obligations or 0, high.baseline_obligations or 0),
    )
    verdict = (
        f"memory per obligation at most {MEMORY_FACTOR:g} x the baseline's (`catalog validate`, no cache)",
        f"{now:.1f} KiB against {before:.1f} KiB ({now / before:.2f} x); "
        f"`check` cached {_slope(low, high, 'check warm process'):.1f} KiB",
        now <= MEMORY_FACTOR * before,
    )
    return "\n".join(lines), [verdict]


def _verdicts(results: dict[str, Result]) -> list[tuple[str, str, bool]]:
    rows: list[tuple[str, str, bool]] = []
    shipped = results.get("shipped")
    if shipped is not None:
        for command, factor in IMPORT_FACTOR.items():
            name = f"{command} warm process"
            low, mid = shipped.rounds.ratios(name, "import floor")
            rows.append(
                (
                    f"shipped: `csea {command}` within {factor:g} x the import floor (process CPU, cached)",
                    f"{low:.2f} / {mid:.2f} x (min / median)",
                    mid <= factor,
                )
            )
    for name, result in results.items():
        if result.scenario.services > 1 and result.scenario.services != 50:
            continue
        factor = SERVICES_FACTOR if result.scenario.services == 50 else FLOOR_FACTOR
        low, mid = result.rounds.ratios("check cold", "floor")
        proc = result.rounds.ratios("check cold process", "floor process")
        warm = result.rounds.ratios("check warm", "floor")
        rows.append(
            (
                f"{name}: full check within {factor:g} x the event-only floor (in-process, no cache)",
                f"{low:.2f} / {mid:.2f} x (whole process {_ratio(proc)}; cached {_ratio(warm)})",
                mid <= factor,
            )
        )
    rows += _peer_verdict(results) + _linear_verdicts(results)
    return rows


def _peer_verdict(results: dict[str, Result]) -> list[tuple[str, str, bool]]:
    result = results.get("100x")
    if result is None or not result.rounds.has("trestle validate"):
        return []
    m = result.rounds
    low, mid = m.ratios("trestle validate", "validate cold process")
    warm = m.ratios("trestle validate", "validate warm process")
    rss, peer_rss = m.peak("validate cold process"), m.peak("trestle validate")
    return [
        (
            f"100x: `catalog validate` at least {PEER_FACTOR:g} x faster than trestle, no more memory",
            f"{low:.2f} / {mid:.2f} x faster, {rss:.0f} against {peer_rss:.0f} MiB "
            f"(no cache; cached {_ratio(warm)} x, {m.peak('validate warm process'):.0f} MiB)",
            mid >= PEER_FACTOR and rss <= peer_rss,
        )
    ]


def _added(low: Result, high: Result, units: int) -> float:
    """In-process seconds (no cache) per unit added from ``low`` to ``high``."""
    return (high.rounds.median("check cold") - low.rounds.median("check cold")) / units


def _linear_verdicts(results: dict[str, Result]) -> list[tuple[str, str, bool]]:
    rows = []
    sizes = [results.get(n) for n in ("10x", "100x", "150x")]
    if all(sizes):
        small, mid, big = sizes  # type: ignore[misc]
        before = _added(small, mid, mid.obligations - small.obligations)
        after = _added(mid, big, big.obligations - mid.obligations)
        rows.append(
            (
                f"linear to {big.obligations:,} obligations: each added from 100x to 150x costs at most "
                f"{LINEAR_SLACK:g} x one added from 10x to 100x",
                f"{after * 1000:.3f} ms against {before * 1000:.3f} ms ({after / before:.2f} x)",
                after <= LINEAR_SLACK * before,
            )
        )
    one, fifty, many = (results.get(n) for n in ("1x", "1x, 50 services", "1x, 200 services"))
    if one and fifty and many:
        before = _added(one, fifty, 49)
        after = _added(fifty, many, many.scenario.services - 50)
        rows.append(
            (
                f"linear to {many.scenario.services} services: each added from 50 on costs at most "
                f"{LINEAR_SLACK:g} x one added from 1 to 50",
                f"{after * 1000:.2f} ms against {before * 1000:.2f} ms ({after / before:.2f} x)",
                after <= LINEAR_SLACK * before,
            )
        )
    return rows


def report_text(results: list[Result], machine: str) -> tuple[str, int]:
    """The tables and the targets as Markdown, and how many targets were missed."""
    by_name = {r.scenario.name: r for r in results}
    memory_table, memory_verdicts = _memory(by_name)
    verdicts = _verdicts(by_name) + memory_verdicts
    targets = ["| target | measured | met |", "|---|---|---|"] + [
        f"| {what} | {got} | {'yes' if ok else '**no**'} |" for what, got, ok in verdicts
    ]
    sections = [
        f"Machine: {machine}.",
        "Targets (each ratio taken round by round in this run; min / median over the rounds):",
        "\n".join(targets),
        "Scale, in-process (CPU seconds, median of the rounds; ratios min / median):",
        _scale_table(results),
        "Whole processes (CPU seconds and peak memory of each command; ratios min / median):",
        _process_table(results),
    ]
    if "shipped" in by_name and by_name["shipped"].rounds.has("import floor"):
        sections += [
            "Start-up, shipped example (ratios min / median):",
            _startup_table(by_name["shipped"]),
        ]
    peers = [r for r in results if r.rounds.has("trestle validate")]
    if peers:
        sections += [
            "`csea catalog validate` beside `trestle validate` (CPU seconds, peak memory):",
            _peer_table(peers),
        ]
    if memory_table:
        sections += ["Memory per obligation (peak memory between 10x and 100x):", memory_table]
    return "\n\n".join(sections) + "\n", sum(1 for *_, ok in verdicts if not ok)
