"""Property tests: render random maps, parse them back; cut them anywhere, get findings."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zoneplan.hosts.mpll import (
    CHECKER_STATES,
    DM_STATES,
    GROUP_STATUSES,
    ONLINE_STATES,
    MpPath,
    MultipathMap,
    PathGroup,
    parse_multipath_ll,
    render_multipath_ll,
)

_word = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1)


@st.composite
def paths(draw, rhel5: bool) -> MpPath:
    n = st.integers(0, 300)
    return MpPath(
        hctl=":".join(str(draw(n)) for _ in range(4)),
        dev="sd" + draw(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=3)),
        devt=f"{draw(n)}:{draw(n)}",
        dm_state=draw(st.sampled_from(sorted(DM_STATES))),
        path_state=draw(st.sampled_from(sorted(CHECKER_STATES))),
        online_state=None if rhel5 else draw(st.sampled_from(sorted(ONLINE_STATES))),
    )


@st.composite
def maps(draw, rhel5: bool) -> MultipathMap:
    groups = [
        PathGroup(
            policy=draw(st.sampled_from(["round-robin 0", "service-time 0", "queue-length 0"])),
            prio=draw(st.integers(-5, 130)),
            status=draw(st.sampled_from(sorted(GROUP_STATUSES))),
            paths=draw(st.lists(paths(rhel5), min_size=1, max_size=5)),
        )
        for _ in range(draw(st.integers(1, 4)))
    ]
    product = draw(_word.filter(lambda s: len(s) <= 12)) + draw(
        st.sampled_from(["", " C-Mode", " DISK"])
    )
    return MultipathMap(
        wwid="3" + draw(st.text("0123456789abcdef", min_size=15, max_size=32)),
        alias=draw(st.none() | st.from_regex(r"\Ampath[a-z]{1,3}\Z")),
        dm=f"dm-{draw(st.integers(0, 999))}",
        vendor=draw(_word.filter(lambda s: len(s) <= 8)),
        product=product,
        size=f"{draw(st.integers(1, 999))}{draw(st.sampled_from(['', '.0', '.5']))}"
        + draw(st.sampled_from("KMGTP")),
        features=draw(
            st.sampled_from(
                [
                    "0",
                    "1 queue_if_no_path",
                    "3 queue_if_no_path pg_init_retries 50",
                    "1 retain_attached_hw_handler",
                ]
            )
        ),
        hwhandler=draw(st.sampled_from(["0", "1 alua", "1 emc", "1 rdac"])),
        wp=draw(st.sampled_from(["rw", "ro"])),
        groups=groups,
    )


def outputs(rhel5: bool):
    return st.lists(maps(rhel5), min_size=1, max_size=3)


@given(outputs(rhel5=False))
def test_modern_render_then_parse_is_identity(ms):
    r = parse_multipath_ll(render_multipath_ll(ms))
    assert r.findings == []
    assert r.maps == ms


@given(outputs(rhel5=True))
def test_rhel5_render_then_parse_is_identity(ms):
    r = parse_multipath_ll(render_multipath_ll(ms, "rhel5"))
    assert r.findings == []
    assert r.maps == ms


@given(outputs(rhel5=False), st.data())
def test_modern_output_cut_anywhere_inside_a_map_gives_findings(ms, data):
    text = render_multipath_ll(ms)
    cut = data.draw(st.integers(0, len(text) - 1))
    head = text[:cut]
    whole = {render_multipath_ll(ms[:k]).rstrip() for k in range(1, len(ms) + 1)}
    r = parse_multipath_ll(head)  # never raises
    if head.rstrip() not in whole:
        assert r.findings, repr(head[-120:])


@given(outputs(rhel5=True), st.data())
def test_rhel5_output_cut_inside_a_line_gives_findings(ms, data):
    text = render_multipath_ll(ms, "rhel5")
    cut = data.draw(st.integers(1, len(text) - 1))
    head = text[:cut]
    r = parse_multipath_ll(head)
    last = head.rsplit("\n", 1)[-1]
    # the bracket layout draws no "more follows": only a cut inside a line is detectable
    if text[cut] != "\n" and last.strip():
        assert r.findings, repr(head[-120:])


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_arbitrary_text_never_raises(text):
    r = parse_multipath_ll(text)
    assert r.maps or any(f.code == "ZP050" for f in r.findings)


@given(outputs(rhel5=False), st.data())
def test_garbled_lines_never_raise(ms, data):
    lines = render_multipath_ll(ms).split("\n")
    i = data.draw(st.integers(0, len(lines) - 1))
    junk = data.draw(st.text(alphabet="|`´-+\\_ []='abc0123:#", max_size=30))
    lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))] + junk
    parse_multipath_ll("\n".join(lines))
