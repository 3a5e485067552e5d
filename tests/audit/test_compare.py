"""Audit: one constructed scenario per finding, plus the "never in sync on partial data" rule."""

from __future__ import annotations

import copy

import pytest

from zoneplan.audit import audit
from zoneplan.loader import load_inventory
from zoneplan.observed import (
    Login,
    SwitchIdentity,
    SwitchState,
    Transaction,
    Zone,
    ZoneDb,
    ZoneStatus,
)
from zoneplan.plan.model import FabricPlan, Plan, PlanAlias, PlanZone, ZoneKind, ZoneMember
from zoneplan.topology import build_topology

ESX = "10:00:00:90:fa:c1:00:01"  # esx01/vmhba2/p0 on sw-a1 port 8
WIN = "21:00:00:24:ff:a1:b2:01"  # win01/hba0/p0 on sw-a1 port 9
T1 = "21:00:00:24:ff:7a:10:00"  # san1/hba0/p0 target on sw-a1 port 0
T2 = "21:00:00:24:ff:7a:20:00"  # san2/hba0/p0 target on sw-a2 port 1


@pytest.fixture(scope="module")
def topology():
    r = load_inventory("samples/euronas-cluster.yaml")
    return build_topology(r.inventory, r.source)


def make_plan() -> Plan:
    aliases = [
        PlanAlias(name=n, wwpn=w) for n, w in (("esx01_p0", ESX), ("san1_p0", T1), ("san2_p0", T2))
    ]
    zones = [
        PlanZone(
            name=f"z_esx01__{t}",
            kind=ZoneKind.CLIENT,
            members=[ZoneMember(name="esx01_p0", wwpn=ESX), ZoneMember(name=t, wwpn=w)],
        )
        for t, w in (("san1_p0", T1), ("san2_p0", T2))
    ]
    fp = FabricPlan(
        name="A",
        vendor="brocade",
        pack="brocade-fos",
        strategy="sist",
        requested_strategy="sist",
        config="cfg_A",
        aliases=aliases,
        zones=zones,
    )
    return Plan(
        inventory="t", inventory_hash="0", zoneplan_version="0", strategy="sist", fabrics=[fp]
    )


def make_db(plan: Plan, *, effective: bool = False) -> ZoneDb:
    fp = plan.fabrics[0]
    db = ZoneDb(source="sw-a1/cfgshow.txt")
    if not effective:
        db.aliases = {a.name: [a.wwpn] for a in fp.aliases}
    for z in fp.zones:
        members = [m.wwpn if effective else m.name for m in z.members]
        db.zones[z.name] = Zone(z.name, members=members, line=10)
    db.configs = {fp.config: [z.name for z in fp.zones]}
    db.effective = fp.config if effective else None
    return db


def make_state(plan: Plan, logins=(ESX, T1, T2), ports=None) -> SwitchState:
    st = SwitchState(SwitchIdentity("sw-a1"), "brocade")
    z = st.zoning_for(0)
    z.defined = make_db(plan)
    z.effective = make_db(plan, effective=True)
    z.effective.effective = "cfg_A"
    where = ports or {ESX: ("sw-a1", "8"), T1: ("sw-a1", "0"), T2: ("sw-a2", "1")}
    for w in logins:
        sw, port = where.get(w, (None, None))
        st.add_login(Login(w, switch=sw, port=port))
    st.seen["logins"] = "nsshow"
    st.seen["ports"] = "switchshow"
    st.seen["transaction"] = "cfgtransshow"
    st.transaction = Transaction()
    return st


def codes(result, fabric="A"):
    return sorted({f.code for f in result.findings})


def test_matching_fabric_is_in_sync_and_says_so(topology):
    plan = make_plan()
    r = audit(plan, topology, [make_state(plan)])
    assert r.verdicts["A"] == "incomplete"  # sw-a2 was not read: its logins are unknown
    other = SwitchState(SwitchIdentity("sw-a2"), "brocade")
    other.seen["logins"] = "nsshow"
    r = audit(plan, topology, [make_state(plan), other])
    assert r.verdicts["A"] == "incomplete"  # its ports and transaction state are unknown
    assert "sw-a2: ports not captured" in " ".join(f.message for f in r.findings)
    other.seen.update(ports="switchshow", transaction="cfgtransshow")
    other.cut["logins"] = "nsshow"  # a cut nsshow (ZP021) is not a read of the logins
    r = audit(plan, topology, [make_state(plan), other])
    assert r.verdicts["A"] == "incomplete" and "ZP615" not in codes(r)
    assert "sw-a2: logins cut short" in " ".join(f.message for f in r.findings)
    del other.cut["logins"]
    r = audit(plan, topology, [make_state(plan), other])
    assert r.verdicts["A"] == "in-sync"
    assert "ZP615" in codes(r)
    assert not [f for f in r.findings if f.severity.rank >= 1]


def test_missing_zone(topology):
    plan = make_plan()
    st = make_state(plan)
    del st.zoning[0].defined.zones["z_esx01__san2_p0"]
    r = audit(plan, topology, [st])
    assert "ZP601" in codes(r) and r.verdicts["A"] == "drift" and "ZP615" not in codes(r)


def test_unexpected_zone_and_too_small(topology):
    plan = make_plan()
    st = make_state(plan)
    st.zoning[0].defined.zones["old_zone"] = Zone("old_zone", members=[ESX])
    st.zoning[0].effective.zones["old_zone"] = Zone("old_zone", members=[ESX])
    assert {"ZP602", "ZP616"} <= set(codes(audit(plan, topology, [st])))


