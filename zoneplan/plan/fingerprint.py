"""The fingerprint of a fabric's zoning: what a change was computed against, as one hash.

Why: ``zoneplan apply`` must refuse to run a change on a fabric that changed since the plan.
Both sides compute the same canonical form of the zoning database as the parsers read it —
defined (aliases, zones, configs), effective (the config in effect and its zones), and the
fabric-wide alias database (Cisco device-aliases) — and compare hashes. The plan records it in
``plan.json``; ``apply`` calls :func:`observation_fingerprint` on its live read.

Canonical means independent of how the switch happened to print it: objects sorted by name,
members of a zone, alias or config as sorted sets (a member list is a set to the zone server),
WWNs lower-case (the parsers normalise them). What depends on logins (the ``*``/FCID marks of
``show zoneset active``, names printed beside WWPNs) is left out: a host logging in does not
change the zoning.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any, Mapping

from ..observed import Zone, ZoneDb

if TYPE_CHECKING:
    from ..fabrics import FabricObservation

__all__ = ["canonical_zoning", "zoning_fingerprint", "observation_fingerprint"]


def _zone(z: Zone) -> dict[str, Any]:
    out: dict[str, Any] = {"members": sorted(z.members)}
    if z.principals:
        out["principals"] = sorted(z.principals)
    if z.kind != "normal":
        out["kind"] = z.kind
    if z.tags:
        out["tags"] = sorted(z.tags.items())
    return out


def _db(db: ZoneDb | None, *, effective: bool) -> dict[str, Any] | None:
    if db is None:
        return None
    out: dict[str, Any] = {
        "zones": {n: _zone(z) for n, z in sorted(db.zones.items())},
        "configs": {n: sorted(zs) for n, zs in sorted(db.configs.items())},
    }
    if not effective:
        out["aliases"] = {n: sorted(ms) for n, ms in sorted(db.aliases.items())}
    else:
        out["in_effect"] = db.effective
    return out


def canonical_zoning(
    defined: ZoneDb | None, effective: ZoneDb | None, aliases: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The zoning as plain sorted data: ``defined``, ``effective``, ``device_aliases``."""
    return {
        "defined": _db(defined, effective=False),
        "effective": _db(effective, effective=True),
        "device_aliases": dict(sorted((aliases or {}).items())),
    }


def zoning_fingerprint(
    defined: ZoneDb | None, effective: ZoneDb | None, aliases: Mapping[str, str] | None = None
) -> str:
    """sha256 hex of the canonical zoning (compact JSON, sorted keys)."""
    text = json.dumps(
        canonical_zoning(defined, effective, aliases),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def observation_fingerprint(obs: FabricObservation) -> str:
    """The fingerprint of one fabric as :func:`zoneplan.fabrics.group_by_fabric` merged it."""
    return zoning_fingerprint(obs.defined, obs.effective, obs.device_aliases)
