"""What the user runs: every row of issue 18 as a whole-process ratio, the library ratio beside it.

Each command runs as ``python -m zoneplan ...`` in its own process (imports, output and all),
alternating round by round with its yardstick (:mod:`bench.harness`); the library ratio comes
from :mod:`bench.probes` (the workflow call and the same yardstick in one process). Prints a
markdown table (what, aim, whole process, library, met?) and writes every figure to
``build/bench/commands.json``; ``make bench`` runs it. Rows can be picked with ``--only``.

    python bench/bench_commands.py [--only validate plan audit ...] [--rounds 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.harness import (  # noqa: E402
    PLAIN_LOAD,
    PYTHON,
    ZONEPLAN,
    Comparison,
    Spread,
    compare,
    load_average,
    python_probe,
)

PROBES = str(ROOT / "bench" / "probes.py")


@dataclass
class Row:
    what: str
    aim: str
    whole: str
    library: str
    met: bool | None
    figures: dict

    def markdown(self) -> str:
        met = {True: "met", False: "**missed**", None: "–"}[self.met]
        return f"| {self.what} | {self.aim} | {self.whole} | {self.library} | {met} |"


def probe(name: str, *args: object) -> dict:
    out = subprocess.run(
        [PYTHON, PROBES, name, *map(str, args)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def ratio_text(c: Comparison) -> str:
    return f"{c.wall.text()} wall, {c.cpu.text()} CPU"


def lib_text(p: dict) -> str:
    return f"{Spread(p['ratios']).text()} wall, {Spread(p['cpu_ratios']).text()} CPU"


class Bench:
    def __init__(self, work: Path, rounds: int, quick: bool) -> None:
        self.work = work
        self.rounds = rounds
        self.quick = quick
        self.rows: list[Row] = []
        work.mkdir(parents=True, exist_ok=True)

    # ------------------------------------------------------------------ inputs

    def inventory(self, hosts: int) -> Path:
        from zoneplan.samplegen import generate_inventory_yaml

        path = self.work / f"inv{hosts}.yaml"
        if not path.exists():
            path.write_text(
                generate_inventory_yaml(hosts, vendor_a="brocade", vendor_b="cisco", seed=0),
                encoding="utf-8",
            )
        return path

    def collect_folder(self, hosts: int) -> tuple[Path, dict]:
        from bench.collectsite import write_collect_folder

        folder = self.work / f"collect{hosts}"
        stamp = folder / ".counts.json"
        if not stamp.exists():
            shutil.rmtree(folder, ignore_errors=True)
            counts = write_collect_folder(self.inventory(hosts), folder)
            stamp.write_text(json.dumps(counts), encoding="utf-8")
        return folder, json.loads(stamp.read_text(encoding="utf-8"))

    def out(self, name: str) -> Path:
        return self.work / f"{name}.out"

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(row.markdown(), flush=True)

    # ------------------------------------------------------------------ rows

    def validate(self) -> None:
        hosts = 2000 if self.quick else 10000
        inv = self.inventory(hosts)
        c = compare(
            [*ZONEPLAN, "validate", str(inv)],
            python_probe(PLAIN_LOAD, str(inv)),
            self.rounds,
            stdout=self.out("validate"),
        )
        p = probe("validate", inv, self.rounds)
        lines = self.out("validate").read_text(encoding="utf-8").count("\n")
        self.add(
            Row(
                f"`zoneplan validate` {hosts // 1000}k hosts (text output, {lines} lines) vs a "
                "process doing a plain CSafeLoader load",
                "≤ 1.0×",
                ratio_text(c),
                lib_text(p),
                c.wall.median <= 1.0,
                {"whole": asdict(c), "library": p, "lines": lines},
            )
        )

    def plan(self) -> None:
        sizes = [2000] if self.quick else [10000, 50000]
        for hosts in sizes:
            inv = self.inventory(hosts)
            rounds = self.rounds if hosts <= 10000 else 1
            for strategy in ("sist", "peer") if hosts > 10000 else ("sist",):
                out = self.work / f"plan{hosts}{strategy}"
                c = compare(
                    [
                        *ZONEPLAN,
                        "plan",
                        str(inv),
                        "--out",
                        str(out),
                        "--force",
                        "--greenfield",
                        "--strategy",
                        strategy,
                    ],
                    python_probe(PLAIN_LOAD, str(inv)),
                    rounds,
                    stdout=self.out("plan"),
                )
                p = probe("plan", inv, strategy, rounds)
                self.add(
                    Row(
                        f"`zoneplan plan` {hosts // 1000}k hosts, {strategy}, vs the same yardstick",
                        "≤ 2.0×",
                        ratio_text(c),
                        lib_text(p),
                        c.wall.median <= 2.0,
                        {"whole": asdict(c), "library": p},
                    )
                )
                if hosts > 10000 or self.quick:
                    base_rss = max(s.rss_mb for s in c.base)
                    self.add(
                        Row(
                            f"peak memory, `zoneplan plan` {hosts // 1000}k hosts {strategy}",
                            "< 1 GB",
                            f"{c.rss_mb:,.0f} MB (the plain load: {base_rss:,.0f} MB)",
                            "",
                            c.rss_mb < 1024,
                            {"rss_mb": c.rss_mb, "base_rss_mb": base_rss},
                        )
                    )

    def startup(self) -> None:
        sample = ROOT / "samples" / "euronas-cluster.yaml"
        c = compare(
            [*ZONEPLAN, "validate", str(sample)],
            python_probe("import yaml"),
            max(self.rounds, 7),
            stdout=self.out("startup"),
        )
        p = probe("imports")
        self.add(
            Row(
                '`zoneplan validate samples/euronas-cluster.yaml` vs `python -c "import yaml"`',
                "≤ 6×",
                ratio_text(c) + f"; {c.seconds().text('s')}",
                f"imports: zoneplan.cli {p['zoneplan_cli_ms']:.0f} ms, yaml {p['yaml_ms']:.0f} ms",
                c.wall.median <= 6.0,
                {"whole": asdict(c), "library": p},
            )
        )

    def audit(self) -> None:
        sizes = [500, 1000] if self.quick else [2500, 5000, 10000]
        got: dict[int, Comparison] = {}
        for hosts in sizes:
            inv = self.inventory(hosts)
            folder, counts = self.collect_folder(hosts)
            c = compare(
                [*ZONEPLAN, "audit", str(inv), "--capture", str(folder)],
                [*ZONEPLAN, "validate", str(inv)],
                self.rounds,
                stdout=self.out("audit"),
            )
            got[hosts] = c
            p = probe("audit", inv, folder, self.rounds)
            grow = ""
            prev = [h for h in got if h < hosts]
            if prev:
                h0 = prev[-1]
                cpu = c.cpu_seconds().median / got[h0].cpu_seconds().median
                rss = c.rss_mb / got[h0].rss_mb
                grow = f"; {h0:,}→{hosts:,} hosts: CPU {cpu:.2f}×, RSS {rss:.2f}× for {hosts / h0:.1f}× hosts"
            self.add(
                Row(
                    f"`zoneplan audit INV --capture` collect folder, {hosts:,} hosts "
                    f"({counts['switches']} switches, {counts['mb']:.0f} MB) vs `zoneplan validate INV`",
                    "≤ 2×, linear",
                    f"{ratio_text(c)}; {c.cpu_seconds().text('s')} CPU, {c.rss_mb:,.0f} MB{grow}",
                    lib_text(p) + f"; {p['rss_mb']:,.0f} MB",
                    c.wall.median <= 2.0,
                    {"whole": asdict(c), "library": p, "counts": counts},
                )
            )

    def audit_diff(self) -> None:
        hosts = 5000 if self.quick else 25000
        p = probe("audit_diff", hosts, self.rounds)
        s = Spread(p["seconds"])
        self.add(
            Row(
                f"audit diff, {p['zones']:,} zones, GC on (as the CLI runs it)",
                "< 1 s",
                "",
                f"{s.text('s')} ({Spread(p['cpu_seconds']).text('s')} CPU)",
                s.median < 1.0,
                {"library": p},
            )
        )

    def cfgshow(self) -> None:
        from bench.bench_parsers import gen_cfgshow

        floor = (
            "import re, sys; t = open(sys.argv[1], encoding='utf-8').read(); "
            "sum(1 for _ in re.finditer(r'(?:[0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}', t))"
        )
        for mb in (1,) if self.quick else (1, 5):
            path = self.work / f"cfgshow{mb}mb" / "cfgshow.txt"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(gen_cfgshow(mb * 1_000_000), encoding="utf-8")
            c = compare(
                [*ZONEPLAN, "audit", "--capture", str(path), "--format", "json"],
                python_probe(floor, str(path)),
                self.rounds,
                stdout=self.out("cfgshow"),
            )
            p = probe("cfgshow", path, max(self.rounds, 5))
            self.add(
                Row(
                    f"Brocade `cfgshow` {mb} MB: `zoneplan audit --capture` vs a process running "
                    "the WWN regex floor (library: the parser vs the floor)",
                    "≤ 1.0× (library)",
                    ratio_text(c),
                    lib_text(p),
                    Spread(p["ratios"]).median <= 1.0,
                    {"whole": asdict(c), "library": p},
                )
            )

    def check_plan(self) -> None:
        sizes = (1000, 5000) if self.quick else (10000, 50000)
        got = {h: probe("check_plan", self.inventory(h), "peer", 3) for h in sizes}
        a, b = sizes
        per = {h: min(got[h]["seconds"]) / got[h]["members"] * 1e6 for h in sizes}
        growth = per[b] / per[a]
        self.add(
            Row(
                f"peer-zone `check_plan`, {a // 1000}k → {b // 1000}k hosts",
                "linear (µs per member flat)",
                "",
                f"{per[a]:.2f} → {per[b]:.2f} µs per member ({growth:.2f}×)",
                growth <= 1.25,
                {"library": got},
            )
        )

    def leak(self) -> None:
        hosts = 2000 if self.quick else 10000
        p = probe("validate_twice", self.inventory(hosts))
        grew = p["blocks_after_3"] / p["blocks_after_1"]
        freed = "freed" if p["first_freed"] else "**kept**"
        self.add(
            Row(
                f"long-running process: after 1 and 3 `validate_inventory()` of {hosts // 1000}k "
                "hosts (each result dropped)",
                "the first result freed, no growth",
                "",
                f"first result {freed}; live blocks {p['blocks_after_1']:,} → "
                f"{p['blocks_after_3']:,} ({grew:.2f}×); RSS {p['rss_after_1_mb']:.0f} → "
                f"{p['rss_after_3_mb']:.0f} MB (the allocator's reserve)",
                p["first_freed"] and grew < 1.1,
                {"library": p},
            )
        )

    def pdf(self) -> None:
        import yaml

        from tests.support.inventories import cabling_inventory
        from zoneplan.cabling.render import pdf_engine

        inv = self.work / "cabling500.yaml"
        if not inv.exists():
            inv.write_text(
                yaml.safe_dump(cabling_inventory(500, switches_per_fabric=8, racks=True)),
                encoding="utf-8",
            )
        pdf = self.work / "cabling.pdf"
        html = self.work / "cabling.html"
        rounds = min(self.rounds, 2)
        c = compare(
            [*ZONEPLAN, "cabling", str(inv), "-o", str(pdf), "--force"],
            [*ZONEPLAN, "cabling", str(inv), "-o", str(html), "--force"],
            rounds,
        )
        self.add(
            Row(
                f"`zoneplan cabling` 16 switches, 500 hosts, racks → PDF, default engine "
                f"({pdf_engine('auto')}); yardstick: the same to HTML",
                "< 10 s",
                f"{c.seconds().text('s')} wall ({c.cpu_seconds().text('s')} CPU); "
                f"{c.wall.text()} the HTML run",
                "",
                c.seconds().median < 10.0,
                {"whole": asdict(c)},
            )
        )


ROWS: dict[str, Callable[[Bench], None]] = {
    "validate": Bench.validate,
    "plan": Bench.plan,
    "startup": Bench.startup,
    "audit": Bench.audit,
    "audit_diff": Bench.audit_diff,
    "cfgshow": Bench.cfgshow,
    "check_plan": Bench.check_plan,
    "leak": Bench.leak,
    "pdf": Bench.pdf,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", choices=sorted(ROWS), default=list(ROWS))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="small inputs (a smoke run)")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    args = ap.parse_args()
    bench = Bench(args.work, args.rounds, args.quick)
    started = time.time()
    print(f"load average before: {load_average()}; Python {platform.python_version()}")
    print("| what the user runs | aim | whole process | library | |")
    print("|---|---|---|---|---|")
    for name in args.only:
        try:
            ROWS[name](bench)
        except (subprocess.CalledProcessError, RuntimeError) as exc:  # one row, not the run
            err = getattr(exc, "stderr", "") or ""
            print(f"| {name} | | failed: {exc} {err[-300:]!r} | | |", flush=True)
    print(f"load average after: {load_average()}; {time.time() - started:.0f} s")
    (args.work / "commands.json").write_text(
        json.dumps([asdict(r) for r in bench.rows], indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
