"""Live-read benchmarks: SNMP bulk walk vs net-snmp, and concurrent SSH collection.

Run: ``.venv/bin/python bench/bench_live.py [--ports 2000] [--switches 50] [--rounds 3]``.
Prints markdown tables (copied into ``docs/benchmarks.md``).

1. SNMP: snmpsim serves a generated 2,000-port Brocade switch (SW-MIB, FA-MIB ports and name
   server, FE-MIB logins) on 127.0.0.1. zoneplan walks its whole catalogue
   (``vendors/brocade-fos/snmp.yaml``: every column, GETBULK, max-repetitions 25); net-snmp's
   ``snmpbulkwalk -v2c -Cr25 -On`` walks the same columns, one process per column, against the
   same agent. Ratio = zoneplan time / snmpbulkwalk time (aim <= 1.2). Both are dominated by
   the agent (snmpsim is Python), which is the point: the client must not add much. Measured
   for the v2c fast path (own BER codec, :mod:`zoneplan.live.snmpfast`) and for pysnmp, with
   1 and 4 columns walked at once; client and agent CPU seconds are printed too, since wall
   times on a shared machine move with its load.
2. SSH: N emulated FOS switches (a separate process, so they do not share our interpreter)
   answer each command after a fixed delay (real switches take 0.3-2 s per command); switch 0
   is the slowest. Ratio = time to collect all N concurrently / time to collect switch 0 alone
   (aim <= 1.5).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.snmp_agent import SnmpAgent, brocade_records, generated_brocade  # noqa: E402
from zoneplan.live.collect import Target, collect_async  # noqa: E402
from zoneplan.live.credentials import Credential, Secret  # noqa: E402
from zoneplan.live.snmp import SnmpOptions, read_switch_snmp  # noqa: E402
from zoneplan.live.ssh import SshOptions  # noqa: E402
from zoneplan.parsers.snmpwalk import load_catalogue  # noqa: E402


def _cpu(pid: int) -> float:
    """User+system CPU seconds of a process (Linux /proc)."""
    import os

    f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def bench_snmp(ports: int, rounds: int, parallel: int = 4, fast: bool = True) -> list[str]:
    work = Path(tempfile.mkdtemp(prefix="zp-bench-snmp-"))
    agent = SnmpAgent(work)
    n = agent.add_records("big", brocade_records(generated_brocade(ports)))
    agent.start(wait_community="big")
    cat = load_catalogue("brocade")
    cols = [".".join(map(str, o)) for _t, _c, o in cat.columns()]
    exe = shutil.which("snmpbulkwalk")
    rows = []
    try:
        ours, theirs, records = [], [], 0
        our_cpu, agent_cpu, agent_cpu_ref = [], [], []
        for _ in range(rounds):
            a0, c0 = _cpu(agent.proc.pid), time.process_time()
            t0 = time.perf_counter()
            r = asyncio.run(
                read_switch_snmp(
                    "big",
                    "brocade",
                    "127.0.0.1",
                    agent.port,
                    Credential("b", community=Secret("big")),
                    SnmpOptions(timeout=5, retries=0, parallel=parallel, fast_v2c=fast),
                )
            )
            ours.append(time.perf_counter() - t0)
            our_cpu.append(time.process_time() - c0)
            agent_cpu.append(_cpu(agent.proc.pid) - a0)
            assert r.complete, [f.message for f in r.findings]
            records = len(r.records)
            if exe:
                a0 = _cpu(agent.proc.pid)
                t0 = time.perf_counter()
                got = 0
                for col in cols:
                    p = subprocess.run(
                        [
                            exe,
                            "-v2c",
                            "-c",
                            "big",
                            "-Cr25",
                            "-On",
                            "-t",
                            "5",
                            "-r",
                            "0",
                            f"127.0.0.1:{agent.port}",
                            col,
                        ],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    got += sum(1 for ln in p.stdout.splitlines() if ln.startswith("."))
                theirs.append(time.perf_counter() - t0)
                agent_cpu_ref.append(_cpu(agent.proc.pid) - a0)
        o = statistics.median(ours)
        rows.append(
            f"| SNMP walk, {ports}-port FOS switch, {len(cols)} columns, "
            f"{parallel} column(s) at once, {'own BER codec' if fast else 'pysnmp'} "
            f"| {records} varbinds "
            f"({n} in agent) | zoneplan {o:.2f} s |"
            + (
                f" snmpbulkwalk {statistics.median(theirs):.2f} s ({got} varbinds) | "
                f"**{o / statistics.median(theirs):.2f}** |"
                if theirs
                else " n/a | n/a |"
            )
            + f" client CPU {statistics.median(our_cpu):.2f} s, agent CPU "
            f"{statistics.median(agent_cpu):.2f} s (vs {statistics.median(agent_cpu_ref):.2f}"
            " s under snmpbulkwalk) |"
            if theirs
            else ""
        )
    finally:
        agent.stop()
        shutil.rmtree(work, ignore_errors=True)
    return rows


def bench_ssh(switches: int, delay: float, slowest: float, rounds: int) -> list[str]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.ssh_switch",
            "--count",
            str(switches),
            "--delay",
            str(delay),
            "--slowest",
            str(slowest),
            "--password",
            "bench-pw",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],  # tests.support is importable from the root
    )
    try:
        info = json.loads(proc.stdout.readline())
        work = Path(tempfile.mkdtemp(prefix="zp-bench-ssh-"))
        kh = work / "known_hosts"
        kh.write_text("".join(v["known_hosts"] for v in info.values()))
        cred = Credential("b", user="admin", password=Secret("bench-pw"))
        targets = [
            Target(n, "brocade", "127.0.0.1", v["port"], "ssh", cred) for n, v in info.items()
        ]
        opts = SshOptions(known_hosts=kh, command_timeout=30, switch_timeout=120)

        def run(ts: list[Target]) -> float:
            t0 = time.perf_counter()
            res = asyncio.run(
                collect_async(ts, out=work / "cap", concurrency=len(ts), ssh_options=opts)
            )
            dt = time.perf_counter() - t0
            bad = [r.name for r in res if r.status != "ok"]
            assert not bad, bad
            return dt

        alone = statistics.median(run(targets[:1]) for _ in range(rounds))
        together = statistics.median(run(targets) for _ in range(rounds))
        shutil.rmtree(work, ignore_errors=True)
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    return [
        f"| SSH collect, {switches} emulated FOS switches, 8 commands each, {delay:g} s/command "
        f"(slowest {slowest:g} s) | slowest alone {alone:.2f} s | all {switches} at once "
        f"{together:.2f} s | **{together / alone:.2f}** | |"
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ports", type=int, default=2000)
    ap.add_argument("--switches", type=int, default=50)
    ap.add_argument("--delay", type=float, default=0.3)
    ap.add_argument("--slowest", type=float, default=0.5)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--parallel", type=int, nargs="+", default=[1, 4])
    ap.add_argument(
        "--paths",
        nargs="+",
        default=["fast", "pysnmp"],
        choices=["fast", "pysnmp"],
        help="v2c walk implementations to measure",
    )
    args = ap.parse_args()
    import os

    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs\n")
    print("| benchmark | size | zoneplan | reference | ratio | CPU |")
    print("|---|---|---|---|---|---|")
    for path in args.paths:
        for par in args.parallel:
            for row in bench_snmp(args.ports, args.rounds, par, fast=path == "fast"):
                print(row, flush=True)
    if args.switches:
        for row in bench_ssh(args.switches, args.delay, args.slowest, args.rounds):
            print(row)


if __name__ == "__main__":
    main()
