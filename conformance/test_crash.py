"""A crash mid-load: eight clients create HaVips in one vSwitch at once, the server is killed
with SIGKILL while they do, and started again on the same SQLite file. Every create that was
answered 200 must have survived with the address it was given; addresses stay unique; the
vSwitch's free-address count still matches what is allocated in it."""

from __future__ import annotations

import threading

from .cloud import Cloud, poll
from .sdk import PATHS, ApiError

THREADS = 8
KILL_AFTER = 60          # acknowledged creates before the kill
VSWITCH_CIDR = "192.168.0.0/22"
USABLE = 1024 - 4


def test_kill_9_loses_no_acknowledged_create(fresh_server):
    server = fresh_server()
    setup = Cloud("tea_v3", server.endpoint)
    net = setup.build(instances=0, vswitch_cidr=VSWITCH_CIDR)

    acknowledged = {}             # HaVipId -> IpAddress, for every 200 received
    lock = threading.Lock()
    enough = threading.Event()
    failures = []                 # what ended each worker: the kill, normally
    errors = []                   # error answers (there should be none)

    def worker(n: int) -> None:
        client = Cloud(PATHS[n % len(PATHS)], server.endpoint)
        try:
            while True:
                body = client.call("CreateHaVip", VSwitchId=net.vswitch_id, Name=f"crash-{n}")
                with lock:
                    acknowledged[body["HaVipId"]] = body["IpAddress"]
                    if len(acknowledged) >= KILL_AFTER:
                        enough.set()
        except ApiError as e:  # an error answer under load is a server bug, not the crash
            with lock:
                errors.append(f"worker {n}: {e}")
        except Exception as e:  # the connection dies with the server
            with lock:
                failures.append(f"worker {n}: {type(e).__name__}: {e}")

    workers = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(THREADS)]
    for w in workers:
        w.start()
    assert enough.wait(timeout=60), f"only {len(acknowledged)} creates acknowledged; {failures}"
    assert server.kill() == -9
    for w in workers:
        w.join(timeout=60)
    assert not any(w.is_alive() for w in workers), "a client hung after the kill"
    with lock:
        answered = dict(acknowledged)
    assert len(answered) >= KILL_AFTER
    assert not errors, f"error answers under concurrent creates: {errors}"
    assert len(failures) == THREADS, failures

    server.start()  # same store, same port
    check = Cloud("core", server.endpoint)

    def all_havips():
        items, page = [], 1
        while True:
            body = check.describe_havips({"VSwitchId": net.vswitch_id}, PageNumber=page, PageSize=50)
            items += body["HaVips"]["HaVip"]
            if len(items) >= body["TotalCount"]:
                return items
            page += 1

    def all_available():
        items = all_havips()
        return items if all(i["Status"] == "Available" for i in items) else None

    # transitions that were due while the server was down finish on the first request
    survivors = poll(all_available, "every HaVip to be Available after the restart")
    by_id = {i["HaVipId"]: i["IpAddress"] for i in survivors}

    lost = sorted(set(answered) - set(by_id))
    assert not lost, f"{len(lost)} acknowledged HaVips lost in the crash: {lost[:5]}"
    moved = {k: (v, by_id[k]) for k, v in answered.items() if by_id[k] != v}
    assert not moved, f"addresses changed across the crash: {moved}"
    addresses = list(by_id.values())
    assert len(set(addresses)) == len(addresses), "two HaVips share an address"
    assert len(by_id) == len(survivors), "a HaVip is listed twice"
    assert check.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == USABLE - len(survivors)

    # the allocator's free list is consistent too: the next address is new
    print(f"{len(answered)} creates acknowledged before the kill, {len(survivors)} HaVips after it")
    fresh = check.create_havip(net.vswitch_id)
    assert fresh["IpAddress"] not in addresses
    assert check.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == USABLE - len(survivors) - 1
