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
* :func:`zoneplan.live.snmptext.parse_snmp_walk` — a saved ``snmp_walk.txt`` → observed state;
  :func:`zoneplan.live.snmptext.read_snmp_captures` — every walk under capture folders;
* :mod:`zoneplan.live.snmpfast` — the SNMPv2c GETBULK fast path (own BER codec).
"""

from __future__ import annotations

__all__ = ["collect", "credentials", "snmp", "snmpfast", "snmptext", "ssh"]
