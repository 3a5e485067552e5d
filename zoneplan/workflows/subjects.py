"""Findings in the inventory's words: names beside WWPNs, subjects as fields, a hint.

Why in the workflow layer: the components that make findings (parsers, the auditor, the
multipath reader) see a WWPN or a switch name, not the inventory; the workflow holds both, so
it fills in, once, what an admin would otherwise look up: which host, HBA port, switch port
and fabric a WWPN is, and what to do about the finding.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Mapping

from ..findings import Finding, Subject
from ..rules.registry import all_rules
from ..topology import Topology
from ..wwn import WwnError, normalize_wwn

__all__ = ["Words"]

#: a WWN as zoneplan and the switches print it (colon form, either case)
_WWN = re.compile(r"(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{2}:){7}[0-9A-Fa-f]{2}(?![0-9A-Fa-f:])")


@lru_cache(maxsize=1)
def _fixes() -> dict[str, str]:
    """Each rule's Fix section as one line: the hint of a finding that brings none."""
    out = {}
    for rule in all_rules():
        fix = rule.sections().get("Fix", "")
        out[rule.code] = " ".join(fix.split()).replace("``", "`")
    return out


def _wwn(text: str) -> str | None:
    try:
        return normalize_wwn(text)
    except WwnError:
        return None


class Words:
    """The names an inventory (and optionally the switches) give to WWPNs and objects.

    ``names`` adds names for WWPNs the inventory does not know (aliases read from the
    switches), printed as ``switch alias NAME``.
    """

    def __init__(self, topology: Topology | None, names: Mapping[str, str] | None = None):
        self.topology = topology
        self.names = dict(names or {})
        inv = topology.inventory if topology is not None else None
        self._devices = {name for _k, name, *_ in inv.devices()} if inv else set()
        self._fabrics = {f.name for f in inv.fabrics} if inv else set()

    # -- subject fields ---------------------------------------------------------------------
    def subject(self, about: Subject, subject: str = "") -> Subject:
        """``about`` completed: the subject string recognised, then every field it implies."""
        topo = self.topology
        if subject and subject not in about.as_dict().values():
            about = about.merged(self._recognise(subject))
        if topo is None:
            return about
        if about.wwpn and not about.port:
            refs = topo.by_wwpn.get(about.wwpn, [])
            if len(refs) == 1:
                about = replace(about, port=refs[0].ref)
        if about.port and about.port in topo.by_ref:
            ref = topo.by_ref[about.port]
            cabled = topo.cabled_to.get(ref.ref)
            about = about.merged(
                Subject(
                    host=ref.device,
                    hba=f"{ref.device}/{ref.adapter}",
                    wwpn=ref.wwpn,
                    switch=cabled[0] if cabled else "",
                    switch_port=cabled[1] if cabled else "",
                    fabric=topo.fabric_of(ref) or "",
                )
            )
        if about.switch and not about.fabric:
            about = replace(about, fabric=topo.switch_fabric.get(about.switch, ""))
        return about

    def _recognise(self, subject: str) -> Subject:
        topo = self.topology
        wwpn = _wwn(subject) if ":" in subject or len(subject) == 16 else None
        if wwpn is not None:
            return Subject(wwpn=wwpn)
        if topo is None:
            return Subject()
        if subject in topo.by_ref:
            return Subject(port=subject)
        if subject in self._devices:
            return Subject(host=subject)
        if subject in topo.switches:
            return Subject(switch=subject)
        switch, sep, port = subject.partition(":")
        if sep and switch in topo.switches:  # a switch port: ``sw-a1:8``
            return Subject(switch=switch, switch_port=port)
        if subject in self._fabrics:
            return Subject(fabric=subject)
        return Subject()

    # -- message ----------------------------------------------------------------------------
    def name_of(self, wwpn: str) -> str:
        """``esx04/vmhba2/p1`` (inventory), ``switch alias NAME`` (switches) or empty."""
        topo = self.topology
        if topo is not None:
            refs = topo.by_wwpn.get(wwpn)
            if refs:
                return " = ".join(r.ref for r in refs)
        name = self.names.get(wwpn)
        return f"switch alias {name}" if name else ""

    def message(self, text: str) -> str:
        """Every WWPN in ``text`` followed by its name, unless the name is already there."""
        if self.topology is None and not self.names:
            return text
        out: list[str] = []
        last = 0
        for m in _WWN.finditer(text):
            out.append(text[last : m.end()])
            last = m.end()
            name = self.name_of(m.group(0).lower())
            if name and name not in text:
                out.append(f" ({name})")
        out.append(text[last:])
        return "".join(out)

    # -- the whole finding ------------------------------------------------------------------
    def describe(self, f: Finding) -> Finding:
        """``f`` with its subject fields, names beside its WWPNs, and a hint."""
        about = self.subject(f.about, f.subject)
        message = self.message(f.message)
        hint = f.hint or _fixes().get(f.code, "")
        if about == f.about and message == f.message and hint == f.hint:
            return f
        return replace(f, about=about, message=message, hint=hint)
