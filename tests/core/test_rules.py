"""A failing and a passing case for every inventory rule, on mutations of the main sample."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from zoneplan.validate import validate_inventory

Data = dict[str, Any]


def host(d: Data, name: str) -> Data:
    return next(h for h in d["hosts"] if h["name"] == name)


def node(d: Data, name: str) -> Data:
    return next(n for n in d["cluster"]["nodes"] if n["name"] == name)


def hba(dev: Data, name: str) -> Data:
    return next(h for h in dev["hbas"] if h["name"] == name)


def port(h: Data, name: str) -> Data:
    return next(p for p in h["ports"] if p["name"] == name)


def switch(d: Data, name: str) -> Data:
    return next(s for s in d["switches"] if s["name"] == name)


def esx01_port(d: Data, name: str) -> Data:
    return port(hba(host(d, "esx01"), "vmhba2"), name)


def mirror_via_switches(d: Data) -> None:
    for n, sw_a, sw_b in (("san1", "sw-a1", "mds-b1"), ("san2", "sw-a2", "mds-b2")):
        p0, p1 = hba(node(d, n), "hba1")["ports"]
        for p, sw, pt in ((p0, sw_a, "6"), (p1, sw_b, "fc1/7")):
            p.pop("peer")
            p.pop("cable")
            p.update(switch=sw, port=pt)


def set_(fn: Callable[[Data], Any]) -> Callable[[Data], None]:
    return lambda d: (fn(d), None)[1]


CASES: list[tuple[str, Callable[[Data], Any], Callable[[Data], Any] | None]] = [
    ("ZP101", set_(lambda d: esx01_port(d, "p1").update(wwpn="10:00:00:90:fa:c1:00:01")), None),
    (
        "ZP102",
        set_(lambda d: port(hba(host(d, "esx02"), "vmhba2"), "p0").update(switch="sw-a1", port=8)),
        None,
    ),
    ("ZP103", set_(lambda d: esx01_port(d, "p0").update(switch="sw-zz")), None),
    ("ZP104", set_(lambda d: switch(d, "sw-a2").update(domain_id=1)), None),
    (
        "ZP105",
        set_(lambda d: hba(host(d, "esx01"), "vmhba2").update(wwnn="10:00:00:90:fa:c2:00:01")),
        set_(lambda d: hba(host(d, "esx01"), "vmhba2").update(wwnn="20:00:00:90:fa:c1:00:01")),
    ),
    ("ZP106", set_(lambda d: host(d, "esx02").update(name="esx01")), None),
    (
        "ZP107",
        set_(
            lambda d: d["switches"].append(
                {"name": "mds-a3", "fabric": "A", "vendor": "cisco", "domain_id": 3, "ports": 8}
            )
        ),
        set_(lambda d: switch(d, "sw-a1").update(vendor="brocade")),
    ),
    (
        "ZP108",
        set_(lambda d: port(hba(node(d, "san2"), "hba1"), "p0").update(peer="san1/hba1/p1")),
        None,
    ),
    (
        "ZP090",
        set_(
            lambda d: d["policy"].update(
                suppress=[{"code": "ZP201", "subject": "gone", "reason": "old host"}]
            )
        ),
        set_(
            lambda d: d["policy"].update(
                suppress=[{"code": "ZP402", "subject": "esx*", "reason": "accepted risk"}]
            )
        ),
    ),
    ("ZP201", set_(lambda d: esx01_port(d, "p1").update(switch="sw-a2", port=20)), None),
    (
        "ZP202",
        set_(lambda d: (esx01_port(d, "p1").pop("switch"), esx01_port(d, "p1").pop("port"))),
        None,
    ),
    (
        "ZP203",
        set_(lambda d: d.update(isls=[i for i in d["isls"] if not i["a"].startswith("sw-a")])),
        None,
    ),
    ("ZP204", set_(lambda d: d["isls"].append({"a": "sw-a1:44", "b": "mds-b1:fc1/44"})), None),
    ("ZP205", set_(lambda d: d["fabrics"].append({"name": "C", "vendor": "brocade"})), None),
    ("ZP301", set_(lambda d: hba(node(d, "san1"), "hba0").update(vendor="emulex")), None),
    (
        "ZP301",
        set_(
            lambda d: (
                hba(node(d, "san1"), "hba2").update(vendor=""),
                port(hba(node(d, "san1"), "hba2"), "p0").update(wwpn="10:00:00:90:fa:00:00:09"),
            )
        ),
        None,
    ),
    ("ZP302", set_(lambda d: hba(host(d, "esx01"), "vmhba2").update(vendor="qlogic")), None),
    (
        "ZP303",
        set_(
            lambda d: (
                esx01_port(d, "p1").pop("switch"),
                esx01_port(d, "p1").pop("port"),
                esx01_port(d, "p1").update(peer="lnx01/host1/p1"),
            )
        ),
        None,
    ),
    ("ZP304", mirror_via_switches, None),
    ("ZP305", None, mirror_via_switches),
    (
        "ZP306",
        set_(
            lambda d: hba(node(d, "san2"), "hba0").update(
                ports=[port(hba(node(d, "san2"), "hba0"), "p1")]
            )
        ),
        None,
    ),
    ("ZP307", set_(lambda d: node(d, "san1").update(hbas=node(d, "san1")["hbas"][:2])), None),
    (
        "ZP308",
        None,
        set_(
            lambda d: hba(node(d, "san1"), "hba0").update(
                ports=hba(node(d, "san1"), "hba0")["ports"][::2]
            )
        ),
    ),
    (
        "ZP309",
        set_(
            lambda d: [
                n.update(hbas=[h for h in n["hbas"] if h["name"] != "hba1"])
                for n in d["cluster"]["nodes"]
            ]
        ),
        None,
    ),
    ("ZP310", set_(lambda d: node(d, "san2").update(array="raid1")), None),
    ("ZP311", set_(lambda d: node(d, "san2").update(hbas=node(d, "san2")["hbas"][1:])), None),
    ("ZP312", set_(lambda d: port(hba(node(d, "san1"), "hba0"), "p0").pop("role")), None),
    ("ZP401", None, set_(lambda d: d.update(hosts=[h for h in d["hosts"] if h["os"] == "vmware"]))),
    ("ZP402", None, set_(lambda d: d.update(hosts=[host(d, "xen01")]))),
    ("ZP403", set_(lambda d: esx01_port(d, "p0").update(role="target")), None),
]


def codes_for(write_inventory, change) -> set[str]:
    result = validate_inventory(write_inventory(change))
    return {f.code for f in result.findings}


@pytest.mark.parametrize(
    "code,fails,passes", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_fails_and_passes(write_inventory, code, fails, passes):
    assert code in codes_for(write_inventory, fails), f"{code} should fire"
    assert code not in codes_for(write_inventory, passes), f"{code} should stay quiet"


def test_sample_validates_clean():
    result = validate_inventory("samples/euronas-cluster.yaml")
    assert not [f for f in result.findings if f.severity.rank >= 1], result.findings


def test_findings_point_at_the_offending_line(write_inventory):
    path = write_inventory(set_(lambda d: switch(d, "sw-a2").update(domain_id=1)))
    result = validate_inventory(path)
    (f,) = [f for f in result.findings if f.code == "ZP104"]
    line = path.read_text().splitlines()[f.location.line - 1]
    assert "domain_id: 1" in line


def test_select_ignore_and_severity_override(write_inventory):
    path = write_inventory(set_(lambda d: switch(d, "sw-a2").update(domain_id=1)))
    assert {f.code for f in validate_inventory(path, select=["ZP3"]).findings} <= {
        c for c, *_ in CASES if c.startswith("ZP3")
    }
    assert "ZP104" not in {f.code for f in validate_inventory(path, ignore=["ZP10"]).findings}
    assert "ZP104" in {
        f.code for f in validate_inventory(path, select=["ZP104"], ignore=["ZP1"]).findings
    }
    path2 = write_inventory(
        set_(
            lambda d: (
                switch(d, "sw-a2").update(domain_id=1),
                d["policy"].update(severity={"ZP104": "warning"}),
            )
        )
    )
    (f,) = [f for f in validate_inventory(path2).findings if f.code == "ZP104"]
    assert f.severity.value == "warning"


def test_suppression_needs_a_reason(write_inventory):
    path = write_inventory(
        set_(lambda d: d["policy"].update(suppress=[{"code": "ZP402", "reason": ""}]))
    )
    result = validate_inventory(path)
    assert [f.code for f in result.findings] == ["ZP003"]
