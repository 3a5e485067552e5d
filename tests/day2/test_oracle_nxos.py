"""The NX-OS oracle refuses what the switch refuses and says it with the switch's words.

Each test pins one documented behaviour (sources in tests/support/oracle/nxos.py): zone modes
and sessions, device-alias modes and distribution, fcaliases per VSAN, smart-zoning keywords,
prompts and ``terminal dont-ask``, saving, the forbidden commands.
"""

from __future__ import annotations

import pytest

from tests.support.oracle import CommandRejected, MdsFabric, RefusedCommand, run_script
from tests.support.oracle import nxos as N
from tests.support.oracle.export import show_zone, show_zone_status
from tests.support.oracle.nxos import VsanZoning

W1, W2, W3 = "10:00:00:00:00:00:00:01", "20:00:00:00:00:00:00:01", "10:00:00:00:00:00:00:02"


def _fabric(mode: str = "enhanced", **kw) -> MdsFabric:
    """VSAN 10 (``mode``) and 20; device-aliases h1 → W1, t1 → W2."""
    return MdsFabric(
        {10: VsanZoning(10, mode), 20: VsanZoning(20, mode)},
        {"h1": W1, "t1": W2},
        switches=("mds1", "mds2"),
        **kw,
    )


def _zone_script(vsan: int = 10, commit: bool = True) -> str:
    return (
        "configure terminal\n"
        f"zone name z1 vsan {vsan}\n"
        "  member device-alias h1\n"
        "  member device-alias t1\n"
        f"zoneset name zs vsan {vsan}\n"
        "  member z1\n"
        "terminal dont-ask\n"
        f"zoneset activate name zs vsan {vsan}\n"
        "no terminal dont-ask\n" + (f"zone commit vsan {vsan}\n" if commit else "") + "end\n"
    )


# --------------------------------------------------------------------------- zone modes


def test_enhanced_mode_opens_a_session_and_commit_applies_it():
    f = _fabric()
    s = f.session()
    run = run_script(s, _zone_script(commit=False))
    assert N.SESSION_CREATED in run.output()
    assert not f.vsans[10].full.zones and f.vsans[10].active is None  # pending only
    assert "session:  cli [admin]" in show_zone_status(f, [10])
    assert s.send("configure terminal").output == ""
    assert s.send("zone commit vsan 10").output == N.COMMIT_OK + "\n"
    assert set(f.vsans[10].full.zones) == {"z1"} and f.vsans[10].active.effective == "zs"
    assert "session:  none" in show_zone_status(f, [10])


def test_no_zone_commit_discards_the_session():
    f = _fabric()
    s = f.session()
    run_script(s, _zone_script(commit=False))
    s.send("configure terminal")
    assert s.send("no zone commit vsan 10").output == ""
    assert f.vsans[10].session is None and not f.vsans[10].full.zones


def test_another_users_lock_refuses_changes():
    f = _fabric()
    f.lock_zone(10, "bob")
    s = f.session("admin")
    s.send("configure terminal")
    r = s.send("zone name z9 vsan 10")
    assert r.error and "Lock is currently busy" in r.output
    assert not s.send("zone name z9 vsan 20").error  # the lock is per VSAN
    r = s.send("no zone commit vsan 10")
    assert r.error and "bob" in r.output  # never another admin's session


def test_basic_mode_applies_at_once_and_refuses_zone_commit():
    f = _fabric("basic")
    s = f.session()
    run = run_script(s, _zone_script(commit=False))
    assert N.SESSION_CREATED not in run.output() and N.ACTIVATION_STARTED in run.output()
    assert f.vsans[10].active.effective == "zs"
    s.send("configure terminal")
    r = s.send("zone commit vsan 10")
    assert r.error and r.output.startswith("% Zone commit is not valid in basic zone mode")
    with pytest.raises(CommandRejected, match="basic zone mode"):
        run_script(_fabric("basic").session(), _zone_script(commit=True))


def test_an_unknown_vsan():
    s = _fabric().session()
    s.send("configure terminal")
    assert s.send("zone name z vsan 99").output == "VSAN 99 is not configured\n"


# --------------------------------------------------------------------------- device-aliases


def _da(*lines: str) -> str:
    return "configure terminal\ndevice-alias database\n" + "".join(f"  {x}\n" for x in lines)


