"""WeasyPrint's PDF of the same HTML: the same cables, both ends, right paper size."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from zoneplan.cabling import CablingPlan, render_pdf

from .conftest import needs_pdftotext
from .test_cabling_browser import assert_every_cable_row, pdf_text

pytest.importorskip("weasyprint", reason="PDF output needs the weasyprint package")
pytestmark = needs_pdftotext


def _cable_ids(text: str, plan: CablingPlan) -> set[str]:
    return {c.id for c in plan.cables if re.search(rf"(?<![\w-]){re.escape(c.id)}(?![\w-])", text)}


@pytest.fixture(scope="module")
def weasy_a4(sample_plan: CablingPlan) -> bytes:
    return render_pdf(sample_plan, "a4-portrait", engine="weasyprint")


@pytest.mark.parametrize("paper", ["a4-portrait", "letter-landscape"])
def test_weasyprint_pdf_has_every_cable(
    sample_plan: CablingPlan, weasy_a4: bytes, tmp_path: Path, paper: str
) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(
        weasy_a4 if paper == "a4-portrait" else render_pdf(sample_plan, paper, engine="weasyprint")
    )
    text = pdf_text(pdf)
    assert _cable_ids(text, sample_plan) == {c.id for c in sample_plan.cables}
    assert_every_cable_row(sample_plan, text)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert (w > h) == paper.endswith("landscape")


def test_weasyprint_pdf_is_reproducible(sample_plan: CablingPlan, weasy_a4: bytes) -> None:
    assert render_pdf(sample_plan, "a4-portrait", engine="weasyprint") == weasy_a4


def test_chromium_pdf_is_reproducible_and_dated_like_the_plan(sample_plan: CablingPlan) -> None:
    from .browser import chromium_binary

    if chromium_binary() is None:
        pytest.skip("chromium not installed")
    one = render_pdf(sample_plan, "a4-portrait", engine="chromium")
    two = render_pdf(sample_plan, "a4-portrait", engine="chromium")
    assert one == two
    day = sample_plan.cover.date.replace("-", "")
    assert f"/CreationDate (D:{day}000000".encode() in one


def test_auto_is_chromium_where_installed() -> None:
    from zoneplan.cabling.render import chromium_binary, pdf_engine

    assert pdf_engine("auto") == ("chromium" if chromium_binary() else "weasyprint")
    assert pdf_engine("weasyprint") == "weasyprint"
    with pytest.raises(ValueError, match="unknown PDF engine"):
        pdf_engine("prince")


def test_weasyprint_and_chromium_print_the_same_cables(
    sample_plan: CablingPlan, weasy_a4: bytes, tmp_path: Path
) -> None:
    from .browser import chromium_binary, run_cli

    if chromium_binary() is None:
        pytest.skip("chromium not installed")
    from zoneplan.cabling import render_html

    html = tmp_path / "plan.html"
    html.write_text(render_html(sample_plan), encoding="utf-8")
    chromium_pdf = tmp_path / "chromium.pdf"
    run_cli(
        html.as_uri(),
        tmp_path / "profile",
        f"--print-to-pdf={chromium_pdf}",
        "--no-pdf-header-footer",
    )
    weasy_pdf = tmp_path / "weasy.pdf"
    weasy_pdf.write_bytes(weasy_a4)
    a = _cable_ids(pdf_text(chromium_pdf), sample_plan)
    b = _cable_ids(pdf_text(weasy_pdf), sample_plan)
    assert a == b == {c.id for c in sample_plan.cables}
