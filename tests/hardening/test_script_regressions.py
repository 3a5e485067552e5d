"""Regression tests for the script bugs the zoning interpreter found (each failed before its fix).

1. Cisco, ``--against``: a pWWN that already has a device-alias under another name got a second
   ``device-alias name … pwwn …`` line; NX-OS maps a pWWN to one device-alias and rejects it.
   Fix (plan/delta.py): the plan's zones use the fabric's name for that pWWN, with a note.
2. Cisco, ``--against`` a fabric that holds exactly the plan with smart (or peer-rendered) zones:
   the observed zones have no principal list (NX-OS keeps the role in a tag), so every target
   was "missing" and added again (``Duplicate member``). Fix (plan/delta.py): compare the whole
   membership when the fabric's zone has no principals.
3. ``--against``, a fabric whose plan has no zone and whose config does not exist yet: the
   script enabled a config it never created (``cfgenable``/``zoneset activate`` of a missing
   name). Fix (plan/delta.py): a config is only created when it gets a zone.
4. ``--against --allow-delete`` when no planned zone goes into the config in effect: every zone
   was removed from it, which FOS answers by deleting the cfg and NX-OS by refusing to activate
   an empty zoneset. Fix (plan/delta.py): a configuration is never emptied (note instead).
5. ``--against --allow-delete`` rollback of a removed smart-zoning member re-added it without
   its ``init``/``target`` tag, so the zone was not what it had been. Fix (plan/against.py):
   observed tags become member roles.
"""

from __future__ import annotations

import copy

from hardening_helpers import kept_zones_switch, plan_of, snapshot

from tests.support.changes import change_against, owned_by_plan, render_against
from tests.support.inventories import InventoryParams
from tests.support.zoning_interp import ZoningSwitch
from zoneplan.observed import Zone
from zoneplan.render import render_plan


def _applied(p: InventoryParams, fabric: str) -> tuple:
    _, plan = plan_of(p)
    fp = plan.fabric(fabric)
    sw = kept_zones_switch(fp)
    sw.run(next(r.script for r in render_plan(plan) if r.fabric == fabric))
    return plan, fp, sw


CISCO_SMART = InventoryParams(hosts=2, vendor_a="cisco", vendor_b="cisco", strategy="smart")


def test_cisco_existing_device_alias_for_a_planned_pwwn_is_reused():
    plan, fp, sw = _applied(CISCO_SMART, "A")
    a = fp.aliases[0].name
    users = [z for z in sw.zones.values() if a in z.members]
    sw.device_aliases["o_" + a] = sw.device_aliases.pop(a)
    for z in users:
        z.members = ["o_" + a if m == a else m for m in z.members]
        if a in z.tags:
            z.tags["o_" + a] = z.tags.pop(a)
    r = render_against(plan, fp, sw)
    assert f"device-alias name {a} pwwn" not in r.script
    sw.run(r.script)  # raised CommandRejected ("already present with") before the fix


def test_cisco_smart_zones_against_the_applied_plan_need_no_change():
    _, fp, sw = _applied(CISCO_SMART, "A")
    assert any(z.principals for z in fp.zones)
    result = change_against(fp, sw, allow_delete=True, ownership=owned_by_plan(fp))
    assert not result.blocked and result.change.empty, result.change.counts


def test_no_config_is_enabled_that_the_script_did_not_create():
    p = InventoryParams(
        hosts=0, san1_targets=0, san2_targets=0, backend=False, vendor_a="brocade", vendor_b="cisco"
    )
    _, plan = plan_of(p)
    for fp in plan.fabrics:
        assert not fp.zones
        sw = ZoningSwitch(fp.vendor, vsan=fp.vsan)
        r = render_against(plan, fp, sw)
        ran = sw.run(r.script)  # rejected "no such cfg" / "not present" before the fix
        assert not [c for c in ran if c.startswith(("cfgenable", "zoneset activate"))]
        sw.run(r.rollback)


def test_allow_delete_never_empties_the_config_in_effect():
    p = InventoryParams(
        hosts=0, san1_targets=0, san2_targets=0, backend=False, vendor_a="brocade", vendor_b="cisco"
    )
    _, plan = plan_of(p)
    for fp in plan.fabrics:
        sw = ZoningSwitch(fp.vendor, vsan=fp.vsan)
        w = "50:00:00:00:00:00:00:01"
        if fp.vendor == "brocade":
            sw.aliases["old_a"] = [w]
        else:
            sw.device_aliases["old_a"] = w
        sw.zones["old_z"] = Zone("old_z", members=["old_a", "60:00:00:00:00:00:00:01"])
        sw.configs["old_cfg"] = ["old_z"]
        sw._enable("old_cfg", 0, "setup")
        before = snapshot(sw)
        r = render_against(plan, fp, sw, allow_delete=True, ownership=owned_by_plan(fp))
        sw.run(r.script)  # cfgenable of a deleted cfg / empty zoneset before the fix
        assert sw.configs.get("old_cfg") == ["old_z"]
        sw.run(r.rollback)
        assert snapshot(sw) == before


def test_rollback_restores_a_removed_smart_member_with_its_tag():
    plan, fp, sw = _applied(CISCO_SMART, "A")
    z = next(z for z in sw.zones.values() if z.tags)
    sw.device_aliases["extra_i"] = "50:00:00:00:00:00:00:09"
    z.members.append("extra_i")
    z.tags["extra_i"] = "init"
    sw._enable(fp.config, 0, "setup")  # the member is in effect too
    original = copy.deepcopy(sw)
    r = render_against(plan, fp, sw, allow_delete=True, ownership=owned_by_plan(fp))
    sw.run(r.script)
    assert "extra_i" not in sw.zones[z.name].members
    sw.run(r.rollback)
    assert snapshot(sw) == snapshot(original)
