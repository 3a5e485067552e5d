"""SNMPv1: the agent answers GETNEXT past the end of its MIB with noSuchName (RFC 1157 4.1.3;
RFC 3584 4.2.1 maps endOfMibView to it): that is the end of the walk, not a partial read."""

from __future__ import annotations

import asyncio

from zoneplan.live.credentials import Credential, Secret
from zoneplan.live.snmp import SnmpOptions, read_switch_snmp


def test_snmpv1_end_of_mib_is_the_end_not_a_partial_read(snmp_agent):
    cred = Credential("t", community=Secret("gen-mds"))
    res = asyncio.run(
        read_switch_snmp(
            "mds", "cisco", "127.0.0.1", snmp_agent.port, cred, SnmpOptions(version="1")
        )
    )
    codes = [f.code for f in res.findings]
    assert res.connected and res.complete, [f.message for f in res.findings]
    assert "ZP707" not in codes and "ZP721" not in codes
    assert res.version == "1" and "ZP723" in codes  # v1 is read, and called insecure
    v2 = asyncio.run(
        read_switch_snmp("mds", "cisco", "127.0.0.1", snmp_agent.port, cred, SnmpOptions())
    )
    assert sorted(r.oid for r in res.records) == sorted(r.oid for r in v2.records)
