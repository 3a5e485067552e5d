"""Printing a :class:`~zoneplan.cabling.plan.CablingPlan`: HTML, PDF and label CSV.

Why one HTML for everything: the page a technician opens in a browser, the PDF that is
e-mailed, and what a browser prints must not disagree, so the PDF is a print of the very same
HTML: by headless Chromium where it is installed (the default, ``auto``: about 4x faster than
WeasyPrint on a 500-host site, and made byte-reproducible by printing without accessibility
tags and stamping the plan's date), else by WeasyPrint. The HTML is self-contained (inline
CSS and SVG, system fonts only, no scripts, no URLs) so it opens on a laptop in a data centre
without network access. Label sheets (:mod:`zoneplan.cabling.labels`) print the same way.

The CSV has one row per *label*: every cable twice, once for each end, with the far end
written on it, which is what label printers import. :func:`read_labels_csv` reads it back,
and the round trip is exact.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import IO, Iterable

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..sanitise import csv_cell, csv_uncell, html_value
from .diagram import HOST_DETAIL_LIMIT, line_sample_svg, render_svg, swatch_svg
from .drawings import faceplate_svg, faceplate_title, rack_svg
from .labels import LabelSheets, render_label_sheets
from .physical import CableRow, FaceplateView, RackView, SegmentRow
from .plan import GROUP_SIZE, Cable, CablingPlan, FabricInfo, Label

FONT_STACK = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif'
#: Border styles per fabric index: a second, colour-free way to tell fabrics apart.
BORDER_STYLES = ("solid", "dashed", "dotted", "double")


@dataclass(frozen=True)
class Paper:
    """A sheet size and orientation with the widths the stylesheet derives from it."""

    key: str
    label: str
    css: str  #: the ``@page size`` value
    width_mm: float
    height_mm: float
    margin: int = 12

    @property
    def content_width(self) -> float:
        return round(self.width_mm - 2 * self.margin, 1)

    @property
    def content_height(self) -> float:
        return round(self.height_mm - 2 * self.margin - 4, 1)

    @property
    def diagram_max_height(self) -> float:
        return round(self.content_height - 24, 1)

    @property
    def group_width(self) -> float:
        """Width of one 8-port group: two per line in portrait, three in landscape."""
        per_line = 3 if self.width_mm > self.height_mm else 2
        return round((self.content_width - per_line * 1.5 - 1) / per_line, 1)


PAPERS: dict[str, Paper] = {
    p.key: p
    for p in (
        Paper("a4-portrait", "A4 portrait", "A4 portrait", 210, 297),
        Paper("a4-landscape", "A4 landscape", "A4 landscape", 297, 210),
        Paper("letter-portrait", "US Letter portrait", "letter portrait", 215.9, 279.4),
        Paper("letter-landscape", "US Letter landscape", "letter landscape", 279.4, 215.9),
    )
}


class PdfUnavailable(RuntimeError):
    """WeasyPrint (or the Pango libraries it loads) is not installed."""


_env: Environment | None = None


def _environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(
            loader=PackageLoader("zoneplan.cabling", "templates"),
            # HTML is escaped; the stylesheet (included raw) only gets values made safe here
            autoescape=select_autoescape(
                enabled_extensions=("html",), disabled_extensions=("css",)
            ),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=html_value,  # control characters visible, then HTML-escaped
        )
    return _env


def _css_string(text: str) -> str:
    """Quote-safe content for a CSS string (the footer)."""
    return "".join(c if c.isalnum() or c in " -_.:·/()" else " " for c in text)


def render_html(plan: CablingPlan, paper: str = "a4-portrait") -> str:
    """The whole plan as one self-contained HTML document."""
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
    page = PAPERS[paper]
    cover = plan.cover
    footer = f"zoneplan cabling plan · {cover.name} · {cover.date}"
    if cover.sha256:
        footer += f" · sha256 {cover.sha256[:12]}"
    sections = []
    for kind, title in (("node", "Cluster nodes"), ("array", "Arrays"), ("host", "Hosts")):
        tables = [d for d in plan.devices if d.kind == kind]
        if tables:
            sections.append((title, f"devices-{kind}", tables))

    def swatch(f: FabricInfo) -> Markup:
        return Markup(swatch_svg(f))

    def line_sample(f: FabricInfo | None) -> Markup:
        return Markup(line_sample_svg(f))

    fabrics = plan.fabrics
    physical = plan.physical

    def rack(view: RackView) -> Markup:
        return Markup(rack_svg(view, fabrics))

    def faceplate(view: FaceplateView) -> Markup:
        return Markup(faceplate_svg(view, fabrics))

    rows = physical.rows if physical is not None else [_plain_row(c) for c in plan.cables]
    racks = physical.racks if physical is not None else []
    faceplates = {v.switch: v for v in physical.faceplates} if physical is not None else {}

    return (
        _environment()
        .get_template("cabling.html")
        .render(
            plan=plan,
            cover=cover,
            paper=page,
            font=FONT_STACK,
            footer=_css_string(footer),
            fabrics=cover.fabrics,
            fabric_index={f.name: f.index for f in cover.fabrics},
            border_styles=BORDER_STYLES,
            group_size=GROUP_SIZE,
            cables=plan.cables,
            switches=plan.switches,
            device_sections=sections,
            notes=plan.notes,
            diagram=Markup(render_svg(plan)),
            grouped=len(plan.inventory.hosts) > HOST_DETAIL_LIMIT,
            swatch=swatch,
            line_sample=line_sample,
            rows=rows,
            racks=racks,
            faceplates=faceplates,
            rack_svg=rack,
            faceplate_svg=faceplate,
            faceplate_title=faceplate_title,
            label_count=len(plan.labels()),
        )
    )


def _plain_row(c: Cable) -> CableRow:
    """A cable-list row for a plan built without its physical half (library callers)."""
    seg = SegmentRow(
        c.id, c.a.text, c.b.text, c.a.wwpn, c.b.wwpn, "", "", "", "", None, False, "", ""
    )
    return CableRow(c, "", "", [], [seg], "", "", (0,))


def html_to_pdf(html: str, *, identifier: bytes | None = None) -> bytes:
    """Print HTML with WeasyPrint. Raises :class:`PdfUnavailable` when it cannot be loaded.

    ``identifier`` becomes the permanent part of the PDF's file identifier (trailer ``/ID``,
    ISO 32000-1 14.4), written in clear text near the end of the file.
    """
    try:
        from weasyprint import HTML  # noqa: PLC0415 - optional, heavy, loads C libraries
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(
            "PDF output needs WeasyPrint: pip install weasyprint (and on Debian: "
            f"apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0) ({exc})"
        ) from exc
    # no base_url: the document references nothing, so nothing may be fetched
    return HTML(string=html).write_pdf(pdf_identifier=identifier or False)


#: Chromium flags for printing: headless, and nothing that talks to the network.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-pdf-header-footer",
)
#: For PDFs only: no accessibility tags, whose node IDs differ from run to run (with tags on,
#: two prints of one page differ in dozens of places; without, only in the two dates).
CHROMIUM_PDF_FLAGS = ("--disable-pdf-tagging",)
#: ``auto``: Chromium where it is installed (about 4x faster on large plans), else WeasyPrint.
PDF_ENGINES = ("auto", "chromium", "weasyprint")
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}[^)]{0,10}\)")


def chromium_binary() -> str | None:
    """Debian's ``chromium`` (or ``chromium-browser``) on PATH; None without one."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def pdf_engine(name: str = "auto") -> str:
    """The engine ``name`` stands for: ``auto`` is Chromium where installed, else WeasyPrint."""
    if name not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {name!r}; use one of {', '.join(PDF_ENGINES)}")
    if name == "auto":
        return "chromium" if chromium_binary() else "weasyprint"
    return name


