"""The day-2 judge fails what it must: hand-written good and bad changes on the oracle.

Why: the catalogue and the property tests pass only if the engine's scripts are right; these
tests prove the checks themselves reject the classic mistakes (a new config enabled over the
one in effect, a zone naming the wrong WWPN, a transaction or session left open, an unsaved
switch, a rollback that leaves a trace), so a passing catalogue means something.
"""

from __future__ import annotations

import pytest

from tests.day2 import checks as C
from tests.day2.site import HOST_WWPN, NODE_WWPN, Site

H, T = HOST_WWPN["esx01"][0], NODE_WWPN["san1"][0]


def _plan(vendor: str, config: str = "PROD_A") -> dict:
    return {
        "config": config,
        "aliases": [{"name": "esx01_hba0_p0", "wwpn": H}, {"name": "san1_hba0_p0", "wwpn": T}],
        "zones": [
            {
                "name": "z_esx01",
                "kind": "client",
                "peer": False,
                "smart": vendor == "cisco",
                "principals": [{"name": "san1_hba0_p0", "wwpn": T, "role": "target"}],
                "members": [{"name": "esx01_hba0_p0", "wwpn": H, "role": "initiator"}],
            }
        ],
    }


GOOD = {
    "brocade": (
        f'cfgtransshow\nalicreate "esx01_hba0_p0", "{H}"\nalicreate "san1_hba0_p0", "{T}"\n'
        'zonecreate "z_esx01", "san1_hba0_p0; esx01_hba0_p0"\ncfgadd "PROD_A", "z_esx01"\n'
        'cfgenable "PROD_A" -f\n',
        'cfgremove "PROD_A", "z_esx01"\nzonedelete "z_esx01"\nalidelete "esx01_hba0_p0"\n'
        'alidelete "san1_hba0_p0"\ncfgenable "PROD_A" -f\n',
    ),
    "cisco": (
        "configure terminal\nterminal dont-ask\ndevice-alias database\n"
        f"  device-alias name esx01_hba0_p0 pwwn {H}\n  device-alias name san1_hba0_p0 pwwn {T}\n"
        "device-alias commit\nzone smart-zoning enable vsan 10\nzone name z_esx01 vsan 10\n"
        "  member device-alias san1_hba0_p0 target\n"
        "  member device-alias esx01_hba0_p0 initiator\n"
        "zoneset name PROD_A vsan 10\n  member z_esx01\nzoneset activate name PROD_A vsan 10\n"
        "zone commit vsan 10\nno terminal dont-ask\nend\n"
        "terminal dont-ask\ncopy running-config startup-config fabric\n",
        "configure terminal\nterminal dont-ask\nzoneset name PROD_A vsan 10\n  no member z_esx01\n"
        "no zone name z_esx01 vsan 10\nno zone smart-zoning enable vsan 10\n"
        "zoneset activate name PROD_A vsan 10\nzone commit vsan 10\ndevice-alias database\n"
        "  no device-alias name esx01_hba0_p0\n  no device-alias name san1_hba0_p0\n"
        "device-alias commit\nend\ncopy running-config startup-config fabric\n",
    ),
}


def _site(tmp_path, vendor: str) -> Site:
    return Site.brownfield(tmp_path, vendor)


def _vsan(vendor: str) -> int | None:
    return 10 if vendor == "cisco" else None


@pytest.mark.parametrize("vendor", ["brocade", "cisco"])
def test_a_correct_change_and_rollback_pass(tmp_path, vendor):
    site = _site(tmp_path, vendor)
    before, snap = site.copy_state(), site.snapshot("A")
    site.apply("A", GOOD[vendor][0])
    fab = site.fabrics["A"]
    C.assert_clean_end(fab)
    C.assert_desired(fab, _plan(vendor), _vsan(vendor))
    C.assert_foreign_kept(
        C.zone_view(before["A"], _vsan(vendor)), C.zone_view(fab, _vsan(vendor)), _plan(vendor)
    )
    site.apply("A", GOOD[vendor][1])
    C.assert_clean_end(fab)
    assert site.snapshot("A") == snap


@pytest.mark.parametrize("vendor", ["brocade", "cisco"])
def test_a_new_config_enabled_over_the_one_in_effect_fails(tmp_path, vendor):
    site = _site(tmp_path, vendor)
    before = site.copy_state()
    script = GOOD[vendor][0]
    if vendor == "brocade":
        script = script.replace('cfgadd "PROD_A", "z_esx01"', 'cfgcreate "cfg_new", "z_esx01"')
        script = script.replace('cfgenable "PROD_A"', 'cfgenable "cfg_new"')
    else:
        script = script.replace("PROD_A", "zs_new")
    site.apply("A", script)
    fab = site.fabrics["A"]
    with pytest.raises(AssertionError):
        C.assert_desired(fab, _plan(vendor), _vsan(vendor))
    with pytest.raises(AssertionError, match="changed in effect"):
        C.assert_foreign_kept(
            C.zone_view(before["A"], _vsan(vendor)),
            C.zone_view(fab, _vsan(vendor)),
            _plan(vendor, "cfg_new"),
        )


@pytest.mark.parametrize("vendor", ["brocade", "cisco"])
def test_a_zone_on_the_wrong_wwpn_fails(tmp_path, vendor):
    site = _site(tmp_path, vendor)
    site.apply("A", GOOD[vendor][0].replace(H, "10:00:00:90:fa:ee:ee:ee"))
    with pytest.raises(AssertionError):
        C.assert_desired(site.fabrics["A"], _plan(vendor), _vsan(vendor))


def test_a_missing_smart_tag_fails(tmp_path):
    site = _site(tmp_path, "cisco")
    site.apply("A", GOOD["cisco"][0].replace("esx01_hba0_p0 initiator", "esx01_hba0_p0 both"))
    with pytest.raises(AssertionError):
        C.assert_desired(site.fabrics["A"], _plan("cisco"), 10)


@pytest.mark.parametrize(
    ("vendor", "cut"),
    [
        ("brocade", 'cfgenable "PROD_A" -f\n'),  # the transaction stays open
        ("cisco", "zone commit vsan 10\n"),  # the zone session stays open
        ("cisco", "device-alias commit\n"),  # the device-alias session stays open
        ("cisco", "copy running-config startup-config fabric\n"),  # not saved
    ],
)
def test_something_left_open_or_unsaved_fails(tmp_path, vendor, cut):
    site = _site(tmp_path, vendor)
    script = GOOD[vendor][0].replace(cut, "")
    if "device-alias commit" in cut:  # the zones then name aliases not yet committed
        script = script.split("zone smart-zoning")[0]
    site.apply("A", script)
    with pytest.raises(AssertionError):
        C.assert_clean_end(site.fabrics["A"])


def test_abort_own_discards_what_the_admin_opened(tmp_path):
    for vendor in ("brocade", "cisco"):
        site = _site(tmp_path / vendor, vendor)
        snap = site.snapshot("A")
        cut = 'cfgenable "PROD_A" -f\n' if vendor == "brocade" else "zone commit vsan 10\n"
        site.apply("A", GOOD[vendor][0].replace(cut, "").split("copy running")[0])
        assert C.leftovers(site.fabrics["A"])
        C.abort_own(site.fabrics["A"])
        assert not C.leftovers(site.fabrics["A"])
        if vendor == "brocade":
            assert site.snapshot("A") == snap
