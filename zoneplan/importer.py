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

import yaml

from .model import NAME_PATTERN
from .observed import Login, SwitchState, member_kind
from .packs import pack_for
from .sanitise import check_artefact

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


@dataclass
class _Fabric:
    name: str
    vendor: str
    vsan: int | None
    states: list[SwitchState] = field(default_factory=list)
    key: int = 0


def _fabrics(states: Iterable[SwitchState]) -> list[_Fabric]:
    """Switches sharing fabricshow members or effective zoning are one fabric; VSANs are fabrics."""
    groups: dict[tuple, _Fabric] = {}
    for st in sorted(states, key=lambda s: s.name):
        vsans = sorted(
            {k for k in st.zoning if k} | {lg.vsan for lg in st.logins.values() if lg.vsan}
        )
        if not vsans and pack_for(st.vendor).manifest.capabilities.vsans:
            vsans = [1]  # a VSAN switch that said nothing about its VSANs: the default VSAN
        if vsans:
            for v in vsans:
                g = groups.setdefault(("vsan", st.vendor, v), _Fabric("", st.vendor, v, key=v))
                g.states.append(st)
        else:
            # fabricshow lists the fabric's switches; without it, the same effective zoning
            # (zoning is fabric-wide) says two switches share a fabric
            members = frozenset(m.wwn for m in st.fabric) | {_zoning_signature(st) or st.name}
            key = next((k for k in groups if k[0] == "fabric" and k[1] & members), None)
            if key is None:
                key = ("fabric", members)
            g = groups.setdefault(key, _Fabric("", st.vendor, None))
            g.states.append(st)
    out = list(groups.values())
    for i, g in enumerate(out):
        g.name = chr(ord("A") + i) if i < 26 else f"F{i}"
    return out


def _zoning(fab: _Fabric) -> dict[str, str]:
    """``fabrics[].zoning``: the config in effect (the one plans edit) and the zone mode."""
    out: dict[str, str] = {}
    key = fab.key if fab.vsan is not None else 0
    for st in fab.states:
        z = st.zoning.get(key)
        if z is None:
            continue
        for db in (z.effective, z.defined):
            name = db.effective if db is not None else None
            if name and _CONFIG_RE.match(name) and "config" not in out:
                out["config"] = name
        if z.status is not None and z.status.mode in ("basic", "enhanced") and "mode" not in out:
            out["mode"] = z.status.mode
    return out


def _zoning_signature(st: SwitchState) -> str | None:
    """The effective configuration's name and zones, as one string (None without zoning)."""
    z = st.zoning.get(0)
    eff = z.effective if z is not None else None
    if eff is None or not eff.effective:
        return None
    return eff.effective + "|" + ",".join(sorted(eff.zones))


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


