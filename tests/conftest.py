"""Shared test helpers: hypothesis profiles, repository paths, the shared captures folder,
inventory mutation."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml
from hypothesis import HealthCheck, settings

from tests.support.paths import CAPTURES, REPO, SAMPLES, SHARED_ABSENT, shared_root

SHARED = shared_root()
__all__ = ["CAPTURES", "REPO", "SAMPLES", "SHARED"]

# Hypothesis profiles, registered once for every property test (tests set no max_examples):
#   default  what `make test` runs: a few dozen examples per property, quick on 2 cores;
#   fuzz     what `make fuzz` runs: ZONEPLAN_FUZZ_EXAMPLES (2000 unless set) per property.
# ZONEPLAN_HYPOTHESIS_PROFILE picks one; ZONEPLAN_FUZZ_EXAMPLES alone implies `fuzz`.
# Deadlines are off (a loaded, shared machine is not a slow parser); where a test wants one it
# says so itself.
settings.register_profile(
    "default",
    max_examples=int(os.environ.get("ZONEPLAN_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("ZONEPLAN_FUZZ_EXAMPLES", "2000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(
    os.environ.get("ZONEPLAN_HYPOTHESIS_PROFILE")
    or ("fuzz" if os.environ.get("ZONEPLAN_FUZZ_EXAMPLES") else "default")
)


@pytest.fixture(scope="session")
def sample_data() -> dict[str, Any]:
    """The main sample inventory as plain data (quoted WWPNs make safe_load exact)."""
    return yaml.safe_load((SAMPLES / "euronas-cluster.yaml").read_text())


@pytest.fixture
def write_inventory(tmp_path: Path, sample_data: dict[str, Any]) -> Callable[..., Path]:
    """Write the sample, mutated by ``change(data)``, to a temporary file and return its path."""

    def make(change: Callable[[dict[str, Any]], Any] | None = None, name: str = "inv.yaml") -> Path:
        data = copy.deepcopy(sample_data)
        if change is not None:
            change(data)
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, sort_keys=False))
        return path

    return make


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line that says how many tests did not run because ``../shared`` is absent.

    Why: without it a checkout without the shared material looks fully tested; pytest's own
    summary only says "N skipped".
    """
    skipped = terminalreporter.stats.get("skipped", [])
    n = sum(1 for report in skipped if SHARED_ABSENT in str(getattr(report, "longrepr", "")))
    if n:
        terminalreporter.write_line(
            f"skipped because {SHARED_ABSENT} ({shared_root()}): {n} tests "
            "(real captures, SNMP recordings, the seed); set ZONEPLAN_SHARED to run them",
            yellow=True,
        )
