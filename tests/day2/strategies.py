"""Hypothesis strategies for random zoning states held by the oracle (tests only)."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.support.oracle import FosFabric, MdsFabric
from tests.support.oracle.nxos import FCALIAS, MdsZoneDb, VsanZoning
from zoneplan.observed import Zone

_NAME = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,14}", fullmatch=True)


def wwn(i: int, prefix: int = 0x50) -> str:
    return f"{prefix:02x}:00:00:00:00:{(i >> 16) & 0xFF:02x}:{(i >> 8) & 0xFF:02x}:{i & 0xFF:02x}"


@st.composite
def fos_fabrics(draw) -> FosFabric:  # noqa: ANN001
    """A FOS fabric with random aliases, zones (regular and peer), cfgs, maybe one in effect."""
    names = draw(st.lists(_NAME, min_size=3, max_size=14, unique_by=str.lower))
    n_alias = draw(st.integers(1, max(1, len(names) // 2)))
    aliases = {
        n: [wwn(i * 4 + k) for k in range(draw(st.integers(1, 2)))]
        for i, n in enumerate(names[:n_alias])
    }
    rest = names[n_alias:]
    n_zone = draw(st.integers(0, len(rest)))
    pool = list(aliases) + [wwn(900 + i, 0x21) for i in range(4)]
    zones = {}
    for zn in rest[:n_zone]:
        members = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique=True))
        if draw(st.booleans()) and len(members) >= 2:
            zones[zn] = Zone(zn, members[1:], [members[0]], "peer")
        else:
            zones[zn] = Zone(zn, members)
    configs = {}
    for cn in rest[n_zone:]:
        if zones:
            configs[cn] = draw(st.lists(st.sampled_from(sorted(zones)), min_size=1, unique=True))
    from zoneplan.observed import ZoneDb

    f = FosFabric(ZoneDb(aliases=aliases, zones=zones, configs=configs))
    if configs and draw(st.booleans()):
        f.effective = f.compile(f.defined, draw(st.sampled_from(sorted(configs))))  # type: ignore[assignment]
    return f


@st.composite
def mds_fabrics(draw) -> MdsFabric:  # noqa: ANN001
    """A Cisco fabric: one or two VSANs with fcaliases, zones (pwwn / device-alias / fcalias
    members, smart-zoning tags), zonesets, an active zoneset; device-aliases."""
    names = draw(st.lists(_NAME, min_size=4, max_size=16, unique_by=str.lower))
    n_da = draw(st.integers(1, max(1, len(names) // 3)))
    das = {n: wwn(i) for i, n in enumerate(names[:n_da])}
    vsans = {}
    for v in draw(st.sampled_from([[10], [10, 20]])):
        rest = [n for n in names[n_da:]]
        n_fa = draw(st.integers(0, min(2, len(rest))))
        fcaliases = {n: [wwn(500 + v + i, 0x30)] for i, n in enumerate(rest[:n_fa])}
        rest = rest[n_fa:]
        smart = draw(st.booleans())
        n_zone = draw(st.integers(0, len(rest)))
        pool = list(das) + [FCALIAS + a for a in fcaliases] + [wwn(800 + i, 0x21) for i in range(3)]
        zones = {}
        for zn in rest[:n_zone]:
            members = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=4, unique=True))
            tags = {}
            if smart:
                for m in members:
                    if not m.startswith(FCALIAS):
                        t = draw(st.sampled_from([None, "init", "target", "both"]))
                        if t:
                            tags[m] = t
            zones[zn] = Zone(zn, members, [], "normal", tags)
        zonesets = {}
        for sn in rest[n_zone:]:
            if zones:
                zonesets[sn] = draw(
                    st.lists(st.sampled_from(sorted(zones)), min_size=1, unique=True)
                )
        vz = VsanZoning(
            v,
            draw(st.sampled_from(["basic", "enhanced"])),
            MdsZoneDb(fcaliases, zones, zonesets, smart),
        )
        vsans[v] = vz
    f = MdsFabric(vsans, das)
    for vz in vsans.values():
        if vz.full.zonesets and draw(st.booleans()):
            got = f.compile(vz.full, draw(st.sampled_from(sorted(vz.full.zonesets))))
            if not isinstance(got, str):
                vz.active = got
    return f
