"""The inventory's ISLs against the links the switches list (ZP625-ZP630).

The sample's two fabrics (Brocade A: islshow by port index, WWN and domain; Cisco B in VSAN
20: show topology by interface, domain and name), every inventory ISL listed by both its
switches as their dialect lists it, then one fault planted at a time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.planstate import plant_isls, states_from_plan
from zoneplan.audit import audit
from zoneplan.loader import load_inventory, parse_inventory
from zoneplan.observed import FABRIC_KEY, Isl, Port
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"
WWN = {
    "sw-a1": "10:00:c4:f5:7c:00:00:a1",
    "sw-a2": "10:00:c4:f5:7c:00:00:a2",
    "mds-b1": "20:00:00:de:fb:00:00:b1",
    "mds-b2": "20:00:00:de:fb:00:00:b2",
}
ISL_CODES = ("ZP625", "ZP626", "ZP627", "ZP628", "ZP629", "ZP630")


def _fabric(text: str | None = None):
    if text is None:
        r = load_inventory(SAMPLE)
    else:
        r = parse_inventory(text, "site.yaml")
    assert r.inventory is not None, [f.message for f in r.findings]
    topo = build_topology(r.inventory, r.source)
    plan = build_plan(topo)
    states = states_from_plan(plan, topo)
    for name, st in states.items():
        st.identity.wwn = WWN.get(name)
    plant_isls(states, topo)
    for st in states.values():
        st.seen["isls"] = f"{st.name}/islshow.txt"
    return plan, topo, states


def _isl_findings(plan, topo, states) -> list[tuple[str, str]]:
    result = audit(plan, topo, states.values())
    return sorted((f.code, f.message) for f in result.findings if f.code in ISL_CODES)


def _codes(found) -> list[str]:
    return [c for c, _m in found]


def test_every_isl_listed_as_planned_is_clean():
    assert _isl_findings(*_fabric()) == []


def test_an_isl_neither_switch_lists_is_missing():
    plan, topo, states = _fabric()
    for name in ("sw-a1", "sw-a2"):
        states[name].isls = [i for i in states[name].isls if i.local_port != 47]
    for name in ("mds-b1", "mds-b2"):
        states[name].isls = [i for i in states[name].isls if i.local_port != "fc1/48"]
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP625", "ZP625"], found
    assert "ISL sw-a1:47 - sw-a2:47 is not up" in found[1][1] + found[0][1]
    assert any("mds-b1:fc1/48 - mds-b2:fc1/48" in m for _c, m in found)


def test_a_fabric_read_in_part_is_not_judged_missing():
    plan, topo, states = _fabric()
    for name in ("sw-a1", "sw-a2"):
        states[name].isls = [i for i in states[name].isls if i.local_port != 47]
    del states["sw-a2"].seen["isls"]  # sw-a2's islshow not captured
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP629"], found
    assert "sw-a2" in found[0][1] and "1 of 2" in found[0][1]
    states["sw-a1"].cut["isls"] = "sw-a1/islshow.txt"  # cut short: not read whole either
    states["sw-a2"].seen["isls"] = "sw-a2/islshow.txt"
    assert _codes(_isl_findings(plan, topo, states)) == ["ZP629"]


def test_an_isl_in_the_wrong_port_or_to_the_wrong_switch_is_miswired():
    plan, topo, states = _fabric()
    for st, far in ((states["sw-a1"], 45), (states["sw-a2"], None)):
        for isl in st.isls:
            if isl.local_port == 47 and far is not None:
                isl.remote_port = far  # sw-a1:47 lands on sw-a2 port 45
    states["sw-a2"].isls = [i for i in states["sw-a2"].isls if i.local_port != 47]
    states["sw-a2"].isls.append(Isl(45, 47, 1, WWN["sw-a1"], "sw-a1"))
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP627"], found
    assert "sw-a1 port 47 - sw-a2 port 45" in found[0][1]


def test_an_isl_to_the_other_fabric_merges_them():
    plan, topo, states = _fabric()
    states["sw-a1"].isls.append(Isl(40, "fc1/40", 11, WWN["mds-b1"], "mds-b1"))
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP628"], found
    assert "fabrics A and B are merged" in found[0][1]
    (f,) = [f for f in audit(plan, topo, states.values()).findings if f.code == "ZP628"]
    assert f.severity.value == "error" and f.about.switch == "sw-a1"
    assert f.about.switch_port == "40" and f.about.fabric == "A"


def test_an_isl_the_inventory_lacks_is_said_once_whichever_end_lists_it():
    plan, topo, states = _fabric()
    states["sw-a1"].isls.append(Isl(44, 44, 2, WWN["sw-a2"], "sw-a2"))
    states["sw-a2"].isls.append(Isl(44, 44, 1, WWN["sw-a1"], "sw-a1"))
    # a neighbour nobody read and the inventory lacks: named as the output names it
    states["mds-b2"].isls.append(
        Isl("fc1/30", "fc1/1", 0x33, None, "mds-edge9", vsan=20, remote_ip="10.9.9.9")
    )
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP626", "ZP626"], found
    text = " ".join(m for _c, m in found)
    assert "sw-a1 port 44 has an ISL to sw-a2 port 44" in text or "sw-a2 port 44" in text
    assert "mds-edge9, domain 51, a switch the inventory lacks" in text


def test_a_trunk_slave_is_seen_by_its_e_port_and_a_trunk_alone_is_taken_as_seen():
    plan, topo, states = _fabric()
    for name in ("sw-a1", "sw-a2"):
        st = states[name]
        st.isls = [i for i in st.isls if i.local_port == 46]
        st.isls[0].flags.append("TRUNK")
    # no switchshow: the trunk stands for its members, said at info
    for name in ("sw-a1", "sw-a2"):
        del states[name].seen["ports"]
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP630"], found
    # switchshow read: port 47 an online E-Port to the neighbour is the trunk's slave
    for name, peer in (("sw-a1", "sw-a2"), ("sw-a2", "sw-a1")):
        states[name].ports = {
            "47": Port("47", index=47, state="Online", type="E-Port", neighbour_wwn=WWN[peer])
        }
        states[name].seen["ports"] = f"{name}/switchshow.txt"
    assert _isl_findings(plan, topo, states) == []
    # ... and offline, it is missing
    for name in ("sw-a1", "sw-a2"):
        states[name].ports["47"].state = "No_Light"
    assert _codes(_isl_findings(plan, topo, states)) == ["ZP625"]


def _port_channel(states, members: dict[str, list[str]] | None) -> None:
    """mds-b1 and mds-b2 list their two ISLs as port-channel1 (one show topology row per VSAN
    20); ``members``: each switch's member interfaces as show interface brief says them."""
    for name, peer in (("mds-b1", "mds-b2"), ("mds-b2", "mds-b1")):
        st = states[name]
        st.isls = [
            Isl(
                "port-channel1",
                "port-channel1",
                12 if name == "mds-b1" else 11,
                None,
                peer,
                vsan=20,
            )
        ]
        for m in (members or {}).get(name, []):
            st.ports[m] = Port(m, state="trunking", type="E-Port", port_channel="1")


