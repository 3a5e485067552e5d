"""SNMP adapter against snmpsim on 127.0.0.1: the real recordings and generated agents."""

from __future__ import annotations

import asyncio
import bz2
from pathlib import Path

from live_states import cisco_state

from tests.support.snmp_agent import V3_AUTH, V3_PRIV, V3_USER
from zoneplan.live.collect import Target, collect_async, run_exit_code
from zoneplan.live.credentials import Credential, Secret
from zoneplan.live.snmp import SnmpOptions, read_switch_snmp
from zoneplan.parsers.cisco import decode_fclist, decode_member
from zoneplan.parsers.snmpwalk import (
    decode_fcid,
    decode_wwn,
    format_walk,
    parse_snmp_walk,
    read_walk,
)


def _v2(community: str) -> Credential:
    return Credential("t", community=Secret(community))


def _read(agent, name: str, vendor: str, credential: Credential, **opts):
    return asyncio.run(
        read_switch_snmp(name, vendor, "127.0.0.1", agent.port, credential, SnmpOptions(**opts))
    )


def _recording(recordings: Path, name: str) -> dict[str, str]:
    """oid → value of a raw recording, read independently of the code under test."""
    out = {}
    for line in bz2.decompress((recordings / name).read_bytes()).decode("latin-1").splitlines():
        parts = line.split("|", 2)
        if len(parts) == 3:  # (a few values of the recording span lines)
            out[parts[0]] = parts[2]
    return out


# ---------------------------------------------------------------------------- decoders


def test_decoders():
    assert decode_wwn(bytes.fromhex("2000c4f57c2b4540")) == "20:00:c4:f5:7c:2b:45:40"
    assert decode_wwn(bytes.fromhex("1000c4f57c2b4540") + bytes(8)) == "10:00:c4:f5:7c:2b:45:40"
    assert decode_wwn(bytes.fromhex("2000c4f57c2b")) is None
    assert decode_wwn(bytes(8)) is None
    assert decode_fcid(bytes.fromhex("010400")) == "0x010400"
    assert decode_fcid(bytes.fromhex("00010400")) == "0x010400"
    assert decode_fcid(b"\x01\x04") is None
    assert decode_fclist(bytes.fromhex("c0")) == [1, 2]
    assert decode_fclist(bytes.fromhex("0001")) == [16]
    assert decode_member(1, bytes.fromhex("100000109baabb01")) == "10:00:00:10:9b:aa:bb:01"
    assert decode_member(10, b"array1_spa0") == "array1_spa0"
    assert decode_member(3, bytes.fromhex("0a0500")) == "fcid 0x0a0500"
    assert decode_member(2, bytes([10, 5])) == "domain-id 10 portnumber 5"
    assert decode_member(1, b"\x01\x02") is None


def test_text_form_round_trip():
    from zoneplan.parsers.snmpwalk import Record, WalkStatus

    recs = [
        Record((1, 3, 6, 1, 2, 1, 1, 5, 0), 4, b"sw|1"),
        Record((1, 3, 6, 1, 9), 4, b"ab"),
        Record((1, 3, 6, 1, 8), 2, -3),
        Record((1, 3, 6, 1, 7), 6, "1.3.6.1.4.1.1588"),
        Record((1, 3, 6, 1, 10), 4, bytes.fromhex("2000c4f57c2b4540")),
        Record((1, 3, 6, 1, 11), 66, 7),
    ]
    text = format_walk(
        recs,
        switch="sw1",
        vendor="brocade",
        statuses=[WalkStatus("x", (1, 3, 6, 1, 9), "complete", 1)],
    )
    walk, findings = read_walk(text)
    assert not findings
    assert walk.switch == "sw1" and walk.vendor == "brocade"
    assert {r.oid: r.value for r in walk.values.values()} == {r.oid: r.value for r in recs}
    lines = [ln for ln in text.splitlines() if not ln.startswith("#")]
    assert lines == sorted(lines, key=lambda ln: [int(x) for x in ln.split("|")[0].split(".")])
    _walk, bad = read_walk(text + "garbage line\n", "w.txt")
    assert [(f.code, f.location.line) for f in bad] == [("ZP025", len(text.splitlines()) + 1)]


# ---------------------------------------------------------------------------- real recordings


