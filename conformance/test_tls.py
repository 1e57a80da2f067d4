"""HTTPS: the SDKs' default protocol against ``havip serve --tls self-signed``, each client
trusting the generated CA the way docs/clients.md says (Tea: ``Config(ca=…)``; the core SDK and
footmark: ``ALIBABA_CLOUD_CA_BUNDLE`` or ``AcsClient(verify=…)``; libcloud: ``CA_CERTS_PATH`` or
``SSL_CERT_FILE``); a client without the CA is refused in the handshake; ``--tls-cert``/``--tls-key``
serve a given PEM pair; the self-signed files are reused across a restart and never logged.

footmark and libcloud run in a fresh interpreter each (they keep global state and read the
environment at import) and only where they are installed."""

from __future__ import annotations

import importlib
import importlib.util
import os
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.utils_models import Config
from aliyunsdkcore.acs_exception.exceptions import ClientException
from aliyunsdkcore.client import AcsClient
from aliyunsdkecs.request.v20140526.DescribeSecurityGroupsRequest import DescribeSecurityGroupsRequest
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest
from aliyunsdkvpc.request.v20160428.DescribeZonesRequest import DescribeZonesRequest
from darabonba.exceptions import UnretryableException
from darabonba.runtime import RuntimeOptions

from .sdk import DEFAULT_REGION, PRODUCTS
from .server import TEST_KEY, Endpoint

CA_VARIABLES = ("ALIBABA_CLOUD_CA_BUNDLE", "REQUESTS_CA_BUNDLE", "SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE")
ACCOUNT = TEST_KEY.account


@pytest.fixture(autouse=True)
def no_ca_from_the_environment(monkeypatch):
    """Each test names its CA itself; none comes from the runner's environment."""
    for name in CA_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def tea(product: str, endpoint: Endpoint, *, v1: bool = False, ca: str = None):
    """A generated Tea client with the SDK's default protocol (no ``protocol`` in the Config: the
    generated methods ask for HTTPS) and ``ca`` as the CA to trust."""
    config = Config(access_key_id=TEST_KEY.id, access_key_secret=TEST_KEY.secret, endpoint=endpoint.netloc,
                    region_id=DEFAULT_REGION, ca=ca)
    if v1:
        config.signature_algorithm = "v2"
    return importlib.import_module(f"{PRODUCTS[product].tea_package}.client").Client(config)


def tea_call(product: str, client):
    """One call per product through its generated model: what each answers for the test key."""
    models = importlib.import_module(f"{PRODUCTS[product].tea_package}.models")
    if product == "vpc":
        body = client.describe_zones_with_options(models.DescribeZonesRequest(region_id=DEFAULT_REGION), RuntimeOptions()).body
        return body.zones.zone[0].zone_id.startswith(DEFAULT_REGION)
    if product == "ecs":
        body = client.describe_security_groups_with_options(
            models.DescribeSecurityGroupsRequest(region_id=DEFAULT_REGION), RuntimeOptions()).body
        return body.total_count is not None
    return client.get_caller_identity_with_options(RuntimeOptions()).body.account_id == ACCOUNT


# ------------------------------------------------------------------------ the official SDKs


@pytest.mark.parametrize("product", ["vpc", "ecs", "sts"])
@pytest.mark.parametrize("v1", [False, True], ids=["tea_v3", "tea_v1"])
def test_tea_default_protocol_with_config_ca(tls_havip, product, v1):
    assert tea_call(product, tea(product, tls_havip, v1=v1, ca=tls_havip.ca))


def test_tea_with_ssl_cert_file(tls_havip):
    """SSL_CERT_FILE reaches Tea through OpenSSL's default paths, read when its adapter is built."""
    code = ("from conformance.test_tls import tea, tea_call\nfrom conformance.server import Endpoint\n"
            "print(tea_call('sts', tea('sts', Endpoint(HOST, PORT))))")
    assert run_python(code, {"SSL_CERT_FILE": tls_havip.ca}, tls_havip) == "True"


def core_vpc_request(endpoint: Endpoint):
    request = DescribeZonesRequest()
    request.set_endpoint(endpoint.host)
    request.set_protocol_type("https")
    return request


