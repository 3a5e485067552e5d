"""Faults injected into a live audit of the sample dual fabric, one switch at a time.

tests/live already covers each transport fault on its own (wrong password, changed and unknown
host key, dead and hanging switch, slow command, paging, dropped connection, SNMP error status,
bounded walks). What is added here, over the whole ``collect`` → ``audit_states`` path with the
SSH emulator serving the planned zoning of all four switches:

* faults not covered yet: the switch closes the connection *mid-output*; the SNMP agent goes
  silent *mid-walk*; a Cisco zone session is locked (``show zone status``: ``session: cli``);
* every scenario of the issue, each time with the other three switches healthy: a coded
  per-switch finding; the other switches read completely; exit code 3 when a switch could not
  be read completely; the fabric of an incompletely read switch never gets the ``in-sync``
  verdict; the fabric of a switch with a foreign transaction or a held session does not either;
* ``collect`` sends only commands of the packs' read-only catalogue (what each emulated
  switch received, compared with the catalogue expanded for its VSANs).

No timed assertions: timeouts are provoked with delays far beyond the configured limits.
"""

from __future__ import annotations

import asyncio
import copy
from dataclasses import dataclass, field
from pathlib import Path

import asyncssh
import pytest
import yaml

from tests.support.planstate import states_from_plan
from tests.support.ssh_switch import (
    EmulatedSwitch,
    EmulatorThread,
    free_tcp_port,
    outputs_from_state,
)
from zoneplan.live.collect import Target, collect_switches, run_exit_code, targets_from_inventory
from zoneplan.live.credentials import Credential, CredentialStore, Secret
from zoneplan.live.snmp import SnmpOptions, read_switch_snmp
from zoneplan.live.ssh import SshOptions, expand_commands, load_commands
from zoneplan.loader import load_inventory
from zoneplan.observed import Transaction
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology
from zoneplan.workflows.audit import audit_states

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"
PASSWORD = "Fault-Inj3ction-pw"
FABRIC = {"sw-a1": "A", "sw-a2": "A", "mds-b1": "B", "mds-b2": "B"}


