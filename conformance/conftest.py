"""Fixtures: the havip servers under test, SDK clients pointed at them, raw HTTP.

* ``havip``: a strict-auth server for the session (or ``HAVIP_ENDPOINT``).
* ``havip_permissive``: a ``--auth permissive`` server (or ``HAVIP_PERMISSIVE_ENDPOINT``).
* ``tea_v3`` / ``tea_v1`` / ``core``: the raw SDK clients for VPC; ``tea_ecs`` / ``tea_sts``
  likewise for ECS and STS (the old core ``AcsClient`` serves every product, with
  ``core_call`` pointing each request at havip).
* ``vpc``: parametrized over the three client paths (``sdk.SdkPath``); ``make_sdk``
  builds any path / product / key / server combination.
* ``raw``: a ``raw.RawClient`` for hand-signed HTTP.
"""

from __future__ import annotations

import os
from typing import Iterator, List

import pytest

from .raw import RawClient
from .sdk import PATHS, core_call as _core_call, core_client, make_path, tea_client
from .server import TEST_KEY, Endpoint, HavipServer, binary_path, health

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
            report.sections.append((f"havip --auth {server.auth} log ({server.log_path})",
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
