"""No inventory value and no switch output can inject a command into a script or a shell.

What this proves:

* For every free-text field of the inventory (site, descriptions, model, firmware, location,
  os_version, product, scsi_vendor, scsi_product, HBA/array vendor and model), every name
  field that reaches a script (host names, kept-zone names and members, the naming templates)
  and hostile payloads (quotes, ``;``, ``$()``, backticks, newline, CR, U+2028, NUL, very long
  strings): the inventory is either refused at load with coded findings that point at the file
  and a line, or refused by the planner with a clear error (``PlanError``/``NamingError``), or
  every generated output is safe:

  - each zoning script line (split on ``\\n`` as a terminal would) is a comment, blank, or one
    of the command shapes of its dialect (a whitelist regex per dialect), no line holds a line
    separator a terminal or switch might honour (CR, U+2028, NUL, VT, FF, NEL), a free-text
    payload appears only on comment lines, and the zoning interpreter runs the script;
  - each host configuration file (multipath.conf, esxcli shell script, PowerShell) holds the
    payload only on comment lines or inside a single-quoted (shell, PowerShell) or double-
    quoted, quote-free (multipath.conf) literal;
  - the cabling HTML never holds a payload's ``<``, ``>`` or ``"`` unescaped.

* Switch output: a zone or alias name read from a capture with ``;``, quotes or ``$()`` and
  used by ``plan --against`` never reaches a script unquoted: rendering refuses it
  (``UnsafeValue``) before a single line is written.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from hardening_helpers import enhanced
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.inventories import InventoryParams, inventory_data
from tests.support.zoning_interp import ZoningSwitch
from zoneplan.cabling.plan import build_plan as build_cabling
from zoneplan.cabling.render import render_html
from zoneplan.hosts.config import render_all
from zoneplan.loader import load_inventory
from zoneplan.observed import Zone, ZoneDb
from zoneplan.packs import load_pack
from zoneplan.plan import Baseline, ChangeOptions, build_plan, compute_change
from zoneplan.plan.build import PlanError
from zoneplan.plan.naming import NamingError
from zoneplan.render import render_plan
from zoneplan.render.engine import UnsafeValue, render_fabric
from zoneplan.topology import build_topology

SETTINGS = settings(suppress_health_check=list(HealthCheck))  # examples: the profile

MARK = "QZX"  #: brackets every payload, so where it lands can be found
LINE_BREAKS = ("\r", "\0", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")

_BQ = r'"[A-Za-z0-9_^:,;-]{1,2700}"'  # one FOS quoted token or ;-list of tokens
BROCADE_LINE = re.compile(
    r"^(?:cfgtransshow|cfgsave(?: -f)?"
    rf"|alicreate {_BQ}, {_BQ}|alidelete {_BQ}|aliadd {_BQ}, {_BQ}|aliremove {_BQ}, {_BQ}"
    rf"|zonecreate {_BQ}, {_BQ}|zoneadd {_BQ}, {_BQ}|zoneremove {_BQ}, {_BQ}|zonedelete {_BQ}"
    rf"|zonecreate --peerzone {_BQ} -principal {_BQ}(?: -members {_BQ})?"
    rf"|zone(?:add|remove) --peerzone {_BQ} -(?:principal|members) {_BQ}"
    rf"|cfgcreate {_BQ}, {_BQ}|cfgadd {_BQ}, {_BQ}|cfgremove {_BQ}, {_BQ}|cfgdelete {_BQ}"
    rf"|cfgenable {_BQ}(?: -f)?"
    # the read-only checks of precheck and verify
    rf"|cfgactvshow|version|alishow {_BQ}|zoneshow {_BQ}|cfgshow {_BQ})$"
)
_T = r"[A-Za-z0-9_$^-]{1,64}"
_W = r"[0-9a-f]{2}(?::[0-9a-f]{2}){7}"
CISCO_LINE = re.compile(
    r"^(?:configure terminal|end|(?:no )?terminal dont-ask"
    r"|copy running-config startup-config(?: fabric)?|device-alias database|device-alias commit"
    rf"|  device-alias name {_T} pwwn {_W}|  no device-alias name {_T}"
    rf"|zone smart-zoning enable vsan \d+|zone name {_T} vsan \d+|no zone name {_T} vsan \d+"
    rf"|  (?:no )?member (?:device-alias {_T}|fcalias {_T}|pwwn {_W})"
    r"(?: (?:initiator|target|both))?"
    rf"|zoneset name {_T} vsan \d+|no zoneset name {_T} vsan \d+|  (?:no )?member {_T}"
    rf"|zoneset activate name {_T} vsan \d+|zone commit vsan \d+"
    # the read-only checks of precheck and verify
    rf"|show device-alias (?:status|name {_T})|show zone status vsan \d+"
    rf"|show (?:fcalias|zone|zoneset) name {_T} vsan \d+|show zoneset active vsan \d+)$"
)

payload_core = st.one_of(
    st.sampled_from(
        [
            '"; cfgclear; echo "',
            "'; rm -rf / #",
            "$(reboot)",
            "`reboot`",
            "a\ncfgdisable",
            "a\r\ncfgclear",
            "x\u2028zone name evil vsan 1",
            "nul\0byte",
            '\\"',
            "}}{{ 7*7 }}",
            "<script>alert(1)</script>",
            '"><img src=x>',
            "x" * 5000,
            "\t!#;&|<>",
        ]
    ),
    st.text(alphabet=st.sampled_from(list("ab\"';$()`\n\r\u2028\0\\{}<>#!& \t|")), max_size=40),
)
payload = payload_core.map(lambda s: f"{MARK}{s}{MARK}")

FREE_TEXT = [
    ("site",),
    ("description",),
    ("fabrics", 0, "description"),
    ("switches", 0, "model"),
    ("switches", 0, "firmware"),
    ("switches", 0, "location"),
    ("hosts", 0, "os_version"),
    ("hosts", 0, "description"),
    ("cluster", "product"),
    ("cluster", "scsi_vendor"),
    ("cluster", "scsi_product"),
    ("arrays", 0, "vendor"),
    ("arrays", 0, "model"),
    ("hosts", 0, "hbas", 0, "model"),
    ("hosts", 0, "hbas", 0, "vendor"),
]
NAMES = [
    ("hosts", 0, "name"),
    ("existing_zones", 0, "name"),
    ("existing_zones", 0, "members"),
    *[
        ("policy", "naming", k)
        for k in (
            "alias",
            "zone",
            "multi_target_zone",
            "peer_zone",
            "mirror_zone",
            "backend_zone",
            "config",
        )
    ],
]


def _set(data: dict, path: tuple, value: str) -> None:
    node = data
    for k in path[:-1]:
        node = node.setdefault(k, {}) if isinstance(k, str) else node[k]
    last = path[-1]
    if last == "members":
        node[last] = [*node[last], value]
    elif path[:2] == ("policy", "naming"):
        node[last] = (
            "{"
            + {
                "alias": "device",
                "zone": "initiator",
                "multi_target_zone": "initiator",
                "peer_zone": "target",
                "mirror_zone": "cluster",
                "backend_zone": "node",
                "config": "name",
            }[last]
            + "}"
            + value
        )
    else:
        node[last] = value


def _inventory(tmp: Path, vendor_b: str, strategy: str, path: tuple, value: str) -> Path:
    data = inventory_data(
        InventoryParams(
            hosts=2,
            vendor_a="brocade",
            vendor_b=vendor_b,
            existing_zone=True,
            strategy=strategy,
            seed=3,
        )
    )
    if "policy" in path:
        data.setdefault("policy", {}).setdefault("naming", {})
    _set(data, path, value)
    f = tmp / "inv.yaml"
    # libyaml's emitter: the pure-Python one was a third of each example's time
    text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
    f.write_text(text, encoding="utf-8")
    return f


def _check_script(text: str, vendor: str, free_text: str | None) -> None:
    for bad in LINE_BREAKS:
        assert bad not in text, f"line separator {bad!r} in a script"
    comment = "#" if vendor == "brocade" else "!"
    shape = BROCADE_LINE if vendor == "brocade" else CISCO_LINE
    for line in text.split("\n"):
        if not line.strip() or line.startswith(comment):
            continue
        assert shape.match(line), f"unexpected {vendor} script line: {line!r}"
        if free_text is not None:
            assert MARK not in line, line


def _single_quoted_only(line: str, quote: str, doubled: bool) -> bool:
    """True when every MARK in ``line`` lies inside a ``quote`` literal."""
    inside = False
    k = 0
    spans = []
    start = 0
    while k < len(line):
        ch = line[k]
        if ch == quote:
            if inside and doubled and line[k + 1 : k + 2] == quote:
                k += 2
                continue
            if inside:
                spans.append((start, k))
            else:
                start = k
            inside = not inside
        k += 1
    if inside:
        return False
    for m in re.finditer(MARK, line):
        if not any(a < m.start() and m.end() <= b for a, b in spans):
            return False
    return True


def _check_host_file(name: str, text: str) -> None:
    for bad in LINE_BREAKS:
        assert bad not in text, (name, bad)
    for line in text.split("\n"):
        if MARK not in line or line.lstrip().startswith("#"):
            continue
        if name.endswith(".ps1"):
            assert _single_quoted_only(line, "'", doubled=True), (name, line)
        elif name.endswith(".sh"):
            # '\'' closes, escapes and reopens: treat the escaped quote as part of the literal
            assert _single_quoted_only(line.replace("'\\''", "\x01"), "'", doubled=False), (
                name,
                line,
            )
        elif name.endswith(".conf"):
            assert _single_quoted_only(line, '"', doubled=False), (name, line)
        # macos-xsan.txt is a text document, never executed


@pytest.mark.parametrize("path", FREE_TEXT + NAMES, ids=lambda p: ".".join(map(str, p)))
@SETTINGS
@given(
    value=payload,
    vendor_b=st.sampled_from(["brocade", "cisco"]),
    strategy=st.sampled_from(["sist", "simt", "peer", "smart"]),
)
def test_no_inventory_value_reaches_a_script_unquoted(
    tmp_path_factory, path, value, vendor_b, strategy
):
    tmp = tmp_path_factory.mktemp("inj")
    f = _inventory(tmp, vendor_b, strategy, path, value)
    res = load_inventory(f)
    if res.inventory is None:
        assert res.findings
        for fd in res.findings:
            assert re.fullmatch(r"ZP0\d\d", fd.code), fd.code
            assert fd.location is not None and fd.location.file == str(f)
        assert any(fd.location.line for fd in res.findings)
        return
    topo = build_topology(res.inventory, res.source)
    free = value if path in FREE_TEXT else None
    try:
        plan = enhanced(build_plan(topo))
    except (PlanError, NamingError):
        assert path in NAMES  # only a name can make the planner give up, with a message
        return
    try:
        rendered = render_plan(plan)
    except UnsafeValue:
        # a kept zone's name or member legal on one vendor only ('$' is NX-OS-only): the quote
        # filter refuses it and `zoneplan plan` reports the RenderError, writing nothing
        assert path[0] == "existing_zones"
        return
    for fp, r in zip(plan.fabrics, rendered, strict=True):
        for text in (r.script, r.rollback):
            _check_script(text, fp.vendor, free)
        sw = ZoningSwitch(fp.vendor, vsan=fp.vsan)
        for z in fp.zones:
            if z.kind.value == "existing":
                sw.zones[z.name] = Zone(z.name, members=[m.wwpn or m.name for m in z.all_members()])
        try:
            sw.run(r.script)
        except Exception as exc:  # a kept zone naming an unknown alias is the only excuse
            assert path == ("existing_zones", 0, "members"), exc
    if topo.inventory.cluster is not None:
        for hc in render_all(topo):
            _check_host_file(hc.filename, hc.text)
    html = render_html(build_cabling(topo, generated=date(2026, 1, 1)))
    core = value[len(MARK) : -len(MARK)]
    if any(c in core for c in '<>"') and path in FREE_TEXT:
        assert value not in html  # the marked payload, verbatim, would be unescaped


# --------------------------------------------------------------------------- switch output

hostile_name = st.one_of(
    st.sampled_from(["a;cfgclear", 'z"x', "a$(reboot)", "a`id`", "a b", "a'b", "a\\b", "a|b"]),
    st.text(alphabet=st.sampled_from(list("az;\"'$()` |&\\")), min_size=1, max_size=12).filter(
        lambda s: not re.fullmatch(r"[A-Za-z0-9_^:,$-]+", s)
    ),
)


@SETTINGS
@given(
    name=hostile_name,
    where=st.sampled_from(["zone", "alias", "config", "member"]),
    vendor_b=st.sampled_from(["brocade", "cisco"]),
    allow_delete=st.booleans(),
)
def test_names_read_from_a_switch_never_reach_a_script_unquoted(
    name, where, vendor_b, allow_delete
):
    topo = build_topology(inventory_from(vendor_b))
    plan = build_plan(topo)
    for fp in plan.fabrics:
        db = ZoneDb(source="capture")
        w = "50:00:00:00:00:00:00:01"
        alias = name if where == "alias" else "old_a"
        zone = name if where == "zone" else "old_z"
        cfg = name if where == "config" else "old_cfg"
        member = name if where == "member" else alias
        das: dict[str, str] = {}
        if fp.vendor == "brocade":
            db.aliases[alias] = [w]
        else:
            das[alias] = w
        db.zones[zone] = Zone(zone, members=[member])
        db.configs[cfg] = [zone]
        db.effective = cfg
        base = Baseline.from_db(fp.name, load_pack(fp.pack), db, db, das, source="capture")
        opts = ChangeOptions(allow_delete=allow_delete, accept_pending=True, enable_zoning=True)
        result = compute_change(fp, base, opts)
        if result.blocked:
            continue  # refused: nothing is written
        try:
            r = render_fabric(plan, fp, result.change)
        except UnsafeValue:
            continue  # refused before anything was written
        for text in (r.script, r.rollback):
            _check_script(text, fp.vendor, None)
            comment = "#" if fp.vendor == "brocade" else "!"
            for line in text.split("\n"):
                if not line.startswith(comment) and set(name) - set(';, "'):
                    # a hostile name is never a token of a command (a name such as ';z' is
                    # a substring of any member list with a zone 'z...': compare tokens)
                    assert name not in re.split(r'[ ,;"]+', line), line
                    assert not re.search(r"[$`|&']", line), line


def inventory_from(vendor_b: str):
    from tests.support.inventories import random_inventory

    return random_inventory(InventoryParams(hosts=2, vendor_a="brocade", vendor_b=vendor_b))


def test_control_characters_in_free_text_are_refused_at_load(tmp_path):
    f = _inventory(tmp_path, "brocade", "sist", ("hosts", 0, "os_version"), f"{MARK}\0{MARK}")
    res = load_inventory(f)
    assert res.inventory is None
    assert [x.code for x in res.findings] == ["ZP003"]
    assert res.findings[0].location.line


@pytest.mark.parametrize(
    ("vendor", "line"),
    [
        ("brocade", "cfgclear"),
        ("brocade", 'cfgenable "c"; cfgclear'),
        ("brocade", 'alicreate "a", "10:00:00:00:00:00:00:01" $(reboot)'),
        ("brocade", 'zonecreate "a b", "x"'),
        ("brocade", 'zonecreate "a", "x`id`"'),
        ("cisco", "clear zone database vsan 10"),
        ("cisco", "zone name a;reload vsan 10"),
        ("cisco", "  member device-alias a b"),
        ("cisco", "zoneset activate name x vsan 10 ; reload"),
        ("cisco", "write erase"),
    ],
)
def test_the_whitelist_rejects_foreign_lines(vendor, line):
    with pytest.raises(AssertionError, match="unexpected"):
        _check_script(line + "\n", vendor, None)
