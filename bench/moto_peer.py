#!/usr/bin/env python3
"""The peer: moto's EC2 server with N network interfaces in subnets of 10,000 (the same shape as
havip's fleet: 10,000 HaVips per VPC), seeded in-process (through moto's backend, not its API, which
would take hours at N = 100,000), then served by moto's own ThreadedMotoServer on a port.

Usage: moto_peer.py --port P --count N --info FILE   (writes {"subnet": ..., "eni": ...} to FILE)
"""

import argparse
import json
import signal
import sys
import threading
import time

from moto.core import DEFAULT_ACCOUNT_ID
from moto.ec2.models import ec2_backends
from moto.server import ThreadedMotoServer

REGION = "us-east-1"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--per-subnet", type=int, default=10_000)
    parser.add_argument("--info", required=True)
    args = parser.parse_args()

    backend = ec2_backends[DEFAULT_ACCOUNT_ID][REGION]
    started = time.time()
    subnet_ids, first_eni = [], None
    done = 0
    while done < args.count:
        index = len(subnet_ids)
        vpc = backend.create_vpc(cidr_block=f"10.{index % 256}.0.0/16")
        subnet = backend.create_subnet(vpc_id=vpc.id, cidr_block=f"10.{index % 256}.0.0/17", availability_zone=f"{REGION}a")
        subnet_ids.append(subnet.id)
        for _ in range(min(args.per_subnet, args.count - done)):
            eni = backend.create_network_interface(subnet, private_ip_address=None)
            first_eni = first_eni or eni.id
            done += 1
        sys.stderr.write(f"\rmoto: seeded {done}/{args.count} ENIs ({int(done / max(time.time() - started, 0.001))}/s)   ")
    sys.stderr.write("\n")

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=args.port, verbose=False)
    server.start()
    with open(args.info, "w") as out:
        json.dump({"subnet": subnet_ids[0], "eni": first_eni}, out)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()
