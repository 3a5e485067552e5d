"""The physical layer's parts: data tables, front panels, the length estimator, cable runs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from zoneplan.model import CablingPolicy, Inventory, Location, Media, Rack, Side, Switch
from zoneplan.physical import physical_of
from zoneplan.physical.faceplate import build_faceplate, port_number
from zoneplan.physical.lengths import Estimator, Place, order_length, stock_lengths
from zoneplan.physical.tables import color_table, label_table, media_table
from zoneplan.rules.physical import RULES
from zoneplan.validate import validate_inventory

from .base import inventory

# every ZP9xx code, named here so the catalogue test sees each one exercised
CODES = (
    "ZP901 ZP902 ZP903 ZP904 ZP905 ZP906 ZP907 ZP908 ZP909 ZP910 ZP911 ZP912 ZP913 ZP914 "
    "ZP915 ZP916 ZP917"
).split()


def test_the_family_is_complete():
    assert [r.code for r in RULES] == CODES


# -- data ---------------------------------------------------------------------------------------
def test_reach_tables_match_their_sources():
    t = media_table()
    assert t.reach(Media.OM4, 32).m == 100 and t.reach(Media.OM4, 32).verified
    assert t.reach(Media.OM3, 32).m == 70
    assert t.reach(Media.OM3, 16).m == 100 and t.reach(Media.OM4, 16).m == 125
    assert t.reach(Media.OM1, 16).m is None  # not supported
    # 10 Gb/s is between rows: the faster (shorter) row's reach is the safe answer
    assert t.reach(Media.OM3, 10).m == t.reach(Media.OM3, 16).m
    assert t.reach(Media.OM3, 512) is None
    assert not t.media[Media.DAC].fc_ports
    for entry in t.media.values():
        for reach in entry.speeds.values():
            assert reach.source in t.sources


def test_every_verified_fact_names_a_source_and_every_colour_is_drawable():
    colors = color_table()
    assert colors.hex("aqua") == "#00b5cc" and colors.hex("#ABCDEF") == "#abcdef"
    assert colors.name("#1f6feb") == "blue"
    assert colors.name("#1f6fec").startswith("≈ ")
    for entry in media_table().media.values():
        assert colors.hex(entry.color)


def test_label_stocks_fit_their_pages():
    for key, stock in label_table().stocks.items():
        g, lab, page = stock.grid, stock.label, stock.page
        assert g.x0 + (g.cols - 1) * g.dx + lab.w <= page.w + 0.01, key
        assert g.y0 + (g.rows - 1) * g.dy + lab.h <= page.h + 0.01, key
        assert lab.w <= g.dx + 0.01 and lab.h <= g.dy + 0.01, key
        assert stock.source["verified"] is True


# -- front panels --------------------------------------------------------------------------------
def _switch(model: str, ports: int | None = None, **kw) -> Switch:
    return Switch(name="sw", fabric="A", domain_id=1, model=model, ports=ports, **kw)


def test_g620_panel_has_the_sfp_block_and_four_qsfp_cages():
    from zoneplan.packs import pack_for

    sw = _switch("SN6600B", 48)  # the HPE name of a G620, 48 ports in the inventory
    fp = build_faceplate(sw, "brocade", pack_for("brocade").port_names(48))
    assert fp.model_id == "brocade-g620" and fp.height == 1 and not fp.verified
    sfp, qsfp = fp.panels[0].blocks
    # groups of 8: the top row carries 0-3, the bottom row 4-7, then 8-11 / 12-15
    top = [p.number for p in sfp.places if p.row == 0][:8]
    bottom = [p.number for p in sfp.places if p.row == 1][:8]
    assert top == [0, 1, 2, 3, 8, 9, 10, 11] and bottom == [4, 5, 6, 7, 12, 13, 14, 15]
    assert sfp.groups == 6 and sfp.speed == 32
    assert len(qsfp.places) == 16 and {p.cage for p in qsfp.places} == {0, 1, 2, 3}
    # ports 48-63 exist on the panel but not in this inventory (ports: 48)
    assert all(p.name is None for p in qsfp.places)
    assert fp.speed("8") == 32 and fp.extra == []


def test_cisco_panel_is_column_major_from_one_and_unknown_models_get_the_default():
    from zoneplan.packs import pack_for

    pack = pack_for("cisco")
    fp = build_faceplate(_switch("DS-C9148T-48PETK9", 48), "cisco", pack.port_names(48))
    first_col = [p.name for p in fp.panels[0].blocks[0].places if p.col == 0]
    assert first_col == ["fc1/1", "fc1/2"] and fp.speed("fc1/48") == 32
    unknown = build_faceplate(_switch("MDS 9999X", 20), "cisco", pack.port_names(20))
    assert unknown.model_id is None and not unknown.verified and unknown.speed("fc1/1") is None
    assert sum(len(b.places) for b in unknown.panels[0].blocks) == 20


def test_director_slots_are_panels_and_odd_port_names_are_listed_not_lost():
    from zoneplan.packs import pack_for

    pack = pack_for("brocade")
    sw = _switch("X6-4", None, slots={3: 48, 4: 48}, director=True)
    fp = build_faceplate(sw, "brocade", pack.port_names(None, {3: 48, 4: 48}))
    assert [p.title for p in fp.panels] == ["slot 3", "slot 4"] and fp.height == 8
    assert sum(len(b.places) for b in fp.panels[1].blocks) == 48
    odd = build_faceplate(_switch("G620"), "brocade", ["0", "1", "port-channel5"])
    assert odd.extra == ["port-channel5"]


def test_port_numbers():
    assert port_number("3/12") == (3, 12) and port_number("fc1/9") == (1, 9)
    assert port_number("8") == (None, 8) and port_number("ge0x") == (None, None)


# -- lengths -------------------------------------------------------------------------------------
RACKS = [
    Rack(name="R01", row="C", position=1),
    Rack(name="R02", row="C", position=2),
    Rack(name="R10", row="D", position=2),
    Rack(name="X1", room="other", row="C", position=1),
]


def _at(rack: str, u: int, height: int = 1, side: Side = Side.FRONT) -> Place:
    return Place(Location(rack=rack, u=u, side=side), height)


def test_in_rack_estimate_is_the_vertical_distance_plus_allowances():
    est = Estimator(RACKS, CablingPolicy()).estimate(_at("R01", 40), _at("R01", 20, 2))
    assert est is not None and est.in_rack and est.basis == "same rack"
    # middles 39.5 and 20.0 units up: 19.5 * 44.45 mm = 0.867 m, + 2 * (0.3 + 0.3)
    assert est.route == pytest.approx(2.07, abs=0.01)
    assert est.order == 3 and est.stock


def test_row_and_cross_row_estimates_and_what_cannot_be_estimated():
    e = Estimator(RACKS, CablingPolicy())
    row = e.estimate(_at("R01", 40), _at("R02", 40))
    cross = e.estimate(_at("R01", 40), _at("R10", 40))
    assert row is not None and cross is not None and row.basis == "same row"
    assert cross.basis == "rows C-D" and cross.route == pytest.approx(row.route + 2.4, abs=0.01)
    assert e.estimate(_at("R01", 40), _at("X1", 40)) is None  # another room: measure it
    assert e.estimate(_at("R01", 40), Place(Location(note="somewhere"))) is None
    assert e.estimate(_at("R01", 40), _at("nope", 1)) is None
    flipped = e.estimate(_at("R01", 40), _at("R01", 20, 2, Side.REAR))
    assert flipped is not None and flipped.route == pytest.approx(2.07 + 1.0, abs=0.01)


@given(st.floats(min_value=0.01, max_value=500))
def test_the_order_length_is_never_shorter_than_the_route(route):
    lengths = stock_lengths(CablingPolicy())
    order, stock = order_length(route, lengths)
    assert order >= route - 1e-9
    if stock:
        assert order in lengths and all(x < route - 1e-9 for x in lengths if x < order)
    else:
        assert order > lengths[-1] and order == int(order)


def test_the_policy_can_replace_the_stock_lengths():
    assert order_length(1.2, stock_lengths(CablingPolicy(lengths=[2, 1.25, 4]))) == (1.25, True)


# -- runs ----------------------------------------------------------------------------------------
def _topology(tmp_path: Path, extra: dict):
    path = tmp_path / "inv.yaml"
    path.write_text(yaml.safe_dump(inventory(extra), sort_keys=False), encoding="utf-8")
    result = validate_inventory(path)
    assert result.usable, [str(f) for f in result.findings]
    return result


PANELLED = {
    "racks": [{"name": "R01", "position": 1}, {"name": "R02", "position": 2}],
    "patch_panels": [
        {"name": "pp-r01", "ports": 24, "location": {"rack": "R01", "u": 42}},
        {"name": "pp-r02", "ports": 24, "location": {"rack": "R02", "u": 42}},
    ],
    "switches": [
        {"name": "sw-a1", "location": {"rack": "R02", "u": 40}},
        {"name": "sw-b1", "location": {"rack": "R02", "u": 39}},
    ],
    "hosts": [
        {
            "name": "esx01",
            "location": {"rack": "R01", "u": 10, "height": 2},
            "hbas": [
                {
                    "name": "hba0",
                    "ports": [
                        {
                            "name": "p0",
                            "speed": 32,
                            "cable": {"id": "A-0008", "media": "OM4"},
                            "via": [
                                {"panel": "pp-r01", "port": 1, "cable": {"media": "OM4"}},
                                {"panel": "pp-r02", "port": 1},
                            ],
                        }
                    ],
                }
            ],
        }
    ],
}


def test_a_patched_run_has_a_segment_per_cable_and_sums_them(tmp_path):
    result = _topology(tmp_path, PANELLED)
    runs = physical_of(result.topology).by_key()
    run = runs["esx01/hba0/p0"]
    assert [s.a.text for s in run.segments] == [
        "esx01/hba0/p0",
        "pp-r01 port 1",
        "pp-r02 port 1",
    ]
    assert [s.b.text for s in run.segments][-1] == "sw-a1 port 8"
    assert all(s.estimate is not None for s in run.segments)
    assert run.length == pytest.approx(sum(s.length for s in run.segments))
    # the last segment says no media: it is unknown, not OM4
    assert run.segments[2].media is None and run.medias == {Media.OM4}
    assert physical_of(result.topology).run_speed(run) == 32
    assert not [f for f in result.findings if f.code.startswith("ZP9") and f.code != "ZP915"]


def test_the_policy_media_fills_cables_that_do_not_say(tmp_path):
    result = _topology(tmp_path, {**PANELLED, "policy": {"cabling": {"media": "OM3"}}})
    run = physical_of(result.topology).by_key()["esx01/hba0/p0"]
    assert run.segments[2].media is Media.OM3
    # OM4 jumpers on an OM3 segment: a mixed run
    assert "ZP911" in [f.code for f in result.findings]


def test_legacy_short_forms_still_load():
    inv = Inventory.model_validate(
        {
            "name": "x",
            "fabrics": [{"name": "A", "vendor": "brocade"}],
            "switches": [{"name": "s", "fabric": "A", "domain_id": 1, "location": "R02 U40"}],
            "isls": [{"a": "s:1", "b": "s:2", "cable": "ISL-1"}],
        }
    )
    assert inv.switches[0].location is not None
    assert inv.switches[0].location.text == "R02 U40" and not inv.switches[0].location.placed
    assert inv.isls[0].cable is not None and inv.isls[0].cable.id == "ISL-1"
    assert inv.isls[0].cable.bare