def test_a_port_channel_is_compared_as_its_members_when_they_were_read():
    plan, topo, states = _fabric()
    both = ["fc1/47", "fc1/48"]
    _port_channel(states, {"mds-b1": both, "mds-b2": both})
    assert _isl_findings(plan, topo, states) == []
    plan, topo, states = _fabric()
    _port_channel(states, {"mds-b1": ["fc1/47"], "mds-b2": ["fc1/47"]})
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP625"] and "fc1/48" in found[0][1], found


def test_a_port_channel_without_its_members_is_taken_as_seen_and_said():
    plan, topo, states = _fabric()
    _port_channel(states, None)
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP630", "ZP630"], found
    assert "show port-channel database" in found[0][1]


GATEWAY = SAMPLE.read_text().replace(
    "isls:\n",
    "  - {name: ag-a3, fabric: A, mode: access-gateway, ports: 24}\n\nisls:\n"
    '  - {a: "ag-a3:0", b: "sw-a1:40"}\n',
    1,
)


def test_access_gateway_uplinks_are_not_compared_and_say_so():
    plan, topo, states = _fabric(GATEWAY)
    for st in states.values():  # an uplink is no ISL: no listing shows it
        st.isls = [i for i in st.isls if "ag-a3" not in (st.name, i.remote_name)]
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP629"], found
    assert "1 uplink(s) of Access Gateway / NPV switches not compared" in found[0][1]


@pytest.mark.parametrize("key", [FABRIC_KEY])
def test_a_switch_listing_nothing_read_whole_makes_every_isl_missing(key):
    plan, topo, states = _fabric()
    for name in ("sw-a1", "sw-a2"):
        states[name].isls = []  # "No ISL found" on both
    assert _codes(_isl_findings(plan, topo, states)) == ["ZP625", "ZP625"]


