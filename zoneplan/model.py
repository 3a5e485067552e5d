"""The inventory: what is installed and cabled, as pydantic models.

Why pydantic holds only structure: types, formats and spelling of names are checked here (a
model that fails them cannot be used at all); everything an admin may want to lower, ignore
or suppress is a coded rule in :mod:`zoneplan.rules`. References between objects (a port
cabled to a switch) are resolved by :mod:`zoneplan.topology`, which reports dangling ones
with their file position.
"""

from __future__ import annotations

import enum
import re
import string
from typing import Annotated, Iterator, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from . import limits
from .packs import known_vendors, pack_for
from .wwn import WwnError, normalize_wwn, port_name_problem

#: Names that reach generated scripts: letters, digits, ``_ - .``, letter or digit first.
#: Quotes, semicolons, spaces and shell metacharacters are refused at load time.
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$"
#: Switch port names: Brocade ``12`` or ``3/12``, Cisco ``fc1/12``, port-channels ``port-channel10``.
PORT_PATTERN = r"^(?:[A-Za-z][A-Za-z\-]*)?[0-9]+(?:/[0-9]+){0,2}$"
#: what a name template's format may say: fill, alignment, sign, zero, width, precision, type
_FORMAT_SPEC = re.compile(r"(?:.?[<>=^])?[+\- ]?0?\d{0,2}(?:\.\d{1,2})?[sd]?")
#: Rule codes or prefixes of them (``ZP3`` selects the ZP3xx family).
CODE_PATTERN = r"^ZP[0-9]{1,3}$"


def _wwpn(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = f"{value:016d}"
    wwn = normalize_wwn(value)  # type: ignore[arg-type]
    problem = port_name_problem(wwn)
    if problem is not None:
        raise WwnError(f"{wwn}: {problem}")
    return wwn


def _too_large(message: str) -> PydanticCustomError:
    """A limit of :mod:`zoneplan.limits` exceeded: the loader reports it as ZP006."""
    return PydanticCustomError("too_large", message)


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


# -- the physical layer: where things are, and what connects them ------------------------------
#: Short labels (room, row, HBA slot): printable text without control characters.
ShortText = Annotated[str, StringConstraints(max_length=64, pattern=r"^[^\x00-\x1f\x7f]*$")]


class Side(str, enum.Enum):
    """The face of the rack a device or panel is mounted on (and its ports face)."""

    FRONT = "front"
    REAR = "rear"


class Media(str, enum.Enum):
    """Cable media. Reach per speed is data (``zoneplan/physical/data/media.yaml``)."""

    OM1 = "OM1"
    OM2 = "OM2"
    OM3 = "OM3"
    OM4 = "OM4"
    OM5 = "OM5"
    OS1 = "OS1"
    OS2 = "OS2"
    DAC = "DAC"


class Connector(str, enum.Enum):
    """Connector pair at the two ends of one cable (``MPO-LC``: a breakout cable)."""

    LC_LC = "LC-LC"
    LC_SC = "LC-SC"
    SC_SC = "SC-SC"
    MPO_12 = "MPO-12"
    MPO_24 = "MPO-24"
    MPO_LC = "MPO-LC"


class Location(_Model):
    """Where a device or patch panel is: site, room, row, rack and the lowest rack unit it takes.

    ``u`` counts from the bottom of the rack (U1 is the lowest), as rack labels do. ``height``
    is the device's height in rack units; when not given it comes from the switch model's pack
    data, else 1. A plain string (``location: "R02 U40"``, the older form) is kept as ``note``.
    """

    site: ShortText = ""
    room: ShortText = ""
    row: ShortText = ""
    rack: Name | None = Field(None, description="a rack of the inventory's racks")
    u: int | None = Field(None, ge=1, le=100, description="lowest rack unit taken (U1 = bottom)")
    height: int | None = Field(None, ge=1, le=60, description="rack units taken")
    side: Side = Field(Side.FRONT, description="rack face the device (its ports) faces")
    full_depth: bool | None = Field(
        None,
        description="takes both faces of its units (default: devices yes, patch panels no)",
    )
    note: FreeText = ""

    @property
    def placed(self) -> bool:
        """True when the rack position is known (rack and U)."""
        return self.rack is not None and self.u is not None

    @property
    def text(self) -> str:
        """How a location is printed: ``R02 U40-41 rear`` (or the note)."""
        parts = []
        if self.rack:
            parts.append(self.rack)
        if self.u is not None:
            top = self.u + (self.height or 1) - 1
            parts.append(f"U{self.u}" if top == self.u else f"U{self.u}-{top}")
        if parts and self.side is Side.REAR:
            parts.append("rear")
        if self.note:
            parts.append(self.note if not parts else f"({self.note})")
        return " ".join(parts)


def _location(value: object) -> object:
    if isinstance(value, str):
        return {"note": value} if value.strip() else None
    return value


def _no_empty_location(value: Location | None) -> Location | None:
    """A location that says nothing (``location: {}``) is no location."""
    return None if value is not None and value == Location() else value


LocationField = Annotated[
    Location | None,
    BeforeValidator(_location, json_schema_input_type=Location | FreeText | None),
    AfterValidator(_no_empty_location),
]


class Cable(_Model):
    """One physical cable: its label (ID), media, connectors, length and jacket colour.

    A plain string (``cable: A-0008``, the older form) is the ID alone. Without a length, the
    cabling plan estimates one from the rack positions of both ends and rounds it up to the
    next standard length.
    """

    id: Name | None = Field(None, description="cable ID printed on the labels")
    media: Media | None = None
    connector: Connector | None = None
    length: float | None = Field(None, gt=0, le=100000, description="metres")
    color: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z\-]{1,31}$")] | None = Field(
        None, description="jacket colour by name (aqua, erika-violet, yellow, ...)"
    )

    @property
    def bare(self) -> bool:
        """Only an ID (written back as the short form)."""
        return (
            self.media is None
            and self.connector is None
            and self.length is None
            and (self.color is None)
        )


