"""Round trip: random observed states → show output (tests.support.show_render) → parse → equal.

Both vendors: Brocade cfgshow (both wrapping styles, peer zones, D,I members) and nsshow; Cisco
show zoneset active (``*`` + fcid, device-alias brackets, smart-zoning tags), show zoneset,
show zone (fcalias nesting), show flogi database (NPIV, device-aliases with ``-``).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import show_render as R
from zoneplan.observed import Isl, Login, Zone, ZoneDb
from zoneplan.parsers import brocade, cisco

SETTINGS = settings()  # the profile of tests/conftest.py

brocade_name = st.one_of(
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True),
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{40,62}", fullmatch=True),  # printed alone on its line
)
cisco_name = st.from_regex(r"[A-Za-z][A-Za-z0-9_$^\-]{0,12}", fullmatch=True)


@st.composite
def wwns(draw, n: int) -> list[str]:
    """``n`` distinct WWNs, none starting with 00 (the peer property member's prefix)."""
    raw = draw(
        st.lists(
            st.tuples(st.integers(1, 255), st.binary(min_size=7, max_size=7)),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )
    return [":".join(f"{b:02x}" for b in (first, *rest)) for first, rest in raw]


@st.composite
def brocade_state(draw) -> tuple[ZoneDb, ZoneDb | None]:
    """A defined database and the effective one FOS derives from one of its cfgs."""
    names = draw(st.lists(brocade_name, min_size=3, max_size=14, unique_by=str.lower))
    n_alias = draw(st.integers(0, max(0, len(names) - 2)))
    alias_names, rest = names[:n_alias], names[n_alias:]
    n_zone = draw(st.integers(1, max(1, len(rest) - 1)))
    zone_names, cfg_names = rest[:n_zone], rest[n_zone:] or [rest[-1] + "_cfg"]
    pool = draw(wwns(40))
    dis = [
        f"{d},{i}"
        for d, i in draw(
            st.lists(st.tuples(st.integers(1, 239), st.integers(0, 511)), max_size=4, unique=True)
        )
    ]
    db = ZoneDb()
    k = 0
    for a in alias_names:
        size = draw(st.integers(1, 3))
        db.aliases[a] = pool[k : k + size]
        k += size
    free = pool[k:]
    for zn in zone_names:
        candidates = alias_names + free[:8] + dis
        members = draw(st.lists(st.sampled_from(candidates), min_size=2, max_size=8, unique=True))
        if draw(st.booleans()) and len(members) >= 2:
            cut = draw(st.integers(1, len(members) - 1))
            db.zones[zn] = Zone(zn, members=members[cut:], principals=members[:cut], kind="peer")
        else:
            db.zones[zn] = Zone(zn, members=members)
    for cn in cfg_names[:2]:
        db.configs[cn] = draw(
            st.lists(st.sampled_from(zone_names), min_size=1, max_size=len(zone_names), unique=True)
        )
    if not draw(st.booleans()):
        return db, None
    eff_name = draw(st.sampled_from(list(db.configs)))
    eff = ZoneDb(effective=eff_name)
    for zn in db.configs[eff_name]:
        z = db.zones[zn]
        resolve = lambda ms: [w for m in ms for w in db.resolve(m)]  # noqa: E731
        eff.zones[zn] = Zone(
            zn, members=resolve(z.members), principals=resolve(z.principals), kind=z.kind
        )
    eff.configs[eff_name] = list(eff.zones)
    return db, eff


def _normalise_peer(db: ZoneDb | None) -> None:
    """The renderer writes the property member; compare everything else."""
    if db is None:
        return
    for z in db.zones.values():
        z.property_member = None


@SETTINGS
@given(brocade_state())
def test_brocade_cfgshow_round_trip(state):
    defined, eff = state
    text = R.render_cfgshow(defined, eff)
    r, f = brocade.parse_cfgshow(text, "rt")
    assert f == [], text
    _normalise_peer(r.defined)
    _normalise_peer(r.effective)
    assert R.zonedb_signature(r.defined) == R.zonedb_signature(defined)
    assert R.zonedb_signature(r.effective) == R.zonedb_signature(eff or ZoneDb())
    assert r.defined.complete and r.effective.complete


@st.composite
def cisco_dbs(draw, active: bool) -> dict[int, ZoneDb]:
    vsans = draw(st.lists(st.integers(1, 4094), min_size=1, max_size=3, unique=True))
    out: dict[int, ZoneDb] = {}
    for v in vsans:
        names = draw(st.lists(cisco_name, min_size=4, max_size=14, unique=True))
        half = len(names) // 2
        zone_names, member_names = names[:half], names[half:]
        n_fca = 0 if active else draw(st.integers(0, len(member_names) // 2))
        fcaliases, dev_aliases = member_names[:n_fca], member_names[n_fca:]
        pool = draw(wwns(30))
        db = ZoneDb(effective=(draw(cisco_name) if active else None))
        for a in fcaliases:
            db.aliases[a] = pool[:2] if draw(st.booleans()) else pool[2:3]
        shown = draw(st.lists(st.sampled_from(pool), unique=True, max_size=10))
        for w in shown:
            db.member_names[w] = draw(cisco_name)
        typed = ["fcid 0x0a0b0c", "interface fc1/5 swwn 20:00:54:7f:ee:1b:13:f0"]
        for zn in zone_names:
            members = draw(
                st.lists(
                    st.sampled_from(pool[3:] + dev_aliases + fcaliases + typed),
                    min_size=1,
                    max_size=6,
                    unique=True,
                )
            )
            z = Zone(zn, members=members)
            for m in members:
                if m not in db.aliases and draw(st.booleans()):
                    z.tags[m] = draw(st.sampled_from(["init", "target", "both"]))
            db.zones[zn] = z
        if active:
            db.configs[db.effective] = list(zone_names)
            for zn in zone_names:
                for m in db.zones[zn].members:
                    if " " not in m and draw(st.booleans()):
                        db.fcids[m] = f"0x{draw(st.integers(0, 0xFFFFFF)):06x}"
        else:
            db.configs[draw(cisco_name)] = list(zone_names)
        out[v] = db
    return out


@SETTINGS
@given(cisco_dbs(active=True))
def test_cisco_show_zoneset_active_round_trip(dbs):
    text = R.render_show_zoneset_active(dbs)
    r, f = cisco.parse_show_zoneset_active(text, "rt")
    assert f == [], text
    assert sorted(r) == sorted(dbs)
    for v, db in dbs.items():
        db.member_names = _used_names(db)
        assert R.zonedb_signature(r[v]) == R.zonedb_signature(db), text


def _used_names(db: ZoneDb) -> dict[str, str]:
    """Bracket names the defined outputs print: only for WWNs that appear in them."""
    used = {m for z in db.zones.values() for m in z.members}
    used |= {m for a in db.aliases.values() for m in a}
    return {w: n for w, n in db.member_names.items() if w in used}


@SETTINGS
@given(cisco_dbs(active=False))
def test_cisco_show_zoneset_and_show_zone_round_trip(dbs):
    for render, parse in (
        (R.render_show_zoneset, cisco.parse_show_zoneset),
        (R.render_show_zone, cisco.parse_show_zone),
    ):
        text = render(dbs)
        r, f = parse(text, "rt")
        assert f == [], text
        for v, db in dbs.items():
            want = ZoneDb(
                aliases={
                    a: m
                    for a, m in db.aliases.items()
                    if any(a in z.members for z in db.zones.values())
                },
                zones=db.zones,
                configs=db.configs if render is R.render_show_zoneset else {},
                member_names=db.member_names,
            )
            want.member_names = _used_names(want)
            assert R.zonedb_signature(r[v]) == R.zonedb_signature(want), text


logins_st = st.lists(
    st.tuples(
        st.integers(1, 4),  # port
        st.integers(1, 4094),  # vsan
        st.integers(0, 0xFFFFFF),  # fcid
        st.one_of(st.none(), cisco_name),  # device-alias, '-' included
    ),
    min_size=0,
    max_size=40,
)


@SETTINGS
@given(logins_st, wwns(80))
def test_cisco_flogi_round_trip(rows, pool):
    logins = []
    seen: dict[str, int] = {}
    for k, (port, vsan, fcid, alias) in enumerate(rows):
        name = f"fc1/{port}"
        seen[name] = seen.get(name, 0) + 1
        logins.append(
            Login(
                pool[2 * k],
                wwnn=pool[2 * k + 1],
                port=name,
                fcid=f"0x{fcid:06x}",
                vsan=vsan,
                alias=alias,
                npiv=seen[name] > 1,
            )
        )
    text = R.render_show_flogi_database(logins)
    r, f = cisco.parse_show_flogi_database(text, "rt")
    assert f == []
    assert r == logins


@SETTINGS
@given(
    st.lists(
        st.tuples(
            st.integers(0, 0xFFFFFF),
            st.integers(0, 63),
            st.sampled_from(["initiator", "target", "both"]),
            st.booleans(),
            st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9 ._:-]{0,30}", fullmatch=True)),
        ),
        max_size=30,
    ),
    wwns(70),
)
def test_brocade_nsshow_round_trip(rows, pool):
    logins = [
        Login(
            pool[2 * k],
            wwnn=pool[2 * k + 1],
            port=str(port),
            fcid=f"0x{fcid:06x}",
            device_type=kind,
            npiv=npiv,
            port_symbol=sym,
            fc4="FCP",
            port_type="N",
            fabric_port_wwn=pool[-1],
            permanent_wwn=pool[2 * k],
        )
        for k, (fcid, port, kind, npiv, sym) in enumerate(rows)
    ]
    text = R.render_nsshow(logins)
    r, f = brocade.parse_nsshow(text, "rt")
    assert f == []
    assert r == logins


iface_st = st.one_of(
    st.builds(lambda s, p: f"fc{s}/{p}", st.integers(1, 18), st.integers(1, 48)),
    st.builds(lambda n: f"port-channel{n}", st.integers(1, 256)),
)
isls_st = st.lists(
    st.builds(
        lambda local, remote, dom, ip, name, vsan: Isl(
            local, remote, dom, None, name, vsan=vsan, remote_ip=ip
        ),
        iface_st,
        iface_st,
        st.integers(1, 239),
        st.builds(lambda *o: ".".join(map(str, o)), *[st.integers(0, 255)] * 4),
        st.from_regex(r"[A-Za-z][A-Za-z0-9_\-]{0,31}", fullmatch=True),  # NX-OS switchname
        st.integers(1, 4094),
    ),
    max_size=20,
)


def _by_vsan(isls: list[Isl]) -> list[Isl]:
    return sorted(isls, key=lambda x: x.vsan)  # stable: the rows of one VSAN keep their order


@SETTINGS
@given(isls_st)
def test_cisco_show_topology_round_trip(isls):
    text = R.render_show_topology(isls)
    r, f = cisco.parse_show_topology(text, "rt")
    assert f == []
    assert r == _by_vsan(isls)


@SETTINGS
@given(isls_st, st.integers(40, 80))
def test_cisco_show_topology_wrapped_by_a_narrow_terminal(isls, width):
    """Every line broken at ``width`` columns, as a terminal log saves it: each row joined
    back (ZP046), nothing lost or invented."""
    lines = []
    for line in R.render_show_topology(isls).split("\n"):
        while len(line) > width:
            lines.append(line[:width])
            line = line[width:]
        lines.append(line)
    r, f = cisco.parse_show_topology("\n".join(lines), "rt")
    assert {x.code for x in f} <= {"ZP046"}
    assert r == _by_vsan(isls)
