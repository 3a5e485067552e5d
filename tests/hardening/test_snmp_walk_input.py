"""A saved SNMP walk is input: any index, any line, and the offline audit still ends in findings.

Issue 14 (crashes): the walk text decoder crashed on an index byte of 256, a missing index and
a short index (tracebacks on ``audit --capture`` of a saved walk). The walk here is the one
``collect --via snmp`` would save from the emulated MDS of the sample (the snmpsim records of
:mod:`tests.support.snmp_agent`); each case damages one index and reads it back through the CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support.paths import SAMPLES
from tests.support.planstate import states_from_plan
from tests.support.snmp_agent import cisco_records
from zoneplan.cli import app
from zoneplan.loader import load_inventory
from zoneplan.parsers.capture import read_captures
from zoneplan.parsers.snmpwalk import MAGIC
from zoneplan.plan.build import build_plan
from zoneplan.topology import build_topology

runner = CliRunner()
DA = "1.3.6.1.4.1.9.9.430.1.1.1.1.3."  # cfdaConfigDeviceId: INDEX is the length-prefixed name
MEMBER = "1.3.6.1.4.1.9.9.294.1.1.11.1.4."  # zoneMemberID: INDEX (vsan, type, parent, member)
FCNS = "1.3.6.1.4.1.9.9.294.1."  # not used: the name server prefix varies by release


@pytest.fixture(scope="module")
def walk_text() -> str:
    r = load_inventory(SAMPLES / "euronas-cluster.yaml")
    topo = build_topology(r.inventory, r.source)
    st = states_from_plan(build_plan(topo), topo)["mds-b1"]
    body = "\n".join(cisco_records(st))
    return f"{MAGIC}\n# switch: mds-b1\n# vendor: cisco\n{body}\n"


def _damage(text: str, prefix: str, new_index: str) -> str:
    """The first record of column ``prefix`` with its index replaced."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if line.startswith(prefix):
            _, _, rest = line.partition("|")
            lines[k] = f"{prefix}{new_index}".rstrip(".") + "|" + rest
            return "\n".join(lines)
    raise AssertionError(f"no record of {prefix}")


def _audit(tmp_path: Path, text: str) -> tuple[int, dict]:
    d = tmp_path / "cap" / "mds-b1"
    d.mkdir(parents=True, exist_ok=True)
    (d / "snmp_walk.txt").write_text(text)
    r = runner.invoke(app, ["audit", "--capture", str(tmp_path / "cap"), "--format", "json"])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    return r.exit_code, json.loads(r.stdout)


def test_the_undamaged_walk_reads(walk_text, tmp_path):
    code, doc = _audit(tmp_path, walk_text)
    assert "ZP727" not in {f["code"] for f in doc["findings"]}
    states, _ = read_captures([tmp_path / "cap"])
    assert states["mds-b1"].device_aliases and not states["mds-b1"].cut


@pytest.mark.parametrize(
    ("prefix", "index"),
    [
        (DA, "3.97.256.99"),  # an index byte of 256
        (DA, ""),  # no index at all
        (DA, "9.97.98"),  # the length says 9, three octets follow
        (MEMBER, "20.1"),  # a short member index
        (MEMBER, ""),
        (MEMBER, "20.1.1.1.7"),  # a long one
        (MEMBER, "20.1.99999999999999999999.1"),
    ],
)
def test_damaged_indexes_are_findings_never_tracebacks(walk_text, tmp_path, prefix, index):
    code, doc = _audit(tmp_path, _damage(walk_text, prefix, index))
    codes = {f["code"] for f in doc["findings"]}
    assert codes & {"ZP727", "ZP025"}, codes
    states, _ = read_captures([tmp_path / "cap"])
    st = states["mds-b1"]
    assert st.cut or not all(db.complete for z in st.zoning.values() for db in (z.defined,) if db)


@pytest.mark.parametrize(
    "line",
    [
        "# walk: 1.3.6.1.4.1.9.9.294.1.1.11.1.4 zoneMemberID rows=many complete",
        "# walk: not-an-oid zoneMemberID rows=3 complete",
        "1.3.6.1.2.1.1.5.0_1|4|x",
        "1.3.6.-1.2|2|1",
        "١.٣.٦|2|1",  # Arabic-Indic digits: int() takes them, an OID does not
    ],
)
def test_bad_lines_are_findings(walk_text, tmp_path, line):
    head, _, body = walk_text.partition("\n")
    code, doc = _audit(tmp_path, f"{head}\n{line}\n{body}")
    hits = [f for f in doc["findings"] if f["code"] == "ZP025"]
    assert hits and hits[0]["line"] == 2


def test_an_unreadable_walk_status_is_not_a_complete_walk(walk_text, tmp_path):
    head, _, body = walk_text.partition("\n")
    bad = "# walk: 1.3.6.1.4.1.9.9.294.1.1.11.1.4 zoneMemberID rows=x complete"
    _audit(tmp_path, f"{head}\n{bad}\n{body}")
    states, findings = read_captures([tmp_path / "cap"])
    assert states["mds-b1"].cut  # never read as complete
    assert any(re.search("not completely read", f.message) for f in findings)