def _stamp(pdf: bytes, when: date | None) -> bytes:
    """Chromium's creation and modification dates replaced by ``when`` (midnight UTC), keeping
    every byte offset: the same HTML then gives the same PDF bytes."""
    if when is None:
        return pdf

    def fix(m: re.Match[bytes]) -> bytes:
        new = f"/{m.group(1).decode()} (D:{when:%Y%m%d}000000+00'00')".encode()
        return new if len(new) == len(m.group(0)) else m.group(0)

    return _PDF_DATE.sub(fix, pdf)


def html_to_pdf_chromium(
    html: str,
    *,
    binary: str | None = None,
    timeout: float = 600,
    stamp: date | None = None,
) -> bytes:
    """Print HTML with headless Chromium. With ``stamp`` the PDF's dates are that day, so the
    same HTML gives the same bytes (without, Chromium stamps the time of printing).
    Raises :class:`PdfUnavailable` without Chromium.
    """
    binary = binary or chromium_binary()
    if not binary:
        raise PdfUnavailable(
            "the chromium engine needs Chromium (Debian: apt-get install chromium)"
        )
    with tempfile.TemporaryDirectory(prefix="zoneplan-pdf-") as tmp:
        src, out = Path(tmp) / "plan.html", Path(tmp) / "plan.pdf"
        src.write_text(html, encoding="utf-8")
        cmd = [
            binary,
            *CHROMIUM_FLAGS,
            *CHROMIUM_PDF_FLAGS,
            f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={out}",
        ]
        try:
            proc = subprocess.run(
                [*cmd, src.as_uri()], capture_output=True, text=True, timeout=timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PdfUnavailable(f"chromium could not print: {exc}") from exc
        if not out.is_file() or out.stat().st_size == 0:
            raise PdfUnavailable(f"chromium printed nothing: {proc.stderr.strip()[-500:]}")
        return _stamp(out.read_bytes(), stamp)


def html_to_pdf_with(
    html: str,
    engine: str = "auto",
    *,
    stamp: date | None = None,
    identifier: bytes | None = None,
) -> bytes:
    """Print HTML with the named engine (``auto``, ``chromium`` or ``weasyprint``);
    ``identifier`` becomes the PDF's file identifier (what it was made from)."""
    if pdf_engine(engine) == "chromium":
        return _identify(html_to_pdf_chromium(html, stamp=stamp), identifier)
    return html_to_pdf(html, identifier=identifier)


def _identify(pdf: bytes, identifier: bytes | None) -> bytes:
    """``identifier`` as the file identifier (trailer ``/ID``, ISO 32000-1 14.4) of a PDF with a
    classic trailer (Chromium's has no ``/ID``). The trailer follows the cross-reference
    table, so inserting into it moves no byte offset the file records."""
    if not identifier:
        return pdf
    at = pdf.rfind(b"trailer")
    start = pdf.find(b"<<", at) if at >= 0 else -1
    if start < 0 or b"/ID" in pdf[at:]:
        return pdf
    value = b"(" + identifier + b")"
    return pdf[: start + 2] + b"/ID [" + value + b" " + value + b"]\n" + pdf[start + 2 :]


def _plan_day(plan: CablingPlan) -> date | None:
    try:
        return date.fromisoformat(plan.cover.date)
    except ValueError:
        return None


def render_pdf(plan: CablingPlan, paper: str = "a4-portrait", *, engine: str = "auto") -> bytes:
    """The plan as PDF: the print of :func:`render_html` by Chromium or WeasyPrint (``auto``:
    Chromium where installed). Both give the same bytes for the same plan."""
    return html_to_pdf_with(render_html(plan, paper), engine, stamp=_plan_day(plan))


def render_labels_pdf(
    plan: CablingPlan,
    stock: str | None = None,
    *,
    engine: str = "auto",
    outline: bool = False,
    identifier: bytes | None = None,
) -> tuple[bytes, LabelSheets]:
    """Every label of the plan on sheets of a label stock, as PDF (and what was laid out)."""
    sheets = render_label_sheets(
        plan.labels(),
        plan.fabrics,
        stock,
        title=f"cable labels: {plan.cover.name}",
        outline=outline,
    )
    pdf = html_to_pdf_with(sheets.html, engine, stamp=_plan_day(plan), identifier=identifier)
    return pdf, sheets


# -- label CSV --------------------------------------------------------------------------------
CSV_FIELDS = tuple(f.name for f in fields(Label))


def write_labels_csv(labels: Iterable[Label], stream: IO[str]) -> None:
    """One CSV row per label, a header row first (RFC 4180 quoting, CRLF line ends)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for lab in labels:
        writer.writerow([csv_cell(getattr(lab, name)) for name in CSV_FIELDS])


def render_csv(plan: CablingPlan) -> str:
    """The label CSV of a plan as text."""
    buf = io.StringIO()
    write_labels_csv(plan.labels(), buf)
    return buf.getvalue()


def read_labels_csv(source: str | IO[str]) -> list[Label]:
    """Read a label CSV back (text or a stream opened with ``newline=""``)."""
    stream = io.StringIO(source, newline="") if isinstance(source, str) else source
    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None or tuple(header) != CSV_FIELDS:
        raise ValueError(f"not a zoneplan label CSV: header must be {','.join(CSV_FIELDS)}")
    out = []
    for lineno, row in enumerate(reader, start=2):
        if not row:
            continue
        if len(row) != len(CSV_FIELDS):
            raise ValueError(f"line {lineno}: {len(row)} fields, expected {len(CSV_FIELDS)}")
        values = dict(zip(CSV_FIELDS, (csv_uncell(c) for c in row), strict=True))
        try:
            end = int(values.pop("end"))
        except ValueError as exc:
            raise ValueError(f"line {lineno}: end must be 1 or 2") from exc
        out.append(Label(end=end, **values))
    return out
