"""The plan's rows: one per physical cable, stable unique IDs, both ends, port maps, cover."""

from __future__ import annotations

import copy
import hashlib
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any, Callable

import yaml

from tests.support.inventories import cabling_inventory
from zoneplan.cabling import CablingPlan
from zoneplan.cabling.plan import port_slug

from .conftest import SAMPLE, plan_of


def _ends(plan: CablingPlan) -> Counter:
    """How often each device port / switch port is an end of a cable."""
    seen: Counter = Counter()
    for c in plan.cables:
        seen[c.a.text] += 1
        seen[c.b.text] += 1
    return seen


def test_every_cable_once_with_both_ends(sample_plan: CablingPlan) -> None:
    data = yaml.safe_load(SAMPLE.read_text())
    device_ports = switch_cabled = peers = 0
    for node in data["cluster"]["nodes"]:
        for hba in node["hbas"]:
            for p in hba["ports"]:
                device_ports += 1
                switch_cabled += "switch" in p
                peers += "peer" in p
    for group, key in (("arrays", "controllers"), ("hosts", "hbas")):
        for dev in data[group]:
            for hba in dev[key]:
                for p in hba["ports"]:
                    device_ports += 1
                    switch_cabled += "switch" in p
    kinds = Counter(c.kind for c in sample_plan.cables)
    assert kinds["fabric"] == switch_cabled
    assert kinds["direct"] == peers // 2 == 2  # one row per mirror cable, not per end
    assert kinds["isl"] == len(data["isls"])
    # no end is used twice: every cable is a different physical cable
    assert max(_ends(sample_plan).values()) == 1
    for c in sample_plan.cables:
        if c.kind == "fabric":
            assert c.a.wwpn and c.b.kind == "switch" and c.fabric in ("A", "B")
        if c.kind == "direct":
            assert c.a.wwpn and c.b.wwpn and c.fabric is None and c.role == "mirror"


def test_ids_unique_given_kept_generated_from_position(sample_plan: CablingPlan) -> None:
    ids = [c.id for c in sample_plan.cables]
    assert len(ids) == len(set(ids))
    by_id = {c.id: c for c in sample_plan.cables}
    assert by_id["MIR-01"].given and by_id["ISL-B-02"].given
    esx = by_id["A-sw-a1-08"]
    assert not esx.given and esx.a.text == "esx01/vmhba2/p0" and esx.b.text == "sw-a1 port 8"
    assert by_id["B-mds-b2-fc1-10"].a.text == "xen01/hba1/p0"


def test_port_slug() -> None:
    assert port_slug("8") == "08"
    assert port_slug("fc1/9") == "fc1-09"
    assert port_slug("3/12") == "3-12"
    assert port_slug("fc10/48") == "fc10-48"


def test_same_inventory_same_ids(tmp_path: Path) -> None:
    copy_path = tmp_path / "copy.yaml"
    copy_path.write_bytes(SAMPLE.read_bytes())
    a, b = plan_of(SAMPLE), plan_of(copy_path)
    assert [c.id for c in a.cables] == [c.id for c in b.cables]
    assert a.labels() == b.labels()


