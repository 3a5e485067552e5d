"""Expected paths from the topology, and the per-OS files that state them."""

from __future__ import annotations

import re

import pytest

from zoneplan.hosts.config import (
    device_section,
    ere_literal,
    hardware_id,
    render_all,
    render_host_config,
)
from zoneplan.hosts.paths import NoClusterError, expected_paths, host_by_name
from zoneplan.model import HostOS
from zoneplan.validate import validate_inventory


def test_every_sample_host_has_six_paths_four_active_two_standby(sample_topology):
    for host in sample_topology.inventory.hosts:
        p = expected_paths(sample_topology, host)
        assert (p.total, p.active, p.standby) == (6, 4, 2), host.name
        assert (p.active_node, p.standby_node) == ("san1", "san2")
        assert [i.fabric for i in p.initiators] == ["A", "B"]


def test_paths_follow_the_fabric_segment(write_inventory):
    def split_fabric_a(data):
        data["isls"] = [i for i in data["isls"] if not i["a"].startswith("sw-a1")]

    result = validate_inventory(write_inventory(split_fabric_a))
    topo = result.topology
    p = expected_paths(topo, host_by_name(topo, "lnx01"))
    a, b = p.initiators
    # lnx01/p0 is on sw-a1: without the ISL only san1/hba0/p0 is reachable there
    assert [t.ref for t in a.active] == ["san1/hba0/p0"] and a.standby == ()
    assert (b.total, p.total, p.active, p.standby) == (3, 4, 3, 1)


def test_no_cluster_is_an_error(write_inventory):
    def drop(data):
        del data["cluster"]

    topo = validate_inventory(write_inventory(drop)).topology
    with pytest.raises(NoClusterError):
        expected_paths(topo, topo.inventory.hosts[0])


def test_one_file_per_host_named_by_os(sample_topology):
    files = render_all(sample_topology)
    assert [f.filename for f in files] == [
        "esx01-esxcli.sh",
        "esx02-esxcli.sh",
        "win01-mpio.ps1",
        "xen01-custom.conf",
        "lnx01-multipath.conf",
        "xsan01-xsan.txt",
    ]
    for f in files:
        assert "6 paths per LUN: 4 active (san1), 2 standby (san2)" in f.text, f.filename
        assert f.text.endswith("\n") and not re.search(r"[ \t]$", f.text, re.M)


def _keywords(section: str) -> dict[str, str]:
    out = {}
    for line in section.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and not line.endswith("{") and line != "}":
            key, _, value = line.partition(" ")
            out[key] = value.strip()
    return out


@pytest.mark.parametrize("host", ["lnx01", "xen01"])
def test_modern_device_section(sample_topology, host):
    f = render_host_config(sample_topology, host_by_name(sample_topology, host))
    section = device_section(f.text)
    assert section.count("{") == section.count("}") == 2
    kw = _keywords(section)
    assert kw == {
        "vendor": '"^eSSM"',
        "product": '".*"',
        "uid_attribute": '"ID_SERIAL"',
        "hardware_handler": '"1 alua"',
        "path_grouping_policy": "group_by_prio",
        "prio": "alua",
        "path_checker": "tur",
        "path_selector": '"service-time 0"',
        "failback": "immediate",
        "rr_weight": "uniform",
        "rr_min_io_rq": "1",
        "no_path_retry": "queue",
    }
    assert "getuid_callout" not in f.text and 'queue_if_no_path"' not in f.text


def test_legacy_device_section(sample_topology):
    f = render_host_config(sample_topology, host_by_name(sample_topology, "lnx01"), legacy=True)
    kw = _keywords(device_section(f.text))
    assert kw["getuid_callout"] == '"/lib/udev/scsi_id --whitelisted --device=/dev/%n"'
    assert kw["features"] == '"1 queue_if_no_path"'
    assert kw["rr_min_io"] == "100" and kw["no_path_retry"] == "queue"
    assert "uid_attribute" not in kw and "rr_min_io_rq" not in kw
    assert device_section(f.text).endswith("    }\n}\n")