def draft_inventory(states: Iterable[SwitchState], name: str = "imported") -> dict[str, Any]:
    """The draft inventory as plain data (dump with :func:`draft_yaml`)."""
    states = list(states)
    fabrics = _fabrics(states)
    names = _alias_names(states)
    inv: dict[str, Any] = {
        "name": _safe(name, "imported"),
        "site": "",
        "fabrics": [],
        "switches": [],
    }
    used_domains: dict[str, set[int]] = defaultdict(set)
    switch_of_state: dict[str, str] = {}
    devices: dict[str, dict[str, Any]] = {}
    kinds: dict[str, str] = {}
    existing: list[dict[str, Any]] = []
    seen_switches: set[str] = set()
    for fab in fabrics:
        entry: dict[str, Any] = {"name": fab.name, "vendor": fab.vendor}
        if fab.vsan is not None:
            entry["vsan"] = fab.vsan
        zoning = _zoning(fab)
        if zoning:
            entry["zoning"] = zoning
        inv["fabrics"].append(entry)
        for st in fab.states:
            sw_name = _safe(st.name, f"switch{len(seen_switches) + 1}")
            switch_of_state[st.name] = sw_name
            if sw_name in seen_switches:
                continue
            seen_switches.add(sw_name)
            dom = st.identity.domain
            if not dom or dom in used_domains[fab.name] or not 1 <= dom <= 239:
                # a fabric has at most 239 domains: beyond, the draft has no domain_id for
                # the switch, and its check says so (ZP005) instead of a made-up number
                dom = next((d for d in range(1, 240) if d not in used_domains[fab.name]), None)
            sw: dict[str, Any] = {"name": sw_name, "fabric": fab.name}
            if dom is not None:
                used_domains[fab.name].add(dom)
                sw["domain_id"] = dom
            if st.identity.model:
                sw["model"] = str(st.identity.model)
            if st.identity.firmware:
                sw["firmware"] = str(st.identity.firmware)
            ports = sorted(st.ports, key=_port_order)
            if ports:
                sw["ports"] = ports
            inv["switches"].append(sw)
        for st in fab.states:
            for (vsan, _wwpn), login in sorted(st.logins.items()):
                if fab.vsan is not None and vsan not in (fab.vsan, 0):
                    continue
                _add_login(devices, kinds, login, names, switch_of_state.get(st.name), st)
            for key, z in sorted(st.zoning.items()):
                if fab.vsan is not None and key != fab.vsan:
                    continue
                db = z.effective or z.defined
                if db is None:
                    continue
                for zname, zone in sorted(db.zones.items()):
                    if any(e["name"] == zname and e["fabric"] == fab.name for e in existing):
                        continue
                    e: dict[str, Any] = {
                        "name": zname,
                        "fabric": fab.name,
                        "members": list(zone.members),
                    }
                    if zone.principals:
                        e["principals"] = list(zone.principals)
                    existing.append(e)
    hosts, arrays = [], []
    for dname in sorted(devices):
        dev = devices[dname]
        (arrays if kinds[dname] == "target" else hosts).append(dev)
    for h in hosts:
        h["os"] = "linux"
    inv["hosts"] = hosts
    if arrays:
        for a in arrays:
            a["controllers"] = a.pop("hbas")
            a.pop("os", None)
        inv["arrays"] = arrays
    inv["existing_zones"] = [
        e for e in existing if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_$^\-]{0,63}", e["name"])
    ]
    return inv


def _port_order(name: str) -> tuple:
    return tuple(int(n) if n.isdecimal() else n for n in re.split(r"(\d+)", name))


def _add_login(
    devices: dict[str, dict[str, Any]],
    kinds: dict[str, str],
    login: Login,
    names: dict[str, str],
    switch: str | None,
    state: SwitchState,
) -> None:
    alias = names.get(login.wwpn) or login.alias
    base = _SUFFIX.sub("", alias) if alias else ""
    kind = "target" if login.device_type == "target" else "initiator"
    dname = _safe(
        base or alias or "",
        f"{'array' if kind == 'target' else 'host'}-{login.wwpn.replace(':', '')[-6:]}",
    )
    dev = devices.setdefault(dname, {"name": dname, "hbas": []})
    kinds.setdefault(dname, kind)
    hba_key = login.wwnn or login.wwpn
    hba = next((h for h in dev["hbas"] if h.get("_key") == hba_key), None)
    if hba is None:
        hba = {"_key": hba_key, "name": f"hba{len(dev['hbas'])}", "ports": []}
        dev["hbas"].append(hba)
    if any(p["wwpn"] == login.wwpn for h in dev["hbas"] for p in h["ports"]):
        return
    port: dict[str, Any] = {"name": f"p{len(hba['ports'])}", "wwpn": login.wwpn}
    if (
        switch
        and login.port is not None
        and (not state.ports or str(login.port) in state.ports)
        and not login.remote
    ):
        port["switch"] = switch
        port["port"] = str(login.port)
    hba["ports"].append(port)


def draft_yaml(data: dict[str, Any]) -> str:
    """YAML text of a draft, with the schema modeline and a header saying what to check."""
    for dev in data.get("hosts", []) + data.get("arrays", []):
        for h in dev.get("hbas", []) + dev.get("controllers", []):
            h.pop("_key", None)
    header = (
        "# yaml-language-server: $schema=../schemas/inventory.schema.json\n"
        "# Drafted by `zoneplan import` from captured switch output. Check before use:\n"
        "# - host OS (drafted as linux), host and array names (drafted from aliases);\n"
        "# - the SAN cluster (`cluster:`) cannot be read from a fabric: add it by hand;\n"
        "# - existing_zones keeps every zone as found, so a first plan changes nothing unexpected;\n"
        "# - fabrics[].zoning.config is the config in effect: every plan edits that one.\n"
    )
    # safe_dump quotes and escapes every value read from a switch (control characters,
    # U+2028, non-ASCII): the sanitiser's last gate only confirms it
    text = header + yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=120)
    return check_artefact(text, "import draft")
