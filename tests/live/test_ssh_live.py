"""SSH adapter and collect against real asyncssh switch emulators on 127.0.0.1."""

from __future__ import annotations

import asyncio
import re
import stat
from pathlib import Path

import asyncssh
from live_states import PASSWORD, brocade_state, cisco_state, cred

from tests.support.ssh_switch import EmulatedSwitch, free_tcp_port, outputs_from_state
from zoneplan.findings import ExitCode
from zoneplan.live.collect import Target, collect_async, run_exit_code
from zoneplan.live.ssh import CommandSpec, SshOptions, load_commands, read_switch_ssh

READ_ONLY = re.compile(
    r"^(?:[a-z]*show(?: -\w+)?|cfgsize|version|show [\w\- ]+|terminal length 0|exit)$"
)


def _switch(state, **kw) -> EmulatedSwitch:
    return EmulatedSwitch(
        state.name, state.vendor, outputs_from_state(state), password=PASSWORD, **kw
    )


def _target(sw: EmulatedSwitch, password: str = PASSWORD, vsans=None) -> Target:
    return Target(sw.name, sw.vendor, "127.0.0.1", sw.port, "ssh", cred(password), vsans or [])


def _opts(tmp_path: Path, **kw) -> SshOptions:
    base = dict(
        known_hosts=tmp_path / "known_hosts",
        command_timeout=5.0,
        connect_timeout=3.0,
        switch_timeout=30.0,
        retries=1,
        retry_delay=0.05,
    )
    base.update(kw)
    return SshOptions(**base)


def _trust(tmp_path: Path, *switches: EmulatedSwitch) -> None:
    with open(tmp_path / "known_hosts", "a") as f:
        for sw in switches:
            f.write(sw.public_key_line)


def test_catalogue_commands_are_read_only():
    for vendor in ("brocade", "cisco"):
        specs, findings = load_commands(vendor)
        assert specs and not findings
        assert all(READ_ONLY.match(s.command.replace(" vsan {vsan}", "")) for s in specs)


def test_per_vsan_commands_expand_or_cover_all_vsans():
    from zoneplan.live.ssh import expand_commands

    specs, _ = load_commands("cisco")
    per_vsan = [c.command for c in expand_commands(specs, [10, 20])]
    assert "show zoneset active vsan 10" in per_vsan and "show zoneset active vsan 20" in per_vsan
    assert "show flogi database" in per_vsan  # logins: all VSANs at once
    adhoc = [c.command for c in expand_commands(specs, [])]
    assert "show zoneset active" in adhoc and not any("vsan {" in c for c in adhoc)


def test_catalogue_refuses_write_commands(tmp_path: Path):
    p = tmp_path / "commands.yaml"
    p.write_text(
        "cli: {prompt: {end: '>'}}\n"
        "commands:\n  cfgshow: {parser: cfgshow, feeds: zoning, run: cfgshow, collect: true}\n"
        "  cfgsave: {parser: cfgshow, feeds: zoning, run: cfgsave, collect: true}\n"
    )
    specs, findings = load_commands("brocade", p)
    assert [s.command for s in specs] == ["cfgshow"]
    assert [f.code for f in findings] == ["ZP068"]


