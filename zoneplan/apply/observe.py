"""Read one fabric live, as the plan read its capture: states → fabric → baseline → fingerprint.

Why the same path as ``plan --against``: the fingerprint ``apply`` compares with plan.json's
must be computed from the same parsers and the same merge (:func:`zoneplan.fabrics.
group_by_fabric`, :func:`zoneplan.plan.against.baseline_of`), so a live read is written as a
capture folder (the record's ``before/`` / ``after/``) and parsed back, exactly like
``zoneplan collect`` + ``plan --against``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..fabrics import FabricObservation, group_by_fabric
from ..findings import Finding
from ..live.collect import SwitchResult, Target, collect_async
from ..live.ssh import SshOptions
from ..plan.against import baseline_of
from ..plan.baseline import Baseline
from ..plan.fingerprint import canonical_zoning, observation_fingerprint
from ..plan.model import FabricPlan
from ..topology import Topology

__all__ = ["LiveFabric", "read_fabric"]


@dataclass
class LiveFabric:
    """What one live read of a fabric gave."""

    results: list[SwitchResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    obs: FabricObservation | None = None
    baseline: Baseline | None = None
    fingerprint: str | None = None
    canonical: dict[str, Any] | None = None
    seconds: float = 0.0

    @property
    def readable(self) -> bool:
        """Every switch read completely, and the fabric's zoning found."""
        return bool(self.results) and all(r.readable for r in self.results) and self.obs is not None

    @property
    def busy(self) -> list[str]:
        """Open transactions, held sessions and locked or pending alias databases."""
        b = self.baseline
        return [] if b is None else [*b.transactions, *b.sessions, *b.alias_locks]

    def empty(self) -> bool:
        """No zoning object at all (a new fabric)."""
        o = self.obs
        if o is None:
            return False
        dbs = [db for db in (o.defined, o.effective) if db is not None]
        return not o.device_aliases and all(
            not (db.aliases or db.zones or db.configs or db.effective) for db in dbs
        )


async def read_fabric(
    fp: FabricPlan,
    targets: Sequence[Target],
    topology: Topology,
    out: Path | None,
    ssh: SshOptions,
) -> LiveFabric:
    """Read every switch of ``fp`` (``targets``), keep the capture in ``out``."""
    import time

    t0 = time.monotonic()
    live = LiveFabric()
    live.results = await collect_async(list(targets), out=out, ssh_options=ssh, concurrency=4)
    live.findings = [f for r in live.results for f in r.findings]
    states = [r.state for r in live.results if r.state is not None]
    live.seconds = time.monotonic() - t0
    if not states:
        return live
    obs = group_by_fabric(states, topology).get(fp.name)
    if obs is None:
        return live
    live.obs = obs
    live.baseline = baseline_of(fp.name, fp.pack, obs, {s.name: s for s in states}, live.findings)
    live.fingerprint = observation_fingerprint(obs)
    live.canonical = canonical_zoning(obs.defined, obs.effective, obs.device_aliases)
    return live
