"""The parser module of a made-up third vendor ("Acme FC"), for the test that proves a vendor
is a ``vendors/<pack>/`` folder plus one parser module (tests/parsers/test_third_vendor.py).

Acme's CLI, invented for the test: the prompt is ``acme1$``; ``showzoning`` prints the active
zone set, ``showname`` the switch's name::

    acme1$ showzoning
    zoneset prod
    zone z_host1: 10:00:00:00:c9:00:00:01 50:06:01:60:00:00:00:01
"""

from __future__ import annotations

from typing import Any, Callable

from zoneplan.findings import Finding, Location
from zoneplan.observed import FABRIC_KEY, Zone, ZoneDb
from zoneplan.parsers.common import fast_wwn, other_line, prepare
from zoneplan.rules.capture import InvalidMember


def parse_showzoning(text: str, source: str) -> tuple[dict[int, ZoneDb], list[Finding]]:
    """``showzoning``: the effective zone set (feed ``zoning_effective``)."""
    t = prepare(text, source)
    db = ZoneDb(source=source)
    for n, raw in enumerate(t.lines, 1):
        words = raw.split()
        if not words:
            continue
        if words[0] == "zoneset" and len(words) == 2:
            db.effective = words[1]
            db.configs[words[1]] = []
        elif words[0] == "zone" and len(words) >= 2 and words[1].endswith(":"):
            name = words[1][:-1]
            members = []
            for w in words[2:]:
                wwn = fast_wwn(w)
                if wwn is None:
                    t.findings.append(
                        InvalidMember.make(f"{w!r} is not a WWPN", Location(source, n))
                    )
                    continue
                members.append(wwn)
            db.zones[name] = Zone(name=name, members=members)
            if db.effective:
                db.configs[db.effective].append(name)
        else:
            other_line(raw, n, source, t.findings, "showzoning")
    return {FABRIC_KEY: db}, t.findings


def parse_showname(text: str, source: str) -> tuple[str | None, list[Finding]]:
    """``showname``: one line, the switch's name (feed ``switchname``)."""
    t = prepare(text, source)
    names = [x.strip() for x in t.lines if x.strip()]
    return (names[0] if names else None), t.findings


#: parser name (as the pack's commands.yaml writes it) → function
PARSERS: dict[str, Callable[[str, str], tuple[Any, list[Finding]]]] = {
    "showzoning": parse_showzoning,
    "showname": parse_showname,
}