def test_collect_dual_fabric_reads_zoning_and_writes_private_capture(tmp_path: Path):
    bro, cis = brocade_state(), cisco_state()
    sw_b, sw_c = _switch(bro), _switch(cis)
    out = tmp_path / "cap"

    async def run():
        await sw_b.start()
        await sw_c.start()
        try:
            return await collect_async(
                [_target(sw_b), _target(sw_c, vsans=[20])],
                out=out,
                ssh_options=_opts(tmp_path, accept_new_host_key=True),
            )
        finally:
            await sw_b.stop()
            await sw_c.stop()

    rb, rc = asyncio.run(run())
    assert (rb.status, rc.status) == ("ok", "ok"), [f.parsable() for f in rb.findings + rc.findings]
    # host keys recorded on first use, with an info finding each
    assert [f.code for f in rb.findings if f.code.startswith("ZP7")] == ["ZP706"]
    assert (tmp_path / "known_hosts").read_text().count("ssh-ed25519") == 2
    # only read commands were sent
    for sw in (sw_b, sw_c):
        assert sw.received and all(READ_ONLY.match(c) for c in sw.received), sw.received
    assert sw_c.received[0] == "terminal length 0"
    assert "show zoneset active vsan 20" in sw_c.received
    # capture layout and permissions
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    folder = out / "swA1"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / "cfgshow.txt").read_text() == sw_b.outputs["cfgshow"]
    assert (folder / "nsshow_-t.txt").exists()
    assert (out / "mdsB1" / "show_zoneset_active_vsan_20.txt").exists()
    for f in out.rglob("*"):
        if f.is_file():
            assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    # the observed state was parsed back from the capture
    zb = rb.state.zoning[0]
    assert zb.effective.effective == "cfg_A"
    assert zb.defined.zones["z_esx01__san1"].members == ["esx01_hba0", "50:01:43:80:12:0e:2b:60"]
    assert {lg.wwpn for lg in rb.state.logins.values()} == {
        "10:00:00:10:9b:00:00:01",
        "50:01:43:80:12:0e:2b:60",
    }
    zc = rc.state.zoning[20]
    assert set(zc.defined.zones) == {"z_esx01__san1", "z_legacy"}
    assert list(zc.effective.zones) == ["z_esx01__san1"]
    assert rc.state.device_aliases["san1_p1"] == "50:01:43:80:12:0e:2b:62"
    assert run_exit_code([rb, rc]) is ExitCode.OK


def test_faulty_switches_give_coded_findings_while_others_are_read(tmp_path: Path):
    good = _switch(brocade_state("good"))
    wrong_pw = _switch(brocade_state("wrongpw"))
    changed = _switch(brocade_state("changed"))
    unknown = _switch(brocade_state("unknown"))
    slow = _switch(brocade_state("slow"), slow={"cfgshow": 30.0})
    dead_port = free_tcp_port()
    imposter = asyncssh.generate_private_key("ssh-ed25519").export_public_key("openssh").decode()

    async def run():
        for sw in (good, wrong_pw, changed, unknown, slow):
            await sw.start()
        _trust(tmp_path, good, wrong_pw, slow)
        with open(tmp_path / "known_hosts", "a") as f:  # a different key recorded for 'changed'
            f.write(f"[127.0.0.1]:{changed.port} " + " ".join(imposter.split()[:2]) + "\n")
        targets = [
            _target(good),
            _target(wrong_pw, "not-the-password"),
            _target(changed),
            _target(unknown),
            _target(slow),
            Target("dead", "brocade", "127.0.0.1", dead_port, "ssh", cred()),
        ]
        try:
            return await collect_async(
                targets,
                out=tmp_path / "cap",
                concurrency=6,
                ssh_options=_opts(tmp_path, command_timeout=1.0),
            )
        finally:
            for sw in (good, wrong_pw, changed, unknown, slow):
                await sw.stop()

    results = {r.name: r for r in asyncio.run(run())}
    codes = {
        n: sorted({f.code for f in r.findings if f.code.startswith("ZP7")})
        for n, r in results.items()
    }
    assert results["good"].status == "ok" and codes["good"] == []
    assert results["good"].state.zoning[0].effective.effective == "cfg_A"
    assert codes["wrongpw"] == ["ZP703"] and results["wrongpw"].status == "failed"
    assert wrong_pw.logins == ["admin"]  # a wrong password is not retried
    assert codes["changed"] == ["ZP705"] and results["changed"].status == "failed"
    msg = next(f.message for f in results["changed"].findings if f.code == "ZP705")
    assert "changed" in msg and f"[127.0.0.1]:{changed.port}" in msg
    assert changed.logins == [] and changed.received == []  # nothing was sent to it
    assert codes["unknown"] == ["ZP704"] and unknown.logins == []
    assert codes["dead"] == ["ZP700"] and results["dead"].status == "failed"
    assert "ZP702" in codes["slow"] and results["slow"].status == "partial"
    assert "ZP707" in codes["slow"]
    assert not (tmp_path / "cap" / "slow" / "cfgshow.txt").exists()  # no cut output saved
    # the changed key was not overwritten, the unknown one not recorded
    kh = (tmp_path / "known_hosts").read_text()
    assert imposter.split()[1] in kh and f"[127.0.0.1]:{unknown.port}" not in kh
    assert run_exit_code(list(results.values())) is ExitCode.UNREACHABLE


