"""The oracle's state as the switches' show commands print it, and as a capture folder.

Why: "rollback restores the observed state" is checked on what an admin would see, byte for
byte: :func:`snapshot` prints the whole zoning state (defined, effective, aliases /
device-aliases, fcaliases, open transactions and locks) through the show commands' real
layouts. Objects are listed by name (FOS lists them sorted: every captured cfgshow); members in
a canonical order (a member list is a set: the switch's order is not zoning). The same texts
answer the show commands of :mod:`.fos` / :mod:`.nxos` sessions and fill the capture folders
``zoneplan plan --against`` reads (:func:`write_capture`).

NX-OS layouts (captures in ``shared/captures/cisco-mds``, cisco.nxos fixtures): ``zone name Z
vsan N`` then members indented two spaces (four inside a zoneset); ``pwwn W [alias]  init``
(two spaces before a smart-zoning tag), ``device-alias D both`` (one space: ``shzone_1``);
fcalias members nested under ``fcalias name A vsan N`` (``show zone vsan 50`` fixture).
"""

from __future__ import annotations

import functools
from pathlib import Path

from zoneplan.observed import Zone, ZoneDb

from .. import show_render as R
from .common import is_wwn
from .fos import FosFabric
from .nxos import FCALIAS, MdsFabric, MdsZoneDb, VsanZoning, checksum

__all__ = [
    "snapshot",
    "write_capture",
    "show_zone",
    "show_zoneset",
    "show_zoneset_active",
    "show_zone_status",
    "show_fcalias",
    "show_device_alias_database",
    "show_device_alias_status",
    "observed_zonedb",
]


# --------------------------------------------------------------------------- NX-OS members


def _member_line(
    m: str, z: Zone, rev: dict[str, str], indent: str, vsan: int, db: MdsZoneDb | None
) -> list[str]:
    tag = z.tags.get(m)
    if m.startswith(FCALIAS):
        name = m[len(FCALIAS) :]
        out = [f"{indent}fcalias name {name} vsan {vsan}"]
        for am in sorted(db.fcaliases.get(name, [])) if db is not None else []:
            out.append(_plain(am, rev, indent + "  ", None))
        out.append("")
        return out
    return [_plain(m, rev, indent, tag)]


def _plain(m: str, rev: dict[str, str], indent: str, tag: str | None) -> str:
    """One member line; ``rev`` maps a pWWN to the device-alias ``show`` prints beside it."""
    if is_wwn(m):
        line = f"{indent}pwwn {m}"
        shown = rev.get(m)
        if shown:
            line += f" [{shown}]"
        return line + (f"  {tag}" if tag else "")
    if " " in m:
        return f"{indent}{m}" + (f"  {tag}" if tag else "")
    return f"{indent}device-alias {m}" + (f" {tag}" if tag else "")


def _reverse(das: dict[str, str]) -> dict[str, str]:
    return {w: n for n, w in das.items()}


def _members_sorted(z: Zone) -> list[str]:
    return sorted(z.members, key=lambda m: (m.startswith(FCALIAS), m))


def _zone_block(
    z: Zone, rev: dict[str, str], vsan: int, indent: str, db: MdsZoneDb | None
) -> list[str]:
    out = [f"{indent}zone name {z.name} vsan {vsan}"]
    for m in _members_sorted(z):
        out += _member_line(m, z, rev, indent + "  ", vsan, db)
    if out[-1] != "":  # a nested fcalias block already ended with its blank line
        out.append("")
    return out


def show_zone(
    fabric: MdsFabric, vsans: list[int], switch: str | None = None, name: str | None = None
) -> str:
    """``show zone [name Z] [vsan N]``: the full database's zones (committed; not a session's
    copy); an unknown name: ``Zone not present`` (mdssdk zone.py l.931)."""
    rev = _reverse(fabric.device_aliases(switch))
    out: list[str] = []
    for v in vsans:
        db = fabric.vsans[v].full
        for zn in sorted(db.zones) if name is None else [name] if name in db.zones else []:
            out += _zone_block(db.zones[zn], rev, v, "", db)
    return "\n".join(out) + "\n" if out else "Zone not present\n"