def test_zone_still_in_effect_after_its_removal_is_never_in_sync(topology):
    plan = make_plan()
    st = make_state(plan)
    other = SwitchState(SwitchIdentity("sw-a2"), "brocade")
    other.seen["logins"] = "nsshow"
    st.zoning[0].effective.zones["old_zone"] = Zone("old_zone", members=[ESX, T1])
    r = audit(plan, topology, [st, other])
    assert "ZP606" in codes(r) and "ZP615" not in codes(r) and r.verdicts["A"] == "drift"
    (f,) = [f for f in r.findings if f.code == "ZP606"]
    assert "old_zone" in f.message


def test_member_drift_names_the_extra_member(topology):
    plan = make_plan()
    st = make_state(plan)
    st.zoning[0].defined.zones["z_esx01__san1_p0"].members.append(WIN)
    r = audit(plan, topology, [st])
    (f,) = [f for f in r.findings if f.code == "ZP603"]
    assert WIN in f.message and "extra" in f.message and f.location.line == 10


def test_alias_drift(topology):
    plan = make_plan()
    st = make_state(plan)
    st.zoning[0].defined.aliases["esx01_p0"] = ["10:00:00:90:fa:c1:00:09"]
    assert "ZP604" in codes(audit(plan, topology, [st]))


def test_effective_not_planned_and_defined_not_effective(topology):
    plan = make_plan()
    st = make_state(plan)
    st.zoning[0].effective.effective = "old_cfg"
    assert "ZP606" in codes(audit(plan, topology, [st]))
    st = make_state(plan)
    st.zoning[0].defined.zones["z_esx01__san1_p0"].members.append("win01_p0")
    st.zoning[0].defined.aliases["win01_p0"] = [WIN]
    got = codes(audit(plan, topology, [st]))
    assert "ZP605" in got and "ZP603" in got
    assert "ZP605" not in codes(audit(plan, topology, [make_state(plan)]))


def test_unzoned_login_and_zoned_not_logged_in(topology):
    plan = make_plan()
    st = make_state(
        plan,
        logins=(ESX, T1, WIN),
        ports={ESX: ("sw-a1", "8"), T1: ("sw-a1", "0"), WIN: ("sw-a1", "9")},
    )
    other = SwitchState(SwitchIdentity("sw-a2"), "brocade")
    other.seen["logins"] = "nsshow"
    assert "ZP608" not in codes(audit(plan, topology, [st]))  # sw-a2 not read: no conclusion
    got = codes(audit(plan, topology, [st, other]))
    assert "ZP607" in got  # WIN logged in, zoned nowhere
    assert "ZP608" in got  # T2 zoned, not logged in


def test_miscabled_port(topology):
    plan = make_plan()
    st = make_state(plan, ports={ESX: ("sw-a1", "12"), T1: ("sw-a1", "0"), T2: ("sw-a2", "1")})
    r = audit(plan, topology, [st])
    (f,) = [f for f in r.findings if f.code == "ZP609"]
    assert "esx01/vmhba2/p0" in f.message and "port 12" in f.message and "port 8" in f.message


def test_live_mirror_zone_impure_and_multi_initiator(topology):
    plan = make_plan()
    st = make_state(plan)
    mirror = "21:00:00:24:ff:7a:11:00"
    for db in (st.zoning[0].defined, st.zoning[0].effective):
        db.zones["z_mix"] = Zone("z_mix", members=[mirror, ESX, WIN, T1])
    got = codes(audit(plan, topology, [st]))
    assert "ZP610" in got and "ZP611" in got


def test_open_transaction_and_locked_session_are_reported_never_cleared(topology):
    plan = make_plan()
    st = make_state(plan)
    st.transaction = Transaction(state="open", token="0x3109", abortable=True)
    st.zoning[0].status = ZoneStatus(vsan=0, session="cli", session_user="admin")
    r = audit(plan, topology, [st])
    (t,) = [f for f in r.findings if f.code == "ZP612"]
    (s,) = [f for f in r.findings if f.code == "ZP613"]
    assert "0x3109" in t.message and "will not abort" in t.message
    assert "admin" in s.message and "will not clear" in s.message


def test_partial_capture_is_never_in_sync(topology):
    plan = make_plan()
    st = make_state(plan)
    st.zoning[0].effective.complete = False
    r = audit(plan, topology, [st])
    assert r.verdicts["A"] == "incomplete"
    assert "ZP614" in codes(r) and "ZP615" not in codes(r)
    st2 = make_state(plan)
    st2.zoning[0].effective = None
    r2 = audit(plan, topology, [st2])
    assert r2.verdicts["A"] == "incomplete" and "ZP615" not in codes(r2)


def test_fabric_without_any_capture_is_incomplete(topology):
    plan = make_plan()
    plan2 = copy.deepcopy(plan)
    plan2.fabrics.append(plan.fabrics[0].model_copy(update={"name": "B"}))
    r = audit(plan2, topology, [make_state(plan)])
    assert r.verdicts["B"] == "incomplete"


def test_policy_only_without_a_plan():
    plan = make_plan()
    st = make_state(plan)
    st.zoning[0].effective.zones["z_all"] = Zone("z_all", members=[ESX, WIN, T1])
    st.add_login(Login(WIN, device_type="initiator"))
    st.logins[(0, ESX)].device_type = "initiator"
    r = audit(None, None, [st])
    assert "ZP611" in codes(r)
    assert all(v == "policy" for v in r.verdicts.values())
