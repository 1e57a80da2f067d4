#!/usr/bin/env python3
"""The havip benchmark: havip beside moto (the peer) and a bare Hummingbird handler (the limit), same
machine, same load tool (wrk replaying pre-signed requests), same run. Writes a JSON file of every run and
prints a Markdown table of medians (bench/RESULTS.md is made from it).

    python3 bench/run.py --havips 100000            # the main table
    python3 bench/run.py --havips 1000000 --scenarios by-id,page-1 --connections 1 --no-peer
See bench/README.md for what each scenario is and why.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
KEY = "bench:benchsecret"
ACCOUNT = "bench"
REGION = "cn-hangzhou"


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


def wait_http(url: str, timeout: float = 60) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                response.read()
                return time.monotonic() - started
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Process:
    def __init__(self, cmd, health_url, log):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        self.startup = wait_http(health_url)

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def seed(binary: Path, havips: int, folder: Path) -> Path:
    store = folder / f"havip-{havips}.sqlite"
    if not store.exists():
        sh(str(binary / "havip"), "seed", "--store", f"sqlite:{store}", "--account", ACCOUNT, "--havips", str(havips))
    return store


def scratch_copy(store: Path) -> Path:
    """A fresh copy of the seeded store for a run that writes (create): every such run starts from the same
    fleet, and the store the read scenarios measure never grows."""
    copy = store.with_name(store.stem + "-scratch.sqlite")
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    source, target = sqlite3.connect(store), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return copy


def fleet_facts(store: Path) -> dict:
    db = sqlite3.connect(store)
    vpc, vswitch = db.execute("SELECT vpc_id, vswitch_id FROM havips WHERE account = ? ORDER BY created_at LIMIT 1", (ACCOUNT,)).fetchone()
    mid = db.execute("SELECT id FROM havips WHERE account = ? ORDER BY created_at LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM havips)",
                     (ACCOUNT,)).fetchone()[0]
    total = db.execute("SELECT COUNT(*) FROM havips WHERE account = ?", (ACCOUNT,)).fetchone()[0]
    return {"vpc": vpc, "vswitch": vswitch, "havip": mid, "total": total}


def scenarios(facts: dict) -> dict:
    base = ["Action=DescribeHaVips", f"RegionId={REGION}"]
    deep = max(1, facts["total"] // 10 // 2)
    return {
        "by-vpc": base + ["Filter.1.Key=VpcId", f"Filter.1.Value.1={facts['vpc']}", "PageSize=10"],
        "by-id": base + ["Filter.1.Key=HaVipId", f"Filter.1.Value.1={facts['havip']}"],
        "page-1": base + ["PageSize=10"],
        "deep-page": base + ["PageSize=10", f"PageNumber={deep}"],
        "create": ["Action=CreateHaVip", f"RegionId={REGION}", f"VSwitchId={facts['vswitch']}"],
    }


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process has used so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(url: str, connections: int, duration: int, script_args=(), script=None, server_pid=None) -> dict:
    """One wrk run; with `server_pid`, also the server's CPU time per answered request."""
    threads = min(2, connections)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s"]
    if script:
        cmd += ["-s", str(script), url, "--", *script_args, str(threads)]
    else:
        cmd += [url]
    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    cpu_used = cpu_seconds(server_pid) - cpu_before if server_pid else None

    def ms(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {
        "cpu_us_per_request": cpu_used / requests * 1e6 if cpu_used is not None and requests else None,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": ms("50"), "p99_ms": ms("99"),
        "non2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--havips", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", default="1,16,64")
    parser.add_argument("--scenarios", default="by-vpc,by-id,page-1,deep-page")
    parser.add_argument("--no-peer", action="store_true", help="skip moto")
    parser.add_argument("--no-limit", action="store_true", help="skip the bare Hummingbird handler")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--work", default="/tmp/havip-bench")
    parser.add_argument("--out", default=str(BENCH / "results" / "latest.json"))
    args = parser.parse_args()

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    moto_python = ensure_tools(not args.no_peer)
    binary = ROOT / ".build" / "release" if args.skip_build else build()
    store = seed(binary, args.havips, work)
    facts = fleet_facts(store)
    connections = [int(c) for c in args.connections.split(",")]
    wanted = args.scenarios.split(",")
    results = {"machine": machine(), "havips": facts["total"], "runs": []}
    log = open(work / "servers.log", "ab")

    def havip_server(port, path=store):
        return Process([str(binary / "havip"), "serve", "--port", str(port), "--store", f"sqlite:{path}",
                        "--access-key", f"{KEY}:{ACCOUNT}", "--log-level", "error", "--transition-delay", "0"],
                       f"http://127.0.0.1:{port}/_havip/health", log)

    # Startup and idle memory on this store.
    port = free_port()
    server = havip_server(port)
    time.sleep(1)
    results["startup_s"], results["idle_rss_mb"] = server.startup, rss_mb(server.proc.pid)
    server.stop()
    print(f"startup {server.startup:.3f} s, idle RSS {results['idle_rss_mb']:.1f} MB", file=sys.stderr)

    all_scenarios = scenarios(facts)
    for name in wanted:
        params = all_scenarios[name]
        paths = work / f"paths-{name}.txt"
        signed_at = 0.0
        for connection_count in connections:
            for run in range(args.runs):
                # One file of one-time signatures serves every run of the scenario: each run starts a fresh
                # server (an empty nonce memory). Signatures are re-made before their 15 minutes run out.
                if time.time() - signed_at > 12 * 60:
                    sh(sys.executable, str(BENCH / "sign_requests.py"), "--count", str(60_000 * args.duration), "--out", str(paths),
                       "--key", KEY, *params)
                    signed_at = time.time()
                port = free_port()
                server = havip_server(port, scratch_copy(store) if name == "create" else store)
                measured = wrk(f"http://127.0.0.1:{port}", connection_count, args.duration, [str(paths)], BENCH / "replay.lua",
                               server.proc.pid)
                measured["rss_mb"] = rss_mb(server.proc.pid)
                server.stop()
                record("havip", name, connection_count, run, measured, results)
                if not args.no_limit:
                    port = free_port()
                    limit = Process([str(binary / "havip-bench-limit"), str(port), str(reply_size(name))], f"http://127.0.0.1:{port}/", log)
                    record("limit", name, connection_count, run,
                           wrk(f"http://127.0.0.1:{port}", connection_count, args.duration, [str(paths)], BENCH / "replay.lua",
                               limit.proc.pid), results)
                    limit.stop()
        if not args.no_peer and name in ("by-vpc", "by-id"):
            run_moto(moto_python, name, facts["total"], connections, args, results, log)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1))
    print(table(results))


