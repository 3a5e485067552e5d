"""Fixtures of the plan tests."""

from __future__ import annotations

import pytest
from plan_helpers import PLAN_SAMPLES, SAMPLES, topology_of

from zoneplan.topology import Topology


@pytest.fixture(scope="session")
def sample_topologies() -> dict[str, Topology]:
    return {name: topology_of(SAMPLES / f"{name}.yaml") for name in PLAN_SAMPLES}
