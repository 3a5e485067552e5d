"""Apply every generated script to an emulated zone server, then its rollback.

What this proves, over random valid inventories × every strategy × both dialects:

* greenfield (a new fabric, declared so): from an empty fabric, or one holding unrelated zoning
  that is not in effect, the script runs without a single command the switch would reject,
  and the defined zoning then holds exactly the plan beside what was there (compared through a
  vendor-neutral view), with the plan's config in effect; the rollback changes nothing and
  says so: zoneplan never disables zoning.
* incremental (``--against``): from a random drift of the plan's zoning after an earlier
  zoneplan change (zones and members missing, extra foreign zones and aliases, a planned WWPN
  under another alias name, another config in effect or none), with and without
  ``allow_delete``: the change is refused where it must be (a config defined but not in
  effect, ZP553), and otherwise every planned alias, zone and config entry is there after it
  (exactly, for zoneplan's own objects, with ``allow_delete``), foreign objects untouched, and
  the rollback restores the whole zoning byte for byte (effective configuration included).
* plan → render → parse: the show output of the applied zoning parses back into the plan, and
  taken as the observed state asks for no change at all.
* the interpreter itself rejects what a switch rejects (a full script run twice, a forbidden
  command), so the properties above cannot pass by accepting everything.
"""

from __future__ import annotations

import copy
import random

import pytest
from hardening_helpers import (
    SETTINGS,
    kept_zones_switch,
    neutral,
    params,
    plan_of,
    plan_view,
    resolved_members,
    snapshot,
)
from hypothesis import given
from hypothesis import strategies as st

from tests.support.changes import change_against, owned_by_plan
from tests.support.zoning_interp import CommandRejected, RefusedCommand, ZoningSwitch
from zoneplan.observed import Zone
from zoneplan.packs import load_pack
from zoneplan.parsers import brocade, cisco
from zoneplan.plan import Baseline, ChangeOptions, compute_change
from zoneplan.plan.model import FabricPlan, ZoneKind
from zoneplan.render import render_plan
from zoneplan.render.engine import render_fabric

# --------------------------------------------------------------------------- starting states


def _foreign(sw: ZoningSwitch, rnd: random.Random, active: bool) -> None:
    """Unrelated zoning (names and WWPNs the plan never uses) already on the fabric."""
    n = rnd.randint(1, 4)
    for i in range(n):
        w = f"50:00:00:00:00:00:{i:02x}:{rnd.randint(0, 255):02x}"
        if sw.vendor == "brocade":
            sw.aliases[f"old_a{i}"] = [w]
        else:
            sw.device_aliases[f"old_a{i}"] = w
        sw.zones[f"old_z{i}"] = Zone(
            f"old_z{i}", members=[f"old_a{i}", f"60:00:00:00:00:00:00:{i:02x}"]
        )
    sw.configs["old_cfg"] = [f"old_z{i}" for i in range(n)]
    if active:
        sw._enable("old_cfg", 0, "setup")


def _fresh(fp: FabricPlan, kind: str, rnd: random.Random) -> ZoningSwitch:
    sw = kept_zones_switch(fp)
    if kind != "empty":
        _foreign(sw, rnd, active=kind == "foreign-active")
    return sw


# --------------------------------------------------------------------------- full mode


@SETTINGS
@given(params, st.sampled_from(["empty", "foreign"]), st.integers(0, 2**16))
def test_greenfield_script_then_rollback(p, start, seed):
    _, plan = plan_of(p)
    for fp, r in zip(plan.fabrics, render_plan(plan), strict=True):
        sw = _fresh(fp, start, random.Random(seed))
        before_view = neutral(sw.vendor, sw.defined_db(), sw.device_alias_db())
        sw.run(r.script)

        got = neutral(sw.vendor, sw.defined_db(), sw.device_alias_db())
        want = plan_view(fp, kept=False)
        for part in ("aliases", "zones", "configs"):
            merged = {**before_view[part], **want[part]}
            assert got[part] == merged, (fp.name, part)
        created = fp.created_zones()
        if created:
            eff = sw.effective_db()
            assert eff.effective == fp.config
            assert set(eff.zones) == {z.name for z in created}
            for z in created:
                wanted = {m.wwpn for m in z.all_members()}
                assert set(eff.zones[z.name].all_members()) == wanted, z.name

        after = snapshot(sw)
        n = len(sw.commands)
        sw.run(r.rollback)
        assert snapshot(sw) == after
        if created:  # zoning was enabled: the rollback cannot disable it and says so
            assert not [c for c in sw.commands[n:] if not c.startswith(("#", "!"))]
            assert "never disables zoning" in r.rollback


# --------------------------------------------------------------------------- incremental


