"""PostgreSQL stops during load: requests in the outage get ServiceUnavailable (503, the Alibaba
envelope) within a bounded time, nothing acknowledged is lost, and the nodes recover by themselves.
Named to run last: it stops and restarts the shared test database."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from .cloud import REGION, ZONE, poll
from .multinode import needs_postgres, start_nodes, start_postgres, stop_postgres
from .sdk import ApiError, make_path
from .server import TEST_KEY

pytestmark = needs_postgres

# seconds: the store gives up after 5 s (a nonce claim queued behind a failing batch fails with it, NonceBatcher),
# plus scheduling slack.
BOUND = 7.0


def test_outage_answers_503_promptly_loses_nothing_and_recovers(tmp_path_factory):
    nodes = start_nodes(tmp_path_factory.mktemp("outage"), 2, ["--transition-delay", "0"])
    try:
        vpc = make_path("tea_v3", nodes[0].endpoint, key=TEST_KEY)
        vpc_id = vpc.call("CreateVpc", RegionId=REGION, CidrBlock="10.1.0.0/16").body["VpcId"]
        vswitch_id = vpc.call("CreateVSwitch", RegionId=REGION, VpcId=vpc_id, ZoneId=ZONE, CidrBlock="10.1.0.0/20").body["VSwitchId"]

        acknowledged, errors, slow, broken = [], [], [], []
        stop = threading.Event()

        def load(node):
            client = make_path("tea_v3", node.endpoint, key=TEST_KEY)
            while not stop.is_set():
                started = time.monotonic()
                try:
                    reply = client.call("CreateHaVip", RegionId=REGION, VSwitchId=vswitch_id, ClientToken=uuid.uuid4().hex)
                    acknowledged.append(reply.body["HaVipId"])
                except ApiError as error:
                    errors.append((error.status, error.code))
                except Exception as error:  # no answer at all (the SDK's read timeout): recorded, not lost in the thread
                    broken.append(repr(error)[:200])
                elapsed = time.monotonic() - started
                if elapsed > BOUND:
                    slow.append(elapsed)

        workers = [threading.Thread(target=load, args=(node,)) for node in nodes for _ in range(2)]
        for worker in workers:
            worker.start()
        poll(lambda: len(acknowledged) >= 20, "load before the outage")
        before_outage = len(acknowledged)

        stop_postgres()
        outage_started = time.monotonic()
        poll(lambda: any(code == "ServiceUnavailable" for _, code in errors), "a ServiceUnavailable during the outage", timeout=BOUND * 2)
        time.sleep(2)
        start_postgres()
        downtime = time.monotonic() - outage_started

        recovered_at = len(acknowledged)
        poll(lambda: len(acknowledged) >= recovered_at + 20, "requests to succeed again after the database is back", timeout=20)
        stop.set()
        for worker in workers:
            worker.join()

        assert before_outage >= 20
        assert downtime > 2
        assert not broken, f"requests without an answer during the outage: {broken}"
        assert not slow, f"requests took {slow} s during the outage (bound {BOUND} s)"
        assert {(status, code) for status, code in errors} <= {(503, "ServiceUnavailable")}, set(errors)

        # Nothing acknowledged is lost: every acknowledged HaVip is there, on either node.
        listed = set()
        page = 1
        while True:
            body = make_path("tea_v3", nodes[1].endpoint, key=TEST_KEY).call(
                "DescribeHaVips", RegionId=REGION, PageSize=50, PageNumber=page,
                Filter=[{"Key": "VSwitchId", "Value": [vswitch_id]}]).body
            listed |= {h["HaVipId"] for h in body["HaVips"]["HaVip"]}
            if page * 50 >= body["TotalCount"]:
                break
            page += 1
        assert set(acknowledged) <= listed
    finally:
        for node in nodes:
            node.stop()
