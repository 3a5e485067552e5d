"""World Wide Names: parsing, normalisation, NAA type and IEEE OUI decoding.

Why a module of its own: every input (inventory, switch output, SNMP octets) names ports by
WWPN in a different spelling; everything inside zoneplan compares one canonical form,
lower-case colon-separated hex (``21:00:00:24:ff:0c:58:37``).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "WwnError",
    "node_port_pair",
    "normalize_wwn",
    "is_wwn",
    "naa",
    "port_name_problem",
    "oui",
    "oui_vendor",
    "vendor_family",
]

_SEP = re.compile(r"[:\-\s.]")
_HEX16 = re.compile(r"^[0-9a-f]{16}$")
_CANON = re.compile(r"^(?:[0-9a-f]{2}:){7}[0-9a-f]{2}$")


class WwnError(ValueError):
    """A value that is not an 8-byte World Wide Name."""


def normalize_wwn(value: str) -> str:
    """Return ``value`` as a lower-case colon-separated WWN, or raise :class:`WwnError`.

    Accepts ``21:00:00:24:ff:0c:58:37``, ``2100001B32...``, ``21-00-...`` in any case, and
    the 0x-prefixed form some tools print.
    """
    if not isinstance(value, str):
        raise WwnError(f"WWPN must be a string, got {type(value).__name__}")
    raw = value.strip().lower()
    if _CANON.fullmatch(raw):
        return raw
    if raw.startswith("0x"):
        raw = raw[2:]
    parts = _SEP.split(raw)
    if len(parts) == 8 and all(1 <= len(p) <= 2 for p in parts):
        digits = "".join(p.rjust(2, "0") for p in parts)
    elif len(parts) == 1:
        digits = raw
    else:
        raise WwnError(f"{value!r} is not a WWPN (expected 8 bytes, e.g. 21:00:00:24:ff:0c:58:37)")
    if not _HEX16.fullmatch(digits):
        raise WwnError(
            f"{value!r} is not a WWPN (expected 16 hex digits, e.g. 21:00:00:24:ff:0c:58:37)"
        )
    return ":".join(digits[i : i + 2] for i in range(0, 16, 2))


_PAIR = re.compile(
    r"^\s*(?:fc\.)?([0-9A-Fa-f:\-]{16,23})(?:\s+|:(?=[0-9A-Fa-f]{16}\s*$))([0-9A-Fa-f:\-]{16,23})\s*$"
)


def node_port_pair(value: object) -> tuple[str, str] | None:
    """(WWNN, WWPN) when ``value`` is a node name and a port name pasted together, else None.

    vSphere shows a Fibre Channel adapter's identity as the node name, a space, the port
    name (``20:00:00:e0:8b:8b:38:77 21:00:00:e0:8b:8b:38:77``, VMware vSphere 4.1 ESX
    Configuration Guide, "Understanding Fibre Channel Naming"); ``esxcli storage core path
    list`` prints it as ``fc.WWNN:WWPN`` (``fc.5001438005685fb5:5001438005685fb4``, Broadcom
    KB 316600). Either form is recognised.
    """
    if not isinstance(value, str):
        return None
    m = _PAIR.match(value)
    if m is None:
        return None
    try:
        return normalize_wwn(m.group(1)), normalize_wwn(m.group(2))
    except WwnError:
        return None


def is_wwn(value: str) -> bool:
    """True when ``value`` parses as a WWN in any accepted spelling."""
    try:
        normalize_wwn(value)
    except WwnError:
        return False
    return True


#: NAA formats of a port or node name a device can log in with (FC-FS-3 "Name_Identifier
#: formats"): 1 IEEE, 2 IEEE extended, 5 IEEE registered, 6 IEEE registered extended, C-F
#: EUI-64 mapped. 0 is all zeros (no name), 3 "locally assigned" carries no OUI and is not
#: globally unique, the others are reserved.
PORT_NAME_NAA = frozenset({1, 2, 5, 6, 0xC, 0xD, 0xE, 0xF})


def port_name_problem(wwn: str) -> str | None:
    """Why a canonical WWN cannot be a device's port (or node) name, or None when it can."""
    h = wwn.replace(":", "")
    if h == "0" * 16:
        return "all zeros is no port name"
    if h == "f" * 16:
        return "all ones is no port name"
    kind = int(h[0], 16)
    if kind == 3:
        return "NAA 3 (locally assigned) is not a globally unique port name"
    if kind not in PORT_NAME_NAA:
        return f"NAA {kind:X} is reserved; port names use NAA 1, 2, 5, 6 or C-F"
    return None


def naa(wwn: str) -> int:
    """The Network Address Authority nibble (first hex digit) of a canonical WWN."""
    return int(wwn[0], 16)


def oui(wwn: str) -> str | None:
    """The IEEE OUI of a canonical WWN as ``00-24-FF``, or None when the layout has none.

    NAA 1/2 carry the OUI in bytes 2-4; NAA 5/6 nibble-shifted from bit 4; NAA C-F (EUI-64
    mapped) drop the two low bits of the first OUI byte. ``netaddr.EUI(wwn).oui`` reads bytes
    0-2 and is wrong for every FC layout, so the bytes are picked here.
    """
    h = wwn.replace(":", "")
    kind = int(h[0], 16)
    if kind in (1, 2):
        o = h[4:10]
    elif kind in (5, 6):
        o = h[1:7]
    elif kind >= 0xC:
        o = "%02x" % ((int(h[0:2], 16) & 0x3F) << 2) + h[2:6]
    else:
        return None
    return "-".join(o[i : i + 2] for i in range(0, 6, 2)).upper()


@lru_cache(maxsize=4096)
def _org(oui_text: str) -> str | None:
    from netaddr import OUI
    from netaddr.core import NotRegisteredError

    try:
        reg = OUI(oui_text).registration()
    except (NotRegisteredError, ValueError, IndexError):
        return None
    org = str(reg["org"]).strip()
    return org or None


def oui_vendor(wwn: str) -> str | None:
    """The IEEE registry's organisation for the WWN's OUI (netaddr's bundled list), if any."""
    o = oui(wwn)
    return _org(o) if o else None


# Organisation names → the short vendor families inventories use. Longest match wins.
_FAMILIES: tuple[tuple[str, str], ...] = (
    ("qlogic", "qlogic"),
    ("emulex", "emulex"),
    ("brocade", "brocade"),
    ("broadcom", "broadcom"),
    ("cisco", "cisco"),
    ("netapp", "netapp"),
    ("clariion", "dell-emc"),
    ("emc", "dell-emc"),
    ("3par", "hpe"),
    ("hewlett", "hpe"),
    ("pure storage", "pure"),
    ("ibm", "ibm"),
    ("hitachi", "hitachi"),
    ("seagate", "seagate"),
    ("atto", "atto"),
    ("infortrend", "infortrend"),
    ("marvell", "qlogic"),
)


def vendor_family(wwn: str) -> str | None:
    """A short vendor family (``qlogic``, ``emulex``, …) from the OUI, or None when unknown."""
    org = oui_vendor(wwn)
    if not org:
        return None
    low = org.lower()
    for needle, family in _FAMILIES:
        if needle in low:
            return family
    return None
