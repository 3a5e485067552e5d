"""Property tests over random valid inventories (tests.support.inventories).

Whatever the inventory: every client port is zoned to both cluster nodes on each fabric it is
on (or ZP505 says why not), no mirror zone holds anything but mirror ports, names are legal
and unique in the platform's namespaces, sizes are under the limit or flagged, and no script
ever contains a command that clears or disables zoning.
"""

from __future__ import annotations

from hypothesis import given, settings
from plan_helpers import FORBIDDEN

from tests.support.inventories import InventoryParams, random_inventory
from tests.support.strategies import inventory_params
from zoneplan.model import PortRole
from zoneplan.packs import load_pack
from zoneplan.plan import (
    Baseline,
    ChangeOptions,
    OpKind,
    ZoneKind,
    build_plan,
    compute_change,
    greenfield_change,
    inverse,
)
from zoneplan.plan.checks import check_plan
from zoneplan.render import render_plan
from zoneplan.topology import build_topology

params = inventory_params(max_hosts=10)
SETTINGS = settings()  # the profile of tests/conftest.py


def _setup(p: InventoryParams):
    topo = build_topology(random_inventory(p))
    assert not topo.findings
    plan = build_plan(topo)
    return topo, plan, check_plan(plan, topo)


@SETTINGS
@given(params)
def test_every_client_zoned_to_both_nodes_or_flagged(p):
    topo, plan, findings = _setup(p)
    flagged = {f.subject for f in findings if f.code == "ZP505"}
    for fp in plan.fabrics:
        reach: set[tuple[str, str]] = set()
        for z in fp.zones:
            if z.kind is not ZoneKind.CLIENT:
                continue
            refs = [m.ref for m in z.all_members()]
            nodes = {topo.by_ref[r].device for r in refs if topo.by_ref[r].kind == "node"}
            for r in refs:
                if topo.by_ref[r].kind == "host":
                    reach |= {(r, n) for n in nodes}
        for port in topo.ports:
            if port.kind != "host" or topo.fabric_of(port) != fp.name:
                continue
            for node in ("san1", "san2"):
                targets = [
                    t
                    for t in topo.ports
                    if t.device == node and t.role is PortRole.TARGET and topo.same_segment(port, t)
                ]
                if targets:
                    assert (port.ref, node) in reach, f"{port.ref} not zoned to {node}"
                else:
                    assert port.ref in flagged, f"{port.ref} unreachable {node} not flagged"


@SETTINGS
@given(params)
def test_mirror_zones_pure_and_direct_links_unzoned(p):
    topo, plan, findings = _setup(p)
    assert not [f for f in findings if f.code == "ZP501"]
    for fp in plan.fabrics:
        for z in fp.zones:
            roles = {topo.by_ref[m.ref].role for m in z.all_members() if m.ref}
            if z.kind is ZoneKind.MIRROR:
                assert roles == {PortRole.MIRROR}
                assert len({topo.by_ref[m.ref].device for m in z.members}) == 2
            elif z.kind is not ZoneKind.EXISTING:
                assert PortRole.MIRROR not in roles
    if not p.mirror_via_switch:
        assert not any(z.kind is ZoneKind.MIRROR for fp in plan.fabrics for z in fp.zones)
        assert any("direct-connected" in n for n in plan.notes)


@SETTINGS
@given(params)
def test_names_legal_and_unique(p):
    topo, plan, findings = _setup(p)
    assert not [f for f in findings if f.code == "ZP507" and f.severity.value == "error"]
    for fp in plan.fabrics:
        pack = load_pack(fp.pack)
        portable = pack.name_pattern(portable=True)
        rules = pack.manifest.naming
        spaces: dict[str, set[str]] = {}
        objects = [("config", fp.config)] + [("alias", a.name) for a in fp.aliases]
        objects += [("zone", z.name) for z in fp.zones]
        for kind, name in objects:
            space = spaces.setdefault("all" if rules.one_namespace else kind, set())
            assert name.lower() not in space, f"{name} twice in {fp.name}"
            space.add(name.lower())
            assert len(name) <= rules.max_length
            if kind != "zone" or name != "legacy_zone":
                assert portable.match(name), name
            assert not name.lower().startswith(tuple(rules.reserved_prefixes))


@SETTINGS
@given(params)
def test_size_under_limit_or_flagged(p):
    topo, plan, findings = _setup(p)
    over = {f.subject for f in findings if f.code == "ZP506"}
    for fp in plan.fabrics:
        assert fp.size is not None
        pack = load_pack(fp.pack)
        if fp.director_only:
            assert fp.size.limit == pack.manifest.limits.zone_db_bytes_director
        else:
            assert fp.size.limit == pack.manifest.limits.zone_db_bytes
        if fp.size.bytes > fp.size.limit:
            assert fp.name in over


@SETTINGS
@given(params)
def test_scripts_safe_and_rollback_inverts(p):
    topo, plan, _ = _setup(p)
    for r in render_plan(plan):
        for text in r.artefacts().values():
            lowered = text.lower()
            for bad in FORBIDDEN:
                assert bad not in lowered, bad
        ops = greenfield_change(plan.fabric(r.fabric)).change.ops
        # turning smart zoning on has no inverse (zoneplan never turns it off)
        assert inverse(inverse(ops)) == [o for o in ops if o.op is not OpKind.SMART_ZONING]


@given(params)
def test_same_inventory_same_bytes(p):
    a = render_plan(build_plan(build_topology(random_inventory(p))))
    b = render_plan(build_plan(build_topology(random_inventory(p))))
    assert [(r.script, r.rollback) for r in a] == [(r.script, r.rollback) for r in b]


@SETTINGS
@given(params)
def test_a_plan_against_itself_changes_nothing(p):
    from tests.support.planstate import zonedbs_from_fabric_plan

    _, plan, _ = _setup(p)
    for fp in plan.fabrics:
        defined, effective = zonedbs_from_fabric_plan(fp, source="plan")
        das = {a.name: a.wwpn for a in fp.aliases} if fp.vendor == "cisco" else {}
        base = Baseline.from_db(fp.name, load_pack(fp.pack), defined, effective, das)
        owned = greenfield_change(fp).change.ownership
        result = compute_change(fp, base, ChangeOptions(allow_delete=True, ownership=owned))
        assert not result.blocked, [f.message for f in result.findings]
        assert result.change.empty, result.change.counts