def test_brocade_ds5100b_ports_states_and_attached_wwpns(snmp_agent, recordings):
    raw = _recording(recordings, "brocade-ds-5100b.snmprec.bz2")
    r = _read(snmp_agent, "ds5100", "brocade", _v2("brocade-ds-5100b"))
    assert r.complete and r.version == "2c"
    assert "ZP723" in {f.code for f in r.findings}  # v2c is insecure
    text = format_walk(r.records, switch="ds5100", vendor="brocade", statuses=r.statuses)
    st, findings = parse_snmp_walk(text)
    assert "ZP724" in {f.code for f in findings}  # FOS has no zoning over SNMP
    assert not st.zoning and "zoning" not in st.seen
    assert st.identity.model == "DS-5100B" and st.identity.firmware == "v6.4.3d"
    # ports: one per swFCPortTable row, states from swFCPortPhyState/OpStatus
    phy = {k: v for k, v in raw.items() if k.startswith("1.3.6.1.4.1.1588.2.1.1.1.6.2.1.3.")}
    assert len(st.ports) == len(phy) == 40
    online = sorted(
        int(k.rsplit(".", 1)[1]) - 1
        for k, v in phy.items()
        if v == "6" and raw[k.replace(".6.2.1.3.", ".6.2.1.4.")] == "1"
    )
    assert sorted(int(p.name) for p in st.ports.values() if p.state == "Online") == online
    assert st.ports["2"].state == "No_Light" and st.ports["24"].state == "No_Module"
    assert {p.name for p in st.ports.values() if p.type == "E-Port"} == {"14", "21", "22"}
    # attached WWPNs: the name server rows, checked against the FE-MIB FLOGI table
    # (fcFxPortNxPortName, INDEX module.fxPort(=port+1).login) read from the raw recording
    fe = {}
    for k, v in raw.items():
        if k.startswith("1.3.6.1.2.1.75.1.2.3.1.10."):
            port = int(k.split(".")[-2]) - 1
            fe[":".join(v[i : i + 2] for i in range(0, 16, 2))] = str(port)
    got = {lg.wwpn: lg.port for lg in st.logins.values()}
    assert len(got) == 25
    for wwpn, port in fe.items():
        assert got[wwpn] == port, wwpn
    assert got["21:00:00:e0:8b:84:1c:f1"] == "11"
    assert len(st.ports["17"].wwpns) == 8 and st.ports["17"].npiv_count == 7
    npiv = [lg for lg in st.logins.values() if lg.port == "17" and lg.npiv]
    assert len(npiv) == 7


def test_cisco_n5000_zoning_settings(snmp_agent, recordings):
    r = _read(snmp_agent, "n5k", "cisco", _v2("cisco-n5000"))
    assert r.complete
    st, findings = parse_snmp_walk(
        format_walk(r.records, switch="n5k", vendor="cisco", statuses=r.statuses)
    )
    assert not [f for f in findings if f.severity.value in ("error", "fatal")]
    assert set(st.zoning) == {1}
    z = st.zoning[1]
    assert (z.status.default_zone, z.status.distribute, z.status.hard_zoning) == (
        "deny",
        "active only",
        True,
    )
    assert z.defined.zones == {} and z.defined.configs == {} and z.defined.complete
    assert z.effective.effective is None
    assert {v: x.name for v, x in st.vsans.items()} == {1: "VSAN0001", 4094: "isolated_vsan"}
    assert st.identity.model.startswith("Cisco NX-OS(tm) n5000")
    # empty zone tables are named, not silently skipped
    absent = {f.location.file for f in r.findings if f.code == "ZP726"}
    assert "n5k:snmp zoneTable" in absent


# ---------------------------------------------------------------------------- generated agents


def test_generated_cisco_zones_over_snmpv3(snmp_agent):
    want = cisco_state()
    v3 = Credential("t", snmp_user=V3_USER, auth_key=Secret(V3_AUTH), priv_key=Secret(V3_PRIV))
    r = _read(snmp_agent, "mdsB1", "cisco", v3, context="gen-mds")
    assert r.complete and r.version == "3"
    assert "ZP723" not in {f.code for f in r.findings}
    st, findings = parse_snmp_walk(
        format_walk(r.records, switch="mdsB1", vendor="cisco", statuses=r.statuses)
    )
    z = st.zoning[20]
    wz = want.zoning[20]
    assert z.defined.configs == {"zs_B": ["z_esx01__san1", "z_legacy"]}
    assert {n: zz.members for n, zz in z.defined.zones.items()} == {
        n: zz.members for n, zz in wz.defined.zones.items()
    }
    assert z.effective.effective == "zs_B" and list(z.effective.zones) == ["z_esx01__san1"]
    assert z.effective.zones["z_esx01__san1"].members == ["esx01_hba1", "san1_p1"]
    assert st.device_aliases == want.device_aliases
    assert {(lg.vsan, lg.wwpn): (lg.port, lg.fcid) for lg in st.logins.values()} == {
        (20, "10:00:00:10:9b:00:00:02"): ("fc1/1", "0x0b0000"),
        (20, "50:01:43:80:12:0e:2b:62"): ("fc1/2", "0x0b0100"),
    }
    assert st.logins[(20, "50:01:43:80:12:0e:2b:62")].alias == "san1_p1"
    assert z.status.default_zone == "deny" and z.status.distribute == "full"


