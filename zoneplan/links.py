"""Inter-switch links as the switches list them, each far end named.

Why a module of its own: ``zoneplan import`` drafts an inventory's ISLs from ``islshow`` /
``show topology`` and ``zoneplan audit`` compares the inventory's ISLs with the same
listings. Both must name a link's far end the same way (by the neighbour's WWN, its domain
in the fabric, its name), or an imported fabric would not audit clean against its own capture.

Sources: Brocade ``islshow`` (one row per ISL or trunk, port indexes, the neighbour's WWN,
domain and name); ``switchshow`` E-Port rows (every E-Port, trunk slaves too, the neighbour's
WWN, no far port); NX-OS ``show topology`` (one table per VSAN, interface names, the
neighbour's domain in that VSAN, its address and name). An NX-OS port-channel ISL is listed as
the port-channel; its member interfaces come from ``show port-channel database`` or the Port
Channel column of ``show interface brief`` (:func:`channel_members`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .observed import FABRIC_KEY, SwitchState

__all__ = ["Peers", "SeenLink", "channel_members", "domains", "is_channel", "seen_links"]


@dataclass(frozen=True, slots=True)
class SeenLink:
    """One link as one switch lists it."""

    switch: str  #: the switch listing it
    port: str  #: its port, named as its port table names it (``7``, ``1/7``, ``fc1/7``)
    peer: str | None  #: the far switch's name; None when nothing read names it
    peer_port: str | None  #: None when the listing does not say (a ``switchshow`` E-Port)
    neighbour: str  #: the far switch as the output names it (``sw2, domain 2, 10:00:…``)
    source: str  #: ``switch:what`` it was read from
    kind: str  #: ``isl`` (islshow / show topology) or ``e-port`` (switchshow)
    trunk: bool = False  #: a FOS trunk (``islshow`` ``TRUNK``): one row for all its members


def _port_name(state: SwitchState | None, port: int | str) -> str:
    """A listed port as the switch's port table names it: FOS ``islshow`` prints the port
    index, which a director's ``switchshow`` names ``slot/port``."""
    if isinstance(port, int) and state is not None and state.ports:
        by_index = _indexes(state)
        got = by_index.get(port)
        if got is not None:
            return got
    return str(port)


def _indexes(state: SwitchState) -> dict[int, str]:
    return {p.index: name for name, p in state.ports.items() if p.index is not None}


def domains(states: Iterable[SwitchState], key: int) -> dict[str, int]:
    """Switch → domain ID in the fabric (``key``: its VSAN, or 0): from ``fabricshow`` (by
    WWN or name), else from its local logins' FCIDs (an FCID's first byte is the domain)."""
    states = list(states)
    by_wwn = {m.wwn: m.domain for st in states for m in st.fabric if not m.phantom}
    by_name = {m.name: m.domain for st in states for m in st.fabric if m.name}
    out: dict[str, int] = {}
    for st in states:
        dom = by_wwn.get(st.identity.wwn or "") or by_name.get(st.name)
        if dom is None:
            for login in st.logins.values():
                if (
                    login.fcid
                    and login.vsan in (key, FABRIC_KEY)  # a domain is per VSAN
                    and not login.remote
                    and login.fcid[:2] == "0x"
                    and len(login.fcid) == 8
                ):
                    try:
                        dom = int(login.fcid[2:4], 16)
                    except ValueError:
                        continue
                    break
        if dom:
            out[st.name] = dom
    return out


