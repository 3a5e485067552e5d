"""Operations: constructors, their inverses, and the order a change applies them in.

Why an ordered list of small operations: the packs' templates render one operation at a time,
so a change of one alias is one or two commands, never a rebuilt zone; and the rollback is the
same list inverted and reversed, rendered by the same templates: what was created is deleted
after whatever used it is gone, what was removed comes back with its members and tags.

The order (:data:`PHASES`) keeps every object valid at every step: an alias exists before a
zone names it, a zone gains its new members before it loses old ones (it is never empty), a
config gains zones before it loses any, zones leave the config before they are deleted, aliases
are deleted last. Alias kinds with a database of their own (Cisco device-aliases) come first
and last, so that the zone-database operations form one block (one transaction / session).
Turning smart zoning on is undone (``smart_zoning_disable``) only when the fabric was seen with
it off: with its state unknown, the rollback leaves it on.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Iterable

from .model import Op, OpKind, PlanZone, ZoneMember, fast

__all__ = ["Phase", "invert", "inverse", "order", "op_create_zone", "op_delete_zone"]


class Phase(IntEnum):
    """Where an operation goes in a change (lower first)."""

    ALIAS_DB_CREATE = 1  #: aliases of a database of their own: created / re-pointed
    ALIAS_CREATE = 2  #: aliases in the zone database: created / members added, then removed
    SMART = 3
    ZONE_CREATE = 4  #: zones created, members added
    ZONE_REMOVE = 5  #: members removed
    CONFIG = 6  #: config created, zones added, then removed
    ZONE_DELETE = 7
    ALIAS_DELETE = 8  #: aliases in the zone database deleted
    ALIAS_DB_DELETE = 9  #: aliases of a database of their own deleted


_INVERSE = {
    OpKind.CREATE_ALIAS: OpKind.DELETE_ALIAS,
    OpKind.DELETE_ALIAS: OpKind.CREATE_ALIAS,
    OpKind.ALIAS_ADD: OpKind.ALIAS_REMOVE,
    OpKind.ALIAS_REMOVE: OpKind.ALIAS_ADD,
    OpKind.REPOINT_ALIAS: OpKind.REPOINT_ALIAS,
    OpKind.CREATE_ZONE: OpKind.DELETE_ZONE,
    OpKind.DELETE_ZONE: OpKind.CREATE_ZONE,
    OpKind.ZONE_ADD: OpKind.ZONE_REMOVE,
    OpKind.ZONE_REMOVE: OpKind.ZONE_ADD,
    OpKind.CREATE_CONFIG: OpKind.DELETE_CONFIG,
    OpKind.DELETE_CONFIG: OpKind.CREATE_CONFIG,
    OpKind.CONFIG_ADD: OpKind.CONFIG_REMOVE,
    OpKind.CONFIG_REMOVE: OpKind.CONFIG_ADD,
}


def invert(op: Op) -> Op | None:
    """The operation that undoes ``op`` (None: it is not undone, see the module docstring)."""
    if op.op is OpKind.SMART_ZONING:
        if op.old != "disabled":
            return None
        return fast(Op, **{**op.__dict__, "op": OpKind.SMART_ZONING_OFF})
    if op.op is OpKind.SMART_ZONING_OFF:
        return fast(Op, **{**op.__dict__, "op": OpKind.SMART_ZONING})
    fields = dict(op.__dict__)
    fields["op"] = _INVERSE[op.op]
    if op.op is OpKind.REPOINT_ALIAS:
        fields.update(old=op.new, new=op.old)
    return fast(Op, **fields)


def inverse(ops: Iterable[Op]) -> list[Op]:
    """The rollback of a list of operations: each inverted, in reverse order."""
    out = []
    for op in reversed(list(ops)):
        inv = invert(op)
        if inv is not None:
            out.append(inv)
    return out


def order(phased: Iterable[tuple[Phase, int, Op]]) -> list[Op]:
    """Operations sorted by phase, keeping the order they were made in within a phase."""
    return [op for _p, _i, op in sorted(phased, key=lambda t: (t[0], t[1]))]


def new_op(kind: OpKind, name: str, **fields: object) -> Op:
    """An operation; the fields not given take their empty value (one place for the shape)."""
    values: dict[str, object] = {
        "op": kind,
        "name": name,
        "alias_kind": None,
        "alias_members": [],
        "old": None,
        "new": None,
        "members": [],
        "principals": [],
        "zones": [],
        "peer": False,
        "smart": False,
    }
    values.update(fields)
    return fast(Op, **values)


def op_create_zone(z: PlanZone | Op) -> Op:
    """Create a zone with all its members (principals apart for a peer zone)."""
    return new_op(
        OpKind.CREATE_ZONE,
        z.name,
        members=list(z.members),
        principals=list(z.principals),
        peer=z.peer,
        smart=z.smart,
    )


def op_delete_zone(z: PlanZone | Op) -> Op:
    """Delete a zone, recording its members (and tags) for the rollback."""
    op = op_create_zone(z)
    op.__dict__["op"] = OpKind.DELETE_ZONE
    return op


def op_zone_members(
    kind: OpKind,
    zone: str,
    principals: list[ZoneMember],
    members: list[ZoneMember],
    *,
    peer: bool,
    smart: bool,
) -> Op:
    """Members added to (or removed from) a zone that exists."""
    return new_op(kind, zone, members=members, principals=principals, peer=peer, smart=smart)


def op_alias(
    kind: OpKind,
    name: str,
    alias_kind: str | None,
    members: list[str],
    *,
    old: str | None = None,
    new: str | None = None,
) -> Op:
    """An alias operation (``alias_kind`` None: the pack's native kind)."""
    return new_op(kind, name, alias_kind=alias_kind, alias_members=members, old=old, new=new)


def op_config(kind: OpKind, name: str, zones: list[str]) -> Op:
    """A config operation: zones created with, added to or removed from it."""
    return new_op(kind, name, zones=zones)


def op_smart_zoning(was_off: bool = False) -> Op:
    """Switch smart zoning on; ``was_off``: the fabric was seen with it off (the rollback
    switches it off again)."""
    return new_op(OpKind.SMART_ZONING, "", old="disabled" if was_off else None)