def reply_size(name: str) -> int:
    return {"by-id": 700, "by-vpc": 5_600, "page-1": 5_600, "deep-page": 5_600}.get(name, 5_600)


def run_moto(python: Path, name: str, count: int, connections, args, results, log) -> None:
    port = free_port()
    info = Path(args.work) / "moto.json"
    proc = subprocess.Popen([str(python), str(BENCH / "moto_peer.py"), "--port", str(port), "--count", str(count), "--info", str(info)],
                            stdout=log, stderr=log)
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
        for connection_count in connections:
            for run in range(args.runs):
                record("moto", name, connection_count, run,
                       wrk(f"http://127.0.0.1:{port}/?{query}", connection_count, args.duration, server_pid=proc.pid), results)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        info.unlink(missing_ok=True)


def record(server, name, connections, run, measured, results) -> None:
    measured.update({"server": server, "scenario": name, "connections": connections, "run": run})
    results["runs"].append(measured)
    print(f"{server:6} {name:10} c={connections:<3} run {run}: {measured['rps']:>9.0f} req/s  p50 {measured['p50_ms']:.2f} ms  "
          f"p99 {measured['p99_ms']:.2f} ms  non-2xx {measured['non2xx']}  CPU {measured['cpu_us_per_request'] or 0:.0f} µs/request",
          file=sys.stderr)


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), "?")
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": os.uname().release}


def table(results: dict) -> str:
    runs = results["runs"]
    keys = sorted({(r["scenario"], r["connections"]) for r in runs}, key=lambda k: (k[0], k[1]))

    def median(server, scenario, connections, field):
        values = [r[field] for r in runs if (r["server"], r["scenario"], r["connections"]) == (server, scenario, connections)
                  and r["non2xx"] == 0 and r.get(field) is not None]
        return statistics.median(values) if values else None

    def fmt(value, pattern):
        return pattern.format(value) if value is not None else "–"

    lines = ["| scenario | conns | havip req/s | p50 ms | p99 ms | CPU µs/req | limit req/s | limit p99 ms | limit CPU µs/req"
             " | moto req/s | moto p50 ms | havip/limit | havip/moto |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for scenario, connections in keys:
        h, l, m = (median(s, scenario, connections, "rps") for s in ("havip", "limit", "moto"))
        lines.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            scenario, connections, fmt(h, "{:.0f}"), fmt(median("havip", scenario, connections, "p50_ms"), "{:.2f}"),
            fmt(median("havip", scenario, connections, "p99_ms"), "{:.2f}"),
            fmt(median("havip", scenario, connections, "cpu_us_per_request"), "{:.0f}"), fmt(l, "{:.0f}"),
            fmt(median("limit", scenario, connections, "p99_ms"), "{:.2f}"),
            fmt(median("limit", scenario, connections, "cpu_us_per_request"), "{:.0f}"), fmt(m, "{:.1f}"),
            fmt(median("moto", scenario, connections, "p50_ms"), "{:.1f}"),
            fmt(h / l if h and l else None, "{:.0%}"), fmt(h / m if h and m else None, "{:.0f}×")))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
