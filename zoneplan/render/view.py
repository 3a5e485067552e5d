"""What one artefact renders: a change seen in one direction, grouped the way packs need it.

Why a view between the change and the templates: the templates stay simple loops. The view
splits the operations into *blocks* by the database they act on (the zone database, or an
alias database of its own such as Cisco's device-aliases, which has its own commit), says
which commits and saves the dialect needs from what was observed (zone mode, fabric
distribution, firmware old enough to ask yes/no), and lists the checks of the precheck and
verify files (objects that must be absent before, present after) vendor-neutrally.

The checks name at most :data:`MAX_CHECKS` objects: ``zoneplan apply`` compares the whole
zoning through the fingerprint; the lists are for an admin pasting by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..packs import VendorPack
from ..plan.model import FabricChange, FabricPlan, Op, OpKind, ZoneMember

__all__ = ["ScriptView", "Block", "Check", "script_view", "MAX_CHECKS"]

#: objects listed one by one in a precheck or verify file, and members listed per object
MAX_CHECKS = 200
MAX_MEMBERS = 60

_ALIAS_OPS = (
    OpKind.CREATE_ALIAS,
    OpKind.ALIAS_ADD,
    OpKind.ALIAS_REMOVE,
    OpKind.REPOINT_ALIAS,
    OpKind.DELETE_ALIAS,
)


@dataclass
class Block:
    """Consecutive operations on one database: ``zone`` or ``alias`` (a database of its own)."""

    db: str
    ops: list[Op]
    last_zone_block: bool = False


@dataclass
class Check:
    """One object a precheck or verify file names: present (with members) or absent."""

    type: str  #: alias, zone, config
    name: str
    present: bool
    members: list[str] = field(default_factory=list)
    alias_kind: str | None = None
    more: int = 0  #: members not listed (a long zone or config)

    def __post_init__(self) -> None:
        if len(self.members) > MAX_MEMBERS:
            self.more = len(self.members) - MAX_MEMBERS
            self.members = self.members[:MAX_MEMBERS]


@dataclass
class ScriptView:
    """One artefact's context: the change in one direction and how the dialect finishes it."""

    fp: FabricPlan
    change: FabricChange
    direction: str  #: apply or rollback
    ops: list[Op]
    blocks: list[Block]
    enable: str | None
    save: bool
    vsan: int | None
    zone_commit: bool  #: a zone session to commit (Cisco enhanced zone mode)
    zone_mode: str | None
    alias_commit: bool  #: an alias database commit (Cisco device-alias distribution on)
    interactive: bool  #: the save/enable commands ask yes/no (firmware too old for -f)
    notes: list[str]
    before: list[Check]
    after: list[Check]
    more_before: int = 0
    more_after: int = 0

    @property
    def empty(self) -> bool:
        return not self.ops

    @property
    def rollback(self) -> bool:
        return self.direction == "rollback"

    @property
    def finishes(self) -> bool:
        """The script ends by enabling or saving (the zone database changed)."""
        return self.enable is not None or self.save


def _is_zone_db(op: Op, pack: VendorPack) -> bool:
    if op.op not in _ALIAS_OPS:
        return True
    return pack.alias_kind(op.alias_kind).zone_db


def blocks(ops: list[Op], pack: VendorPack) -> list[Block]:
    out: list[Block] = []
    for op in ops:
        db = "zone" if _is_zone_db(op, pack) else "alias"
        if out and out[-1].db == db:
            out[-1].ops.append(op)
        else:
            out.append(Block(db, [op]))
    zone_blocks = [b for b in out if b.db == "zone"]
    if zone_blocks:
        zone_blocks[-1].last_zone_block = True
    return out


def _members(m: list[ZoneMember]) -> list[str]:
    return [x.name for x in m]