def test_device_alias_changes_wait_for_commit_under_a_fabric_lock():
    f = _fabric()
    s = f.session("admin")
    run_script(s, _da(f"device-alias name h2 pwwn {W3}"))
    assert "h2" not in f.device_aliases() and f.da_session.user == "admin"
    other = f.session("bob")
    other.send("configure terminal")
    other.send("device-alias database")
    r = other.send(f"device-alias name x pwwn {'10:00:00:00:00:00:00:09'}")
    assert r.error and "locked" in r.output
    r = s.send("device-alias commit")
    assert r.prompt and r.output.startswith(N.DA_COMMIT_PROMPT_HEAD)
    assert f"+ device-alias name h2 pwwn {W3}" in r.output
    s.send("y")
    assert f.device_aliases("mds2")["h2"] == W3 and f.da_session is None
    assert s.mode == "config"  # commit returns to (config)#


def test_device_alias_abort_discards():
    f = _fabric()
    s = f.session()
    run_script(s, _da("no device-alias name h1", "device-alias abort"))
    assert f.device_aliases()["h1"] == W1 and f.da_session is None


def test_distribution_disabled_applies_at_once_on_this_switch_and_commit_fails():
    f = _fabric(da_distribute=False)
    s = f.session(switch="mds2")
    run_script(s, _da(f"device-alias name h2 pwwn {W3}"))
    assert f.device_aliases("mds2")["h2"] == W3 and "h2" not in f.device_aliases("mds1")
    assert f.unsaved == {"mds2"}
    r = s.send("device-alias commit")
    assert r.error and r.output.strip() == (
        "Operation is not permitted as the fabric distribution is currently disabled."
    )


@pytest.mark.parametrize(
    ("line", "text"),
    [
        (f"device-alias name h1 pwwn {W3}", "Device Alias already present"),
        (
            f"device-alias name h2 pwwn {W1}",
            "Another device-alias already present with the same pwwn",
        ),
        (f"device-alias name H1 pwwn {W3}", "differing only in case"),
        ("no device-alias name nosuch", "Device Alias not present"),
        (f"device-alias name 1bad pwwn {W3}", "Illegal name"),
    ],
)
def test_device_alias_refusals(line, text):
    s = _fabric().session()
    with pytest.raises(CommandRejected, match=text):
        run_script(s, _da(line))


def test_replacing_a_device_alias_in_one_session_repoints_enhanced_zones():
    f = _fabric()
    run_script(f.session(), _zone_script())
    script = _da("no device-alias name h1", f"device-alias name h1 pwwn {W3}") + (
        "terminal dont-ask\ndevice-alias commit\nno terminal dont-ask\nend\n"
    )
    run_script(f.session(), script)
    assert f.vsans[10].full.zones["z1"].members == ["h1", "t1"]  # zones untouched
    assert f.resolve("h1", 10) == [W3]  # the zone server follows the alias


def test_deleting_a_device_alias_in_use_is_accepted_by_the_switch():
    f = _fabric()
    run_script(f.session(), _zone_script())
    run_script(f.session(), _da("no device-alias name h1", "device-alias commit", "y"))
    assert "h1" not in f.device_aliases() and f.resolve("h1", 10) == []  # traffic cut


def test_basic_device_alias_mode_stores_the_pwwn_in_the_zone():
    f = _fabric(da_mode="basic")
    run_script(f.session(), _zone_script())
    assert f.vsans[10].full.zones["z1"].members == [W1, W2]
    assert f"  pwwn {W1} [h1]" in show_zone(f, [10])
    run_script(
        f.session(),
        _da(
            "no device-alias name h1", f"device-alias name h1 pwwn {W3}", "device-alias commit", "y"
        ),
    )
    assert f.vsans[10].full.zones["z1"].members == [W1, W2]  # re-pointing changes no zone
    assert f"  pwwn {W1}\n" in show_zone(f, [10])


def test_a_rename_follows_into_enhanced_zones_at_commit():
    f = _fabric()
    run_script(f.session(), _zone_script())
    run_script(f.session(), _da("device-alias rename h1 host1", "device-alias commit", "y"))
    assert f.vsans[10].full.zones["z1"].members == ["host1", "t1"]


def test_clearing_another_admins_device_alias_session_is_refused():
    f = _fabric()
    f.lock_device_alias("bob")
    with pytest.raises(RefusedCommand):
        run_script(f.session(), "configure terminal\nclear device-alias session\n")
    s = f.session()
    run_script(f.session("bob"), "configure terminal\nclear device-alias session\n")
    assert f.da_session is None and s  # the owner may


# --------------------------------------------------------------------------- fcaliases


def test_fcaliases_belong_to_one_vsan():
    f = _fabric()
    script = (
        "configure terminal\nfcalias name fa vsan 10\n  member pwwn 30:00:00:00:00:00:00:01\n"
        "zone name zf vsan 10\n  member fcalias fa\nzone commit vsan 10\n"
    )
    run_script(f.session(), script)
    assert f.vsans[10].full.zones["zf"].members == ["fcalias fa"]
    assert "  fcalias name fa vsan 10\n    pwwn 30:00:00:00:00:00:00:01\n" in show_zone(f, [10])
    with pytest.raises(CommandRejected, match="Fcalias not present"):
        run_script(f.session(), "configure terminal\nzone name zf vsan 20\n  member fcalias fa\n")
    with pytest.raises(CommandRejected, match="in use"):
        run_script(f.session(), "configure terminal\nno fcalias name fa vsan 10\n")