def _mutated(fp: FabricPlan, rnd: random.Random) -> ZoningSwitch:
    """The plan's zoning, applied, then changed the way fabrics drift."""
    sw = kept_zones_switch(fp)
    sw.run(render_plan_one(fp))
    created = [z for z in fp.zones if z.kind is not ZoneKind.EXISTING and z.name in sw.zones]
    # zones missing
    for z in rnd.sample(created, k=rnd.randint(0, len(created) // 2)):
        for c in sw.configs.values():
            if z.name in c:
                c.remove(z.name)
        del sw.zones[z.name]
    sw.configs = {k: v for k, v in sw.configs.items() if v}
    # members missing (keep at least one member, and a principal in peer zones)
    for z in list(sw.zones.values()):
        if z.name.startswith("old_") or rnd.random() < 0.6 or len(z.members) < 2:
            continue
        z.members.pop(rnd.randrange(len(z.members)))
    # a planned WWPN under another alias name (Brocade: an extra alias beside it)
    names = sorted(sw.aliases) if sw.vendor == "brocade" else sorted(sw.device_aliases)
    if names and rnd.random() < 0.5:
        a = rnd.choice(names)
        b = "o_" + a[:60]  # still a legal name (64 characters at most)
        if sw.vendor == "brocade":
            sw.aliases[b] = list(sw.aliases[a])
        else:
            users = [z for z in sw.zones.values() if a in z.all_members()]
            sw.device_aliases[b] = sw.device_aliases.pop(a)
            for z in users:
                z.members = [b if m == a else m for m in z.members]
                if a in z.tags:
                    z.tags[b] = z.tags.pop(a)
    # unrelated zoning, in the plan's config or a config of its own
    if rnd.random() < 0.7:
        _foreign(sw, rnd, active=False)
        if fp.config in sw.configs and rnd.random() < 0.5:
            sw.configs[fp.config] += sw.configs.pop("old_cfg")
    # what is in effect: the plan's config, another one, or nothing
    choice = rnd.choice(["plan", "other", "none"])
    sw.effective = None
    target = fp.config if choice == "plan" else "old_cfg"
    if choice != "none" and sw.configs.get(target):
        sw._enable(target, 0, "setup")
    return sw


def render_plan_one(fp: FabricPlan) -> str:
    from zoneplan.plan.model import Plan

    plan = Plan(
        inventory="x", inventory_hash="0", zoneplan_version="0", strategy="sist", fabrics=[fp]
    )
    return render_plan(plan)[0].script


@SETTINGS
@given(params, st.booleans(), st.integers(0, 2**16))
def test_incremental_change_then_rollback(p, allow_delete, seed):
    _, plan = plan_of(p)
    rnd = random.Random(seed)
    for fp in plan.fabrics:
        sw = _mutated(fp, rnd)
        before = snapshot(sw)
        owned = owned_by_plan(fp)
        result = change_against(
            fp, sw, allow_delete=allow_delete, ownership=owned, enable_zoning=True
        )
        eff = sw.effective_db().effective
        if result.blocked:
            # the plan's config exists but another one (or none) is in effect: never enabled
            assert {f.code for f in result.findings if f.severity.value == "fatal"} == {"ZP553"}
            assert fp.config in sw.configs and eff != fp.config
            continue
        cs = result.change
        r = render_fabric(plan, fp, cs)
        sw.run(r.script)

        for a in fp.aliases:  # every planned alias, or another name for its WWPN (Cisco)
            if sw.vendor == "brocade":
                assert sw.aliases.get(a.name) == [a.wwpn], a.name
            else:
                assert a.wwpn in sw.device_aliases.values(), a.name
        planned = [z for z in fp.zones if z.kind is not ZoneKind.EXISTING or z.name in sw.zones]
        for z in planned:
            if z.kind is ZoneKind.EXISTING:
                continue  # kept as found on the fabric
            want = {m.wwpn for m in z.all_members()}
            got = resolved_members(sw, z.name)
            assert (got == want) if allow_delete else (got >= want), z.name
        designed = [z for z in planned if z.kind is not ZoneKind.EXISTING]
        if designed:  # kept zones stay as found: in a config or not
            in_cfg = set(sw.configs[cs.config])
            names = {z.name for z in designed}
            assert in_cfg >= names
            if allow_delete:  # what stays beside the plan's zones is not zoneplan's
                assert not (in_cfg - names) & set(owned.zones)
        assert {n for n in sw.zones if n.startswith("old_")} >= {
            n for n in _names_before(before) if n.startswith("old_")
        }
        if cs.enable:
            assert sw.effective_db().effective == cs.enable

        sw.run(r.rollback)
        after = snapshot(sw)
        if not cs.irreversible:
            assert after == before
        else:  # zoning was enabled where none was: the rollback cannot disable it, by design
            assert eff is None and "never disables zoning" in r.rollback


def _names_before(snap: str) -> set[str]:
    """Zone names in a snapshot (both dialects print ``zone: NAME`` / ``zone name NAME``)."""
    import re

    return set(re.findall(r"zone(?::\s+| name )(\S+)", snap))


def _defined_only(sw: ZoningSwitch) -> str:
    """The show output of a switch's defined zoning and device-aliases (effective left out)."""
    copy = ZoningSwitch.from_state(
        sw.vendor, sw.defined_db(), None, sw.device_aliases, vsan=sw.vsan
    )
    return snapshot(copy)


# --------------------------------------------------------------------------- parse round trip


@SETTINGS
@given(params)
def test_rendered_show_output_parses_back_into_the_plan(p):
    _, plan = plan_of(p)
    for fp, r in zip(plan.fabrics, render_plan(plan), strict=True):
        sw = kept_zones_switch(fp)
        sw.run(r.script)
        defined, effective = sw.defined_db(), sw.effective_db()
        if fp.vendor == "brocade":
            from tests.support import show_render as R

            res, findings = brocade.parse_cfgshow(R.render_cfgshow(defined, effective), "rt")
            pdef, peff, das = res.defined, res.effective, {}
            for z in pdef.zones.values():  # the peer-zone property member is FOS bookkeeping
                z.property_member = None
        else:
            from tests.support import show_render as R

            vs = fp.vsan
            zs, f1 = cisco.parse_show_zone(R.render_show_zone({vs: defined}), "rt")
            zss, f2 = cisco.parse_show_zoneset(R.render_show_zoneset({vs: defined}), "rt")
            das, f3 = cisco.parse_show_device_alias_database(
                R.render_show_device_alias_database(sw.device_alias_db()), "rt"
            )
            pdef = zs.get(vs) or zss.get(vs)
            if pdef is not None and vs in zss:
                pdef.configs = zss[vs].configs
            findings = f1 + f2 + f3
            peff = None
        assert not [f for f in findings if f.severity.value in ("error", "fatal")], findings
        if not fp.created_zones():  # kept zones only: a new fabric gets no config
            continue
        assert pdef is not None
        assert neutral(fp.vendor, pdef, das) == plan_view(fp, kept=False)
        if peff is None:  # show zoneset active is not rendered here: the zoneset is in effect
            peff = copy.deepcopy(pdef)
            peff.effective = fp.config
        base = Baseline.from_db(fp.name, load_pack(fp.pack), pdef, peff, das)
        # the parsed zoning, taken as --against input, asks for no change at all
        opts = ChangeOptions(allow_delete=True, ownership=owned_by_plan(fp))
        again = compute_change(fp, base, opts)
        assert not again.blocked and again.change.empty, again.change.counts
        if peff is not None:
            assert peff.effective == fp.config


# --------------------------------------------------------------------------- the interpreter


def test_full_script_twice_is_rejected_like_a_switch_would():
    _, plan = plan_of(_small())
    for fp, r in zip(plan.fabrics, render_plan(plan), strict=True):
        sw = kept_zones_switch(fp)
        sw.run(r.script)
        with pytest.raises(CommandRejected, match="already|duplicate name"):
            sw.run(r.script)


def _small():
    from tests.support.inventories import InventoryParams

    return InventoryParams(hosts=2, vendor_a="brocade", vendor_b="cisco")


@pytest.mark.parametrize(
    ("vendor", "line"),
    [
        ("brocade", "cfgclear"),
        ("brocade", "cfgdisable"),
        ("cisco", "clear zone database vsan 10"),
        ("cisco", "clear zone lock vsan 10"),
    ],
)
def test_clearing_commands_are_refused(vendor, line):
    sw = ZoningSwitch(vendor, vsan=10)
    with pytest.raises(RefusedCommand):
        sw.run(("configure terminal\n" if vendor == "cisco" else "") + line + "\n")


@pytest.mark.parametrize(
    ("vendor", "script", "message"),
    [
        ("brocade", 'zonecreate "z1", "nosuchalias"\n', "not found"),
        (
            "brocade",
            'alicreate "a", "10:00:00:00:00:00:00:01"\nzonecreate "a", "a"\n',
            "duplicate name",
        ),
        ("brocade", 'cfgcreate "c", "nozone"\n', "not found"),
        ("brocade", 'alidelete "ghost"\n', "not found"),
        ("brocade", 'cfgenable "c"; rm -rf /\n', "FOS shell"),
        ("cisco", "zone name z vsan 10\n", "Invalid command"),
        (
            "cisco",
            "configure terminal\nzone name z vsan 10\n  member device-alias nope\n",
            "not present",
        ),
        (
            "cisco",
            "configure terminal\ndevice-alias database\n"
            "  device-alias name a pwwn 10:00:00:00:00:00:00:01\n"
            "  device-alias name b pwwn 10:00:00:00:00:00:00:01\n",
            "already present",
        ),
        (
            "cisco",
            "configure terminal\ndevice-alias database\n"
            "  device-alias name a pwwn 10:00:00:00:00:00:00:01\n",
            "uncommitted",
        ),
        ("cisco", "configure terminal\nzone name z vsan 10\n", "uncommitted"),
        ("cisco", "configure terminal\nzone name z vsan 11\n", "VSAN"),
    ],
)
def test_the_interpreter_reports_what_a_switch_rejects(vendor, script, message):
    sw = ZoningSwitch(vendor, vsan=10)
    with pytest.raises(CommandRejected, match=message):
        sw.run(script)
