"""Protocol-level errors on raw HTTP (signed with signing.py): each is a 4xx with the
code of docs/compatibility.md in a JSON envelope, never a 5xx, and the server stays
healthy afterwards."""

from __future__ import annotations

import pytest

from .expect import (ACTION_NOT_FOUND, ACTION_OR_VERSION, INCOMPLETE_SIGNATURE, MALFORMED_PREFIX,
                     UNSUPPORTED_METHOD, assert_json_error, assert_json_ok, invalid_parameter,
                     missing_parameter, signature_mismatch)
from .raw import v1_request, v3_request
from .signing import encode_params

ZONES = {"RegionId": "cn-hangzhou"}


def test_unknown_action(raw):
    assert_json_error(raw.send(v1_request("DescribeNothing", ZONES)), 404,
                      "InvalidAction.NotFound", ACTION_NOT_FOUND)


def test_known_action_wrong_version(raw):
    req = v1_request("DescribeHaVips", ZONES, version="2014-05-26")
    assert_json_error(raw.send(req), 400, "InvalidParameter", ACTION_OR_VERSION)


@pytest.mark.parametrize("name", ["Action", "Version"])
def test_missing_action_or_version(raw, name):
    req = v1_request("DescribeZones", ZONES)
    del req.query[name]
    req.resign_v1()
    assert_json_error(raw.send(req), 400, "MissingParameter", missing_parameter(name))


def test_unsigned_request(raw):
    req = v1_request("DescribeRegions")
    for name in ("AccessKeyId", "Signature", "SignatureNonce", "SignatureMethod",
                 "SignatureVersion", "Timestamp"):
        del req.query[name]
    assert_json_error(raw.send(req), 400, "MissingParameter", missing_parameter("AccessKeyId"))


@pytest.mark.parametrize("name", ["Signature", "SignatureNonce", "Timestamp"])
def test_missing_v1_signing_parameter(raw, name):
    req = v1_request("DescribeRegions")
    del req.query[name]
    if name != "Signature":
        req.resign_v1()
    assert_json_error(raw.send(req), 400, "MissingParameter", missing_parameter(name))


@pytest.mark.parametrize("name, value", [("SignatureMethod", "HMAC-SHA256"),
                                         ("SignatureVersion", "2.0")])
def test_unsupported_v1_signature_kind(raw, name, value):
    req = v1_request("DescribeRegions")
    req.query[name] = value
    assert_json_error(raw.send(req.resign_v1()), 400, "IncompleteSignature", INCOMPLETE_SIGNATURE)


def test_unknown_format(raw):
    req = v1_request("DescribeRegions", fmt="YAML")
    assert_json_error(raw.send(req), 400, "InvalidParameter", invalid_parameter("Format"))


def test_unknown_path(raw):
    req = v1_request("DescribeRegions")
    resp = raw.send_verbatim("GET", "/no/such/path?" + encode_params(req.query))
    assert_json_error(resp, 404, "InvalidAction.NotFound", ACTION_NOT_FOUND)


def test_unsupported_method(raw):
    req = v1_request("DescribeRegions", method="PUT")
    assert_json_error(raw.send(req), 403, "UnsupportedHTTPMethod", UNSUPPORTED_METHOD)


# ------------------------------------------------------------------- malformed input


@pytest.mark.parametrize("where, fragment", [
    ("query", "Bad=%zz"),     # broken percent-encoding
    ("query", "Bad=%ff"),     # a byte that is not UTF-8
    ("query", "%ff=1"),       # ... in a name
    ("body", "Bad=%zz"),
    ("body", "Bad=%ff"),
    ("query", "Bad=a%00b"),   # NUL: no database stores it, no XML can carry it
    ("body", "Bad=%01"),      # other control characters likewise
])
def test_malformed_parameter(raw, where, fragment):
    req = v1_request("DescribeZones", body_params=ZONES)
    target, body = req.target, req.body
    if where == "query":
        target += "&" + fragment
    else:
        body += b"&" + fragment.encode()
    resp = raw.send_verbatim(req.method, target, body, req.headers)
    body_json = assert_json_error(resp, 400, "InvalidParameter.Malformed", prefix=MALFORMED_PREFIX)
    assert body_json["Message"].endswith("."), body_json


@pytest.mark.parametrize("body_params", [
    pytest.param({"Padding": "x" * (2 * 1024 * 1024)}, id="2MiB-body"),
    pytest.param({f"P{i}": "1" for i in range(5000)}, id="5000-parameters"),
    pytest.param({"Padding": "x" * (40 * 1024)}, id="40KiB-value"),
])
def test_too_large(raw, body_params):
    """Over a limit of compatibility.md: 400 InvalidParameter.TooLarge."""
    req = v1_request("DescribeZones", ZONES, body_params=body_params)
    body = assert_json_error(raw.send(req), 400, "InvalidParameter.TooLarge")
    assert body["Message"], body


@pytest.mark.parametrize("value", ["ten", "0", "-1", "51", "1.5", " 5", "99999999999"])
def test_non_integer_where_integer_expected(raw, value):
    req = v1_request("DescribeHaVips", {**ZONES, "PageSize": value})
    assert_json_error(raw.send(req), 400, "InvalidParameter", invalid_parameter("PageSize"), product="Vpc")


def test_list_index_above_the_limit(raw):
    req = v1_request("DescribeHaVips", {**ZONES, "Filter.1001.Key": "VpcId", "Filter.1001.Value.1": "vpc-x"})
    body = assert_json_error(raw.send(req), 400, "InvalidParameter.TooLarge")
    assert "1000" in body["Message"], body


@pytest.mark.parametrize("token", ["9223372036854775807", "99999999999999999999", "-1", "x"])
def test_next_token_out_of_range(raw, token):
    """A huge NextToken once overflowed an addition and stopped the whole server."""
    req = v1_request("ListTagResources", {**ZONES, "ResourceType": "HAVIP", "ResourceId.1": "havip-x", "NextToken": token})
    assert_json_error(raw.send(req), 400, "InvalidParameter", invalid_parameter("NextToken"), product="Vpc")
    assert raw.send(v1_request("DescribeRegions")).status == 200


# ------------------------------------------------------------------------------- V3


def test_v3_raw_request_is_accepted(raw):
    req = v3_request(raw.endpoint, "DescribeZones", ZONES)
    assert "cn-hangzhou-h" in {z["ZoneId"] for z in assert_json_ok(raw.send(req))["Zones"]["Zone"]}


def test_v3_tampered_query(raw):
    req = v3_request(raw.endpoint, "DescribeZones", {**ZONES, "AcceptLanguage": "en-US"})
    req.query["AcceptLanguage"] = "zh-CN"
    assert_json_error(raw.send(req), 400, "SignatureDoesNotMatch",
                      signature_mismatch(req.server_string_to_sign()))


def test_v3_content_sha256_not_matching_body(raw):
    req = v3_request(raw.endpoint, "DescribeZones", ZONES, body=b"hello",
                     content_type="application/octet-stream")
    req.body = b"hellp"  # the signed x-acs-content-sha256 still claims b"hello"
    assert_json_error(raw.send(req), 400, "SignatureDoesNotMatch",
                      signature_mismatch(req.server_string_to_sign()))


# --------------------------------------------------------------------------- finally


def test_server_still_healthy(raw):
    """Runs last in this module: nothing above may have hurt the server."""
    resp = raw.health()
    assert resp.status == 200, resp
    resp.json()
    assert_json_ok(raw.send(v1_request("DescribeRegions")))
