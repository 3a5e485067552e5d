"""The failure of one SNMP column walk, shared by both SNMP clients.

Why a module of its own: the pysnmp path (:mod:`zoneplan.live.snmp`) and the v2c fast path
(:mod:`zoneplan.live.snmpfast`) raise the same failure and :mod:`zoneplan.live.snmp` turns it
into a coded finding; kept here, neither client imports the other's internals.
"""

from __future__ import annotations

__all__ = ["SnmpFailure"]


class SnmpFailure(Exception):
    """A walk that could not finish; ``kind`` says why."""

    def __init__(self, kind: str, text: str) -> None:
        super().__init__(text)
        self.kind = kind  #: ``timeout``, ``auth``, ``status``, ``bounded``
