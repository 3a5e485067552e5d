"""What "the change did what the plan says, and nothing else" means, on the oracle's state.

The desired state comes from ``plan.json`` (what the admin reviewed); the judged state is the
oracle's after the script ran. Every check resolves names to WWPNs the way the switch
enforces them (FOS aliases; NX-OS device-aliases and fcaliases), so a zone that names the right
alias pointing at the wrong WWPN fails.
"""

from __future__ import annotations

from typing import Any

from tests.support.oracle import FosFabric, MdsFabric, run_script

#: plan member roles → the smart-zoning tag ``show`` prints
TAG_OF_ROLE = {"initiator": "init", "target": "target", "both": "both"}


def planned_zones(fp: dict[str, Any]) -> list[dict[str, Any]]:
    """The zones a plan creates or keeps up to date (not the ``existing`` ones it only lists)."""
    return [z for z in fp["zones"] if z["kind"] != "existing"]


def _wwpns(members: list[dict[str, Any]]) -> set[str]:
    return {m["wwpn"] for m in members}


def resolve_fos(fab: FosFabric, members: list[str]) -> set[str]:
    out: set[str] = set()
    for m in members:
        out.update(fab.defined.aliases.get(m, [m]))
    return out


def leftovers(fab: FosFabric | MdsFabric, user: str = "admin") -> list[str]:
    """What ``user`` left open: a FOS transaction, NX-OS zone sessions, a device-alias session."""
    if isinstance(fab, FosFabric):
        return ["transaction"] if fab.own(user) is not None else []
    out = [f"zone session VSAN {v}" for v, vz in fab.vsans.items() if vz.session is not None]
    if fab.da_session is not None:
        out.append("device-alias session")
    return out


def abort_own(fab: FosFabric | MdsFabric, user: str = "admin") -> None:
    """What the scripts tell the admin to do after an error: discard what they opened."""
    if isinstance(fab, FosFabric):
        if fab.own(user) is not None:
            run_script(fab.session(user), "cfgtransabort\n")
        return
    lines = ["configure terminal"]
    for v, vz in fab.vsans.items():
        if vz.session is not None and vz.session.user == user:
            lines.append(f"no zone commit vsan {v}")
    if fab.da_session is not None and fab.da_session.user == user:
        lines.append("device-alias abort")
    lines.append("end")
    run_script(fab.session(user), "\n".join(lines) + "\n")


def assert_clean_end(fab: FosFabric | MdsFabric) -> None:
    """Nothing left open, and the configuration saved where it changed."""
    assert not leftovers(fab), leftovers(fab)
    if isinstance(fab, MdsFabric):
        assert not fab.unsaved, f"running configuration not saved on {sorted(fab.unsaved)}"


def _had(before: FosFabric | MdsFabric | None, zone: str, vsan: int | None) -> set[str]:
    """The WWPNs a zone enforced before the change (nothing when it did not exist)."""
    if before is None:
        return set()
    if isinstance(before, FosFabric):
        z = before.defined.zones.get(zone)
        return resolve_fos(before, z.all_members()) if z is not None else set()
    assert vsan is not None
    z = before.vsans[vsan].full.zones.get(zone)
    return {w for m in z.members for w in before.resolve(m, vsan)} if z is not None else set()


def _same(got: set[str], want: set[str], had: set[str], exact: bool) -> bool:
    """Exactly the plan's members; or, without ``--allow-delete``, the plan's plus some of
    those the zone had before (removals are not made)."""
    return got == want if exact else want <= got and got - want <= had


