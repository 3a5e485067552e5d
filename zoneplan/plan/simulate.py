"""The change applied to a model of the zone database: the end state, without a switch.

Why the engine has a model of its own (the test oracle is another, independent one): the end
state says which objects exist after the change (ownership in ``plan.json``), what the config
in effect will contain with aliases expanded (the access summary: who gains or loses a zone
partner) and what the verify step must find. The model follows the operations' meaning only;
it does not judge them (that is the oracle's job in the tests).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..packs import VendorPack
from .baseline import Baseline
from .model import MemberRole, Op, OpKind, PlanZone, ZoneKind, ZoneMember, fast

__all__ = ["ZoningModel", "Expanded"]


@dataclass(slots=True)
class Expanded:
    """One zone with aliases resolved: members as WWPNs (or as written when not an alias)."""

    peer: bool
    principals: frozenset[str]
    members: frozenset[str]
    roles: dict[str, MemberRole | None] = field(default_factory=dict)
    #: smart zoning: who an initiator / a target may talk to (built on first use)
    reach: dict[MemberRole, frozenset[str]] | None = field(default=None, compare=False)

    def smart_reach(self) -> dict[MemberRole, frozenset[str]]:
        """Members an initiator, a target may talk to: the other role, ``both``, untagged."""
        if self.reach is None:
            everyone = self.principals | self.members
            inits = frozenset(w for w, r in self.roles.items() if r is MemberRole.INITIATOR)
            targets = frozenset(w for w, r in self.roles.items() if r is MemberRole.TARGET)
            anyone = everyone - inits - targets
            self.reach = {
                MemberRole.INITIATOR: targets | anyone,
                MemberRole.TARGET: inits | anyone,
            }
        return self.reach


class ZoningModel:
    """Aliases (per kind), zones and configs of one fabric, keyed by the pack's name rule."""

    def __init__(self, pack: VendorPack) -> None:
        self.pack = pack
        self.key: Callable[[str], str] = pack.name_key
        self.aliases: dict[tuple[str, str], tuple[str, list[str]]] = {}
        self.zones: dict[str, PlanZone | Op] = {}
        self.configs: dict[str, tuple[str, list[str]]] = {}
        self.effective: str | None = None
        self._native = pack.native_alias.name

    @classmethod
    def of(cls, baseline: Baseline, *, zones: bool = True) -> ZoningModel:
        """The observed database as a model (``zones`` False: the aliases only, enough to
        resolve members)."""
        m = cls(baseline.pack)
        key = m.key
        m.aliases = {(a.kind, key(a.name)): (a.name, a.members) for a in baseline.aliases}
        if zones:
            m.zones = {key(n): z for n, z in baseline.zones.items()}
            m.configs = {key(c): (c, zs) for c, zs in baseline.configs.items()}
        m.effective = baseline.effective
        return m

    # -- the operations --------------------------------------------------------------------
    def apply(self, ops: Iterable[Op], enable: str | None = None) -> ZoningModel:
        native = self.pack.native_alias.name
        k = self.key
        for op in ops:
            kind = op.alias_kind or native
            o = op.op
            if o is OpKind.CREATE_ALIAS:
                self.aliases[(kind, k(op.name))] = (op.name, list(op.alias_members))
            elif o is OpKind.DELETE_ALIAS:
                self.aliases.pop((kind, k(op.name)), None)
            elif o in (OpKind.ALIAS_ADD, OpKind.ALIAS_REMOVE, OpKind.REPOINT_ALIAS):
                name, members = self.aliases.get((kind, k(op.name)), (op.name, []))
                if o is OpKind.ALIAS_ADD:
                    members = members + [w for w in op.alias_members if w not in members]
                elif o is OpKind.ALIAS_REMOVE:
                    members = [w for w in members if w not in op.alias_members]
                else:
                    members = [op.new if w == op.old else w for w in members]  # type: ignore[misc]
                self.aliases[(kind, k(op.name))] = (name, members)
            elif o is OpKind.CREATE_ZONE:
                self.zones[k(op.name)] = op  # an op reads like a zone: name, members, flags
            elif o is OpKind.DELETE_ZONE:
                self.zones.pop(k(op.name), None)
            elif o in (OpKind.ZONE_ADD, OpKind.ZONE_REMOVE):
                z = self.zones.get(k(op.name))
                if z is None:
                    continue
                if o is OpKind.ZONE_ADD:
                    zmembers = z.members + list(op.members)
                    zprincipals = z.principals + list(op.principals)
                else:
                    out = {self._mkey(m) for m in op.all_members()}
                    zmembers = [m for m in z.members if self._mkey(m) not in out]
                    zprincipals = [m for m in z.principals if self._mkey(m) not in out]
                self.zones[k(op.name)] = fast(
                    PlanZone,
                    name=z.name,
                    kind=ZoneKind.EXISTING,
                    members=zmembers,
                    principals=zprincipals,
                    peer=z.peer,
                    smart=z.smart,
                    wanted=None,
                )
            elif o is OpKind.CREATE_CONFIG:
                self.configs[k(op.name)] = (op.name, list(op.zones))
            elif o is OpKind.DELETE_CONFIG:
                self.configs.pop(k(op.name), None)
            elif o in (OpKind.CONFIG_ADD, OpKind.CONFIG_REMOVE):
                name, zs = self.configs.get(k(op.name), (op.name, []))
                if o is OpKind.CONFIG_ADD:
                    zs = zs + list(op.zones)
                else:
                    dropped = {k(n) for n in op.zones}
                    zs = [n for n in zs if k(n) not in dropped]
                self.configs[k(op.name)] = (name, zs)
        if enable is not None:
            self.effective = enable
        return self

    def _mkey(self, m: ZoneMember) -> tuple[str | None, str]:
        return (None, m.name) if m.name == m.wwpn else (m.kind, self.key(m.name))

    # -- the result ------------------------------------------------------------------------
    def alias_members(self, kind: str, name: str) -> list[str] | None:
        got = self.aliases.get((kind, self.key(name)))
        return got[1] if got is not None else None

    def resolve(self, m: ZoneMember) -> list[str]:
        """A member as the zone server enforces it: an alias's members, or itself."""
        name = m.name
        if name == m.wwpn or (len(name) == 23 and name[2] == ":"):
            return [name]  # a WWPN (members are normalised: observed.py spelling)
        got = self.aliases.get((m.kind or self._native, self.key(name)))
        return list(got[1]) if got is not None and got[1] else [name]

    def expanded(
        self,
        config: str | None,
        *,
        reuse: dict[str, Expanded] | None = None,
        touched: set[str] | None = None,
    ) -> dict[str, Expanded]:
        """The zones of a config, aliases resolved (what enabling it enforces).

        With ``reuse`` (an earlier expansion of the same config) only the zones whose keys are
        in ``touched`` are resolved again: a change of a few zones stays cheap.
        """
        if config is None:
            return {}
        got = self.configs.get(self.key(config))
        if got is None:
            return {}
        out: dict[str, Expanded] = {}
        for zname in got[1]:
            k = self.key(zname)
            z = self.zones.get(k)
            if z is None:
                continue
            if reuse is not None and touched is not None and k not in touched:
                prior = reuse.get(z.name)
                if prior is not None:
                    out[z.name] = prior
                    continue
            out[z.name] = self._expand(z)
        return out

    def _expand(self, z: PlanZone | Op) -> Expanded:
        roles: dict[str, MemberRole | None] = {}
        prin: set[str] = set()
        mem: set[str] = set()
        for target, members in ((prin, z.principals), (mem, z.members)):
            for m in members:
                for w in self.resolve(m):
                    target.add(w)
                    if z.smart and m.role is not None:
                        roles[w] = m.role
        return Expanded(z.peer, frozenset(prin), frozenset(mem), roles)

    def names(self) -> tuple[dict[str, str], set[str], set[str]]:
        """(alias name -> its single WWPN or '', zone names, config names) that exist."""
        aliases = {
            n: (ms[0] if len(ms) == 1 else "") for (_k, _key), (n, ms) in self.aliases.items()
        }
        return aliases, {z.name for z in self.zones.values()}, {n for n, _ in self.configs.values()}