def test_hanging_login_is_a_timeout(tmp_path: Path):
    sw = EmulatedSwitch("hang", "brocade", hang_login=True)

    async def run():
        await sw.start()
        try:
            return await read_switch_ssh(
                "hang",
                "brocade",
                "127.0.0.1",
                sw.port,
                cred(),
                [CommandSpec("cfgshow")],
                _opts(tmp_path, connect_timeout=0.5, retries=0),
            )
        finally:
            await sw.stop()

    r = asyncio.run(run())
    assert [f.code for f in r.findings] == ["ZP701"] and not r.connected


def test_paging_and_dropped_connection_and_rejected_command(tmp_path: Path):
    long = "".join(f"line {i}\n" for i in range(80))
    pager = EmulatedSwitch(
        "pager", "cisco", {"show flogi database": long}, password=PASSWORD, paging="always"
    )
    dropper = EmulatedSwitch(
        "dropper",
        "cisco",
        {"show vsan": "vsan 1 information\n"},
        password=PASSWORD,
        drop_on={"show flogi database"},
    )
    specs = [
        CommandSpec("show flogi database"),
        CommandSpec("show vsan"),
        CommandSpec("show switchname", required=False),
    ]

    async def run():
        await pager.start()
        await dropper.start()
        _trust(tmp_path, pager, dropper)
        try:
            a = await read_switch_ssh(
                "pager", "cisco", "127.0.0.1", pager.port, cred(), specs, _opts(tmp_path)
            )
            b = await read_switch_ssh(
                "dropper", "cisco", "127.0.0.1", dropper.port, cred(), specs, _opts(tmp_path)
            )
            return a, b
        finally:
            await pager.stop()
            await dropper.stop()

    a, b = asyncio.run(run())
    assert "ZP709" in {f.code for f in a.findings}
    assert a.outputs["show flogi database"].error == "paged"
    assert "show flogi database" in a.missing
    assert "ZP708" in {f.code for f in a.findings}  # show switchname: % Invalid command
    assert "show switchname" not in a.missing  # optional command
    assert [f.code for f in b.findings] == ["ZP710"]
    assert "show flogi database" in b.missing
    assert dropper.received.count("show flogi database") == 2  # one bounded retry


def test_keyboard_interactive_password_login(tmp_path: Path):
    """FOS offers keyboard-interactive only; the password answers its prompt."""
    sw = _switch(brocade_state("kbd"), kbdint_only=True)

    async def run():
        await sw.start()
        _trust(tmp_path, sw)
        try:
            return await read_switch_ssh(
                "kbd",
                "brocade",
                "127.0.0.1",
                sw.port,
                cred(),
                [CommandSpec("cfgshow")],
                _opts(tmp_path),
            )
        finally:
            await sw.stop()

    r = asyncio.run(run())
    assert r.connected and r.outputs["cfgshow"].ok and not r.findings


def test_cisco_without_known_vsans_reads_all_vsans(tmp_path: Path):
    sw = _switch(cisco_state())

    async def run():
        await sw.start()
        _trust(tmp_path, sw)
        try:
            return await collect_async(
                [_target(sw)], out=tmp_path / "cap", ssh_options=_opts(tmp_path)
            )
        finally:
            await sw.stop()

    (r,) = asyncio.run(run())
    assert r.status == "ok", [f.parsable() for f in r.findings]
    assert "show zoneset active" in sw.received
    assert (tmp_path / "cap" / "mdsB1" / "show_zoneset_active.txt").exists()
    assert r.state.zoning[20].effective.effective == "zs_B"
