"""Who gains or loses a zone partner when a change is enabled: the access summary.

Why: an admin approves a change by what it does to devices, not by its command count. The
summary compares the config in effect before (as the switch enforces it: the effective
configuration when it was read) with the config enabled after, aliases expanded, and lists per
device the partners it gains and loses. Only devices in zones that differ are looked at, so a
change of a few zones on a fabric of 20,000 stays cheap.

Who talks to whom inside a zone: every member with every other (regular zone); principals
with members only (peer zone); initiators with targets (smart zoning: ``both`` or an untagged
member talks to everyone, as NX-OS types untagged members from the name server).
"""

from __future__ import annotations

from typing import Mapping

from .model import AccessChange, MemberRole, fast
from .simulate import Expanded

__all__ = ["access_changes", "partners"]


def partners(zone: Expanded, wwpn: str) -> set[str]:
    """The members ``wwpn`` may talk to through this one zone."""
    if zone.peer:
        if wwpn in zone.principals:
            return set(zone.members) - {wwpn}
        if wwpn in zone.members:
            return set(zone.principals) - {wwpn}
        return set()
    if wwpn not in zone.principals and wwpn not in zone.members:
        return set()
    mine = zone.roles.get(wwpn) if zone.roles else None
    if mine is None or mine is MemberRole.BOTH:
        return set(zone.principals | zone.members) - {wwpn}  # everyone: as large as the answer
    # an initiator of a smart zone reaches its targets only: never build the whole zone's set
    # per member (that made a 10,000-initiator smart zone quadratic)
    return set(zone.smart_reach()[mine]) - {wwpn}


def _index(zones: Mapping[str, Expanded], wanted: set[str]) -> dict[str, list[Expanded]]:
    idx: dict[str, list[Expanded]] = {}
    for z in zones.values():
        for w in z.principals | z.members:
            if w in wanted:
                idx.setdefault(w, []).append(z)
    return idx


def access_changes(
    before: Mapping[str, Expanded],
    after: Mapping[str, Expanded],
    names: Mapping[str, str] | None = None,
) -> list[AccessChange]:
    """Devices whose partners differ between two expanded configs, sorted by WWPN."""
    names = names or {}
    affected: set[str] = set()
    for zname in set(before) | set(after):
        b, a = before.get(zname), after.get(zname)
        if b == a:
            continue
        for z in (b, a):
            if z is not None:
                affected |= z.principals | z.members
    if not affected:
        return []
    ib, ia = _index(before, affected), _index(after, affected)
    out: list[AccessChange] = []
    for w in sorted(affected):
        pb: set[str] = set()
        for z in ib.get(w, ()):
            pb |= partners(z, w)
        pa: set[str] = set()
        for z in ia.get(w, ()):
            pa |= partners(z, w)
        if pa != pb:
            out.append(
                fast(
                    AccessChange,
                    wwpn=w,
                    name=names.get(w),
                    gains=sorted(pa - pb),
                    loses=sorted(pb - pa),
                )
            )
    return out