def test_wrong_v3_key_and_wrong_community_while_others_are_read(snmp_agent, tmp_path: Path):
    bad_v3 = Credential(
        "t", snmp_user=V3_USER, auth_key=Secret("wrong-key-123"), priv_key=Secret(V3_PRIV)
    )
    targets = [
        Target("good", "cisco", "127.0.0.1", snmp_agent.port, "snmp", _v2("gen-mds")),
        Target("badcomm", "cisco", "127.0.0.1", snmp_agent.port, "snmp", _v2("no-such-community")),
        Target(
            "badv3", "cisco", "127.0.0.1", snmp_agent.port, "snmp", bad_v3, snmp_context="gen-mds"
        ),
    ]
    results = asyncio.run(
        collect_async(
            targets, out=tmp_path / "cap", snmp_options=SnmpOptions(timeout=0.5, retries=0)
        )
    )
    by = {r.name: r for r in results}
    assert by["good"].status == "ok"
    assert by["good"].state.zoning[20].effective.effective == "zs_B"
    assert (tmp_path / "cap" / "good" / "snmp_walk.txt").exists()
    assert {f.code for f in by["badcomm"].findings} >= {"ZP720"}
    assert by["badcomm"].status == "failed"
    assert "ZP722" in {f.code for f in by["badv3"].findings}
    assert by["badv3"].status == "failed"
    assert run_exit_code(results).value == 3
    # the saved text form reads back to the same state offline
    saved = (tmp_path / "cap" / "good" / "snmp_walk.txt").read_text()
    offline, _f = parse_snmp_walk(saved)
    assert offline.zoning[20].defined.configs == by["good"].state.zoning[20].defined.configs
    # and the capture reader (audit --capture, import) reads the folder as well, no ZP026
    from zoneplan.parsers.capture import read_captures

    states, findings = read_captures([tmp_path / "cap"])
    assert states["good"].zoning[20].defined.configs == offline.zoning[20].defined.configs
    assert "ZP026" not in {f.code for f in findings}


def test_fast_v2c_path_reads_the_same_as_pysnmp(snmp_agent, recordings):
    """The v2c fast path (own BER codec) and pysnmp return identical records."""
    fast = _read(snmp_agent, "ds5100", "brocade", _v2("brocade-ds-5100b"), fast_v2c=True)
    slow = _read(snmp_agent, "ds5100", "brocade", _v2("brocade-ds-5100b"), fast_v2c=False)
    assert fast.complete and slow.complete
    assert sorted(fast.records, key=lambda r: r.oid) == sorted(slow.records, key=lambda r: r.oid)
    assert [(s.name, s.rows, s.status) for s in fast.statuses] == [
        (s.name, s.rows, s.status) for s in slow.statuses
    ]


def test_ber_codec_against_pyasn1():
    from pyasn1.codec.ber import decoder, encoder
    from pysnmp.proto import api

    from zoneplan.live.snmpfast import decode_response, encode_getbulk

    p = api.PROTOCOL_MODULES[api.SNMP_VERSION_2C]
    oid = (1, 3, 6, 1, 3, 94, 5, 2, 1, 1, 4, 16, 0, 0, 5, 51, 200, 109, 148)
    msg, _ = decoder.decode(encode_getbulk(b"public", 300000, oid, 25), asn1Spec=p.Message())
    pdu = p.apiMessage.get_pdu(msg)
    assert str(p.apiMessage.get_community(msg)) == "public"
    assert int(p.apiBulkPDU.get_request_id(pdu)) == 300000
    assert int(p.apiBulkPDU.get_max_repetitions(pdu)) == 25
    assert tuple(p.apiBulkPDU.get_varbinds(pdu)[0][0]) == oid
    resp = p.GetResponsePDU()
    p.apiPDU.set_defaults(resp)
    p.apiPDU.set_request_id(resp, 77)
    p.apiPDU.set_varbinds(
        resp,
        [
            ((1, 3, 6, 1, 9, 1), p.OctetString(bytes.fromhex("2000c4f57c2b4540"))),
            ((1, 3, 6, 1, 9, 2), p.Integer(-5)),
            ((1, 3, 6, 1, 9, 3), p.Counter64(2**40)),
            ((1, 3, 6, 1, 9, 4), p.Gauge32(4000000000)),
            ((1, 3, 6, 1, 9, 5), p.ObjectIdentifier((1, 3, 6, 1, 4, 1, 1588))),
            ((1, 3, 6, 1, 9, 6), p.IpAddress("10.0.0.5")),
            ((1, 3, 6, 1, 9, 7), p.EndOfMibView()),
        ],
    )
    out = p.Message()
    p.apiMessage.set_defaults(out)
    p.apiMessage.set_community(out, "public")
    p.apiMessage.set_pdu(out, resp)
    rid, status, index, vbs = decode_response(encoder.encode(out))
    assert (rid, status, index) == (77, 0, 0)
    assert vbs == [
        ((1, 3, 6, 1, 9, 1), 4, bytes.fromhex("2000c4f57c2b4540")),
        ((1, 3, 6, 1, 9, 2), 2, -5),
        ((1, 3, 6, 1, 9, 3), 70, 2**40),
        ((1, 3, 6, 1, 9, 4), 66, 4000000000),
        ((1, 3, 6, 1, 9, 5), 6, "1.3.6.1.4.1.1588"),
        ((1, 3, 6, 1, 9, 6), 64, bytes([10, 0, 0, 5])),
        ((1, 3, 6, 1, 9, 7), 130, 0),
    ]
