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
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import servers  # noqa: E402
from counts import perf_record, perf_samples  # noqa: E402
from run import ensure_tools, read_params  # noqa: E402
from servers import Deployment  # noqa: E402


def share(data: Path, frame: re.Pattern) -> tuple[int, int]:
    """All samples, and those with a frame matching `frame` on their stack."""
    samples = matching = 0
    for frames in perf_samples(data):
        samples += 1
        matching += any(frame.search(symbol) for symbol, _ in frames)
    return samples, matching


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
            try:
                measured = perf_record(server.pid, lambda: load.replay(deployment, args.connections, args.duration, paths),
                                       data, "-F", "799", "--call-graph", "dwarf,16384")
            finally:
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
