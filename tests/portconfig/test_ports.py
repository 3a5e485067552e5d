"""Per-switch port scripts: applied by the oracle they name every cabled port and put it in its
VSAN; their rollbacks restore what the captures showed; the audit reads the names back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.support.inventories import inventory_data
from tests.support.paths import SAMPLES
from tests.support.port_oracle import (
    OracleError,
    PortTable,
    apply_fos,
    apply_nxos,
    render_interface_description,
    render_portname,
    render_vsan_membership,
)
from tests.support.strategies import inventory_params
from zoneplan.observed import SwitchIdentity, SwitchState
from zoneplan.parsers.brocade import parse_portname
from zoneplan.parsers.capture import read_capture_text
from zoneplan.parsers.cisco import parse_show_interface_description, parse_show_vsan_membership
from zoneplan.plan.build import build_plan
from zoneplan.plan.ports import port_description, switch_port_plans
from zoneplan.render.ports import render_ports
from zoneplan.validate import validate_inventory
from zoneplan.workflows.audit import audit_states

SAMPLE = SAMPLES / "euronas-cluster.yaml"
#: old names a switch may hold: plain, empty, and ones no script may carry back
OLD_NAMES = ("", "old_host_p0", "port7", "DB server (rack 4)", 'say "hi"', "a;b", "x$y")


def _topology(path: Path):  # noqa: ANN202
    v = validate_inventory(path)
    assert v.usable, [str(f) for f in v.findings]
    return v.topology


def _tables(topology, rnd: random.Random) -> dict[str, PortTable]:  # noqa: ANN001
    """Each switch's port table as it might be before the change: random old names, every
    port in VSAN 1 (the default VSAN)."""
    tables = {}
    for name, ports in topology.switch_ports.items():
        used = {p for (s, p) in topology.attached if s == name}
        all_ports = list(dict.fromkeys([*ports, *sorted(used)]))
        fabric = next(
            f for f in topology.inventory.fabrics if f.name == topology.switches[name].fabric
        )
        known = {1} | ({fabric.vsan} if fabric.vsan else set())
        tables[name] = PortTable(
            all_ports,
            {p: rnd.choice(OLD_NAMES) for p in all_ports},
            {p: 1 for p in all_ports},
            known,
        )
    return tables


def _states(topology, tables: dict[str, PortTable], *, names=True, vsans=True) -> list[SwitchState]:  # noqa: ANN001
    """Switch states as the capture reader makes them from the switches' own outputs."""
    states = []
    for name, table in tables.items():
        sw = topology.switches[name]
        vendor = sw.vendor or next(
            f.vendor for f in topology.inventory.fabrics if f.name == sw.fabric
        )
        parts = []
        if vendor == "brocade":
            if names:
                parts.append(f"{name}:admin> portname\n{render_portname(table)}")
        else:
            if names:
                parts.append(
                    f"{name}# show interface description\n{render_interface_description(table)}"
                )
            if vsans:
                parts.append(f"{name}# show vsan membership\n{render_vsan_membership(table)}")
        if not parts:
            states.append(SwitchState(SwitchIdentity(name), vendor))
            continue
        got, findings = read_capture_text("".join(parts), f"{name}.log", switch=name)
        assert not [f for f in findings if f.severity.rank >= 2], [str(f) for f in findings]
        state = next(iter(got.values()))
        state.identity.name = name
        states.append(state)
    return states


def _apply(vendor: str, script: str, table: PortTable) -> PortTable:
    return apply_fos(script, table) if vendor == "brocade-fos" else apply_nxos(script, table)


def _check_round_trip(path: Path, seed: int) -> None:
    topology = _topology(path)
    rnd = random.Random(seed)
    before = _tables(topology, rnd)
    states = _states(topology, before)
    plans = switch_port_plans(topology, states)
    rendered = {r.switch: r for r in render_ports(build_plan(topology), plans)}
    for sp in plans:
        table = before[sp.switch]
        r = rendered[sp.switch]
        after = _apply(sp.pack, r.script, table)
        for s in sp.settings:
            assert after.names[s.port] == s.name
            if s.vsan is not None:
                assert after.vsans[s.port] == s.vsan
        cabled = {s.port for s in sp.settings}
        for p in table.ports:  # ports the inventory does not cable are untouched
            if p not in cabled:
                assert after.names.get(p) == table.names.get(p)
                assert after.vsans.get(p) == table.vsans.get(p)
        restored = _apply(sp.pack, r.rollback, after)
        assert restored.vsans == table.vsans
        for s in sp.settings:
            old = table.names[s.port]
            if old == "" and sp.pack == "brocade-fos":  # FOS: no verified "clear name" command
                assert f"port {s.port} had no name before" in r.rollback
            elif old in ("", "old_host_p0", "port7", "DB server (rack 4)"):
                assert restored.names[s.port] == old
            else:  # characters no script carries: named for restoring by hand
                assert restored.names[s.port] == s.name and "restore it by hand" in r.rollback


def test_sample_scripts_apply_and_roll_back() -> None:
    for seed in range(5):
        _check_round_trip(SAMPLE, seed)


@given(inventory_params(max_hosts=6), st.integers(0, 2**16))
def test_random_inventories_apply_and_roll_back(params, seed) -> None:  # noqa: ANN001
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "inv.yaml"
        path.write_text(yaml.safe_dump(inventory_data(params), sort_keys=False), encoding="utf-8")
        v = validate_inventory(path)
        if not v.usable:
            return
        _check_round_trip(path, seed)


