"""Cabling plan benchmark: a generated 16-switch, 500-host inventory to HTML and PDF.

Run: ``.venv/bin/python bench/bench_cabling.py [--hosts 500] [--switches-per-fabric 8]
[--paper a4-portrait] [--rounds 3] [--screenshot docs/cabling-screenshot.png]``.
Prints a markdown table (copied into ``docs/benchmarks.md``): wall and CPU seconds of
each step, best of ``--rounds``, plus pages and sizes. The aim is under 10 s from inventory file
to HTML and PDF. Chromium's print of the same HTML (``--pdf-engine chromium``, a subprocess:
wall time only) is timed too when chromium is installed; ``--screenshot`` saves Chromium's view
of the topology page (to look at: legible?).
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
    html_to_pdf,
    html_to_pdf_chromium,
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


def chromium_run(html: Path, profile: Path, *extra: str) -> float:
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    assert binary
    start = time.perf_counter()
    subprocess.run(
        [
            binary,
            *CHROMIUM_FLAGS,
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *extra,
            html.as_uri(),
        ],
        capture_output=True,
        check=False,
        timeout=300,
    )
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=500)
    ap.add_argument("--switches-per-fabric", type=int, default=8)
    ap.add_argument("--paper", default="a4-portrait", choices=sorted(PAPERS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--screenshot", type=Path, help="save Chromium's view of the topology page")
    ap.add_argument("--keep", type=Path, help="also write the HTML and PDF into this folder")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="zoneplan-bench-cabling-"))
    inv = work / "inventory.yaml"
    data = cabling_inventory(args.hosts, switches_per_fabric=args.switches_per_fabric)
    inv.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    rows: list[tuple[str, float, float, str]] = []
    validation, w, c = timed(lambda: validate_inventory(inv), args.rounds)
    rows.append(("load + validate (all rules)", w, c, ""))
    topo = validation.topology  # type: ignore[attr-defined]
    source = inv.read_bytes()
    plan, w, c = timed(
        lambda: build_plan(topo, generated="2026-11-26", source=source, source_name=inv.name),
        args.rounds,
    )
    rows.append(("build plan (cables, IDs, port maps)", w, c, f"{len(plan.cables)} cables"))  # type: ignore[attr-defined]
    html, w, c = timed(lambda: render_html(plan, args.paper), args.rounds)  # type: ignore[arg-type]
    html_path = work / "cabling.html"
    html_path.write_text(html, encoding="utf-8")  # type: ignore[arg-type]
    rows.append(("render HTML (+ SVG diagram)", w, c, f"{len(html) // 1024} KiB"))  # type: ignore[arg-type]
    pdf, w_pdf, c_pdf = timed(lambda: html_to_pdf(html), max(1, min(args.rounds, 2)))  # type: ignore[arg-type]
    pdf_path = work / "cabling.pdf"
    pdf_path.write_bytes(pdf)  # type: ignore[arg-type]
    rows.append(
        ("PDF with WeasyPrint", w_pdf, c_pdf, f"{pages(pdf_path)} pages, {len(pdf) // 1024} KiB")
    )  # type: ignore[arg-type]
    total_wall = sum(r[1] for r in rows)
    total_cpu = sum(r[2] for r in rows)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    extra_rows: list[tuple[str, float, str]] = []
    if chromium:
        cpdf = work / "chromium.pdf"
        start = time.perf_counter()
        cpdf.write_bytes(html_to_pdf_chromium(html))  # type: ignore[arg-type]
        wall = time.perf_counter() - start
        extra_rows.append(
            (
                "PDF with `--pdf-engine chromium` instead",
                wall,
                f"{pages(cpdf)} pages, {cpdf.stat().st_size // 1024} KiB",
            )
        )
        if args.screenshot:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            width = round(PAPERS[args.paper].width_mm / 25.4 * 96)
            shot = work / "topology.html"
            # one sheet's worth at paper width: the topology page, then the first switch port map
            one = re.sub(
                r'<section class="chapter" id="cables">.*?(?=<section class="chapter" id="switches">)',
                "",
                html,  # type: ignore[arg-type]
                flags=re.S,
            ).replace(
                '<section class="cover" id="cover">', '<section class="cover" id="cover" hidden>'
            )
            shot.write_text(one, encoding="utf-8")
            height = round(PAPERS[args.paper].height_mm / 25.4 * 96)
            chromium_run(
                shot,
                work / "profile",
                f"--screenshot={args.screenshot}",
                f"--window-size={width},{height}",
            )
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(html_path, args.keep / "cabling.html")
        shutil.copy(pdf_path, args.keep / "cabling.pdf")

    sws = 2 * args.switches_per_fabric
    print(f"## Cabling plan: {sws} switches, {args.hosts} hosts, {PAPERS[args.paper].label}\n")
    print(
        f"Python {platform.python_version()}, {platform.machine()}, best of {args.rounds} "
        f"(PDF: best of {max(1, min(args.rounds, 2))}); wall and CPU seconds.\n"
    )
    print("| step | wall s | CPU s | output |")
    print("|---|---:|---:|---|")
    for name, w, c, note in rows:
        print(f"| {name} | {w:.2f} | {c:.2f} | {note} |")
    print(
        f"| **inventory file → HTML + PDF** | **{total_wall:.2f}** | **{total_cpu:.2f}** | aim < 10 s |"
    )
    for name, w, note in extra_rows:
        print(f"| {name} | {w:.2f} | – | {note} |")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
