"""Names: legal for the pack, unique in its namespaces, stable, collisions deterministic."""

from __future__ import annotations

import pytest

from zoneplan.packs import load_pack
from zoneplan.plan.naming import Namer, NamingError, fill


@pytest.fixture
def brocade() -> Namer:
    return Namer(load_pack("brocade-fos"))


def test_sanitised_to_portable_rule(brocade):
    assert brocade.assign("alias", "esx-01.dc_hba0") == "esx_01_dc_hba0"
    assert brocade.renames[-1].reasons == ["sanitised"]


def test_leading_digit_and_reserved_prefix(brocade):
    assert brocade.assign("alias", "1host") == "a_1host"
    assert brocade.assign("zone", "lsan_zone") == "z_lsan_zone"
    assert "reserved" in brocade.renames[-1].reasons


def test_truncation_keeps_names_unique_and_stable(brocade):
    a = brocade.assign("zone", "z_" + "a" * 80 + "_1")
    b = brocade.assign("zone", "z_" + "a" * 80 + "_2")
    assert len(a) == len(b) == 64 and a != b
    assert a == Namer(load_pack("brocade-fos")).assign("zone", "z_" + "a" * 80 + "_1")


def test_one_namespace_on_brocade_not_on_cisco():
    b = Namer(load_pack("brocade-fos"))
    assert b.assign("alias", "x") == "x"
    assert b.assign("zone", "X") == "X_2"  # case-insensitive, shared with aliases
    assert "collision" in b.renames[-1].reasons
    c = Namer(load_pack("cisco-mds"))
    assert c.assign("alias", "x") == "x"
    assert c.assign("zone", "x") == "x"


def test_reserved_existing_names_win(brocade):
    brocade.reserve("zone", ["legacy"])
    assert brocade.assign("alias", "legacy") == "legacy_2"


def test_collision_suffix_respects_length(brocade):
    long = "z" * 64
    assert brocade.assign("zone", long) == long
    second = brocade.assign("zone", long)
    assert second == "z" * 62 + "_2" and len(second) == 64


def test_template_errors_name_the_fields():
    with pytest.raises(NamingError, match=r"\{initiator\}"):
        fill("z_{nope}", "zone", initiator="a")
    with pytest.raises(NamingError):
        fill("z_{", "zone")
