"""Every switch of a fabric prints the fabric's zoning: a capture folder holds one copy per
switch. Identical copies are parsed once and shared; a switch whose copy differs is named
(ZP623) and the fabric is never called in sync; feeding one switch's outputs never changes
another switch's zoning."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.support.show_render import (
    render_show_zone,
    render_show_zoneset,
    render_show_zoneset_active,
)
from zoneplan.findings import Severity
from zoneplan.observed import Zone, ZoneDb
from zoneplan.parsers.capture import read_captures
from zoneplan.rules.audit import PLANNED
from zoneplan.workflows.audit import audit_captures

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
MEMBER = "esx01_vmhba2_p0; san2_hba0_p0"  # a zone of PLANNED


def _site(tmp_path: Path, switches: int) -> Path:
    """one-switch.yaml with ``switches`` switches in fabric A (sw1, sw2, …)."""
    doc = yaml.safe_load((SAMPLES / "one-switch.yaml").read_text(encoding="utf-8"))
    for i in range(2, switches + 1):
        doc["switches"].append({"name": f"sw{i}", "fabric": "A", "domain_id": i, "ports": 24})
    inv = tmp_path / "site.yaml"
    inv.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return inv


def _collect(tmp_path: Path, texts: dict[str, str], command: str = "cfgshow") -> Path:
    """A collect-style folder: <switch>/<command>.txt."""
    root = tmp_path / "capture"
    for sw, text in texts.items():
        (root / sw).mkdir(parents=True)
        (root / sw / f"{command}.txt").write_text(text, encoding="utf-8")
    return root


def _cfgshow() -> str:
    return PLANNED.split("\n", 1)[1]  # without the prompt line: what collect saves


def test_identical_copies_are_parsed_once_and_shared(tmp_path):
    root = _collect(tmp_path, {f"sw{i}": _cfgshow() for i in (1, 2, 3)})
    states, findings = read_captures([root])
    dbs = [states[f"sw{i}"].zoning[0].defined for i in (1, 2, 3)]
    assert dbs[0] is not None and all(db is dbs[0] for db in dbs)
    assert len(dbs[0].zones) == 2
    # each copy's findings still name its own file (ZP034: no output names the switch)
    files = {f.location.file for f in findings if f.code == "ZP034"}
    assert files == {str(root / f"sw{i}" / "cfgshow.txt") for i in (1, 2, 3)}


def test_a_switch_with_another_defined_copy_is_named_and_blocks_in_sync(tmp_path):
    odd = _cfgshow().replace(MEMBER, "esx01_vmhba2_p0", 1)
    root = _collect(tmp_path, {"sw1": _cfgshow(), "sw2": _cfgshow(), "sw3": odd})
    run = audit_captures([root], _site(tmp_path, 3))
    (f,) = [f for f in run.findings if f.code == "ZP623"]
    assert f.subject == "sw3" and f.severity is Severity.WARNING
    assert "sw3's defined zoning differs from sw1's" in f.message
    assert "zones differing: z_esx01_vmhba2_p0__san2_hba0_p0" in f.message
    assert run.verdicts["A"] != "in-sync"
    assert "ZP615" not in {g.code for g in run.findings}


def test_another_configuration_in_effect_is_an_error(tmp_path):
    odd = _cfgshow().replace(
        "Effective configuration:\n cfg:\tcfg_one_switch_A",
        "Effective configuration:\n cfg:\tcfg_old",
    )
    assert odd != _cfgshow()
    root = _collect(tmp_path, {"sw1": _cfgshow(), "sw2": odd})
    run = audit_captures([root], _site(tmp_path, 2))
    got = {(f.subject, f.severity) for f in run.findings if f.code == "ZP623"}
    assert ("sw2", Severity.ERROR) in got


def test_the_same_zoning_in_another_layout_is_the_same(tmp_path):
    # another text (a trailing blank line, CRLF line ends) but the same zoning: not a finding
    other = _cfgshow().replace("\n", "\r\n") + "\r\n"
    root = _collect(tmp_path, {"sw1": _cfgshow(), "sw2": other})
    run = audit_captures([root], _site(tmp_path, 2))
    assert "ZP623" not in {f.code for f in run.findings}


# --------------------------------------------------------------------------- NX-OS


def _db(zones: dict[str, list[str]], zoneset: str = "zs_a") -> ZoneDb:
    return ZoneDb(
        zones={n: Zone(n, [f"pwwn {m}" for m in ms]) for n, ms in zones.items()},
        configs={zoneset: list(zones)},
        effective=zoneset,
    )


def _status(distribute: str) -> str:
    return (
        f"VSAN: 10 default-zone: deny distribute: {distribute} Interop: default\n"
        "    mode: basic merge-control: allow\n"
        "    session: none\n"
        "    hard-zoning: enabled broadcast: unsupported\n"
        "    smart-zoning: disabled\n"
    )


W1, W2, W3 = "10:00:00:90:fa:c1:00:01", "21:00:00:24:ff:7a:10:00", "21:00:00:24:ff:7a:20:00"


def _mds(tmp_path: Path, full: dict[str, ZoneDb], active: dict[str, ZoneDb], distribute: str):
    root = tmp_path / "capture"
    for sw in full:
        d = root / sw
        d.mkdir(parents=True)
        (d / "show_zoneset_vsan_10.txt").write_text(render_show_zoneset({10: full[sw]}))
        (d / "show_zone_vsan_10.txt").write_text(render_show_zone({10: full[sw]}))
        (d / "show_zoneset_active_vsan_10.txt").write_text(
            render_show_zoneset_active({10: active[sw]})
        )
        (d / "show_zone_status_vsan_10.txt").write_text(_status(distribute))
    doc = yaml.safe_load((SAMPLES / "cisco-only.yaml").read_text(encoding="utf-8"))
    doc["switches"].append({"name": "mds-a2", "fabric": "A", "domain_id": 23, "ports": 48})
    inv = tmp_path / "site.yaml"
    inv.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return root, inv


def test_nxos_full_databases_are_compared_only_where_distributed(tmp_path):
    same = _db({"z1": [W1, W2]})
    more = _db({"z1": [W1, W2], "z2": [W1, W3]})
    full = {"mds-a1": same, "mds-a2": more}
    active = {"mds-a1": same, "mds-a2": same}
    for distribute, expected in (("active only", set()), ("full", {"mds-a2"})):
        sub = tmp_path / distribute.replace(" ", "_")
        root, inv = _mds(sub, full, active, distribute)
        run = audit_captures([root], inv, fabric="A")
        got = {f.subject for f in run.findings if f.code == "ZP623"}
        assert got == expected, distribute


def test_nxos_another_active_zoneset_is_an_error_even_with_active_only_distribution(tmp_path):
    a, b = _db({"z1": [W1, W2]}), _db({"z1": [W1, W3]})
    root, inv = _mds(
        tmp_path, {"mds-a1": a, "mds-a2": a}, {"mds-a1": a, "mds-a2": b}, "active only"
    )
    run = audit_captures([root], inv, fabric="A")
    got = [f for f in run.findings if f.code == "ZP623"]
    assert [(f.subject, f.severity) for f in got] == [("mds-a2", Severity.ERROR)]


def test_one_switchs_outputs_never_change_anothers_shared_zoning(tmp_path):
    # both print the same `show zone` (read first: files are read in name order);
    # mds-a2's `show zoneset` holds one zone more. Merging it into mds-a2's database must not
    # add that zone to mds-a1's, which shares the parsed `show zone`.
    same = _db({"z1": [W1, W2]})
    both = {"mds-a1": same, "mds-a2": same}
    root, _ = _mds(tmp_path, both, both, "full")
    (root / "mds-a2" / "show_zoneset_vsan_10.txt").write_text(
        render_show_zoneset({10: _db({"z1": [W1, W2], "z9": [W1, W3]})})
    )
    states, _ = read_captures([root])
    one, two = (states[s].zoning[10].defined for s in ("mds-a1", "mds-a2"))
    assert set(one.zones) == {"z1"}
    assert set(two.zones) == {"z1", "z9"}


def test_reads_sharing_a_cache_parse_a_fabrics_zoning_once(tmp_path):
    # a live read parses each switch's capture as it arrives (one read_captures call per
    # switch); with the run's cache the switches share one parsed copy of the zoning
    from zoneplan.parsers.capture import ParseCache

    root = _collect(tmp_path, {f"sw{i}": _cfgshow() for i in (1, 2)})
    cache = ParseCache()
    one, _ = read_captures([root / "sw1" / "cfgshow.txt"], cache=cache)
    two, _ = read_captures([root / "sw2" / "cfgshow.txt"], cache=cache)
    assert one["sw1"].zoning[0].defined is two["sw2"].zoning[0].defined
    alone, _ = read_captures([root / "sw2" / "cfgshow.txt"])
    assert alone["sw2"].zoning[0].defined is not one["sw1"].zoning[0].defined