def _cable(value: object) -> object:
    if isinstance(value, str):
        return {"id": value}
    return value


def _no_empty_cable(value: Cable | None) -> Cable | None:
    """A cable that says nothing (``cable: {}``) is no cable spec."""
    return None if value is not None and value == Cable() else value


CableField = Annotated[
    Cable | None,
    BeforeValidator(_cable, json_schema_input_type=Cable | Name | None),
    AfterValidator(_no_empty_cable),
]


class Hop(_Model):
    """A patch-panel port on a cable run; ``cable`` is the cable leaving it towards the far end."""

    panel: Name
    port: int = Field(ge=1, le=1024, description="panel port (front and rear share the number)")
    cable: CableField = None


class Rack(_Model):
    """A rack (cabinet): where it stands and how tall it is."""

    name: Name
    site: ShortText = ""
    room: ShortText = ""
    row: ShortText = ""
    position: int | None = Field(
        None, ge=0, le=1000, description="place in its row (1, 2, ...): racks side by side"
    )
    height: int = Field(42, ge=1, le=100, description="rack units")
    width: int | None = Field(None, ge=300, le=1200, description="mm (default 600)")
    description: FreeText = ""


class PatchPanel(_Model):
    """A patch panel: ports pass through, front port N to rear port N."""

    name: Name
    location: LocationField = None
    ports: int = Field(ge=1, le=1024)
    connector: Connector = Connector.LC_LC
    fabric: Name | None = Field(None, description="the fabric the panel is reserved for, if any")
    description: FreeText = ""


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
        None,
        pattern=r"^(#[0-9A-Fa-f]{6}|[a-z][a-z\-]{1,31})$",
        description="colour used in printed plans: a name (blue, red, ...) or #rrggbb",
    )

    @model_validator(mode="after")
    def _vsan_where_zoning_is_per_vsan(self) -> Fabric:
        pack = pack_for(self.vendor)
        if pack.manifest.capabilities.vsans and self.vsan is None:
            raise ValueError(f"a {pack.manifest.brand} fabric needs its vsan (e.g. vsan: 10)")
        return self


class SwitchMode(str, enum.Enum):
    """How a switch joins its fabric.

    ``native``: a fabric switch with a domain ID, its links to other switches ISLs (E_Ports).
    ``access-gateway`` (Brocade) / ``npv`` (Cisco): the switch logs in to a core switch as
    N_Ports (N_Port virtualisation) and passes its devices' logins on: it has no domain ID,
    no ISLs and no zoning (Brocade Access Gateway Administrator's Guide, FOS 5.3.0,
    53-1000633-01, "Access Gateway port types": the AG connects to the fabric with N_Ports,
    E_Port "ISL is not supported", a fabric switch, unlike it, "consumes SAN resources, such
    as domain IDs"; Cisco CISCO-NPORT-VIRTUALIZATION-MIB, github.com/cisco/cisco-mibs
    v2/CISCO-NPORT-VIRTUALIZATION-MIB.my: switches in NPV mode "do not join a fabric ...
    which eliminates the domain IDs for these edge switches"). Both words say the same;
    each vendor's admins write their own.
    """

    NATIVE = "native"
    ACCESS_GATEWAY = "access-gateway"
    NPV = "npv"


