"""The remaining coded findings of the live layer, each provoked for real."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path

import pytest
import yaml
from live_states import cred

from zoneplan.live import collect as collect_mod
from zoneplan.live.collect import Target, collect_async, targets_from_inventory
from zoneplan.live.credentials import Credential, CredentialStore, Secret
from zoneplan.live.snmp import SnmpOptions, read_switch_snmp
from zoneplan.live.ssh import CommandSpec, SshOptions, read_switch_ssh
from zoneplan.loader import load_inventory
from zoneplan.parsers.snmpwalk import parse_snmp_walk

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "euronas-cluster.yaml"


def test_inventory_switch_without_mgmt_or_profile(tmp_path):
    data = yaml.safe_load(SAMPLE.read_text())
    data = copy.deepcopy(data)
    del data["switches"][0]["mgmt"]  # sw-a1: ZP064
    del data["switches"][1]["credentials"]  # sw-a2: ZP065, profile 'default'
    p = tmp_path / "inv.yaml"
    p.write_text(yaml.safe_dump(data))
    store = CredentialStore(
        environ={
            "ZONEPLAN_SAN_ADMIN_USER": "admin",
            "ZONEPLAN_SAN_ADMIN_PASSWORD": "x-secret-x",
            "ZONEPLAN_DEFAULT_USER": "admin",
            "ZONEPLAN_DEFAULT_PASSWORD": "y-secret-y",
        },
        interactive=False,
        path=tmp_path / "none.yaml",
    )
    targets, findings = targets_from_inventory(load_inventory(p).inventory, store)
    codes = {(f.code, f.subject) for f in findings}
    assert ("ZP064", "sw-a1") in codes and ("ZP065", "sw-a2") in codes
    assert [t.name for t in targets] == ["sw-a2", "mds-b1", "mds-b2"]
    assert targets[0].credential.profile == "default"
    assert targets[1].vsans == [20] and targets[1].vendor == "cisco"


def test_ssh1_only_server_is_a_protocol_error(tmp_path):
    async def handler(reader, writer):  # an ancient device that speaks SSH 1 only
        writer.write(b"SSH-1.5-OldSwitch\r\n")
        await writer.drain()
        try:
            await asyncio.wait_for(reader.read(), 5)
        except (TimeoutError, ConnectionError):
            pass
        writer.close()

    async def run():
        server = await asyncio.start_server(handler, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            return await read_switch_ssh(
                "web",
                "brocade",
                "127.0.0.1",
                port,
                cred(),
                [CommandSpec("cfgshow")],
                SshOptions(known_hosts=tmp_path / "kh", retries=0, connect_timeout=3),
            )
        finally:
            server.close()

    r = asyncio.run(run())
    assert [f.code for f in r.findings] == ["ZP711"], [f.parsable() for f in r.findings]
    assert not r.connected


class _ErrorAgent(asyncio.DatagramProtocol):
    """Answers GET normally and every GETBULK with error-status genErr (5)."""

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        from pyasn1.codec.ber import decoder, encoder
        from pysnmp.proto import api

        p = api.PROTOCOL_MODULES[api.SNMP_VERSION_2C]
        msg, _ = decoder.decode(data, asn1Spec=p.Message())
        req = p.apiMessage.get_pdu(msg)
        resp = p.apiPDU.get_response(req)
        vbs = [(oid, p.OctetString(b"x")) for oid, _v in p.apiPDU.get_varbinds(req)]
        p.apiPDU.set_varbinds(resp, vbs)
        if req.tagSet == p.GetBulkRequestPDU.tagSet:
            p.apiPDU.set_error_status(resp, 5)
            p.apiPDU.set_error_index(resp, 1)
        p.apiMessage.set_pdu(msg, resp)
        self.transport.sendto(encoder.encode(msg), addr)


@pytest.mark.parametrize("fast", [True, False])
def test_snmp_error_status(fast):
    async def run():
        loop = asyncio.get_running_loop()
        transport, _p = await loop.create_datagram_endpoint(
            _ErrorAgent, local_addr=("127.0.0.1", 0)
        )
        port = transport.get_extra_info("sockname")[1]
        try:
            return await read_switch_snmp(
                "err",
                "brocade",
                "127.0.0.1",
                port,
                Credential("t", community=Secret("c")),
                SnmpOptions(timeout=1, retries=0, fast_v2c=fast),
            )
        finally:
            transport.close()

    r = asyncio.run(run())
    codes = [f.code for f in r.findings]
    assert "ZP721" in codes and "ZP707" in codes and not r.complete
    assert all("genErr" in f.message for f in r.findings if f.code == "ZP721")


def test_snmp_walk_bounded(snmp_agent):
    r = asyncio.run(
        read_switch_snmp(
            "b",
            "cisco",
            "127.0.0.1",
            snmp_agent.port,
            Credential("t", community=Secret("gen-mds")),
            SnmpOptions(max_rows=1, max_repetitions=1),
        )
    )
    bounded = [f for f in r.findings if f.code == "ZP725"]
    assert bounded and not r.complete
    assert any(s.status == "bounded" for s in r.statuses)


def test_undecodable_value_is_named_and_skipped():
    text = (
        "# zoneplan snmp walk 1\n# switch: sw\n# vendor: brocade\n"
        "1.3.6.1.3.94.5.2.1.1.2.1.1.1.0|2|1\n"
        "1.3.6.1.3.94.5.2.1.1.2.1.2.1.0|2|2\n"
        "1.3.6.1.3.94.5.2.1.1.4.1.1.1.0|4x|2000c4f57c2b\n"
        "1.3.6.1.3.94.5.2.1.1.4.1.2.1.0|4x|2000c4f57c2b4541\n"
    )
    st, findings = parse_snmp_walk(text, "cap/sw/snmp_walk.txt")
    assert [f.code for f in findings if f.code == "ZP727"] == ["ZP727"]
    assert [lg.wwpn for lg in st.logins.values()] == ["20:00:c4:f5:7c:2b:45:41"]


def test_unexpected_error_in_one_switch_is_coded(tmp_path, monkeypatch):
    async def boom(*a, **k):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(collect_mod, "read_switch_ssh", boom)
    t = Target("sw", "brocade", "127.0.0.1", 1, "ssh", cred())
    (r,) = asyncio.run(collect_async([t], out=tmp_path / "o"))
    assert r.status == "failed" and [f.code for f in r.findings] == ["ZP730"]
    assert "parser exploded" in r.findings[0].message
