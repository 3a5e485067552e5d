"""Cabling plan benchmark: a generated 16-switch, 500-host site with racks and patch panels
to HTML and PDF, with the default PDF engine.

Run: ``build/venv/bin/python bench/bench_cabling.py [--hosts 500] [--switches-per-fabric 8]
[--paper a4-portrait] [--rounds 3] [--weasyprint] [--screenshot-dir docs]``.
Prints a markdown table (copied into ``docs/benchmarks.md``): wall and CPU seconds of each
step, best of ``--rounds``, pages and sizes. The aim is under 10 s from inventory file to HTML
and PDF. Because the machine's load moves absolute times, the same plan *without* its
physical layer (no racks, panels or media: the plan of issue 6) is run in the same process as
the baseline, and the ratio is printed: what racks, front panels and the walk-ordered cable
list cost. ``--weasyprint`` also times WeasyPrint's print of the same HTML;
``--screenshot-dir`` saves Chromium's view of a rack elevation and a front panel.
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.inventories import cabling_inventory  # noqa: E402
from zoneplan.cabling import build_plan, render_html  # noqa: E402
from zoneplan.cabling.render import (  # noqa: E402
    CHROMIUM_FLAGS,
    PAPERS,
    chromium_binary,
    html_to_pdf,
    html_to_pdf_with,
    pdf_engine,
)
from zoneplan.validate import validate_inventory  # noqa: E402


def timed(fn: Callable[[], object], rounds: int) -> tuple[object, float, float]:
    """Best wall and CPU seconds over ``rounds`` runs (the machine is shared: best is fairest)."""
    best_wall = best_cpu = float("inf")
    result: object = None
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - w)
        best_cpu = min(best_cpu, time.process_time() - c)
    return result, best_wall, best_cpu


def pages(pdf: Path) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    m = re.search(r"Pages:\s+(\d+)", out)
    return m.group(1) if m else "?"


def pipeline(
    inv: Path, paper: str, rounds: int, engine: str
) -> tuple[list[tuple[str, float, float, str]], str, bytes]:
    """Validate, plan, render HTML, print PDF: the rows of the table, the HTML and the PDF."""
    rows: list[tuple[str, float, float, str]] = []
    validation, w, c = timed(lambda: validate_inventory(inv), rounds)
    rows.append(("load + validate (all rules, ZP9xx included)", w, c, ""))
    topo = validation.topology  # type: ignore[attr-defined]
    source = inv.read_bytes()
    plan, w, c = timed(
        lambda: build_plan(topo, generated="2026-11-26", source=source, source_name=inv.name),
        rounds,
    )
    racks = len(plan.physical.racks) if plan.physical else 0  # type: ignore[attr-defined]
    rows.append(
        (
            "build plan (cables, runs, racks, front panels)",
            w,
            c,
            f"{len(plan.cables)} cables, {racks} racks",  # type: ignore[attr-defined]
        )
    )
    html, w, c = timed(lambda: render_html(plan, paper), rounds)  # type: ignore[arg-type]
    rows.append(("render HTML (+ SVG drawings)", w, c, f"{len(html) // 1024} KiB"))  # type: ignore[arg-type]
    pdf_rounds = max(1, min(rounds, 2))
    pdf, w, c = timed(lambda: html_to_pdf_with(html, engine), pdf_rounds)  # type: ignore[arg-type]
    rows.append((f"PDF with {pdf_engine(engine)}", w, c, ""))
    return rows, html, pdf  # type: ignore[return-value]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=500)
    ap.add_argument("--switches-per-fabric", type=int, default=8)
    ap.add_argument("--paper", default="a4-portrait", choices=sorted(PAPERS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--engine", default="auto", help="auto (the default), chromium or weasyprint")
    ap.add_argument("--weasyprint", action="store_true", help="also time WeasyPrint's print")
    ap.add_argument("--screenshot", type=Path, help="save Chromium's view of the topology page")
    ap.add_argument("--screenshot-dir", type=Path, help="save a rack and a front panel view")
    ap.add_argument("--keep", type=Path, help="also write the HTML and PDF into this folder")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="zoneplan-bench-cabling-"))
    inv, base = work / "inventory.yaml", work / "baseline.yaml"
    spf = args.switches_per_fabric
    inv.write_text(
        yaml.safe_dump(cabling_inventory(args.hosts, switches_per_fabric=spf, racks=True)),
        encoding="utf-8",
    )
    base.write_text(
        yaml.safe_dump(cabling_inventory(args.hosts, switches_per_fabric=spf)), encoding="utf-8"
    )
    baseline, _bhtml, _bpdf = pipeline(base, args.paper, args.rounds, args.engine)
    rows, html, pdf = pipeline(inv, args.paper, args.rounds, args.engine)
    pdf_path = work / "cabling.pdf"
    pdf_path.write_bytes(pdf)
    rows[-1] = (*rows[-1][:3], f"{pages(pdf_path)} pages, {len(pdf) // 1024} KiB")
    total_wall = sum(r[1] for r in rows)
    total_cpu = sum(r[2] for r in rows)
    base_wall = sum(r[1] for r in baseline)

    extra: list[tuple[str, float, str]] = []
    if args.weasyprint:
        start = time.perf_counter()
        wpdf = html_to_pdf(html)
        extra.append(
            ("PDF with WeasyPrint instead", time.perf_counter() - start, f"{len(wpdf) // 1024} KiB")
        )
    if args.screenshot_dir:
        shoot(html, args.paper, args.screenshot_dir, work)
    if args.screenshot:
        shoot_topology(html, args.paper, args.screenshot, work)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "cabling.html").write_text(html, encoding="utf-8")
        shutil.copy(pdf_path, args.keep / "cabling.pdf")

    sws = 2 * spf
    print(
        f"## Cabling plan: {sws} switches, {args.hosts} hosts, racks and patch panels, "
        f"{PAPERS[args.paper].label}\n"
    )
    print(
        f"Python {platform.python_version()}, {platform.machine()}, best of {args.rounds} "
        f"(PDF: best of {max(1, min(args.rounds, 2))}); wall and CPU seconds (CPU: this "
        "process; the PDF engine's own processes are not in it).\n"
    )
    print("| step | wall s | CPU s | output |")
    print("|---|---:|---:|---|")
    for name, w, c, note in rows:
        print(f"| {name} | {w:.2f} | {c:.2f} | {note} |")
    print(
        f"| **inventory file → HTML + PDF** | **{total_wall:.2f}** | **{total_cpu:.2f}** | "
        "aim < 10 s |"
    )
    print(
        f"| same site without the physical layer (baseline, same process) | {base_wall:.2f} | – | "
        f"ratio **{total_wall / base_wall:.2f}** |"
    )
    for name, w, note in extra:
        print(f"| {name} | {w:.2f} | – | {note} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _chromium_shot(page: Path, out: Path, width: int, height: int, work: Path) -> None:
    binary = chromium_binary()
    if not binary:
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            binary,
            *CHROMIUM_FLAGS,
            "--hide-scrollbars",
            f"--user-data-dir={work / 'profile'}",
            f"--screenshot={out}",
            f"--window-size={width},{height}",
            page.as_uri(),
        ],
        capture_output=True,
        check=False,
        timeout=300,
    )


def shoot_topology(html: str, paper: str, out: Path, work: Path) -> None:
    """One sheet's worth at paper width: the topology page, then the first front panel."""
    one = re.sub(
        r'<section class="chapter" id="(racks|cables|devices-[a-z]+)">.*?</section>',
        "",
        html,
        flags=re.S,
    ).replace('<section class="cover" id="cover">', '<section class="cover" id="cover" hidden>')
    page = work / "topology.html"
    page.write_text(one, encoding="utf-8")
    size = PAPERS[paper]
    _chromium_shot(
        page, out, round(size.width_mm / 25.4 * 96), round(size.height_mm / 25.4 * 96), work
    )


def shoot(html: str, paper: str, folder: Path, work: Path) -> None:
    """Chromium's view of the first rack elevation and the first front panel, at paper width."""
    binary = chromium_binary()
    if not binary:
        return
    folder.mkdir(parents=True, exist_ok=True)
    head = html.split("<body>", 1)[0] + "<body>"
    width = round(PAPERS[paper].width_mm / 25.4 * 96)
    for name, pattern in (
        ("cabling-rack.png", r'<div class="rack keep">.*?</div>'),
        ("cabling-faceplate.png", r'<div class="swmap .*?</table>'),
    ):
        m = re.search(pattern, html, flags=re.S)
        if not m:
            continue
        page = work / f"{name}.html"
        page.write_text(f"{head}{m.group(0)}</body></html>", encoding="utf-8")
        subprocess.run(
            [
                binary,
                *CHROMIUM_FLAGS,
                "--hide-scrollbars",
                f"--user-data-dir={work / 'profile'}",
                f"--screenshot={folder / name}",
                f"--window-size={width},1100",
                page.as_uri(),
            ],
            capture_output=True,
            check=False,
            timeout=300,
        )


if __name__ == "__main__":
    sys.exit(main())
