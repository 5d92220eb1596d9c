"""Taking the measurements: child processes and in-process calls, run in rounds, interleaved.

Every scenario names its measurements; each round runs every one of them once, in turn, so
a slow spell on a busy machine touches all of them alike. A ratio (csea over a floor) is
taken within each round, and the minimum and median over the rounds are reported.

- A **process** is a command run by a small launcher process of its own (a child forked from
  the large benchmark process would report the benchmark's memory as its peak). It reports
  the CPU time (user + system), the wall time and the peak resident memory of the command.
- An **in-process** measurement is a call in the benchmark process, timed with
  ``time.process_time`` with the cyclic garbage collector off, as the ``csea`` command runs.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = [
    "Launcher",
    "Rounds",
    "Sample",
    "child_environment",
    "event_floor",
    "in_process",
]

LAUNCHER = """
import json, os, subprocess, sys, tempfile, time
for line in sys.stdin:
    args, cwd, env = json.loads(line)
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode(errors="replace")
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps([wall, cpu, usage.ru_maxrss / 1024, code, message[-2000:]]), flush=True)
"""


@dataclass(frozen=True)
class Sample:
    """One run of one measurement."""

    cpu: float
    """CPU seconds (user + system for a process, process time for an in-process call)."""
    wall: float = 0.0
    """Wall seconds (processes only)."""
    rss: float = 0.0
    """Peak resident memory, MiB (processes only)."""


def child_environment(work: Path) -> dict[str, str]:
    """The environment the timed commands run in: as an installed csea would run.

    Compiled bytecode is kept (in ``work``, not the source tree) so modules are not compiled
    again on every run, output is buffered, and the catalogue cache is ``work/cache``.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "CSEA_"))}
    return env | {
        "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        "CSEA_CACHE_DIR": str(work / "cache"),
    }


class Launcher:
    """A small child process that runs commands and reports CPU, wall time and peak memory."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(
        self,
        args: Sequence[str],
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        ok: Sequence[int] = (0, 1),
    ) -> Sample:
        """Run ``args`` once (``env`` added to the environment); fail loudly on another exit code."""
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        line = json.dumps([list(args), str(cwd) if cwd else None, self.env | (env or {})])
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        wall, cpu, rss, code, message = json.loads(self.process.stdout.readline())
        if code not in ok:
            raise SystemExit(f"{' '.join(args)} failed with exit {code}:\n{message}")
        return Sample(cpu=cpu, wall=wall, rss=rss)

    def close(self) -> None:
        """Stop the launcher."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


def in_process(action: Callable[[], object]) -> Sample:
    """The process time of one call of ``action``, with the cyclic collector off."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        action()
        return Sample(cpu=time.process_time() - started)
    finally:
        gc.enable()


def event_floor(texts: Sequence[str]) -> None:
    """Parse every text to libyaml events and nothing more: the least any YAML reader must do."""
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for text in texts:
        loader = loader_class(text)
        try:
            next_event = loader.get_event
            while next_event() is not None:
                pass
        finally:
            loader.dispose()


FLOOR_SCRIPT = """
import sys, yaml
loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    loader = loader_class(open(path, "rb").read().decode("utf-8"))
    next_event = loader.get_event
    while next_event() is not None:
        pass
    loader.dispose()
"""
"""The event floor as a whole process: the interpreter, PyYAML, reading and parsing the files."""


@dataclass
class Rounds:
    """Samples of several measurements taken in interleaved rounds."""

    samples: dict[str, list[Sample]] = field(default_factory=dict)

    def take(self, rounds: int, measurements: dict[str, Callable[[], Sample]]) -> None:
        """Run every measurement once per round, in turn, ``rounds`` times."""
        for _ in range(rounds):
            for name, measure in measurements.items():
                self.samples.setdefault(name, []).append(measure())

    def has(self, name: str) -> bool:
        """Whether ``name`` was measured."""
        return name in self.samples

    def median(self, name: str, what: str = "cpu") -> float:
        """The median of one measurement (``cpu``, ``wall`` or ``rss``)."""
        return statistics.median(getattr(s, what) for s in self.samples[name])

    def least(self, name: str, what: str = "cpu") -> float:
        """The minimum of one measurement."""
        return min(getattr(s, what) for s in self.samples[name])

    def peak(self, name: str) -> float:
        """The highest peak memory of one measurement, MiB."""
        return max(s.rss for s in self.samples[name])

    def ratios(self, name: str, floor: str) -> tuple[float, float]:
        """Min and median over the rounds of ``name``'s CPU time over ``floor``'s, round by round."""
        each = [a.cpu / b.cpu for a, b in zip(self.samples[name], self.samples[floor], strict=True)]
        return min(each), statistics.median(each)
