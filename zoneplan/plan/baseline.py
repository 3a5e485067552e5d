"""The fabric as it is: observed zoning, modes, locks and firmware, as the change engine reads it.

Why a model of its own: the change is desired state (the plan) against observed state, and the
observed side has more than zones: which configuration is in effect and whether it equals the
defined one, Cisco zone and device-alias modes, fabric distribution, open transactions and
locks, firmware, the zones of the *other* VSANs of the same switches (a device-alias is
fabric-wide). :class:`Baseline` holds all of it, vendor-neutral, in the pack's terms (alias
kinds, name rule). It is built from observed switch states by :mod:`.against` (captures now,
a live read in ``zoneplan apply``) or directly from zone databases (:meth:`Baseline.from_db`).

Observed zones are :class:`~.model.PlanZone` objects of kind ``existing`` whose members carry
their WWPN when the name resolves to one, their smart-zoning role and their alias kind: a
deletion then records exactly what the rollback must recreate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from ..observed import ZoneDb
from ..packs import VendorPack
from ..wwn import is_wwn, normalize_wwn
from .fingerprint import zoning_fingerprint
from .model import MemberRole, PlanZone, ZoneKind, ZoneMember, fast

__all__ = ["Baseline", "ObservedAlias", "ROLE_OF_TAG"]

#: smart-zoning device types as show output prints them (and as scripts send them)
ROLE_OF_TAG = {
    "init": MemberRole.INITIATOR,
    "initiator": MemberRole.INITIATOR,
    "target": MemberRole.TARGET,
    "both": MemberRole.BOTH,
}


@dataclass(slots=True)
class ObservedAlias:
    """An alias found on the fabric: its kind (the pack's name for it) and members as read."""

    name: str
    kind: str
    members: list[str]

    @property
    def wwpn(self) -> str | None:
        """The alias's pWWN when it holds exactly one member and that is a WWPN."""
        if len(self.members) == 1 and is_wwn(self.members[0]):
            return self.members[0]
        return None


@dataclass
class Baseline:
    """One fabric (a Brocade fabric or one Cisco VSAN) as observed."""

    fabric: str
    pack: VendorPack
    source: str = ""
    has_zoning: bool = True  #: a zoning database was read for this fabric
    defined_known: bool = True  #: the defined database itself was read (not only the effective)
    complete: bool = True  #: False: cut or filtered; nothing may be concluded from absence
    zones_listed: bool = True  #: every zone is known, not only those in configs (NX-OS)
    aliases: list[ObservedAlias] = field(default_factory=list)
    zones: dict[str, PlanZone] = field(default_factory=dict)
    configs: dict[str, list[str]] = field(default_factory=dict)
    effective: str | None = None  #: the config in effect (None: none, or unknown)
    effective_known: bool = True  #: the effective configuration was read
    effective_db: ZoneDb | None = None
    defined_db: ZoneDb | None = None
    device_aliases: dict[str, str] = field(default_factory=dict)
    zone_mode: str | None = None  #: Cisco ``basic`` / ``enhanced``; None: none or unknown
    sessions: list[str] = field(default_factory=list)  #: held zone sessions / locks, as said
    transactions: list[str] = field(default_factory=list)  #: open zoning transactions
    alias_locks: list[str] = field(default_factory=list)  #: alias database locks / pending
    smart_zoning: bool | None = None
    alias_distribution: bool | None = None
    alias_mode: str | None = None  #: Cisco device-alias ``basic`` / ``enhanced``
    switches: list[str] = field(default_factory=list)
    firmware: dict[str, str] = field(default_factory=dict)
    #: names and WWPNs that zones of other zone databases on the same switches use (other
    #: VSANs): a fabric-wide alias they use is never deleted
    used_elsewhere: set[str] = field(default_factory=set)
    #: zone databases on the same switches that were not read ("switch vsan N")
    unread: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  #: objects the capture printed twice
    fingerprint: str = ""

    # -- construction ------------------------------------------------------------------------
    @classmethod
    def from_db(
        cls,
        fabric: str,
        pack: VendorPack,
        defined: ZoneDb | None,
        effective: ZoneDb | None = None,
        device_aliases: Mapping[str, str] | None = None,
        **extra: object,
    ) -> Baseline:
        """A baseline from zone databases as the parsers give them."""
        das = dict(device_aliases or {})
        b = cls(fabric=fabric, pack=pack, **extra)  # type: ignore[arg-type]
        b.device_aliases = das
        b.defined_db, b.effective_db = defined, effective
        b.has_zoning = defined is not None
        if effective is not None:
            b.effective = effective.effective
            b.effective_known = True
        elif defined is not None:
            b.effective = defined.effective
            b.effective_known = defined.effective is not None
        else:
            b.effective_known = False
        b.fingerprint = zoning_fingerprint(defined, effective, das)
        if defined is None:
            return b
        b.source = b.source or defined.source
        b.complete = b.complete and defined.complete
        zone_kind = next((k for k in pack.manifest.alias_kinds if k.zone_db), None)
        db_kind = next((k for k in pack.manifest.alias_kinds if not k.zone_db), None)
        if zone_kind is not None:
            for name, members in defined.aliases.items():
                b.aliases.append(ObservedAlias(name, zone_kind.name, _norm(members)))
        if db_kind is not None:
            for name, w in das.items():
                b.aliases.append(ObservedAlias(name, db_kind.name, _norm([w])))
        b.configs = {k: list(v) for k, v in defined.configs.items()}
        b.zones = {z.name: z for z in _zones(defined, b)}
        return b

    # -- lookups --------------------------------------------------------------------------------
    def __post_init__(self) -> None:
        #: the pack's name comparison (exact, or case-folded)
        self.key = self.pack.name_key

    def alias(self, name: str, kind: str | None = None) -> ObservedAlias | None:
        """The alias of that name (and kind, when given), by the pack's name rule."""
        k = self.key(name)
        for a in self._alias_index().get(k, ()):
            if kind is None or a.kind == kind:
                return a
        return None

    def alias_of_wwpn(self, wwpn: str, kind: str) -> ObservedAlias | None:
        """The alias of a kind that holds exactly this pWWN (one-pWWN kinds: the only one)."""
        for a in self._by_wwpn().get(wwpn, ()):
            if a.kind == kind:
                return a
        return None

    def zone(self, name: str) -> PlanZone | None:
        return self._zone_index().get(self.key(name))

    def zone_by_key(self, key: str) -> PlanZone | None:
        """A zone by its name key (:meth:`key`)."""
        return self._zone_index().get(key)

    def config(self, name: str) -> str | None:
        """The config's name as the fabric spells it, when it exists."""
        k = self.key(name)
        return next((c for c in self.configs if self.key(c) == k), None)

    def names(self) -> Iterable[tuple[str, str]]:
        """Every object name of the zone database: (type, name); aliases of every kind."""
        for a in self.aliases:
            yield a.kind, a.name
        for z in self.zones:
            yield "zone", z
        for c in self.configs:
            yield "config", c

    def _alias_index(self) -> dict[str, list[ObservedAlias]]:
        idx = self.__dict__.get("_aidx")
        if idx is None:
            idx = {}
            for a in self.aliases:
                idx.setdefault(self.key(a.name), []).append(a)
            self.__dict__["_aidx"] = idx
        return idx

    def _by_wwpn(self) -> dict[str, list[ObservedAlias]]:
        idx = self.__dict__.get("_widx")
        if idx is None:
            idx = {}
            for a in self.aliases:
                w = a.wwpn
                if w is not None:
                    idx.setdefault(w, []).append(a)
            self.__dict__["_widx"] = idx
        return idx

    def _zone_index(self) -> dict[str, PlanZone]:
        idx = self.__dict__.get("_zidx")
        if idx is None:
            idx = {self.key(n): z for n, z in self.zones.items()}
            self.__dict__["_zidx"] = idx
        return idx


def _norm(members: list[str]) -> list[str]:
    """Members as observed.py spells them; a WWN that is not lower-case colon form yet is
    normalised (the parsers already do it: this is for databases built by other means)."""
    return [
        normalize_wwn(m) if is_wwn(m) and not (len(m) == 23 and m.islower()) else m for m in members
    ]


def _zones(db: ZoneDb, b: Baseline) -> list[PlanZone]:
    """Observed zones with members resolved: WWPN, smart-zoning role, alias kind."""
    pack = b.pack
    native = pack.native_alias.name
    zone_kind = next((k.name for k in pack.manifest.alias_kinds if k.zone_db), None)
    in_zone_db = set(db.aliases)
    single: dict[str, str] = {}
    for a in b.aliases:
        w = a.wwpn
        if w is not None:
            single.setdefault(a.name, w)
    cache: dict[tuple[str, str], ZoneMember] = {}

    def member(m: str, tag: str) -> ZoneMember:
        got = cache.get((m, tag))
        if got is not None:
            return got
        role = ROLE_OF_TAG.get(tag)
        if len(m) == 23 and m[2] == ":" or is_wwn(m):
            w = m if len(m) == 23 and m.islower() else normalize_wwn(m)
            zm = fast(ZoneMember, name=w, wwpn=w, ref=None, role=role, kind=None)
        else:
            kind: str | None = None
            if m in in_zone_db and m not in b.device_aliases:
                kind = zone_kind if zone_kind != native else None
            zm = fast(ZoneMember, name=m, wwpn=single.get(m), ref=None, role=role, kind=kind)
        cache[(m, tag)] = zm
        return zm

    out = []
    for z in db.zones.values():
        tags = z.tags
        out.append(
            fast(
                PlanZone,
                name=z.name,
                kind=ZoneKind.EXISTING,
                members=[member(m, tags.get(m, "")) for m in z.members],
                principals=[member(m, tags.get(m, "")) for m in z.principals],
                peer=z.kind == "peer",
                smart=bool(tags),
                wanted=None,
            )
        )
    return out
