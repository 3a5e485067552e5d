"""Spelling help for inventory messages: an object's name in the inventory, and what a
misspelt key or value probably meant.

Why: an admin edits the inventory by hand and fixes what a message names. ``esx04/vmhba2/p1``
is found with the editor's search, ``hosts[3].hbas[0].ports[1]`` must be counted; ``wwnp`` →
``wwpn`` and ``os: esxi`` → ``vmware`` are what to type. Close spellings come from the
standard library's :mod:`difflib`; words that do not look alike but mean the same (``esxi``,
``rhel``) come from a short table of what people call these things.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable, Sequence

__all__ = ["did_you_mean", "inventory_path", "SYNONYMS"]

#: what people write → the inventory's word (enum values of the inventory model)
SYNONYMS: dict[str, str] = {
    # HostOS
    "esx": "vmware",
    "esxi": "vmware",
    "vsphere": "vmware",
    "vmware-esxi": "vmware",
    "rhel": "linux",
    "redhat": "linux",
    "centos": "linux",
    "rocky": "linux",
    "alma": "linux",
    "almalinux": "linux",
    "oracle-linux": "linux",
    "ol": "linux",
    "sles": "linux",
    "suse": "linux",
    "ubuntu": "linux",
    "debian": "linux",
    "proxmox": "linux",
    "win": "windows",
    "windows-server": "windows",
    "hyper-v": "windows",
    "hyperv": "windows",
    "xen": "citrix-xen",
    "xenserver": "citrix-xen",
    "citrix": "citrix-xen",
    "citrix-hypervisor": "citrix-xen",
    "xcp-ng": "citrix-xen",
    "macos": "macos-xsan",
    "mac": "macos-xsan",
    "osx": "macos-xsan",
    "xsan": "macos-xsan",
    # PortRole
    "init": "initiator",
    "host": "initiator",
    "tgt": "target",
    "replication": "mirror",
    # Strategy
    "single-initiator": "sist",
    "peer-zoning": "peer",
    "smart-zoning": "smart",
}


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` most probably meant: a synonym, a case slip, or a close spelling."""
    options = list(choices)
    if not options or not isinstance(word, str):
        return None
    key = "-".join(word.strip().lower().replace("_", " ").split())
    lowered = {o.lower(): o for o in options}
    if key in lowered:
        return lowered[key]
    if SYNONYMS.get(key) in options:
        return SYNONYMS[key]
    close = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None


#: a name that can stand in a message as it is (the model's name rule)
_PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
_PLAIN_END = re.compile(r"^[^\s:]{1,80}:[^\s:]{1,32}$")


def _name(item: Any) -> str | None:
    """An object's own name, when it has a usable one."""
    if isinstance(item, dict):
        name = item.get("name")
        if isinstance(name, (str, int)) and not isinstance(name, bool):
            text = str(name)
            if _PLAIN_NAME.match(text):
                return text
        ends = item.get("a"), item.get("b")
        if all(isinstance(e, str) and _PLAIN_END.match(e) for e in ends):  # an ISL
            return f"{ends[0]} - {ends[1]}"
    return None


#: a list → what its items are called in a message (named items: ``switch mds-b1``)
_KINDS = {
    "fabrics": "fabric",
    "switches": "switch",
    "isls": "ISL",
    "existing_zones": "existing zone",
}
#: lists whose items start a device path, and lists that continue one
_DEVICES = ("hosts", "arrays", "nodes")
_PARTS = ("hbas", "controllers", "ports")


def inventory_path(data: Any, loc: Sequence[Any]) -> str:
    """``loc`` (a data path such as ``("hosts", 3, "hbas", 0, "ports", 1, "wwpn")``) as the
    admin names it: ``esx04/vmhba2/p1 wwpn``, ``switch mds-b1 colour``,
    ``policy.naming.zone``. An object whose own name is unusable keeps its index
    (``hosts[1]``).
    """
    out: list[list[str]] = []  #: [text, kind]: kind "keys", "object" or "device"
    node = data
    parts = list(loc)
    i = 0
    while i < len(parts):
        part = parts[i]
        child = _get(node, part)
        index = parts[i + 1] if i + 1 < len(parts) else None
        if isinstance(part, str) and isinstance(index, int) and isinstance(child, list):
            item = _get(child, index)
            name = _name(item)
            own = name if name is not None else f"{part}[{index}]"
            if part in _DEVICES:
                if out and out[-1] == ["cluster", "keys"]:
                    out.pop()  # cluster nodes are named like any device: san1/hba0/p0
                out.append([own, "device"])
            elif part in _PARTS and out and out[-1][1] == "device":
                out[-1][0] += f"/{own}"
            elif name is not None and part in _KINDS:
                out.append([f"{_KINDS[part]} {name}", "object"])
            elif out and out[-1][1] == "keys":
                out[-1][0] += f".{part}[{index}]"
            else:
                out.append([f"{part}[{index}]", "keys"])
            node = item
            i += 2
            continue
        text = f"[{part}]" if isinstance(part, int) else str(part)
        if out and out[-1][1] == "keys":
            out[-1][0] += text if isinstance(part, int) else f".{text}"
        else:
            out.append([text, "keys"])
        node = child
        i += 1
    return " ".join(text for text, _ in out)


def _get(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None