class Switch(_Model):
    """One FC switch. Ports are a count (``48``), explicit names, or director slots.

    A switch in Access Gateway / NPV mode (``mode: access-gateway`` or ``npv``) has no
    ``domain_id``; every other switch needs one.
    """

    model_config = ConfigDict(
        **_Model.model_config,
        # editors: domain_id is required unless the mode says access-gateway / npv
        json_schema_extra={
            "if": {
                "properties": {"mode": {"enum": ["access-gateway", "npv"]}},
                "required": ["mode"],
            },
            "then": {"not": {"required": ["domain_id"]}},
            "else": {"required": ["domain_id"]},
        },
    )

    name: Name
    fabric: Name
    vendor: SwitchVendor | None = Field(None, description="defaults to the fabric's vendor")
    model: FreeText = ""
    firmware: FreeText = ""
    #: before domain_id: its check reads the mode
    mode: SwitchMode = Field(
        SwitchMode.NATIVE,
        description="native, or access-gateway / npv (N_Port virtualisation: no domain ID)",
    )
    domain_id: int | None = Field(
        None,
        ge=1,
        le=239,
        validate_default=True,
        description="required, except in access-gateway / npv mode",
    )
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
    location: LocationField = None

    @model_serializer(mode="wrap")
    def _native_unsaid(self, handler: SerializerFunctionWrapHandler) -> dict:
        """``mode`` left out while native (the default): a plan's content hash of an
        inventory stays what it was before switches had a mode (plan.json, apply)."""
        data = handler(self)
        if self.mode is SwitchMode.NATIVE and isinstance(data, dict):
            data.pop("mode", None)
        return data

    @property
    def gateway(self) -> bool:
        """True in Access Gateway / NPV mode: no domain, no zoning, uplinks instead of ISLs."""
        return self.mode is not SwitchMode.NATIVE

    @field_validator("domain_id")
    @classmethod
    def _domain_unless_gateway(cls, v: int | None, info: ValidationInfo) -> int | None:
        mode = info.data.get("mode")
        if mode is None:  # the mode itself was invalid: said once, by its own error
            return v
        if mode is not SwitchMode.NATIVE and v is not None:
            raise ValueError(
                f"a switch in {mode.value} mode has no domain ID: remove domain_id "
                "(or set mode: native)"
            )
        if mode is SwitchMode.NATIVE and v is None:
            # said as a missing key (ZP005), as before the key became optional
            raise PydanticCustomError("missing", "Field required")
        return v

    @field_validator("ports")
    @classmethod
    def _ports_positive(cls, v: int | list[str] | None) -> int | list[str] | None:
        top = limits.MAX_SWITCH_PORTS
        if isinstance(v, int) and not 1 <= v <= top:
            raise _too_large(f"port count must be between 1 and {top}")
        if isinstance(v, list) and len(v) > top:
            raise _too_large(f"{len(v):,} port names: a switch has at most {top}")
        return v

    @field_validator("slots")
    @classmethod
    def _slots_sane(cls, v: dict[int, int] | None) -> dict[int, int] | None:
        if v is None:
            return v
        if len(v) > limits.MAX_SLOTS:
            raise _too_large(f"{len(v)} slots: a director has at most {limits.MAX_SLOTS}")
        for slot, count in v.items():
            if not 0 <= slot <= limits.MAX_SLOTS:
                raise ValueError(f"slot {slot}: slot numbers are 0-{limits.MAX_SLOTS}")
            if not 1 <= count <= limits.MAX_SLOT_PORTS:
                raise _too_large(
                    f"slot {slot}: {count:,} ports; a blade has 1-{limits.MAX_SLOT_PORTS}"
                )
        if sum(v.values()) > limits.MAX_SWITCH_PORTS:
            raise _too_large(
                f"{sum(v.values()):,} ports in all slots: a switch has at most "
                f"{limits.MAX_SWITCH_PORTS}"
            )
        return v


class Isl(_Model):
    """An inter-switch link, ``switch:port`` at each end."""

    a: Annotated[str, StringConstraints(pattern=r"^[^:\s]+:[^:\s]+$")]
    b: Annotated[str, StringConstraints(pattern=r"^[^:\s]+:[^:\s]+$")]
    cable: CableField = None
    via: list[Hop] = Field(default_factory=list, description="patch-panel ports from a to b")


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
    cable: CableField = Field(
        None, description="the cable plugged in here: ID (default: generated), media, length"
    )
    via: list[Hop] = Field(
        default_factory=list, description="patch-panel ports on the way to the switch or peer"
    )
    speed: int | None = Field(None, ge=1, le=256, description="Gb/s")
    npiv: bool = Field(
        False,
        description="a virtual port (NPIV) logged in through a switch port another port's "
        "cable ends in (a VM, an array LIF): shares that switch port, no cable of its own",
    )

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
    slot: ShortText = Field("", description="PCIe slot or mezzanine it sits in (PCIe 3, mezz 1)")
    wwnn: Wwpn | None = None
    ports: list[Port] = Field(min_length=1, max_length=limits.MAX_HBA_PORTS)


