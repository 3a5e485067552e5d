"""Observed switch states → one :class:`~.baseline.Baseline` per planned fabric.

Why a converter: ``zoneplan plan --against`` (and, later, ``zoneplan apply`` on a live read)
computes the change from what the switches hold now. The parsers give one
:class:`~zoneplan.observed.SwitchState` per switch; :func:`~zoneplan.fabrics.group_by_fabric`
merges them into fabrics (as for the audit); this module adds what the change engine needs
beyond the zone database: zone and device-alias modes, distribution, sessions, transactions
and locks, firmware, the zones of the other VSANs of the same switches (a device-alias is
fabric-wide), objects the capture printed twice, and whether the capture is reliable (an
error-level parser finding on any of its files makes it unreliable: nothing is removed).

A capture that does not name an inventory switch is assigned to a planned fabric only when
that is unambiguous (one planned fabric of its vendor).
"""

from __future__ import annotations

from typing import Iterable

from ..fabrics import FabricObservation, group_by_fabric
from ..findings import Finding, Location, Severity
from ..observed import SwitchState, ZoneDb
from ..packs import load_pack
from ..rules.capture import DuplicateDefinition, UnreadableCapture
from ..topology import Topology
from .baseline import Baseline
from .model import Plan

__all__ = ["baselines_by_fabric", "baseline_of"]


def baselines_by_fabric(
    states: Iterable[SwitchState],
    topology: Topology,
    plan: Plan,
    findings: Iterable[Finding] = (),
) -> tuple[dict[str, Baseline], list[Finding]]:
    """The observed baseline of each planned fabric, and findings for what cannot be placed."""
    states = list(states)
    found: list[Finding] = []
    groups = group_by_fabric(states, topology)
    planned = {fp.name: fp for fp in plan.fabrics}
    placed: dict[str, FabricObservation] = {}
    unplaced = []
    for name, obs in sorted(groups.items()):
        if obs.defined is None and obs.effective is None and name not in planned:
            continue
        if name in planned:
            placed[name] = obs
        elif name not in {f.name for f in topology.inventory.fabrics}:
            unplaced.append((name, obs))
    for name, obs in unplaced:
        vendor = _vendor(obs.switches, states)
        free = [fp for fp in plan.fabrics if fp.name not in placed and fp.vendor == vendor]
        if len(free) == 1:
            placed[free[0].name] = obs
        else:
            found.append(
                UnreadableCapture.make(
                    f"capture of {name} does not name a switch of the inventory and cannot be "
                    "assigned to one fabric: name the capture (folder or prompt) after a switch, "
                    "or use --fabric",
                    Location(obs.source()),
                    subject=name,
                )
            )
    findings = list(findings)
    by_name = {s.name: s for s in states}
    out = {
        name: baseline_of(name, planned[name].pack, obs, by_name, findings)
        for name, obs in placed.items()
    }
    return out, found


def baseline_of(
    fabric: str,
    pack_id: str,
    obs: FabricObservation,
    states: dict[str, SwitchState],
    findings: list[Finding] = [],  # noqa: B006 - read only
) -> Baseline:
    """One fabric's baseline from its observation and the states of its switches."""
    pack = load_pack(pack_id)
    mine = [states[s] for s in obs.switches if s in states]
    defined = obs.defined
    partial_defined = False
    if defined is None and obs.effective is None and _counted_empty(obs):
        # "Zone not present" / "Zoneset not present" print no database at all; the zone
        # status counting none says the database was read and is empty
        defined = ZoneDb(source=obs.source())
    if defined is None and obs.effective is not None:
        # only the effective configuration was captured: it stands in for the defined one,
        # marked incomplete (nothing is concluded from what it lacks)
        defined, partial_defined = obs.effective, True
    b = Baseline.from_db(
        fabric,
        pack,
        defined,
        obs.effective,
        obs.device_aliases,
        source=obs.source(),
        switches=list(obs.switches),
    )
    counted_empty = obs.defined is None and obs.effective is None and defined is not None
    if partial_defined:
        b.complete = False
        b.zones_listed = False
        b.defined_known = False
    if obs.partial:
        b.complete = False
    vsan = obs.vsan
    if not b.effective_known and obs.statuses:
        # no effective database captured, but the zone status names the active zoneset, or
        # says there is none ("Database Not Available")
        b.effective_known = True
        b.effective = next(
            (st.active_zoneset for _sw, st in obs.statuses if st.active_zoneset), None
        )
    for sw, status in obs.statuses:
        if status.mode and b.zone_mode is None:
            b.zone_mode = status.mode
        if status.smart_zoning is not None and b.smart_zoning is None:
            b.smart_zoning = status.smart_zoning
        if status.busy:
            who = f" by {status.session_user}" if status.session_user else ""
            b.sessions.append(
                f"{sw}: zone session of VSAN {status.vsan} held ({status.session}){who}"
            )
    for sw, t in obs.transactions:
        if t.state != "none":
            b.transactions.append(
                f"{sw}: open zoning transaction"
                + (f" {t.token}" if t.token else "")
                + ("" if t.abortable is None else (" (abortable)" if t.abortable else ""))
            )
    caps = pack.manifest.capabilities
    kind = pack.native_alias.name
    sources: set[str] = {obs.source()}
    for st in mine:
        sources.update(st.seen.values())
        if st.identity.firmware:
            b.firmware[st.name] = st.identity.firmware
        das = st.device_alias_status
        if das is not None:
            if das.distribution is not None and b.alias_distribution is None:
                b.alias_distribution = das.distribution
            if das.mode and b.alias_mode is None:
                b.alias_mode = das.mode.lower()
            if das.locked_by:
                b.alias_locks.append(f"{st.name}: {kind} database locked by {das.locked_by}")
            elif das.pending:
                b.alias_locks.append(f"{st.name}: {kind} changes pending (uncommitted)")
        listed = f"zones:{vsan}" in st.seen or "running_config" in st.seen or counted_empty
        if caps.vsans and not listed:
            b.zones_listed = False
        if not pack.native_alias.zone_db:
            _other_zone_dbs(b, st, vsan)
    for db in (obs.defined, obs.effective):
        if db is not None and db.source:
            sources.add(db.source)
    for f in findings:
        if f.location is None or f.location.file not in sources:
            continue
        if f.code == DuplicateDefinition.code:
            b.duplicates.append(f.subject or f.message)
        if f.severity in (Severity.ERROR, Severity.FATAL):
            b.complete = False
    return b


def _counted_empty(obs: FabricObservation) -> bool:
    """True when the fabric's zone status counts no zone, zoneset and alias at all."""
    return any(
        st.full_zones == 0 and st.full_zonesets == 0 and not st.full_aliases
        for _sw, st in obs.statuses
    )


def _other_zone_dbs(b: Baseline, st: SwitchState, vsan: int) -> None:
    """Names and pWWNs used by zones of the switch's other VSANs; VSANs not read."""
    known = set(st.vsans)
    if not known:
        b.unread.append(f"{st.name} (its VSAN list, `show vsan`, was not captured)")
    for key, z in st.zoning.items():
        if key == vsan:
            continue
        known.add(key)
        for db in (z.defined, z.effective):
            if db is None:
                continue
            for zone in db.zones.values():
                b.used_elsewhere.update(zone.all_members())
    for v in sorted(known - {vsan}):
        other = st.zoning.get(v)
        if other is None or other.defined is None:
            b.unread.append(f"{st.name} VSAN {v}")


def _vendor(switches: list[str], states: Iterable[SwitchState]) -> str | None:
    for s in states:
        if s.name in switches:
            return s.vendor
    return None
