"""The inventory: what is installed and cabled, as pydantic models.

Why pydantic holds only structure: types, formats and spelling of names are checked here (a
model that fails them cannot be used at all); everything an admin may want to lower, ignore
or suppress is a coded rule in :mod:`zoneplan.rules`. References between objects (a port
cabled to a switch) are resolved by :mod:`zoneplan.topology`, which reports dangling ones
with their file position.
"""

from __future__ import annotations

import enum
from typing import Annotated, Iterator, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from .packs import known_vendors, pack_for
from .wwn import normalize_wwn

#: Names that reach generated scripts: letters, digits, ``_ - .``, letter or digit first.
#: Quotes, semicolons, spaces and shell metacharacters are refused at load time.
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
#: Switch port names: Brocade ``12`` or ``3/12``, Cisco ``fc1/12``, port-channels ``port-channel10``.
PORT_PATTERN = r"^(?:[A-Za-z][A-Za-z\-]*)?[0-9]+(?:/[0-9]+){0,2}$"
#: Rule codes or prefixes of them (``ZP3`` selects the ZP3xx family).
CODE_PATTERN = r"^ZP[0-9]{1,3}$"


def _wwpn(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:016d}"
    return normalize_wwn(value)  # type: ignore[arg-type]


def _port_name(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Name = Annotated[str, StringConstraints(pattern=NAME_PATTERN)]
Wwpn = Annotated[
    str,
    BeforeValidator(_wwpn),
    Field(
        json_schema_extra={
            "pattern": r"^([0-9A-Fa-f]{2}[:\-]?){7}[0-9A-Fa-f]{2}$",
            "examples": ["21:00:00:24:ff:0c:58:37"],
        }
    ),
]
PortName = Annotated[
    str,
    BeforeValidator(_port_name),
    StringConstraints(pattern=PORT_PATTERN),
    Field(json_schema_extra={"examples": ["12", "3/12", "fc1/12"]}),
]
RuleCode = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
#: Free text (descriptions, models, versions): no NUL or other control characters except tab
#: and line breaks, which every renderer keeps inside comments or escapes.
FreeText = Annotated[
    str, StringConstraints(max_length=1024, pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$")
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)


def _installed_vendor(value: str) -> str:
    vendors = known_vendors()
    if value not in vendors:
        quoted = [repr(v) for v in vendors]
        expected = " or ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
        raise PydanticCustomError("enum", "Input should be {expected}", {"expected": expected})
    return value


class _VendorsOfThePacks:
    """The JSON Schema of a vendor word: the vendors of the installed packs."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"enum": list(known_vendors()), "type": "string", "title": "SwitchVendor"}


#: A switch vendor: the ``vendor`` word of an installed pack (``vendors/<pack>/manifest.yaml``).
SwitchVendor = Annotated[str, AfterValidator(_installed_vendor), _VendorsOfThePacks()]


class HostOS(str, enum.Enum):
    WINDOWS = "windows"
    VMWARE = "vmware"
    CITRIX_XEN = "citrix-xen"
    LINUX = "linux"
    MACOS_XSAN = "macos-xsan"


class PortRole(str, enum.Enum):
    """What an FC port does, which decides how it is zoned."""

    INITIATOR = "initiator"  #: a client HBA port
    TARGET = "target"  #: a client-facing storage port (cluster ALUA target, array port)
    MIRROR = "mirror"  #: cluster node replication port, towards the other node
    BACKEND = "backend"  #: cluster node initiator towards its own FC RAID array


class Strategy(str, enum.Enum):
    SIST = "sist"
    SIMT = "simt"
    PEER = "peer"
    SMART = "smart"


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"
    OFF = "off"


class Suppression(_Model):
    """Silences one rule for matching subjects; the reason is mandatory and shown in reports."""

    code: RuleCode
    subject: str = Field("*", description="glob over finding subjects, e.g. 'legacy-*'")
    reason: Annotated[str, StringConstraints(min_length=3, max_length=512)]


#: A zoning object name as switches accept it (configs and zones found on a fabric).
ObjectName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_$^\-]{0,63}$")]


class ZoneMode(str, enum.Enum):
    """Cisco zone mode of a VSAN: basic (changes apply at once) or enhanced (a session)."""

    BASIC = "basic"
    ENHANCED = "enhanced"


class FabricZoning(_Model):
    """The zoning a fabric has today, as ``zoneplan import`` read it, and whether it is new.

    Why in the inventory: a change edits the configuration in effect, never a new one beside
    it; the inventory records which one that is, so a plan that does not match the fabric is
    caught before anything is written.
    """

    config: ObjectName | None = Field(
        None,
        description="the config (Brocade cfg / Cisco zoneset) in effect: the one plans edit "
        "(default: the name from policy.naming.config)",
    )
    mode: ZoneMode | None = Field(
        None,
        description="Cisco zone mode of the VSAN (basic / enhanced); a capture says it too",
    )
    greenfield: bool = Field(
        False,
        description="a new fabric without zoning: plan writes a script that creates and "
        "enables the config without a capture (--greenfield does the same)",
    )


class Fabric(_Model):
    """One physically separate SAN (A or B). Where zoning lives per VSAN, the VSAN to zone in."""

    name: Name
    vendor: SwitchVendor
    vsan: int | None = Field(None, ge=1, le=4094)
    zoning: FabricZoning = Field(default_factory=FabricZoning)
    description: FreeText = ""
    color: str | None = Field(
        None, pattern=r"^#[0-9A-Fa-f]{6}$", description="colour used in printed plans"
    )

    @model_validator(mode="after")
    def _vsan_where_zoning_is_per_vsan(self) -> Fabric:
        pack = pack_for(self.vendor)
        if pack.manifest.capabilities.vsans and self.vsan is None:
            raise ValueError(f"a {pack.manifest.brand} fabric needs its vsan (e.g. vsan: 10)")
        return self


class Switch(_Model):
    """One FC switch. Ports are a count (``48``), explicit names, or director slots."""

    name: Name
    fabric: Name
    vendor: SwitchVendor | None = Field(None, description="defaults to the fabric's vendor")
    model: FreeText = ""
    firmware: FreeText = ""
    domain_id: int = Field(ge=1, le=239)
    mgmt: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9.\-:\[\]]{1,255}$",
        description="management address (IP or DNS name, optional :port)",
    )
    credentials: Name | None = Field(
        None, description="credential profile name; secrets never live in the inventory"
    )
    ports: int | list[PortName] | None = Field(None, description="port count or names")
    slots: dict[int, int] | None = Field(None, description="director: slot number → port count")
    director: bool = False
    location: FreeText = ""

    @field_validator("ports")
    @classmethod
    def _ports_positive(cls, v: int | list[str] | None) -> int | list[str] | None:
        if isinstance(v, int) and not 1 <= v <= 4096:
            raise ValueError("port count must be between 1 and 4096")
        return v


class Isl(_Model):
    """An inter-switch link, ``switch:port`` at each end."""

    a: Annotated[str, StringConstraints(pattern=r"^[^:\s]+:[^:\s]+$")]
    b: Annotated[str, StringConstraints(pattern=r"^[^:\s]+:[^:\s]+$")]
    cable: Name | None = None


class Port(_Model):
    """An FC port of an HBA or array controller, and where its cable goes.

    ``switch`` + ``port`` for a fabric connection, or ``peer`` (``node/hba/port``) for a direct
    link between two cluster nodes' mirror ports.
    """

    name: Name
    wwpn: Wwpn
    wwnn: Wwpn | None = None
    role: PortRole | None = Field(
        None, description="hosts: initiator (default); arrays: target (default)"
    )
    switch: Name | None = None
    port: PortName | None = None
    peer: Annotated[str, StringConstraints(pattern=r"^[^/\s]+/[^/\s]+/[^/\s]+$")] | None = None
    cable: Name | None = Field(None, description="cable ID printed on labels (default: generated)")
    speed: int | None = Field(None, ge=1, le=256, description="Gb/s")

    @model_validator(mode="after")
    def _one_connection(self) -> Port:
        if self.peer is not None and (self.switch is not None or self.port is not None):
            raise ValueError("a port is cabled either to a switch (switch/port) or to a peer")
        if (self.switch is None) != (self.port is None):
            raise ValueError("switch and port go together")
        return self


class Hba(_Model):
    """A host bus adapter (or an array controller) and its ports."""

    name: Name
    vendor: Annotated[str, StringConstraints(to_lower=True, max_length=64)] = ""
    model: FreeText = ""
    wwnn: Wwpn | None = None
    ports: list[Port] = Field(min_length=1)


class Host(_Model):
    """A SAN client: it reaches the cluster's LUNs through its HBAs on both fabrics."""

    name: Name
    os: HostOS
    os_version: FreeText = ""
    description: FreeText = ""
    hbas: list[Hba] = Field(min_length=1)


class ClusterNode(_Model):
    """One node of the two-node ALUA SAN cluster."""

    name: Name
    role: Literal["active", "standby"]
    array: Name | None = Field(None, description="its backend FC RAID array")
    hbas: list[Hba] = Field(min_length=1)


class Cluster(_Model):
    """The two-node SAN cluster: one active node, one standby, mirrored to each other."""

    name: Name
    product: FreeText = "euroNAS SAN Cluster"
    scsi_vendor: Annotated[str, StringConstraints(pattern=r"^[\x20-\x7e]{1,8}$")] = Field(
        "eSSM", description="SCSI INQUIRY vendor of the cluster's LUNs (multipath, MPIO)"
    )
    scsi_product: Annotated[str, StringConstraints(pattern=r"^[\x20-\x7e]{1,16}$")] = Field(
        "*", description="SCSI INQUIRY product ('*' for any)"
    )
    nodes: list[ClusterNode] = Field(min_length=2, max_length=2)

    @model_validator(mode="after")
    def _one_active(self) -> Cluster:
        roles = sorted(n.role for n in self.nodes)
        if roles != ["active", "standby"]:
            raise ValueError("a SAN cluster has one active and one standby node")
        return self


class Array(_Model):
    """An FC RAID array (a cluster node's backend storage) or another storage array."""

    name: Name
    vendor: FreeText = ""
    model: FreeText = ""
    controllers: list[Hba] = Field(min_length=1)


class ExistingZone(_Model):
    """A zone found on a fabric (by ``zoneplan import``) that the plan keeps as it is."""

    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_$^\-]{0,63}$")]
    fabric: Name
    members: list[str] = Field(default_factory=list)
    principals: list[str] = Field(default_factory=list)


class Naming(_Model):
    """Name templates; fields are filled in and then sanitised to the vendor pack's rules."""

    alias: str = "{device}_{adapter}_{port}"
    zone: str = "z_{initiator}__{target}"
    multi_target_zone: str = "z_{initiator}"
    peer_zone: str = "pz_{target}"
    mirror_zone: str = "z_mirror_{cluster}_{fabric}"
    backend_zone: str = "z_backend_{node}_{array}"
    config: str = "cfg_{name}_{fabric}"


class Policy(_Model):
    """How to zone, how to name, which rules to tune or silence."""

    strategy: Strategy = Strategy.SIST
    naming: Naming = Field(default_factory=Naming)
    severity: dict[RuleCode, Severity] = Field(default_factory=dict)
    suppress: list[Suppression] = Field(default_factory=list)


class Inventory(_Model):
    """A whole site: fabrics, switches, the SAN cluster, arrays, hosts and policy."""

    name: Name
    site: FreeText = ""
    description: FreeText = ""
    fabrics: list[Fabric] = Field(min_length=1)
    switches: list[Switch] = Field(default_factory=list)
    isls: list[Isl] = Field(default_factory=list)
    cluster: Cluster | None = None
    arrays: list[Array] = Field(default_factory=list)
    hosts: list[Host] = Field(default_factory=list)
    existing_zones: list[ExistingZone] = Field(default_factory=list)
    policy: Policy = Field(default_factory=Policy)

    def devices(self) -> Iterator[tuple[str, str, int, object, list[Hba]]]:
        """Every device with FC ports: (kind, name, index, model, adapters).

        kind is ``host``, ``node`` or ``array``; the index locates it in its list.
        """
        if self.cluster is not None:
            for i, n in enumerate(self.cluster.nodes):
                yield "node", n.name, i, n, n.hbas
        for i, a in enumerate(self.arrays):
            yield "array", a.name, i, a, a.controllers
        for i, h in enumerate(self.hosts):
            yield "host", h.name, i, h, h.hbas


#: Where each device kind lives in the YAML, for file:line positions.
DEVICE_PATHS: dict[str, tuple[tuple[str, ...], str]] = {
    "node": (("cluster", "nodes"), "hbas"),
    "array": (("arrays",), "controllers"),
    "host": (("hosts",), "hbas"),
}

#: The default role of a port without one, per device kind (cluster nodes must say).
DEFAULT_ROLE: dict[str, PortRole | None] = {
    "host": PortRole.INITIATOR,
    "array": PortRole.TARGET,
    "node": None,
}
