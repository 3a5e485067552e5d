"""Desired zoning (a plan) against observed zoning and logins → ZP6xx findings.

Why this shape: every comparison works on WWPN sets after aliases are resolved on each side,
so a zone that is right under another alias spelling is right, and a zone whose alias now
names a replaced HBA is wrong. An incomplete capture never yields "in sync": the fabric gets
ZP614 and no conclusion about what is absent.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterable

from ..fabrics import FabricObservation, group_by_fabric
from ..findings import Finding, Location, Severity, Subject
from ..gcpause import gc_paused
from ..model import PortRole
from ..observed import SwitchState, Zone, ZoneDb, member_kind
from ..rules import audit as R
from .access import connect_the_dots
from .isls import isl_drift

if TYPE_CHECKING:
    from ..plan.model import FabricPlan, Plan
    from ..topology import Topology

#: Roles that initiate I/O (count towards "several initiators in one zone").
_INITIATING = {PortRole.INITIATOR, PortRole.BACKEND}


@dataclass
class AuditResult:
    """Findings plus a per-fabric verdict (``in-sync``, ``drift``, ``incomplete``, ``policy``)."""

    findings: list[Finding] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)


def _resolver(  # noqa: ANN202
    db: ZoneDb | None, device_aliases: dict[str, str], assumed: dict[str, str] | None = None
):
    """Member → WWPNs. ``assumed``: when the alias database was not captured, a name the plan
    gives an alias is taken at the plan's word (no false drift; the verdict is incomplete)."""
    aliases = db.aliases if db is not None else {}
    assumed = assumed or {}
    known: dict[str, frozenset[str]] = {}  # a member recurs in many zones: resolved once

    def resolve(member: str) -> frozenset[str]:
        got = known.get(member)
        if got is None:
            got = known[member] = frozenset(resolve_once(member))
        return got

    def resolve_once(member: str) -> set[str]:
        if member_kind(member) == "name":
            if member in aliases:
                return {m for a in aliases[member] for m in resolve_plain(a)}
            if member in device_aliases:
                return {device_aliases[member]}
        return resolve_plain(member)

    def resolve_plain(member: str) -> set[str]:
        if member_kind(member) == "name":
            if member in device_aliases:
                return {device_aliases[member]}
            if member in assumed:
                return {assumed[member]}
        return {member}

    return resolve


ZoneSet = Callable[[Zone], "set[str]"]


def _zone_sets(resolve: Callable[[str], frozenset[str] | set[str]]) -> ZoneSet:
    """A zone → its members' WWPNs with ``resolve`` (memoised per member).

    Why not memoised per zone: each zone is asked for by few checks, and keeping 100,000 sets
    alive cost more (fresh memory touched under load) than resolving a zone again from the
    per-member memo (measured: docs/benchmarks.md, audit diff)."""

    def zone_set(zone: Zone) -> set[str]:
        return set().union(*map(resolve, zone.all_members()))

    return zone_set


@dataclass
class _Resolved:
    """The zone resolvers of one fabric, made once and shared by every check of the audit
    (each member resolved once per fabric, not once per check).

    ``plain``: aliases and device-aliases expanded; ``ports``: port members (``D,I``, FCID,
    interface) also matched to the logins on those ports (the policy checks).
    """

    plain: ZoneSet
    ports: ZoneSet
    plain_member: Callable[[str], frozenset[str]]
    ports_member: Callable[[str], set[str]]

    @classmethod
    def of(cls, obs: FabricObservation) -> _Resolved:
        resolve = _resolver(obs.defined, obs.device_aliases)
        ports = _by_port(resolve, obs)
        return cls(_zone_sets(resolve), _zone_sets(ports), resolve, ports)


def _parts(*parts: tuple[str, list[str]]) -> str:
    """``extra a, b; missing c`` from (label, items) pairs, empty ones left out."""
    return "; ".join(f"{label} {', '.join(items)}" for label, items in parts if items)


def _loc(db: ZoneDb | None, line: int | None = None, fallback: str = "") -> Location:
    return Location(db.source if db is not None and db.source else fallback, line)


def _planned_sets(fp: FabricPlan) -> dict[str, set[str]]:
    alias_wwpn = {a.name: a.wwpn for a in fp.aliases}
    out: dict[str, set[str]] = {}
    for z in fp.zones:
        out[z.name] = {m.wwpn or alias_wwpn.get(m.name, m.name) for m in z.all_members()}
    return out


