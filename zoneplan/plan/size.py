"""Zone database size estimate per fabric, against the platform's limit from its pack.

Why an estimate: the switch only reports the real figure (``cfgsize``, ``show zone status``)
once the change is made; a plan that would overflow the database must be caught before the
change window. The model is deliberately simple and documented in the pack (``limits``):
every object (alias, zone, config) costs ``object_overhead_bytes`` plus its name, every member
reference ``member_overhead_bytes`` plus the member's spelling. Brocade fabrics made only of
directors get the director limit; Cisco device-aliases live outside the zone database and
are counted against ``max_aliases`` instead.
"""

from __future__ import annotations

from ..packs import VendorPack
from .model import FabricPlan, SizeEstimate

_WWN_LEN = 23  # "21:00:00:24:ff:0c:58:37"


def estimate_size(fp: FabricPlan, pack: VendorPack) -> SizeEstimate:
    """Estimated bytes of the fabric's defined zone database after the plan."""
    limits = pack.manifest.limits
    obj, mem = limits.object_overhead_bytes, limits.member_overhead_bytes
    total = 0
    if limits.aliases_in_zone_db:
        for a in fp.aliases:
            total += obj + len(a.name) + _WWN_LEN + mem
    for z in fp.zones:
        total += obj + len(z.name)
        if z.peer:
            total += _WWN_LEN + mem  # the property member FOS adds to a peer zone
        for m in z.principals:
            total += len(m.name) + mem
        for m in z.members:
            total += len(m.name) + mem
    total += obj + len(fp.config) + sum(len(z.name) + mem for z in fp.zones)
    if fp.director_only:
        limit, kind = limits.zone_db_bytes_director, "director"
    else:
        limit, kind = limits.zone_db_bytes, "default"
    return SizeEstimate.model_construct(
        bytes=total,
        limit=limit,
        limit_kind=kind,
        aliases=len(fp.aliases),
        alias_limit=limits.max_aliases,
        aliases_counted=limits.aliases_in_zone_db,
    )
