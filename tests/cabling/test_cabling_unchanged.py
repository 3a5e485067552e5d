"""A PDF cabling plan is "unchanged" when its inputs are, whatever its bytes.

Why: PDF bytes depend on more than the inventory (fonts found, the engine and its version), so
a byte comparison can call a rerun "changed" (the first ``make test`` of a fresh machine did).
The inputs (inventory bytes, options, zoneplan's version) are hashed into the PDF's file
identifier and read back from the file before anything is rendered.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zoneplan.cli import app
from zoneplan.workflows.cabling import recorded_inputs_id

from .conftest import SAMPLE

runner = CliRunner()
ARGS = ["--paper", "a4-landscape", "--date", "2026-11-26"]


def run(*args: str):
    return runner.invoke(app, ["cabling", *args], catch_exceptions=False)


def test_unchanged_is_decided_from_the_inputs(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="PDF output needs the weasyprint package")
    out = tmp_path / "plan.pdf"
    assert run(str(SAMPLE), "-o", str(out), *ARGS).exit_code == 0
    made_from = recorded_inputs_id(out)
    assert made_from and made_from.startswith(b"zoneplan-inputs-")
    # other bytes, same inputs (another font build, say): still unchanged, not rewritten
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0xFF
    out.write_bytes(bytes(data))
    r = run(str(SAMPLE), "-o", str(out), *ARGS)
    assert r.exit_code == 0 and "unchanged" in r.output
    assert out.read_bytes() == bytes(data)
    # other inputs (another date on the cover): a change, so the --force rule applies
    r = run(str(SAMPLE), "-o", str(out), "--paper", "a4-landscape", "--date", "2026-11-27")
    assert r.exit_code == 2 and "--force" in r.output
    r = run(
        str(SAMPLE), "-o", str(out), "--paper", "a4-landscape", "--date", "2026-11-27", "--force"
    )
    assert r.exit_code == 0 and recorded_inputs_id(out) not in (None, made_from)
    assert (tmp_path / "plan.pdf.bak").read_bytes() == bytes(data)


def test_a_file_without_an_inputs_id_is_not_unchanged(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="PDF output needs the weasyprint package")
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"%PDF-1.7\n% someone else's PDF\n%%EOF\n")
    r = run(str(SAMPLE), "-o", str(out), *ARGS)
    assert r.exit_code == 2 and "--force" in r.output
