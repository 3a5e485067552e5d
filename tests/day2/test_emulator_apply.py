"""The SSH switch emulator applies what it receives through the oracle, over real SSH.

Why: ``zoneplan apply`` (issue 12) is tested against this emulator; these tests pin what it
promises the apply engine — replies, prompts, exit status, transactions and locks across
connections, and the planted faults of its docstring — with a plain asyncssh client, so a
broken emulator shows here and not as a mysterious apply failure.
"""

from __future__ import annotations

import asyncio
from typing import Any

import asyncssh
import pytest

from tests.support.oracle import FosFabric, MdsFabric, run_script, snapshot
from tests.support.oracle.nxos import VsanZoning
from tests.support.ssh_switch import (
    EmulatedSwitch,
    outputs_from_state,
    plant_device_alias_lock,
    plant_foreign_transaction,
    plant_zoning_change,
)
from zoneplan.live.collect import Target, collect_async
from zoneplan.live.credentials import Credential, Secret
from zoneplan.live.ssh import SshOptions
from zoneplan.observed import Login, SwitchIdentity, SwitchState, Zone, ZoneDb
from zoneplan.parsers.capture import read_captures

PASSWORD = "s3cret-pw"
W1, W2 = "10:00:00:00:00:00:00:01", "20:00:00:00:00:00:00:01"


def _fos() -> FosFabric:
    db = ZoneDb(aliases={"h1": [W1], "t1": [W2]}, zones={"z1": Zone("z1", ["h1", "t1"])})
    db.configs = {"PROD": ["z1"]}
    f = FosFabric(db, switch="fa1")
    f.effective = f.compile(f.defined, "PROD")  # type: ignore[assignment]
    return f


def _mds(mode: str = "enhanced") -> MdsFabric:
    return MdsFabric({10: VsanZoning(10, mode)}, {"h1": W1, "t1": W2}, switches=("mds-a1",))


def _switch(fabric: Any, vendor: str, **kw: Any) -> EmulatedSwitch:
    name = "fa1" if vendor == "brocade" else "mds-a1"
    outputs = {"switchshow": "switchName:\tfa1\n"} if vendor == "brocade" else {}
    return EmulatedSwitch(name, vendor, outputs, password=PASSWORD, fabric=fabric, **kw)


def _serve(sw: EmulatedSwitch, body):  # noqa: ANN001, ANN202
    """Run ``body(connect)`` against the started switch; ``connect(user)`` opens a session."""

    async def main():  # noqa: ANN202
        await sw.start()
        try:

            async def connect(user: str = "admin") -> asyncssh.SSHClientConnection:
                sw.user = user
                return await asyncssh.connect(
                    "127.0.0.1", sw.port, username=user, password=PASSWORD, known_hosts=None
                )

            return await body(connect)
        finally:
            await sw.stop()

    return asyncio.run(main())


async def _shell(conn: asyncssh.SSHClientConnection, lines: list[str]) -> str:
    """Send lines to an interactive shell, then leave; everything the switch printed."""
    proc = await conn.create_process()
    for line in lines:
        proc.stdin.write(line + "\n")
    proc.stdin.write("exit\n")
    proc.stdin.write_eof()
    out = await asyncio.wait_for(proc.stdout.read(), 20)
    proc.close()
    return out


# --------------------------------------------------------------------------- FOS


def test_fos_exec_channels_apply_and_answer_like_the_switch():
    fab = _fos()
    sw = _switch(fab, "brocade")

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            r = [await c.run('alicreate "h2", "10:00:00:00:00:00:00:02"')]
            r.append(await c.run('zonecreate "z2", "h2; t1"'))
            r.append(await c.run('cfgadd "PROD", "z2"'))
            r.append(await c.run('cfgenable "PROD"', input="y\n"))  # answered on stdin
            r.append(await c.run("cfgshow"))
            r.append(await c.run('alicreate "h2", "10:00:00:00:00:00:00:09"'))
            r.append(await c.run("nosuch"))
            r.append(await c.run("switchshow"))  # not zoning: from outputs
            return r

    r = _serve(sw, body)
    assert [x.exit_status for x in r] == [0, 0, 0, 0, 0, 1, 127, 0]
    assert r[0].stdout == ""  # FOS prints nothing on success
    assert "Do you want to enable 'PROD' configuration" in r[3].stdout
    assert r[3].stdout.endswith('zone config "PROD" is in effect\nUpdating flash ...\n')
    assert " zone:\tz2\th2; t1 " in r[4].stdout
    assert r[5].stdout == "'h2' duplicate name\n"
    assert r[6].stdout.startswith("rbash: nosuch: command not found")
    assert r[7].stdout == "switchName:\tfa1\n"
    assert set(fab.effective.zones) == {"z1", "z2"} and not fab.transactions
    assert sw.received[:2] == [
        'alicreate "h2", "10:00:00:00:00:00:00:02"',
        'zonecreate "z2", "h2; t1"',
    ]


