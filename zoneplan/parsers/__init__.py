"""Parsers of saved switch output, and the registry the command catalogues name them by.

Each parser is a plain function ``(text, source) -> (result, findings)``: one pass over the
lines, no exceptions on bad input, every problem a coded :class:`~zoneplan.findings.Finding`
(ZP020-ZP049, :mod:`zoneplan.rules.capture`). ``vendors/<pack>/commands.yaml`` maps a command
to a parser name here and to the part of the observed state it feeds; the capture reader
(:func:`zoneplan.parsers.capture.read_captures`) and the SSH adapter both use that catalogue.
"""

from __future__ import annotations

from typing import Any, Callable

from ..findings import Finding
from . import brocade, cisco

Parser = Callable[[str, str], "tuple[Any, list[Finding]]"]

#: parser name (as written in commands.yaml) → function (each runs with the cyclic GC paused:
#: a large output allocates ~10^5 small objects and frees none until it returns)
PARSERS: dict[str, Parser] = {
    "brocade.cfgshow": brocade.parse_cfgshow,
    "brocade.zoneshow": brocade.parse_zoneshow,
    "brocade.cfgactvshow": brocade.parse_cfgactvshow,
    "brocade.alishow": brocade.parse_alishow,
    "brocade.nsshow": brocade.parse_nsshow,
    "brocade.nscamshow": brocade.parse_nscamshow,
    "brocade.switchshow": brocade.parse_switchshow,
    "brocade.fabricshow": brocade.parse_fabricshow,
    "brocade.cfgtransshow": brocade.parse_cfgtransshow,
    "brocade.cfgsize": brocade.parse_cfgsize,
    "brocade.islshow": brocade.parse_islshow,
    "brocade.portname": brocade.parse_portname,
    "cisco.show_zoneset_active": cisco.parse_show_zoneset_active,
    "cisco.show_zoneset": cisco.parse_show_zoneset,
    "cisco.show_zone": cisco.parse_show_zone,
    "cisco.show_fcalias": cisco.parse_show_fcalias,
    "cisco.show_zone_status": cisco.parse_show_zone_status,
    "cisco.show_device_alias_database": cisco.parse_show_device_alias_database,
    "cisco.show_device_alias_status": cisco.parse_show_device_alias_status,
    "cisco.show_flogi_database": cisco.parse_show_flogi_database,
    "cisco.show_fcns_database": cisco.parse_show_fcns_database,
    "cisco.show_interface_brief": cisco.parse_show_interface_brief,
    "cisco.show_vsan": cisco.parse_show_vsan,
    "cisco.show_vsan_membership": cisco.parse_show_vsan_membership,
    "cisco.show_running_config": cisco.parse_show_running_config,
    "cisco.show_switchname": cisco.parse_show_switchname,
    "cisco.show_interface_description": cisco.parse_show_interface_description,
}


def get_parser(name: str) -> Parser:
    """The parser registered under ``name`` (KeyError for a catalogue typo: a packaging bug)."""
    return PARSERS[name]


__all__ = ["PARSERS", "Parser", "get_parser"]