def test_adding_a_host_renumbers_nobody(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    before = plan_of(write_data(sample_data, "before.yaml"))
    data = copy.deepcopy(sample_data)
    # a new host on low free ports, sorting before existing cables on the same switches
    data["hosts"].insert(
        0,
        {
            "name": "aaa-new",
            "os": "linux",
            "hbas": [
                {
                    "name": "hba0",
                    "ports": [
                        {
                            "name": "p0",
                            "wwpn": "10:00:00:90:fa:ff:00:01",
                            "switch": "sw-a1",
                            "port": 6,
                        },
                        {
                            "name": "p1",
                            "wwpn": "10:00:00:90:fa:ff:00:02",
                            "switch": "mds-b1",
                            "port": "fc1/7",
                        },
                    ],
                }
            ],
        },
    )
    after = plan_of(write_data(data, "after.yaml"))
    old = {(c.a.text, c.b.text): c.id for c in before.cables}
    new = {(c.a.text, c.b.text): c.id for c in after.cables}
    assert all(new[k] == v for k, v in old.items())
    assert len(new) == len(old) + 2
    assert new[("aaa-new/hba0/p0", "sw-a1 port 6")] == "A-sw-a1-06"


def test_generated_ids_never_take_a_given_id(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    data = copy.deepcopy(sample_data)
    # win01's port is given the ID esx01's cable would be generated with
    data["hosts"][2]["hbas"][0]["ports"][0]["cable"] = "A-sw-a1-08"
    plan = plan_of(write_data(data))
    by_end = {c.a.text: c for c in plan.cables}
    assert by_end["win01/hba0/p0"].id == "A-sw-a1-08" and by_end["win01/hba0/p0"].given
    assert by_end["esx01/vmhba2/p0"].id == "A-sw-a1-08-2"
    ids = [c.id for c in plan.cables]
    assert len(ids) == len(set(ids))


def test_duplicate_given_ids_are_split_and_noted(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    data = copy.deepcopy(sample_data)
    for host in data["hosts"][:2]:
        host["hbas"][0]["ports"][0]["cable"] = "C-100"
    plan = plan_of(write_data(data))
    ids = [c.id for c in plan.cables]
    assert len(ids) == len(set(ids))
    assert {"C-100", "C-100-2"} <= set(ids)
    assert any("C-100" in n and "2 cables" in n for n in plan.notes)


def test_mirror_ends_disagreeing_is_noted(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    data = copy.deepcopy(sample_data)
    data["cluster"]["nodes"][1]["hbas"][1]["ports"][0]["cable"] = "MIR-99"
    plan = plan_of(write_data(data))
    mirror = [c for c in plan.cables if c.kind == "direct"]
    assert len(mirror) == 2 and {c.id for c in mirror} == {"MIR-01", "MIR-02"}
    assert any("MIR-99" in n for n in plan.notes)


def test_labels_two_per_segment_with_far_end(sample_plan: CablingPlan) -> None:
    labels = sample_plan.labels()
    assert sample_plan.physical is not None
    rows = sample_plan.physical.by_cable
    assert len(labels) == 2 * sum(len(rows[c.id].segments) for c in sample_plan.cables)
    pairs = iter(zip(labels[0::2], labels[1::2], strict=True))
    for c in sample_plan.cables:
        chain = []
        for seg in rows[c.id].segments:
            one, two = next(pairs)
            assert one.cable == two.cable == seg.id and (one.end, two.end) == (1, 2)
            assert one.here == two.there and one.there == two.here
            chain.append((one.here, one.there))
        # the segments chain from end 1 to end 2, each naming the far end of its own cable
        assert chain[0][0] == c.a.text and chain[-1][1] == c.b.text
        assert all(a[1] == b[0] for a, b in pairwise(chain))
        assert (
            chain[0][0] == c.a.text
            and next(x for x in labels if x.cable == rows[c.id].segments[0].id).here_wwpn
            == c.a.wwpn
        )
        if len(chain) == 1:
            assert rows[c.id].segments[0].id == c.id  # an unpatched cable keeps its one ID


def test_a_patched_run_labels_every_segment(sample_plan: CablingPlan) -> None:
    assert sample_plan.physical is not None
    row = sample_plan.physical.by_cable["A-sw-a1-10"]
    assert [s.id for s in row.segments] == ["A-sw-a1-10", "TRUNK-R12-R13-01", "A-sw-a1-10.3"]
    assert row.hops == ["pp-r12 port 1", "pp-r13 port 1"]
    assert [(s.a, s.b) for s in row.segments] == [
        ("lnx01/host1/p0", "pp-r12 port 1"),
        ("pp-r12 port 1", "pp-r13 port 1"),
        ("pp-r13 port 1", "sw-a1 port 10"),
    ]


def test_device_tables_cover_every_port(sample_plan: CablingPlan) -> None:
    rows = {(d.name, r.adapter, r.port): r for d in sample_plan.devices for r in d.rows}
    assert len(rows) == 34
    san1 = rows[("san1", "hba1", "p0")]
    assert san1.far is not None and san1.far.text == "san2/hba1/p0" and san1.cable == "MIR-01"
    assert san1.fabric is None and san1.role == "mirror"
    esx = rows[("esx01", "vmhba2", "p1")]
    assert esx.far is not None and esx.far.text == "mds-b1 port fc1/9" and esx.fabric == "B"
    assert [d.kind for d in sample_plan.devices][:4] == ["node", "node", "array", "array"]


def test_switch_maps_front_panel(sample_plan: CablingPlan) -> None:
    sw = {m.name: m for m in sample_plan.switches}
    a1 = sw["sw-a1"]
    groups = [g for s in a1.slots for g in s.groups]
    assert [len(g.cells) for g in groups] == [8] * 6
    assert [c.port for c in groups[0].cells] == [str(i) for i in range(8)]
    cells = {c.port: c for g in groups for c in g.cells}
    assert cells["46"].state == "isl" and cells["46"].mark == "ISL"
    assert cells["46"].what == ["→ sw-a2 port 46"] and cells["46"].cables == ["ISL-A-01"]
    assert cells["8"].state == "used" and cells["8"].mark == "I"
    assert cells["0"].mark == "T" and cells["2"].mark == "B"
    assert cells["1"].state == "free" and cells["1"].mark == ""
    assert (a1.total, a1.used, a1.isl, a1.free) == (48, 7, 2, 39)
    b1 = [c.port for s in sw["mds-b1"].slots for g in s.groups for c in g.cells]
    assert b1[0] == "fc1/1" and b1[-1] == "fc1/48"


def test_director_slots_and_mirror_ports_on_switches(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    data = copy.deepcopy(sample_data)
    data["switches"][0].pop("ports")
    data["switches"][0].update(director=True, slots={3: 16, 4: 8}, model="X6-4")
    for node in data["cluster"]["nodes"]:
        for p in node["hbas"][0]["ports"]:
            if p["switch"] == "sw-a1":
                p["port"] = "3/0"
        for p in node["hbas"][2]["ports"]:
            if p["switch"] == "sw-a1":
                p["port"] = "3/2"
    for arr in data["arrays"]:
        for ctl in arr["controllers"]:
            for p in ctl["ports"]:
                if p["switch"] == "sw-a1":
                    p["port"] = (
                        {"0": "3/4", "1": "3/5"}[p["name"][1]] if ctl["name"] == "ctla" else "3/5"
                    )
    for h in data["hosts"]:
        for hba in h["hbas"]:
            for p in hba["ports"]:
                if p["switch"] == "sw-a1":
                    p["port"] = f"4/{p['port'] - 8}"
    data["isls"][0]["a"] = "sw-a1:3/14"
    data["isls"][1]["a"] = "sw-a1:3/15"
    # a mirror port through the fabric instead of a direct cable
    node = data["cluster"]["nodes"][0]
    node["hbas"][1]["ports"][0] = {
        "name": "p0",
        "wwpn": "21:00:00:24:ff:7a:11:00",
        "role": "mirror",
        "switch": "sw-a1",
        "port": "3/6",
    }
    data["cluster"]["nodes"][1]["hbas"][1]["ports"][0].pop("peer")
    data["cluster"]["nodes"][1]["hbas"][1]["ports"][0].pop("cable")
    data["cluster"]["nodes"][1]["hbas"][1]["ports"][0].update(switch="sw-a1", port="3/7")
    plan = plan_of(write_data(data))
    sw = {m.name: m for m in plan.switches}["sw-a1"]
    assert sw.director
    assert [s.title for s in sw.slots] == ["slot 3", "slot 4"]
    assert [len(g.cells) for g in sw.slots[0].groups] == [8, 8]
    assert [len(g.cells) for g in sw.slots[1].groups] == [8]
    cells = {c.port: c for s in sw.slots for g in s.groups for c in g.cells}
    assert cells["3/6"].role == "mirror" and cells["3/6"].mark == "M"
    assert cells["3/14"].state == "isl"
    assert [c for c in plan.cables if c.kind == "direct"] != []  # MIR-02 is still direct


def test_cover(sample_plan: CablingPlan) -> None:
    cover = sample_plan.cover
    assert cover.sha256 == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
    assert cover.date == "2026-11-26" and cover.name == "euronas-cluster"
    assert cover.site.startswith("Frankfurt")
    a, b = cover.fabrics
    assert (a.name, b.name) == ("A", "B") and (a.color, b.color) == ("#1f6feb", "#d1242f")
    # told apart without colour too
    assert a.pattern != b.pattern and a.dash != b.dash
    counts = dict(cover.counts)
    assert counts["cables"] == 36 and counts["ISLs"] == 4 and counts["mirror cables"] == 2
    assert counts["switch ports"] == 192 and counts["hosts"] == 6


def test_fabric_without_colour_gets_a_default(
    sample_data: dict[str, Any], write_data: Callable[..., Path]
) -> None:
    data = copy.deepcopy(sample_data)
    for f in data["fabrics"]:
        f.pop("color")
    plan = plan_of(write_data(data))
    a, b = plan.cover.fabrics
    assert a.color != b.color and a.text_color in ("#000000", "#ffffff")


def test_generated_sixteen_switch_inventory(sixteen_switch_plan: CablingPlan) -> None:
    plan = sixteen_switch_plan
    assert len(plan.switches) == 16
    assert sum(1 for m in plan.switches if m.director) == 4
    ids = [c.id for c in plan.cables]
    assert len(ids) == len(set(ids))
    assert max(_ends(plan).values()) == 1
    assert sum(1 for c in plan.cables if c.kind == "fabric") == 60 * 2 + 2 * 4 + 2 * 4


def test_synthetic_is_deterministic() -> None:
    assert cabling_inventory(30) == cabling_inventory(30)
    small = cabling_inventory(10, switches_per_fabric=1)
    assert len(small["switches"]) == 2 and small["isls"] == []


def test_switch_section_draws_the_panel_and_lists_ports_in_use(
    sixteen_switch_plan: CablingPlan,
) -> None:
    from zoneplan.cabling import render_html

    html = render_html(sixteen_switch_plan)
    director = next(m for m in sixteen_switch_plan.switches if m.director)
    used = [c for s in director.slots for g in s.groups for c in g.cells if c.state != "free"]
    free = [c for s in director.slots for g in s.groups for c in g.cells if c.state == "free"]
    part = html.split(f"<h3>{director.name} ", 1)[1].split('<div class="swmap', 1)[0]
    assert part.count("<svg") == 1 and 'aria-label="front panel of' in part
    listed = re.findall(r"<tr class=\"[^\"]*\"><td><b>([^<]+)</b>", part)
    assert listed == [c.port for c in used]
    assert not set(listed) & {c.port for c in free}
    # every port is drawn once on the panel, with the number printed beside it
    assert part.count("<rect") >= len(used) + len(free)
