"""Change sets: what a script does to a fabric, and its exact inverse (the rollback).

Why one structure for both modes: a *full* plan is the change "create every alias, zone and
the config, enable it"; an *incremental* plan (``--against`` a previous plan or the observed
zoning) is "add what is missing, and, only with ``allow_delete``, remove what is no longer
planned". The templates render a :class:`ChangeSet` whatever its origin, and the rollback is
:func:`inverse` of it, rendered by the same templates: what was created is deleted in reverse
order, what was removed is recreated with its old members, and the configuration that was in
effect before is enabled again when it is known.

Nothing here ever disables zoning or clears a database; removals exist only in incremental
mode with ``allow_delete``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..packs import load_pack
from .model import FabricPlan, PlanAlias, PlanZone, ZoneKind, ZoneMember, ZoningState


@dataclass(frozen=True)
class ZoneEdit:
    """Members added to (or removed from) a zone that exists on both sides."""

    zone: str
    principals: list[ZoneMember] = field(default_factory=list)
    members: list[ZoneMember] = field(default_factory=list)
    peer: bool = False
    smart: bool = False


@dataclass
class ChangeSet:
    """One fabric's change, in the order a script applies it (see the pack's script.j2)."""

    fabric: FabricPlan
    mode: str = "full"  #: ``full`` or ``incremental``
    direction: str = "apply"  #: ``apply`` or ``rollback``
    create_aliases: list[PlanAlias] = field(default_factory=list)
    create_zones: list[PlanZone] = field(default_factory=list)
    add_members: list[ZoneEdit] = field(default_factory=list)
    remove_members: list[ZoneEdit] = field(default_factory=list)
    config: str = ""
    config_create: bool = False
    config_add: list[str] = field(default_factory=list)
    config_remove: list[str] = field(default_factory=list)
    activate: str | None = None  #: the config to enable; None: leave the effective one
    previous: str | None = None  #: the config in effect before (None: unknown or none)
    delete_zones: list[PlanZone] = field(default_factory=list)
    config_delete: bool = False
    delete_aliases: list[PlanAlias] = field(default_factory=list)
    smart: bool = False  #: smart zoning must be enabled in the VSAN
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.create_aliases
            or self.create_zones
            or self.add_members
            or self.remove_members
            or self.config_create
            or self.config_add
            or self.config_remove
            or self.delete_zones
            or self.config_delete
            or self.delete_aliases
        )

    def counts(self) -> dict[str, int]:
        return {
            "create_aliases": len(self.create_aliases),
            "create_zones": len(self.create_zones),
            "add_members": sum(len(e.members) + len(e.principals) for e in self.add_members),
            "remove_members": sum(len(e.members) + len(e.principals) for e in self.remove_members),
            "config_add": len(self.config_add),
            "config_remove": len(self.config_remove),
            "delete_zones": len(self.delete_zones),
            "delete_aliases": len(self.delete_aliases),
        }


def full_change(fp: FabricPlan, previous: str | None = None) -> ChangeSet:
    """The change of a full plan: create everything, put every zone in the config, enable it.

    Kept zones (``existing_zones``) are already on the fabric: they join the config only.
    ``previous`` names the config in effect before, when known, for the rollback.
    """
    created = fp.created_zones()
    if not fp.zones:  # nothing to put in a config: a config cannot be empty
        return ChangeSet(
            fabric=fp,
            mode="full",
            config=fp.config,
            previous=previous,
            create_aliases=list(fp.aliases),
            notes=list(fp.notes),
        )
    return ChangeSet(
        fabric=fp,
        mode="full",
        create_aliases=list(fp.aliases),
        create_zones=created,
        config=fp.config,
        config_create=True,
        config_add=[z.name for z in fp.zones],
        activate=fp.config,
        previous=previous,
        smart=any(z.smart for z in created),
        notes=list(fp.notes),
    )


def _key(m: ZoneMember) -> str:
    """Members compare by WWPN when known (alias spelling does not matter), else by name."""
    return (m.wwpn or m.name).lower()


def incremental_change(
    fp: FabricPlan, previous: ZoningState, *, allow_delete: bool = False
) -> ChangeSet:
    """The change from ``previous`` (observed zoning or an older plan) to the plan ``fp``."""
    notes = list(fp.notes)
    cs = ChangeSet(fabric=fp, mode="incremental", previous=previous.effective, notes=notes)
    may_delete = allow_delete and previous.complete
    if allow_delete and not previous.complete:
        notes.append(
            f"{previous.source or 'the previous zoning'} is incomplete: nothing is removed"
        )

    old_alias = {a.name.lower(): a for a in previous.aliases}
    old_alias_by_wwpn = {a.wwpn: a for a in previous.aliases}
    new_alias = {a.name.lower() for a in fp.aliases}
    # where a pWWN has one alias only (Cisco device-aliases), a second name for it is rejected
    # by the switch, so the plan's zones use the name the fabric already has (found by the
    # interpreter round trip, tests/hardening/test_apply_rollback.py)
    one_name_per_wwpn = load_pack(fp.pack).manifest.capabilities.one_alias_per_wwpn
    reuse: dict[str, str] = {}  #: planned alias name (lower) -> the fabric's name for its WWPN
    for a in fp.aliases:
        old = old_alias.get(a.name.lower())
        if old is None:
            other = old_alias_by_wwpn.get(a.wwpn)
            if other is not None and one_name_per_wwpn:
                notes.append(
                    f"{a.wwpn} already has the device-alias {other.name}: the plan's zones use it "
                    f"instead of {a.name} (a pWWN has one device-alias)"
                )
                reuse[a.name.lower()] = other.name
                continue
            if other is not None:
                notes.append(f"{a.wwpn} already has the alias {other.name}; the plan adds {a.name}")
            cs.create_aliases.append(a)
        elif old.wwpn != a.wwpn:
            if may_delete:
                cs.delete_aliases.append(old)
                cs.create_aliases.append(a)
                notes.append(f"alias {a.name} is recreated: {old.wwpn} -> {a.wwpn}")
            else:
                notes.append(
                    f"alias {a.name} is {old.wwpn} on the fabric, the plan wants {a.wwpn}: "
                    "left as it is (use --allow-delete to replace it)"
                )

    old_zone = {z.name.lower(): z for z in previous.zones}
    planned = {z.name.lower() for z in fp.zones}
    for z in fp.zones:
        old = old_zone.get(z.name.lower())
        if old is None:
            if z.kind is ZoneKind.EXISTING:
                notes.append(f"kept zone {z.name} is not on the fabric: left out")
                continue
            cs.create_zones.append(z)
            continue
        if z.kind is ZoneKind.EXISTING:
            continue
        if old.peer and z.peer:
            add_p, rem_p = _member_diff(z.principals, old.principals)
            add_m, rem_m = _member_diff(z.members, old.members)
        else:
            # a zone without principals on the fabric (Cisco smart zones keep the role in a
            # tag, not in a list of its own): compare the whole membership, or every planned
            # principal would be added a second time (found by the interpreter round trip)
            old_keys = {_key(m) for m in old.all_members()}
            new_keys = {_key(m) for m in z.all_members()}
            add_p = [m for m in z.principals if _key(m) not in old_keys]
            add_m = [m for m in z.members if _key(m) not in old_keys]
            rem_p, rem_m = [], [m for m in old.all_members() if _key(m) not in new_keys]
        if add_p or add_m:
            cs.add_members.append(ZoneEdit(z.name, add_p, add_m, z.peer, z.smart))
        if rem_p or rem_m:
            if may_delete:
                cs.remove_members.append(ZoneEdit(z.name, rem_p, rem_m, old.peer, old.smart))
            else:
                notes.append(
                    f"zone {z.name} has {len(rem_p) + len(rem_m)} member(s) the plan does not: "
                    "kept (use --allow-delete to remove them)"
                )

    if reuse:
        cs.create_zones = [_renamed_zone(z, reuse) for z in cs.create_zones]
        cs.add_members = [
            replace(e, principals=_renamed(e.principals, reuse), members=_renamed(e.members, reuse))
            for e in cs.add_members
        ]

    # the config: the plan's, or the one in effect when the plan's does not exist yet
    config = fp.config
    if config not in previous.configs and previous.effective in previous.configs:
        notes.append(
            f"the plan's config {fp.config} does not exist; zones are added to the effective "
            f"config {previous.effective}"
        )
        config = previous.effective
    cs.config = config
    in_cfg = previous.configs.get(config)
    present = {z.name.lower() for z in cs.create_zones} | {z.lower() for z in old_zone}
    wanted = [z.name for z in fp.zones if z.name.lower() in present]
    if in_cfg is None:
        # a config cannot be empty: with no zone to put in it, it is not created (nor enabled)
        cs.config_create = bool(wanted)
        cs.config_add = wanted
    else:
        have = {n.lower() for n in in_cfg}
        cs.config_add = [n for n in wanted if n.lower() not in have]
        extra = [n for n in in_cfg if n.lower() not in planned]
        if extra and may_delete and len(extra) == len(in_cfg) and not cs.config_add:
            # removing every zone would empty the config: FOS deletes an emptied cfg and NX-OS
            # cannot activate an empty zoneset, so the script would fail or, worse, leave the
            # fabric without its config in effect (found by the interpreter round trip)
            notes.append(
                f"config {config} would be left without any zone: its {len(extra)} zone(s) "
                "are kept (zoneplan never empties a configuration)"
            )
        elif extra and may_delete:
            cs.config_remove = extra
            referenced = {
                n.lower() for c, zs in previous.configs.items() if c != config for n in zs
            }
            cs.delete_zones = [
                old_zone[n.lower()]
                for n in extra
                if n.lower() in old_zone and n.lower() not in referenced
            ]
        elif extra:
            notes.append(
                f"config {config} holds {len(extra)} zone(s) the plan does not: kept "
                "(use --allow-delete to remove them)"
            )
    if may_delete and cs.delete_zones:
        # aliases that only the deleted zones used, and that the plan does not keep
        gone = {z.name.lower() for z in cs.delete_zones}
        freed = {m.name.lower() for z in cs.delete_zones for m in z.all_members()}
        still = {m.name.lower() for z in fp.zones for m in z.all_members()}
        still |= {n.lower() for n in reuse.values()}
        still |= {
            m.name.lower()
            for z in previous.zones
            if z.name.lower() not in gone
            for m in z.all_members()
        }
        cs.delete_aliases += [
            a
            for a in previous.aliases
            if a.name.lower() in freed
            and a.name.lower() not in still
            and a.name.lower() not in new_alias
        ]
    cs.smart = any(z.smart for z in cs.create_zones) or any(e.smart for e in cs.add_members)
    changed = not cs.empty
    cs.activate = config if changed else None
    return cs


def _renamed(members: list[ZoneMember], names: dict[str, str]) -> list[ZoneMember]:
    """Members with planned alias names replaced by the fabric's names for the same WWPN."""
    return [
        m.model_copy(update={"name": names[m.name.lower()]}) if m.name.lower() in names else m
        for m in members
    ]