def show_zoneset(
    fabric: MdsFabric, vsans: list[int], switch: str | None = None, name: str | None = None
) -> str:
    """``show zoneset [name S] [vsan N]``: every zoneset with its zones nested; an unknown
    name: ``Zoneset not present`` (mdssdk zoneset.py l.314)."""
    rev = _reverse(fabric.device_aliases(switch))
    out: list[str] = []
    for v in vsans:
        db = fabric.vsans[v].full
        for zs in sorted(db.zonesets) if name is None else [name] if name in db.zonesets else []:
            out.append(f"zoneset name {zs} vsan {v}")
            for zn in sorted(db.zonesets[zs]):
                z = db.zones.get(zn)
                if z is not None:
                    out += _zone_block(z, rev, v, "  ", db)
            out.append("")
    return "\n".join(out) + "\n" if out else "Zoneset not present\n"


def show_zoneset_active(fabric: MdsFabric, vsans: list[int], switch: str | None = None) -> str:
    """``show zoneset active [vsan N]``: the active zoneset (no member is shown logged in: the
    oracle has no name server)."""
    rev = _reverse(fabric.device_aliases(switch))
    out: list[str] = []
    for v in vsans:
        act = fabric.vsans[v].active
        if act is None or act.effective is None:
            continue
        out.append(f"zoneset name {act.effective} vsan {v}")
        for zn in sorted(act.zones):
            z = act.zones[zn]
            out.append(f"  zone name {zn} vsan {v}")
            for m in sorted(z.members):
                out.append(_plain(m, rev, "    ", z.tags.get(m)))
            out.append("")
    return "\n".join(out) + "\n" if out else "Zoneset not present\n"


def show_fcalias(
    fabric: MdsFabric, vsans: list[int], switch: str | None = None, name: str | None = None
) -> str:
    """``show fcalias [name A] [vsan N]`` (an unknown name: ``Fcalias not present``, the
    shape of the zone and zoneset replies; UNVERIFIED)."""
    rev = _reverse(fabric.device_aliases(switch))
    out: list[str] = []
    for v in vsans:
        db = fabric.vsans[v].full
        for fa in sorted(db.fcaliases) if name is None else [name] if name in db.fcaliases else []:
            out.append(f"fcalias name {fa} vsan {v}")
            for m in sorted(db.fcaliases[fa]):
                out.append(_plain(m, rev, "  ", None))
            out.append("")
    return "\n".join(out) + "\n" if out else "Fcalias not present\n"


def _db_bytes(db: MdsZoneDb) -> int:
    """A deterministic size for ``show zone status`` (the real figure is the encoded DB)."""
    n = sum(16 + 24 * len(v) for v in db.fcaliases.values())
    n += sum(16 + 24 * len(z.members) for z in db.zones.values())
    n += sum(16 + 8 * len(v) for v in db.zonesets.values())
    return n


def _status_block(vz: VsanZoning, *, with_status: bool = True) -> str:
    """``show zone status vsan N`` in the 8.x layout of the captures (shzonestatus_*.txt);
    ``session:`` shows the lock holder as ``cli [USER]`` (UNVERIFIED, facts §12: only "not
    none" is known)."""
    s = vz.session
    sess = "none" if s is None else f"cli [{s.user}]"
    full = vz.full
    act = vz.active
    name = act.effective if act is not None and act.effective else "none"
    lines = [
        f"VSAN: {vz.vsan} default-zone: deny distribute: full Interop: default",
        f"    mode: {vz.mode} merge-control: allow",
        f"    session:  {sess}",
        "    hard-zoning: enabled broadcast: unsupported",
        f"    smart-zoning: {'enabled' if full.smart else 'disabled'}",
        "    rscn-format: fabric-address",
        "    activation overwrite control: disabled",
        "Default zone:",
        "    qos: none broadcast: unsupported ronly: unsupported",
        "Full Zoning Database :",
        f"    DB size: {_db_bytes(full)} bytes",
        f"    Zonesets:  {len(full.zonesets)} Zones: {len(full.zones)} "
        f"Aliases: {len(full.fcaliases)}",
        "Active Zoning Database :",
    ]
    if act is None or act.effective is None:
        lines.append("    Database Not Available")
    else:
        size = sum(16 + 24 * len(z.members) for z in act.zones.values())
        lines += [
            f"    DB Size: {size} bytes",
            f"    Name: {name} Zonesets: 1 Zones: {len(act.zones)}",
        ]
    lines += [
        "Pending (Session) DB size:",
        f"    Full DB Copy size: {_db_bytes(s.db) if s else 0} bytes",
        "    Active DB Copy size: 0 bytes",
    ]
    if with_status:
        lines.append(f"Status: {vz.status} at 09:48:48 UTC May 10 2017")
    return "\n".join(lines) + "\n"