# --------------------------------------------------------------------------- smart zoning


def test_smart_zoning_keywords():
    f = _fabric()
    s = f.session()
    run_script(s, "configure terminal\nzone name z vsan 10\n")
    with pytest.raises(CommandRejected, match="Smart zoning is not enabled"):
        run_script(s, "  member device-alias h1 initiator\n")
    s.send("terminal dont-ask")
    assert s.send("zone smart-zoning enable vsan 10").prompt is None
    s.send("zone name z vsan 10")
    assert not s.send("member device-alias h1 initiator").error
    assert s.send("member device-alias t1 init").error  # the abbreviation is not proven
    assert not s.send("member device-alias t1 target").error
    s.send("zone commit vsan 10")
    assert "  device-alias h1 init\n" in show_zone(f, [10])
    assert "smart-zoning: enabled" in show_zone_status(f, [10])


def test_smart_zoning_enable_asks_without_dont_ask():
    s = _fabric().session()
    s.send("configure terminal")
    assert s.send("zone smart-zoning enable vsan 10").prompt == N.CONTINUE_PROMPT


# --------------------------------------------------------------------------- prompts, saving


def test_a_pasted_zoneset_activate_swallows_the_next_line():
    script = "".join(
        x for x in _zone_script().splitlines(True) if not x.endswith("terminal dont-ask\n")
    )
    with pytest.raises(CommandRejected) as exc:
        run_script(_fabric().session(), script)
    assert exc.value.command == "zone commit vsan 10" and "cancelled" in exc.value.message


def test_copy_running_config_saves_one_switch_or_the_fabric():
    f = _fabric()
    run_script(f.session(), _zone_script())
    assert f.unsaved == {"mds1", "mds2"}
    out = run_script(f.session(), "copy running-config startup-config\n").output()
    assert "100%" in out and f.unsaved == {"mds2"}
    r = f.session().send("copy running-config startup-config fabric")
    assert r.prompt == N.CONTINUE_PROMPT
    run_script(f.session(), "terminal dont-ask\ncopy running-config startup-config fabric\n")
    assert not f.unsaved


# --------------------------------------------------------------------------- whitelist


@pytest.mark.parametrize(
    "line",
    [
        "clear zone database vsan 10",
        "clear zone lock vsan 10",
        "no zoneset activate name zs vsan 10",
        "zone default-zone permit vsan 10",
        "zone mode basic vsan 10",
        "no device-alias distribute",
        "device-alias mode enhanced",
    ],
)
def test_forbidden_commands_are_refused(line):
    with pytest.raises(RefusedCommand):
        run_script(_fabric().session(), "configure terminal\n" + line + "\n")


@pytest.mark.parametrize(
    "script",
    [
        "zone name z vsan 10\n",  # exec mode
        "configure terminal\nzone name z vsan 10\n  member interface fc1/1\n",
        "configure terminal\nconf t\n",
        "# not an NX-OS comment\n",
    ],
)
def test_lines_nxos_rejects(script):
    with pytest.raises(CommandRejected, match="Invalid command"):
        run_script(_fabric().session(), script)


def test_a_config_line_in_a_sub_mode_falls_back_to_the_configuration_mode():
    f = _fabric()
    s = f.session()
    run_script(s, "configure terminal\nzone name a vsan 10\n  member device-alias h1\n")
    s.send("zone name b vsan 10")  # from (config-zone): accepted, now editing b
    assert s.ctx == (10, "b") and s.prompt == "mds1(config-zone)# "


def test_smart_zoning_is_switched_off_only_without_tagged_zones():
    f = _fabric()
    s = f.session()
    script = (
        "configure terminal\nterminal dont-ask\nzone smart-zoning enable vsan 10\n"
        "zone name z vsan 10\n  member device-alias h1 initiator\nzone commit vsan 10\n"
    )
    run_script(s, script)
    r = s.send("no zone smart-zoning enable vsan 10")
    assert r.error and "has device types" in r.output
    run_script(
        s, "no zone name z vsan 10\nno zone smart-zoning enable vsan 10\nzone commit vsan 10\n"
    )
    assert not f.vsans[10].full.smart
    assert s.send("no zone smart-zoning enable vsan 10").output == N.SMART_ALREADY_OFF + "\n"