def test_core_sdk_https_with_alibaba_cloud_ca_bundle(tls_havip, monkeypatch):
    monkeypatch.setenv("ALIBABA_CLOUD_CA_BUNDLE", tls_havip.ca)
    client = AcsClient(TEST_KEY.id, TEST_KEY.secret, DEFAULT_REGION, port=tls_havip.port)
    assert b'"Zones"' in client.do_action_with_exception(core_vpc_request(tls_havip))
    ecs = DescribeSecurityGroupsRequest()
    ecs.set_endpoint(tls_havip.host)
    ecs.set_protocol_type("https")
    assert b'"TotalCount"' in client.do_action_with_exception(ecs)


def test_core_sdk_https_with_verify(tls_havip):
    client = AcsClient(TEST_KEY.id, TEST_KEY.secret, DEFAULT_REGION, port=tls_havip.port, verify=tls_havip.ca)
    assert b'"Zones"' in client.do_action_with_exception(core_vpc_request(tls_havip))


def test_sts_requests_are_https_whatever_the_caller_says(tls_havip, monkeypatch):
    """aliyun-python-sdk-sts sets HTTPS in every request's constructor: the request is sent as
    built, with only the endpoint pointed at havip."""
    monkeypatch.setenv("ALIBABA_CLOUD_CA_BUNDLE", tls_havip.ca)
    request = GetCallerIdentityRequest()
    request.set_endpoint(tls_havip.host)
    assert request.get_protocol_type() == "https"
    client = AcsClient(TEST_KEY.id, TEST_KEY.secret, DEFAULT_REGION, port=tls_havip.port)
    assert f'"AccountId":"{ACCOUNT}"'.encode() in client.do_action_with_exception(request)


