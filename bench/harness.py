"""Whole-process measurements: a command and its yardstick, run alternately, as ratios.

Why alternately and as ratios: the benchmark machine is shared (two cores, load average often
above 8), so an absolute time says more about the neighbours than about zoneplan. A command
and its yardstick (a plain ``yaml.load`` of the same file, ``python -c "import yaml"``…) run
one after the other, round after round; each round gives one ratio, and the median and the
spread (lowest–highest) of those ratios are reported. Wall time and CPU time (user + system
of the child, from ``wait4``) are both kept: under load the CPU ratio is the steadier one.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
ZONEPLAN = [PYTHON, "-m", "zoneplan"]


@dataclass(frozen=True)
class Sample:
    """One run of one process."""

    wall: float  #: seconds
    cpu: float  #: user + system seconds of the process (and what it waited for)
    rss_mb: float  #: peak resident set size
    code: int  #: exit status


def run(argv: Sequence[str], *, cwd: Path | None = None, stdout: Path | None = None) -> Sample:
    """Run ``argv`` once; its standard output goes to ``stdout`` (a file, never a terminal:
    what a pipe, a CI log or ``> file`` gets) or is discarded."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), cwd=cwd or ROOT, env=env, stdout=out, stderr=subprocess.PIPE
        )
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout:
            out.close()  # type: ignore[union-attr]
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err.decode()[-2000:]}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode)


@dataclass
class Spread:
    """Per-round values: the median and the range."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def text(self, unit: str = "×", digits: int = 2) -> str:
        lo, hi = min(self.values), max(self.values)
        med = f"{self.median:.{digits}f}{unit}"
        if len(self.values) == 1 or f"{lo:.{digits}f}" == f"{hi:.{digits}f}":
            return med
        return f"{med} ({lo:.{digits}f}–{hi:.{digits}f})"


@dataclass
class Comparison:
    """A command against its yardstick, round by round."""

    ours: list[Sample] = field(default_factory=list)
    base: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> Spread:
        return Spread([o.wall / b.wall for o, b in zip(self.ours, self.base, strict=True)])

    @property
    def cpu(self) -> Spread:
        return Spread([o.cpu / b.cpu for o, b in zip(self.ours, self.base, strict=True)])

    @property
    def rss_mb(self) -> float:
        return max(o.rss_mb for o in self.ours)

    def seconds(self, which: str = "ours") -> Spread:
        return Spread([s.wall for s in getattr(self, which)])

    def cpu_seconds(self, which: str = "ours") -> Spread:
        return Spread([s.cpu for s in getattr(self, which)])


def compare(
    ours: Sequence[str],
    base: Sequence[str],
    rounds: int,
    *,
    stdout: Path | None = None,
    cwd: Path | None = None,
) -> Comparison:
    """``rounds`` rounds of (yardstick, command), alternating which goes first."""
    c = Comparison()
    for i in range(rounds):
        if i % 2:
            c.ours.append(run(ours, stdout=stdout, cwd=cwd))
            c.base.append(run(base, cwd=cwd))
        else:
            c.base.append(run(base, cwd=cwd))
            c.ours.append(run(ours, stdout=stdout, cwd=cwd))
    return c


def python_probe(code: str, *args: str) -> list[str]:
    """A ``python -c`` command line (the repository on ``sys.path``)."""
    return [PYTHON, "-c", code, *args]


#: the yardstick of the inventory commands: a process that loads the file with libyaml
PLAIN_LOAD = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), Loader=yaml.CSafeLoader)"


def load_average() -> str:
    """``8.1 / 9.3 / 10.2`` (1, 5, 15 minutes)."""
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())
