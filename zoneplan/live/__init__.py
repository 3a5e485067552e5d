"""Live reads of switches: SSH CLI and SNMP adapters, credentials, concurrent collection.

Why a package of its own: everything here touches the network and secrets, so it is kept
apart from the offline core (parsers, audit), which only ever sees capture folders. The
public entry points:

* :func:`zoneplan.live.collect.collect_switches` / ``collect_async`` — read many switches
  concurrently, write capture folders, return per-switch :class:`SwitchResult` s;
* :func:`zoneplan.live.collect.targets_from_inventory` — inventory switches → targets;
* :class:`zoneplan.live.credentials.CredentialStore` — secrets from env, file or prompt;
* :func:`zoneplan.live.ssh.read_switch_ssh`, :func:`zoneplan.live.snmp.read_switch_snmp` —
  one switch, one transport;
* the saved ``snmp_walk.txt`` form is written with :func:`zoneplan.parsers.snmpwalk.format_walk`
  and read back offline by :mod:`zoneplan.parsers.snmpwalk` (a parser like any other);
* :mod:`zoneplan.live.snmpfast` — the SNMPv2c GETBULK fast path (own BER codec);
  :class:`zoneplan.live.snmperrors.SnmpFailure` — the walk failure both SNMP clients raise.
"""

from __future__ import annotations

__all__ = ["collect", "credentials", "snmp", "snmperrors", "snmpfast", "ssh"]
