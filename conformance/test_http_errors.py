"""The connection level on raw sockets: what the HTTP/1.1 parser refuses gets the Alibaba error
envelope (with Content-Length, then the connection closes); slow, idle and surplus connections are
ended by the timeouts and the connection cap of docs/configuration.md; with the open-file limit
reached, the server keeps answering and does not spin. Every loop here is bounded in count and time."""

from __future__ import annotations

import json
import os
import socket
import time
from typing import Dict, List, Optional, Tuple

import pytest

from .expect import JSON_CONTENT_TYPE, assert_request_id
from .raw import RawClient, v1_request
from .server import Endpoint, HavipServer, binary_path, health

READ_TIMEOUT = 10


class Reply:
    def __init__(self, status: int, headers: Dict[str, str], body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def json(self) -> dict:
        return json.loads(self.body)

    def __repr__(self) -> str:
        return f"{self.status} {self.headers} {self.body[:300]!r}"


def parse_reply(data: bytes) -> Tuple[Optional[Reply], bytes]:
    """One response from the front of ``data`` (None while incomplete) and what follows it."""
    head_end = data.find(b"\r\n\r\n")
    if head_end < 0:
        return None, data
    lines = data[:head_end].decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    end = head_end + 4 + length
    if len(data) < end:
        return None, data
    return Reply(int(lines[0].split(" ")[1]), headers, data[head_end + 4:end]), data[end:]


def connect(endpoint: Endpoint, timeout: float = READ_TIMEOUT) -> socket.socket:
    sock = socket.create_connection((endpoint.host, endpoint.port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def send_quietly(sock: socket.socket, data: bytes) -> None:
    """Send what the server will take: it may answer and close before a huge request is all sent."""
    try:
        sock.sendall(data)
    except OSError:
        pass


def read_to_end(sock: socket.socket) -> Tuple[bytes, bool]:
    """Everything until the server closes: (bytes, closed). ``closed`` is False on a read timeout."""
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return data, True
            data += chunk
    except socket.timeout:
        return data, False
    except ConnectionResetError:
        return data, True


def assert_envelope(reply: Reply, status: int, code: str) -> dict:
    assert reply.status == status, reply
    assert reply.headers.get("content-type") == JSON_CONTENT_TYPE, reply
    assert reply.headers.get("content-length") == str(len(reply.body)), reply
    assert reply.headers.get("connection") == "close", reply
    body = reply.json
    assert list(body) == ["RequestId", "HostId", "Code", "Message", "Recommend"], body
    assert body["Code"] == code, body
    assert body["Message"], body
    assert_request_id(body["RequestId"])
    assert reply.headers.get("x-acs-request-id") == body["RequestId"], reply
    assert f"q={code}" in body["Recommend"], body
    return body


def one_reply_then_close(endpoint: Endpoint, request: bytes) -> Reply:
    sock = connect(endpoint)
    try:
        send_quietly(sock, request)
        data, closed = read_to_end(sock)
    finally:
        sock.close()
    assert closed, f"the server kept the connection open after {data[:200]!r}"
    reply, rest = parse_reply(data)
    assert reply is not None, f"no complete response: {data[:300]!r}"
    assert rest == b"", f"more than one response: {rest[:300]!r}"
    return reply


def get(target: str, version: str = "HTTP/1.1", method: str = "GET", extra: str = "") -> bytes:
    return f"{method} {target} {version}\r\nHost: localhost\r\n{extra}\r\n".encode()


DESCRIBE = "/?Action=DescribeRegions&Version=2016-04-28"


@pytest.fixture
def direct(havip) -> Endpoint:
    """havip itself: these tests are about its own HTTP/1.1 layer, which a proxy in front of it
    (``HAVIP_ENDPOINT``, e.g. nginx under scripts/with-cluster) would answer in its place."""
    if os.environ.get("HAVIP_ENDPOINT"):
        pytest.skip("HAVIP_ENDPOINT is set: a proxy in front of havip answers malformed HTTP itself")
    return havip

MALFORMED = [
    pytest.param(get("/", method="get"), id="lower-case-method"),
    pytest.param(get("/", method="Post"), id="mixed-case-method"),
    pytest.param(get("/", method="FETCH"), id="unknown-method"),
    pytest.param(get("/", method="G\x01T"), id="control-byte-in-method"),
    pytest.param(b"GET /\r\n\r\n", id="HTTP/0.9"),
    pytest.param(get(DESCRIBE, version="HTTP/1.2"), id="HTTP/1.2"),
    pytest.param(get(DESCRIBE, version="HTTP/2.0"), id="HTTP/2.0"),
    pytest.param(get(DESCRIBE, version="HTTP/1"), id="HTTP/1"),
    pytest.param(get(DESCRIBE, version="FTP/1.1"), id="not-HTTP"),
    pytest.param(get("/\x01?Action=DescribeRegions"), id="control-byte-in-target"),
    pytest.param(get("/?Action=Describe\x7fRegions"), id="DEL-in-target"),
    pytest.param(get("/ /"), id="space-in-target"),
    pytest.param(get("/", extra="Bad Header: x\r\n"), id="space-in-header-name"),
    pytest.param(get("/", extra="X-Bad: a\x00b\r\n"), id="NUL-in-header-value"),
    pytest.param(get("/", method="POST", extra="Content-Length: 3\r\nTransfer-Encoding: chunked\r\n") + b"3\r\nabc\r\n0\r\n\r\n",
                 id="content-length-with-transfer-encoding"),
    pytest.param(get("/", method="POST", extra="Content-Length: 3\r\nContent-Length: 4\r\n") + b"abcd", id="two-content-lengths"),
    pytest.param(get("/", method="POST", extra="Content-Length: -1\r\n"), id="negative-content-length"),
    pytest.param(get("/", method="POST", extra="Transfer-Encoding: chunked\r\n") + b"zz\r\nabc\r\n0\r\n\r\n", id="bad-chunk-size"),
    pytest.param(get("/", method="POST", extra="Transfer-Encoding: chunked\r\n") + b"3\r\nabcXX\r\n0\r\n\r\n", id="bad-chunk-end"),
    pytest.param(b"GET / HTTP/1.1\nHost: localhost\r\n\rX\r\n\r\n", id="bare-CR"),
]


@pytest.mark.parametrize("request_bytes", MALFORMED)
def test_malformed_http_gets_the_envelope(direct, request_bytes):
    body = assert_envelope(one_reply_then_close(direct, request_bytes), 400, "InvalidParameter.Malformed")
    assert body["Message"].startswith("The request is not well-formed HTTP/1.1: "), body


@pytest.mark.parametrize("request_bytes", [
    pytest.param(get("/", extra=f"X-Padding: {'a' * 90_000}\r\n"), id="header-over-80KB"),
    pytest.param(get("/", extra="".join(f"X-H{i}: {'b' * 100}\r\n" for i in range(900))), id="headers-over-80KB"),
    pytest.param(get("/?Padding=" + "a" * (1 << 20)), id="1MB-request-line"),
])
def test_oversized_head_gets_the_envelope(direct, request_bytes):
    assert_envelope(one_reply_then_close(direct, request_bytes), 400, "InvalidParameter.TooLarge")


def test_connect_is_answered_with_a_body_and_the_connection_closes(direct):
    """CONNECT once got a 403 with no length and no body, and the next request on that connection
    was never answered: now one full answer, then the connection closes."""
    second = get(DESCRIBE)
    reply = one_reply_then_close(direct, get(DESCRIBE, method="CONNECT") + second)
    assert_envelope(reply, 403, "UnsupportedHTTPMethod")


def test_a_bad_request_after_good_ones_is_answered_in_order(direct):
    sock = connect(direct)
    try:
        sock.sendall(get("/no/such/path") + get("/no/such/path") + get("/", method="get"))
        data, closed = read_to_end(sock)
    finally:
        sock.close()
    assert closed
    first, rest = parse_reply(data)
    second, rest = parse_reply(rest)
    third, rest = parse_reply(rest)
    assert first.status == 404 and second.status == 404, (first, second)
    assert_envelope(third, 400, "InvalidParameter.Malformed")
    assert rest == b""


def test_the_server_stays_healthy(direct):
    for request_bytes in [p.values[0] for p in MALFORMED]:
        one_reply_then_close(direct, request_bytes)
    assert RawClient(direct).send(v1_request("DescribeRegions")).status == 200


# ------------------------------------------------------------------------- timeouts


@pytest.fixture
def short_timeouts(fresh_server):
    return fresh_server("--header-timeout", "1", "--body-timeout", "1", "--idle-timeout", "1").endpoint


def test_slowloris_connections_are_cut_off(short_timeouts):
    """50 connections each sending a header byte every 0.2 s: all answered 408 and closed within a
    few seconds, while a normal request is served throughout."""
    socks = [connect(short_timeouts, timeout=5) for _ in range(50)]
    try:
        started = time.monotonic()
        trickle = b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 20
        for byte in trickle[:15]:
            for sock in socks:
                send_quietly(sock, bytes([byte]))
            time.sleep(0.2)
        assert RawClient(short_timeouts).send(v1_request("DescribeRegions")).status == 200
        for sock in socks:
            data, closed = read_to_end(sock)
            reply, _ = parse_reply(data)
            assert reply is not None and closed, data[:200]
            assert_envelope(reply, 408, "RequestTimeout")
        assert time.monotonic() - started < 10
    finally:
        for sock in socks:
            sock.close()


def test_a_slow_body_is_answered_408_and_not_run(short_timeouts):
    req = v1_request("DescribeRegions")
    sock = connect(short_timeouts, timeout=5)
    try:
        sock.sendall(f"POST {req.target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n"
                     "Content-Type: application/x-www-form-urlencoded\r\n\r\nRegionId=cn".encode())
        data, closed = read_to_end(sock)
    finally:
        sock.close()
    reply, _ = parse_reply(data)
    assert reply is not None and closed, data[:200]
    assert_envelope(reply, 408, "RequestTimeout")


def test_idle_connections_are_closed(short_timeouts):
    socks = [connect(short_timeouts, timeout=5) for _ in range(50)]
    try:
        started = time.monotonic()
        for sock in socks:
            data, closed = read_to_end(sock)
            assert closed and data == b"", data[:200]
        assert time.monotonic() - started < 5
    finally:
        for sock in socks:
            sock.close()


# --------------------------------------------------------- at the open-file limit


class FileLimitedServer(HavipServer):
    """``havip serve`` under ``prlimit --nofile=N:N`` (soft and hard: havip cannot raise it)."""

    def __init__(self, workdir, limit: int, extra_args=()):
        super().__init__(binary_path(), workdir, "strict", extra_args)
        self.limit = limit

    def command(self, port: int) -> List[str]:
        return ["prlimit", f"--nofile={self.limit}:{self.limit}", "--"] + super().command(port)


def cpu_seconds(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.fixture
def file_limited(tmp_path_factory, servers):
    if os.environ.get("HAVIP_ENDPOINT"):
        pytest.skip("needs a server of the suite's own")
    server = FileLimitedServer(tmp_path_factory.mktemp("havip-nofile"), 256, ("--header-timeout", "3", "--idle-timeout", "60"))
    server.start()
    try:
        yield server
    finally:
        assert server.stop() == 0, server.log_text()


def timed_request(endpoint: Endpoint) -> Tuple[int, float]:
    started = time.monotonic()
    status = RawClient(endpoint).send(v1_request("DescribeRegions")).status
    return status, time.monotonic() - started


def test_idle_connections_past_the_file_limit_do_not_stop_the_server(file_limited):
    """With 256 descriptors and 300 idle connections (the cap is 128): requests are still answered at
    once (the longest-idle connections make room), and the server does not spin."""
    endpoint = file_limited.endpoint
    socks = []
    try:
        for _ in range(300):
            socks.append(connect(endpoint, timeout=5))
        time.sleep(1)
        cpu_before = cpu_seconds(file_limited._proc.pid)
        time.sleep(2)
        spent = cpu_seconds(file_limited._proc.pid) - cpu_before
        assert spent < 0.5, f"the server used {spent:.2f} s of CPU in 2 s while holding idle connections"
        for _ in range(5):
            status, seconds = timed_request(endpoint)
            assert status == 200 and seconds < 2, (status, seconds)
    finally:
        for sock in socks:
            sock.close()
    assert health(endpoint) is not None


def test_busy_connections_past_the_file_limit_are_refused_cheaply(file_limited):
    """300 connections each with a request begun (none idle, none evictable): the ones over the cap
    are answered 503 and closed, the server does not spin, and once the header timeout ends the slow
    ones, requests are served again."""
    endpoint = file_limited.endpoint
    socks = []
    try:
        for _ in range(300):
            sock = connect(endpoint, timeout=8)
            send_quietly(sock, b"GET / HTTP/1.1\r\n")
            socks.append(sock)
        cpu_before = cpu_seconds(file_limited._proc.pid)
        time.sleep(1)
        spent = cpu_seconds(file_limited._proc.pid) - cpu_before
        assert spent < 0.5, f"the server used {spent:.2f} s of CPU in 1 s"
        refused = timed_out = 0
        for index, sock in enumerate(socks):
            data, closed = read_to_end(sock)
            reply, _ = parse_reply(data)
            assert reply is not None and closed, (index, closed, data[:200], refused, timed_out)
            code = reply.json["Code"]
            assert code in ("ServiceUnavailable", "RequestTimeout"), reply
            refused += code == "ServiceUnavailable"
            timed_out += code == "RequestTimeout"
        assert refused >= 100 and timed_out >= 100, (refused, timed_out)
    finally:
        for sock in socks:
            sock.close()
    status, seconds = timed_request(endpoint)
    assert status == 200 and seconds < 2, (status, seconds)