def test_fos_shell_prompt_takes_the_next_line_as_its_answer():
    fab = _fos()
    sw = _switch(fab, "brocade")

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            return await _shell(c, ['alicreate "h2", "10:00:00:00:00:00:00:02"', "cfgsave", "y"])

    out = _serve(sw, body)
    assert "fa1:admin> " in out and "Do you want to save the Defined zoning" in out
    assert "Updating flash ..." in out and "h2" in fab.defined.aliases


def test_a_transaction_outlives_its_connection_and_belongs_to_its_user():
    fab = _fos()
    sw = _switch(fab, "brocade")

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect("admin") as c:
            await c.run('alicreate "h2", "10:00:00:00:00:00:00:02"')
        async with await connect("admin") as c:
            mine = await c.run("cfgtransshow")
        async with await connect("bob") as c:
            theirs = await c.run("cfgtransabort")
        return mine, theirs

    mine, theirs = _serve(sw, body)
    assert (
        mine.stdout.startswith("Current transaction token is") and "It is abortable" in mine.stdout
    )
    assert theirs.exit_status == 1 and "you are not owner of that transaction" in theirs.stdout
    assert fab.own("admin") is not None


# --------------------------------------------------------------------------- NX-OS


def test_nxos_shell_modes_session_and_another_users_lock():
    fab = _mds()
    sw = _switch(fab, "cisco")
    lines = [
        "terminal length 0",
        "configure terminal",
        "zone name z1 vsan 10",
        "member device-alias h1",
        "member device-alias t1",
    ]

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect("admin") as c:
            first = await _shell(c, lines)
        async with await connect("bob") as c:
            other = await _shell(c, ["configure terminal", "zone name z9 vsan 10", "end"])
        async with await connect("admin") as c:
            done = await _shell(c, ["configure terminal", "zone commit vsan 10", "end"])
        return first, other, done

    first, other, done = _serve(sw, body)
    assert "mds-a1(config)# " in first and "mds-a1(config-zone)# " in first
    assert "Enhanced zone session has been created" in first
    assert "Lock is currently busy" in other
    assert "Commit operation initiated. Check zone status" in done
    assert set(fab.vsans[10].full.zones) == {"z1"} and fab.vsans[10].session is None


def test_nxos_exec_runs_commands_joined_with_semicolons():
    fab = _mds("basic")
    sw = _switch(fab, "cisco")

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            ok = await c.run(
                "configure terminal ; zone name z1 vsan 10 ; member device-alias h1 ; end"
            )
            bad = await c.run("configure terminal ; zone commit vsan 10")
            return ok, bad

    ok, bad = _serve(sw, body)
    assert ok.exit_status == 0 and fab.vsans[10].full.zones["z1"].members == ["h1"]
    assert bad.exit_status == 1 and "basic zone mode" in bad.stdout


def test_nxos_prompt_without_dont_ask_and_the_saved_configuration():
    fab = _mds("basic")
    sw = _switch(fab, "cisco")
    lines = [
        "configure terminal",
        "zone name z1 vsan 10",
        "member device-alias h1",
        "zoneset name zs vsan 10",
        "member z1",
        "zoneset activate name zs vsan 10",
        "y",
        "end",
        "copy running-config startup-config",
    ]

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            return await _shell(c, lines)

    out = _serve(sw, body)
    assert "Do you want to continue? (y/n) [n]" in out
    assert "Zoneset activation initiated" in out and "100%" in out
    assert fab.vsans[10].active.effective == "zs" and not fab.unsaved


# --------------------------------------------------------------------------- hooks


def test_error_at_the_nth_command_runs_nothing():
    fab = _fos()
    sw = _switch(fab, "brocade", error_at={2: ""})

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            a = await c.run('alicreate "h2", "10:00:00:00:00:00:00:02"')
            b = await c.run('alicreate "h3", "10:00:00:00:00:00:00:03"')
            return a, b

    a, b = _serve(sw, body)
    assert a.exit_status == 0 and b.exit_status == 1 and b.stdout == "Error: operation failed\n"
    assert "h3" not in fab.view("admin").aliases