def _nxos_pair(members: list[str] | None):
    """Two MDS switches of VSAN 20 whose show topology lists one port-channel between them;
    ``members``: the member interfaces each switch's show interface brief lists."""
    from zoneplan.observed import Login, SwitchIdentity, SwitchState

    out = []
    for name, dom, peer in (("mds-x1", 21, "mds-x2"), ("mds-x2", 22, "mds-x1")):
        st = SwitchState(SwitchIdentity(name, domain=dom), "cisco")
        st.isls = [Isl("port-channel7", "port-channel7", 43 - dom, None, peer, vsan=20)]
        st.seen.update(isls=f"{name}/show_topology.txt", ports=f"{name}/ifbrief.txt")
        for m in members or []:
            st.ports[m] = Port(m, state="trunking", type="E-Port", port_channel="7")
        st.ports["fc1/1"] = Port("fc1/1", state="up", type="F-Port")
        wwpn = f"21:00:00:24:ff:00:00:{dom:02x}"  # a host on fc1/1: the switch is in VSAN 20
        st.add_login(Login(wwpn, switch=name, port="fc1/1", vsan=20, fcid=f"0x{dom:02x}0000"))
        st.seen["logins"] = f"{name}/flogi.txt"
        out.append(st)
    return out


def test_the_draft_holds_a_port_channel_as_its_members_when_they_were_read():
    from zoneplan.importer import draft_inventory

    findings: list = []
    data = draft_inventory(_nxos_pair(["fc1/10", "fc1/9"]), findings=findings)
    assert data["isls"] == [
        {"a": "mds-x1:fc1/9", "b": "mds-x2:fc1/9"},
        {"a": "mds-x1:fc1/10", "b": "mds-x2:fc1/10"},
    ]
    (f,) = [f for f in findings if f.code == "ZP630"]
    assert "paired in port order" in f.message
    findings = []
    data = draft_inventory(_nxos_pair(None), findings=findings)
    assert data["isls"] == [{"a": "mds-x1:port-channel7", "b": "mds-x2:port-channel7"}]
    (f,) = [f for f in findings if f.code == "ZP630"]
    assert "member ports were not read" in f.message


def test_a_fabricshow_listing_the_other_fabrics_switch_says_they_are_merged():
    from zoneplan.observed import FabricMember

    plan, topo, states = _fabric()
    states["sw-a1"].fabric = [
        FabricMember(1, "fffc01", WWN["sw-a1"], name="sw-a1", principal=True),
        FabricMember(2, "fffc02", WWN["sw-a2"], name="sw-a2"),
        FabricMember(11, "fffc0b", WWN["mds-b1"], name="mds-b1"),
    ]
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP628"], found
    assert "sw-a1's fabricshow lists mds-b1 (domain 11) of fabric B" in found[0][1]
    # with the ISL itself listed too: said once, by the ISL
    states["sw-a1"].isls.append(Isl(40, "fc1/40", 11, WWN["mds-b1"], "mds-b1"))
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP628"] and "has an ISL to mds-b1" in found[0][1], found


def test_the_other_fabric_reusing_the_domain_ids_is_not_a_merge():
    """Fabric B's MDS switches take domains 1 and 2 like fabric A's: show topology names its
    peers by domain, looked up in fabric B only."""
    text = SAMPLE.read_text().replace("domain_id: 11,", "domain_id: 1,")
    text = text.replace("domain_id: 12,", "domain_id: 2,")
    plan, topo, states = _fabric(text)
    for st in states.values():
        for isl in st.isls:
            isl.remote_name = ""  # the address-only layout: the domain names the peer
            isl.remote_ip = None
    assert _isl_findings(plan, topo, states) == []
    # whichever fabric's switches come last
    assert _isl_findings(plan, topo, dict(reversed(states.items()))) == []


def test_an_isl_that_does_not_carry_the_fabrics_vsan_is_not_up_for_it():
    plan, topo, states = _fabric()
    for name in ("mds-b1", "mds-b2"):
        for isl in states[name].isls:
            if isl.local_port == "fc1/48":
                isl.vsan = 1  # the link trunks VSAN 1 only: VSAN 20 not allowed on it
    found = _isl_findings(plan, topo, states)
    assert _codes(found) == ["ZP625"], found
    assert "listed in VSAN 1 only, not in the fabric's VSAN 20" in found[0][1]
