"""Properties of the oracle itself: what a transaction or session does not commit leaves no trace.

Why: "nothing left changed after an abort" (issue 12) and the byte-for-byte rollback checks
rest on the oracle keeping uncommitted work apart from the fabric. Random states × random
command sequences (valid and invalid alike) are sent, then discarded the way the scripts tell
an admin to; the fabric must print exactly what it printed before, and another admin must
never have seen the uncommitted changes.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.day2.strategies import fos_fabrics, mds_fabrics, wwn
from tests.support.oracle import snapshot


def _fos_line(draw, names: list[str]) -> str:  # noqa: ANN001
    name = draw(st.sampled_from(names))
    other = draw(st.sampled_from(names))
    w = wwn(draw(st.integers(0, 50)), 0x10)
    return draw(
        st.sampled_from(
            [
                f'alicreate "{name}_n", "{w}"',
                f'aliadd "{name}", "{w}"',
                f'aliremove "{name}", "{w}"',
                f'alidelete "{name}"',
                f'zonecreate "{name}_z", "{other}; {w}"',
                f'zoneadd "{name}", "{other}"',
                f'zoneremove "{name}", "{other}"',
                f'zonedelete "{name}"',
                f'cfgcreate "{name}_c", "{other}"',
                f'cfgadd "{name}", "{other}"',
                f'cfgremove "{name}", "{other}"',
                f'cfgdelete "{name}"',
                f'zonecreate --peerzone "{name}_p" -principal "{w}" -members "{other}"',
                f'zoneadd --peerzone "{name}" -members "{w}"',
            ]
        )
    )


@given(fos_fabrics(), st.data())
def test_a_fos_transaction_aborted_leaves_no_trace(f, data):
    before = snapshot(f)
    names = sorted(set(f.defined.aliases) | set(f.defined.zones) | set(f.defined.configs))
    s = f.session("admin")
    for _ in range(data.draw(st.integers(1, 12))):
        s.send(_fos_line(data.draw, names))
    other = f.session("bob").send("cfgshow").output
    assert other == f.cfgshow(None)  # another admin sees the committed zoning only
    s.send("cfgtransabort")
    assert not f.transactions and snapshot(f) == before


def _nxos_lines(draw, f, v: int) -> list[str]:  # noqa: ANN001
    full = f.vsans[v].full
    zones = sorted(full.zones) or ["zx"]
    das = sorted(f.device_aliases()) or ["dx"]
    z, d = draw(st.sampled_from(zones)), draw(st.sampled_from(das))
    w = wwn(draw(st.integers(0, 50)), 0x10)
    return draw(
        st.sampled_from(
            [
                [f"zone name {z} vsan {v}", f"member pwwn {w}"],
                [f"zone name {z} vsan {v}", f"no member device-alias {d}"],
                [f"zone name new_{z} vsan {v}", f"member device-alias {d}"],
                [f"no zone name {z} vsan {v}"],
                [f"zoneset name zs_new vsan {v}", f"member {z}"],
                [f"fcalias name fa_new vsan {v}", f"member pwwn {w}"],
                ["device-alias database", f"device-alias name new_{d} pwwn {w}"],
                ["device-alias database", f"no device-alias name {d}"],
                ["terminal dont-ask", f"zoneset activate name zs_new vsan {v}"],
            ]
        )
    )


@given(mds_fabrics(), st.data())
def test_an_nxos_session_discarded_leaves_no_trace(f, data):
    for vz in f.vsans.values():
        vz.mode = "enhanced"  # basic mode applies at once: nothing to discard
    before = snapshot(f)
    s = f.session("admin")
    s.send("configure terminal")
    for _ in range(data.draw(st.integers(1, 8))):
        v = data.draw(st.sampled_from(sorted(f.vsans)))
        for line in _nxos_lines(data.draw, f, v):
            s.send(line)
    s.send("end")
    s.send("configure terminal")
    for v in f.vsans:
        s.send(f"no zone commit vsan {v}")
    s.send("device-alias abort")
    assert snapshot(f) == before