def _compare_plan(
    fp: FabricPlan, obs: FabricObservation, resolved: _Resolved, findings: list[Finding]
) -> bool:
    """Plan vs defined/effective zoning; returns True when nothing drifted."""
    before = len(findings)
    db, eff = obs.defined, obs.effective
    src = obs.source()
    if obs.aliases_unknown:  # the plan's alias names are taken at its word
        planned_alias = {a.name: a.wwpn for a in fp.aliases}
        resolve = _resolver(db, obs.device_aliases, planned_alias)
        zone_set = _zone_sets(resolve)
    else:  # the same resolution as every other check of the fabric: shared
        zone_set = resolved.plain
        resolve = resolved.plain_member
    planned = _planned_sets(fp)
    kept = {z.name for z in fp.zones if z.kind.value == "existing"}
    assert db is not None
    for name, want in planned.items():
        zone = db.zones.get(name)
        if zone is None:
            findings.append(
                R.ZoneMissing.make(
                    f"fabric {fp.name}: planned zone {name} is not defined",
                    _loc(db, None, src),
                    subject=name,
                )
            )
            continue
        got = zone_set(zone)
        if got != want and name not in kept:
            extra, missing = sorted(got - want), sorted(want - got)
            text = _parts(("extra", extra), ("missing", missing))
            findings.append(
                R.MemberDrift.make(
                    f"fabric {fp.name}: zone {name}: {text}", _loc(db, zone.line, src), subject=name
                )
            )
    for name in sorted(n for n in db.zones if n not in planned):  # only the unplanned sorted
        findings.append(
            R.UnexpectedZone.make(
                f"fabric {fp.name}: zone {name} is not in the plan",
                _loc(db, db.zones[name].line, src),
                subject=name,
            )
        )
    for a in fp.aliases:
        got = _observed_alias(a.name, db, obs.device_aliases, resolve)
        if got is None and obs.aliases_unknown:
            continue  # not captured (a gap of the verdict), not missing
        if got is None:
            findings.append(
                R.AliasDrift.make(
                    f"fabric {fp.name}: alias {a.name} ({a.wwpn}) is missing",
                    _loc(db, None, src),
                    subject=a.name,
                )
            )
        elif got != {a.wwpn}:
            findings.append(
                R.AliasDrift.make(
                    f"fabric {fp.name}: alias {a.name} is {', '.join(sorted(got))}, planned {a.wwpn}",
                    _loc(db, None, src),
                    subject=a.name,
                    severity=Severity.ERROR,  # re-pointed: another device has its access
                    about=Subject(wwpn=a.wwpn),
                )
            )
    cfg_zones = db.configs.get(fp.config)
    if cfg_zones is None:
        findings.append(
            R.ZoneMissing.make(
                f"fabric {fp.name}: planned configuration {fp.config} is not defined",
                _loc(db, None, src),
                subject=fp.config,
            )
        )
    else:
        for name in sorted(set(planned) - set(cfg_zones)):
            if name in db.zones:
                findings.append(
                    R.ZoneMissing.make(
                        f"fabric {fp.name}: zone {name} is defined but not in configuration {fp.config}",
                        _loc(db, db.zones[name].line, src),
                        subject=name,
                    )
                )
    if eff is not None:
        if eff.effective != fp.config:
            findings.append(
                R.EffectiveNotPlanned.make(
                    f"fabric {fp.name}: effective configuration is {eff.effective or 'none'}, planned {fp.config}",
                    _loc(eff, None, src),
                    subject=fp.config,
                )
            )
        else:
            absent = sorted(set(planned) - set(eff.zones))
            # a zone in effect that is neither planned nor defined (ZP602 names the defined
            # ones) is still enforced: removed from the defined cfg but never enabled
            unplanned = sorted(set(eff.zones) - set(planned) - set(db.zones))
            if unplanned:
                findings.append(
                    R.EffectiveNotPlanned.make(
                        f"fabric {fp.name}: {len(unplanned)} zone(s) in effect are neither planned "
                        f"nor defined: {', '.join(unplanned[:5])}"
                        + (" …" if len(unplanned) > 5 else ""),
                        _loc(eff, None, src),
                        subject=fp.config,
                    )
                )
            if absent:
                findings.append(
                    R.EffectiveNotPlanned.make(
                        f"fabric {fp.name}: {len(absent)} planned zone(s) not effective: {', '.join(absent[:5])}"
                        + (" …" if len(absent) > 5 else ""),
                        _loc(eff, None, src),
                        subject=fp.config,
                    )
                )
    return len(findings) == before


