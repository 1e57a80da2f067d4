"""V1 requests shaped like terraform's (tea-rpc): common parameters in the query,
business parameters in an application/x-www-form-urlencoded body, one signature over
query ∪ body. Built with signing.py and sent with requests."""

from __future__ import annotations

import pytest

from .expect import assert_json_error, assert_json_ok, signature_mismatch
from .raw import v1_request

# space, * ~ / + = & % and non-ASCII: each must survive encode → form-decode → re-encode.
AWKWARD = "a b*c~d/e+f=g&h%i é 中"
BUSINESS = {"RegionId": "cn-hangzhou", "AcceptLanguage": "en-US"}


def zone_ids(body: dict) -> set:
    return {z["ZoneId"] for z in body["Zones"]["Zone"]}


def test_terraform_shaped_request(raw):
    req = v1_request("DescribeZones", body_params=BUSINESS)
    assert "RegionId" not in req.query and b"RegionId=cn-hangzhou" in req.body
    body = assert_json_ok(raw.send(req))
    assert {"cn-hangzhou-h", "cn-hangzhou-i"} <= zone_ids(body)


@pytest.mark.parametrize("where", ["body", "query"])
def test_awkward_characters_in_an_ignored_parameter(raw, where):
    extra = {"IgnoredNote": AWKWARD}
    if where == "body":
        req = v1_request("DescribeZones", body_params={**BUSINESS, **extra})
    else:
        req = v1_request("DescribeZones", extra, body_params=BUSINESS)
    body = assert_json_ok(raw.send(req))
    assert "cn-hangzhou-h" in zone_ids(body)


def test_form_encoded_spaces_as_plus(raw):
    """A form body may encode a space as '+' (Python urlencode, the Tea SDK): the server
    form-decodes before it re-encodes for the signature."""
    req = v1_request("DescribeZones", body_params={**BUSINESS, "IgnoredNote": "two words"})
    req.body = req.body.replace(b"two%20words", b"two+words")
    assert b"two+words" in req.body
    assert_json_ok(raw.send(req))


def test_tampered_body(raw):
    req = v1_request("DescribeZones", body_params={**BUSINESS, "IgnoredNote": "abc"})
    assert req.body.endswith(b"abc")
    req.body = req.body[:-1] + b"d"
    assert_json_error(raw.send(req), 400, "SignatureDoesNotMatch",
                      signature_mismatch(req.server_string_to_sign()))
