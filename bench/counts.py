#!/usr/bin/env python3
"""Counts, not timings: system calls and scheduler events per request of havip and of the limit under the
same load, so that the difference between them can be read on a busy machine (counts do not depend on
how fast the machine is that minute the way timings do).

For each target (havip by-vpc and by-id on the seeded SQLite store; the limit plain, with a dispatch hop, or
with 170 µs of stand-in work per request, `busy170`, which brings it to about havip's rate), one fresh server: a run of wrk with `strace -c -f` attached to every thread of the server (system
calls per request), and a second run with `perf stat` counting context switches, wake-ups and migrations
(per request). strace slows the server a lot, so its run answers fewer requests; what is compared is the
count per request, not the rate.

    python3 bench/counts.py --build-dir .build/release --havips 100000 --out bench/results/counts.json

A third run (`profile`) records the server's CPU samples with their stacks (`perf record -g`) and counts them,
as µs of CPU per request, twice: by the part whose own code a sample is in (havip's code, SQLite, crypto,
llhttp, Hummingbird, SwiftNIO, the Swift runtime and allocator, the kernel's scheduling, TCP and the rest), and
by the layer that made it run (the innermost frame of havip's modules, SQLite, crypto, llhttp, Hummingbird or
SwiftNIO: a `swift_retain` or a `writev` is charged to the code that called it). The same framework's cost,
read beside the limit's.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402
import servers  # noqa: E402
from run import ensure_tools, read_params, reply_size, sh  # noqa: E402
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


# The layers of a server's stack, by the module of a Swift symbol (its mangled name starts `$s<len><Module>`)
# or by the shared object of a C one.
LAYERS = [
    ("havip", re.compile(r"^(HaVip\w*|RPCWire|havip)$")),
    ("the limit's stand-in work (busyN)", re.compile(r"^havip_bench_limit$")),
    ("SQLite", re.compile(r"^(GRDB|GRDBSQLite|CSQLite|libsqlite3\.so.*)$")),
    ("crypto (HMAC, digests)", re.compile(r"^(Crypto|_CryptoExtras|CCryptoBoringSSL\w*)$")),
    ("HTTP parsing (llhttp)", re.compile(r"^(CNIOLLHTTP)$")),
    ("Hummingbird", re.compile(
        r"^(Hummingbird\w*|HTTPTypes|ServiceLifecycle|UnixSignals|Logging|Metrics|CoreMetrics|Prometheus|Tracing|Instrumentation"
        r"|ServiceContext\w*)$")),
    ("SwiftNIO", re.compile(r"^(NIO\w*|_NIO\w*|CNIO\w*)$")),
]
RUNTIME = re.compile(r"^(libswiftCore|libswift_Concurrency|libswiftSynchronization|libc\.|libm\.|ld-linux|libdispatch|libFoundation"
                     r"|libBlocksRuntime)")


def module_of(symbol: str, dso: str) -> str | None:
    """The Swift module a symbol belongs to, or the C library; None for the standard library's code specialised
    into an executable (a mangled name with no module of its own: `$sSa…`)."""
    if symbol.startswith("c_nio_llhttp"):
        return "CNIOLLHTTP"
    if symbol.startswith("CCryptoBoringSSL"):
        return "CCryptoBoringSSL"
    module = re.match(r"^\$s(\d+)(\w+)", symbol)
    if module:
        return module.group(2)[: int(module.group(1))]
    if Path(dso).name.startswith("lib") and not re.match(r"^(swift_|_swift_|\$s)", symbol):
        return Path(dso).name
    return None


def layer_of(name: str | None) -> str | None:
    """The layer of a module (havip's by module: `havip: HaVipModel`), or None (runtime, libc, the standard
    library)."""
    for label, pattern in LAYERS:
        if name and pattern.match(name):
            return f"havip: {name}" if label == "havip" else label
    return None


def layer(symbol: str, dso: str) -> str | None:
    """The layer a frame belongs to, or None (the kernel too)."""
    return layer_of(module_of(symbol, dso)) if dso != "[kernel.kallsyms]" else None


def owner(dso: str, symbol: str) -> str:
    """The part of the stack whose own code a sample is in (self time: the parts add up to the whole)."""
    if dso == "[kernel.kallsyms]":
        if re.search(r"sched|switch_to|futex|wake|__schedule|pick_next|enqueue|dequeue|update_curr|idle|ttwu|select_task", symbol):
            return "kernel: scheduling, futex"
        if re.search(r"tcp|sock|skb|inet|ip_|__dev|net_|loopback|napi|epoll|ep_", symbol):
            return "kernel: TCP and epoll"
        return "kernel: other (system call entry, files, memory)"
    name = module_of(symbol, dso)
    found = layer_of(name)
    if found:
        return "havip's own code" if found.startswith("havip: ") else found
    if name is None or RUNTIME.match(name):
        return "Swift runtime, concurrency, allocator"
    return "other (" + Path(dso).name + ")"


def perf_samples(data: Path):
    """Each sample's stack as (symbol, shared object) pairs, innermost first."""
    script = subprocess.Popen(["perf", "script", "-i", str(data), "-F", "ip,sym,dso", "--no-demangle"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    frames: list[tuple[str, str]] = []
    for line in script.stdout:
        match = re.match(r"^\s+[0-9a-f]+\s+(.*?)\s+\((.*)\)$", line)
        if match:
            symbol = match.group(1)
            frames.append((re.sub(r"\+0x[0-9a-f]+$", "", symbol), match.group(2)))
        elif not line.strip() and frames:
            yield frames
            frames = []
    if frames:
        yield frames
    script.wait()


def perf_record(pid: int, run, out: Path, *options: str) -> dict:
    """`run()`'s result, with the server `pid` sampled by `perf record OPTIONS` into `out` meanwhile."""
    recorder = subprocess.Popen(["perf", "record", *options, "-p", str(pid), "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        return run()
    finally:
        recorder.send_signal(signal.SIGINT)
        recorder.wait(timeout=120)


def profile_counts(pid: int, run) -> tuple[dict, dict]:
    """The server's CPU samples (`perf record -g`, 999 Hz, every thread), counted twice: by the part of the stack
    whose own code the sample is in, and by the layer that made that code run (``layer``)."""
    out = Path(f"/tmp/havip-counts-{pid}.data")
    measured = perf_record(pid, run, out, "-F", "999", "-g")
    own: dict[str, int] = {}
    caused: dict[str, int] = {}
    for frames in perf_samples(out):
        part = owner(frames[0][1], frames[0][0])
        own[part] = own.get(part, 0) + 1
        by = next((found for found in (layer(symbol, dso) for symbol, dso in frames) if found),
                  "unattributed (the stack ends in libc: malloc, free, locks, pwrite)")
        where = "kernel" if frames[0][1] == "[kernel.kallsyms]" else "user"
        caused.setdefault(by, {"user": 0, "kernel": 0})[where] += 1
    out.unlink(missing_ok=True)
    return {"own": own, "caused": caused}, measured


TOOLS = {"strace": strace_counts, "perf": perf_counts, "profile": profile_counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=str(servers.ROOT / ".build" / "release"))
    parser.add_argument("--havips", type=int, default=100_000)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--targets", default="havip:by-vpc,havip:by-id,limit:plain,limit:busy170",
                        help="havip:SCENARIO or limit:MODE (plain, hop, busyMICROSECONDS)")
    parser.add_argument("--tools", default="strace,perf,profile",
                        help="strace (system calls), perf (scheduler events), profile (CPU by part of the stack)")
    parser.add_argument("--work", default="/tmp/havip-bench")
    parser.add_argument("--out", default=str(servers.BENCH / "results" / "counts.json"))
    args = parser.parse_args()

    ensure_tools(peer=False)
    for tool, package in (("strace", "strace"), ("perf", "linux-perf")):
        if not shutil.which(tool):
            sh("apt-get", "install", "-y", "-qq", package)
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
        for tool in args.tools.split(","):
            count = TOOLS[tool]
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
            if tool == "profile":
                total, cpu = sum(counts["own"].values()) or 1, measured["cpu_us_per_request"]["server"]
                row[tool] = {"requests": requests, "errors": load.has_errors(measured), "cpu_us_per_request": cpu,
                             "samples": counts,
                             "us_per_request": {k: v / total * cpu for k, v in sorted(counts["own"].items(), key=lambda kv: -kv[1])},
                             "us_per_request_by_layer": {
                                 k: {"all": (v["user"] + v["kernel"]) / total * cpu, "kernel": v["kernel"] / total * cpu}
                                 for k, v in sorted(counts["caused"].items(), key=lambda kv: -(kv[1]["user"] + kv[1]["kernel"]))}}
            else:
                row[tool] = {"requests": requests, "errors": load.has_errors(measured),
                             "per_request": {k: v / requests for k, v in sorted(counts.items(), key=lambda kv: -kv[1])}}
            print(f"{target} {tool}: {requests} requests", file=sys.stderr)
        results[target] = row
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(results, indent=1))
    print(table(results))


def table(results: dict) -> str:
    targets = list(results)
    lines = ["| per request | " + " | ".join(targets) + " |", "|---|" + "---|" * len(targets)]
    if all("strace" in r for r in results.values()):
        names = sorted({k for r in results.values() for k in r["strace"]["per_request"]},
                       key=lambda k: -max(r["strace"]["per_request"].get(k, 0) for r in results.values()))
        for name in names:
            values = [results[t]["strace"]["per_request"].get(name, 0) for t in targets]
            if max(values) >= 0.01:
                lines.append(f"| `{name}` | " + " | ".join(f"{v:.2f}" for v in values) + " |")
        lines.append("| **all system calls** | " + " | ".join(f"**{sum(results[t]['strace']['per_request'].values()):.2f}**" for t in targets) + " |")
    if all("perf" in r for r in results.values()):
        for event in EVENTS:
            lines.append(f"| {event} (perf) | " + " | ".join(f"{results[t]['perf']['per_request'].get(event, 0):.2f}" for t in targets) + " |")
    if all("profile" in r for r in results.values()):
        parts = sorted({k for r in results.values() for k in r["profile"]["us_per_request"]},
                       key=lambda k: -max(r["profile"]["us_per_request"].get(k, 0) for r in results.values()))
        for part in parts:
            lines.append(f"| CPU µs: {part} | " + " | ".join(f"{results[t]['profile']['us_per_request'].get(part, 0):.1f}" for t in targets) + " |")
        layers = sorted({k for r in results.values() for k in r["profile"]["us_per_request_by_layer"]},
                        key=lambda k: -max(r["profile"]["us_per_request_by_layer"].get(k, {"all": 0})["all"] for r in results.values()))
        for name in layers:
            cells = [results[t]["profile"]["us_per_request_by_layer"].get(name, {"all": 0, "kernel": 0}) for t in targets]
            lines.append(f"| CPU µs caused by {name} (of which kernel) | " + " | ".join(f"{c['all']:.1f} ({c['kernel']:.1f})" for c in cells) + " |")
        lines.append("| **CPU µs per request (profiled run)** | " + " | ".join(f"**{results[t]['profile']['cpu_us_per_request']:.1f}**" for t in targets) + " |")
    lines.append("| requests counted (" + " / ".join(results[targets[0]]) + ") | " + " | ".join(
        " / ".join(str(results[t][tool]["requests"]) for tool in results[t]) for t in targets) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