def _observed_alias(
    name: str,
    db: ZoneDb,
    device_aliases: dict[str, str],
    resolve: Callable[[str], frozenset[str]],
) -> set[str] | None:
    """What the switches' alias ``name`` stands for (an alias before a device-alias of that
    name), None when neither is defined. Asked per planned alias: the others are not read."""
    members = db.aliases.get(name)
    if members is not None:
        return {w for m in members for w in resolve(m)}
    w = device_aliases.get(name)
    return {w} if w is not None else None


def _policy(
    obs: FabricObservation,
    topology: Topology | None,
    resolved: _Resolved,
    findings: list[Finding],
) -> None:
    """Checks that need no plan: transactions, locks, zone hygiene, logins against zones."""
    src = obs.source()
    for sw, t in obs.transactions:
        if t.state != "none":
            how = (
                "abortable"
                if t.abortable
                else ("not abortable" if t.abortable is False else "abortability unknown")
            )
            findings.append(
                R.OpenTransaction.make(
                    f"{sw}: a zoning transaction is open (token {t.token or '?'}, {how}); zoneplan will not abort it",
                    Location(f"{sw}:cfgtransshow"),
                    subject=sw,
                )
            )
    for sw, st in obs.statuses:
        if st.busy:
            who = f" by {st.session_user}" if st.session_user else ""
            findings.append(
                R.ZoneSessionLocked.make(
                    f"{sw}: zone session on VSAN {st.vsan} is held ({st.session}){who}; zoneplan will not clear it",
                    Location(f"{sw}:show zone status vsan {st.vsan}"),
                    subject=sw,
                )
            )
    eff = obs.effective
    if eff is None and obs.defined is None:
        return
    zone_set = resolved.ports
    _defined_vs_effective(obs, zone_set, findings)
    _defined_checks(obs, resolved.ports_member, topology, findings)
    if eff is None:
        return  # zone size and initiators: zones in effect only (a defined zone zones nobody)
    db = eff
    role_of: dict[str, PortRole | None] = {}
    if topology is not None:
        role_of = {w: refs[0].role for w, refs in topology.by_wwpn.items()}
    zoned: set[str] = set()
    zones = db.zones
    for name in sorted(zones):
        zone = zones[name]
        members = zone_set(zone)
        zoned |= members
        if len(members) < 2:
            findings.append(
                R.ZoneTooSmall.make(
                    f"zone {name} has {len(members)} member(s)",
                    _loc(db, zone.line, src),
                    subject=name,
                )
            )
        if topology is not None:
            member_roles = list(map(role_of.get, members))
            roles = set(member_roles)
            if PortRole.MIRROR in roles and roles - {PortRole.MIRROR}:
                findings.append(
                    R.LiveMirrorZoneImpure.make(
                        f"zone {name} mixes cluster mirror ports with other ports",
                        _loc(db, zone.line, src),
                        subject=name,
                    )
                )
        if zone.kind == "peer" or zone.tags:
            continue
        if topology is not None:
            initiators = sum(map(_INITIATING.__contains__, member_roles))
        else:
            initiators = sum(
                1
                for w in members
                if (lg := obs.logins.get(w)) is not None and lg.device_type == "initiator"
            )
        if initiators > 1:
            findings.append(
                R.MultiInitiatorZone.make(
                    f"zone {name} holds {initiators} initiators",
                    _loc(db, zone.line, src),
                    subject=name,
                )
            )
    if eff is None or not eff.complete or not obs.logins_from:
        return
    logins = obs.logins
    for wwpn in sorted(logins.keys() - zoned):  # only the unzoned ones sorted
        login = logins[wwpn]
        where = f" on {login.switch} port {login.port}" if login.switch and login.port else ""
        findings.append(
            R.UnzonedLogin.make(
                f"{wwpn}{where} is logged in but in no effective zone",
                _loc(eff, None, src),
                subject=wwpn,
            )
        )
    if topology is None or set(obs.switches) >= {
        s for s, f in topology.switch_fabric.items() if f == obs.fabric
    }:
        for wwpn in sorted(zoned - logins.keys()):
            if member_kind(wwpn) == "wwn":
                findings.append(
                    R.ZonedNotLoggedIn.make(
                        f"zone member {wwpn} is not logged in on fabric {obs.fabric}",
                        _loc(eff, None, src),
                        subject=wwpn,
                    )
                )


