"""The netns data plane end to end: ``havip serve --dataplane netns`` driven through the official SDK (Tea V3).

    sudo .venv-conformance/bin/python bench/dataplane.py [--rounds 5] [--havips 50] [--out bench/results/dataplane.json]

Root only (it starts a server with the data plane, under the lab prefix ``hvbench-``). Uses the conformance
suite's venv and helpers, and the binary in HAVIP_BIN (default .build/debug/havip).

1. Failover, ``--rounds`` times each way of failing the master of one HaVip associated with two instances
   (keepalived, advert_int 1): its keepalived stopped (SIGTERM), its keepalived and VRRP process killed (SIGKILL),
   StopInstance of the master. Each round measures the time from the failure until DescribeHaVips shows the other
   instance as MasterInstanceId (polled every 50 ms), and the replies lost by the lab's client pinging the address
   every 100 ms from 1 s before the failure to 5 s after it. Between rounds the control API's failover (or a
   StartInstance) hands the address back.
2. Scale: ``--havips`` HaVips, each associated with two instances of its own, made through the API on a fresh
   server: the server's start-up (process start to health), the time to make the world, until every HaVip is held on
   the wire and DescribeHaVips shows it, the RSS of the havip process, the RSS and PSS of everything in the lab's
   namespaces (keepalived), and the shutdown (SIGTERM to exit, every namespace gone).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Dict, List, Optional

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from conformance.cloud import Cloud, poll  # noqa: E402
from conformance.control import Control  # noqa: E402
from conformance.server import HavipServer, binary_path  # noqa: E402

PREFIX = "hvbench-"


def lab_exec(target: str, *command: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary_path()), "lab", "exec", "--lab-prefix", PREFIX, target, "--", *command],
                          capture_output=True, text=True, timeout=timeout)


def namespaces() -> List[str]:
    out = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True).stdout
    return [line.split()[0] for line in out.splitlines() if line.split() and line.split()[0].startswith(PREFIX)]


def run_dir(instance_id: str) -> Path:
    return Path(f"/run/{PREFIX}lab/{PREFIX}{instance_id}/run")


def proc_kib(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def lab_processes() -> List[int]:
    """Every process whose network namespace is one of the lab's."""
    wanted = {os.stat(f"/run/netns/{name}").st_ino for name in namespaces()}
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}/ns/net").st_ino in wanted:
                    found.append(int(entry))
            except OSError:
                pass
    return found


def start(workdir: Path) -> (HavipServer, float):
    server = HavipServer(binary_path(), workdir, extra_args=(
        "--transition-delay", "0", "--dataplane", "netns", "--lab-prefix", PREFIX))
    started = time.monotonic()
    server.start()
    return server, time.monotonic() - started


def stop(server: HavipServer) -> float:
    started = time.monotonic()
    code = server.stop()
    elapsed = time.monotonic() - started
    if code != 0 or namespaces():
        raise SystemExit(f"shutdown: exit {code}, namespaces left {namespaces()}\n{server.log_text()}")
    return elapsed


def master(cloud: Cloud, havip_id: str) -> Optional[str]:
    return cloud.havip(havip_id)["MasterInstanceId"]


# ------------------------------------------------------------------------------------------ failover

FAILURES = ("keepalived stopped (SIGTERM)", "keepalived and its VRRP process killed (SIGKILL)", "StopInstance of the master")


def failover_rounds(rounds: int) -> List[Dict]:
    with tempfile.TemporaryDirectory() as workdir:
        server, _ = start(Path(workdir))
        try:
            cloud = Cloud("tea_v3", server.endpoint)
            net = cloud.build(instances=2)
            first, second = net.instance_ids
            havip = cloud.create_havip(net.vswitch_id)
            havip_id, address = havip["HaVipId"], havip["IpAddress"]
            cloud.associate(havip_id, first)
            cloud.associate(havip_id, second)
            control = Control(server.endpoint)
            poll(lambda: lab_exec("client", "ping", "-c", "1", "-W", "1", address).returncode == 0, "a first master", 20)
            results = []
            for failure in FAILURES:
                for _ in range(rounds):
                    old = master(cloud, havip_id)
                    new = second if old == first else first
                    pinger: Dict[str, str] = {}
                    thread = threading.Thread(target=lambda: pinger.update(out=lab_exec(
                        "client", "ping", "-n", "-q", "-i", "0.1", "-c", "60", "-W", "1", address).stdout))
                    thread.start()
                    time.sleep(1)
                    failed_at = time.monotonic()
                    if failure.startswith("StopInstance"):
                        cloud.call("StopInstance", InstanceId=old)
                    else:
                        sig = signal.SIGTERM if "SIGTERM" in failure else signal.SIGKILL
                        for name in (("keepalived.pid",) if sig == signal.SIGTERM else ("vrrp.pid", "keepalived.pid")):
                            os.kill(int((run_dir(old) / name).read_text()), sig)
                    seen = None
                    while time.monotonic() - failed_at < 10:
                        if master(cloud, havip_id) == new:
                            seen = time.monotonic() - failed_at
                            break
                        time.sleep(0.05)
                    thread.join()
                    counts = re.search(r"(\d+) packets transmitted, (\d+) received", pinger.get("out", ""))
                    sent, received = (int(counts.group(1)), int(counts.group(2))) if counts else (0, 0)
                    results.append({"failure": failure, "describeSeconds": seen, "pingsSent": sent, "repliesLost": sent - received})
                    print(f"  {failure}: DescribeHaVips after {'never' if seen is None else f'{seen:.2f} s'}, "
                          f"{sent - received} of {sent} replies lost", flush=True)
                    # Back to two instances with keepalived; the address back to the first.
                    if failure.startswith("StopInstance"):
                        cloud.call("StartInstance", InstanceId=old)
                        time.sleep(4)
                    if master(cloud, havip_id) != first:
                        control.ok("POST", f"havips/{havip_id}/failover", {"to": first})
                    else:
                        control.ok("POST", f"havips/{havip_id}/failover", {"to": second})
                        control.ok("POST", f"havips/{havip_id}/failover", {"to": first})
                    time.sleep(1)
            return results
        finally:
            stop(server)