class Host(_Model):
    """A SAN client: it reaches the cluster's LUNs through its HBAs on both fabrics."""

    name: Name
    os: HostOS
    os_version: FreeText = ""
    description: FreeText = ""
    location: LocationField = None
    hbas: list[Hba] = Field(min_length=1, max_length=limits.MAX_HBAS)


class ClusterNode(_Model):
    """One node of the two-node ALUA SAN cluster."""

    name: Name
    role: Literal["active", "standby"]
    array: Name | None = Field(None, description="its backend FC RAID array")
    location: LocationField = None
    hbas: list[Hba] = Field(min_length=1, max_length=limits.MAX_HBAS)


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
    location: LocationField = None
    controllers: list[Hba] = Field(min_length=1, max_length=limits.MAX_HBAS)


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

    @field_validator("*")
    @classmethod
    def _plain_template(cls, v: str) -> str:
        """Fields by name only, widths a name can have: ``{device:>3000000}`` would build
        a 3 MB name per object, ``{device.__class__}`` reach into Python objects."""
        if len(v) > limits.MAX_TEMPLATE_LENGTH:
            raise ValueError(f"a name template is at most {limits.MAX_TEMPLATE_LENGTH} characters")
        try:
            parts = list(string.Formatter().parse(v))
        except ValueError as exc:
            raise ValueError(f"not a name template: {exc}") from exc
        for _, field, spec, conversion in parts:
            if field is None:
                continue
            if not field.isidentifier():
                raise ValueError(f"{{{field}}}: a field is a plain name such as {{device}}")
            if conversion is not None:
                raise ValueError(f"{{{field}!{conversion}}}: no conversions in name templates")
            if spec and not _FORMAT_SPEC.fullmatch(spec):
                raise ValueError(
                    f"{{{field}:{spec}}}: a format is an alignment and a width of at most "
                    f"{limits.MAX_FORMAT_WIDTH}, such as {{{field}:>8}} or {{{field}:03}}"
                )
            width = max((int(n) for n in re.findall(r"\d+", spec or "")), default=0)
            if width > limits.MAX_FORMAT_WIDTH:
                raise ValueError(
                    f"{{{field}:{spec}}}: width {width} over {limits.MAX_FORMAT_WIDTH} "
                    "(names are at most 64 characters)"
                )
        return v


class CablingPolicy(_Model):
    """How cable lengths are estimated from rack positions (all lengths in metres).

    in one rack: the vertical distance, plus ``side_allowance`` and ``slack`` at each end;
    between racks: up from each end to the rack top, ``tray_drop`` down from the overhead tray
    at each end, the distance along the row (rack widths) or across rows (``row_pitch``), and
    ``slack`` at each end. Front-to-rear adds ``front_to_rear``. The result is rounded up to the
    next of ``lengths`` (default: the standard patch-cord lengths, data).
    """

    slack: float = Field(0.3, ge=0, le=10, description="service loop per end")
    side_allowance: float = Field(0.3, ge=0, le=10, description="port to cable manager, per end")
    tray_drop: float = Field(0.5, ge=0, le=10, description="rack top to overhead tray, per end")
    row_pitch: float = Field(2.4, ge=0, le=100, description="between neighbouring rows")
    front_to_rear: float = Field(1.0, ge=0, le=10, description="extra when the ends face apart")
    lengths: list[Annotated[float, Field(gt=0, le=100000)]] | None = Field(
        None, description="stock lengths to round up to (default: standard patch cords)"
    )
    media: Media | None = Field(None, description="media of cables that do not say")


class Policy(_Model):
    """How to zone, how to name, how to estimate cables, which rules to tune or silence."""

    strategy: Strategy = Strategy.SIST
    naming: Naming = Field(default_factory=Naming)
    cabling: CablingPolicy = Field(default_factory=CablingPolicy)
    severity: dict[RuleCode, Severity] = Field(default_factory=dict)
    suppress: list[Suppression] = Field(default_factory=list)


class Inventory(_Model):
    """A whole site: fabrics, switches, the SAN cluster, arrays, hosts and policy."""

    name: Name
    site: FreeText = ""
    description: FreeText = ""
    fabrics: list[Fabric] = Field(min_length=1)
    racks: list[Rack] = Field(default_factory=list)
    patch_panels: list[PatchPanel] = Field(default_factory=list)
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