def _fcid_domain(fcid: str | None) -> int | None:
    if fcid and fcid[:2] == "0x" and len(fcid) == 8:
        try:
            return int(fcid[2:4], 16)
        except ValueError:
            return None
    return None


def _by_port(resolve, obs: FabricObservation):  # noqa: ANN001, ANN202
    """``resolve`` that also matches port members to the logins on those ports.

    Brocade ``D,I`` (domain, port index), NX-OS ``interface fcS/P domain-id D``, ``interface
    fcS/P swwn W``, ``fcid 0x..``: a port zone zones whatever
    logs in on that port, so a port-zoned device is not "unzoned". The domain is the login's
    FCID's first byte; an ``swwn`` member matches its port on the switch of that WWN (from its
    switchshow / show switch identity), else where one switch of the fabric has logins there."""
    by_di: dict[tuple[int, str], set[str]] = {}
    by_fcid: dict[str, set[str]] = {}
    by_if: dict[str, dict[str, set[str]]] = {}
    for wwpn, lg in obs.logins.items():
        if lg.fcid:
            by_fcid.setdefault(lg.fcid.lower(), set()).add(wwpn)
        if lg.port is None:
            continue
        dom = _fcid_domain(lg.fcid)
        if dom is not None:
            by_di.setdefault((dom, str(lg.port)), set()).add(wwpn)
        by_if.setdefault(str(lg.port), {}).setdefault(lg.switch or "", set()).add(wwpn)

    known: dict[str, set[str]] = {}  # a member recurs in many zones: matched once

    def port_resolve(member: str) -> set[str]:
        got = known.get(member)
        if got is None:
            got = known[member] = match(member)
        return got

    def match(member: str) -> set[str]:
        kind = member_kind(member)
        if kind == "di":
            d, _, i = member.partition(",")
            if d.strip().isdecimal():
                return by_di.get((int(d), i.strip()), set()) or {member}
        elif kind == "fcid":
            return by_fcid.get(member.split()[-1].lower(), set()) or {member}
        elif kind == "interface":
            tok = member.split()
            if len(tok) >= 4 and tok[2] == "domain-id" and tok[3].isdecimal():
                return by_di.get((int(tok[3]), tok[1]), set()) or {member}
            switches = by_if.get(tok[1], {})
            if len(tok) >= 4 and tok[2] == "swwn":
                on = obs.switch_wwns.get(tok[3].lower())
                if on is not None:
                    return switches.get(on, set()) or {member}
            if len(switches) == 1:
                return next(iter(switches.values()))
        return resolve(member)

    return port_resolve


def _defined_checks(
    obs: FabricObservation,
    resolve,  # noqa: ANN001
    topology: Topology | None,
    findings: list[Finding],
) -> None:
    """The defined configuration, checked as well as the effective one.

    ZP624: a config naming a zone that is not defined, a zone naming an alias that is not
    (when the alias database was read whole); ZP608 (info): a member of a defined zone that is
    not in effect and not logged in (a stale member found before the config is next enabled).
    """
    defined = obs.defined
    if defined is None or not defined.complete:
        return
    src = obs.source()

    def dangling(what: str, name: str, missing: list[str], kind: str, line: int | None) -> None:
        if missing:
            findings.append(
                R.DefinedZoningDangling.make(
                    f"{what} {name} names {len(missing)} {kind} that are not defined: "
                    + ", ".join(missing[:5])
                    + (" …" if len(missing) > 5 else ""),
                    _loc(defined, line, src),
                    subject=name,
                )
            )

    for cfg, zones in sorted(defined.configs.items()):
        dangling("config", cfg, [z for z in zones if z not in defined.zones], "zone(s)", None)
    if not obs.aliases_unknown:
        aliases, device_aliases = defined.aliases, obs.device_aliases
        for name, zone in sorted(defined.zones.items()):
            missing = [  # the look-ups first: most members are defined aliases
                m
                for m in zone.all_members()
                if m not in aliases and m not in device_aliases and member_kind(m) == "name"
            ]
            dangling("zone", name, missing, "alias(es)", zone.line)
    eff = obs.effective
    if not obs.logins_from or (
        topology is not None
        and not set(obs.switches)
        >= {s for s, f in topology.switch_fabric.items() if f == obs.fabric}
    ):
        return
    in_effect = eff.zones if eff is not None else {}
    for name in sorted(n for n in defined.zones if n not in in_effect):
        zone = defined.zones[name]
        for m in zone.all_members():
            for w in sorted(resolve(m)):
                if member_kind(w) == "wwn" and w not in obs.logins:
                    findings.append(
                        R.ZonedNotLoggedIn.make(
                            f"member {w} of defined zone {name} (not in effect) is not logged "
                            f"in on fabric {obs.fabric}",
                            _loc(defined, zone.line, src),
                            subject=w,
                            severity=Severity.INFO,
                        )
                    )


