"""Draft an inventory from captured switch output (``zoneplan import``).

Why: most users already have fabrics. The draft lists the switches, every logged-in port
(initiators as hosts, targets as arrays, named from their aliases), and every zone of the
effective configuration under ``existing_zones``, so that a first ``zoneplan plan`` keeps what
is there. What a capture cannot say (which two targets are the SAN cluster's nodes, the
OS of each host) is left for the admin, with comments.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from .fabrics import FabricGroup, fabric_groups
from .findings import Finding, Location, Severity
from .links import Peers, channel_members, domains, is_channel, seen_links
from .model import NAME_PATTERN
from .observed import Login, SwitchState, Zone, ZoneDb, member_kind
from .packs import pack_for
from .rules.audit import IslAsPortChannel
from .rules.capture import InvalidMember
from .sanitise import check_artefact
from .storage import is_switch_login, login_role
from .wwn import port_name_problem
from .yamlemit import emit_yaml

_NAME_RE = re.compile(NAME_PATTERN)
_CONFIG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_$^\-]{0,63}$")
_BAD = re.compile(r"[^A-Za-z0-9_.\-]+")
#: alias suffixes that name the HBA/port rather than the host (esx01_hba0_p1 → esx01)
_SUFFIX = re.compile(
    r"(?:[_\-.](?:hba|vmhba|host|port|p|fc|ctl|ctrl|spa|spb|sp)?[a-z]?\d*[a-z]?)+$", re.I
)


def _safe(name: str, fallback: str) -> str:
    cleaned = _BAD.sub("_", name).strip("_.-")[:64]
    return cleaned if cleaned and _NAME_RE.fullmatch(cleaned) else fallback


def _alias_names(states: Iterable[SwitchState]) -> dict[str, str]:
    """WWPN → the name the fabric gives it (alias, fcalias, device-alias)."""
    names: dict[str, str] = {}
    for st in states:
        for name, wwpn in st.device_aliases.items():
            names.setdefault(wwpn, name)
        for z in st.zoning.values():
            for db in (z.defined, z.effective):
                if db is None:
                    continue
                for name, members in db.aliases.items():
                    if len(members) == 1 and member_kind(members[0]) == "wwn":
                        names.setdefault(members[0], name)
                for wwpn, name in db.member_names.items():
                    names.setdefault(wwpn, name)
    return names


#: an object name as switches accept it (configs and zones)
_OBJECT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_$^\-]{0,63}")
#: ``HN:esx01`` in a symbolic node name: Emulex's lpfc driver registers "Emulex <model> FV<fw>
#: DV<driver> HN:<host name> OS:<os>" (Linux drivers/scsi/lpfc/lpfc_ct.c,
#: lpfc_vport_symbolic_node_name; older releases end the host name with '.')
_HOSTNAME = re.compile(r"\bHN:(\S+)")


@dataclass
class _Draft:
    """What the importer gathers; kept apart from the output so each step stays linear."""

    devices: dict[str, dict[str, Any]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    #: (device, its HBA's WWNN, else the WWPN) → the HBA drafted
    hbas: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    wwpns: set[str] = field(default_factory=set)
    cabled: set[tuple[str, str]] = field(default_factory=set)
    #: (switch, port) → how many logins the name server shows there (an NPV uplink has several)
    per_port: dict[tuple[str, str | None], int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def _vsan_of(group: FabricGroup) -> int | None:
    """The VSAN to zone in: the group's, or the default VSAN 1 for a VSAN switch that did not
    say; None for fabrics without VSANs."""
    if group.key:
        return group.key
    return 1 if pack_for(group.vendor).manifest.capabilities.vsans else None


def _zoning_in_effect(group: FabricGroup) -> tuple[dict[str, Zone], str | None, str | None]:
    """The fabric's zones to draft, the config in effect and the zone mode.

    Zoning is fabric-wide but each switch's capture may hold it whole, cut, or not at all: the
    zones are those of the effective databases (every switch's), each zone's copy taken from a
    complete effective database first, then a partial one, then the defined database (a zone
    the effective listing lost to a cut). Without any effective database, the defined zones.
    """
    ranked: list[tuple[int, int, ZoneDb]] = []
    config: str | None = None
    mode: str | None = None
    for i, st in enumerate(group.states):
        z = st.zoning.get(group.key)
        if z is None:
            continue
        if z.status is not None:
            mode = mode or z.status.mode
            config = config or z.status.active_zoneset
        eff = z.effective
        if eff is None and z.defined is not None and z.defined.effective:
            config = config or z.defined.effective  # a defined listing marking the active one
        if eff is not None and eff.effective:
            # the name of the config in effect holds even where its zones were filtered out
            config = eff.effective if config is None or eff.complete else config
        for rank, db in ((3, eff), (1, z.defined)):
            if db is not None and db.zones:
                ranked.append((rank + (1 if db.complete else 0), -i, db))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    effective = [db for score, _i, db in ranked if score >= 3]
    if effective:
        wanted = {n for db in effective for n in db.zones}
        if config:
            wanted |= {n for db in effective for n in db.configs.get(config, ())}
    else:
        wanted = {n for _s, _i, db in ranked[:1] for n in db.zones}
    zones: dict[str, Zone] = {}
    for _score, _i, db in ranked:
        for name, zone in db.zones.items():
            if name in wanted and name not in zones:
                zones[name] = zone
    return zones, config, mode


def draft_inventory(
    states: Iterable[SwitchState],
    name: str = "imported",
    findings: list[Finding] | None = None,
) -> dict[str, Any]:
    """The draft inventory as plain data (dump with :func:`draft_yaml`).

    Linear in the captures: every lookup is a dict or a set. Logins whose WWPN an inventory
    cannot hold (a reserved NAA, an anonymised capture) are left out with a finding in
    ``findings``, so the draft passes its own validation.
    """
    states = list(states)
    groups = fabric_groups(states)
    names = _alias_names(states)
    d = _Draft()
    inv: dict[str, Any] = {
        "name": _safe(name, "imported"),
        "site": "",
        "fabrics": [],
        "switches": [],
    }
    used_domains: dict[str, set[int]] = defaultdict(set)
    switch_of_state: dict[str, str] = {}
    existing: dict[tuple[str, str], dict[str, Any]] = {}
    seen_switches: set[str] = set()
    for i, group in enumerate(groups):
        fab_name = chr(ord("A") + i) if i < 26 else f"F{i}"
        vsan = _vsan_of(group)
        entry: dict[str, Any] = {"name": fab_name, "vendor": group.vendor}
        if vsan is not None:
            entry["vsan"] = vsan
        zones, config, mode = _zoning_in_effect(group)
        if config is not None and not _OBJECT.fullmatch(config):
            config = None
        if config or mode:
            zoning: dict[str, Any] = {}
            if config:
                zoning["config"] = config
            if mode in ("basic", "enhanced"):
                zoning["mode"] = mode
            entry["zoning"] = zoning
        inv["fabrics"].append(entry)
        domains = _domains(group)
        for st in group.states:
            sw_name = _safe(st.name, f"switch{len(seen_switches) + 1}")
            switch_of_state[st.name] = sw_name
            if sw_name in seen_switches:
                continue
            seen_switches.add(sw_name)
            sw: dict[str, Any] = {"name": sw_name, "fabric": fab_name}
            dom = st.identity.domain or domains.get(st.name)
            mode = gateway_mode(st)
            if mode is not None:
                # an Access Gateway / NPV switch has no domain: none is made up for it
                sw["mode"] = mode
                dom = None
            elif not dom or dom in used_domains[fab_name] or not 1 <= dom <= 239:
                # a fabric has at most 239 domains: beyond, the draft has no domain_id for
                # the switch, and its check says so (ZP005) instead of a made-up number
                dom = next((x for x in range(1, 240) if x not in used_domains[fab_name]), None)
            if dom is not None:
                used_domains[fab_name].add(dom)
                sw["domain_id"] = dom
            if st.identity.model:
                sw["model"] = str(st.identity.model)
            if st.identity.firmware:
                sw["firmware"] = str(st.identity.firmware)
            # the port table when one was read (a port-channel listing names its members only)
            ports = sorted(st.ports, key=_port_order) if "ports" in st.seen else []
            if ports:
                sw["ports"] = ports
            inv["switches"].append(sw)
        for st in group.states:
            for login in st.logins.values():
                at = (st.name, login.port)
                d.per_port[at] = d.per_port.get(at, 0) + 1
            for (lvsan, _wwpn), login in sorted(st.logins.items()):
                if vsan is not None and lvsan not in (vsan, group.key, 0):
                    continue
                _add_login(d, login, names, switch_of_state.get(st.name), st)
        for st in group.states:
            if "logins" not in st.seen:
                # no name server read: the devices switchshow prints on its F-Ports
                for login in _port_logins(st):
                    _add_login(d, login, names, switch_of_state.get(st.name), st)
        for zname, zone in sorted(zones.items()):
            key = (fab_name, zname)
            if key in existing or not _OBJECT.fullmatch(zname):
                continue
            e: dict[str, Any] = {
                "name": zname,
                "fabric": fab_name,
                "members": list(zone.members),
            }
            if zone.principals:
                e["principals"] = list(zone.principals)
            existing[key] = e
    isls = _isls(groups, switch_of_state, d.cabled, d.findings)
    if isls:
        inv["isls"] = isls
        # islshow is the switch's word that the port exists (a filtered or cut switchshow
        # may not list it): its port joins the drafted port list
        listed = {sw["name"]: sw for sw in inv["switches"] if "ports" in sw}
        for isl in isls:
            for end in (isl["a"], isl["b"]):
                name, _, port = end.partition(":")
                drafted = listed.get(name)
                if drafted is not None and port not in drafted["ports"]:
                    drafted["ports"] = sorted([*drafted["ports"], port], key=_port_order)
    hosts, arrays = [], []
    for dname in sorted(d.devices):
        dev = d.devices[dname]
        (arrays if d.kinds[dname] == "target" else hosts).append(dev)
    for h in hosts:
        # a fabric does not say a host's OS: drafted as linux, marked for the admin to fill
        h["os"] = "linux"
        h["description"] = "OS not known from the fabric: set os (drafted as linux)"
    inv["hosts"] = hosts
    if arrays:
        for a in arrays:
            a["controllers"] = a.pop("hbas")
            a.pop("os", None)
        inv["arrays"] = arrays
    inv["existing_zones"] = sorted(existing.values(), key=lambda e: (e["fabric"], e["name"]))
    if findings is not None:
        findings.extend(d.findings)
    return inv


def _port_order(name: str) -> tuple:
    return tuple(int(n) if n.isdecimal() else n for n in re.split(r"(\d+)", name))


def _port_logins(st: SwitchState) -> list[Login]:
    """Logins from the switch's port table (``switchshow``'s F-Port WWPNs): the first on a
    port its physical device, the rest NPIV."""
    out: list[Login] = []
    for name in sorted(st.ports, key=_port_order):
        port = st.ports[name]
        if (port.type or "").upper().startswith("F") and port.wwpns:
            for k, wwpn in enumerate(port.wwpns):
                out.append(Login(wwpn, switch=st.name, port=name, npiv=k > 0))
    return out


def gateway_mode(st: SwitchState) -> str | None:
    """``access-gateway`` / ``npv`` for a switch in N_Port virtualisation mode, else None.

    FOS ``switchshow`` says ``switchMode: Access Gateway Mode``; an NX-OS NPV switch's
    ``show interface brief`` has ``NP`` uplinks (read as N-Ports). Only such a switch has
    N-Ports: a fabric switch's links to other switches are E-Ports, its device ports F-Ports
    (Brocade Access Gateway Administrator's Guide 53-1000633-01, "Access Gateway port types":
    N_Ports "not supported" on a fabric switch; NX-OS: research note capture-variants.md 7.1,
    the uplinks' oper mode NP, the parser reading NP/TNP as N-Port)."""
    said = (st.identity.mode or "").lower()
    if "gateway" in said:
        return "access-gateway"
    if "npv" in said or any((p.type or "").upper() == "N-PORT" for p in st.ports.values()):
        return "npv"
    return None


def _domains(group: FabricGroup) -> dict[str, int]:
    """Switch → domain ID from ``fabricshow`` (by WWN or name), else from its local logins'
    FCIDs (the FCID's first byte is the domain): for switches whose identity lacks it."""
    return domains(group.states, group.key)


def _isls(
    groups: list[FabricGroup],
    switch_of_state: dict[str, str],
    cabled: set[tuple[str, str]],
    findings: list[Finding] | None = None,
) -> list[dict[str, str]]:
    """ISLs between drafted switches, from ``islshow`` or ``show topology`` (local port, the
    neighbour by WWN, by its domain in the fabric, or by name; its port: the same naming the
    audit compares them with, :mod:`zoneplan.links`), where no device is cabled at either
    end. An NX-OS link lists once per VSAN it carries: drafted once.

    A port-channel is drafted as its member links when both switches' members were read
    (``show port-channel database`` / ``show interface brief``) in equal numbers, paired in
    port order (which member is cabled to which no output says: ZP630 says so when there are
    several); else as the port-channel, and ZP630 says its members were not read."""
    out: list[dict[str, str]] = []
    seen: set[frozenset[tuple[str, str]]] = set()

    def add(a: tuple[str, str], b: tuple[str, str]) -> bool:
        """Draft the link a-b once, where no device (nor other link) is cabled at an end."""
        pair = frozenset((a, b))
        if pair in seen or a in cabled or b in cabled:
            return False
        seen.add(pair)
        cabled.update((a, b))
        out.append({"a": f"{a[0]}:{a[1]}", "b": f"{b[0]}:{b[1]}"})
        return True

    for group in groups:
        peers = Peers(group.states, group.key)
        by_name = {st.name: st for st in group.states}
        for link in seen_links(group.states, peers):
            if link.kind != "isl" or link.peer is None or link.peer == link.switch:
                continue
            pairs = [(link.port, str(link.peer_port))]
            note = ""
            if is_channel(link.port):
                mine = channel_members(by_name.get(link.switch), link.port)
                theirs = channel_members(by_name.get(link.peer), str(link.peer_port))
                if mine and theirs and len(mine) == len(theirs):
                    pairs = list(zip(mine, theirs, strict=True))
                    if len(pairs) > 1:
                        note = (
                            f"drafted as its {len(pairs)} member links paired in port order "
                            f"({', '.join(f'{x}-{y}' for x, y in pairs)}): which member is "
                            "cabled to which no output says; check the cables"
                        )
                else:
                    note = (
                        "drafted as the port-channel: its member ports were not read on both "
                        "switches (show port-channel database or show interface brief)"
                    )
            sa, sb = switch_of_state[link.switch], switch_of_state[link.peer]
            drafted = [add((sa, pa), (sb, pb)) for pa, pb in pairs]
            if note and any(drafted) and findings is not None:
                findings.append(
                    IslAsPortChannel.make(
                        f"ISL {sa}:{link.port} - {sb}:{link.peer_port} {note}",
                        Location(link.source),
                        subject=f"{sa}:{link.port}",
                    )
                )
        for a, b in _uplinks(group):
            add((switch_of_state[a[0]], a[1]), (switch_of_state[b[0]], b[1]))
    return out


def _uplinks(group: FabricGroup) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """An Access Gateway's N-Port uplinks to the core switch captured with it: the AG's
    ``switchshow`` prints each N-Port's core switch WWN and the PID the core gave it
    (``N-Port 10:00:…:d2:00 0x023100``); the core port is the one whose Address has that PID's
    domain and area (FOS ``switchshow`` Address column), or where that PID is logged in. So a
    drafted AG is cabled to its fabric, not a split (ZP203)."""
    by_wwn = {st.identity.wwn: st for st in group.states if st.identity.wwn}
    out: list[tuple[tuple[str, str], tuple[str, str]]] = []
    for st in group.states:
        if gateway_mode(st) is None:
            continue
        for name in sorted(st.ports, key=_port_order):
            p = st.ports[name]
            pid = (p.comment or "").lower()
            core = by_wwn.get(p.neighbour_wwn or "")
            if (p.type or "").upper() != "N-PORT" or core is None or len(pid) != 8:
                continue
            area = pid[2:6]
            ports = [n for n, q in core.ports.items() if (q.address or "").lower()[:4] == area]
            if not ports:
                ports = sorted(
                    {str(lg.port) for lg in core.logins.values() if (lg.fcid or "").lower() == pid}
                )
            if len(ports) == 1:
                out.append(((st.name, name), (core.name, ports[0])))
    return out


def _device_name(login: Login, names: dict[str, str]) -> str:
    """The device a login belongs to: its alias without the HBA/port suffix, the host name a
    driver put in the symbolic node name (``HN:esx01``), else none."""
    alias = names.get(login.wwpn) or login.alias
    if alias:
        return _SUFFIX.sub("", alias) or alias
    for sym in (login.node_symbol, login.port_symbol):
        m = _HOSTNAME.search(sym or "")
        if m:
            return m.group(1).strip('"').split(".")[0]
    return ""


def _add_login(
    d: _Draft,
    login: Login,
    names: dict[str, str],
    switch: str | None,
    state: SwitchState,
) -> None:
    if login.wwpn in d.wwpns:
        return
    problem = port_name_problem(login.wwpn)
    if problem:
        d.findings.append(
            InvalidMember.make(
                f"login {login.wwpn} ({login.alias or 'no alias'}) left out of the draft: "
                f"{problem}",
                Location(state.seen.get("logins", state.name), None),
                severity=Severity.WARNING,
            )
        )
        return
    d.wwpns.add(login.wwpn)
    if is_switch_login(login, d.per_port.get((state.name, login.port), 0) > 1):
        # an NPV switch's / Access Gateway's own login on its core uplink: not a device; the
        # devices behind it log in on the same port (NPIV)
        return
    kind = login_role(login)
    dname = _safe(_device_name(login, names), "")
    if not dname:  # no name, or none an inventory can hold: the kind and the WWPN's tail
        dname = f"{'array' if kind == 'target' else 'host'}-{login.wwpn.replace(':', '')[-6:]}"
    if d.kinds.setdefault(dname, kind) != kind:
        dname = _safe(f"{dname}_{kind}", dname)
        d.kinds.setdefault(dname, kind)
    dev = d.devices.get(dname)
    if dev is None:
        dev = d.devices[dname] = {"name": dname, "hbas": []}
    hba_key = (dname, login.wwnn or login.wwpn)
    hba = d.hbas.get(hba_key)
    if hba is None:
        hba = d.hbas[hba_key] = {"name": f"hba{len(dev['hbas'])}", "ports": []}
        dev["hbas"].append(hba)
    port: dict[str, Any] = {"name": f"p{len(hba['ports'])}", "wwpn": login.wwpn}
    where = None if login.port is None else str(login.port)
    if (
        switch
        and where is not None
        and ("ports" not in state.seen or where in state.ports)
        and not login.remote
        and not login.behind_gateway
    ):
        at = (switch, where)
        if at in d.cabled:
            # NPIV: a second WWPN on the same switch port (a VM, a LIF, an NPV switch's
            # devices) is a virtual port of the one cabled there, not a second cable
            port["npiv"] = True
        d.cabled.add(at)
        port["switch"] = switch
        port["port"] = where
    hba["ports"].append(port)


def draft_yaml(data: dict[str, Any]) -> str:
    """YAML text of a draft, with the schema modeline and a header saying what to check."""
    header = (
        "# yaml-language-server: $schema=../schemas/inventory.schema.json\n"
        "# Drafted by `zoneplan import` from captured switch output. Check before use:\n"
        "# - host OS (drafted as linux), host and array names (drafted from aliases);\n"
        "# - the SAN cluster (`cluster:`) cannot be read from a fabric: add it by hand;\n"
        "# - existing_zones keeps every zone as found, so a first plan changes nothing unexpected;\n"
        "# - fabrics[].zoning.config is the config in effect: every plan edits that one.\n"
    )
    # the block emitter for plain data (yamlemit): every value read from a switch that is not
    # a plain word is written as a YAML double-quoted scalar with control characters, U+2028
    # and non-ASCII escaped; import_captures checks the draft as the loader reads it back,
    # and the sanitiser checks the text
    text = header + "\n".join(emit_yaml(data)) + "\n"
    return check_artefact(text, "import draft")
