#!/usr/bin/env python3
"""The havip benchmark: havip beside moto (the peer) and a bare Hummingbird handler (the limit), same
machine, same load tool (wrk replaying pre-signed requests), same run. Four tables:

  reads   DescribeHaVips (by-vpc, by-id, page-1, deep-page) beside the limit (plain and with a dispatch hop) and moto
  create  CreateHaVip at each connection count, --sqlite-sync normal and full, spread over fresh vSwitches
  mixed   90% by-id + 10% deep pages at 64 connections: each kind's latency, against by-id alone
  stores  SQLite beside PostgreSQL, one node and three behind nginx (by-vpc, by-id, create), with the CPU of
          every process per request (needs a cluster: run under scripts/with-postgres)

    scripts/with-postgres python3 bench/run.py --havips 100000          # all four tables (README.md)
    python3 bench/run.py --havips 100000 --tables reads,create,mixed     # without PostgreSQL
Writes every run to a JSON file and prints the Markdown tables (bench/RESULTS.md is made from them).
See bench/README.md for what each scenario is and why.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import servers  # noqa: E402
import tables  # noqa: E402
from servers import BENCH, REGION, ROOT, Deployment, sh  # noqa: E402

READS = ("by-vpc", "by-id", "page-1", "deep-page")


def ensure_tools(peer: bool) -> Path:
    if not shutil.which("wrk"):
        print("installing wrk from Debian's packages", file=sys.stderr)
        sh("apt-get", "update", "-qq")
        sh("apt-get", "install", "-y", "-qq", "wrk")
    venv = BENCH / ".venv"
    if peer and not (venv / "bin" / "python").exists():
        sh(sys.executable, "-m", "venv", str(venv))
        sh(str(venv / "bin" / "pip"), "install", "-q", "-r", str(BENCH / "requirements.txt"))
    return venv / "bin" / "python"


def build() -> Path:
    sh("swift", "build", "-c", "release", "--product", "havip", cwd=ROOT)
    sh("swift", "build", "-c", "release", "--product", "havip-bench-limit", cwd=ROOT)
    return ROOT / ".build" / "release"


def read_params(facts: dict) -> dict[str, list[str]]:
    base = ["Action=DescribeHaVips", f"RegionId={REGION}"]
    deep = max(1, facts["total"] // 10 // 2)
    return {
        "by-vpc": base + ["Filter.1.Key=VpcId", f"Filter.1.Value.1={facts['vpc']}", "PageSize=10"],
        "by-id": base + ["Filter.1.Key=HaVipId", f"Filter.1.Value.1={facts['havip']}"],
        "page-1": base + ["PageSize=10"],
        "deep-page": base + ["PageSize=10", f"PageNumber={deep}"],
    }


CREATE = ["Action=CreateHaVip", f"RegionId={REGION}"]


class Variant:
    """Another havip measured beside this one in the reads table, on the same store and the same kind of requests,
    run after run: `NAME=BUILD_DIR` (another build, e.g. an older commit's) or `NAME=BUILD_DIR:ARG,ARG` (options)."""

    def __init__(self, text: str):
        self.name, _, rest = text.partition("=")
        folder, _, args = rest.partition(":")
        if not self.name or not folder:
            raise argparse.ArgumentTypeError(f"--variant NAME=BUILD_DIR[:ARG,ARG...], not {text!r}")
        self.binary, self.args = Path(folder).resolve(), tuple(a for a in args.split(",") if a)
        self.text = text

    def __str__(self) -> str:
        return self.text


def reply_size(name: str) -> int:
    return {"by-id": 700}.get(name, 5_600)


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.log = open(self.work / "servers.log", "ab")
        self.signer = load.Signer(self.work)
        self.paths_per_run = 60_000 * args.duration
        self.results = {"machine": machine(), "runs": [], "arguments": vars(args)}

    def record(self, table, server, store, scenario, connections, run, measured) -> None:
        measured.update({"table": table, "server": server, "store": store, "scenario": scenario, "connections": connections, "run": run})
        self.results["runs"].append(measured)
        cpu = " ".join(f"{k} {v:.0f}" for k, v in measured["cpu_us_per_request"].items() if v is not None)
        errors = f"  ERRORS {measured['non2xx']} non-2xx {measured['error_codes']} {measured['socket_errors']}" if load.has_errors(measured) else ""
        print(f"{table:6} {server:9} {store:6} {scenario:10} c={connections:<3} run {run}: {measured['rps']:>9.0f} req/s  "
              f"p50 {measured['p50_ms']:.2f} ms  p99 {measured['p99_ms']:.2f} ms  CPU µs/req: {cpu}{errors}", file=sys.stderr)

    def sqlite_server(self, store: Path, sync: str = "normal", variant: Variant | None = None) -> Deployment:
        binary, extra = (variant.binary, variant.args) if variant else (self.binary, ())
        server = servers.havip(binary, f"sqlite:{store}", self.log, sqlite_sync=sync, extra_args=extra)
        return Deployment(server.url, {"havip": [server.pid]}, server.stop, server.pid)

    def fresh_store(self) -> Path:
        """A copy of the seeded store for one run: havip keeps the signature nonces it has seen beside its store
        (a replay is refused across restarts), so a run on the seeded store itself would leave them for the next."""
        return servers.copy_sqlite(self.store, self.work / "read-scratch.sqlite")

    def replay_havip(self, table, store_name, scenario, connections, run, deployment: Deployment, paths: Path, server="havip") -> None:
        try:
            measured = load.replay(deployment, connections, self.args.duration, paths)
            measured["rss_mb"] = servers.rss_mb(deployment.rss_pid)
        finally:
            deployment.stop()
        self.record(table, server, store_name, scenario, connections, run, measured)

    # The tables.

    def reads(self) -> None:
        params = read_params(self.facts)
        for name in self.args.scenarios.split(","):
            for connections in self.connections:
                for run in range(self.args.runs):
                    paths = self.signer.paths(name, self.paths_per_run, params[name])
                    self.replay_havip("reads", "sqlite", name, connections, run, self.sqlite_server(self.fresh_store()), paths)
                    for variant in self.variants:
                        self.replay_havip("reads", "sqlite", name, connections, run, self.sqlite_server(self.fresh_store(), variant=variant), paths,
                                          server=f"havip:{variant.name}")
                    for mode in self.limit_modes:
                        limit = servers.limit(self.binary, reply_size(name), mode, self.log)
                        deployment = Deployment(limit.url, {"limit": [limit.pid]}, limit.stop, limit.pid)
                        try:
                            measured = load.replay(deployment, connections, self.args.duration, paths)
                        finally:
                            limit.stop()
                        self.record("reads", "limit" if mode == "plain" else f"limit-{mode}", "-", name, connections, run, measured)
            if not self.args.no_peer and name in ("by-vpc", "by-id"):
                run_moto(self.moto_python, name, self.facts["total"], self.connections, self)

    def create(self, syncs=None, table="create") -> None:
        base, vswitches = servers.prepare_sqlite_create(self.binary, self.store, self.paths_per_run, self.log)
        scratch = self.work / "create-scratch.sqlite"
        for sync in syncs or self.args.create_syncs.split(","):
            name = "create" if sync == "normal" else f"create-{sync}"
            for connections in self.connections:
                for run in range(self.args.runs):
                    paths = self.signer.paths("create", self.paths_per_run, CREATE, cycle={"VSwitchId": vswitches})
                    servers.copy_sqlite(base, scratch)
                    self.replay_havip(table, "sqlite", name, connections, run, self.sqlite_server(scratch, sync), paths)

    def mixed(self) -> None:
        params = read_params(self.facts)
        connections, fraction = self.args.mix_connections, self.args.mix_fraction
        for run in range(self.args.runs):
            by_id = self.signer.paths("mix-by-id", self.paths_per_run, params["by-id"], split=connections)
            deep = self.signer.paths("mix-deep-page", self.paths_per_run // 4, params["deep-page"], split=connections)
            for load_name, share in (("by-id alone", 0.0), ("mixed", fraction)):
                deployment = self.sqlite_server(self.fresh_store())
                try:
                    measured = load.mix(deployment, connections, self.args.duration, by_id, deep, share)
                finally:
                    deployment.stop()
                self.record("mixed", "havip", "sqlite", load_name, connections, run, measured)

    def stores(self) -> None:
        pg = servers.Postgres()
        seeded = pg.seed(self.binary, self.args.havips)
        facts = pg.facts(seeded)
        params = read_params(facts)
        wanted = self.args.store_scenarios.split(",")
        create_base = vswitches = None
        if "create" in wanted:
            create_base, vswitches = pg.prepare_create(self.binary, seeded, self.paths_per_run, self.log)
        measured_here = {(r["scenario"], r["connections"]) for r in self.results["runs"] if r["store"] == "sqlite" and r["table"] != "mixed"}
        for nodes in [int(n) for n in self.args.pg_nodes.split(",")]:
            store_name = f"pg-{nodes}"
            for name in wanted:
                for connections in self.connections:
                    for run in range(self.args.runs):
                        if name == "create":
                            paths = self.signer.paths(f"{store_name}-create", self.paths_per_run, CREATE, cycle={"VSwitchId": vswitches})
                            db = pg.copy(create_base, "bench_run")
                        else:
                            paths = self.signer.paths(f"pg-{name}", self.paths_per_run, params[name])
                            db = pg.copy(seeded, "bench_run")
                        deployment = servers.postgres_deployment(self.binary, pg, db, nodes, self.work, self.log, self.args.pg_pool_size)
                        self.replay_havip("stores", store_name, name, connections, run, deployment, paths)
                        pg.drop(db)
        # SQLite beside them, from this invocation's runs, or measured now.
        for name in wanted:
            if all((name, c) in measured_here for c in self.connections):
                continue
            if name == "create":
                self.create(["normal"], table="stores")
                continue
            for connections in self.connections:
                for run in range(self.args.runs):
                    paths = self.signer.paths(name, self.paths_per_run, read_params(self.facts)[name])
                    self.replay_havip("stores", "sqlite", name, connections, run, self.sqlite_server(self.fresh_store()), paths)

    def main(self) -> None:
        args = self.args
        wanted = args.tables.split(",")
        self.moto_python = ensure_tools(not args.no_peer and "reads" in wanted)
        self.binary = Path(args.build_dir) if args.build_dir else ROOT / ".build" / "release" if args.skip_build else build()
        self.store = servers.seed_sqlite(self.binary, args.havips, self.work)
        self.facts = servers.sqlite_facts(self.store)
        self.results["havips"] = self.facts["total"]
        self.connections = [int(c) for c in args.connections.split(",")]
        self.limit_modes = [] if args.no_limit else args.limit_modes.split(",")
        self.variants = args.variant
        if "stores" in wanted:
            servers.Postgres()  # fails now, not after an hour, when there is no cluster

        # Startup and idle memory on this store.
        deployment = self.sqlite_server(self.store)
        time.sleep(1)
        self.results["idle_rss_mb"] = servers.rss_mb(deployment.rss_pid)
        deployment.stop()

        for table in ("reads", "create", "mixed", "stores"):
            if table in wanted:
                getattr(self, table)()
                self.save()
        print(tables.render(self.results))

    def save(self) -> None:
        out = Path(self.args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(self.results, indent=1, default=str))


def run_moto(python: Path, name: str, count: int, connections, bench: Bench) -> None:
    args = bench.args
    port = servers.free_port()
    info = Path(args.work) / "moto.json"
    proc = subprocess.Popen([str(python), str(BENCH / "moto_peer.py"), "--port", str(port), "--count", str(count), "--info", str(info)],
                            stdout=bench.log, stderr=bench.log)
    try:
        deadline = time.monotonic() + 3600
        while not info.exists() or info.stat().st_size == 0:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("moto did not start; see servers.log")
            time.sleep(0.5)
        facts = json.loads(info.read_text())
        query = ("Action=DescribeNetworkInterfaces&Version=2016-11-15&MaxResults=10&Filter.1.Name=subnet-id"
                 f"&Filter.1.Value.1={facts['subnet']}" if name == "by-vpc" else
                 f"Action=DescribeNetworkInterfaces&Version=2016-11-15&NetworkInterfaceId.1={facts['eni']}")
        # One path for each of wrk's two threads, repeated (moto checks no nonces; replay.lua repeats a thread's last path).
        paths = Path(args.work) / f"moto-{name}.txt"
        paths.write_text(f"/?{query}\n" * 2)
        deployment = Deployment(f"http://127.0.0.1:{port}", {"moto": [proc.pid]}, lambda: None, proc.pid)
        for connection_count in connections:
            for run in range(args.runs):
                bench.record("reads", "moto", "-", name, connection_count, run, load.replay(deployment, connection_count, args.duration, paths))
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        info.unlink(missing_ok=True)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": os.uname().release}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--havips", type=int, default=100_000)
    parser.add_argument("--tables", default="reads,create,mixed,stores", help="any of reads,create,mixed,stores")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--scenarios", default=",".join(READS), help="the reads table's scenarios")
    parser.add_argument("--limit-modes", default="plain,hop", help="the limit's handlers: plain, hop (a dispatch-queue round trip)")
    parser.add_argument("--create-syncs", default="normal,full", help="--sqlite-sync values of the create table")
    parser.add_argument("--mix-connections", type=int, default=64)
    parser.add_argument("--mix-fraction", type=float, default=0.1, help="the share of deep pages in the mixed load")
    parser.add_argument("--pg-nodes", default="1,3", help="havip nodes on PostgreSQL (more than one: behind nginx)")
    parser.add_argument("--pg-pool-size", type=int, default=16, help="PostgreSQL connections per node")
    parser.add_argument("--store-scenarios", default="by-vpc,by-id,create")
    parser.add_argument("--variant", type=Variant, action="append", default=[],
                        help="NAME=BUILD_DIR[:ARG,ARG...]: another havip (build or options) measured beside this one in the reads table")
    parser.add_argument("--no-peer", action="store_true", help="skip moto")
    parser.add_argument("--no-limit", action="store_true", help="skip the bare Hummingbird handler")
    parser.add_argument("--skip-build", action="store_true", help="use .build/release as it is")
    parser.add_argument("--build-dir", help="use the havip and havip-bench-limit binaries in this folder (no build)")
    parser.add_argument("--work", default="/tmp/havip-bench")
    parser.add_argument("--out", default=str(BENCH / "results" / "latest.json"))
    Bench(parser.parse_args()).main()


if __name__ == "__main__":
    main()
