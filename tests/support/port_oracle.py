"""A port-configuration oracle: applies the plan's ``<switch>.ports.txt`` scripts (and their
rollbacks) to a switch's port table, as the switch would, and refuses anything else.

Why a separate oracle (not the zoning interpreter): port names and VSAN membership are a table
of their own on the switch; keeping them apart keeps the zoning interpreter's grammar closed.
What it accepts, and how the switch answers:

* Brocade FOS: ``portname PORT -n "NAME"`` sets the port's name (the syntax Broadcom's own
  switch configuration generator writes: jconsoli/brocade-rest-api-applications,
  ``switch_config_cli.py``); ``#`` starts a comment (FOS's CLI is a restricted bash). A port
  the switch does not have is an error, as on the switch.
* Cisco NX-OS: ``configure terminal``; ``vsan database`` then ``vsan N interface fcX/Y``
  (the VSAN must exist); ``interface fcX/Y`` then ``switchport description TEXT`` (the rest of
  the line) or ``no switchport description``; ``exit``, ``end``,
  ``copy running-config startup-config``; ``!`` starts a comment. Anything out of its mode is
  an error ("% Invalid command").
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field


class OracleError(Exception):
    """A line the switch would refuse."""


@dataclass
class PortTable:
    """What a switch holds of its ports: names (descriptions) and VSAN membership."""

    ports: list[str]
    names: dict[str, str] = field(default_factory=dict)  #: "" = no name
    vsans: dict[str, int] = field(default_factory=dict)
    known_vsans: set[int] = field(default_factory=lambda: {1})

    def copy(self) -> PortTable:
        return PortTable(
            list(self.ports), dict(self.names), dict(self.vsans), set(self.known_vsans)
        )


def apply_fos(script: str, table: PortTable) -> PortTable:
    """The table after a FOS port script; raises :class:`OracleError` on a refused line."""
    out = table.copy()
    for n, raw in enumerate(script.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError as exc:
            raise OracleError(f"line {n}: {exc}: {line}") from exc
        if len(words) == 4 and words[0] == "portname" and words[2] == "-n":
            port, name = words[1], words[3]
            if port not in out.ports:
                raise OracleError(f"line {n}: no port {port}")
            out.names[port] = name
            continue
        raise OracleError(f"line {n}: not a port command: {line}")
    return out


_VSAN_IF = re.compile(r"^vsan (\d+) interface (\S+)$")


def apply_nxos(script: str, table: PortTable) -> PortTable:
    """The table after an NX-OS port script; raises :class:`OracleError` on a refused line."""
    out = table.copy()
    mode, iface = "exec", ""
    for n, raw in enumerate(script.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("!"):
            continue
        if mode == "exec":
            if line == "configure terminal":
                mode = "config"
            elif line == "copy running-config startup-config":
                pass
            else:
                raise OracleError(f"line {n}: % Invalid command in exec mode: {line}")
        elif mode == "config":
            if line == "vsan database":
                mode = "vsandb"
            elif line.startswith("interface "):
                iface = line.split(None, 1)[1]
                if iface not in out.ports:
                    raise OracleError(f"line {n}: % Invalid interface {iface}")
                mode = "if"
            elif line == "end":
                mode = "exec"
            else:
                raise OracleError(f"line {n}: % Invalid command in config mode: {line}")
        elif mode == "vsandb":
            m = _VSAN_IF.match(line)
            if m:
                vsan, port = int(m.group(1)), m.group(2)
                if vsan not in out.known_vsans:
                    raise OracleError(f"line {n}: VSAN {vsan} does not exist")
                if port not in out.ports:
                    raise OracleError(f"line {n}: % Invalid interface {port}")
                out.vsans[port] = vsan
            elif line == "exit":
                mode = "config"
            elif line == "end":
                mode = "exec"
            else:
                raise OracleError(f"line {n}: % Invalid command in vsan database: {line}")
        elif mode == "if":
            if line.startswith("switchport description "):
                out.names[iface] = line.split(None, 2)[2]
            elif line == "no switchport description":
                out.names[iface] = ""
            elif line == "exit":
                mode = "config"
            elif line == "end":
                mode = "exec"
            else:
                raise OracleError(f"line {n}: % Invalid command in interface mode: {line}")
    if mode != "exec":
        raise OracleError(f"the script ends in {mode} mode")
    return out


def render_portname(table: PortTable) -> str:
    """What FOS ``portname`` prints for the table (``port 0: NAME``)."""
    return "".join(f"port {p}: {table.names.get(p, '')}\n" for p in table.ports)


def render_interface_description(table: PortTable) -> str:
    """What NX-OS ``show interface description`` prints for the table."""
    rule = "-" * 79 + "\n"
    head = f"{'Interface':<25}{'Description':<54}\n"
    rows = "".join(f"{p:<25}{table.names.get(p) or '--'}\n" for p in table.ports)
    return f"\n{rule}{head}{rule}{rows}"


def render_vsan_membership(table: PortTable) -> str:
    """What NX-OS ``show vsan membership`` prints for the table."""
    out = []
    for vsan in sorted(table.known_vsans):
        members = [p for p in table.ports if table.vsans.get(p) == vsan]
        out.append(f"vsan {vsan} interfaces:\n")
        for i in range(0, len(members), 4):
            out.append("    " + "".join(f"{m:<18}" for m in members[i : i + 4]).rstrip() + "\n")
        out.append("\n")
    return "".join(out)