# --------------------------------------------------------------------------------------------- scale

def scale(havips: int) -> Dict:
    with tempfile.TemporaryDirectory() as workdir:
        server, start_seconds = start(Path(workdir))
        try:
            pid = server._proc.pid
            rss_empty = proc_kib(f"/proc/{pid}/status", "VmRSS")
            cloud = Cloud("tea_v3", server.endpoint)
            made_at = time.monotonic()
            net = cloud.build(instances=2 * havips, vswitch_cidr="192.168.0.0/20", vpc_cidr="192.168.0.0/16")
            addresses: Dict[str, str] = {}
            for index in range(havips):
                created = cloud.create_havip(net.vswitch_id)
                cloud.associate(created["HaVipId"], net.instance_ids[2 * index])
                cloud.associate(created["HaVipId"], net.instance_ids[2 * index + 1])
                addresses[created["HaVipId"]] = created["IpAddress"]
            made = time.monotonic() - made_at
            # Held on the wire: the lab's client gets an answer from each address.
            pending = set(addresses)
            deadline = time.monotonic() + 120
            while pending and time.monotonic() < deadline:
                for havip_id in sorted(pending):
                    if lab_exec("client", "ping", "-c", "1", "-W", "0.2", addresses[havip_id]).returncode == 0:
                        pending.discard(havip_id)
            held = time.monotonic() - made_at if not pending else None
            time.sleep(2)
            processes = lab_processes()
            result = {
                "havips": havips, "instances": 2 * havips, "startSeconds": start_seconds, "worldSeconds": made,
                "allHeldSecondsFromWorldStart": held, "havipRSSEmptyKiB": rss_empty,
                "havipRSSKiB": proc_kib(f"/proc/{pid}/status", "VmRSS"), "labProcesses": len(processes),
                "labRSSKiB": sum(proc_kib(f"/proc/{p}/status", "VmRSS") for p in processes),
                "labPSSKiB": sum(proc_kib(f"/proc/{p}/smaps_rollup", "Pss") for p in processes),
            }
        finally:
            shutdown = stop(server)
        result["shutdownSeconds"] = shutdown
        # A second start on a store that already has the world: the lab is built from it.
        server, restart_seconds = start(Path(workdir))
        try:
            started = time.monotonic()
            expected = 2 * havips + 2
            poll(lambda: len(namespaces()) == expected, "the lab rebuilt from the store", 120)
            result["restartSeconds"] = restart_seconds
            result["rebuiltSeconds"] = time.monotonic() - started
        finally:
            result["secondShutdownSeconds"] = stop(server)
        return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--havips", type=int, default=50)
    parser.add_argument("--out")
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("dataplane.py: it needs root (havip serve --dataplane netns)")
    print(f"failover, {args.rounds} rounds of each:", flush=True)
    rounds = failover_rounds(args.rounds)
    print(f"scale, {args.havips} HaVips x 2 instances:", flush=True)
    scaled = scale(args.havips)
    print("  " + json.dumps(scaled), flush=True)
    print("\n| failure of the master | rounds | DescribeHaVips shows the new master (min / median / max) | replies lost of 60 (min / median / max) |")
    print("|---|---|---|---|")
    for failure in FAILURES:
        mine = [r for r in rounds if r["failure"] == failure]
        seen = sorted(r["describeSeconds"] for r in mine if r["describeSeconds"] is not None)
        lost = sorted(r["repliesLost"] for r in mine)
        spread = (f"{seen[0]:.2f} / {statistics.median(seen):.2f} / {seen[-1]:.2f} s" if seen else "never")
        print(f"| {failure} | {len(mine)} ({len(mine) - len(seen)} never) | {spread} | "
              f"{lost[0]} / {statistics.median(lost):g} / {lost[-1]} |")
    if args.out:
        Path(args.out).write_text(json.dumps({"failover": rounds, "scale": scaled}, indent=2, sort_keys=True) + "\n")
        print(f"\nwritten to {args.out}")


if __name__ == "__main__":
    main()
