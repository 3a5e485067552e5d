"""Limits with coded findings, never MemoryError, RecursionError or a file nothing can use.

Issue 14: switch ``slots`` of 20,000,000 ports (1.6 GB, passed validation), naming templates
with huge format widths (``{device:>3000000}``), 10^6 hosts, a 300 MB inventory read whole,
recursive YAML anchors (``fabrics: &a [*a]``, ``&a {x: *a}``, a merge of itself:
RecursionError), WWPNs all zeros / all ones / NAA 3 accepted and written to scripts, and
``sample --hosts 100000`` writing an inventory ``validate`` rejects (domain IDs over 239).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.support.paths import SAMPLES
from zoneplan import limits
from zoneplan.cli import app
from zoneplan.loader import load_inventory, parse_inventory
from zoneplan.samplegen import MAX_HOSTS, generate_inventory_yaml

SAMPLE = SAMPLES / "euronas-cluster.yaml"
runner = CliRunner()


def _sample() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def _load(tmp_path: Path, data: dict | str):
    f = tmp_path / "inv.yaml"
    f.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
    return load_inventory(f)


def _codes(result) -> list[str]:  # noqa: ANN001
    return [f.code for f in result.findings]


def test_a_file_over_the_cap_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:  # sparse: 300 MB that take no disk and must not be read
        f.truncate(300 * 1024 * 1024)
    r = load_inventory(big)
    assert _codes(r) == ["ZP006"] and "300 MiB" in r.findings[0].message


@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom", "."])
def test_devices_and_folders_are_not_inventories(path):
    if not Path(path).exists():
        pytest.skip(f"{path} is absent")
    assert _codes(load_inventory(path)) == ["ZP007"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"slots": {1: 20_000_000}}, "ZP006"),
        ({"slots": {k: 48 for k in range(100)}}, "ZP006"),
        ({"slots": {k: 500 for k in range(1, 10)}}, "ZP006"),  # 4,500 ports in all
        ({"ports": 20_000_000}, "ZP006"),
        ({"ports": [str(k) for k in range(5000)]}, "ZP006"),
    ],
)
def test_switch_port_counts_are_bounded(tmp_path, change, code):
    data = _sample()
    sw = data["switches"][0]
    sw.pop("ports", None)
    sw.pop("slots", None)
    sw.update(change)
    r = _load(tmp_path, data)
    assert r.inventory is None and code in _codes(r), _codes(r)
    assert all(f.location.line for f in r.findings)


@pytest.mark.parametrize(
    "template",
    ["{device:>3000000}", "{device:.9999}", "{device.__class__}", "{device[0]}", "{device!r}"],
)
def test_naming_templates_are_plain_fields_of_sane_width(tmp_path, template):
    data = _sample()
    data.setdefault("policy", {})["naming"] = {"alias": template}
    r = _load(tmp_path, data)
    assert _codes(r) == ["ZP003"] and "policy.naming.alias" in r.findings[0].message


def test_naming_templates_with_a_small_format_still_work(tmp_path):
    data = _sample()
    data.setdefault("policy", {})["naming"] = {"alias": "{device:>12}_{port}"}
    assert _load(tmp_path, data).inventory is not None


@pytest.mark.parametrize("key", sorted(limits.MAX_ITEMS))
def test_top_level_lists_are_counted_before_they_are_validated(key):
    top = limits.MAX_ITEMS[key]
    text = SAMPLE.read_text(encoding="utf-8")
    text = re.sub(rf"(?m)^{key}:.*\n(?:[ -].*\n)*", "", text)  # drop the sample's own
    text += f"{key}: [" + ", ".join(["1"] * (top + 1)) + "]\n"
    r = parse_inventory(text, "inv.yaml")
    assert _codes(r) == ["ZP006"], _codes(r)[:5]
    assert f"{top + 1:,} entries" in r.findings[0].message
    assert r.findings[0].location.line == text.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "name: x\nfabrics: &a [*a]\n",
        "name: x\nfabrics: &a {x: *a}\n",
        "name: x\nfabrics: &a\n  <<: *a\n  x: 1\n",
        "name: x\nfabrics:\n  - &a {name: A, vendor: brocade, description: [*a]}\n",
    ],
)
def test_recursive_anchors_are_a_syntax_error_not_a_recursion_error(text):
    r = parse_inventory(text, "inv.yaml")
    assert _codes(r) == ["ZP001"] and "recursive anchor" in r.findings[0].message
    assert r.findings[0].location.line in (2, 3)  # the node that contains itself


@pytest.mark.parametrize(
    "wwpn",
    [
        "00:00:00:00:00:00:00:00",
        "ff:ff:ff:ff:ff:ff:ff:ff",
        "30:00:00:24:ff:0c:58:37",  # NAA 3, locally assigned
        "40:00:00:24:ff:0c:58:37",  # reserved NAA values
        "90:00:00:24:ff:0c:58:37",
    ],
)
def test_wwpns_no_port_can_log_in_with_are_refused_and_never_reach_a_script(tmp_path, wwpn):
    data = _sample()
    data["hosts"][0]["hbas"][0]["ports"][0]["wwpn"] = wwpn
    f = tmp_path / "inv.yaml"
    f.write_text(yaml.safe_dump(data, sort_keys=False))
    r = load_inventory(f)
    assert _codes(r) == ["ZP008"] and r.findings[0].location.line
    out = tmp_path / "out"
    res = runner.invoke(app, ["plan", str(f), "--out", str(out)])
    assert res.exit_code == 2 and not out.exists()


@pytest.mark.parametrize("hosts", [100_000, 200_000])
def test_sample_domain_ids_stay_in_range_at_any_size(hosts):
    text = generate_inventory_yaml(hosts)
    switches = re.findall(r"fabric: (\w+), domain_id: (\d+), ports: (\d+)", text)
    assert switches
    seen: set[tuple[str, int]] = set()
    for fabric, dom, ports in switches:
        assert 1 <= int(dom) <= 239 and int(ports) <= limits.MAX_SWITCH_PORTS
        assert (fabric, int(dom)) not in seen
        seen.add((fabric, int(dom)))


def test_sample_refuses_what_no_fabric_pair_holds():
    with pytest.raises(ValueError, match="239 switches per fabric"):
        generate_inventory_yaml(MAX_HOSTS + 1)
    r = runner.invoke(app, ["sample", "--hosts", "1000000"])
    assert r.exit_code == 2


def test_a_sample_with_more_switches_than_b_domains_from_101_validates(monkeypatch):
    # 140 switches per fabric: fabric B's domains cannot start at 101 any more (small
    # switches, so that it takes 280 hosts, not 64,680)
    from zoneplan import samplegen

    monkeypatch.setattr(samplegen, "PORTS_PER_SWITCH", samplegen.RESERVED + 4)
    hosts = 140 * 2
    text = generate_inventory_yaml(hosts)
    assert max(int(d) for d in re.findall(r"domain_id: (\d+)", text)) <= 239
    r = parse_inventory(text, "sample.yaml")
    assert r.inventory is not None, [f.parsable() for f in r.findings[:5]]
