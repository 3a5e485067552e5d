"""Golden files: every sample × every strategy, scripts and rollbacks in both dialects.

Each sample is rendered as written and with every fabric's vendor swapped (ports respelled,
a VSAN given to new Cisco fabrics), so every sample exists in Brocade FOS and in Cisco MDS form.

Regenerate after an intended change with ``ZONEPLAN_REGEN_GOLDEN=1 pytest tests/plan`` and
review the diff like code: these files are what an admin pastes into a switch.
"""

from __future__ import annotations

import os

import pytest
from plan_helpers import PLAN_SAMPLES, REPO, SAMPLES, STRATEGIES, rendered_files, swapped_topology

GOLDEN = REPO / "tests" / "golden" / "plan"
REGEN = os.environ.get("ZONEPLAN_REGEN_GOLDEN") == "1"


def regenerate(sample: str, strategy: str, files: dict[str, str]) -> None:
    """Write the golden files of one case (only when ZONEPLAN_REGEN_GOLDEN=1)."""
    base = GOLDEN / sample / strategy
    for rel, text in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("sample", PLAN_SAMPLES)
def test_golden(sample, strategy, sample_topologies):
    files = rendered_files(sample_topologies[sample], strategy)
    if REGEN:
        regenerate(sample, strategy, files)
    base = GOLDEN / sample / strategy
    on_disk = sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file())
    assert on_disk == sorted(files), f"golden files of {sample}/{strategy} differ in names"
    for rel, text in files.items():
        expected = (base / rel).read_text(encoding="utf-8")
        assert text == expected, f"{sample}/{strategy}/{rel} differs from its golden file"


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("sample", PLAN_SAMPLES)
def test_golden_other_dialect(sample, strategy):
    """The same sample with every fabric's vendor swapped (Brocade <-> Cisco)."""
    files = rendered_files(swapped_topology(SAMPLES / f"{sample}.yaml"), strategy)
    name = f"{sample}-swapped"
    if REGEN:
        regenerate(name, strategy, files)
    base = GOLDEN / name / strategy
    on_disk = sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file())
    assert on_disk == sorted(files), f"golden files of {name}/{strategy} differ in names"
    for rel, text in files.items():
        assert text == (base / rel).read_text(encoding="utf-8"), f"{name}/{strategy}/{rel}"


def test_every_sample_is_rendered_in_both_dialects():
    for sample in PLAN_SAMPLES:
        texts = [p.read_text() for p in GOLDEN.glob(f"{sample}*/sist/*/*.script.txt")]
        assert any("alicreate" in t for t in texts), sample
        assert any("device-alias name" in t for t in texts), sample


def test_goldens_cover_both_dialects():
    texts = [p.read_text() for p in GOLDEN.rglob("*.script.txt")]
    assert any("alicreate" in t for t in texts)
    assert any("device-alias name" in t for t in texts)
    assert any("zonecreate --peerzone" in t for t in texts)
    assert any("zone smart-zoning enable vsan" in t for t in texts)
    assert any("z_mirror_" in t for t in texts)
