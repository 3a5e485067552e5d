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

from pydantic import BaseModel, ConfigDict, Field


class _Plan(BaseModel):
    model_config = ConfigDict(extra="forbid")


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


class ZoneMember(_Plan):
    """A zone member: an alias name (or, for kept zones, the member as found)."""

    name: str
    wwpn: str | None = None
    ref: str | None = None
    role: MemberRole | None = None


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
    zoneplan_version: str
    strategy: str = Field(description="requested strategy (policy or --strategy)")
    fabrics: list[FabricPlan] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def fabric(self, name: str) -> FabricPlan:
        for f in self.fabrics:
            if f.name == name:
                return f
        raise KeyError(name)


class ZoningState(_Plan):
    """A fabric's zoning as found (or as a previous plan left it), vendor-neutral.

    ``--against`` compares the new plan with this; ``delta`` turns the difference into a
    change set. ``complete`` False means the source was partial: nothing is removed then.
    """

    aliases: list[PlanAlias] = Field(default_factory=list)
    zones: list[PlanZone] = Field(default_factory=list)
    configs: dict[str, list[str]] = Field(default_factory=dict)
    effective: str | None = None
    complete: bool = True
    source: str = ""

    @classmethod
    def from_fabric_plan(cls, fp: FabricPlan) -> ZoningState:
        """What the fabric holds after a full plan was applied."""
        return cls(
            aliases=list(fp.aliases),
            zones=list(fp.zones),
            configs={fp.config: [z.name for z in fp.zones]},
            effective=fp.config,
            source=f"plan of fabric {fp.name}",
        )
