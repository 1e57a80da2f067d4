"""Rules that must hold when clients race: the status, limit, address and ClientToken checks
are made inside the transaction that changes the state, so exactly the allowed number of
concurrent calls succeed and the others get the documented error (never a 5xx)."""

from __future__ import annotations

import threading
import time
from typing import Callable, List, Tuple

import pytest

from .cloud import ZONE, Cloud, unique
from .expect import E, Err
from .sdk import PATHS, ApiError

THREADS = 8


def race(endpoint, call: Callable[[Cloud, int], object], threads: int = THREADS) -> List[Tuple[str, object]]:
    """Runs ``call(cloud, n)`` on ``threads`` threads released together (each with its own client,
    the paths in turn); returns ``("ok", result)`` or ``("error", ApiError)`` per thread."""
    clients = [Cloud(PATHS[n % len(PATHS)], endpoint) for n in range(threads)]
    barrier = threading.Barrier(threads)
    results: List[Tuple[str, object]] = [("missing", None)] * threads

    def run(n: int) -> None:
        barrier.wait()
        try:
            results[n] = ("ok", call(clients[n], n))
        except ApiError as e:
            results[n] = ("error", e)
        except Exception as e:  # noqa: BLE001 - reported below
            results[n] = ("crash", e)

    workers = [threading.Thread(target=run, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert all(kind in ("ok", "error") for kind, _ in results), results
    return results


def split(results, expected: Err):
    """The successes, after checking that every failure is exactly ``expected``."""
    oks = [value for kind, value in results if kind == "ok"]
    for kind, value in results:
        if kind == "error":
            assert (value.status, value.code, value.message) == (expected.status, expected.code,
                                                                 expected.message), value
    return oks


@pytest.fixture
def sync_endpoint(synchronous_havip):
    return synchronous_havip


def test_same_address_once(sync_endpoint):
    net = Cloud("tea_v3", sync_endpoint).build(instances=0)
    results = race(sync_endpoint, lambda c, n: c.call("CreateHaVip", VSwitchId=net.vswitch_id,
                                                      IpAddress=net.address(77))["HaVipId"])
    assert len(split(results, E.IP_ALREADY_USED)) == 1


def test_addresses_are_never_handed_out_twice(sync_endpoint):
    setup = Cloud("tea_v3", sync_endpoint)
    net = setup.build(instances=0)
    results = race(sync_endpoint, lambda c, n: [c.call("CreateHaVip", VSwitchId=net.vswitch_id)["IpAddress"]
                                                for _ in range(5)])
    addresses = [a for kind, batch in results for a in batch]
    assert len(addresses) == THREADS * 5 and len(set(addresses)) == len(addresses), sorted(addresses)
    assert setup.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == 252 - len(addresses)


def test_same_client_token_creates_one(sync_endpoint):
    setup = Cloud("tea_v3", sync_endpoint)
    net = setup.build(instances=0)
    token = unique("race")
    results = race(sync_endpoint, lambda c, n: c.call("CreateHaVip", VSwitchId=net.vswitch_id, Name="raced",
                                                      ClientToken=token)["HaVipId"])
    created = split(results, E.IDEMPOTENT_MISMATCH)
    assert len(created) == THREADS and len(set(created)) == 1, results
    assert setup.havip_ids({"VSwitchId": net.vswitch_id}) == created[:1]


def test_overlapping_vswitches_once(sync_endpoint):
    vpc_id = Cloud("tea_v3", sync_endpoint).create_vpc("10.0.0.0/16")
    results = race(sync_endpoint, lambda c, n: c.call("CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE,
                                                      CidrBlock=f"10.0.0.0/{24 + n % 4}")["VSwitchId"])
    assert len(split(results, E.VSWITCH_CIDR_OVERLAPPED)) == 1


def test_association_limit_holds(servers):
    endpoint = servers.shared("--max-havip-associations", "2", "--max-havips-per-instance", "2",
                              "--max-vswitches-per-vpc", "2", "--transition-delay", "0")
    setup = Cloud("tea_v3", endpoint)
    net = setup.build(instances=THREADS)
    havip_id = setup.create_havip(net.vswitch_id)["HaVipId"]
    results = race(endpoint, lambda c, n: c.call("AssociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[n]))
    assert len(split(results, E.HAVIP_INSTANCE_LIMIT)) == 2
    assert len(setup.havip(havip_id)["AssociatedInstances"]["associatedInstance"]) == 2


def test_one_association_while_associating(servers):
    """With a 1 s delay the first association makes the HaVip Associating; the others are refused."""
    endpoint = servers.shared("--transition-delay", "1")
    setup = Cloud("tea_v3", endpoint)
    net = setup.build(instances=THREADS)
    havip_id = setup.create_havip(net.vswitch_id)["HaVipId"]
    sent = time.time()
    results = race(endpoint, lambda c, n: c.call("AssociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[n]))
    if time.time() >= sent + 1:
        pytest.skip("the race took over 1 s: the first association may have finished")
    assert len(split(results, E.HAVIP_ASSOCIATE_STATUS)) == 1
    item = setup.wait_havip(havip_id, "InUse")
    assert len(item["AssociatedInstances"]["associatedInstance"]) == 1, item


def test_delete_and_associate_race(sync_endpoint):
    """Whichever wins, the HaVip ends consistent: gone, or InUse with its instance."""
    setup = Cloud("tea_v3", sync_endpoint)
    net = setup.build(instances=1)
    for _ in range(5):
        havip_id = setup.create_havip(net.vswitch_id)["HaVipId"]

        def call(c: Cloud, n: int):
            if n % 2:
                return c.call("DeleteHaVip", HaVipId=havip_id)
            return c.call("AssociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[0])

        results = race(sync_endpoint, call, threads=2)
        item = setup.havip(havip_id)
        if item is None:
            assert results[1][0] == "ok", results
        else:
            assert (item["Status"], item["AssociatedInstances"]["associatedInstance"]) == (
                "InUse", [net.instance_ids[0]]), (item, results)
            setup.unassociate(havip_id, net.instance_ids[0], wait="Available")
            setup.call("DeleteHaVip", HaVipId=havip_id)
