"""Label sheets: every label on the stock's grid, text that fits its label, the right paper."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from zoneplan.cabling import CablingPlan
from zoneplan.cabling.labels import render_label_sheets, stock
from zoneplan.cabling.plan import Label
from zoneplan.cabling.render import render_labels_pdf
from zoneplan.physical.tables import label_table

from .browser import DevTools, PageGone, chromium_binary
from .conftest import needs_chromium, needs_pdftotext
from .test_cabling_browser import pdf_text

STOCKS = sorted(label_table().stocks)

#: every label's box and whether its text (each line) stays inside it
LABEL_OVERFLOW_JS = r"""
(() => {
  const bad = [];
  for (const lab of document.querySelectorAll('.label')) {
    const box = lab.getBoundingClientRect();
    for (const line of lab.querySelectorAll('.half div')) {
      const r = document.createRange(); r.selectNodeContents(line);
      const t = r.getBoundingClientRect();
      if (t.right > box.right + 0.5 || t.bottom > box.bottom + 0.5 || line.scrollWidth > line.clientWidth + 1)
        bad.push(line.textContent);
    }
  }
  return {labels: document.querySelectorAll('.label').length, bad: bad.slice(0, 10)};
})()
"""


@pytest.mark.parametrize("key", STOCKS)
def test_labels_sit_on_the_stock_grid(sample_plan: CablingPlan, key: str) -> None:
    labels = sample_plan.labels()
    sheets = render_label_sheets(labels, sample_plan.fabrics, key)
    s = stock(key)
    per = s.grid.cols * s.grid.rows
    assert sheets.sheets == -(-len(labels) // per) and sheets.too_long == []
    places = re.findall(r'class="label[^"]*" style="left:([\d.]+)mm;top:([\d.]+)mm', sheets.html)
    assert len(places) == len(labels)
    for i, (left, top) in enumerate(places):
        row, col = divmod(i % per, s.grid.cols)
        assert float(left) == pytest.approx(s.grid.x0 + col * s.grid.dx, abs=0.01)
        assert float(top) == pytest.approx(s.grid.y0 + row * s.grid.dy, abs=0.01)
    # a flag label carries the text on both halves
    assert sheets.html.count(f">{labels[0].here}<") == (2 if s.flag else 1) * sum(
        1 for x in labels if x.here == labels[0].here
    )


def test_unknown_stock_is_refused(sample_plan: CablingPlan) -> None:
    with pytest.raises(ValueError, match="unknown label stock"):
        render_label_sheets(sample_plan.labels(), sample_plan.fabrics, "avery-9999")


def _long_labels(n: int) -> list[Label]:
    far = "a-very-long-device-name-that-no-label-can-hold/with-an-adapter/and-port"
    return [Label(f"C{i:03d}", 1, far, "", far, "", "A", "initiator") for i in range(n)]


def test_text_too_long_for_the_stock_is_reported_not_cut(sample_plan: CablingPlan) -> None:
    sheets = render_label_sheets(_long_labels(3), sample_plan.fabrics, "avery-l8658")
    assert sheets.too_long == ["C000 end 1", "C001 end 1", "C002 end 1"]
    assert 'class="label wrap"' in sheets.html
    roomy = render_label_sheets(_long_labels(3), sample_plan.fabrics, "avery-6570")
    assert roomy.too_long == []


@pytest.fixture(scope="module")
def devtools(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DevTools]:
    with DevTools(tmp_path_factory.mktemp("chromium-labels")) as dt:
        yield dt


@needs_chromium
@pytest.mark.parametrize("key", STOCKS)
def test_no_label_text_leaves_its_label(
    devtools: DevTools, sample_plan: CablingPlan, tmp_path: Path, key: str
) -> None:
    html = tmp_path / f"{key}.html"
    html.write_text(render_label_sheets(sample_plan.labels(), sample_plan.fabrics, key).html)
    for attempt in (1, 2):  # a page the shared browser loses is opened again once
        try:
            devtools.open(html.as_uri(), width_px=900)
            result = devtools.evaluate(LABEL_OVERFLOW_JS)
            break
        except PageGone:
            if attempt == 2:
                raise
    assert result["labels"] == len(sample_plan.labels()) and result["bad"] == []


@needs_pdftotext
@pytest.mark.skipif(chromium_binary() is None, reason="chromium not installed")
def test_label_pdf_has_every_label_on_the_stock_paper(
    sample_plan: CablingPlan, tmp_path: Path
) -> None:
    data, sheets = render_labels_pdf(sample_plan, "avery-6570", engine="chromium")
    pdf = tmp_path / "labels.pdf"
    pdf.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == sheets.sheets
    w, h = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert w == pytest.approx(215.9 / 25.4 * 72, abs=1) and h == pytest.approx(
        279.4 / 25.4 * 72, abs=1
    )
    text = " ".join(pdf_text(pdf).split())
    for label in sample_plan.labels():
        assert label.cable in text and label.here in text
    assert render_labels_pdf(sample_plan, "avery-6570", engine="chromium")[0] == data