def _defined_vs_effective(
    obs: FabricObservation, zone_set: ZoneSet, findings: list[Finding]
) -> None:
    """ZP605: the defined copy of the effective configuration is not what is in effect.

    Two copies with the same member list are the same zone: only the others are resolved."""
    defined, eff = obs.defined, obs.effective
    if (
        defined is None
        or eff is None
        or not eff.effective
        or not (defined.complete and eff.complete)
    ):
        return
    zones = defined.configs.get(eff.effective)
    if zones is None:
        return
    changed = sorted(set(zones) ^ set(eff.zones))
    for name in sorted(set(zones) & set(eff.zones)):
        dz = defined.zones.get(name)
        if dz is None:
            continue
        ez = eff.zones[name]
        if dz.all_members() != ez.all_members() and zone_set(dz) != zone_set(ez):
            changed.append(name)
    if changed:
        findings.append(
            R.DefinedNotEffective.make(
                f"configuration {eff.effective}: {len(changed)} zone(s) differ between the defined "
                f"and the effective copy (not enabled yet?): {', '.join(changed[:5])}"
                + (" …" if len(changed) > 5 else ""),
                _loc(defined, None, obs.source()),
                subject=eff.effective,
            )
        )


def _cabling(
    observations: dict[str, FabricObservation], topology: Topology, findings: list[Finding]
) -> None:
    declared = {f.name for f in topology.inventory.fabrics}
    for obs in observations.values():
        for wwpn, login in sorted(obs.logins.items()):
            for ref in topology.by_wwpn.get(wwpn, ()):
                planned = topology.cabled_to.get(ref.ref)
                if planned is None:
                    continue
                fab = topology.switch_fabric.get(planned[0])  # topology.fabric_of(ref)
                if fab != obs.fabric and obs.fabric in declared:
                    findings.append(
                        R.Miscabled.make(
                            f"{ref.ref} ({wwpn}) logged in on fabric {obs.fabric}, planned on fabric {fab} ({planned[0]} port {planned[1]})",
                            topology.locate(ref.path),
                            subject=ref.ref,
                        )
                    )
                elif (
                    login.switch
                    and login.port
                    and (login.switch, str(login.port)) != planned
                    and login.switch in topology.switches
                ):
                    findings.append(
                        R.Miscabled.make(
                            f"{ref.ref} ({wwpn}) logged in on {login.switch} port {login.port}, planned on {planned[0]} port {planned[1]}",
                            topology.locate(ref.path),
                            subject=ref.ref,
                        )
                    )


