#!/usr/bin/env python3
"""A soak: a steady mixed workload against one havip for a bounded time, sampling the server's RSS every
minute, to show whether memory settles once the nonce window (15 minutes) has filled.

    python3 bench/soak.py                                   # 60 minutes, 60 requests a second, debug build
    python3 bench/soak.py --minutes 10 --binary .build/release/havip

It starts `havip serve` on 127.0.0.1 (a fresh SQLite file in a temporary folder, --transition-delay 0) and
sends, over one keep-alive connection, V1-signed requests at a fixed rate in a fixed cycle: creates and
deletes of HaVips (the count stays between 0 and 20, so the state does not grow), describes of HaVips, VPCs
and vSwitches, attribute changes, tags, DescribeRegions and an error (an unknown HaVip). Each request has a
fresh nonce. Every minute it prints one table row: RSS (and its anonymous and file-backed parts), the
requests sent, errors other than the expected one, latency p50 and p99. Nothing but the standard library; no traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEY_ID, SECRET, ACCOUNT = "soak", "soaksecret", "1234567890123456"
REGION = "cn-hangzhou"
VPC_VERSION, ECS_VERSION = "2016-04-28", "2014-05-26"


def encode(text: str) -> str:
    return urllib.parse.quote(text, safe="~")


def signed_query(action: str, params: dict, version: str = VPC_VERSION) -> str:
    query = dict(params)
    query.update({
        "Action": action, "Version": version, "Format": "JSON", "AccessKeyId": KEY_ID, "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0", "SignatureNonce": uuid.uuid4().hex,
        "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })
    canonical = "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(query.items()))
    to_sign = "GET&%2F&" + encode(canonical)
    signature = base64.b64encode(hmac.new((SECRET + "&").encode(), to_sign.encode(), hashlib.sha1).digest()).decode()
    return "/?" + canonical + "&Signature=" + encode(signature)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_mb(pid: int) -> dict:
    """VmRSS and its parts (RssAnon: the heap and stacks; RssFile and RssShmem: mapped files, e.g. SQLite's
    shared-memory WAL index), in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            fields[name] = int(value.split()[0]) / 1024
    return fields


class Client:
    def __init__(self, port: int):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def call(self, action: str, params: dict, version: str = VPC_VERSION):
        target = signed_query(action, params, version)
        try:
            self.connection.request("GET", target)
            response = self.connection.getresponse()
            body = response.read()
        except (http.client.HTTPException, OSError):
            # The server closed a keep-alive connection (idle timeout): one new connection, one retry.
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            self.connection.request("GET", signed_query(action, params, version))
            response = self.connection.getresponse()
            body = response.read()
        return response.status, json.loads(body)