def show_zone_status(fabric: MdsFabric, vsans: list[int], switch: str | None = None) -> str:
    return "".join(_status_block(fabric.vsans[v]) for v in vsans)


def show_device_alias_database(fabric: MdsFabric, switch: str | None = None) -> str:
    """``show device-alias database`` (the committed database of ``switch``)."""
    das = fabric.device_aliases(switch)
    return R.render_show_device_alias_database({k: das[k] for k in sorted(das)})


def show_device_alias_name(fabric: MdsFabric, name: str, switch: str | None = None) -> str:
    """``show device-alias name N``: its database line, or ``Device Alias not present``
    (CoprHD substring "not present"; the full text UNVERIFIED)."""
    das = fabric.device_aliases(switch)
    if name not in das:
        return "Device Alias not present\n"
    return f"device-alias name {name} pwwn {das[name]}\n"


def show_device_alias_status(fabric: MdsFabric, switch: str | None = None) -> str:
    """``show device-alias status`` ([CAPTURE] shdastatus*.txt)."""
    das = fabric.device_aliases(switch)
    mode = fabric.da_mode.capitalize()
    lines = [
        f"Fabric Distribution : {'Enabled' if fabric.da_distribute else 'Disabled'}",
        f"Database:- Device Aliases {len(das)}  Mode: {mode}",
        f"           Checksum: {checksum(das)}",
    ]
    s = fabric.da_session
    if s is not None:
        lines.append(f'Locked By:- User "CLI/SNMPv3:{s.user}" SWWN 20:00:54:7f:ee:1b:13:f0')
        lines.append(f"Pending Database:- Device Aliases {len(s.db)}  Mode: {mode}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- observed view


def observed_zonedb(fabric: MdsFabric, vsan: int, *, active: bool = False) -> ZoneDb:
    """One VSAN as an observed.py :class:`ZoneDb` (fcalias members as bare names)."""
    vz = fabric.vsans[vsan]
    if active:
        a = vz.active
        if a is None:
            return ZoneDb()
        return ZoneDb(
            zones={
                k: Zone(k, sorted(z.members), [], "normal", dict(z.tags))
                for k, z in sorted(a.zones.items())
            },
            configs={k: sorted(v) for k, v in a.configs.items()},
            effective=a.effective,
        )
    db = vz.full

    def bare(m: str) -> str:
        return m[len(FCALIAS) :] if m.startswith(FCALIAS) else m

    return ZoneDb(
        aliases={k: sorted(db.fcaliases[k]) for k in sorted(db.fcaliases)},
        zones={
            k: Zone(
                k,
                sorted(bare(m) for m in db.zones[k].members),
                [],
                "normal",
                {bare(m): t for m, t in sorted(db.zones[k].tags.items())},
            )
            for k in sorted(db.zones)
        },
        configs={k: sorted(db.zonesets[k]) for k in sorted(db.zonesets)},
        effective=vz.active.effective if vz.active else None,
    )


# --------------------------------------------------------------------------- snapshot


def snapshot(fabric: FosFabric | MdsFabric) -> str:
    """The whole zoning state as the show commands print it, in one text (byte comparable)."""
    if isinstance(fabric, FosFabric):
        p = f"{fabric.switch}:admin> "
        return f"{p}cfgshow\n{fabric.cfgshow(None)}{p}cfgtransshow\n{fabric.cfgtransshow(None)}"
    out: list[str] = []
    for v in sorted(fabric.vsans):
        for cmd, fn in (
            ("show zoneset", show_zoneset),
            ("show zone", show_zone),
            ("show fcalias", show_fcalias),
            ("show zoneset active", show_zoneset_active),
        ):
            out.append(f"{fabric.switches[0]}# {cmd} vsan {v}\n" + fn(fabric, [v]))
        out.append(
            f"{fabric.switches[0]}# show zone status vsan {v}\n"
            + _status_block(fabric.vsans[v], with_status=False)
        )
    seen: dict[str, str] = {}
    for sw in fabric.switches:
        text = show_device_alias_database(fabric, sw) + show_device_alias_status(fabric, sw)
        seen.setdefault(text, sw)
    for text, sw in seen.items():
        out.append(f"{sw}# show device-alias database / status\n{text}")
    return "".join(out)


# --------------------------------------------------------------------------- capture folders


@functools.cache
def _pack_commands(vendor_dir: str) -> frozenset[str]:
    """The command names a pack's catalogue knows (a capture holds only outputs it reads)."""
    import yaml

    root = Path(__file__).resolve().parents[3] / "vendors" / vendor_dir / "commands.yaml"
    data = yaml.safe_load(root.read_text())
    return frozenset((data.get("commands") or {}).keys())


def write_capture(
    fabric: FosFabric | MdsFabric,
    folder: Path,
    switches: list[str] | None = None,
    *,
    vsans: list[int] | None = None,
    version: bool = True,
    show_vsan: bool = True,
) -> Path:
    """Write the fabric's zoning outputs as ``zoneplan collect`` saves them: one folder per
    switch, one file per command (``cfgshow.txt``, ``show_zoneset_vsan_10.txt``...).

    ``vsans`` limits the NX-OS zoning outputs to some VSANs (a partial read: ``show vsan``
    still lists every VSAN the switch has, unless ``show_vsan=False``); ``version=False`` leaves
    the firmware unread."""
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(fabric, FosFabric):
        known = _pack_commands("brocade-fos")
        files = {
            "cfgshow": fabric.cfgshow(None),
            "cfgtransshow": fabric.cfgtransshow(None),
        }
        if "version" in known and version:
            files["version"] = fabric.session("collect")._c_version([]).output
        for sw in switches or [fabric.switch]:
            d = folder / sw
            d.mkdir(exist_ok=True)
            for cmd, text in files.items():
                (d / f"{cmd.replace(' ', '_')}.txt").write_text(text)
        return folder
    known = _pack_commands("cisco-mds")
    for sw in switches or list(fabric.switches):
        d = folder / sw
        d.mkdir(exist_ok=True)
        files = {}
        for v in sorted(fabric.vsans):
            if vsans is not None and v not in vsans:
                continue
            files[f"show zoneset vsan {v}"] = show_zoneset(fabric, [v], sw)
            files[f"show zone vsan {v}"] = show_zone(fabric, [v], sw)
            files[f"show zoneset active vsan {v}"] = show_zoneset_active(fabric, [v], sw)
            files[f"show zone status vsan {v}"] = show_zone_status(fabric, [v], sw)
            if "show fcalias" in known:
                files[f"show fcalias vsan {v}"] = show_fcalias(fabric, [v], sw)
        files["show device-alias database"] = show_device_alias_database(fabric, sw)
        files["show device-alias status"] = show_device_alias_status(fabric, sw)
        if "show vsan" in known and show_vsan:
            files["show vsan"] = "".join(
                f"vsan {v} information\n         name:VSAN{v:04d}  state:active\n"
                "         interoperability mode:default\n"
                "         loadbalancing:src-id/dst-id/oxid\n         operational state:up\n\n"
                for v in sorted(fabric.vsans)
            )
        if "show version" in known and version:
            files["show version"] = (
                "Cisco Nexus Operating System (NX-OS) Software\n"
                f"  system:    version {fabric.firmware}\n"
            )
        for cmd, text in files.items():
            (d / f"{cmd.replace(' ', '_')}.txt").write_text(text)
    return folder
