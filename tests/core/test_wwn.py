import pytest
from hypothesis import given
from hypothesis import strategies as st

from zoneplan.wwn import WwnError, naa, normalize_wwn, oui, oui_vendor, vendor_family


@pytest.mark.parametrize(
    "raw",
    [
        "21:00:00:24:FF:0C:58:37",
        "2100002 4ff0c5837".replace(" ", ""),
        "21-00-00-24-ff-0c-58-37",
        "0x21000024ff0c5837",
        " 21:00:00:24:ff:0c:58:37 ",
    ],
)
def test_spellings_normalise_to_one_form(raw):
    assert normalize_wwn(raw) == "21:00:00:24:ff:0c:58:37"


@pytest.mark.parametrize(
    "raw",
    ["21:00:00:24:ff:0c:58", "21:00:00:24:ff:0c:58:zz", "", "21:00:00:24:ff:0c:58:37:00", "1:2:3"],
)
def test_bad_wwpns_are_refused(raw):
    with pytest.raises(WwnError):
        normalize_wwn(raw)


@pytest.mark.parametrize(
    "wwn,expected_oui,family",
    [
        ("21:00:00:24:ff:0c:58:37", "00-24-FF", "qlogic"),  # NAA 2
        ("10:00:00:90:fa:11:22:33", "00-90-FA", "emulex"),  # NAA 1
        ("50:06:01:61:3c:e0:20:1b", "00-60-16", "dell-emc"),  # NAA 5, nibble-shifted
        ("c0:50:76:09:5b:20:00:64", "00-50-76", "ibm"),  # NAA C, EUI-64 mapped
        ("52:4a:93:7e:00:00:00:01", "24-A9-37", "pure"),
    ],
)
def test_oui_by_naa_layout(wwn, expected_oui, family):
    assert oui(wwn) == expected_oui
    assert vendor_family(wwn) == family


def test_naa_3_has_no_oui_and_peer_zone_property_member_is_not_a_vendor():
    assert oui("30:00:00:00:00:00:00:01") is None
    assert oui_vendor("00:02:00:00:00:03:00:01") is None
    assert naa("50:06:01:61:3c:e0:20:1b") == 5


@given(st.binary(min_size=8, max_size=8), st.sampled_from([":", "-", ""]), st.booleans())
def test_any_eight_bytes_round_trip_in_any_spelling(raw, sep, upper):
    canon = ":".join(f"{b:02x}" for b in raw)
    text = sep.join(f"{b:02x}" for b in raw)
    if upper:
        text = text.upper()
    assert normalize_wwn(text) == canon
