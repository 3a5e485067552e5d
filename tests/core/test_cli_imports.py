"""`zoneplan rules` stays light: it imports neither the graph library nor the SSH stack.

Why: the rule catalogue is documentation an admin reads at a prompt (``zoneplan rules ZP301``);
it must start fast and work where the live extras cannot load. Checked in a fresh interpreter,
since the test process itself has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("networkx", "asyncssh", "pysnmp", "weasyprint", "jinja2")

PROBE = """
import json, sys
from zoneplan.cli import app
try:
    app({args!r}, standalone_mode=False)
except SystemExit:
    pass
sys.stderr.write("\\nLOADED " + json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


@pytest.mark.parametrize(
    "args", [["rules"], ["rules", "ZP301"], ["rules", "--format", "markdown"]], ids=" ".join
)
def test_rules_imports_no_graph_and_no_ssh(args):
    code = PROBE.format(args=args, heavy=HEAVY)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "ZP301" in proc.stdout
    loaded = json.loads(proc.stderr.rsplit("LOADED ", 1)[1])
    assert loaded == [], f"zoneplan {' '.join(args)} imported {loaded}"


def test_validate_imports_no_graph_library_and_no_ssh():
    """`zoneplan validate` needs the graph's indices, not networkx (0.3-0.5 s to import)."""
    sample = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "samples")
    code = PROBE.format(args=["validate", f"{sample}/euronas-cluster.yaml"], heavy=HEAVY)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "no findings" in proc.stdout or "info" in proc.stdout
    loaded = json.loads(proc.stderr.rsplit("LOADED ", 1)[1])
    assert "networkx" not in loaded and "asyncssh" not in loaded, loaded