def test_without_captures_the_rollback_restores_nothing_and_says_so() -> None:
    topology = _topology(SAMPLE)
    before = _tables(topology, random.Random(1))
    plans = switch_port_plans(topology)
    for r, sp in zip(render_ports(build_plan(topology), plans), plans, strict=True):
        assert "cannot" in r.rollback
        after = _apply(sp.pack, r.script, before[sp.switch])
        assert _apply(sp.pack, r.rollback, after) == after  # comments only


def test_a_second_run_with_the_names_in_place_changes_nothing() -> None:
    topology = _topology(SAMPLE)
    before = _tables(topology, random.Random(2))
    plans = switch_port_plans(topology, _states(topology, before))
    done = {}
    for r, sp in zip(render_ports(build_plan(topology), plans), plans, strict=True):
        done[sp.switch] = _apply(sp.pack, r.script, before[sp.switch])
    again = switch_port_plans(topology, _states(topology, done))
    assert all(not sp.changes for sp in again)
    for r in render_ports(build_plan(topology), again):
        assert "Nothing to change" in r.script and "Nothing to undo" in r.rollback


def test_the_oracle_refuses_what_a_switch_refuses() -> None:
    table = PortTable(["0", "1"], {}, {}, {1})
    with pytest.raises(OracleError, match="no port"):
        apply_fos('portname 9 -n "x"', table)
    with pytest.raises(OracleError, match="not a port command"):
        apply_fos("cfgclear", table)
    nx = PortTable(["fc1/1"], {}, {}, {1})
    with pytest.raises(OracleError, match="does not exist"):
        apply_nxos("configure terminal\nvsan database\n  vsan 30 interface fc1/1\nexit\nend", nx)
    with pytest.raises(OracleError, match="Invalid command"):
        apply_nxos("configure terminal\nzone commit vsan 1\nend", nx)


def test_names_keep_the_pack_rules() -> None:
    assert port_description("esx01/vmhba2/p0", 32) == "esx01_vmhba2_p0"
    long = port_description("a-very-long-host-name.example/hba-adapter-0/p0", 32)
    assert len(long) == 32 and long != port_description(
        "a-very-long-host-name.example/hba-adapter-1/p0", 32
    )
    assert port_description("ISL to x", 32) == "ISL_to_x"


# -- reading the names back --------------------------------------------------------------------
@given(st.lists(st.text("abcXYZ019_-. ()", min_size=0, max_size=30), min_size=1, max_size=20))
def test_portname_and_interface_description_round_trip(names) -> None:  # noqa: ANN001
    names = [" ".join(n.split()) for n in names]
    table = PortTable(
        [str(i) for i in range(len(names))],
        dict(zip([str(i) for i in range(len(names))], names, strict=True)),
    )
    got, findings = parse_portname(render_portname(table), "portname.txt")
    assert not findings and got == {p: table.names[p] for p in table.ports}
    cisco = PortTable([f"fc1/{i + 1}" for i in range(len(names))])
    cisco.names = {p: n for p, n in zip(cisco.ports, names, strict=True) if n != "--"}
    got, findings = parse_show_interface_description(render_interface_description(cisco), "d.txt")
    assert not findings and got == {p: cisco.names.get(p, "") for p in cisco.ports}


def test_interface_description_reads_nxos_tables_with_type_and_speed() -> None:
    text = (
        "\n" + "-" * 79 + "\nPort          Type   Speed   Description\n" + "-" * 79 + "\n"
        "Eth4/1        eth    10G     --\nEth4/3        eth    10G     This is a test description\n"
    )
    got, findings = parse_show_interface_description(text, "x")
    assert got == {"Eth4/1": "", "Eth4/3": "This is a test description"} and not findings


def test_vsan_membership_renders_as_the_parser_reads_it() -> None:
    t = PortTable(["fc1/1", "fc1/2", "fc1/3"], {}, {"fc1/1": 1, "fc1/2": 20, "fc1/3": 20}, {1, 20})
    got, findings = parse_show_vsan_membership(render_vsan_membership(t), "m")
    assert got == {1: ["fc1/1"], 20: ["fc1/2", "fc1/3"]} and not findings


# -- the audit ---------------------------------------------------------------------------------
def test_audit_flags_stale_names_and_wrong_vsans(tmp_path: Path) -> None:
    topology = _topology(SAMPLE)
    before = _tables(topology, random.Random(3))
    run = audit_states(_states(topology, before), SAMPLE)
    codes = [f.code for f in run.findings]
    assert "ZP617" in codes and "ZP618" in codes
    name = next(f for f in run.findings if f.code == "ZP617")
    assert name.location is not None and name.location.file.endswith(".log")
    # applied, the drift is gone
    plans = switch_port_plans(topology, _states(topology, before))
    done = {}
    for r, sp in zip(render_ports(build_plan(topology), plans), plans, strict=True):
        done[sp.switch] = _apply(sp.pack, r.script, before[sp.switch])
    clean = audit_states(_states(topology, done), SAMPLE)
    assert not [f for f in clean.findings if f.code in ("ZP617", "ZP618")]
    # nothing read, nothing concluded
    blind = audit_states(_states(topology, before, names=False, vsans=False), SAMPLE)
    assert not [f for f in blind.findings if f.code in ("ZP617", "ZP618")]
