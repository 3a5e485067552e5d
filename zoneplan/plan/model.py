"""The vendor-neutral zoning plan: what every fabric should contain, before any dialect.

Why a model of its own: the plan is the contract between design (``build``), checks
(``checks``), incremental change (``delta``) and rendering (``render``), and it is written
to ``plan.json`` for other tools. It names objects as the switch will (after sanitising), but
says nothing about command syntax. Lists are in a deterministic order so that the same
inventory always gives the same bytes.

Objects are built with ``model_construct`` by the planner (no re-validation of data that came
from a validated inventory); the JSON Schema in ``schemas/plan.schema.json`` is generated from
these classes.
"""

from __future__ import annotations

import enum
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

_M = TypeVar("_M", bound=BaseModel)


class _Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")


def fast(cls: type[_M], /, **fields: object) -> _M:
    """An instance from already-valid values, every field given: ``model_construct`` without
    its per-call bookkeeping (about 6x faster; a change of 20,000 zones builds 20,000 ops).

    Only for values the planner made itself (nothing is validated); a missing field is a
    programming error that serialisation reports.
    """
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", fields)
    object.__setattr__(obj, "__pydantic_fields_set__", set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


class ZoneKind(str, enum.Enum):
    """Why a zone exists, which decides which rules apply to it."""

    CLIENT = "client"  #: client initiators to the cluster's target ports
    MIRROR = "mirror"  #: the two cluster nodes' mirror ports through a switch
    BACKEND = "backend"  #: a node's backend initiators to its own FC RAID array
    EXISTING = "existing"  #: kept as found on the fabric (inventory ``existing_zones``)


class MemberRole(str, enum.Enum):
    """A member's part in the zone (Cisco smart-zoning device type)."""

    INITIATOR = "initiator"
    TARGET = "target"
    BOTH = "both"


class PlanAlias(_Plan):
    """One alias (Brocade alias, Cisco device-alias) per WWPN."""

    name: str
    wwpn: str
    ref: str | None = Field(None, description="device/adapter/port in the inventory")
    kind: str | None = Field(
        None, description="the pack's alias kind when not its native one (Cisco fcalias)"
    )


class ZoneMember(_Plan):
    """A zone member: an alias name (or, for kept zones, the member as found)."""

    name: str
    wwpn: str | None = None
    ref: str | None = None
    role: MemberRole | None = None
    kind: str | None = Field(
        None,
        description="alias kind of a member naming an alias, when not the pack's native "
        "kind (Cisco fcalias); a member that is a WWPN has name == wwpn",
    )


class PlanZone(_Plan):
    """One zone. Peer/smart zones keep their target ports in ``principals``."""

    name: str
    kind: ZoneKind
    members: list[ZoneMember] = Field(default_factory=list)
    principals: list[ZoneMember] = Field(default_factory=list)
    peer: bool = Field(False, description="render as a Brocade peer zone")
    smart: bool = Field(False, description="render with Cisco smart-zoning init/target tags")
    wanted: str | None = Field(None, description="the name before sanitising, when it differs")

    def all_members(self) -> list[ZoneMember]:
        """Principals first, then the other members."""
        return self.principals + self.members if self.principals else self.members


class NameChange(_Plan):
    """A generated name that had to change to be legal and unique on the switch."""

    kind: str = Field(description="alias, zone or config")
    wanted: str
    name: str
    reasons: list[str] = Field(description="sanitised, reserved, truncated, collision")


class SizeEstimate(_Plan):
    """Estimated zone database size of a fabric against its platform's limit."""

    bytes: int
    limit: int
    limit_kind: str = Field(description="default, director or legacy")
    aliases: int
    alias_limit: int | None = None
    aliases_counted: bool = True

    @property
    def ratio(self) -> float:
        return self.bytes / self.limit if self.limit else 0.0

    @property
    def over(self) -> bool:
        return self.bytes > self.limit or (
            self.alias_limit is not None and self.aliases > self.alias_limit
        )


class FabricPlan(_Plan):
    """The zoning of one fabric (one Brocade zone DB, or one Cisco VSAN)."""

    name: str
    vendor: str
    pack: str
    vsan: int | None = None
    strategy: str = Field(description="the strategy used on this fabric")
    requested_strategy: str = Field(description="the strategy asked for")
    config: str = Field(description="Brocade cfg / Cisco zoneset name")
    config_from_inventory: bool = Field(
        False, description="the config name comes from fabrics[].zoning.config"
    )
    greenfield: bool = Field(False, description="the inventory declares the fabric new")
    zone_mode: str | None = Field(None, description="Cisco zone mode the inventory records")
    switches: list[str] = Field(default_factory=list)
    director_only: bool = False
    aliases: list[PlanAlias] = Field(default_factory=list)
    zones: list[PlanZone] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    renames: list[NameChange] = Field(default_factory=list)
    size: SizeEstimate | None = None

    def created_zones(self) -> list[PlanZone]:
        """Zones the script creates (kept zones already exist on the fabric)."""
        return [z for z in self.zones if z.kind is not ZoneKind.EXISTING]


class Plan(_Plan):
    """The whole plan: one entry per fabric, in inventory order."""

    inventory: str
    inventory_hash: str = Field(description="sha256 (first 16 hex) of the canonical inventory")
    inventory_file: str | None = Field(
        None,
        description="the inventory file, relative to the folder plan.json is written to (or "
        "absolute): zoneplan apply reads it there unless --inventory says otherwise",
    )
    zoneplan_version: str
    strategy: str = Field(description="requested strategy (policy or --strategy)")
    fabrics: list[FabricPlan] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    changes: list[FabricChange] = Field(
        default_factory=list, description="per fabric: the change against its observed state"
    )

    def change(self, fabric: str) -> FabricChange | None:
        for c in self.changes:
            if c.fabric == fabric:
                return c
        return None

    def fabric(self, name: str) -> FabricPlan:
        for f in self.fabrics:
            if f.name == name:
                return f
        raise KeyError(name)


class OpKind(str, enum.Enum):
    """What one operation of a change does; the packs' templates render each kind."""

    CREATE_ALIAS = "create_alias"
    ALIAS_ADD = "alias_add_members"
    ALIAS_REMOVE = "alias_remove_members"
    REPOINT_ALIAS = "repoint_alias"  #: a one-pWWN alias (device-alias) given another pWWN
    DELETE_ALIAS = "delete_alias"
    SMART_ZONING = "smart_zoning_enable"
    SMART_ZONING_OFF = "smart_zoning_disable"  #: only as the inverse of switching it on
    CREATE_ZONE = "create_zone"
    ZONE_ADD = "zone_add_members"
    ZONE_REMOVE = "zone_remove_members"
    DELETE_ZONE = "delete_zone"
    CREATE_CONFIG = "create_config"
    CONFIG_ADD = "config_add_zones"
    CONFIG_REMOVE = "config_remove_zones"
    DELETE_CONFIG = "delete_config"


class Op(_Plan):
    """One vendor-neutral operation, in the order the script applies it.

    Deletions carry the whole object (members, tags, kind) so that the inverse operation, the
    rollback's, recreates it exactly.
    """

    op: OpKind
    name: str = Field(description="the alias, zone or config acted on ('' for smart zoning)")
    alias_kind: str | None = Field(None, description="alias operations: the pack's alias kind")
    alias_members: list[str] = Field(default_factory=list, description="alias members")
    old: str | None = Field(None, description="repoint_alias: the pWWN replaced")
    new: str | None = Field(None, description="repoint_alias: the pWWN put in its place")
    members: list[ZoneMember] = Field(default_factory=list)
    principals: list[ZoneMember] = Field(default_factory=list)
    zones: list[str] = Field(default_factory=list, description="config operations: zone names")
    peer: bool = False
    smart: bool = False

    def all_members(self) -> list[ZoneMember]:
        """Principals first, then the other members."""
        return self.principals + self.members if self.principals else self.members


class AccessChange(_Plan):
    """A device whose zone partners change when the change is enabled."""

    wwpn: str
    name: str | None = Field(None, description="inventory port or alias name")
    gains: list[str] = Field(default_factory=list, description="partners it can reach after")
    loses: list[str] = Field(default_factory=list, description="partners it reaches no more")


class OwnedAlias(_Plan):
    """An alias zoneplan created: the pWWN and the inventory port it was made for."""

    wwpn: str
    ref: str | None = None


class Ownership(_Plan):
    """What zoneplan created on a fabric (and so may remove with ``--allow-delete``)."""

    aliases: dict[str, OwnedAlias] = Field(default_factory=dict)
    zones: list[str] = Field(default_factory=list)
    configs: list[str] = Field(default_factory=list)


class ObservedSummary(_Plan):
    """The observed state a change was computed against (``zoneplan apply`` re-reads it)."""

    source: str
    fingerprint: str = Field(description="sha256 of the canonical zoning database")
    config_in_effect: str | None = None
    zone_mode: str | None = None
    alias_distribution: bool | None = None
    alias_mode: str | None = None
    smart_zoning: bool | None = None
    switches: list[str] = Field(default_factory=list)
    firmware: dict[str, str] = Field(default_factory=dict)


class ForeignKept(_Plan):
    """Objects on the fabric that zoneplan did not create and leaves as they are."""

    aliases: list[str] = Field(default_factory=list)
    zones: list[str] = Field(default_factory=list)
    configs: list[str] = Field(default_factory=list)


class FabricChange(_Plan):
    """One fabric's change: what the script does, how to undo it, what it changes for whom."""

    fabric: str
    mode: str = Field(description="greenfield (no observed state) or incremental")
    against: ObservedSummary | None = None
    config: str = Field(description="the config / zoneset edited")
    enable: str | None = Field(None, description="the config enabled / activated at the end")
    save: bool = Field(False, description="the defined database is saved without enabling")
    ops: list[Op] = Field(default_factory=list)
    rollback_ops: list[Op] = Field(default_factory=list)
    rollback_enable: str | None = None
    irreversible: str | None = Field(
        None, description="what the rollback cannot undo, and why (it never disables zoning)"
    )
    counts: dict[str, int] = Field(default_factory=dict)
    foreign_kept: ForeignKept = Field(default_factory=ForeignKept)
    access: list[AccessChange] = Field(default_factory=list)
    ownership: Ownership = Field(default_factory=Ownership)
    alias_switches: list[str] = Field(
        default_factory=list,
        description="alias database not distributed: the alias commands run on each of these",
    )
    interactive_save: bool = Field(
        False, description="a switch is older than the non-interactive save: it asks yes/no"
    )
    notes: list[str] = Field(default_factory=list)
    files: dict[str, str] = Field(default_factory=dict, description="artefact -> path in OUT")

    @property
    def empty(self) -> bool:
        return not self.ops


Plan.model_rebuild()
