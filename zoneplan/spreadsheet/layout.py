"""The workbook's sheets and columns: one table that both the export and the import read.

Why one table: a column the export writes is a column the import reads, with the same header,
type and place in the inventory; a new inventory field is one new line here. Headers are what
a SAN admin types (``domain id``, ``switch port``); each column says how its cells become
inventory values (``kind``) and which of them are lists of allowed words (``choices``: the
export adds a drop-down, the import leaves the check to the inventory's own rules).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Connector, HostOS, Media, PortRole, Side, SwitchMode
from ..packs import known_vendors

#: cell kinds: text (numbers become text), int, float, bool, wwpn (text only), port (a switch
#: port: numbers become text), ports (a count, or port names separated by commas), slots
#: (``slot:ports, ...``), members (separated by ``;`` or line breaks)
KINDS = ("text", "int", "float", "bool", "wwpn", "port", "ports", "slots", "members")


@dataclass(frozen=True)
class Column:
    """One column: its header, where its value goes, how its cells are read."""

    header: str
    key: str  #: field of the row's object (``location.rack`` for a nested one)
    kind: str = "text"
    width: int = 14
    choices: tuple[str, ...] = ()
    required: bool = False


def _choices(enum: type) -> tuple[str, ...]:
    return tuple(e.value for e in enum)  # type: ignore[attr-defined]


LOCATION = (
    Column("rack", "location.rack", width=8),
    Column("u", "location.u", "int", width=5),
    Column("height", "location.height", "int", width=7),
    Column("side", "location.side", width=7, choices=_choices(Side)),
    Column("full depth", "location.full_depth", "bool", width=9),
    Column("site", "location.site", width=10),
    Column("room", "location.room", width=8),
    Column("row", "location.row", width=6),
    Column("location note", "location.note", width=18),
)


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, its columns, whether the import needs it."""

    name: str
    columns: tuple[Column, ...]
    required: bool = False
    note: str = ""


SITE = Sheet(
    "site",
    (Column("key", "key", required=True, width=34), Column("value", "value", width=48)),
    required=True,
    note="name, site, description, cluster.* and policy.* (nested keys with dots)",
)
FABRICS = Sheet(
    "fabrics",
    (
        Column("name", "name", required=True, width=8),
        Column("vendor", "vendor", width=9, choices=known_vendors()),
        Column("vsan", "vsan", "int", width=6),
        Column("color", "color", width=10),
        Column("description", "description", width=36),
    ),
    required=True,
)
RACKS = Sheet(
    "racks",
    (
        Column("name", "name", required=True, width=8),
        Column("site", "site", width=16),
        Column("room", "room", width=8),
        Column("row", "row", width=6),
        Column("position", "position", "int", width=9),
        Column("height", "height", "int", width=7),
        Column("width", "width", "int", width=7),
        Column("description", "description", width=30),
    ),
)
PANELS = Sheet(
    "patch panels",
    (
        Column("name", "name", required=True, width=12),
        Column("ports", "ports", "int", width=6),
        Column("connector", "connector", width=10, choices=_choices(Connector)),
        Column("fabric", "fabric", width=7),
        Column("description", "description", width=24),
        *LOCATION,
    ),
)
SWITCHES = Sheet(
    "switches",
    (
        Column("name", "name", required=True, width=12),
        Column("fabric", "fabric", width=7),
        Column("vendor", "vendor", width=9, choices=known_vendors()),
        Column("model", "model", width=12),
        Column("firmware", "firmware", width=10),
        Column("domain id", "domain_id", "int", width=9),
        # Access Gateway / NPV switches have no domain id
        Column("mode", "mode", width=14, choices=_choices(SwitchMode)),
        Column("mgmt", "mgmt", width=14),
        Column("credentials", "credentials", width=12),
        Column("ports", "ports", "ports", width=8),
        Column("slots", "slots", "slots", width=14),
        Column("director", "director", "bool", width=9),
        *LOCATION,
    ),
)
DEVICES = Sheet(
    "devices",
    (
        Column("kind", "kind", required=True, width=7, choices=("node", "array", "host")),
        Column("name", "name", required=True, width=14),
        Column("os", "os", width=11, choices=_choices(HostOS)),
        Column("os version", "os_version", width=18),
        Column("role", "role", width=8, choices=("active", "standby")),
        Column("array", "array", width=10),
        Column("vendor", "vendor", width=12),
        Column("model", "model", width=16),
        Column("description", "description", width=24),
        *LOCATION,
    ),
    note="cluster nodes (kind node), arrays and hosts; their ports are on the ports sheet",
)
PORTS = Sheet(
    "ports",
    (
        Column("kind", "kind", required=True, width=7, choices=("node", "array", "host")),
        Column("device", "device", required=True, width=14),
        Column("adapter", "adapter", required=True, width=10),
        Column("adapter vendor", "hba.vendor", width=10),
        Column("adapter model", "hba.model", width=14),
        Column("adapter slot", "hba.slot", width=10),
        Column("adapter wwnn", "hba.wwnn", "wwpn", width=24),
        Column("port", "name", required=True, width=6),
        Column("wwpn", "wwpn", "wwpn", width=24),
        Column("wwnn", "wwnn", "wwpn", width=24),
        Column("role", "role", width=9, choices=_choices(PortRole)),
        Column("speed", "speed", "int", width=6),
        Column("switch", "switch", width=12),
        Column("switch port", "port", "port", width=10),
        Column("peer", "peer", width=18),
    ),
    note="one row per FC port; an adapter's columns repeat on each of its ports",
)
ISLS = Sheet(
    "isls",
    (
        Column("a", "a", "port", required=True, width=16),
        Column("b", "b", "port", required=True, width=16),
    ),
)
CABLES = Sheet(
    "cables",
    (
        Column("run", "run", "port", required=True, width=20),
        Column("segment", "segment", "int", required=True, width=8),
        Column("panel", "panel", width=12),
        Column("panel port", "panel_port", "int", width=9),
        Column("cable", "id", width=16),
        Column("media", "media", width=7, choices=_choices(Media)),
        Column("connector", "connector", width=10, choices=_choices(Connector)),
        Column("length", "length", "float", width=7),
        Column("color", "color", width=11),
    ),
    note=(
        "run: a port (device/adapter/port) or an ISL (its a end, switch:port); segment 1 is "
        "the cable plugged into it, segment 2 the one leaving the first panel, and so on"
    ),
)
ZONES = Sheet(
    "zones",
    (
        Column("name", "name", required=True, width=22),
        Column("fabric", "fabric", width=7),
        Column("members", "members", "members", width=48),
        Column("principals", "principals", "members", width=30),
    ),
    note="zones found on the fabric that the plan keeps as they are (existing_zones)",
)

SHEETS: tuple[Sheet, ...] = (
    SITE,
    FABRICS,
    RACKS,
    PANELS,
    SWITCHES,
    DEVICES,
    PORTS,
    ISLS,
    CABLES,
    ZONES,
)
