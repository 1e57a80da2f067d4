"""signing.py against the spec's test vectors (section 2) and against requests the
installed SDKs build (captured before they reach the network). No server needed: if
these pass, the raw-HTTP tests sign as the SDKs do, and the SDK hooks test_auth.py uses
to fix nonce and timestamp still work."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from . import signing
from .sdk import PATHS, core_call, core_client, make_path
from .server import Endpoint, TEST_KEY

TS = "2024-01-01T12:00:00Z"
NONCE = "3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e"
SECRET = "testsecret"
HAVIPS_PARAMS = {"RegionId": "cn-hangzhou", "Filter.1.Key": "VpcId", "Filter.1.Value.1": "vpc-abc"}
# Every character class the spec calls out: space, * ~ / + = & % and non-ASCII.
TRICKY = "a b*c~d/e+f=g&h%i é中"


def v1_params(**extra):
    return {**signing.v1_common_params("DescribeHaVips", "testid", version="2016-04-28",
                                       timestamp=TS, nonce=NONCE), **HAVIPS_PARAMS, **extra}


# ------------------------------------------------------------------------ V1 vectors


def test_v1_vector_tea():
    params = v1_params()
    assert signing.v1_canonicalized_query(params) == (
        "AccessKeyId=testid&Action=DescribeHaVips&Filter.1.Key=VpcId&Filter.1.Value.1=vpc-abc"
        "&Format=json&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1"
        "&SignatureNonce=3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e&SignatureVersion=1.0"
        "&Timestamp=2024-01-01T12%3A00%3A00Z&Version=2016-04-28"
    )
    sts = signing.v1_string_to_sign("POST", params)
    assert sts == (
        "POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeHaVips%26Filter.1.Key%3DVpcId"
        "%26Filter.1.Value.1%3Dvpc-abc%26Format%3Djson%26RegionId%3Dcn-hangzhou"
        "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e"
        "%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T12%253A00%253A00Z%26Version%3D2016-04-28"
    )
    assert signing.v1_signature(sts, SECRET) == "eQfey8iTpLlcesJjXeHzhAu+K/w="
    assert signing.sign_v1("POST", params, None, SECRET) == "eQfey8iTpLlcesJjXeHzhAu+K/w="


def test_v1_vector_old_core():
    params = v1_params(Format="JSON", SignatureType="")
    assert signing.v1_string_to_sign("POST", params) == (
        "POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeHaVips%26Filter.1.Key%3DVpcId"
        "%26Filter.1.Value.1%3Dvpc-abc%26Format%3DJSON%26RegionId%3Dcn-hangzhou"
        "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e"
        "%26SignatureType%3D%26SignatureVersion%3D1.0%26Timestamp%3D2024-01-01T12%253A00%253A00Z"
        "%26Version%3D2016-04-28"
    )
    assert signing.sign_v1("POST", params, None, SECRET) == "czumHuvC9DN0r4eSA722yMiHLX0="


def test_v1_old_core_request_line_verifies():
    """The spec's captured old-core request line, parsed as a server would."""
    line = ("RegionId=cn-hangzhou&Filter.1.Value.1=vpc-abc&Filter.1.Key=VpcId&Version=2016-04-28"
            "&Action=DescribeHaVips&Format=JSON&Timestamp=2024-01-01T12%3A00%3A00Z"
            "&SignatureMethod=HMAC-SHA1&SignatureType=&SignatureVersion=1.0"
            "&SignatureNonce=3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e&AccessKeyId=testid"
            "&Signature=czumHuvC9DN0r4eSA722yMiHLX0%3D")
    pairs = parse_qsl(line, keep_blank_values=True)
    assert signing.sign_v1("POST", pairs, None, SECRET) == dict(pairs)["Signature"]


def test_v1_splits_query_and_body_freely():
    """query ∪ body is one signed set: where a parameter travels does not matter."""
    params = v1_params()
    body = {k: params.pop(k) for k in list(HAVIPS_PARAMS)}
    assert signing.sign_v1("POST", params, body, SECRET) == "eQfey8iTpLlcesJjXeHzhAu+K/w="


# ------------------------------------------------------------------------ V3 vectors

V3_TEA_HEADERS = {
    "accept": "application/json",
    "host": "vpc.aliyuncs.com",
    "user-agent": "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2",
    "x-acs-action": "DescribeHaVips",
    "x-acs-content-sha256": signing.EMPTY_SHA256,
    "x-acs-credentials-provider": "static_ak",
    "x-acs-date": TS,
    "x-acs-signature-nonce": NONCE,
    "x-acs-version": "2016-04-28",
}
V3_QUERY = {"RegionId": "cn-hangzhou", "Filter.1.Key": "VpcId", "Filter.1.Value.1": "vpc-abc"}


def test_v3_vector_tea_sdk():
    names = sorted(V3_TEA_HEADERS)
    creq = signing.v3_canonical_request("POST", "/", V3_QUERY, V3_TEA_HEADERS, names, signing.EMPTY_SHA256)
    assert creq == "\n".join([
        "POST",
        "/",
        "Filter.1.Key=VpcId&Filter.1.Value.1=vpc-abc&RegionId=cn-hangzhou",
        "accept:application/json",
        "host:vpc.aliyuncs.com",
        "user-agent:AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2",
        "x-acs-action:DescribeHaVips",
        "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "x-acs-credentials-provider:static_ak",
        "x-acs-date:2024-01-01T12:00:00Z",
        "x-acs-signature-nonce:3a8f6c2e9b1d4f7a8c5e0d2b6a9f1c3e",
        "x-acs-version:2016-04-28",
        "",
        "accept;host;user-agent;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;"
        "x-acs-date;x-acs-signature-nonce;x-acs-version",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ])
    assert signing.v3_string_to_sign(creq) == (
        "ACS3-HMAC-SHA256\ne4d7176399ee17c1107f580dd26a695a60ffc335dc3efa1aae49d28e7e88b05a")
    assert signing.sign_v3("POST", "/", V3_QUERY, V3_TEA_HEADERS, "testid", SECRET) == (
        "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=accept;host;user-agent;x-acs-action;"
        "x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;"
        "x-acs-version,Signature=71e537bc361056bdb080a6c52c59733682022bc9d980b40d07ea382e71813528"
    )


