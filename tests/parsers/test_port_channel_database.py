"""NX-OS ``show port-channel database``: render → parse round trip, and a cut output is said.

The layout is the one the fixtures (tests/fixtures/captures/cisco-mds/show_port-channel_database)
describe with their sources; the channels, members and states here are random.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zoneplan.parsers.cisco import parse_show_port_channel_database

STATES = st.sampled_from(["up", "down", "isolated", "suspended"])
MEMBER = st.tuples(st.integers(1, 12), st.integers(1, 48)).map(lambda t: f"fc{t[0]}/{t[1]}")
CHANNELS = st.dictionaries(
    st.integers(1, 256),
    st.lists(st.tuples(MEMBER, STATES), max_size=8, unique_by=lambda m: m[0]),
    max_size=6,
)


def render(channels: dict[int, list[tuple[str, str]]], san: bool = False) -> str:
    """The output as MDS prints it (``san-port-channel N`` heads where ``san``)."""
    out = ["mds-r1# show port-channel database"]
    for number, members in channels.items():
        up = sum(1 for _m, s in members if s == "up")
        out += [
            f"san-port-channel {number}" if san else f"port-channel{number}",
            "    Administrative channel mode is active",
            "    Operational channel mode is active",
            "    Last membership update succeeded",
        ]
        if up:
            first = next(m for m, s in members if s == "up")
            out.append(f"    First operational port is {first}")
        out.append(f"    {len(members)} ports in total, {up} ports up")
        if not members:
            out.append("    No ports")
        for k, (m, s) in enumerate(members):
            star = " *" if up and m == first else ""
            lead = "    Ports:   " if k == 0 else "             "
            out.append(f"{lead}{m:<8} [{s}]{star}")
        out.append("")
    return "\n".join(out) + "\n"


def _name(number: int, san: bool) -> str:
    return f"san-port-channel{number}" if san else f"port-channel{number}"


@given(CHANNELS, st.booleans())
def test_round_trip(channels, san):
    got, findings = parse_show_port_channel_database(render(channels, san), "t")
    assert got == {_name(n, san): m for n, m in channels.items()}
    assert [f.code for f in findings] == []


@given(CHANNELS, st.data())
def test_a_cut_output_is_a_prefix_or_said(channels, data):
    text = render(channels)
    full, _ = parse_show_port_channel_database(text, "full")
    k = data.draw(st.integers(0, len(text)))
    got, findings = parse_show_port_channel_database(text[:k], "cut")
    codes = {f.code for f in findings}
    for name, members in got.items():
        if name not in full:  # a head cut to another channel's name: said
            assert "ZP021" in codes, (text[:k], findings)
            continue
        assert members == full[name][: len(members)]  # never a member that was not there
        if len(members) < len(full[name]):
            assert codes & {"ZP021", "ZP025"}, (text[:k], findings)  # cut: said
