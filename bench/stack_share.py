#!/usr/bin/env python3
"""How much of havip's CPU runs with a given function on the stack, for several builds, run after run.

For a change too small for throughput to show on a noisy machine: each round starts a fresh server of each
build on a copy of the seeded store, loads it with wrk for `--duration` seconds while `perf record` samples it
with DWARF stacks (which, unlike frame pointers, walk through libc and SQLite), and prints the µs of CPU per
request in samples whose stack holds a symbol matching `--frame` (a regular expression on mangled names), and
that as a share of all samples. Medians of the rounds are what to compare.

    python3 bench/stack_share.py --builds before=BUILD_A,after=BUILD_B --frame 'HaVipSQLite0C11NonceLedger' \\
        --scenario by-id --rounds 3
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import servers  # noqa: E402
from run import ensure_tools, read_params  # noqa: E402
from servers import Deployment  # noqa: E402


def share(data: Path, frame: re.Pattern) -> tuple[int, int]:
    """All samples, and those with a frame matching `frame` on their stack."""
    script = subprocess.Popen(["perf", "script", "-i", str(data), "-F", "ip,sym", "--no-demangle"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    samples = matching = 0
    found = in_sample = False
    for line in script.stdout:
        if line.strip():
            in_sample = True
            found = found or bool(frame.search(line))
        elif in_sample:
            samples, matching = samples + 1, matching + found
            found = in_sample = False
    script.wait()
    return samples + in_sample, matching + (found and in_sample)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--builds", required=True, help="NAME=BUILD_DIR,NAME=BUILD_DIR,…")
    parser.add_argument("--frame", required=True, help="a regular expression on the stack's mangled symbols")
    parser.add_argument("--scenario", default="by-id")
    parser.add_argument("--havips", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", default="/tmp/havip-bench")
    parser.add_argument("--out", default=str(servers.BENCH / "results" / "stack-share.json"))
    args = parser.parse_args()

    ensure_tools(peer=False)
    builds = dict(item.split("=", 1) for item in args.builds.split(","))
    frame = re.compile(args.frame)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    log = open(work / "servers.log", "ab")
    store = servers.seed_sqlite(Path(next(iter(builds.values()))), args.havips, work)
    params = read_params(servers.sqlite_facts(store))
    signer = load.Signer(work)
    data = work / "stack-share.data"
    runs: dict[str, list[dict]] = {name: [] for name in builds}
    for round_ in range(args.rounds):
        for name, build in builds.items():
            paths = signer.paths(args.scenario, 60_000 * args.duration, params[args.scenario])
            server = servers.havip(Path(build), f"sqlite:{servers.copy_sqlite(store, work / 'stack-share.sqlite')}", log)
            deployment = Deployment(server.url, {"server": [server.pid]}, server.stop, server.pid)
            recorder = subprocess.Popen(["perf", "record", "-F", "799", "--call-graph", "dwarf,16384", "-p", str(server.pid),
                                         "-o", str(data)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                time.sleep(0.5)
                measured = load.replay(deployment, args.connections, args.duration, paths)
            finally:
                recorder.send_signal(signal.SIGINT)
                recorder.wait(timeout=120)
                server.stop()
            samples, matching = share(data, frame)
            cpu = measured["cpu_us_per_request"]["server"]
            run = {"rps": measured["rps"], "cpu_us_per_request": cpu, "samples": samples, "matching": matching,
                   "share": matching / samples if samples else 0, "us_per_request": matching / samples * cpu if samples else 0,
                   "errors": load.has_errors(measured)}
            runs[name].append(run)
            print(f"round {round_ + 1} {name}: {run['rps']:.0f} req/s, {cpu:.0f} µs/req, {run['us_per_request']:.1f} µs/req "
                  f"({run['share']:.1%}) with {args.frame} on the stack{', WITH ERRORS' if run['errors'] else ''}", file=sys.stderr)
    data.unlink(missing_ok=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"frame": args.frame, "scenario": args.scenario, "runs": runs}, indent=1))
    print(f"| build | µs per request with `{args.frame}` on the stack (median; range) | share of the server's CPU | runs with errors |")
    print("|---|---|---|---|")
    for name, done in runs.items():
        values = [run["us_per_request"] for run in done]
        shares = [run["share"] for run in done]
        print(f"| {name} | {statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f}) | "
              f"{statistics.median(shares):.1%} | {sum(run['errors'] for run in done)}/{len(done)} |")


if __name__ == "__main__":
    main()