def test_xen_file_goes_to_conf_d_and_switches_multipathing_on(sample_topology):
    f = render_host_config(sample_topology, host_by_name(sample_topology, "xen01"))
    assert f.install_path == "/etc/multipath/conf.d/custom.conf"
    assert "xe host-param-set other-config:multipathing=true uuid=$HOST_UUID" in f.text
    assert "xe host-param-set other-config:multipathhandle=dmp uuid=$HOST_UUID" in f.text
    assert "never edit the vendor-managed /etc/multipath.xenserver/multipath.conf" in f.text
    assert f.text.index("devices {") > f.text.index("xe pbd-plug")  # instructions are comments
    assert all(
        line.startswith("#") for line in f.text[: f.text.index("devices {")].split("\n") if line
    )


def test_windows_claims_by_padded_vendor_and_product(write_inventory):
    def product(data):
        data["cluster"]["scsi_product"] = "testdisk_0"

    topo = validate_inventory(write_inventory(product)).topology
    assert hardware_id(topo.inventory.cluster) == "eSSM    testdisk_0      "
    f = render_host_config(topo, host_by_name(topo, "win01"))
    assert "Install-WindowsFeature -Name Multipath-IO" in f.text
    assert "New-MSDSMSupportedHW -VendorId 'eSSM    ' -ProductId 'testdisk_0      '" in f.text
    assert "#    mpclaim.exe -n -i -d 'eSSM    testdisk_0      '" in f.text
    assert "4 'Active/Optimized' (san1) and 2 'Standby' (san2)" in f.text


def test_windows_without_product_discovers_it(sample_topology):
    f = render_host_config(sample_topology, host_by_name(sample_topology, "win01"))
    assert "Manufacturer -like 'eSSM*'" in f.text and "PadRight(8)" in f.text


def test_vmware_and_xsan_are_checks(sample_topology):
    esx = render_host_config(sample_topology, host_by_name(sample_topology, "esx01"))
    assert esx.os is HostOS.VMWARE
    assert "esxcli storage nmp satp rule add -s VMW_SATP_ALUA -V 'eSSM' -c tpgs_on" in esx.text
    assert '4 x "Group State: active", 2 x "Group State: standby"' in esx.text
    xsan = render_host_config(sample_topology, host_by_name(sample_topology, "xsan01"))
    assert (
        "cvadmin -e 'paths'" in xsan.text and "6 paths: 4 through san1, 2 through san2" in xsan.text
    )


def test_quotes_and_metacharacters_stay_inert(write_inventory):
    def nasty(data):
        data["cluster"]["scsi_vendor"] = "e'S$M\"#"
        data["cluster"]["scsi_product"] = "a.b*(c)]"
        data["hosts"][3]["os_version"] = "8.2\n rm -rf /"

    topo = validate_inventory(write_inventory(nasty)).topology
    xen = render_host_config(topo, host_by_name(topo, "xen01")).text
    kw = _keywords(device_section(xen))
    assert kw["vendor"] == '"^e\'S[$]M.."' and kw["product"] == '"^a[.]b[*][(]c[)][]]"'
    assert "# Host xen01 (citrix-xen, 8.2 rm -rf /)" in xen
    win = render_host_config(topo, host_by_name(topo, "win01")).text
    assert "-VendorId 'e''S$M\"# ' -ProductId 'a.b*(c)]        '" in win
    esx = render_host_config(topo, host_by_name(topo, "esx01")).text
    assert "-V 'e'\\''S$M\"#'" in esx


def test_ere_literal():
    assert ere_literal("eSSM") == "^eSSM"
    assert ere_literal("a.b", anchor=False) == "a[.]b"
    assert ere_literal('x"\\^') == "^x..."
