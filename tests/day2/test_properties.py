"""Property tests of day-2 changes: random fabrics × random inventory edits, judged end to end.

Random observed state: either dialect, a random strategy, a random set of hosts zoned by an
earlier zoneplan change, random foreign zoning beside it (zones in the config in effect or only
defined, aliases unused), and on NX-OS random zone mode, device-alias mode and distribution.
Random edit: hosts added, removed (with or without ``--allow-delete``), an HBA replaced, the
strategy changed — one to three of them at once. :func:`tests.day2.runner.judge` then proves:
the script pastes without a rejected line and gives the desired zoning, every foreign zone and
alias is unchanged, nothing is left open, pasting it twice is harmless, a second plan is
empty, and the rollback restores the fabric byte for byte as ``show`` prints it.

The default hypothesis profile runs a few examples (``make test``); the ``fuzz`` profile many.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.day2.runner import Scenario, judge
from tests.day2.site import FLAGS, HOSTS, Site, base_inventory
from zoneplan.observed import Zone, ZoneDb

STRATEGIES = {"brocade": ("sist", "simt", "peer"), "cisco": ("sist", "simt", "smart")}
EDITS = ("add", "remove", "replace", "strategy")


@st.composite
def foreign_zoning(draw) -> list[tuple[str, list[str], bool]]:  # noqa: ANN001
    """Foreign zones: (name, WWPN members, in the config in effect)."""
    n = draw(st.integers(0, 3))
    out = []
    for i in range(n):
        k = draw(st.integers(1, 3))
        members = [f"50:00:00:00:00:0a:{i:02x}:{j:02x}" for j in range(k)]
        out.append((f"z_foreign_{i}", members, draw(st.booleans())))
    return out


def _plant(zones: list[tuple[str, list[str], bool]], aliases: int):  # noqa: ANN202
    def setup(site: Site) -> None:
        for f in site.fabrics:
            db = ZoneDb(zones={n: Zone(n, list(m)) for n, m, _ in zones})
            das: dict[str, str] = {}
            for i in range(aliases):
                w = f"50:00:00:00:00:0b:{i:02x}:00"
                if site.vendor == "brocade":
                    db.aliases[f"foreign_alias_{i}"] = [w]
                else:
                    das[f"foreign_alias_{i}"] = w
            site.put(f, db, das)
            cfg = f"PROD_{f}"
            fab = site.fabrics[f]
            for n, _, in_cfg in zones:
                if not in_cfg:
                    continue
                if site.vendor == "brocade":
                    fab.defined.configs[cfg].append(n)  # type: ignore[union-attr]
                    fab.effective = fab.compile(fab.defined, cfg)  # type: ignore[union-attr]
                else:
                    vz = fab.vsans[site.vsan(f)]  # type: ignore[union-attr]
                    vz.full.zonesets[cfg].append(n)
                    vz.active = fab.compile(vz.full, cfg)  # type: ignore[union-attr]

    return setup


@st.composite
def changes(draw) -> tuple[Scenario, str, str]:  # noqa: ANN001
    vendor = draw(st.sampled_from(("brocade", "cisco")))
    strategy = draw(st.sampled_from(STRATEGIES[vendor]))
    hosts0 = tuple(draw(st.lists(st.sampled_from(HOSTS), min_size=1, max_size=3, unique=True)))
    site: dict = {}
    if vendor == "cisco":
        site = {
            "zone_mode": draw(st.sampled_from(("basic", "enhanced"))),
            "da_mode": draw(st.sampled_from(("basic", "enhanced"))),
            "da_distribute": draw(st.booleans()),
        }
    edits = draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=3, unique=True))
    add = [h for h in HOSTS if h not in hosts0]
    to_add = draw(st.sampled_from(add)) if add and "add" in edits else None
    to_remove = draw(st.sampled_from(hosts0)) if len(hosts0) > 1 and "remove" in edits else None
    to_replace = (
        (draw(st.sampled_from(hosts0)), draw(st.integers(0, 1))) if "replace" in edits else None
    )
    new_strategy = (
        draw(st.sampled_from([s for s in STRATEGIES[vendor] if s != strategy]))
        if "strategy" in edits
        else None
    )
    allow_delete = draw(st.booleans())

    def edit(inv: dict, v: str) -> None:
        if to_replace is not None and to_replace[0] != to_remove:
            host = next(h for h in inv["hosts"] if h["name"] == to_replace[0])
            port = host["hbas"][to_replace[1]]["ports"][0]
            port["wwpn"] = f"10:00:00:90:fa:77:00:{to_replace[1]:02x}"
        if to_remove is not None:
            inv["hosts"] = [h for h in inv["hosts"] if h["name"] != to_remove]
        if to_add is not None:
            ref = base_inventory(v, hosts=HOSTS)
            inv["hosts"].append(next(h for h in ref["hosts"] if h["name"] == to_add))
        if new_strategy is not None:
            inv["policy"]["strategy"] = new_strategy

    sc = Scenario(
        "property",
        f"{edits} on {hosts0}",
        edit=edit,
        setup=_plant(draw(foreign_zoning()), draw(st.integers(0, 2))),
        flags=(FLAGS["allow_delete"],) if allow_delete else (),
        site=site,
        inventory={"hosts": hosts0},
    )
    return sc, vendor, strategy


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(changes())
def test_a_random_change_applies_and_rolls_back_exactly(tmp_path_factory, change) -> None:
    sc, vendor, strategy = change
    judge(sc, vendor, strategy, tmp_path_factory.mktemp("change"))