def test_the_chain_passes_strict_verification(tls_havip):
    """A CA and a separate server certificate, as strict verifiers want (Python 3.13 makes
    VERIFY_X509_STRICT its default): by name and by address."""
    context = ssl.create_default_context(cafile=tls_havip.ca)
    context.verify_flags |= ssl.VERIFY_X509_STRICT
    for host in ("localhost", "127.0.0.1"):
        with socket.create_connection((tls_havip.host, tls_havip.port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname=host) as tls:
                assert tls.version() in ("TLSv1.2", "TLSv1.3")


# ------------------------------------------------------------------- refused without the CA


# Tea keeps one connection pool per host and port for the whole process, whatever CA each client
# names: a client without the CA is tried in a fresh interpreter, so its handshake is its own.
TEA_REFUSED = """
from conformance.test_tls import tea, tea_call
from conformance.server import Endpoint
try:
    tea_call('sts', tea('sts', Endpoint(HOST, PORT), v1={v1}, ca={ca}))
except Exception as e:
    print(type(e).__name__, 'CERTIFICATE_VERIFY_FAILED' in str(e))
"""


@pytest.mark.parametrize("v1", [False, True], ids=["tea_v3", "tea_v1"])
def test_tea_without_the_ca_is_refused(tls_havip, v1):
    # Nor do ALIBABA_CLOUD_CA_BUNDLE or REQUESTS_CA_BUNDLE reach Tea (docs/clients.md).
    env = {"ALIBABA_CLOUD_CA_BUNDLE": tls_havip.ca, "REQUESTS_CA_BUNDLE": tls_havip.ca}
    assert run_python(TEA_REFUSED.format(v1=v1, ca=None), env, tls_havip) == "UnretryableException True"


def test_core_sdk_without_the_ca_is_refused(tls_havip, monkeypatch):
    # REQUESTS_CA_BUNDLE and SSL_CERT_FILE do not reach the core SDK (docs/clients.md).
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", tls_havip.ca)
    monkeypatch.setenv("SSL_CERT_FILE", tls_havip.ca)
    client = AcsClient(TEST_KEY.id, TEST_KEY.secret, DEFAULT_REGION, port=tls_havip.port)
    with pytest.raises(ClientException) as caught:
        client.do_action_with_exception(core_vpc_request(tls_havip))
    assert caught.value.get_error_code() == "SDK.HttpError"
    assert "CERTIFICATE_VERIFY_FAILED" in caught.value.get_error_msg()


def test_a_ca_that_did_not_sign_the_certificate_is_refused(tls_havip, tmp_path):
    other_ca, _, _ = make_pki(tmp_path)
    assert run_python(TEA_REFUSED.format(v1=False, ca=repr(str(other_ca))), {}, tls_havip) == "UnretryableException True"


def test_plain_http_to_the_tls_listener_gets_no_answer(tls_havip):
    config = Config(access_key_id=TEST_KEY.id, access_key_secret=TEST_KEY.secret, endpoint=tls_havip.netloc,
                    region_id=DEFAULT_REGION, protocol="http")
    client = importlib.import_module(f"{PRODUCTS['sts'].tea_package}.client").Client(config)
    with pytest.raises((UnretryableException, AlibabaCloudException)):
        client.get_caller_identity_with_options(RuntimeOptions(read_timeout=5000, connect_timeout=5000))


# ------------------------------------------------------------------ footmark and libcloud

FOOTMARK = """
import aliyunsdkcore.request
from aliyunsdkcore.profile import region_provider
import footmark.ecs, footmark.sts
region_provider.add_endpoint('Ecs', REGION, ENDPOINT)
region_provider.add_endpoint('Sts', REGION, ENDPOINT)
aliyunsdkcore.request.set_default_protocol_type('https')
keys = dict(acs_access_key_id=KEY_ID, acs_secret_access_key=SECRET)
print(footmark.ecs.connect_to_region(REGION, **keys).describe_security_groups() == [],
      footmark.sts.connect_to_region(REGION, **keys).get_caller_identity().read()['account_id'] == ACCOUNT)
"""

LIBCLOUD = """
{setup}
from libcloud.compute.drivers.ecs import ECSDriver
print(ECSDriver(KEY_ID, SECRET, secure=True, host=HOST, port=PORT, region=REGION).list_nodes() == [])
"""


def run_python(code: str, env: dict, endpoint: Endpoint = None) -> str:
    """``code`` in a fresh interpreter with ``env`` added (and none of the CA variables of
    this one); its last line of output, or the failure's last line."""
    prelude = ""
    if endpoint is not None:
        prelude = (f"KEY_ID, SECRET, REGION, ACCOUNT = {TEST_KEY.id!r}, {TEST_KEY.secret!r}, "
                   f"{DEFAULT_REGION!r}, {ACCOUNT!r}\nENDPOINT, HOST, PORT, CA = {endpoint.netloc!r}, "
                   f"{endpoint.host!r}, {endpoint.port}, {endpoint.ca!r}\n")
    child_env = {k: v for k, v in os.environ.items() if k not in CA_VARIABLES}
    child_env.update(env)
    done = subprocess.run([sys.executable, "-c", prelude + code], env=child_env, capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parent.parent)
    output = (done.stdout if done.returncode == 0 else done.stderr).strip().splitlines()
    return output[-1] if output else f"exit {done.returncode}"


needs_footmark = pytest.mark.skipif(importlib.util.find_spec("footmark") is None, reason="footmark is not installed")
needs_libcloud = pytest.mark.skipif(importlib.util.find_spec("libcloud") is None, reason="apache-libcloud is not installed")


@needs_footmark
def test_footmark_with_https_and_alibaba_cloud_ca_bundle(tls_havip):
    """footmark builds AcsClient itself: HTTPS as the core SDK's default protocol, the CA by
    ALIBABA_CLOUD_CA_BUNDLE; its STS calls are HTTPS anyway."""
    assert run_python(FOOTMARK, {"ALIBABA_CLOUD_CA_BUNDLE": tls_havip.ca}, tls_havip) == "True True"
    assert "CERTIFICATE_VERIFY_FAILED" in run_python(FOOTMARK, {}, tls_havip)


@needs_libcloud
@pytest.mark.parametrize("setup, env", [
    ("import libcloud.security; libcloud.security.CA_CERTS_PATH = CA", {}),
    ("", {"SSL_CERT_FILE": "CA"}),
], ids=["CA_CERTS_PATH", "SSL_CERT_FILE"])
def test_libcloud_secure_with_its_ca_setting(tls_havip, setup, env):
    env = {k: tls_havip.ca if v == "CA" else v for k, v in env.items()}
    assert run_python(LIBCLOUD.format(setup=setup), env, tls_havip) == "True"
    assert "CERTIFICATE_VERIFY_FAILED" in run_python(LIBCLOUD.format(setup=""), {}, tls_havip)


# ------------------------------------------------------------ a given pair; the kept files


def make_pki(folder: Path):
    """A CA and a server certificate it signed for localhost and 127.0.0.1, by the openssl tool."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", *curve, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=conformance CA")
    openssl("req", *curve, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "san.ext")
    return folder / "ca.pem", folder / "server.pem", folder / "server.key"


def served_certificate(endpoint: Endpoint) -> bytes:
    return ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate((endpoint.host, endpoint.port)))


def test_a_given_certificate_and_key(fresh_server, tmp_path):
    ca, certificate, key = make_pki(tmp_path / "pki")
    server = fresh_server("--tls-cert", str(certificate), "--tls-key", str(key), ca=ca)
    endpoint = server.endpoint
    assert served_certificate(endpoint) == ssl.PEM_cert_to_DER_cert(certificate.read_text())
    assert tea_call("sts", tea("sts", endpoint, ca=str(ca)))
    assert tea_call("vpc", tea("vpc", endpoint, v1=True, ca=str(ca)))
    assert f"havip listening on https://{endpoint.netloc}" in server.log_text()
    assert not (server.workdir / "tls").exists()


def test_self_signed_files_are_reused_across_a_restart_and_never_logged(fresh_server):
    server = fresh_server("--tls", "self-signed", "--log-level", "trace")
    ca = server.workdir / "tls" / "ca.pem"
    first = {name: (server.workdir / "tls" / name).read_bytes() for name in ("ca.pem", "server.pem", "server-key.pem")}
    assert tea_call("sts", tea("sts", server.endpoint, ca=str(ca)))
    server.restart()
    assert {name: (server.workdir / "tls" / name).read_bytes() for name in first} == first
    assert served_certificate(server.endpoint) == ssl.PEM_cert_to_DER_cert(first["server.pem"].decode())
    assert tea_call("vpc", tea("vpc", server.endpoint, ca=str(ca)))

    log = server.log_text(last_lines=10_000)
    assert f"signed by the CA in {ca} (made now: none were there)" in log
    assert f"signed by the CA in {ca} (reused)" in log
    assert f"ALIBABA_CLOUD_CA_BUNDLE={ca}" in log
    assert f"havip listening on https://{server.endpoint.netloc}" in log
    # No PEM block, and no line of any of the three files, reaches the output.
    assert "-----BEGIN" not in log
    body_lines = {line for text in first.values() for line in text.decode().splitlines() if not line.startswith("-----")}
    assert not [line for line in body_lines if line in log]


# ------------------------------------------------- the connection guard behind the TLS handler


def tls_connect(endpoint: Endpoint) -> ssl.SSLSocket:
    context = ssl.create_default_context(cafile=endpoint.ca)
    raw = socket.create_connection((endpoint.host, endpoint.port), timeout=10)
    return context.wrap_socket(raw, server_hostname="localhost")


def tls_read_to_end(sock: socket.socket) -> tuple:
    """Everything until the server closes: (bytes, closed); closed is False on a read timeout."""
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return data, True
            data += chunk
    except socket.timeout:
        return data, False
    except (ssl.SSLError, ConnectionResetError):
        return data, True


def test_malformed_http_inside_tls_gets_the_envelope_encrypted(tls_havip):
    from .test_http_errors import assert_envelope, parse_reply
    with tls_connect(tls_havip) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n")
        data, closed = tls_read_to_end(sock)
    reply, rest = parse_reply(data)
    assert closed and reply is not None and rest == b"", data[:300]
    assert_envelope(reply, 400, "InvalidParameter.Malformed")


def test_timeouts_hold_under_tls(fresh_server):
    """A slow request inside TLS is answered 408 in the clear of the TLS session; an idle TLS
    connection, and a TCP connection that never starts its handshake, are closed."""
    from .test_http_errors import assert_envelope, parse_reply
    endpoint = fresh_server("--tls", "self-signed", "--header-timeout", "1", "--idle-timeout", "1").endpoint
    started = time.monotonic()
    with tls_connect(endpoint) as slow, tls_connect(endpoint) as idle, \
            socket.create_connection((endpoint.host, endpoint.port), timeout=10) as no_handshake:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: a")
        data, closed = tls_read_to_end(slow)
        reply, _ = parse_reply(data)
        assert closed and reply is not None, data[:300]
        assert_envelope(reply, 408, "RequestTimeout")
        assert tls_read_to_end(idle) == (b"", True)
        assert no_handshake.recv(1) == b""
    assert time.monotonic() - started < 8