@dataclass
class CuttingSwitch(EmulatedSwitch):
    """An emulated switch that sends half of a command's output, then drops the connection."""

    cut_on: frozenset[str] = field(default_factory=frozenset)

    async def _exec(self, process: asyncssh.SSHServerProcess) -> None:
        cmd = " ".join(process.command.split())
        if cmd not in self.cut_on:
            await super()._exec(process)
            return
        self.received.append(cmd)
        text = self._answer(cmd)
        process.stdout.write(text[: len(text) // 2])
        await asyncio.sleep(0.05)  # let the half reach the client, as a real cut would
        process.channel.get_connection().abort()


class _SnmpAgent(asyncio.DatagramProtocol):
    """A v2c agent: answers GET, answers GETBULK with an error status or goes silent after
    ``answer`` requests (a timeout mid-walk)."""

    def __init__(self, mode: str, answer: int = 3) -> None:
        self.mode, self.answer, self.count = mode, answer, 0

    def connection_made(self, transport):  # noqa: ANN001
        self.transport = transport

    def datagram_received(self, data, addr):  # noqa: ANN001
        from pyasn1.codec.ber import decoder, encoder
        from pysnmp.proto import api

        p = api.PROTOCOL_MODULES[api.SNMP_VERSION_2C]
        msg, _ = decoder.decode(data, asn1Spec=p.Message())
        req = p.apiMessage.get_pdu(msg)
        bulk = req.tagSet == p.GetBulkRequestPDU.tagSet
        if bulk:
            self.count += 1
            if self.mode == "silent" and self.count > self.answer:
                return  # the agent stops answering in the middle of the walk
        resp = p.apiPDU.get_response(req)
        if bulk and self.mode == "silent":
            vbs = [
                (p.ObjectIdentifier(tuple(oid) + (1,)), p.Integer(1))
                for oid, _v in p.apiPDU.get_varbinds(req)
            ]
        else:
            vbs = [(oid, p.OctetString(b"x")) for oid, _v in p.apiPDU.get_varbinds(req)]
        p.apiPDU.set_varbinds(resp, vbs)
        if bulk and self.mode == "error":
            p.apiPDU.set_error_status(resp, 5)
            p.apiPDU.set_error_index(resp, 1)
        p.apiMessage.set_pdu(msg, resp)
        self.transport.sendto(encoder.encode(msg), addr)


class SnmpAgentThread:
    """Runs a :class:`_SnmpAgent` on 127.0.0.1 in a thread of its own."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.port = 0

    def __enter__(self) -> SnmpAgentThread:
        import threading

        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(self.loop)

            async def start() -> None:
                self.transport, _ = await self.loop.create_datagram_endpoint(
                    lambda: _SnmpAgent(self.mode), local_addr=("127.0.0.1", 0)
                )
                self.port = self.transport.get_extra_info("sockname")[1]
                ready.set()

            self.loop.run_until_complete(start())
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        assert ready.wait(30), "the SNMP agent did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.loop.call_soon_threadsafe(self.transport.close)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(30)


@pytest.fixture(scope="module")
def planned():
    r = load_inventory(SAMPLE)
    topo = build_topology(r.inventory, r.source)
    return build_plan(topo), topo


def _switch(name, st, **kw) -> EmulatedSwitch:
    cls = CuttingSwitch if "cut_on" in kw else EmulatedSwitch
    return cls(name, st.vendor, outputs_from_state(st), password=PASSWORD, **kw)


def _run(tmp_path: Path, planned, fault: str):
    """Collect the four switches with ``fault`` injected into one of them, then audit."""
    plan, topo = planned
    states = copy.deepcopy(states_from_plan(plan, topo))
    victim = {
        "cut": "sw-a1",
        "slow": "sw-a2",
        "paging": "mds-b1",
        "password": "sw-a1",
        "hostkey": "mds-b2",
        "snmp-error": "sw-a1",
        "snmp-silent": "mds-b1",
        "transaction": "sw-a2",
        "locked": "mds-b1",
        "none": "",
    }[fault]
    if fault == "transaction":
        states[victim].transaction = Transaction("open", token="0x5f3a21", abortable=False)
    if fault == "locked":
        vs = next(iter(states[victim].zoning))
        states[victim].zoning[vs].status.session = "cli"
    extra = {
        "cut": {"cut_on": frozenset({"cfgshow"})},
        "slow": {"slow": {"cfgshow": 60.0}},
        "paging": {"paging": "always"},
    }
    switches = [
        _switch(n, st, **(extra.get(fault, {}) if n == victim else {})) for n, st in states.items()
    ]
    if fault == "password":
        next(s for s in switches if s.name == victim).password = "another-password"
    data = yaml.safe_load(SAMPLE.read_text())
    agent = SnmpAgentThread(fault.split("-")[1]) if fault.startswith("snmp") else None
    with EmulatorThread(switches), agent or _Null():
        ports = {sw.name: sw.port for sw in switches}
        kh = tmp_path / "known_hosts"
        with open(kh, "w") as f:
            for sw in switches:
                if sw.name == victim and fault == "hostkey":
                    imposter = asyncssh.generate_private_key("ssh-ed25519")
                    pub = imposter.export_public_key("openssh").decode().split()
                    f.write(f"[127.0.0.1]:{sw.port} {pub[0]} {pub[1]}\n")
                else:
                    f.write(sw.public_key_line)
        for sw in data["switches"]:
            sw["mgmt"] = f"127.0.0.1:{ports.get(sw['name'], free_tcp_port())}"
            sw["credentials"] = "lab"
        inv = tmp_path / "inventory.yaml"
        inv.write_text(yaml.safe_dump(data, sort_keys=False))
        store = CredentialStore(
            environ={"ZONEPLAN_LAB_USER": "admin", "ZONEPLAN_LAB_PASSWORD": PASSWORD},
            interactive=False,
            path=tmp_path / "none.yaml",
        )
        targets, tf = targets_from_inventory(load_inventory(inv).inventory, store)
        if agent is not None:  # the victim is read over SNMP instead
            targets = [
                Target(
                    t.name,
                    t.vendor,
                    "127.0.0.1",
                    agent.port,
                    "snmp",
                    Credential("t", community=Secret("public")),
                    t.vsans,
                    t.fabric,
                )
                if t.name == victim
                else t
                for t in targets
            ]
        results = collect_switches(
            targets,
            out=tmp_path / "cap",
            concurrency=4,
            ssh_options=SshOptions(
                known_hosts=kh, connect_timeout=5, command_timeout=2.0, retries=0
            ),
            snmp_options=SnmpOptions(timeout=0.5, retries=0, switch_timeout=60),
        )
    live = tf + [f for r in results for f in r.findings]
    run = audit_states([r.state for r in results if r.state is not None], inv, extra_findings=live)
    return victim, {r.name: r for r in results}, run, switches


class _Null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


#: fault → (codes of which at least one names the victim, the victim's collect status)
SCENARIOS = {
    "cut": ({"ZP710", "ZP707"}, {"partial", "failed"}),
    "slow": ({"ZP702"}, {"partial", "failed"}),
    "paging": ({"ZP709"}, {"partial", "failed"}),
    "password": ({"ZP703"}, {"failed"}),
    "hostkey": ({"ZP705"}, {"failed"}),
    "snmp-error": ({"ZP721"}, {"partial", "failed"}),
    "snmp-silent": ({"ZP720", "ZP722", "ZP723", "ZP724", "ZP707"}, {"partial", "failed"}),
    "transaction": ({"ZP612"}, {"ok"}),
    "locked": ({"ZP613"}, {"ok"}),
}


@pytest.mark.parametrize("fault", sorted(SCENARIOS))
def test_one_faulty_switch(tmp_path, planned, fault):
    victim, results, run, _ = _run(tmp_path, planned, fault)
    codes, statuses = SCENARIOS[fault]
    found = [
        f
        for f in list(results[victim].findings) + run.findings
        if f.code in codes
        and (victim in (f.subject or "") or victim in f.message or victim in str(f.location))
    ]
    assert found, [f.parsable() for f in results[victim].findings + run.findings]
    assert results[victim].status in statuses, results[victim].status
    for name, r in results.items():  # the other switches are still read, completely
        if name != victim:
            assert r.status == "ok", (name, [f.parsable() for f in r.findings])
    fabric = FABRIC[victim]
    other = "B" if fabric == "A" else "A"
    assert run.verdicts[other] == "in-sync", [f.parsable() for f in run.findings]
    unread = results[victim].status != "ok"
    assert (run_exit_code(list(results.values())).value == 3) is unread
    assert run.verdicts[fabric] != "in-sync", run.verdicts  # never in sync on partial data


def test_healthy_fabric_is_in_sync_and_collect_sends_only_catalogue_commands(tmp_path, planned):
    _, results, run, switches = _run(tmp_path, planned, "none")
    assert run.verdicts == {"A": "in-sync", "B": "in-sync"}
    assert run_exit_code(list(results.values())).value == 0
    for sw in switches:
        specs, findings = load_commands(sw.vendor)
        assert not findings
        vsans = results[sw.name].target.vsans
        allowed = {c.command for c in expand_commands(specs, vsans)}
        allowed |= {"terminal length 0", "exit"}  # session housekeeping, not configuration
        assert sw.received, sw.name
        unexpected = [c for c in sw.received if c not in allowed]
        assert not unexpected, (sw.name, unexpected)


@pytest.mark.parametrize("mode", ["error", "silent"])
def test_snmp_reader_reports_error_status_and_mid_walk_timeout(mode):
    async def run():
        loop = asyncio.get_running_loop()
        agent = _SnmpAgent(mode)
        transport, _ = await loop.create_datagram_endpoint(
            lambda: agent, local_addr=("127.0.0.1", 0)
        )
        port = transport.get_extra_info("sockname")[1]
        try:
            return agent, await read_switch_snmp(
                "snmp",
                "cisco",
                "127.0.0.1",
                port,
                Credential("t", community=Secret("c")),
                SnmpOptions(timeout=0.5, retries=0),
            )
        finally:
            transport.close()

    agent, r = asyncio.run(run())
    codes = {f.code for f in r.findings}
    assert not r.complete
    if mode == "silent":
        assert agent.count > agent.answer  # it did answer part of the walk first
        assert codes & {"ZP720", "ZP722", "ZP723", "ZP724"}, codes
    else:
        assert "ZP721" in codes
