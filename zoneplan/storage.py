"""Is a logged-in port an array (or tape) port or a host's HBA? What ``zoneplan import`` drafts.

Why a table: a fabric's name server says it for most logins (FC-4 features ``target``/``init``,
Brocade ``Device type``), but not for all (old firmware, the remote cache, ``show flogi
database``); the WWPN's OUI and the symbolic names then tell a NetApp or a Pure port from a
QLogic HBA. The OUIs, prefixes and product words live in ``data/storage-ouis.yaml``, each with
its source; the name server's own word always wins over them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .observed import Login
from .wwn import oui

__all__ = ["Recognised", "recognise", "login_role", "is_switch_login"]

_DATA = Path(__file__).with_name("data") / "storage-ouis.yaml"


@dataclass(frozen=True)
class Recognised:
    """What the table says of a WWPN or a symbolic name."""

    vendor: str
    kind: str  #: ``storage``, ``tape``, ``hba``, ``switch``, ``virtual-hba-pool``, ``host``
    role: str  #: ``target``, ``initiator``, ``both`` or ``unknown``


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Recognised], list[tuple[str, Recognised]], dict[str, Recognised]]:
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    ouis = {
        e["oui"].upper(): Recognised(e["vendor"], e["class"], e["role"]) for e in data["entries"]
    }
    prefixes = sorted(
        (
            (p["prefix"].lower(), Recognised(p["vendor"], p["class"], p["role"]))
            for p in data["prefixes"]
        ),
        key=lambda x: -len(x[0]),
    )
    symbols = {
        s["match"].upper(): Recognised(s["vendor"], s["class"], "target") for s in data["symbols"]
    }
    return ouis, prefixes, symbols


def recognise(wwpn: str, *symbolic: str | None) -> Recognised | None:
    """What the table knows of a canonical WWPN and the symbolic names printed beside it."""
    ouis, prefixes, symbols = _table()
    words = [w for s in symbolic if s for w in s.upper().replace('"', " ").split()]
    for w in words:
        for match, rec in symbols.items():
            if w.startswith(match):
                return rec
    h = wwpn.replace(":", "")
    for prefix, rec in prefixes:
        if h.startswith(prefix):
            return rec
    o = oui(wwpn)
    return ouis.get(o) if o else None


def login_role(login: Login) -> str:
    """``target`` for an array or tape port, ``initiator`` for a host's: the name server's word
    first (``both`` is an array's replication port), then the table, else ``initiator``."""
    if login.device_type in ("target", "both"):
        return "target"
    if login.device_type == "initiator":
        return "initiator"
    rec = recognise(login.wwpn, login.port_symbol, login.node_symbol, login.fc4)
    if rec is not None and rec.role in ("target", "both"):
        return "target"
    return "initiator"


def is_switch_login(login: Login, shared_port: bool) -> bool:
    """True for a switch's own login: an NPV switch or Access Gateway on its core uplink, not a
    device. NX-OS fcns ``node-ip-addr`` says it; else a switch vendor's OUI, no FC-4 role, on a
    port other logins share (the devices behind it): Brocade's own HBAs carry a "switch" OUI
    too, alone on their port. (Cisco MDS CLI guide, "Internal FLOGI parameters"; research note
    capture-variants.md 7.2.)"""
    if login.device_type in ("target", "initiator", "both"):
        return False
    if login.node_ip:
        return True
    rec = recognise(login.wwpn)
    return shared_port and rec is not None and rec.kind == "switch"
