"""``zoneplan cabling``: formats from the suffix, paper, refusing to overwrite, exit codes."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any, Callable

import pytest
from typer.testing import CliRunner

from zoneplan.cabling import read_labels_csv
from zoneplan.cli import app

from .conftest import SAMPLE

runner = CliRunner()


def run(*args: str) -> Any:
    return runner.invoke(app, ["cabling", *args], catch_exceptions=False)


def test_html_csv_and_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "build" / "cabling.html"
    r = run(str(SAMPLE), "-o", str(out), "--date", "2026-11-26")  # build/ created
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "A-sw-a1-08" in html and "2026-11-26" in html
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() in html
    assert "wrote" in r.output
    again = run(str(SAMPLE), "-o", str(out), "--date", "2026-11-26")
    assert again.exit_code == 0 and "unchanged" in again.output

    labels = tmp_path / "labels.txt"
    r = run(str(SAMPLE), "--format", "csv", "-o", str(labels))
    assert r.exit_code == 0, r.output
    parsed = read_labels_csv(labels.read_text(encoding="utf-8"))
    # 36 cables, two of them patched through two panels (3 segments): 40 cables, 80 labels
    assert len(parsed) == 80 and parsed[0].cable == "A-sw-a1-00"


def test_refuses_to_overwrite_a_different_file(tmp_path: Path) -> None:
    out = tmp_path / "cabling.html"
    out.write_text("someone's notes", encoding="utf-8")
    r = run(str(SAMPLE), "-o", str(out))
    assert r.exit_code == 2
    assert out.read_text(encoding="utf-8") == "someone's notes"
    r = run(str(SAMPLE), "-o", str(out), "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob(".*tmp*"))


def test_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 UTC
    out = tmp_path / "plan.html"
    assert run(str(SAMPLE), "-o", str(out)).exit_code == 0
    assert "2026-01-01" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["-o", "plan.txt"],
        ["-o", "plan.html", "--paper", "a3-portrait"],
        ["-o", "plan.html", "--format", "docx"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    args = [str(tmp_path / a) if a.startswith("plan.") else a for a in args]
    r = run(str(SAMPLE), *args)
    assert r.exit_code == 2
    assert not any(tmp_path.iterdir())


def test_bad_date(tmp_path: Path) -> None:
    r = runner.invoke(
        app, ["cabling", str(SAMPLE), "-o", str(tmp_path / "p.html"), "--date", "26.11.2026"]
    )
    assert r.exit_code == 2


def test_fatal_inventory_exits_2(
    sample_data: dict[str, Any], write_data: Callable[..., Path], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample_data)
    data["hosts"][0]["hbas"][0]["ports"][0]["switch"] = "no-such-switch"
    out = tmp_path / "plan.html"
    r = run(str(write_data(data)), "-o", str(out))
    assert r.exit_code == 2
    assert "no-such-switch" in r.output and not out.exists()


def test_pdf(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="PDF output needs the weasyprint package")
    out = tmp_path / "plan.pdf"
    r = run(str(SAMPLE), "-o", str(out), "--paper", "a4-landscape", "--date", "2026-11-26")
    assert r.exit_code == 0, r.output
    assert out.read_bytes().startswith(b"%PDF")
    assert (
        "unchanged"
        in run(
            str(SAMPLE), "-o", str(out), "--paper", "a4-landscape", "--date", "2026-11-26"
        ).output
    )


def test_error_findings_still_write_the_plan_exit_1(
    sample_data: dict[str, Any], write_data: Callable[..., Path], tmp_path: Path
) -> None:
    data = copy.deepcopy(sample_data)
    data["hosts"][1]["hbas"][0]["ports"][0].update(
        switch="sw-a1", port=8
    )  # esx02 onto esx01's port
    out = tmp_path / "plan.html"
    r = run(str(write_data(data)), "-o", str(out))
    assert r.exit_code == 1
    assert "ZP102" in r.output
    html = out.read_text(encoding="utf-8")
    assert 'class="conflict' in html and "A-sw-a1-08-2" in html