def test_v3_vector_minimal_headers():
    headers = signing.v3_headers("DescribeHaVips", "2016-04-28", "vpc.aliyuncs.com",
                                 timestamp=TS, nonce=NONCE)
    assert signing.sign_v3("POST", "/", V3_QUERY, headers, "testid", SECRET) == (
        "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;"
        "x-acs-date;x-acs-signature-nonce;x-acs-version,"
        "Signature=e4d769839712df3a269295247b54cc5cb85c37e2ed6a01f5aba3fa12f3ac4875"
    )


@pytest.mark.parametrize("date, nonce, signature", [
    ("2023-10-26T10:22:32Z", "3156853299f313e23d1673dc12e1703d",
     "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"),
    ("2023-10-26T09:01:01Z", "d410180a5abf7fe235dd9b74aca91fc0",
     "e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804"),
])
def test_v3_vector_official_doc(date, nonce, signature):
    headers = signing.v3_headers("RunInstances", "2014-05-26", "ecs.cn-shanghai.aliyuncs.com",
                                 timestamp=date, nonce=nonce)
    query = {"ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId": "cn-shanghai"}
    authorization = signing.sign_v3("POST", "/", query, headers, "YourAccessKeyId", "YourAccessKeySecret")
    assert authorization.endswith(f",Signature={signature}")


# ------------------------------------------- cross-check with the installed SDKs' code


@pytest.fixture
def captured(monkeypatch):
    """Capture what the SDKs would send instead of sending it (no network):
    ``(method, query pairs, headers, body bytes)``."""
    from aliyunsdkcore.http.http_response import HttpResponse
    from darabonba.core import DaraCore
    from darabonba.response import DaraResponse

    sent = []

    def fake_tea_send(request, runtime=None):
        body = request.body or b""
        sent.append((request.method, list(request.query.items()), dict(request.headers),
                     body.encode() if isinstance(body, str) else body))
        response = DaraResponse()
        response.status_code, response.headers, response.body = 200, {}, b'{"RequestId":"X"}'
        return response

    def fake_core_send(self):
        query = self.get_url().split("?", 1)[1]
        body = self.get_body() or b""
        sent.append((self.get_method(), parse_qsl(query, keep_blank_values=True),
                     dict(self.get_headers()), body.encode() if isinstance(body, str) else body))
        return 200, {}, b'{"RequestId":"X"}'

    monkeypatch.setattr(DaraCore, "do_action", staticmethod(fake_tea_send))
    monkeypatch.setattr(HttpResponse, "get_response_object", fake_core_send)
    return sent


@pytest.mark.parametrize("path", PATHS)
def test_signer_verifies_real_sdk_requests(captured, path):
    """The SDK signs values holding every awkward character; signing.py, acting as the
    server, must reach the same signature."""
    sdk = make_path(path, Endpoint("127.0.0.1", 18080))
    sdk.call("DescribeZones", RegionId="cn-hangzhou", AcceptLanguage=TRICKY, OwnerAccount=TRICKY)
    method, query, headers, body = captured[-1]
    assert body == b""
    assert dict(query)["OwnerAccount"] == TRICKY
    if path == "tea_v3":
        signed = headers["Authorization"].split("SignedHeaders=")[1].split(",")[0].split(";")
        assert {"host", "x-acs-date", "x-acs-signature-nonce"} <= set(signed)
        assert signing.sign_v3(method, "/", query, headers, TEST_KEY.id, TEST_KEY.secret,
                               signed_headers=signed) == headers["Authorization"]
    else:
        assert signing.sign_v1(method, query, None, TEST_KEY.secret) == dict(query)["Signature"]


def test_signer_verifies_old_core_form_body(captured):
    """Old core with body parameters (a form body): the signature covers query ∪ body."""
    from aliyunsdkvpc.request.v20160428.DescribeZonesRequest import DescribeZonesRequest

    request = DescribeZonesRequest()
    request.add_body_params("AcceptLanguage", TRICKY)
    request.add_body_params("Note", TRICKY)
    endpoint = Endpoint("127.0.0.1", 18080)
    core_call(core_client(endpoint), request, endpoint)
    method, query, headers, body = captured[-1]
    assert headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = parse_qsl(body.decode(), keep_blank_values=True)
    assert dict(form) == {"AcceptLanguage": TRICKY, "Note": TRICKY}
    assert signing.sign_v1(method, query, form, TEST_KEY.secret) == dict(query)["Signature"]


@pytest.mark.parametrize("path", PATHS)
def test_freeze_hooks_reach_the_wire(captured, monkeypatch, path):
    """test_auth fixes nonce and timestamp through ``SdkPath.freeze_*``: both must land in
    every signed request of that path."""
    sdk = make_path(path, Endpoint("127.0.0.1", 18080))
    sdk.freeze_nonce(monkeypatch, NONCE)
    sdk.freeze_timestamp(monkeypatch, TS)
    for _ in range(2):
        sdk.call("DescribeRegions")
    for method, query, headers, body in captured[-2:]:
        if path == "tea_v3":
            assert (headers["x-acs-signature-nonce"], headers["x-acs-date"]) == (NONCE, TS)
        else:
            assert (dict(query)["SignatureNonce"], dict(query)["Timestamp"]) == (NONCE, TS)
