"""The plan in a real headless Chromium: screenshot, print to PDF, page-width overflow, network.

Skipped only where chromium is not installed; CI installs Debian's chromium (``make deps``).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from zoneplan.cabling import PAPERS, CablingPlan, render_html

from .browser import MM_TO_PX, OVERFLOW_JS, DevTools, run_cli
from .conftest import needs_chromium, needs_pdftotext

pytestmark = needs_chromium


def pdf_text(pdf: Path) -> str:
    """``pdftotext -layout``: table rows stay on one line each."""
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def assert_every_cable_row(plan: CablingPlan, text: str) -> None:
    """Each cable's row of the cable list, as printed: its ID, then (in the lines of that row,
    before the next cable's ID) its role, fabric, both ends and their WWPNs."""
    parts = re.split(r"^\s*Cable list\s*$", text, maxsplit=1, flags=re.M)
    assert len(parts) == 2, "no cable list heading in the PDF text"
    lines = parts[1].splitlines()
    start: dict[str, int] = {}
    for c in plan.cables:
        token = re.compile(rf"(?<![\w.-]){re.escape(c.id)}(?![\w.-])")
        start[c.id] = next((i for i, line in enumerate(lines) if token.search(line)), -1)
    missing = [cid for cid, i in start.items() if i < 0]
    bounds = sorted(set(start.values()))
    for c in plan.cables:
        i = start[c.id]
        if i < 0:
            continue
        end = next((b for b in bounds if b > i), i + 8)
        block = " ".join(" ".join(lines[i : min(end, i + 8)]).split())
        want = [c.role, c.fabric or "direct", c.a.text, c.a.wwpn, c.b.text, c.b.wwpn]
        if not all(" ".join(w.split()) in block for w in want if w):
            missing.append(c.id)
    assert missing == [], f"rows not found in the PDF text: {missing[:10]}"


def _write(tmp_path: Path, plan: CablingPlan, paper: str = "a4-portrait") -> Path:
    path = tmp_path / f"plan-{paper}.html"
    path.write_text(render_html(plan, paper), encoding="utf-8")
    return path


def test_screenshot(sample_plan: CablingPlan, tmp_path: Path) -> None:
    html = _write(tmp_path, sample_plan)
    shot = tmp_path / "shot.png"
    width = int(PAPERS["a4-portrait"].content_width * MM_TO_PX) + 60
    proc = run_cli(
        html.as_uri(), tmp_path / "profile", f"--screenshot={shot}", f"--window-size={width},1400"
    )
    assert shot.is_file(), proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a page with content, not blank


@needs_pdftotext
@pytest.mark.parametrize("paper", ["a4-portrait", "letter-landscape"])
def test_chromium_pdf_has_every_cable_with_both_ends(
    sample_plan: CablingPlan, tmp_path: Path, paper: str
) -> None:
    html = _write(tmp_path, sample_plan, paper)
    pdf = tmp_path / "chromium.pdf"
    proc = run_cli(
        html.as_uri(), tmp_path / "profile", f"--print-to-pdf={pdf}", "--no-pdf-header-footer"
    )
    assert pdf.is_file(), proc.stderr[-2000:]
    text = pdf_text(pdf)
    assert_every_cable_row(sample_plan, text)
    page = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    w, h = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", page).groups())
    expected = PAPERS[paper]
    assert (
        abs(w - expected.width_mm / 25.4 * 72) < 2 and abs(h - expected.height_mm / 25.4 * 72) < 2
    )


@pytest.fixture(scope="module")
def devtools(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    """One browser for the module's measurements (each test opens its own page)."""
    with DevTools(tmp_path_factory.mktemp("chromium-profile")) as dt:
        yield dt


def _overflow(dt: DevTools, url: str, paper: str) -> tuple[dict, list[str]]:
    dt.open(url, width_px=round(PAPERS[paper].content_width * MM_TO_PX))
    return dt.evaluate(OVERFLOW_JS), dt.requests()


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_nothing_wider_than_the_page(
    devtools: DevTools, sample_plan: CablingPlan, tmp_path: Path, paper: str
) -> None:
    html = _write(tmp_path, sample_plan, paper)
    result, requests = _overflow(devtools, html.as_uri(), paper)
    assert result["count"] == 0, result["bad"]
    assert result["scrollWidth"] <= result["width"]
    assert requests == [html.as_uri()]  # the page fetched nothing but itself


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_sixteen_switches_fit_the_page(
    devtools: DevTools, sixteen_switch_plan: CablingPlan, tmp_path: Path, paper: str
) -> None:
    html = _write(tmp_path, sixteen_switch_plan, paper)
    result, requests = _overflow(devtools, html.as_uri(), paper)
    assert result["count"] == 0, result["bad"]
    assert requests == [html.as_uri()]


def test_the_overflow_check_can_fail(devtools: DevTools, tmp_path: Path) -> None:
    page = tmp_path / "wide.html"
    page.write_text(
        "<html><body><p>fine</p><div style='width:400mm'>too wide</div>"
        "<table style='width:50mm;table-layout:fixed'><tr><td style='white-space:nowrap'>"
        "a cell whose text is far longer than fifty millimetres</td></tr></table></body></html>"
    )
    result, _ = _overflow(devtools, page.as_uri(), "a4-portrait")
    whats = {b["what"] for b in result["bad"]}
    assert whats == {"page", "cell"}


@needs_pdftotext
def test_sixteen_switch_pdf_has_every_cable(
    devtools: DevTools, sixteen_switch_plan: CablingPlan, tmp_path: Path
) -> None:
    """Printed through DevTools (CSS page size): the 16-switch plan's rows are all there."""
    html = _write(tmp_path, sixteen_switch_plan)
    devtools.open(html.as_uri(), width_px=800)
    pdf = devtools.print_pdf()
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "devtools.pdf"
    path.write_bytes(pdf)
    assert_every_cable_row(sixteen_switch_plan, pdf_text(path))