def _renamed_zone(z: PlanZone, names: dict[str, str]) -> PlanZone:
    return z.model_copy(
        update={"members": _renamed(z.members, names), "principals": _renamed(z.principals, names)}
    )


def _member_diff(
    new: list[ZoneMember], old: list[ZoneMember]
) -> tuple[list[ZoneMember], list[ZoneMember]]:
    old_keys = {_key(m) for m in old}
    new_keys = {_key(m) for m in new}
    return [m for m in new if _key(m) not in old_keys], [m for m in old if _key(m) not in new_keys]


def inverse(cs: ChangeSet) -> ChangeSet:
    """The exact inverse of a change: the rollback script's change set."""
    return replace(
        cs,
        direction="rollback" if cs.direction == "apply" else "apply",
        create_aliases=list(reversed(cs.delete_aliases)),
        create_zones=list(reversed(cs.delete_zones)),
        add_members=list(reversed(cs.remove_members)),
        remove_members=list(reversed(cs.add_members)),
        config_create=cs.config_delete,
        config_add=list(reversed(cs.config_remove)),
        config_remove=list(reversed(cs.config_add)),
        activate=cs.previous if not cs.empty else None,
        previous=cs.activate,
        delete_zones=list(reversed(cs.create_zones)),
        config_delete=cs.config_create,
        delete_aliases=list(reversed(cs.create_aliases)),
        smart=cs.smart,
        notes=[],
    )
