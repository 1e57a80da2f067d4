#!/usr/bin/env python3
"""Counts, not timings: system calls and scheduler events per request of havip and of the limit under the
same load, so that the difference between them can be read on a busy machine (counts do not depend on
how fast the machine is that minute the way timings do).

For each target (havip by-vpc and by-id on the seeded SQLite store, the limit plain and with a dispatch
hop), one fresh server: a run of wrk with `strace -c -f` attached to every thread of the server (system
calls per request), and a second run with `perf stat` counting context switches, wake-ups and migrations
(per request). strace slows the server a lot, so its run answers fewer requests; what is compared is the
count per request, not the rate.

    python3 bench/counts.py --build-dir .build/release --havips 100000 --out bench/results/counts.json
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import servers  # noqa: E402
from run import read_params, reply_size  # noqa: E402
from servers import Deployment  # noqa: E402

EVENTS = ["context-switches", "cpu-migrations", "sched:sched_wakeup", "sched:sched_switch"]


def strace_counts(pid: int, run) -> tuple[dict[str, int], dict]:
    out = Path(f"/tmp/havip-counts-{pid}.strace")
    tracer = subprocess.Popen(["strace", "-c", "-f", "-o", str(out), "-p", str(pid)], stderr=subprocess.DEVNULL)
    time.sleep(1)
    measured = run()
    tracer.send_signal(signal.SIGINT)
    tracer.wait(timeout=60)
    calls = {}
    for line in out.read_text().splitlines():
        match = re.match(r"^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$", line)
        if match and match.group(2) != "total":
            calls[match.group(2)] = int(match.group(1))
    out.unlink(missing_ok=True)
    return calls, measured


def perf_counts(pid: int, run) -> tuple[dict[str, int], dict]:
    out = Path(f"/tmp/havip-counts-{pid}.perf")
    counter = subprocess.Popen(["perf", "stat", "-x", ",", "-o", str(out), "-e", ",".join(EVENTS), "-p", str(pid)],
                               stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    measured = run()
    counter.send_signal(signal.SIGINT)
    counter.wait(timeout=60)
    counts = {}
    for line in out.read_text().splitlines():
        fields = line.split(",")
        if len(fields) > 2 and fields[0].strip().isdigit():
            counts[fields[2]] = int(fields[0])
    out.unlink(missing_ok=True)
    return counts, measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=str(servers.ROOT / ".build" / "release"))
    parser.add_argument("--havips", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--targets", default="havip:by-vpc,havip:by-id,limit:plain,limit:hop")
    parser.add_argument("--work", default="/tmp/havip-bench")
    parser.add_argument("--out", default=str(servers.BENCH / "results" / "counts.json"))
    args = parser.parse_args()

    binary, work = Path(args.build_dir), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    log = open(work / "servers.log", "ab")
    store = servers.seed_sqlite(binary, args.havips, work)
    params = read_params(servers.sqlite_facts(store))
    signer = load.Signer(work)
    results = {}
    for target in args.targets.split(","):
        kind, name = target.split(":")
        scenario = name if kind == "havip" else "by-vpc"
        paths = signer.paths(scenario, 60_000 * args.duration, params[scenario])
        row = {}
        for tool, count in (("strace", strace_counts), ("perf", perf_counts)):
            if kind == "havip":
                # A copy of the seeded store per run, as in run.py: the nonces a run uses stay beside its store.
                server = servers.havip(binary, f"sqlite:{servers.copy_sqlite(store, work / 'counts-scratch.sqlite')}", log)
            else:
                server = servers.limit(binary, reply_size(scenario), name, log)
            deployment = Deployment(server.url, {"server": [server.pid]}, server.stop, server.pid)
            try:
                counts, measured = count(server.pid, lambda: load.replay(deployment, args.connections, args.duration, paths))
            finally:
                server.stop()
            requests = measured["requests"]
            row[tool] = {"requests": requests, "errors": load.has_errors(measured),
                         "per_request": {k: v / requests for k, v in sorted(counts.items(), key=lambda kv: -kv[1])}}
            print(f"{target} {tool}: {requests} requests", file=sys.stderr)
        results[target] = row
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1))
    print(table(results))


def table(results: dict) -> str:
    targets = list(results)
    names = sorted({k for r in results.values() for k in r["strace"]["per_request"]},
                   key=lambda k: -max(r["strace"]["per_request"].get(k, 0) for r in results.values()))
    lines = ["| per request | " + " | ".join(targets) + " |", "|---|" + "---|" * len(targets)]
    for name in names:
        values = [results[t]["strace"]["per_request"].get(name, 0) for t in targets]
        if max(values) >= 0.01:
            lines.append(f"| `{name}` | " + " | ".join(f"{v:.2f}" for v in values) + " |")
    lines.append("| **all system calls** | " + " | ".join(f"**{sum(results[t]['strace']['per_request'].values()):.2f}**" for t in targets) + " |")
    for event in EVENTS:
        lines.append(f"| {event} (perf) | " + " | ".join(f"{results[t]['perf']['per_request'].get(event, 0):.2f}" for t in targets) + " |")
    lines.append("| requests counted (strace / perf runs) | " + " | ".join(
        f"{results[t]['strace']['requests']} / {results[t]['perf']['requests']}" for t in targets) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
