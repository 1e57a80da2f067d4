"""Fixtures: the havip servers under test, SDK clients pointed at them, raw HTTP.

* ``havip``: a strict-auth server for the session (or ``HAVIP_ENDPOINT``).
* ``havip_permissive``: a ``--auth permissive`` server (or ``HAVIP_PERMISSIVE_ENDPOINT``).
* ``tea_v3`` / ``tea_v1`` / ``core``: the raw SDK clients for VPC; ``tea_ecs`` / ``tea_sts``
  likewise for ECS and STS (the old core ``AcsClient`` serves every product, with
  ``core_call`` pointing each request at havip).
* ``vpc``: parametrized over the three client paths (``sdk.SdkPath``); ``make_sdk``
  builds any path / product / key / server combination.
* ``raw``: a ``raw.RawClient`` for hand-signed HTTP.
* ``cloud``: a ``cloud.Cloud`` (VPC + ECS by action name) through each client path on
  ``cloud_endpoint`` (``havip`` unless a module overrides it, e.g. with
  ``synchronous_havip``, a ``--transition-delay 0`` server); ``net``: a fresh VPC, vSwitch,
  security group and two running instances built through it; ``make_cloud`` for any path /
  key / server.
* ``servers``: servers of the suite's own, with settings of their own
  (``servers.shared("--transition-delay", "1")``, one per set of arguments for the session);
  ``fresh_server(*args)``: a server for one test, which it may ``restart()`` or ``kill()``.
  Both need the havip binary: with ``HAVIP_ENDPOINT`` set, their tests are skipped.
* ``tls_havip``: an HTTPS server (``--tls self-signed``); its endpoint carries the CA to trust.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

from .cloud import Cloud
from .raw import RawClient
from .sdk import PATHS, core_call as _core_call, core_client, make_path, tea_client
from .server import TEST_KEY, AccessKey, Endpoint, HavipServer, binary_path, health

_running: List[HavipServer] = []


def _serve(tmp_path_factory, auth: str, env_var: str) -> Iterator[Endpoint]:
    external = os.environ.get(env_var)
    if external:
        endpoint = Endpoint.parse(external)
        if health(endpoint) is None:
            pytest.fail(f"{env_var}={external}: no healthy havip answers there", pytrace=False)
        yield endpoint
        return
    server = HavipServer(binary_path(), tmp_path_factory.mktemp(f"havip-{auth}"), auth)
    try:
        endpoint = server.start()
    except RuntimeError as e:
        failure = str(e)
    else:
        failure = None
    if failure:
        pytest.fail(failure, pytrace=False)
    _running.append(server)
    try:
        yield endpoint
    finally:
        code = server.stop()
        _running.remove(server)
    assert code == 0, f"havip --auth {auth} exited with {code} on SIGTERM\n{server.log_text()}"


@pytest.fixture(scope="session")
def havip(tmp_path_factory) -> Iterator[Endpoint]:
    yield from _serve(tmp_path_factory, "strict", "HAVIP_ENDPOINT")


@pytest.fixture(scope="session")
def havip_permissive(tmp_path_factory) -> Iterator[Endpoint]:
    if os.environ.get("HAVIP_ENDPOINT") and not os.environ.get("HAVIP_PERMISSIVE_ENDPOINT"):
        pytest.skip("HAVIP_ENDPOINT is set: set HAVIP_PERMISSIVE_ENDPOINT too for permissive-auth tests")
    yield from _serve(tmp_path_factory, "permissive", "HAVIP_PERMISSIVE_ENDPOINT")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed:
        for server in _running:
            report.sections.append((f"havip {server.name} log ({server.log_path})",
                                    server.log_text()))
    return report


# ------------------------------------------------------------------------ SDK clients


@pytest.fixture
def tea_v3(havip):
    """alibabacloud_vpc20160428 Client, default ACS3-HMAC-SHA256 signing."""
    return tea_client("vpc", havip)


@pytest.fixture
def tea_v1(havip):
    """alibabacloud_vpc20160428 Client with signature_algorithm='v2' (RPC V1)."""
    return tea_client("vpc", havip, v1=True)


@pytest.fixture
def core(havip):
    """aliyunsdkcore AcsClient('testid', 'testsecret', 'cn-hangzhou', port=PORT)."""
    return core_client(havip)


@pytest.fixture
def core_call(core, havip):
    """``core_call(request)``: point an aliyunsdk* request at havip, run it on ``core``,
    return the parsed JSON."""
    return lambda request, client=None: _core_call(client or core, request, havip)


@pytest.fixture
def tea_ecs(havip):
    return tea_client("ecs", havip)


@pytest.fixture
def tea_sts(havip):
    return tea_client("sts", havip)


@pytest.fixture(params=PATHS)
def path(request) -> str:
    """The name of each client path in turn: tea_v3, tea_v1, core."""
    return request.param


@pytest.fixture
def make_sdk(havip):
    def make(path: str, product: str = "vpc", key=TEST_KEY, endpoint: Endpoint = None):
        return make_path(path, endpoint or havip, product=product, key=key)
    return make


@pytest.fixture
def vpc(make_sdk, path):
    """VPC through each client path with the test key."""
    return make_sdk(path)


@pytest.fixture
def raw(havip) -> RawClient:
    return RawClient(havip)


# ----------------------------------------------------------- servers of the suite's own


class Servers:
    """havip processes started with settings of their own, each on its own store and port."""

    def __init__(self, tmp_path_factory):
        self._tmp = tmp_path_factory
        self._shared: Dict[Tuple[str, ...], HavipServer] = {}
        self._started: List[HavipServer] = []

    def start(self, *args: str, ca: Optional[Path] = None) -> HavipServer:
        """A new server (``havip serve`` with the standard arguments, then ``args``; ``ca``: the CA
        of a ``--tls-cert`` certificate)."""
        server = HavipServer(binary_path(), self._tmp.mktemp("havip-dedicated"), "strict", args, ca)
        try:
            server.start()
        except RuntimeError as e:
            pytest.fail(str(e), pytrace=False)
        self._started.append(server)
        _running.append(server)
        return server

    def shared(self, *args: str) -> Endpoint:
        """One server per set of arguments for the whole session."""
        if args not in self._shared:
            self._shared[args] = self.start(*args)
        return self._shared[args].endpoint

    def stop(self, server: HavipServer) -> str:
        """SIGTERM one server; a problem as text ('' when it exited 0). A server killed on
        purpose and not started again is left alone."""
        _running.remove(server)
        self._started.remove(server)
        if not server.running:
            return ""
        code = server.stop()
        return "" if code == 0 else f"havip {server.name} exited with {code} on SIGTERM\n{server.log_text()}"

    def stop_all(self) -> List[str]:
        return [p for p in (self.stop(s) for s in list(self._started)) if p]


@pytest.fixture(scope="session")
def servers(tmp_path_factory) -> Iterator[Servers]:
    if os.environ.get("HAVIP_ENDPOINT"):
        pytest.skip("HAVIP_ENDPOINT is set: this test needs servers the suite starts itself")
    pool = Servers(tmp_path_factory)
    yield pool
    problems = pool.stop_all()
    assert not problems, "\n".join(problems)


@pytest.fixture
def fresh_server(servers) -> Iterator:
    """``fresh_server(*args) -> HavipServer`` for this test only; stopped (exit 0) at its end."""
    mine: List[HavipServer] = []

    def start(*args: str, ca: Optional[Path] = None) -> HavipServer:
        server = servers.start(*args, ca=ca)
        mine.append(server)
        return server

    yield start
    problems = [p for p in (servers.stop(s) for s in mine) if p]
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------ the cloud


@pytest.fixture(scope="session")
def synchronous_havip(request) -> Endpoint:
    """A server with ``--transition-delay 0`` (every HaVip call synchronous), for tests of
    what calls answer rather than of how statuses move; ``HAVIP_ENDPOINT`` when that is set and
    ``HAVIP_ENDPOINT_SYNCHRONOUS=1`` says it runs with no delay (scripts/with-cluster does)."""
    if os.environ.get("HAVIP_ENDPOINT"):
        if os.environ.get("HAVIP_ENDPOINT_SYNCHRONOUS") != "1":
            pytest.skip("HAVIP_ENDPOINT is not synchronous (set HAVIP_ENDPOINT_SYNCHRONOUS=1 if it runs --transition-delay 0)")
        return request.getfixturevalue("havip")
    return request.getfixturevalue("servers").shared("--transition-delay", "0")


@pytest.fixture(scope="session")
def tls_havip(servers) -> Endpoint:
    """A server started with ``--tls self-signed``: HTTPS only, its endpoint's ``ca`` is the
    ``tls/ca.pem`` it made beside its store."""
    return servers.shared("--tls", "self-signed")


@pytest.fixture
def cloud_endpoint(havip) -> Endpoint:
    """Where ``cloud``, ``net`` and ``make_cloud`` go by default; a module may override it
    (e.g. with ``synchronous_havip``)."""
    return havip


@pytest.fixture
def make_cloud(cloud_endpoint):
    def make(path: str = "tea_v3", endpoint: Endpoint = None, key: AccessKey = TEST_KEY) -> Cloud:
        return Cloud(path, endpoint or cloud_endpoint, key)
    return make


@pytest.fixture
def cloud(make_cloud, path) -> Cloud:
    """VPC and ECS through each client path, with the test key, on ``cloud_endpoint``."""
    return make_cloud(path)


@pytest.fixture
def net(cloud):
    """A fresh VPC (192.168.0.0/16), vSwitch (192.168.1.0/24 in cn-hangzhou-h), security group
    and two running instances (192.168.1.1 and .2), built through ``cloud``."""
    return cloud.build()
