"""The change: desired state (a fabric's plan) against observed state (a :class:`Baseline`).

Why this is the product's core: every real fabric already has zoning, and the script must be
one a careful admin pastes into production unedited. So the change

* edits the configuration **in effect** (never creates and enables one beside it); a plan's
  config that exists but is not in effect is never enabled (ZP553);
* keeps every **foreign** object (one zoneplan did not create: the previous plan.json's
  ownership record says which are zoneplan's) and never edits one: an alias of the plan's name
  holding another WWPN, or a zone of the plan's name with members the plan does not have,
  stops the fabric (ZP556) instead of zoning the wrong device;
* changes objects at the **lowest level** that does the job: a replaced HBA (the same
  inventory port, a new WWPN, the alias zoneplan made for it) re-points the alias (``aliadd``
  new / ``aliremove`` old, or a device-alias given the new pWWN) and leaves the zones alone,
  except where zones hold pWWNs rather than alias names (Cisco device-alias basic mode), where
  the old pWWN is swapped for the new one in each zone;
* removes only with ``allow_delete``, only what zoneplan created and the plan no longer has,
  never on an unreliable capture (ZP558), never a fabric-wide alias that a zone of any VSAN
  uses or that unread VSANs might use (ZP562), never the last zone of a config;
* enables the config only when its content changes, and refuses to publish a pending change
  (defined ≠ effective, ZP555) or to enable zoning where none is in effect (ZP554) unless told.

Findings of severity fatal block the fabric: no script is written for it. Everything else the
admin must know is in the change's notes and in warnings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..findings import Finding, Severity
from ..observed import ZoneDb
from ..packs import AliasKind, VendorPack, load_pack
from ..rules.base import Rule
from ..rules.change import (
    AliasKept,
    CaptureLacksZoning,
    CaseOnlyCollision,
    ConfigNotInEffect,
    DeleteOnUnreliableCapture,
    ForeignObject,
    NoConfigInEffect,
    NoOwnershipRecord,
    PendingChange,
    SmartZoningEnabled,
    ZoningBusy,
)
from .access import access_changes
from .baseline import ROLE_OF_TAG, Baseline
from .firmware import check_features, older_than
from .model import (
    FabricChange,
    FabricPlan,
    ForeignKept,
    ObservedSummary,
    Op,
    OpKind,
    OwnedAlias,
    Ownership,
    ZoneKind,
    ZoneMember,
)
from .ops import (
    Phase,
    inverse,
    op_alias,
    op_config,
    op_create_zone,
    op_delete_zone,
    op_smart_zoning,
    op_zone_members,
    order,
)
from .simulate import Expanded, ZoningModel

__all__ = ["ChangeOptions", "ChangeResult", "compute_change", "greenfield_change"]


@dataclass
class ChangeOptions:
    """What the admin allowed (the ``plan`` command's flags) and what zoneplan owns."""

    allow_delete: bool = False
    enable_zoning: bool = False  #: enable a config where none is in effect
    accept_pending: bool = False  #: enabling may publish a pending change
    ownership: Ownership | None = None  #: from the previous plan.json (None: no record)
    firmware: Mapping[str, str] = field(default_factory=dict)  #: switch -> version (inventory)
    names: Mapping[str, str] = field(default_factory=dict)  #: WWPN -> inventory port, for notes


@dataclass
class ChangeResult:
    """One fabric's change and what computing it found; ``blocked``: no script may be written."""

    change: FabricChange
    findings: list[Finding] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return any(f.severity is Severity.FATAL for f in self.findings)


def _counts(ops: list[Op]) -> dict[str, int]:
    out: dict[str, int] = {}
    for op in ops:
        out[op.op.value] = out.get(op.op.value, 0) + 1
    return out


def _alias_phase(kind: AliasKind, create: bool) -> Phase:
    if kind.zone_db:
        return Phase.ALIAS_CREATE if create else Phase.ALIAS_DELETE
    return Phase.ALIAS_DB_CREATE if create else Phase.ALIAS_DB_DELETE


def _zone_db_op(op: Op, pack: VendorPack) -> bool:
    """True for operations on the zone database (everything but separate alias databases)."""
    if op.alias_kind is None and op.op not in (
        OpKind.CREATE_ALIAS,
        OpKind.DELETE_ALIAS,
        OpKind.ALIAS_ADD,
        OpKind.ALIAS_REMOVE,
        OpKind.REPOINT_ALIAS,
    ):
        return True
    return pack.alias_kind(op.alias_kind).zone_db


def _features(ops: list[Op], pack: VendorPack, enables: bool) -> set[str]:
    used: set[str] = set()
    for op in ops:
        if op.peer and op.op in (OpKind.CREATE_ZONE, OpKind.ZONE_ADD):
            used.add("peer_zones")
        if op.op in (OpKind.SMART_ZONING, OpKind.SMART_ZONING_OFF) or (
            op.smart and op.op in (OpKind.CREATE_ZONE, OpKind.ZONE_ADD)
        ):
            used.add("smart_zoning")
    if enables or any(_zone_db_op(op, pack) for op in ops):
        used.add("noninteractive_save")
    return used


class _Run:
    """The state of one computation: pack, options, findings, phased operations."""

    def __init__(self, fp: FabricPlan, pack: VendorPack, opts: ChangeOptions) -> None:
        self.fp = fp
        self.pack = pack
        self.opts = opts
        self.key = pack.name_key
        self.findings: list[Finding] = []
        self.notes: list[str] = list(fp.notes)
        self.phased: list[tuple[Phase, int, Op]] = []

    def add(self, phase: Phase, op: Op) -> None:
        self.phased.append((phase, len(self.phased), op))

    def stop(self, rule: type[Rule], message: str, hint: str = "") -> None:
        self.findings.append(rule.make(message, subject=self.fp.name, hint=hint))

    def warn(self, rule: type[Rule], message: str, hint: str = "") -> None:
        self.findings.append(
            rule.make(message, subject=self.fp.name, hint=hint, severity=Severity.WARNING)
        )


# ------------------------------------------------------------------------------- greenfield


def greenfield_change(fp: FabricPlan, opts: ChangeOptions | None = None) -> ChangeResult:
    """A new fabric: create every alias and zone, create the config and enable it.

    Kept zones (``existing_zones``) cannot exist on a new fabric: they are left out, noted.
    """
    opts = opts or ChangeOptions()
    pack = load_pack(fp.pack)
    run = _Run(fp, pack, opts)
    native = pack.native_alias
    for a in fp.aliases:
        run.add(_alias_phase(native, True), op_alias(OpKind.CREATE_ALIAS, a.name, None, [a.wwpn]))
    created = fp.created_zones()
    kept = [z.name for z in fp.zones if z.kind is ZoneKind.EXISTING]
    if kept:
        run.notes.append(
            f"{len(kept)} kept zone(s) of the inventory are not created on a new fabric: "
            + ", ".join(kept[:5])
            + (" ..." if len(kept) > 5 else "")
        )
    if any(z.smart for z in created):
        run.add(Phase.SMART, op_smart_zoning())
    for z in created:
        run.add(Phase.ZONE_CREATE, op_create_zone(z))
    enable = None
    if created:
        run.add(Phase.CONFIG, op_config(OpKind.CREATE_CONFIG, fp.config, [z.name for z in created]))
        enable = fp.config
    ops = order(run.phased)
    run.findings += check_features(
        pack, fp.name, _features(ops, pack, enable is not None), opts.firmware, fp.switches
    )
    model = ZoningModel(pack).apply(ops, enable)
    owned_aliases, zones, configs = model.names()
    refs = {a.name: a.ref for a in fp.aliases}
    ownership = Ownership.model_construct(
        aliases={
            n: OwnedAlias.model_construct(wwpn=w, ref=refs.get(n)) for n, w in owned_aliases.items()
        },
        zones=sorted(zones),
        configs=sorted(configs),
    )
    irreversible = None
    if enable is not None:
        irreversible = (
            f"this change enables zoning on fabric {fp.name} (config {enable}); zoneplan never "
            "disables zoning, so the rollback leaves it as it is: to undo the change, disable "
            "zoning by hand and delete what the script created"
        )
    change = FabricChange.model_construct(
        fabric=fp.name,
        mode="greenfield",
        against=None,
        config=fp.config,
        enable=enable,
        save=enable is None and any(_zone_db_op(op, pack) for op in ops),
        ops=ops,
        rollback_ops=[] if irreversible else inverse(ops),
        rollback_enable=None,
        irreversible=irreversible,
        counts=_counts(ops),
        foreign_kept=ForeignKept(),
        access=access_changes({}, model.expanded(enable), opts.names),
        ownership=ownership,
        alias_switches=[],
        notes=run.notes,
        files={},
        interactive_save=_interactive(pack, fp.switches, opts.firmware),
    )
    return ChangeResult(change, run.findings)


def _interactive(pack: VendorPack, switches: list[str], firmware: Mapping[str, str]) -> bool:
    """True when a switch is known to be older than the non-interactive save (FOS ``-f``)."""
    need = pack.manifest.firmware.get("noninteractive_save")
    if need is None:
        return False
    return any(older_than(firmware.get(s, ""), need.version) for s in switches)


# ------------------------------------------------------------------------------ incremental


def compute_change(fp: FabricPlan, base: Baseline, opts: ChangeOptions) -> ChangeResult:
    """The change that turns the observed fabric into the plan, with its inverse."""
    pack = base.pack
    run = _Run(fp, pack, opts)
    key = run.key
    summary = ObservedSummary.model_construct(
        source=base.source,
        fingerprint=base.fingerprint,
        config_in_effect=base.effective,
        zone_mode=base.zone_mode,
        alias_distribution=base.alias_distribution,
        alias_mode=base.alias_mode,
        smart_zoning=base.smart_zoning,
        switches=list(base.switches),
        firmware=dict(base.firmware),
    )

    def result(ops: list[Op] | None = None, **more: object) -> ChangeResult:
        ops = ops or []
        data: dict[str, Any] = dict(
            fabric=fp.name,
            mode="incremental",
            against=summary,
            config=fp.config,
            enable=None,
            save=False,
            ops=ops,
            rollback_ops=inverse(ops),
            rollback_enable=None,
            irreversible=None,
            counts=_counts(ops),
            foreign_kept=ForeignKept(),
            access=[],
            ownership=opts.ownership or Ownership(),
            alias_switches=[],
            notes=run.notes,
            files={},
            interactive_save=False,
        )
        data.update(more)
        return ChangeResult(FabricChange.model_construct(**data), run.findings)

    # -- the capture must be usable ----------------------------------------------------------
    if not base.has_zoning:
        run.stop(
            CaptureLacksZoning,
            f"the capture of fabric {fp.name} has no zoning database "
            f"({base.source or 'no zoning output'})",
            hint="capture it with `zoneplan collect INV --out cap/` and rerun with --against cap/",
        )
        return result()
    busy = base.transactions + base.sessions + base.alias_locks
    if busy:
        run.stop(
            ZoningBusy,
            f"fabric {fp.name}: zoning is being changed: {'; '.join(busy)}",
            hint="let whoever holds it finish (or abort their own change), capture again, rerun",
        )
        return result()
    if opts.allow_delete and not base.complete:
        run.stop(
            DeleteOnUnreliableCapture,
            f"fabric {fp.name}: --allow-delete on an incomplete capture ({base.source}): what "
            "looks unused may be in use",
            hint="capture again until it reads cleanly, then rerun",
        )
        return result()

    owned = opts.ownership or Ownership()
    owned_alias = {key(n): (n, rec) for n, rec in owned.aliases.items()}
    owned_zone = {key(n) for n in owned.zones}
    owned_cfg = {key(n) for n in owned.configs}
    if opts.allow_delete and opts.ownership is None:
        run.warn(
            NoOwnershipRecord,
            f"fabric {fp.name}: no record of what zoneplan created (no previous plan.json): "
            "--allow-delete removes nothing",
        )
    twins = _TwinIndex(base, pack)
    native = pack.native_alias

    # -- aliases ---------------------------------------------------------------------------
    use: dict[str, tuple[str, str | None]] = {}  #: planned alias key -> (name, kind) on fabric
    repointed: dict[str, str] = {}  #: old pWWN -> new pWWN
    planned_alias_keys = set()
    for a in fp.aliases:
        planned_alias_keys.add(key(a.name))
        obs = base.alias(a.name, native.name)
        if obs is not None:
            if obs.members == [a.wwpn]:
                continue
            rec = owned_alias.get(key(a.name))
            old = obs.wwpn
            if rec is not None and old is not None and rec[1].wwpn == old and rec[1].ref == a.ref:
                if native.single_wwpn:
                    other = base.alias_of_wwpn(a.wwpn, native.name)
                    if other is not None:
                        run.stop(
                            ForeignObject,
                            f"fabric {fp.name}: {a.wwpn} (the new WWPN of {a.ref}) already has "
                            f"the {native.name} {other.name}: {obs.name} cannot be re-pointed",
                            hint=f"remove or rename {other.name} first",
                        )
                        continue
                    run.add(
                        _alias_phase(native, True),
                        op_alias(
                            OpKind.REPOINT_ALIAS, obs.name, None, [a.wwpn], old=old, new=a.wwpn
                        ),
                    )
                else:
                    run.add(
                        _alias_phase(native, True),
                        op_alias(OpKind.ALIAS_ADD, obs.name, None, [a.wwpn]),
                    )
                    run.add(
                        _alias_phase(native, True),
                        op_alias(OpKind.ALIAS_REMOVE, obs.name, None, [old]),
                    )
                repointed[old] = a.wwpn
                run.notes.append(
                    f"{native.name} {obs.name} re-pointed: {old} -> {a.wwpn} (HBA of {a.ref} "
                    "replaced)"
                )
                continue
            run.stop(
                ForeignObject,
                f"fabric {fp.name}: {native.name} {obs.name} holds {', '.join(obs.members)}; "
                f"the plan wants it for {a.ref} ({a.wwpn}) and zoneplan did not create it "
                "(or not for this port)",
                hint="if this is a replaced HBA of an alias zoneplan made, plan with the "
                "previous plan.json in --out (or --previous); otherwise rename one of them",
            )
            continue
        other_kind = next(
            (
                k
                for k in pack.manifest.alias_kinds
                if not k.native and base.alias(a.name, k.name) is not None
            ),
            None,
        )
        if other_kind is not None:
            got = base.alias(a.name, other_kind.name)
            assert got is not None
            if got.members == [a.wwpn]:
                use[key(a.name)] = (got.name, other_kind.name)
                run.notes.append(
                    f"{a.wwpn} is the {other_kind.name} {got.name} on the fabric: the plan's "
                    f"zones use it (zoneplan never creates or deletes a {other_kind.name})"
                )
            else:
                run.stop(
                    ForeignObject,
                    f"fabric {fp.name}: {other_kind.name} {got.name} holds "
                    f"{', '.join(got.members)}; the plan wants {a.name} for {a.wwpn}",
                    hint="rename one of them (policy.naming.alias)",
                )
            continue
        twin = twins.twin(a.name, _alias_space(pack, native))
        if twin is not None:
            run.stop(
                CaseOnlyCollision,
                f"fabric {fp.name}: the plan's {native.name} {a.name} differs from the "
                f"existing {twin[0]} {twin[1]} only in case",
                hint="use the existing name (policy.naming) or rename one of them",
            )
            continue
        clash = twins.same_name(a.name, _alias_space(pack, native), native.name)
        if clash is not None:
            run.stop(
                ForeignObject,
                f"fabric {fp.name}: {a.name} is already the name of the {clash} (zones, aliases "
                "and configs share one namespace)",
                hint="rename one of them",
            )
            continue
        if native.single_wwpn:
            other = base.alias_of_wwpn(a.wwpn, native.name)
            if other is not None:
                use[key(a.name)] = (other.name, None)
                run.notes.append(
                    f"{a.wwpn} already has the {native.name} {other.name}: the plan's zones use "
                    f"it instead of {a.name} (one {native.name} per pWWN)"
                )
                continue
        run.add(_alias_phase(native, True), op_alias(OpKind.CREATE_ALIAS, a.name, None, [a.wwpn]))

    alias_ops = order(run.phased)
    before_model = ZoningModel.of(base)
    after_aliases = ZoningModel.of(base, zones=False).apply(alias_ops)

    def renamed(m: ZoneMember) -> ZoneMember:
        got = use.get(key(m.name)) if m.name != m.wwpn else None
        if got is None:
            return m
        return m.model_copy(update={"name": got[0], "kind": got[1]})

    def mkey(m: ZoneMember) -> str:
        got = after_aliases.resolve(m)
        return got[0] if len(got) == 1 else "\n".join(sorted(got))

    # -- zones -----------------------------------------------------------------------------
    planned_zone_keys: set[str] = set()
    in_config: list[str] = []  #: designed zones that will exist, in plan order
    unlisted: list[str] = []  #: zones that cannot be created: the capture lacks the zone list
    smart_needed = False
    for z in fp.zones:
        planned_zone_keys.add(key(z.name))
        if z.kind is ZoneKind.EXISTING:
            if base.zone(z.name) is None:
                run.notes.append(f"kept zone {z.name} is not on the fabric: left out")
            continue
        if use:
            z = z.model_copy(
                update={
                    "members": [renamed(m) for m in z.members],
                    "principals": [renamed(m) for m in z.principals],
                }
            )
        oz = base.zone(z.name)
        if oz is None:
            twin = twins.twin(z.name, _zone_space(pack))
            if twin is not None:
                run.stop(
                    CaseOnlyCollision,
                    f"fabric {fp.name}: the plan's zone {z.name} differs from the existing "
                    f"{twin[0]} {twin[1]} only in case",
                    hint="use the existing name (policy.naming) or rename one of them",
                )
                continue
            clash = twins.same_name(z.name, _zone_space(pack), "zone")
            if clash is not None:
                run.stop(
                    ForeignObject,
                    f"fabric {fp.name}: {z.name} is already the name of the {clash}",
                    hint="rename one of them",
                )
                continue
            if not base.zones_listed:
                if not unlisted:
                    run.stop(
                        CaptureLacksZoning,
                        f"fabric {fp.name}: the capture lists only the zones of zonesets, and "
                        f"the change creates zones ({z.name} ...): a zone of that name outside "
                        "every zoneset would be merged into",
                        hint="capture `show zone` too (zoneplan collect does) and rerun",
                    )
                unlisted.append(z.name)
                continue
            run.add(Phase.ZONE_CREATE, op_create_zone(z))
            smart_needed |= z.smart
            in_config.append(z.name)
            continue
        in_config.append(oz.name)
        if oz.peer != z.peer:
            run.stop(
                ForeignObject,
                f"fabric {fp.name}: zone {oz.name} is a {'peer' if oz.peer else 'regular'} "
                f"zone; the plan wants a {'peer' if z.peer else 'regular'} zone of that name",
                hint="zoneplan never turns one kind into the other: rename or remove the zone",
            )
            continue
        if z.peer:
            pairs = [(z.principals, oz.principals, True), (z.members, oz.members, False)]
        else:
            pairs = [(z.all_members(), oz.all_members(), False)]
        add_p: list[ZoneMember] = []
        add_m: list[ZoneMember] = []
        gone: list[tuple[ZoneMember, bool]] = []
        for want, have, principal in pairs:
            have_keys = {mkey(m) for m in have}
            want_keys = {mkey(m) for m in want}
            for m in want:
                if mkey(m) not in have_keys:
                    (add_p if principal else add_m).append(m)
            gone += [(m, principal) for m in have if mkey(m) not in want_keys]
        explained = [(m, p) for m, p in gone if (m.wwpn or m.name) in repointed]
        unexplained = [(m, p) for m, p in gone if (m.wwpn or m.name) not in repointed]
        is_owned = key(oz.name) in owned_zone
        if unexplained and not is_owned:
            run.stop(
                ForeignObject,
                f"fabric {fp.name}: zone {oz.name} holds "
                f"{', '.join(m.name for m, _ in unexplained[:3])}"
                f"{' ...' if len(unexplained) > 3 else ''}, which the plan does not have, and "
                "zoneplan did not create it",
                hint="rename the plan's zone (policy.naming) or tidy the zone by hand",
            )
            continue
        if add_p or add_m:
            run.add(
                Phase.ZONE_CREATE,
                op_zone_members(
                    OpKind.ZONE_ADD, oz.name, add_p, add_m, peer=oz.peer, smart=z.smart
                ),
            )
            smart_needed |= z.smart
        removals = explained + (unexplained if opts.allow_delete else [])
        if unexplained and not opts.allow_delete:
            run.notes.append(
                f"zone {oz.name} has {len(unexplained)} member(s) the plan does not: kept "
                "(use --allow-delete to remove them)"
            )
        if removals:
            run.add(
                Phase.ZONE_REMOVE,
                op_zone_members(
                    OpKind.ZONE_REMOVE,
                    oz.name,
                    [m for m, p in removals if p],
                    [m for m, p in removals if not p],
                    peer=oz.peer,
                    smart=oz.smart,
                ),
            )

    # -- the config in effect ----------------------------------------------------------------
    config = fp.config
    eff = base.effective
    exists = base.config(fp.config)
    first_enable = False
    if not base.effective_known and (in_config or run.phased):
        run.stop(
            CaptureLacksZoning,
            f"fabric {fp.name}: the capture does not say which config is in effect "
            f"({base.source}); the change would not know which one to edit",
            hint="capture the effective configuration too (zoneplan collect does), and rerun",
        )
        return result(_done_ops(run))
    if eff is not None:
        if key(eff) == key(fp.config):
            config = eff
        elif exists is not None or fp.config_from_inventory:
            run.stop(
                ConfigNotInEffect,
                f"fabric {fp.name}: the plan edits config {fp.config}, but {eff} is in effect"
                + (" (the plan's config is defined, not in effect)" if exists else ""),
                hint="set fabrics[].zoning.config to the config in effect (zoneplan import "
                "writes it)",
            )
            return result(_done_ops(run))
        else:
            config = eff
            run.notes.append(
                f"the plan's config name {fp.config} is not on the fabric: the config in effect "
                f"{eff} is edited"
            )
    elif exists is not None:
        run.stop(
            ConfigNotInEffect,
            f"fabric {fp.name}: config {exists} is defined but not in effect, and no config is "
            "in effect: zoneplan never enables a config it did not build",
            hint="enable it by hand if it is right, capture again and rerun",
        )
        return result(_done_ops(run))
    else:
        first_enable = True
        twin = twins.twin(config, _config_space(pack))
        if twin is not None:
            run.stop(
                CaseOnlyCollision,
                f"fabric {fp.name}: the plan's config {config} differs from the existing "
                f"{twin[0]} {twin[1]} only in case",
            )
        clash = twins.same_name(config, _config_space(pack), "config")
        if clash is not None:
            run.stop(
                ForeignObject, f"fabric {fp.name}: {config} is already the name of the {clash}"
            )

    cfg_zones = base.configs.get(config) if not first_enable else None
    have_keys = {key(n) for n in cfg_zones or ()}
    wanted = list(dict.fromkeys(in_config))
    add = [n for n in wanted if key(n) not in have_keys]
    if cfg_zones is None:
        if wanted:
            run.add(Phase.CONFIG, op_config(OpKind.CREATE_CONFIG, config, wanted))
    elif add:
        run.add(Phase.CONFIG, op_config(OpKind.CONFIG_ADD, config, add))

    # -- removals: only with allow_delete, only zoneplan's own objects ---------------------
    delete_zone_keys: set[str] = set()
    if cfg_zones is not None:
        extra = [n for n in cfg_zones if key(n) not in planned_zone_keys and key(n) in owned_zone]
        if extra and not opts.allow_delete:
            run.notes.append(
                f"config {config} holds {len(extra)} zone(s) zoneplan created that the plan no "
                "longer has: kept (use --allow-delete to remove them)"
            )
        elif extra and len(extra) == len(cfg_zones) and not add:
            run.notes.append(
                f"config {config} would be left without any zone: its {len(extra)} zone(s) "
                "are kept (zoneplan never empties a configuration)"
            )
        elif extra:
            run.add(Phase.CONFIG, op_config(OpKind.CONFIG_REMOVE, config, extra))
            delete_zone_keys = {key(n) for n in extra}
    if opts.allow_delete:
        elsewhere = {key(n) for c, zs in base.configs.items() if key(c) != key(config) for n in zs}
        for zk in sorted(owned_zone - planned_zone_keys):
            oz = base.zone_by_key(zk)
            if oz is None:
                continue
            if zk in elsewhere:
                run.notes.append(
                    f"zone {oz.name} is in another config too: kept (zoneplan edits only the "
                    "config in effect)"
                )
                continue
            if zk in have_keys and zk not in delete_zone_keys:
                continue  # kept in the config (see the notes above)
            run.add(Phase.ZONE_DELETE, op_delete_zone(oz))

    ops_so_far = order(run.phased)
    after = ZoningModel.of(base).apply(ops_so_far)
    so_far = len(run.phased)
    if opts.allow_delete:
        _alias_deletions(run, base, after, owned_alias, planned_alias_keys, use)

    # -- smart zoning --------------------------------------------------------------------------
    if smart_needed and base.smart_zoning is not True:
        run.add(Phase.SMART, op_smart_zoning(was_off=base.smart_zoning is False))
        if base.smart_zoning is None:
            run.notes.append(
                "smart zoning: its state in this VSAN was not captured; the script enables it "
                "(a no-op when it is on already)"
            )
        if base.zones:
            run.warn(
                SmartZoningEnabled,
                f"fabric {fp.name}: the change enables smart zoning on a VSAN with "
                f"{len(base.zones)} zone(s): their untagged members are typed from the name "
                "server from then on",
            )

    ops = order(run.phased)
    if ops and not base.defined_known:
        run.stop(
            CaptureLacksZoning,
            f"fabric {fp.name}: the capture holds only the effective configuration, not the "
            f"defined zoning database ({base.source}); the change cannot be computed from it",
            hint="capture the defined zoning database too (zoneplan collect does), and rerun",
        )
    if any(f.severity is Severity.FATAL for f in run.findings):
        return result(ops)
    after.apply(op for _p, _i, op in run.phased[so_far:])  # alias deletions, smart zoning
    target = eff if eff is not None else config
    exp_before = before_model.expanded(target)
    touched = _touched(after, ops)
    exp_after = after.expanded(target, reuse=exp_before, touched=touched)
    content_changed = first_enable or exp_after != exp_before
    zone_db = any(_zone_db_op(op, pack) for op in ops)
    enable = target if (zone_db and content_changed and (cfg_zones is not None or wanted)) else None
    save = zone_db and enable is None

    # -- enabling: pending changes, first enable -------------------------------------------
    eff_exp = _expanded_db(base.effective_db, base) if base.effective_db is not None else None
    irreversible = None
    rollback_enable = None
    if enable is not None and first_enable:
        msg = (
            f"fabric {fp.name} has no config in effect: enabling {enable} changes access for "
            "every device on the fabric (the default zone no longer applies)"
        )
        if opts.enable_zoning:
            run.warn(NoConfigInEffect, msg)
            irreversible = (
                f"this change enables zoning on fabric {fp.name} (config {enable}); zoneplan "
                "never disables zoning, so the rollback leaves it as it is"
            )
        else:
            run.stop(NoConfigInEffect, msg, hint="rerun with --enable-zoning if that is meant")
    elif enable is not None:
        rollback_enable = enable
        diffs = _pending(base, exp_before, eff_exp, enable)
        if diffs:
            text = (
                f"fabric {fp.name}: enabling {enable} publishes what differs from the config in effect: "
                + "; ".join(diffs[:5])
                + (" ..." if len(diffs) > 5 else "")
            )
            if opts.accept_pending:
                run.warn(PendingChange, text)
                run.notes.append(
                    "pending change published (--accept-pending): " + "; ".join(diffs[:5])
                )
            else:
                run.stop(
                    PendingChange,
                    text,
                    hint="enable or undo that change first and capture again, or rerun with "
                    "--accept-pending",
                )
    elif save:
        run.notes.append(
            f"the change does not alter what config {target} enforces: the defined database is "
            "saved, nothing is enabled"
        )

    features = _features(ops, pack, enable is not None)
    firmware = dict(opts.firmware)
    firmware.update(base.firmware)
    switches = list(dict.fromkeys(fp.switches + base.switches))
    run.findings += check_features(pack, fp.name, features, firmware, switches)

    # -- what the fabric will look like --------------------------------------------------------
    before = eff_exp if eff_exp is not None and not first_enable else exp_before
    after_eff = exp_after if enable is not None else before
    access = access_changes(before, after_eff, opts.names)
    ownership = _ownership(run, after, ops, owned)
    foreign = ForeignKept.model_construct(
        aliases=sorted(
            a.name
            for a in base.aliases
            if key(a.name) not in owned_alias and key(a.name) not in planned_alias_keys
        ),
        zones=sorted(
            n for n in base.zones if key(n) not in owned_zone and key(n) not in planned_zone_keys
        ),
        configs=sorted(
            c for c in base.configs if key(c) != key(config) and key(c) not in owned_cfg
        ),
    )
    if ops and pack.manifest.capabilities.enhanced_mode:
        _mode_notes(run, base, ops)
    alias_switches: list[str] = []
    if base.alias_distribution is False and any(not _zone_db_op(op, pack) for op in ops):
        alias_switches = switches
        run.notes.append(
            f"{native.name} distribution is disabled: run the {native.name} commands on each "
            f"switch of the fabric: {', '.join(switches) or '(the switches of the fabric)'}"
        )
    return result(
        ops,
        config=config,
        enable=enable,
        save=save,
        rollback_enable=rollback_enable,
        rollback_ops=[] if irreversible else inverse(ops),
        irreversible=irreversible,
        access=access,
        ownership=ownership,
        foreign_kept=foreign,
        alias_switches=alias_switches,
        interactive_save=_interactive(pack, switches, firmware),
    )


def _ownership(run: _Run, after: ZoningModel, ops: list[Op], owned: Ownership) -> Ownership:
    """What zoneplan owns after the change: what it owned before, and what this change creates.

    The record never shrinks: a plan that is not applied (or applied later) must not lose the
    objects it meant to delete from the record that the next plan reads. Aliases carry the
    pWWN and inventory port they hold after the change (a re-pointed alias: its new pWWN).
    """
    key = run.key
    alias_now = {key(n): w for n, w in after.names()[0].items()}
    refs = {key(a.name): a.ref for a in run.fp.aliases}
    aliases: dict[str, OwnedAlias] = {}
    for n, rec in owned.aliases.items():
        aliases[n] = OwnedAlias.model_construct(
            wwpn=alias_now.get(key(n)) or rec.wwpn, ref=refs.get(key(n)) or rec.ref
        )
    zones = dict.fromkeys(owned.zones)
    configs = dict.fromkeys(owned.configs)
    for op in ops:
        if op.op is OpKind.CREATE_ALIAS:
            w = op.alias_members[0] if len(op.alias_members) == 1 else ""
            aliases[op.name] = OwnedAlias.model_construct(wwpn=w, ref=refs.get(key(op.name)))
        elif op.op is OpKind.CREATE_ZONE:
            zones[op.name] = None
        elif op.op is OpKind.CREATE_CONFIG:
            configs[op.name] = None
    return Ownership.model_construct(
        aliases=dict(sorted(aliases.items())), zones=sorted(zones), configs=sorted(configs)
    )


def _mode_notes(run: _Run, base: Baseline, ops: list[Op]) -> None:
    """Say what the script assumes where the capture did not say it (the precheck checks)."""
    fp, pack = run.fp, run.pack
    if base.zone_mode is None:
        assumed = fp.zone_mode or "basic"
        run.notes.append(
            f"the zone mode of the VSAN was not captured: the script assumes {assumed} "
            + ("(the inventory says so)" if fp.zone_mode else "(the default of a new VSAN)")
            + "; the precheck checks it"
        )
    elif fp.zone_mode and fp.zone_mode != base.zone_mode:
        run.notes.append(
            f"the inventory records zone mode {fp.zone_mode}, the capture shows "
            f"{base.zone_mode}: the script follows the capture (zoneplan import updates it)"
        )
    if base.alias_distribution is None and any(not _zone_db_op(op, pack) for op in ops):
        run.notes.append(
            f"{pack.native_alias.name} distribution was not captured: the script assumes it "
            "is on (the default) and commits; the precheck checks it"
        )


def _done_ops(run: _Run) -> list[Op]:
    return order(run.phased)


def _alias_deletions(
    run: _Run,
    base: Baseline,
    after: ZoningModel,
    owned_alias: dict[str, tuple[str, OwnedAlias]],
    planned: set[str],
    use: dict[str, tuple[str, str | None]],
) -> None:
    """Owned aliases the plan no longer has and no zone uses, deleted (``allow_delete``)."""
    pack, key = run.pack, run.key
    native = pack.native_alias
    used_names: set[str] = set()
    used_wwpns: set[str] = set()
    for z in after.zones.values():
        for m in z.all_members():
            if m.name == m.wwpn:
                used_wwpns.add(m.name)
            else:
                used_names.add(key(m.name))
    reused = {key(n) for n, _k in use.values()}
    for k, (name, _rec) in sorted(owned_alias.items()):
        if k in planned or k in reused or k in used_names:
            continue
        obs = base.alias(name, native.name)
        if obs is None:
            continue
        if not native.zone_db:
            # a fabric-wide alias: zones of other VSANs may use it (by name or pWWN)
            if key(obs.name) in {key(n) for n in base.used_elsewhere} or (
                obs.wwpn is not None and obs.wwpn in base.used_elsewhere
            ):
                run.findings.append(
                    AliasKept.make(
                        f"fabric {run.fp.name}: {native.name} {obs.name} is used by a zone of "
                        "another VSAN: kept",
                        subject=run.fp.name,
                    )
                )
                continue
            if base.unread:
                run.findings.append(
                    AliasKept.make(
                        f"fabric {run.fp.name}: {native.name} {obs.name} kept: the zoning of "
                        f"{', '.join(base.unread[:5])} was not read, a zone there may use it",
                        subject=run.fp.name,
                    )
                )
                continue
        if obs.wwpn is not None and obs.wwpn in used_wwpns:
            run.notes.append(f"{native.name} {obs.name} kept: a zone holds its pWWN {obs.wwpn}")
            continue
        run.add(
            _alias_phase(native, False),
            op_alias(OpKind.DELETE_ALIAS, obs.name, None, list(obs.members)),
        )


def _expanded_db(db: ZoneDb, base: Baseline) -> dict[str, Expanded]:
    """The zones of an observed (effective) database, as the zone server enforces them."""
    roles = ROLE_OF_TAG
    aliases = dict(db.aliases)
    das = base.device_aliases

    def res(m: str) -> list[str]:
        got = aliases.get(m)
        if got is not None:
            return got
        w = das.get(m)
        return [w] if w is not None else [m]

    out: dict[str, Expanded] = {}
    zones = db.zones
    names = db.configs.get(db.effective or "", list(zones)) if db.effective else list(zones)
    for zname in names:
        z = zones.get(zname)
        if z is None:
            continue
        prin = {w for m in z.principals for w in res(m)}
        mem = {w for m in z.members for w in res(m)}
        r = {}
        if z.tags:
            for m, t in z.tags.items():
                for w in res(m):
                    r[w] = roles.get(t)
        out[z.name] = Expanded(z.kind == "peer", frozenset(prin), frozenset(mem), r)
    return out


def _pending(
    base: Baseline,
    defined: dict[str, Expanded],
    effective: dict[str, Expanded] | None,
    config: str,
) -> list[str]:
    """What enabling ``config`` as defined now would change against the effective one."""
    if base.duplicates:
        return [f"{d} is defined twice in the capture" for d in base.duplicates]
    if effective is None:
        return ["the capture has no effective configuration to compare with"]
    out = []
    for name in sorted(set(defined) | set(effective)):
        d, e = defined.get(name), effective.get(name)
        if d == e:
            continue
        if e is None:
            out.append(f"zone {name} is defined in {config} but not in effect")
        elif d is None:
            out.append(f"zone {name} is in effect but no longer defined in {config}")
        else:
            out.append(f"zone {name} differs between defined and effective")
    return out


def _touched(model: ZoningModel, ops: list[Op]) -> set[str]:
    """Keys of the zones whose enforced content an operation may change: zones edited, and
    zones naming an alias that was edited."""
    key = model.key
    zones = {key(op.name) for op in ops if op.op in _ZONE_OPS}
    aliases = {key(op.name) for op in ops if op.op in _ALIAS_EDITS}
    if aliases:
        for k, z in model.zones.items():
            for m in z.principals + z.members if z.principals else z.members:
                if key(m.name) in aliases:
                    zones.add(k)
                    break
    return zones


_ZONE_OPS = (OpKind.CREATE_ZONE, OpKind.ZONE_ADD, OpKind.ZONE_REMOVE, OpKind.DELETE_ZONE)
_ALIAS_EDITS = (
    OpKind.CREATE_ALIAS,
    OpKind.ALIAS_ADD,
    OpKind.ALIAS_REMOVE,
    OpKind.REPOINT_ALIAS,
    OpKind.DELETE_ALIAS,
)


class _TwinIndex:
    """Existing names by case-folded form, for case-only and cross-type collisions."""

    def __init__(self, base: Baseline, pack: VendorPack) -> None:
        self.pack = pack
        self.base = base
        self._by_fold: dict[str, list[tuple[str, str]]] | None = None

    @property
    def by_fold(self) -> dict[str, list[tuple[str, str]]]:
        """Built on first use: a change that creates nothing never needs it."""
        if self._by_fold is None:
            self._by_fold = {}
            for typ, name in self.base.names():
                self._by_fold.setdefault(name.casefold(), []).append((typ, name))
        return self._by_fold

    def twin(self, name: str, space: set[str]) -> tuple[str, str] | None:
        """An existing name of the namespace that differs from ``name`` only in case."""
        if self.pack.manifest.naming.case_collision != "refuse":
            return None
        for typ, other in self.by_fold.get(name.casefold(), ()):
            if typ in space and other != name and self.pack.case_twins(name, other):
                return typ, other
        return None

    def same_name(self, name: str, space: set[str], own: str) -> str | None:
        """``type name`` of an object of *another* type holding this exact name."""
        k = self.pack.name_key(name)
        for typ, other in self.by_fold.get(name.casefold(), ()):
            if typ in space and typ != own and self.pack.name_key(other) == k:
                return f"{typ} {other}"
        return None


def _all_types(pack: VendorPack) -> set[str]:
    return {k.name for k in pack.manifest.alias_kinds} | {"zone", "config"}


def _alias_space(pack: VendorPack, kind: AliasKind) -> set[str]:
    return _all_types(pack) if pack.manifest.naming.one_namespace else {kind.name}


def _zone_space(pack: VendorPack) -> set[str]:
    return _all_types(pack) if pack.manifest.naming.one_namespace else {"zone"}


def _config_space(pack: VendorPack) -> set[str]:
    return _all_types(pack) if pack.manifest.naming.one_namespace else {"config"}
