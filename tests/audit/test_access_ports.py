"""Access lost / redundancy lost (ZP619/ZP620) on port-zoned fabrics.

A zone member that is a port (Brocade ``domain,index``, NX-OS ``interface fcS/P swwn W`` or
``domain-id D``, ``fcid 0x…``) gives access to whatever is logged in on that port: a client
whose ports are zoned by port has its paths, and loses them when its port goes dark. The
fabrics are the sample's plan, its effective zones rewritten to port members.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.planstate import states_from_plan
from zoneplan.audit import audit
from zoneplan.loader import load_inventory
from zoneplan.observed import Zone
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"
ESX01_A = "10:00:00:90:fa:c1:00:01"  # esx01/vmhba2/p0, cabled to sw-a1 port 8
ESX01_B = "10:00:00:90:fa:c1:00:02"  # esx01/vmhba2/p1, cabled to mds-b1 fc1/9
SWWN = {"mds-b1": "20:00:00:de:fb:00:0b:01", "mds-b2": "20:00:00:de:fb:00:0c:01"}


def _port_zoned(style_b: str = "swwn"):
    """The sample planned fabric, every effective zone's members written as the ports their
    WWPNs are logged in on (A: ``D,I``; B: ``interface fcS/P swwn W`` or ``domain-id D``),
    every login with its FCID (domain, port, 00) as the name servers print it."""
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    plan = build_plan(topo)
    states = states_from_plan(plan, topo)
    where: dict[str, str] = {}
    for name, st in states.items():
        dom = topo.switches[name].domain_id
        if name in SWWN:
            st.identity.wwn = SWWN[name]
        for login in st.logins.values():
            index = int(login.port.rsplit("/", 1)[-1]) if login.port else 0
            login.fcid = f"0x{dom:02x}{index:02x}00"
            if st.vendor == "brocade":
                where[login.wwpn] = f"{dom},{login.port}"
            elif style_b == "swwn":
                where[login.wwpn] = f"interface {login.port} swwn {SWWN[name]}"
            else:
                where[login.wwpn] = f"interface {login.port} domain-id {dom}"
    for st in states.values():
        for z in st.zoning.values():
            eff = z.effective
            for zname, zone in list(eff.zones.items()):
                eff.zones[zname] = Zone(
                    zname,
                    members=[where.get(m, m) for m in zone.members],
                    principals=[where.get(m, m) for m in zone.principals],
                    kind=zone.kind,
                )
    return plan, topo, states


def _drop(states, wwpn: str) -> None:
    for st in states.values():
        for key in [k for k in st.logins if k[1] == wwpn]:
            del st.logins[key]


def _lost(result) -> list[tuple[str, str, str | None]]:
    return sorted(
        (f.code, f.subject, f.about.fabric) for f in result.findings if f.code in ("ZP619", "ZP620")
    )


def test_port_zoned_clients_have_their_paths():
    for style in ("swwn", "domain-id"):
        plan, topo, states = _port_zoned(style)
        result = audit(plan, topo, states.values())
        assert _lost(result) == [], [f.message for f in result.findings]
        # the policy checks read the same ports: nobody is unzoned, no member absent
        codes = {f.code for f in result.findings}
        assert not codes & {"ZP607", "ZP608"}, [f.message for f in result.findings]


def test_a_port_zoned_client_whose_port_is_dark_lost_that_fabric():
    plan, topo, states = _port_zoned()
    _drop(states, ESX01_B)
    result = audit(plan, topo, states.values())
    assert _lost(result) == [("ZP620", "esx01", "B")]
    (f,) = [f for f in result.findings if f.code == "ZP620"]
    assert "esx01/vmhba2/p1" in f.message and "not logged in" in f.message


def test_a_port_zoned_client_dark_on_both_fabrics_lost_access():
    plan, topo, states = _port_zoned("domain-id")
    _drop(states, ESX01_A)
    _drop(states, ESX01_B)
    assert _lost(audit(plan, topo, states.values())) == [("ZP619", "esx01", "")]


def test_a_port_zone_whose_target_ports_are_dark_gives_no_path():
    """The targets are port members too: with every cluster target port of fabric A dark,
    the clients zoned by port on A have no path there."""
    plan, topo, states = _port_zoned()
    for w in ("21:00:00:24:ff:7a:10:00", "21:00:00:24:ff:7a:10:01", "21:00:00:24:ff:7a:20:00"):
        _drop(states, w)
    lost = _lost(audit(plan, topo, states.values()))
    assert {s for _c, s, _f in lost} == {"esx01", "esx02", "win01", "xen01", "lnx01", "xsan01"}
    assert {(c, f) for c, _s, f in lost} == {("ZP620", "A")}


def test_a_new_wwpn_on_a_port_zoned_port_is_said_zoned_by_its_port():
    """An HBA swapped behind a port zone keeps its access (the zone names the port): the
    finding says the inventory is out of date, not that nothing zones the new WWPN."""
    plan, topo, states = _port_zoned()
    login = states["sw-a1"].logins.pop((0, ESX01_A))
    login.wwpn = "10:00:00:90:fa:c1:99:01"
    states["sw-a1"].logins[(0, login.wwpn)] = login
    result = audit(plan, topo, states.values())
    (f,) = [f for f in result.findings if f.code == "ZP621"]
    assert "nothing zones the new WWPN" not in f.message
    assert "port zone" in f.message
    assert _lost(result) == []