@gc_paused(freeze=True)  # many small objects, few of them garbage
def audit(
    plan: Plan | None,
    topology: Topology | None,
    states: Iterable[SwitchState],
    *,
    fabric: str | None = None,
) -> AuditResult:
    """Compare; with ``plan=None`` only the policy checks run (the live config alone).

    ``fabric``: that fabric only (the other fabrics' observations are left out). Every
    finding made for a fabric names it in ``about.fabric``.
    """
    result = AuditResult()
    findings = result.findings
    states = list(states)
    observations = group_by_fabric(states, topology)
    planned = {fp.name: fp for fp in plan.fabrics} if plan is not None else {}
    if fabric is not None:
        observations = {k: v for k, v in observations.items() if k == fabric}
        planned = {k: v for k, v in planned.items() if k == fabric}
    marks: list[tuple[int, str]] = []  #: (first finding, fabric) of each fabric's findings
    resolved = {name: _Resolved.of(obs) for name, obs in observations.items()}
    for name in sorted(set(planned) | set(observations)):
        marks.append((len(findings), name))
        obs = observations.get(name)
        fp = planned.get(name)
        if obs is None:
            findings.append(
                R.AuditIncomplete.make(
                    f"fabric {name}: nothing was captured from its switches",
                    Location(name),
                    subject=name,
                )
            )
            result.verdicts[name] = "incomplete"
            continue
        _policy(obs, topology, resolved[name], findings)
        _differing_copies(obs, findings)
        if fp is None:
            result.verdicts[name] = "policy"
            continue
        db, eff = obs.defined, obs.effective
        gaps = [
            f"no {what} captured"
            for what, got in (("defined zoning", db), ("effective zoning", eff))
            if got is None
        ]
        gaps += [
            f"{what} incomplete"
            for what, got in (("defined zoning", db), ("effective zoning", eff))
            if got is not None and not got.complete
        ]
        if obs.partial:
            gaps.append(f"switch(es) {', '.join(obs.partial)} only partly read")
        if obs.unmet:
            shown = obs.unmet[:6]
            more = f" and {len(obs.unmet) - 6} more" if len(obs.unmet) > 6 else ""
            gaps.append(f"{'; '.join(shown)}{more}")
        if obs.differing:
            gaps.append(
                f"switch(es) {', '.join(sorted({d.switch for d in obs.differing}))} hold "
                "another copy of the zoning (ZP623)"
            )
        held = [sw for sw, t in obs.transactions if t.state != "none"]
        held += [sw for sw, st in obs.statuses if st.busy]
        if held:
            gaps.append(
                f"zoning changes pending on {', '.join(sorted(set(held)))} (open transaction or "
                "held session): what is in effect may change when they are committed"
            )
        if topology is not None:
            unread = sorted(
                s for s, f in topology.switch_fabric.items() if f == name and s not in obs.switches
            )
            if unread:
                gaps.append(
                    f"switch(es) {', '.join(unread)} not read (their logins and cables unchecked)"
                )
        if gaps:
            findings.append(
                R.AuditIncomplete.make(
                    f"fabric {name}: {'; '.join(gaps)}: cannot tell what is absent",
                    Location(obs.source()),
                    subject=name,
                )
            )
        clean = _compare_plan(fp, obs, resolved[name], findings) if db is not None else False
        if not clean and db is not None:
            result.verdicts[name] = "drift"
        elif gaps:
            result.verdicts[name] = "incomplete"
        else:
            result.verdicts[name] = "in-sync"
            findings.append(
                R.InSync.make(
                    f"fabric {name}: zoning matches the plan ({len(fp.zones)} zones, {len(fp.aliases)} aliases)",
                    Location(obs.source()),
                    subject=name,
                )
            )
    _stamp_fabrics(findings, marks)
    if topology is not None:
        for name, obs in observations.items():
            marks = [(len(findings), name)]
            _cabling({name: obs}, topology, findings)
            _stamp_fabrics(findings, marks)
        findings += [
            f for f in isl_drift(topology, states) if fabric is None or f.about.fabric == fabric
        ]
        findings[:] = connect_the_dots(
            findings, planned, observations, topology, lambda obs: resolved[obs.fabric].ports
        )
    return result


def _differing_copies(obs: FabricObservation, findings: list[Finding]) -> None:
    """ZP623 per switch whose copy of the zoning is not the one compared; an error when
    the configuration in effect differs (hosts there see other zones)."""
    for d in obs.differing:
        findings.append(
            R.ZoningCopiesDiffer.make(
                f"fabric {obs.fabric}: {d.switch}'s {d.which} zoning differs from {d.used}'s "
                f"(the copy audited): {d.detail}",
                Location(f"{d.switch}:zoning"),
                subject=d.switch,
                severity=Severity.ERROR if d.which == "effective" else None,
                hint="a segmented fabric, an unmerged zoning database or a change half done",
            )
        )


def _stamp_fabrics(findings: list[Finding], marks: list[tuple[int, str]]) -> None:
    """Set ``about.fabric`` on the findings made for each fabric (from its mark on)."""
    if not marks:  # no fabric at all (nothing captured could be read): nothing to stamp
        return
    ends = [start for start, _ in marks[1:]] + [len(findings)]
    for (start, name), end in zip(marks, ends, strict=True):
        for i in range(start, end):
            f = findings[i]
            if not f.about.fabric:
                findings[i] = replace(f, about=replace(f.about, fabric=name))
