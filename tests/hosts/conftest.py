"""Fixtures for the host side: the sample's topology, a one-path-per-node inventory, the seed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.paths import SAMPLES, shared_absent, shared_root
from zoneplan.topology import Topology
from zoneplan.validate import validate_inventory

SAMPLE = SAMPLES / "euronas-cluster.yaml"
SEED_DIR = shared_root() / "seed"

#: one initiator, one target on each cluster node, all on one switch: 2 paths per LUN (1 + 1)
TINY = """\
name: tiny
fabrics:
  - {name: A, vendor: brocade}
switches:
  - {name: sw1, fabric: A, domain_id: 1, ports: 24}
cluster:
  name: c1
  scsi_vendor: eSSM
  nodes:
    - name: n1
      role: active
      hbas:
        - name: hba0
          vendor: qlogic
          ports:
            - {name: p0, wwpn: "21:00:00:24:ff:00:00:01", role: target, switch: sw1, port: 0}
    - name: n2
      role: standby
      hbas:
        - name: hba0
          vendor: qlogic
          ports:
            - {name: p0, wwpn: "21:00:00:24:ff:00:00:02", role: target, switch: sw1, port: 1}
hosts:
  - name: xen01
    os: citrix-xen
    os_version: XenServer 6.5
    hbas:
      - name: hba0
        vendor: qlogic
        ports:
          - {name: p0, wwpn: "21:00:00:1b:32:00:00:01", switch: sw1, port: 2}
"""


@pytest.fixture(scope="session")
def sample_topology() -> Topology:
    result = validate_inventory(SAMPLE)
    assert result.usable and result.topology is not None
    return result.topology


@pytest.fixture
def tiny_inventory(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY)
    return path


@pytest.fixture
def tiny_topology(tiny_inventory: Path) -> Topology:
    result = validate_inventory(tiny_inventory)
    assert result.usable and result.topology is not None, result.findings
    return result.topology


@pytest.fixture(scope="session")
def seed_mpll() -> str:
    """The ``multipath -ll`` sample of the cluster FAQ, read from the seed at test time."""
    if not SEED_DIR.is_dir():
        pytest.skip(shared_absent("seed"))
    for f in sorted(SEED_DIR.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        m = re.search(r"^\S+ dm-\d+ eSSM\S*,.*?(?=^\s*$)", text, re.M | re.S)
        if m:
            return m.group(0)
    pytest.skip("no multipath -ll sample in the seed")
