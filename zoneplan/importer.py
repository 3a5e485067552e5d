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
from .model import NAME_PATTERN
from .observed import FABRIC_KEY, Login, SwitchState, Zone, ZoneDb, member_kind
from .packs import pack_for
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
            dom = st.identity.domain or domains.get(st.name)
            if not dom or dom in used_domains[fab_name] or not 1 <= dom <= 239:
                # a fabric has at most 239 domains: beyond, the draft has no domain_id for
                # the switch, and its check says so (ZP005) instead of a made-up number
                dom = next((x for x in range(1, 240) if x not in used_domains[fab_name]), None)
            sw: dict[str, Any] = {"name": sw_name, "fabric": fab_name}
            if dom is not None:
                used_domains[fab_name].add(dom)
                sw["domain_id"] = dom
            if st.identity.model:
                sw["model"] = str(st.identity.model)
            if st.identity.firmware:
                sw["firmware"] = str(st.identity.firmware)
            ports = sorted(st.ports, key=_port_order)
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
    isls = _isls(groups, switch_of_state, d.cabled)
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


def _domains(group: FabricGroup) -> dict[str, int]:
    """Switch → domain ID from ``fabricshow`` (by WWN or name), else from its local logins'
    FCIDs (the FCID's first byte is the domain): for switches whose identity lacks it."""
    by_wwn = {m.wwn: m.domain for st in group.states for m in st.fabric if not m.phantom}
    by_name = {m.name: m.domain for st in group.states for m in st.fabric if m.name}
    out: dict[str, int] = {}
    for st in group.states:
        dom = by_wwn.get(st.identity.wwn or "") or by_name.get(st.name)
        if dom is None:
            for login in st.logins.values():
                if (
                    login.fcid
                    and login.vsan in (group.key, FABRIC_KEY)  # a domain is per VSAN
                    and not login.remote
                    and login.fcid[:2] == "0x"
                    and len(login.fcid) == 8
                ):
                    dom = int(login.fcid[2:4], 16)
                    break
        if dom:
            out[st.name] = dom
    return out


def _isls(
    groups: list[FabricGroup], switch_of_state: dict[str, str], cabled: set[tuple[str, str]]
) -> list[dict[str, str]]:
    """ISLs between drafted switches, from ``islshow`` or ``show topology`` (local port, the
    neighbour by WWN, by its domain in the fabric, or by name; its port), where no device is
    cabled at either end. An NX-OS link lists once per VSAN it carries: drafted once."""
    out: list[dict[str, str]] = []
    seen: set[frozenset[tuple[str, str]]] = set()
    for group in groups:
        doms = _domains(group)  # fabricshow, or the FCIDs of the switch's logins in the VSAN
        by_domain = {doms[st.name]: st for st in group.states if st.name in doms}
        by_domain.update({st.identity.domain: st for st in group.states if st.identity.domain})
        by_wwn = {st.identity.wwn: st for st in group.states if st.identity.wwn}
        by_name = {st.name: st for st in group.states}
        for st in group.states:
            for isl in st.isls:
                if isl.vsan not in (group.key, FABRIC_KEY):
                    continue  # listed under another VSAN: another fabric's link
                peer = (
                    by_wwn.get(isl.remote_wwn or "")
                    or by_domain.get(isl.remote_domain or 0)
                    or by_name.get(isl.remote_name)
                )
                if peer is None or peer is st:
                    continue
                a = (switch_of_state[st.name], str(isl.local_port))
                b = (switch_of_state[peer.name], str(isl.remote_port))
                pair = frozenset((a, b))
                if pair in seen or a in cabled or b in cabled:
                    continue
                seen.add(pair)
                cabled.update((a, b))
                out.append({"a": f"{a[0]}:{a[1]}", "b": f"{b[0]}:{b[1]}"})
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
        and (not state.ports or where in state.ports)
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