class Peers:
    """Names a link's far switch: by its WWN (a switch read), its domain in the fabric, its
    name, its management address — in that order, the order the import has always used.

    ``names``, ``by_domain`` and ``by_address`` may add switches nobody read (the inventory's):
    a link to a switch the audit knows by name is still named. Domains are looked up among
    ``states`` only (a domain ID is unique in one fabric, not across fabrics); ``wwns`` adds
    switches known by WWN alone (another fabric's: an ISL to one merges the fabrics)."""

    def __init__(
        self,
        states: Iterable[SwitchState],
        key: int,
        *,
        names: Iterable[str] = (),
        by_domain: dict[int, str] | None = None,
        by_address: dict[str, str] | None = None,
        wwns: Iterable[SwitchState] = (),
    ) -> None:
        states, wwns = list(states), list(wwns)
        self.key = key
        self.by_wwn = {st.identity.wwn: st.name for st in (*wwns, *states) if st.identity.wwn}
        self.wwn_of = {name: wwn for wwn, name in self.by_wwn.items()}
        doms = domains(states, key)
        self.by_domain = dict(by_domain or {})
        self.by_domain.update({d: s for s, d in doms.items()})
        self.by_domain.update({st.identity.domain: st.name for st in states if st.identity.domain})
        self.names = {st.name for st in states} | set(names)
        self.by_address = dict(by_address or {})
        self.states = {st.name: st for st in (*wwns, *states)}

    def find(
        self,
        wwn: str | None,
        domain: int | None,
        name: str,
        address: str | None,
        listed_by: str = "",
    ) -> str | None:
        """The far switch's name; never the listing switch itself (no ISL loops back), nor a
        switch read with another WWN than the listing gives (a domain or name that only
        looks alike: an unread neighbour, not that switch)."""
        got = self.by_wwn.get(wwn or "")
        if got is not None:
            return got if got != listed_by else None
        for got in (
            self.by_domain.get(domain or 0),
            name if name in self.names else None,
            self.by_address.get(address or ""),
        ):
            if got is None or got == listed_by:
                continue
            known = self.wwn_of.get(got)
            if wwn and known and known != wwn:
                continue
            return got
        return None


def _described(name: str, domain: int | None, wwn: str | None) -> str:
    parts = [p for p in (name, f"domain {domain}" if domain else "", wwn or "") if p]
    return ", ".join(parts) or "an unnamed switch"


def seen_links(states: Iterable[SwitchState], peers: Peers) -> list[SeenLink]:
    """Every link the switches list in the fabric of ``peers.key``: ``islshow`` / ``show
    topology`` rows (rows of other VSANs are other fabrics' links), then the ``switchshow``
    E-Ports no row of the same switch and port already gave."""
    key = peers.key
    out: list[SeenLink] = []
    for st in states:
        listed: set[str] = set()
        src = st.seen.get("isls", st.name)
        for isl in st.isls:
            if isl.vsan not in (key, FABRIC_KEY):
                continue
            peer = peers.find(
                isl.remote_wwn, isl.remote_domain, isl.remote_name, isl.remote_ip, st.name
            )
            port = _port_name(st, isl.local_port)
            if port in listed:
                continue  # an NX-OS link lists once per VSAN it carries
            listed.add(port)
            far = peers.states.get(peer or "")
            out.append(
                SeenLink(
                    st.name,
                    port,
                    peer,
                    _port_name(far, isl.remote_port),
                    _described(isl.remote_name, isl.remote_domain, isl.remote_wwn),
                    f"{st.name}:{src}",
                    "isl",
                    "TRUNK" in isl.flags,
                )
            )
        if key:
            continue  # NX-OS show interface brief names no neighbour
        ports_src = st.seen.get("ports", st.name)
        for name, p in st.ports.items():
            if (
                name in listed
                or not p.neighbour_wwn
                or not (p.type or "").upper().startswith("E")  # not EX/VEX: a router's edge
                or not p.online
            ):
                continue
            out.append(
                SeenLink(
                    st.name,
                    name,
                    peers.find(p.neighbour_wwn, None, p.neighbour_name or "", None, st.name),
                    None,
                    _described(p.neighbour_name or "", None, p.neighbour_wwn),
                    f"{st.name}:{ports_src}",
                    "e-port",
                )
            )
    return out


def is_channel(port: str) -> bool:
    """True for an NX-OS port-channel interface (``port-channel5``, ``san-port-channel 5``)."""
    return port.lower().replace(" ", "").startswith(("port-channel", "san-port-channel"))


def _channel_number(port: str) -> str:
    return port.lower().replace(" ", "").rpartition("channel")[2]


def channel_members(state: SwitchState | None, port: str) -> list[str] | None:
    """The member interfaces of port-channel ``port`` on ``state``, None when no capture
    said them (``show port-channel database``, or ``show interface brief``'s Port Channel
    column, both kept on the member ports as ``Port.port_channel``)."""
    if state is None or not is_channel(port):
        return None
    number = _channel_number(port)
    members = [
        name
        for name, p in state.ports.items()
        if p.port_channel is not None and _channel_number(p.port_channel) == number
    ]
    return sorted(members, key=_natural) if members else None


def _natural(name: str) -> tuple:
    """``fc1/9`` before ``fc1/10``."""
    return tuple(int(n) if n.isdecimal() else n for n in re.split(r"(\d+)", name))
