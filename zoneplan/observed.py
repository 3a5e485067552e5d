"""The observed state of switches: what their show output says, vendor-neutral.

Why plain slotted dataclasses: a 5 MB capture yields hundreds of thousands of members, and the
parsers must stay at regex-scan speed; validation belongs to the parsers (which report findings),
not to object construction. Audit diffs a plan against these objects; import drafts an
inventory from them. Everything is keyed by the names an admin sees.

Member spelling (same on both vendors, so audit compares strings):

* WWN: lower-case colon form (``21:00:00:24:ff:0c:58:37``), via :func:`zoneplan.wwn.normalize_wwn`;
* Brocade domain,index: ``"d,i"`` (``"1,5"``);
* alias / fcalias / device-alias names as written (case kept);
* other Cisco member kinds keep their keyword: ``"fcid 0x010203"``, ``"interface fc1/1"``,
  ``"interface fc1/1 domain-id 5"``, ``"fwwn 20:..."``, ``"ip-address 10.0.0.1"``,
  ``"symbolic-nodename NAME"`` (a space never occurs in a name, so it marks these kinds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Zone",
    "ZoneDb",
    "Zoning",
    "ZoneStatus",
    "DeviceAliasStatus",
    "Transaction",
    "CfgSize",
    "Login",
    "Port",
    "FabricMember",
    "Isl",
    "Vsan",
    "SwitchIdentity",
    "SwitchState",
    "Version",
    "member_kind",
]

#: Where zoning is not per VSAN, a (logical) switch has one zoning database: stored under this key.
FABRIC_KEY = 0


def member_kind(member: str) -> str:
    """``wwn``, ``di`` (domain,index), ``name`` (alias or device-alias) or the Cisco keyword."""
    if " " in member:
        return member.split(" ", 1)[0]
    if len(member) == 23 and member[2] == ":":
        return "wwn"
    if "," in member:
        return "di"
    return "name"


@dataclass(slots=True)
class Zone:
    """One zone. For a peer zone ``principals`` holds the principal members, ``members`` the rest.

    ``tags`` holds Cisco smart-zoning device types per member (``init``/``target``/``both``);
    members without a tag are absent from it.
    """

    name: str
    members: list[str] = field(default_factory=list)
    principals: list[str] = field(default_factory=list)
    kind: str = "normal"  #: ``normal`` or ``peer``
    tags: dict[str, str] = field(default_factory=dict)
    property_member: str | None = None  #: Brocade peer-zone ``00:02:...`` member, as read
    line: int | None = None  #: where the zone starts in its source

    def all_members(self) -> list[str]:
        """Principals first, then the other members."""
        return self.principals + self.members if self.principals else self.members


@dataclass(slots=True)
class ZoneDb:
    """A zoning database: the defined one (cfgshow ``Defined``, ``show zoneset``) or the effective.

    ``complete`` is False when the source was filtered, cut off or garbled: consumers must then
    not conclude that something is absent.
    """

    aliases: dict[str, list[str]] = field(default_factory=dict)  #: alias/fcalias → members
    zones: dict[str, Zone] = field(default_factory=dict)
    configs: dict[str, list[str]] = field(default_factory=dict)  #: cfg/zoneset → zone names
    effective: str | None = None  #: the effective cfg / active zoneset name
    member_names: dict[str, str] = field(default_factory=dict)  #: wwn → name printed beside it
    fcids: dict[str, str] = field(default_factory=dict)  #: member → fcid when shown logged in
    complete: bool = True
    source: str = ""

    def zone_count(self) -> int:
        return len(self.zones)

    def resolve(self, member: str) -> list[str]:
        """A member with aliases expanded (one level, as both vendors allow)."""
        got = self.aliases.get(member)
        return list(got) if got is not None else [member]


@dataclass(slots=True)
class ZoneStatus:
    """Cisco ``show zone status vsan N`` (and what running-config says of the zone server)."""

    vsan: int
    default_zone: str | None = None  #: ``deny`` / ``permit``
    distribute: str | None = None  #: ``full`` / ``active only``
    interop: str | None = None
    mode: str | None = None  #: ``basic`` / ``enhanced``
    merge_control: str | None = None
    session: str = "none"  #: ``none`` or who/what holds it (``cli``, ``snmp``, …)
    session_user: str | None = None
    single_session: str | None = None
    hard_zoning: bool | None = None
    smart_zoning: bool | None = None
    full_db_bytes: int | None = None
    full_zonesets: int | None = None
    full_zones: int | None = None
    full_aliases: int | None = None
    active_db_bytes: int | None = None
    active_zoneset: str | None = None
    active_zonesets: int | None = None
    active_zones: int | None = None
    db_used_bytes: int | None = None
    db_max_bytes: int | None = None
    status: str | None = None  #: last operation's status line

    @property
    def busy(self) -> bool:
        """True when an enhanced-mode session (a fabric lock) is open."""
        return self.session.lower() != "none"


@dataclass(slots=True)
class DeviceAliasStatus:
    """Cisco ``show device-alias status``."""

    distribution: bool | None = None
    count: int | None = None
    mode: str | None = None  #: ``basic`` / ``enhanced``
    checksum: str | None = None
    locked_by: str | None = None  #: user holding the device-alias session lock
    locked_swwn: str | None = None
    pending: bool = False


@dataclass(slots=True)
class Transaction:
    """Brocade ``cfgtransshow``: ``state`` is ``none`` or ``open``."""

    state: str = "none"
    token: str | None = None
    abortable: bool | None = None


@dataclass(slots=True)
class CfgSize:
    """Brocade ``cfgsize`` in bytes."""

    max_bytes: int | None = None
    available_bytes: int | None = None
    committed_bytes: int | None = None
    transaction_bytes: int | None = None


@dataclass(slots=True)
class Login:
    """A port logged in to the fabric (FLOGI/FDISC), from nsshow, flogi or fcns."""

    wwpn: str
    wwnn: str | None = None
    switch: str | None = None  #: switch name, or ``domain N`` for a remote Brocade entry
    port: str | None = None  #: ``fc1/5`` or Brocade port index
    fcid: str | None = None  #: ``0x010500``
    vsan: int = FABRIC_KEY
    npiv: bool = False
    device_type: str | None = None  #: ``initiator`` / ``target`` / ``both`` / None
    alias: str | None = None  #: device-alias shown beside it
    port_symbol: str | None = None
    node_symbol: str | None = None
    fc4: str | None = None
    fabric_port_wwn: str | None = None
    port_type: str | None = None  #: ``N``, ``NL``
    vendor: str | None = None
    remote: bool = False  #: from the remote cache (nscamshow) rather than the local NS
    #: the physical port's WWN an NPIV login came through (Brocade ``Permanent Port Name``;
    #: behind an Access Gateway, the gateway's N_Port)
    permanent_wwn: str | None = None
    behind_gateway: bool = False  #: logged in through an Access Gateway / NPV switch
    node_ip: str | None = None  #: fcns ``node-ip-addr`` (an NPV switch's own login has one)


@dataclass(slots=True)
class Port:
    """A switch port (switchshow / show interface brief)."""

    name: str  #: ``fc1/5`` (Cisco), port index (Brocade fixed) or ``slot/port`` (director)
    index: int | None = None
    slot: int | None = None
    port: int | None = None
    address: str | None = None
    media: str | None = None
    speed: str | None = None
    state: str | None = None  #: ``Online``, ``No_Light``, ``up``, ``notConnected`` …
    proto: str | None = None
    type: str | None = None  #: ``F-Port``, ``E-Port``, ``N-Port``, Cisco oper mode ``F``/``E``…
    wwpns: list[str] = field(default_factory=list)
    npiv_count: int = 0
    neighbour_wwn: str | None = None
    neighbour_name: str | None = None
    comment: str | None = None
    vsan: int | None = None
    admin_mode: str | None = None
    logical_type: str | None = None
    port_channel: str | None = None

    @property
    def online(self) -> bool:
        """True when the port is up (Brocade ``Online``, NX-OS ``up``/``trunking``)."""
        return (self.state or "").lower() in ("online", "up", "trunking")


@dataclass(slots=True)
class FabricMember:
    """A switch listed by ``fabricshow``."""

    domain: int
    switch_id: str
    wwn: str
    ip: str | None = None
    fc_ip: str | None = None
    name: str | None = None
    principal: bool = False
    #: an FC router's phantom domain (front or translate domain), not a switch
    phantom: bool = False


@dataclass(slots=True)
class Isl:
    """An ISL as its switch lists it: Brocade ``islshow`` (port indexes, the neighbour's WWN
    and domain), NX-OS ``show topology`` (interface names, one row per VSAN the link carries,
    the neighbour's domain in that VSAN, its management address and name; no WWN)."""

    local_port: int | str  #: ``44`` (port index) or ``fc1/7``, ``port-channel5``
    remote_port: int | str
    remote_domain: int | None
    remote_wwn: str | None
    remote_name: str  #: the neighbour switch's name ("" when the output does not say it)
    speed: str | None = None
    bandwidth: str | None = None
    flags: list[str] = field(default_factory=list)
    vsan: int = FABRIC_KEY  #: the VSAN the row is listed under; FABRIC_KEY without VSANs
    remote_ip: str | None = None  #: the neighbour's management address


@dataclass(slots=True)
class Vsan:
    """A Cisco VSAN (``show vsan`` / ``show vsan membership``)."""

    id: int
    name: str | None = None
    state: str | None = None
    oper_state: str | None = None
    interop: str | None = None
    loadbalancing: str | None = None
    interfaces: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SwitchIdentity:
    """Who a switch is (switchshow header, show switchname/version, or the capture's name)."""

    name: str
    wwn: str | None = None
    domain: int | None = None
    switch_id: str | None = None
    model: str | None = None  #: the model's name (Brocade: from the switchType code's table)
    model_code: str | None = None  #: the model as the switch prints it (``switchType: 162.0``)
    director: bool | None = None  #: a chassis with blades (slot/port naming)
    firmware: str | None = None
    fid: int | None = None  #: Brocade logical switch fabric id
    base_switch: bool | None = None  #: Brocade VF base switch (the one holding the XISLs)
    mode: str | None = None  #: ``Native``, ``Access Gateway Mode``
    role: str | None = None  #: ``Principal`` / ``Subordinate``
    state: str | None = None
    zoning_on: bool | None = None
    fabric_name: str | None = None


@dataclass(slots=True)
class Version:
    """What a switch's version command says: its firmware, and where printed its model."""

    firmware: str | None = None
    model: str | None = None
    name: str | None = None  #: the switch's name, when the output prints it


@dataclass(slots=True)
class Zoning:
    """Zoning of one zone server: a Brocade fabric (key 0) or one Cisco VSAN."""

    vsan: int
    defined: ZoneDb | None = None  #: None when no output said anything about it
    effective: ZoneDb | None = None
    status: ZoneStatus | None = None


@dataclass(slots=True)
class SwitchState:
    """Everything captured from one switch. ``seen`` maps each getter fed to its source.

    Fields stay ``None``/empty when nothing was captured; ``seen`` tells an absent capture
    from an empty one, so an audit never reports "missing" for what it was not shown.
    """

    identity: SwitchIdentity
    vendor: str  #: the vendor word of the pack whose commands were read
    zoning: dict[int, Zoning] = field(default_factory=dict)
    device_aliases: dict[str, str] = field(default_factory=dict)  #: Cisco name → wwpn
    device_alias_status: DeviceAliasStatus | None = None
    logins: dict[tuple[int, str], Login] = field(default_factory=dict)  #: (vsan, wwpn) → login
    ports: dict[str, Port] = field(default_factory=dict)
    fabric: list[FabricMember] = field(default_factory=list)
    isls: list[Isl] = field(default_factory=list)
    transaction: Transaction | None = None
    cfgsize: CfgSize | None = None
    vsans: dict[int, Vsan] = field(default_factory=dict)
    #: port → name (FOS ``portname``) or description (NX-OS); "" when the port has none
    port_names: dict[str, str] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)
    #: inputs of ``seen`` whose output was cut short or garbled (the parser reported an error
    #: in it): captured, but not completely; input name -> source
    cut: dict[str, str] = field(default_factory=dict)
    #: False when the read of this switch was cut short (a live read with commands or SNMP
    #: tables missing): nothing may be concluded from what is absent in it.
    complete: bool = True

    @property
    def name(self) -> str:
        return self.identity.name

    def zoning_for(self, vsan: int = FABRIC_KEY) -> Zoning:
        """The zoning of a VSAN (Cisco) or of the fabric (Brocade: key 0), created on demand."""
        z = self.zoning.get(vsan)
        if z is None:
            z = self.zoning[vsan] = Zoning(vsan)
        return z

    def add_login(self, login: Login) -> Login:
        """Merge a login with what other commands said of the same (vsan, wwpn)."""
        key = (login.vsan, login.wwpn)
        old = self.logins.get(key)
        if old is None:
            self.logins[key] = login
            return login
        for name in Login.__slots__:
            new = getattr(login, name)
            if new not in (None, False) and getattr(old, name) in (None, False):
                setattr(old, name, new)
        return old

    def logged_in(self) -> set[str]:
        """Every WWPN seen logged in, any VSAN."""
        return {w for _, w in self.logins}
