"""The oracle's show outputs are what the parsers read: random states render, parse back equal.

Why: the day-2 scenarios hand the oracle's state to ``zoneplan plan --against`` as a capture
folder; if the oracle printed something the parsers read differently, every scenario would be
testing the wrong fabric. This also proves the snapshot (the byte-for-byte comparison) says
everything that matters: two states with equal snapshots parse to equal zoning.
"""

from __future__ import annotations

from hypothesis import given

from tests.day2.strategies import fos_fabrics, mds_fabrics
from tests.support.oracle import export as X
from tests.support.oracle import snapshot, write_capture
from zoneplan.parsers import brocade, cisco
from zoneplan.parsers.capture import read_captures


def _errors(findings):
    return [f for f in findings if f.severity.value in ("error", "fatal")]


@given(fos_fabrics())
def test_cfgshow_parses_back_into_the_fabric(f):
    res, findings = brocade.parse_cfgshow(f.cfgshow(), "oracle")
    assert not _errors(findings), findings
    want = f.defined_zonedb()
    got = res.defined
    assert sorted(got.aliases) == sorted(want.aliases)
    for k, v in want.aliases.items():
        assert sorted(got.aliases[k]) == v
    for k, z in want.zones.items():
        g = got.zones[k]
        assert (g.kind, sorted(g.members), sorted(g.principals)) == (
            z.kind,
            z.members,
            z.principals,
        )
    assert {k: sorted(v) for k, v in got.configs.items()} == want.configs
    eff = f.effective_zonedb()
    if eff.effective is None:
        assert res.effective is None or res.effective.effective is None
    else:
        assert res.effective.effective == eff.effective
        for k, z in eff.zones.items():
            assert sorted(res.effective.zones[k].all_members()) == sorted(z.all_members())


@given(mds_fabrics())
def test_nxos_shows_parse_back_into_the_fabric(f):
    das, f1 = cisco.parse_show_device_alias_database(X.show_device_alias_database(f), "o")
    assert das == f.device_aliases() and not _errors(f1)
    for v in f.vsans:
        want = X.observed_zonedb(f, v)
        zs, f2 = cisco.parse_show_zone(X.show_zone(f, [v]), "o")
        sets, f3 = cisco.parse_show_zoneset(X.show_zoneset(f, [v]), "o")
        fca, f4 = cisco.parse_show_fcalias(X.show_fcalias(f, [v]), "o")
        act, f5 = cisco.parse_show_zoneset_active(X.show_zoneset_active(f, [v]), "o")
        st, f6 = cisco.parse_show_zone_status(X.show_zone_status(f, [v]), "o")
        assert not _errors(f2 + f3 + f4 + f5 + f6)
        got = zs.get(v)
        if want.zones:
            assert {k: sorted(z.members) for k, z in got.zones.items()} == {
                k: z.members for k, z in want.zones.items()
            }
            assert {k: z.tags for k, z in got.zones.items()} == {
                k: z.tags for k, z in want.zones.items()
            }
        if want.configs:
            assert {k: sorted(x) for k, x in sets[v].configs.items()} == want.configs
        if want.aliases:
            assert {k: sorted(x) for k, x in fca[v].aliases.items()} == want.aliases
        vz = f.vsans[v]
        assert st[v].mode == vz.mode and st[v].smart_zoning == vz.full.smart
        assert st[v].session == "none"
        if vz.active is not None:
            assert act[v].effective == vz.active.effective
            assert {k: sorted(z.members) for k, z in act[v].zones.items()} == {
                k: sorted(z.members) for k, z in vz.active.zones.items()
            }


@given(fos_fabrics())
def test_a_fos_capture_folder_reads_back(tmp_path_factory, f):
    d = write_capture(f, tmp_path_factory.mktemp("cap"), ["sw1"])
    states, findings = read_captures([d])
    assert not _errors(findings), [x.parsable() for x in findings]
    z = states["sw1"].zoning[0]
    assert sorted(z.defined.zones) == sorted(f.defined.zones)
    assert states["sw1"].transaction.state == "none"


@given(mds_fabrics())
def test_an_nxos_capture_folder_reads_back(tmp_path_factory, f):
    d = write_capture(f, tmp_path_factory.mktemp("cap"))
    states, findings = read_captures([d])
    assert not _errors(findings), [x.parsable() for x in findings]
    st = states["mds1"]
    assert st.device_aliases == f.device_aliases()
    for v, vz in f.vsans.items():
        defined = st.zoning[v].defined if v in st.zoning else None
        assert sorted(defined.zones if defined else []) == sorted(vz.full.zones)


def test_open_transactions_and_locks_are_in_the_snapshot(tmp_path):
    from tests.support.oracle import FosFabric, MdsFabric

    f = FosFabric()
    before = snapshot(f)
    f.open_foreign_transaction("bob")
    assert snapshot(f) != before and "Current transaction token" in snapshot(f)
    m = MdsFabric()
    before = snapshot(m)
    m.lock_zone(1, "bob")
    assert snapshot(m) != before and "cli [bob]" in snapshot(m)
    m.vsans[1].session = None
    m.lock_device_alias("bob")
    assert 'Locked By:- User "CLI/SNMPv3:bob"' in snapshot(m)
