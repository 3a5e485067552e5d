"""ZP5xx: each rule fires on a plan constructed to break it, and stays quiet on the samples."""

from __future__ import annotations

import pytest
from plan_helpers import PLAN_SAMPLES, STRATEGIES

from tests.support.inventories import InventoryParams, random_inventory
from zoneplan.findings import Severity
from zoneplan.plan import ZoneKind, build_plan
from zoneplan.plan.checks import check_plan
from zoneplan.plan.model import MemberRole, PlanZone, ZoneMember
from zoneplan.rules.base import SECTIONS
from zoneplan.rules.registry import all_rules
from zoneplan.rules.zoning import RULES
from zoneplan.topology import build_topology


def codes(plan, topo):
    return sorted({f.code for f in check_plan(plan, topo)})


def test_catalogue_entries_are_complete():
    registered = {r.code for r in all_rules()}
    for rule in RULES:
        assert rule.code in registered and rule.code.startswith("ZP5")
        assert rule.scope == "plan"
        assert set(rule.sections()) == set(SECTIONS), rule.code
        assert rule.summary()


@pytest.mark.parametrize("sample", PLAN_SAMPLES)
def test_samples_are_clean(sample, sample_topologies):
    topo = sample_topologies[sample]
    plan = build_plan(topo)
    assert [f.parsable() for f in check_plan(plan, topo)] == []


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_strategy_fallback_is_flagged(strategy, sample_topologies):
    topo = sample_topologies["euronas-cluster"]  # A brocade, B cisco
    found = codes(build_plan(topo, strategy), topo)
    assert ("ZP510" in found) == (strategy in ("peer", "smart"))


def _member(topo, ref, role):
    p = topo.by_ref[ref]
    return ZoneMember(name=ref.replace("/", "_"), wwpn=p.wwpn, ref=ref, role=role)


def test_mirror_zone_impure(sample_topologies):
    topo = sample_topologies["mirror-via-switch"]
    plan = build_plan(topo)
    fa = plan.fabric("A")
    mirror = next(z for z in fa.zones if z.kind is ZoneKind.MIRROR)
    mirror.members.append(_member(topo, "mu-esx01/vmhba1/p0", MemberRole.INITIATOR))
    assert "ZP501" in codes(plan, topo)


def test_client_zone_with_mirror_port_is_impure(sample_topologies):
    topo = sample_topologies["mirror-via-switch"]
    plan = build_plan(topo)
    client = next(z for z in plan.fabric("A").zones if z.kind is ZoneKind.CLIENT)
    client.members.append(_member(topo, "muc-san1/hba1/p0", MemberRole.BOTH))
    assert "ZP501" in codes(plan, topo)


def test_zone_without_initiator_and_without_target(sample_topologies):
    topo = sample_topologies["euronas-cluster"]
    plan = build_plan(topo)
    zones = plan.fabric("A").zones
    first = next(z for z in zones if z.kind is ZoneKind.CLIENT)
    first.members = [m for m in first.members if m.role is MemberRole.TARGET]
    second = next(z for z in zones if z.kind is ZoneKind.CLIENT and z is not first)
    second.members = [m for m in second.members if m.role is MemberRole.INITIATOR]
    found = codes(plan, topo)
    assert "ZP502" in found and "ZP503" in found


def test_zone_spanning_fabrics(sample_topologies):
    topo = sample_topologies["euronas-cluster"]
    plan = build_plan(topo)
    z = next(z for z in plan.fabric("A").zones if z.kind is ZoneKind.CLIENT)
    z.members.append(_member(topo, "san1/hba0/p2", MemberRole.TARGET))  # a fabric-B port
    assert "ZP504" in codes(plan, topo)


def test_split_fabric_segment_is_spanning():
    inv = random_inventory(InventoryParams(hosts=4, switches_a=2, isl_a=False, seed=5))
    topo = build_topology(inv)
    plan = build_plan(topo)
    z = plan.fabric("A").zones[0]
    near = topo.by_ref[z.members[0].ref]
    a_ports = [p for p in topo.ports if topo.fabric_of(p) == "A"]
    far = next(p for p in a_ports if not topo.same_segment(near, p))
    z.members.append(ZoneMember(name="x", wwpn=far.wwpn, ref=far.ref, role=MemberRole.TARGET))
    assert "ZP504" in codes(plan, topo)


def test_client_missing_node_zone(sample_topologies):
    topo = sample_topologies["euronas-cluster"]
    plan = build_plan(topo)
    fa = plan.fabric("A")
    fa.zones = [z for z in fa.zones if not z.name.endswith("__san2_hba0_p0")]
    found = [f for f in check_plan(plan, topo) if f.code == "ZP505"]
    assert len(found) == 6 and all("san2" in f.message for f in found)
    assert all(f.location is not None and f.location.line for f in found)


def test_client_unreachable_node_flagged():
    inv = random_inventory(InventoryParams(hosts=3, san2_targets=0, seed=1))
    topo = build_topology(inv)
    assert "ZP505" in codes(build_plan(topo), topo)


def test_zone_db_over_and_near_limit(sample_topologies):
    topo = sample_topologies["euronas-cluster"]
    plan = build_plan(topo)
    fa = plan.fabric("A")
    fa.size.limit = fa.size.bytes - 1
    found = [f for f in check_plan(plan, topo) if f.code == "ZP506"]
    assert found and "--strategy peer" in found[0].hint
    fa.size.limit = int(fa.size.bytes / 0.9)
    assert "ZP512" in codes(plan, topo)


def test_director_only_fabric_gets_director_limit(sample_topologies):
    plan = build_plan(sample_topologies["brocade-only"])
    assert plan.fabric("B").director_only and plan.fabric("B").size.limit == 2097152
    assert not plan.fabric("A").director_only and plan.fabric("A").size.limit == 1048576


def test_illegal_and_duplicate_names(sample_topologies):
    topo = sample_topologies["cisco-only"]
    plan = build_plan(topo)
    fa = plan.fabric("A")
    fa.zones.append(PlanZone(name="1legacy", kind=ZoneKind.EXISTING))  # Cisco: letter first
    fa.zones.append(PlanZone(name=fa.zones[0].name, kind=ZoneKind.EXISTING))
    found = {f.code: f for f in check_plan(plan, topo)}
    assert "ZP507" in found and "1legacy" in found["ZP507"].message
    assert found["ZP508"].severity is Severity.ERROR


def test_collision_and_truncation_reported():
    inv = random_inventory(InventoryParams(hosts=8, odd_names=True, seed=4))
    topo = build_topology(inv)
    assert "ZP508" in codes(build_plan(topo), topo)
    inv = random_inventory(InventoryParams(hosts=2, long_names=True, seed=4))
    topo = build_topology(inv)
    assert "ZP509" in codes(build_plan(topo), topo)


def test_unzoned_cluster_port():
    # mirror ports through switches of fabric A only on one node: san2's on B is alone
    inv = random_inventory(InventoryParams(hosts=1, mirror_via_switch=True, seed=2))
    data = inv.model_dump(mode="json", exclude_none=True)
    node = data["cluster"]["nodes"][1]
    mirror = next(h for h in node["hbas"] if h["name"] == "hba1")
    mirror["ports"] = mirror["ports"][:1]  # san2 keeps only its fabric-A mirror port
    from zoneplan.model import Inventory

    topo = build_topology(Inventory.model_validate(data))
    found = [f for f in check_plan(build_plan(topo), topo) if f.code == "ZP511"]
    assert found and "san1/hba1/p1" in found[0].message
