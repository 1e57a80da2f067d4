"""Replay protection that outlives the process, and bounded nonces.

A V1-signed CreateHaVip is sent twice, byte for byte, with the server stopped and started again on the same
SQLite file in between (SIGTERM, then SIGKILL): the second answer is the real ``SignatureNonceUsed`` and no
second HaVip exists; a second server on that file refuses to start. Nonces longer than 64 bytes are refused with ``InvalidParameter`` (V1 and V3), and
thousands of 70 KB nonces leave the server's memory where it was."""

from __future__ import annotations

import pytest

from .cloud import REGION, Cloud
from .expect import NONCE_USED
from .raw import RawClient, v1_request, v3_request
from .server import HavipServer
from .signing import new_nonce

LONGEST_NONCE = 64


def rss_kib(server) -> int:
    """The server process's resident set size in KiB."""
    with open(f"/proc/{server._proc.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.parametrize("stop", ["restart", "kill"])
def test_a_create_replayed_after_a_restart_is_refused_and_creates_nothing(fresh_server, stop):
    server = fresh_server("--transition-delay", "0")
    cloud = Cloud("tea_v3", server.endpoint)
    net = cloud.build(instances=0)
    create = v1_request("CreateHaVip", {"RegionId": REGION, "VSwitchId": net.vswitch_id})

    first = RawClient(server.endpoint).send(create)
    assert first.status == 200, first
    created = first.json()["HaVipId"]

    if stop == "restart":
        server.restart()
    else:
        # SIGKILL right after the answer: the nonce was durable before the answer was sent.
        assert server.kill() == -9
        server.start()
    replayed = RawClient(server.endpoint).send(create)
    assert replayed.status == 400, replayed
    body = replayed.json()
    assert (body["Code"], body["Message"]) == ("SignatureNonceUsed", NONCE_USED)
    assert Cloud("tea_v3", server.endpoint).havip_ids({"VSwitchId": net.vswitch_id}) == [created]


def test_a_second_server_on_the_same_sqlite_file_refuses_to_start(fresh_server):
    """The serving process holds the file's nonce ledger (PATH-nonces): a second one would let a replay
    through on the other, so it does not start, and the first serves on."""
    server = fresh_server()
    second = HavipServer(server.binary, server.workdir)
    with pytest.raises(RuntimeError, match="exited with 1 during startup") as refused:
        second.start()
    assert f"another process holds {server.store_path}-nonces" in str(refused.value)
    assert RawClient(server.endpoint).send(v1_request("DescribeRegions")).status == 200


def test_a_nonce_of_the_longest_length_is_accepted_and_one_byte_more_refused(havip):
    client = RawClient(havip)
    accepted = client.send(v1_request("DescribeRegions", nonce=new_nonce().ljust(LONGEST_NONCE, "n")))
    assert accepted.status == 200, accepted
    for request, name in [
        (v1_request("DescribeRegions", nonce="n" * (LONGEST_NONCE + 1)), "SignatureNonce"),
        (v3_request(havip, "DescribeRegions", nonce="n" * (LONGEST_NONCE + 1)), "x-acs-signature-nonce"),
    ]:
        refused = client.send(request)
        assert refused.status == 400, refused
        body = refused.json()
        assert (body["Code"], body["Message"]) == ("InvalidParameter", f'The specified parameter "{name}" is not valid.')


def test_thousands_of_huge_nonces_do_not_grow_memory(fresh_server):
    """The issue's probe: 4,000 V3 requests with 70 KB nonces took RSS from 39 to 314 MB. Now each is refused
    before anything is kept; and 4,000 accepted nonces of the longest length cost their fixed-size digests."""
    server = fresh_server()
    client = RawClient(server.endpoint)
    for _ in range(50):  # warm up: connections, buffers, the allocator's arenas
        assert client.send(v3_request(server.endpoint, "DescribeRegions", nonce=new_nonce())).status == 200
    before = rss_kib(server)
    huge = new_nonce() + "x" * 70_000
    for index in range(4_000):
        response = client.send(v3_request(server.endpoint, "DescribeRegions", nonce=f"{index}-{huge}"))
        assert response.status == 400 and response.json()["Code"] == "InvalidParameter", response
    after_huge = rss_kib(server)
    assert after_huge - before < 30 * 1024, f"RSS grew {after_huge - before} KiB over 4,000 refused 70 KB nonces"
    for index in range(4_000):
        nonce = f"{index:08d}-{new_nonce()}".ljust(LONGEST_NONCE, "n")
        assert client.send(v3_request(server.endpoint, "DescribeRegions", nonce=nonce)).status == 200
    after_long = rss_kib(server)
    assert after_long - after_huge < 20 * 1024, f"RSS grew {after_long - after_huge} KiB over 4,000 accepted 64-byte nonces"