def start_server(binary: Path, folder: Path, port: int, extra: list) -> subprocess.Popen:
    command = [str(binary), "serve", "--host", "127.0.0.1", "--port", str(port), "--store", f"sqlite:{folder / 'havip.sqlite'}",
               "--access-key", f"{KEY_ID}:{SECRET}:{ACCOUNT}", "--transition-delay", "0", "--log-level", "warning", *extra]
    log = open(folder / "havip.log", "wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"havip exited with {process.returncode}; see {folder / 'havip.log'}")
            time.sleep(0.1)
    process.kill()
    raise SystemExit("havip did not start within 60 s")


class Workload:
    """The fixed cycle of requests; `next()` sends one and answers (status, code, expected)."""

    def __init__(self, client: Client):
        self.client = client
        _, vpc = client.call("CreateVpc", {"RegionId": REGION, "CidrBlock": "10.0.0.0/16"})
        self.vpc_id = vpc["VpcId"]
        _, vswitch = client.call("CreateVSwitch", {"RegionId": REGION, "VpcId": self.vpc_id, "ZoneId": "cn-hangzhou-h",
                                                  "CidrBlock": "10.0.0.0/22"})
        self.vswitch_id = vswitch["VSwitchId"]
        self.havips: list = []
        self.step = 0

    def next(self):
        self.step += 1
        kind = self.step % 10
        if kind in (0, 5):
            if len(self.havips) < 20:
                status, body = self.client.call("CreateHaVip", {"RegionId": REGION, "VSwitchId": self.vswitch_id,
                                                                "Name": f"soak-{self.step}"})
                if status == 200:
                    self.havips.append(body["HaVipId"])
                return status, body.get("Code"), False
            status, body = self.client.call("DeleteHaVip", {"RegionId": REGION, "HaVipId": self.havips.pop(0)})
            return status, body.get("Code"), False
        if kind == 1:
            status, body = self.client.call("DescribeHaVips", {"RegionId": REGION, "PageSize": "50"})
        elif kind == 2 and self.havips:
            status, body = self.client.call("ModifyHaVipAttribute", {"RegionId": REGION, "HaVipId": self.havips[-1],
                                                                     "Description": f"step {self.step}"})
        elif kind == 3 and self.havips:
            status, body = self.client.call("TagResources", {"RegionId": REGION, "ResourceType": "HAVIP", "ResourceId.1": self.havips[0],
                                                             "Tag.1.Key": "soak", "Tag.1.Value": str(self.step)})
        elif kind == 4:
            status, body = self.client.call("DescribeVpcs", {"RegionId": REGION})
        elif kind == 6:
            status, body = self.client.call("DescribeVSwitches", {"RegionId": REGION, "VpcId": self.vpc_id})
        elif kind == 7:
            status, body = self.client.call("DescribeHaVips", {"RegionId": REGION, "HaVipId": "havip-doesnotexist0000000"})
            return status, body.get("Code"), False
        elif kind == 8:
            status, body = self.client.call("DeleteHaVip", {"RegionId": REGION, "HaVipId": "havip-doesnotexist0000000"})
            return status, body.get("Code"), status == 404
        else:
            status, body = self.client.call("DescribeRegions", {})
        return status, body.get("Code"), False


def percentile(values: list, fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=60, help="how long to run (default 60)")
    parser.add_argument("--rate", type=float, default=60, help="requests a second (default 60)")
    parser.add_argument("--sample-seconds", type=float, default=60, help="seconds between RSS samples (default 60)")
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "havip"), help="the havip executable")
    parser.add_argument("serve_args", nargs="*", help="more `havip serve` options, after --")
    args = parser.parse_args()
    if not 0 < args.minutes <= 24 * 60 or not 0 < args.rate <= 10_000:
        raise SystemExit("--minutes must be in (0, 1440] and --rate in (0, 10000]")

    folder = Path(tempfile.mkdtemp(prefix="havip-soak-"))
    port = free_port()
    server = start_server(Path(args.binary), folder, port, args.serve_args)
    try:
        client = Client(port)
        workload = Workload(client)
        started = time.monotonic()
        end = started + args.minutes * 60
        interval = 1 / args.rate
        next_send = started
        next_sample = started + args.sample_seconds
        latencies, sent, errors, first_error = [], 0, 0, None
        print(f"havip soak: {args.binary}, {args.rate:g} requests/s for {args.minutes:g} min, store {folder}")
        print("| minute | RSS MB | anon MB | file+shm MB | requests | errors | p50 ms | p99 ms |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        memory = memory_mb(server.pid)
        print(f"| 0 | {memory['VmRSS']:.1f} | {memory['RssAnon']:.1f} | {memory['RssFile'] + memory['RssShmem']:.1f} | 0 | 0 | | |",
              flush=True)
        samples = [memory["VmRSS"]]
        while time.monotonic() < end:
            now = time.monotonic()
            if now < next_send:
                time.sleep(next_send - now)
            next_send += interval
            before = time.monotonic()
            status, code, expected_error = workload.next()
            latencies.append((time.monotonic() - before) * 1000)
            sent += 1
            if status != 200 and not expected_error and not (status == 404 and code == "InvalidHaVipId.NotFound"):
                errors += 1
                first_error = first_error or f"{status} {code}"
            if time.monotonic() >= next_sample:
                memory = memory_mb(server.pid)
                samples.append(memory["VmRSS"])
                print(f"| {(time.monotonic() - started) / 60:.0f} | {memory['VmRSS']:.1f} | {memory['RssAnon']:.1f} | "
                      f"{memory['RssFile'] + memory['RssShmem']:.1f} | {sent} | {errors} | "
                      f"{percentile(latencies, 0.5):.1f} | {percentile(latencies, 0.99):.1f} |", flush=True)
                latencies, sent, errors = [], 0, 0
                next_sample += args.sample_seconds
        if first_error:
            print(f"first unexpected error: {first_error}")
        print(f"RSS: start {samples[0]:.1f} MB, end {samples[-1]:.1f} MB, max {max(samples):.1f} MB")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