def checks(ops: list[Op], limit: int = MAX_CHECKS) -> tuple[list[Check], list[Check], int, int]:
    """What must be true before the script runs, and after it ran: (before, after, more
    before, more after), at most ``limit`` objects each. Linear in the operations."""
    before: dict[tuple[str, str], Check] = {}
    after: dict[tuple[str, str], dict[str, None] | None] = {}  #: members (None: deleted)
    kinds: dict[tuple[str, str], str | None] = {}
    for op in ops:
        o = op.op
        if o in (OpKind.SMART_ZONING, OpKind.SMART_ZONING_OFF):
            continue
        if o in _ALIAS_OPS:
            typ = "alias"
        elif o in _ZONE_OPS:
            typ = "zone"
        else:
            typ = "config"
        k = (typ, op.name)
        kinds.setdefault(k, op.alias_kind)
        created = o in _CREATES
        deleted = o in _DELETES
        if k not in before:
            members: list[str] = []
            if o is OpKind.REPOINT_ALIAS and op.old:
                members = [op.old]
            elif deleted:
                members = op.alias_members or _members(op.all_members()) or list(op.zones)
            before[k] = Check(typ, op.name, not created, members, op.alias_kind)
        if deleted:
            after[k] = None
            continue
        cur = after.get(k)
        if cur is None:
            cur = after[k] = {}
        if o is OpKind.REPOINT_ALIAS and op.new:
            cur.clear()
            cur[op.new] = None
        elif o in (OpKind.CREATE_ALIAS, OpKind.ALIAS_ADD):
            cur.update(dict.fromkeys(op.alias_members))
        elif o is OpKind.ALIAS_REMOVE:
            for w in op.alias_members:
                cur.pop(w, None)
        elif o in (OpKind.CREATE_ZONE, OpKind.ZONE_ADD):
            cur.update(dict.fromkeys(_members(op.all_members())))
        elif o in (OpKind.CREATE_CONFIG, OpKind.CONFIG_ADD):
            cur.update(dict.fromkeys(op.zones))
    out_before = list(before.values())
    out_after: list[Check] = []
    for k, listed in after.items():
        if len(out_after) == limit:
            break
        out_after.append(Check(k[0], k[1], listed is not None, list(listed or ()), kinds.get(k)))
    return (
        out_before[:limit],
        out_after,
        max(0, len(out_before) - limit),
        max(0, len(after) - limit),
    )


_ZONE_OPS = (OpKind.CREATE_ZONE, OpKind.ZONE_ADD, OpKind.ZONE_REMOVE, OpKind.DELETE_ZONE)
_CREATES = (OpKind.CREATE_ALIAS, OpKind.CREATE_ZONE, OpKind.CREATE_CONFIG)
_DELETES = (OpKind.DELETE_ALIAS, OpKind.DELETE_ZONE, OpKind.DELETE_CONFIG)


def script_view(
    fp: FabricPlan, change: FabricChange, pack: VendorPack, direction: str = "apply"
) -> ScriptView:
    """The view of ``change`` in one direction (``rollback``: its inverse operations)."""
    rollback = direction == "rollback"
    ops = change.rollback_ops if rollback else change.ops
    if rollback:
        enable = change.rollback_enable if change.enable is not None else None
        save = bool(ops) and enable is None and any(_is_zone_db(op, pack) for op in ops)
    else:
        enable, save = change.enable, change.save
    against = change.against
    zone_mode = (against.zone_mode if against is not None else None) or fp.zone_mode
    caps = pack.manifest.capabilities
    if caps.enhanced_mode and zone_mode is None:
        zone_mode = "basic"  # a new VSAN's default (the precheck says what it assumes)
    distribution = against.alias_distribution if against is not None else None
    before, after, more_before, more_after = checks(ops)
    notes = list(change.notes) if not rollback else []
    return ScriptView(
        fp=fp,
        change=change,
        direction=direction,
        ops=ops,
        blocks=blocks(ops, pack),
        enable=enable,
        save=save,
        vsan=fp.vsan,
        zone_commit=caps.enhanced_mode and zone_mode == "enhanced",
        zone_mode=zone_mode if caps.enhanced_mode else None,
        alias_commit=distribution is not False,
        interactive=change.interactive_save,
        notes=notes,
        before=before,
        after=after,
        more_before=more_before,
        more_after=more_after,
    )