def assert_desired(
    fab: FosFabric | MdsFabric,
    fp: dict[str, Any],
    vsan: int | None,
    before: FosFabric | MdsFabric | None = None,
) -> None:
    """Every planned alias and zone is on the fabric as planned, in the config in effect.

    ``before`` (the fabric before the change) is given when removals were not asked for
    (no ``--allow-delete``): a zone may then keep members it had.
    """
    exact = before is None
    cfg = fp["config"]
    if isinstance(fab, FosFabric):
        for a in fp["aliases"]:
            assert fab.defined.aliases.get(a["name"]) == [a["wwpn"]], a["name"]
        eff = fab.effective
        assert eff is not None and eff.effective == cfg, (eff and eff.effective, cfg)
        for z in planned_zones(fp):
            dz = fab.defined.zones.get(z["name"])
            assert dz is not None, z["name"]
            had = _had(before, z["name"], None)
            if z["peer"]:
                assert dz.kind == "peer", z["name"]
                got = resolve_fos(fab, dz.principals)
                assert _same(got, _wwpns(z["principals"]), had, exact), z["name"]
                got = resolve_fos(fab, dz.members)
                assert _same(got, _wwpns(z["members"]), had, exact), z["name"]
            else:
                want = _wwpns(z["principals"] + z["members"])
                assert dz.kind == "normal", z["name"]
                assert _same(resolve_fos(fab, dz.members), want, had, exact), z["name"]
            assert z["name"] in fab.defined.configs[cfg], z["name"]
            ez = eff.zones[z["name"]]
            want = _wwpns(z["principals"] + z["members"])
            assert _same(set(ez.all_members()), want, had, exact), z["name"]
        return
    assert vsan is not None
    vz = fab.vsans[vsan]
    das = fab.device_aliases()
    for a in fp["aliases"]:  # a device-alias, or an fcalias of the VSAN the plan reuses
        fcalias = vz.full.fcaliases.get(a["name"])
        assert das.get(a["name"]) == a["wwpn"] or fcalias == [a["wwpn"]], a["name"]
    act = vz.active
    assert act is not None and act.effective == cfg, (act and act.effective, cfg)
    for z in planned_zones(fp):
        dz = vz.full.zones.get(z["name"])
        assert dz is not None, z["name"]
        members = z["principals"] + z["members"]
        got: dict[str, str | None] = {}
        for m in dz.members:
            for w in fab.resolve(m, vsan):
                got[w] = dz.tags.get(m)
        had = _had(before, z["name"], vsan)
        assert _same(set(got), _wwpns(members), had, exact), z["name"]
        if z["smart"]:
            for m in members:
                assert got[m["wwpn"]] == TAG_OF_ROLE[m["role"]], (z["name"], m["name"])
        assert z["name"] in vz.full.zonesets[cfg], z["name"]
        az = act.zones[z["name"]]
        enforced = {w for m in az.members for w in fab.resolve(m, vsan)}
        assert _same(enforced, _wwpns(members), had, exact), z["name"]


def zone_view(fab: FosFabric | MdsFabric, vsan: int | None) -> dict[str, Any]:
    """Every zone as the switch defines and enforces it, and every alias: what "unchanged"
    compares."""
    if isinstance(fab, FosFabric):
        eff = fab.effective
        return {
            "aliases": {k: sorted(v) for k, v in fab.defined.aliases.items()},
            "zones": {
                k: (z.kind, sorted(z.members), sorted(z.principals))
                for k, z in fab.defined.zones.items()
            },
            "effective": {
                k: sorted(z.all_members()) for k, z in (eff.zones.items() if eff else [])
            },
            "in_effect": eff.effective if eff else None,
        }
    assert vsan is not None
    vz = fab.vsans[vsan]
    return {
        "aliases": dict(fab.device_aliases()),
        "fcaliases": {k: sorted(v) for k, v in vz.full.fcaliases.items()},
        "zones": {k: (sorted(z.members), sorted(z.tags.items())) for k, z in vz.full.zones.items()},
        "effective": {
            k: sorted(w for m in z.members for w in fab.resolve(m, vsan))
            for k, z in (vz.active.zones.items() if vz.active else [])
        },
        "in_effect": vz.active.effective if vz.active else None,
    }


def assert_foreign_kept(before: dict[str, Any], after: dict[str, Any], fp: dict[str, Any]) -> None:
    """Zones and aliases the plan does not name are exactly as they were (defined and in
    effect)."""
    mine_z = {z["name"] for z in fp["zones"]}
    mine_a = {a["name"] for a in fp["aliases"]}
    for k, v in before["zones"].items():
        if k not in mine_z:
            assert after["zones"].get(k) == v, f"foreign zone {k} changed"
    for k, v in before["effective"].items():
        if k not in mine_z:
            assert after["effective"].get(k) == v, f"foreign zone {k} changed in effect"
    for k, v in before["aliases"].items():
        if k not in mine_a:
            assert after["aliases"].get(k) == v, f"foreign alias {k} changed"
    for k, v in before.get("fcaliases", {}).items():
        assert after["fcaliases"].get(k) == v, f"fcalias {k} changed"
