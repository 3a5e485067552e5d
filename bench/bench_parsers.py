"""Parser throughput: generated 1 MB and 5 MB outputs, against a regex floor and TextFSM.

Run: ``.venv/bin/python bench/bench_parsers.py [--sizes 1 5] [--rounds 7]``. Prints a markdown
table: MB/s, and time as a ratio to one ``re.finditer`` pass of a WWN regex over the same text
(the floor: lower is faster, aim <= 1.0), plus, when ``textfsm`` and ``ntc-templates`` are
installed, the speed-up over ntc-templates' ``cisco_nxos_show_flogi_database`` template and the
logins it loses (device-aliases containing ``-``).

Times are CPU time of this process (``time.process_time``: other jobs on a shared machine do
not count), and each round times the floor and the parser back to back, so the ratio is the
median of per-round ratios: a load that changes during a run moves both sides of a round.

Inputs are generated with :mod:`tests.support.show_render`, i.e. in the real layouts.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import show_render  # noqa: E402
from zoneplan.observed import Login, Zone, ZoneDb  # noqa: E402
from zoneplan.parsers import brocade, cisco  # noqa: E402

WWN_RE = re.compile(r"(?:[0-9a-fA-F]{2}:){7}[0-9a-fA-F]{2}")
MB = 1_000_000


def _wwn(rng: random.Random, prefix: str) -> str:
    return prefix + ":".join(f"{rng.randrange(256):02x}" for _ in range(5))


def _alias(rng: random.Random, i: int, dash_share: float = 0.3) -> str:
    sep = "-" if rng.random() < dash_share else "_"
    return f"esx{i:05d}{sep}hba{i % 2}"


def gen_cfgshow(size: int, seed: int = 1) -> str:
    """A fabric of hosts zoned single-initiator to 2-4 array ports, some peer zones."""
    rng = random.Random(seed)
    targets = [(f"array{k:02d}_ct{k % 2}_p{k % 4}", _wwn(rng, "50:06:01:")) for k in range(32)]
    text = ""
    n = 400
    while True:
        defined = ZoneDb()
        eff = ZoneDb(effective="fabA_cfg")
        for name, w in targets:
            defined.aliases[name] = [w]
        zones: list[str] = []
        for i in range(n):
            host = _alias(rng, i, 0.0)
            hw = _wwn(rng, "21:00:00:")
            defined.aliases[host] = [hw]
            picks = rng.sample(targets, rng.randint(2, 4))
            zname = f"z_{host}_{picks[0][0]}"
            if i % 10 == 0:
                z = Zone(zname, members=[host], principals=[p[0] for p in picks], kind="peer")
                ez = Zone(zname, members=[hw], principals=[p[1] for p in picks], kind="peer")
            else:
                z = Zone(zname, members=[host] + [p[0] for p in picks])
                ez = Zone(zname, members=[hw] + [p[1] for p in picks])
            defined.zones[zname] = z
            eff.zones[zname] = ez
            zones.append(zname)
        defined.configs["fabA_cfg"] = zones
        eff.configs["fabA_cfg"] = list(zones)
        text = show_render.render_cfgshow(defined, eff)
        if len(text) >= size:
            return text
        n = int(n * size / len(text)) + 10


def gen_zoneset_active(size: int, seed: int = 2) -> str:
    rng = random.Random(seed)
    targets = [(f"unity{k:02d}-spa{k % 2}", _wwn(rng, "50:06:01:")) for k in range(32)]
    n = 400
    while True:
        db = ZoneDb(effective="zs_fabA")
        names: list[str] = []
        for i in range(n):
            host = _alias(rng, i)
            hw = _wwn(rng, "c0:50:76:")
            picks = rng.sample(targets, rng.randint(1, 3))
            z = Zone(f"z_{host}", members=[hw] + [p[1] for p in picks])
            db.member_names[hw] = host
            for p in picks:
                db.member_names[p[1]] = p[0]
                db.fcids[p[1]] = f"0x{rng.randrange(1 << 24):06x}"
            if rng.random() < 0.9:
                db.fcids[hw] = f"0x{rng.randrange(1 << 24):06x}"
            db.zones[z.name] = z
            names.append(z.name)
        db.configs["zs_fabA"] = names
        text = show_render.render_show_zoneset_active({10: db})
        if len(text) >= size:
            return text
        n = int(n * size / len(text)) + 10


def gen_flogi(size: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    n = 1000
    while True:
        logins: list[Login] = []
        port = 1
        while len(logins) < n:
            npiv = rng.random() < 0.1
            for _ in range(rng.randint(2, 8) if npiv else 1):
                i = len(logins)
                logins.append(
                    Login(
                        _wwn(rng, "20:00:00:"),
                        wwnn=_wwn(rng, "20:01:00:"),
                        port=f"fc{1 + port // 48}/{1 + port % 48}",
                        fcid=f"0x{rng.randrange(1 << 24):06x}",
                        vsan=10,
                        alias=_alias(rng, i) if rng.random() < 0.85 else None,
                    )
                )
            port += 1
        text = show_render.render_show_flogi_database(logins)
        if len(text) >= size:
            return text
        n = int(n * size / len(text)) + 10


def _median(fn: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        t0 = time.process_time()
        kept = fn()  # freeing the result is the caller's later business: not timed
        times.append(time.process_time() - t0)
        del kept
    return statistics.median(times)


def _interleaved(
    floor: Callable[[], object], parse: Callable[[], object], rounds: int
) -> tuple[float, float, float]:
    """Median floor time, median parser time, median of the per-round ratios (CPU time)."""
    floors, ours, ratios = [], [], []
    parse()  # warm: first-call imports and caches are not the parser's steady cost
    for _ in range(rounds):
        gc.collect()
        t0 = time.process_time()
        floor()
        t1 = time.process_time()
        kept = parse()
        t2 = time.process_time()
        del kept  # freeing the result is not timed
        floors.append(t1 - t0)
        ours.append(t2 - t1)
        ratios.append((t2 - t1) / max(t1 - t0, 1e-9))
    return statistics.median(floors), statistics.median(ours), statistics.median(ratios)


def _floor(text: str) -> None:
    for _ in WWN_RE.finditer(text):
        pass


def _textfsm_flogi() -> Callable[[str], list] | None:
    try:
        import ntc_templates  # type: ignore[import-not-found]
        import textfsm  # type: ignore[import-not-found]
    except ImportError:
        return None
    path = (
        Path(ntc_templates.__file__).parent / "templates" / "cisco_nxos_show_flogi_database.textfsm"
    )
    if not path.is_file():
        return None
    tpl = path.read_text()

    def run(text: str) -> list:
        import io

        fsm = textfsm.TextFSM(io.StringIO(tpl))
        return fsm.ParseText(text)

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 5], help="MB")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--only", help="run the outputs whose label contains this (e.g. cfgshow)")
    args = ap.parse_args(argv)
    fsm = _textfsm_flogi()
    rows: list[str] = [
        "| output | size | items | parser | MB/s | × floor | notes |",
        "|---|---:|---:|---|---:|---:|---|",
    ]
    cases: list[tuple[str, Callable[[int], str], Callable, Callable[[object], int]]] = [
        ("Brocade `cfgshow`", gen_cfgshow, brocade.parse_cfgshow, lambda r: len(r.defined.zones)),
        (
            "Cisco `show zoneset active`",
            gen_zoneset_active,
            cisco.parse_show_zoneset_active,
            lambda r: sum(len(d.zones) for d in r.values()),
        ),
        ("Cisco `show flogi database`", gen_flogi, cisco.parse_show_flogi_database, len),
    ]
    for label, gen, parse, count in cases:
        if args.only and args.only not in label:
            continue
        for mb in args.sizes:
            text = gen(int(mb * MB))
            size = len(text.encode())
            result, findings = parse(text, "bench")
            items = count(result)
            bad = [f for f in findings if f.severity.rank >= 2]
            floor, ours, ratio = _interleaved(
                lambda text=text: _floor(text),
                lambda text=text, parse=parse: parse(text, "bench"),
                args.rounds,
            )
            note = "" if not bad else f"{len(bad)} error findings!"
            rows.append(
                f"| {label} | {size / MB:.1f} MB | {items:,} | regex floor (`re.finditer` WWN) "
                f"| {size / MB / floor:.0f} | 1.00 | |"
            )
            rows.append(
                f"| | | | zoneplan one-pass parser | {size / MB / ours:.0f} | "
                f"{ratio:.2f} | {note} |"
            )
            if fsm is not None and parse is cisco.parse_show_flogi_database:
                t_fsm = _median(lambda text=text: fsm(text), max(1, args.rounds // 2))
                got = fsm(text)
                want_alias = sum(1 for lg in result if lg.alias)
                fsm_alias = _count_fsm_aliases(got)
                rows.append(
                    f"| | | {len(got):,} | ntc-templates TextFSM | {size / MB / t_fsm:.0f} | "
                    f"{t_fsm / floor:.2f} | zoneplan {t_fsm / ours:.1f}× faster; TextFSM keeps "
                    f"{fsm_alias:,} of {want_alias:,} device-aliases |"
                )
    print("\n".join(rows))
    return 0


def _count_fsm_aliases(rows: list) -> int:
    n = 0
    for r in rows:
        for v in r:
            if isinstance(v, str) and v and (v.startswith("esx") or "hba" in v):
                n += 1
                break
    return n


if __name__ == "__main__":
    raise SystemExit(main())