def test_the_connection_drops_after_the_nth_command_which_did_run():
    fab = _mds()
    sw = _switch(fab, "cisco", drop_after=3)

    async def body(connect):  # noqa: ANN001, ANN202
        c = await connect()
        try:
            r = await asyncio.wait_for(
                c.run("configure terminal ; zone name z1 vsan 10 ; member device-alias h1"), 20
            )
            assert r.exit_status is None  # no exit status: the client cannot know
        except (asyncssh.Error, ConnectionError):
            pass  # or the client sees the connection die
        with pytest.raises((asyncssh.Error, ConnectionError)):
            await c.run("show zone status vsan 10")
        c.close()

    _serve(sw, body)
    assert fab.vsans[10].session is not None  # the session stays open, locked
    assert fab.vsans[10].session.db.zones["z1"].members == ["h1"]


def test_planted_foreign_transaction_lock_and_zoning_change():
    fos = _fos()
    sw = _switch(fos, "brocade", plant_before={2: plant_foreign_transaction})

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            before = await c.run("cfgtransshow")
            after = await c.run("cfgtransshow")
            return before, after

    before, after = _serve(sw, body)
    assert "no outstanding" in before.stdout and "token" in after.stdout
    mds = _mds()
    snap = snapshot(mds)
    plant_zoning_change(mds)
    assert snapshot(mds) != snap and "z_changed_meanwhile" in mds.vsans[10].active.zones
    plant_device_alias_lock(mds)
    assert mds.da_session is not None and mds.da_session.user == "otheradmin"


def test_changes_lists_what_was_not_a_read_and_forbidden_commands_do_not_run():
    fab = _fos()
    sw = _switch(fab, "brocade")
    before = snapshot(fab)

    async def body(connect):  # noqa: ANN001, ANN202
        async with await connect() as c:
            for cmd in ("cfgshow", "cfgtransshow", "version"):
                await c.run(cmd)
            reads = list(sw.changes())
            r = await c.run("cfgclear")
            return reads, r

    reads, r = _serve(sw, body)
    assert reads == [] and sw.changes() == ["cfgclear"]
    assert r.exit_status == 1 and sw.forbidden == ["cfgclear"] and snapshot(fab) == before


# --------------------------------------------------------------------------- product reader


def test_zoneplan_collect_reads_the_changed_fabric_from_the_emulator(tmp_path):
    """After a change, ``zoneplan collect`` (the SSH adapter apply verifies with) reads what the
    oracle holds now: zoning from the oracle, logins and ports from ``outputs``."""
    fos, mds = _fos(), _mds()
    run_fos = 'alicreate "h2", "10:00:00:00:00:00:00:02"\nzonecreate "z2", "h2; t1"\n'
    run_fos += 'cfgadd "PROD", "z2"\ncfgenable "PROD" -f\n'
    run_script(fos.session(), run_fos)
    run_script(
        mds.session(),
        "configure terminal\nzone name z1 vsan 10\n  member device-alias h1\n"
        "zoneset name zs vsan 10\n  member z1\nterminal dont-ask\n"
        "zoneset activate name zs vsan 10\nzone commit vsan 10\nend\n",
    )
    switches = []
    for name, vendor, fab in (("fa1", "brocade", fos), ("mds-a1", "cisco", mds)):
        st = SwitchState(identity=SwitchIdentity(name=name, domain=1), vendor=vendor)
        st.add_login(
            Login(
                wwpn=W1,
                port="1" if vendor == "brocade" else "fc1/1",
                vsan=10,
                switch=name,
                fcid="0x010100",
            )
        )
        sw = EmulatedSwitch(
            name, vendor, outputs_from_state(st, vsans=[10]), password=PASSWORD, fabric=fab
        )
        switches.append(sw)
    out = tmp_path / "cap"

    async def main():  # noqa: ANN202
        for sw in switches:
            await sw.start()
        try:
            cred = Credential("t", user="admin", password=Secret(PASSWORD))
            targets = [
                Target(sw.name, sw.vendor, "127.0.0.1", sw.port, "ssh", cred, [10])
                for sw in switches
            ]
            opts = SshOptions(
                known_hosts=tmp_path / "kh",
                accept_new_host_key=True,
                command_timeout=5.0,
                connect_timeout=3.0,
                switch_timeout=30.0,
                retries=1,
                retry_delay=0.05,
            )
            return await collect_async(targets, out=out, ssh_options=opts)
        finally:
            for sw in switches:
                await sw.stop()

    results = asyncio.run(main())
    assert [r.status for r in results] == ["ok", "ok"], [
        f.parsable() for r in results for f in r.findings
    ]
    assert all(not sw.changes() for sw in switches)  # collect sends reads only
    states, _ = read_captures([out])
    assert set(states["fa1"].zoning[0].defined.zones) == {"z1", "z2"}
    assert states["fa1"].zoning[0].effective.effective == "PROD"
    assert set(states["mds-a1"].zoning[10].defined.zones) == {"z1"}
    assert states["mds-a1"].zoning[10].effective.effective == "zs"
