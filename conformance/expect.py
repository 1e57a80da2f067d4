"""The error contract of docs/compatibility.md, and assertions over SDK and raw replies."""

from __future__ import annotations

import re
from typing import Optional

from .raw import RawResponse
from .sdk import ApiError

JSON_CONTENT_TYPE = "application/json;charset=utf-8"
XML_CONTENT_TYPE = "text/xml;charset=utf-8"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'
ERROR_FIELDS = ("RequestId", "HostId", "Code", "Message", "Recommend")
REQUEST_ID_RE = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")

ACTION_NOT_FOUND = "Specified api is not found, please check your url and method."
ACTION_OR_VERSION = 'The specified parameter "Action or Version" is not valid.'
ACCESS_KEY_NOT_FOUND = "Specified access key is not found."
NONCE_USED = "Specified signature nonce was used already."
TIMESTAMP_EXPIRED = "Specified time stamp or date value is expired."
REGION_NOT_FOUND = "The RegionId provided does not exist in our records."
SIGNATURE_MISMATCH_PREFIX = ("Specified signature is not matched with our calculation. "
                             "server string to sign is:")
INCOMPLETE_SIGNATURE = "The request signature does not conform to Aliyun standards."
UNSUPPORTED_METHOD = "This http method not supported."
MALFORMED_PREFIX = "The request contains a malformed parameter: "
# What aliyunsdkcore.client.AcsClient._get_server_exception turns a 400
# SignatureDoesNotMatch into when the server's string to sign equals its own.
CORE_BAD_SECRET_CODE = "InvalidAccessKeySecret"
CORE_BAD_SECRET = "The AccessKeySecret is incorrect. Please check your AccessKeyId and AccessKeySecret."


def missing_parameter(name: str) -> str:
    return f'The input parameter "{name}" that is mandatory for processing this request is not supplied.'


def invalid_parameter(name: str) -> str:
    return f'The specified parameter "{name}" is not valid.'


def signature_mismatch(string_to_sign: str) -> str:
    return SIGNATURE_MISMATCH_PREFIX + string_to_sign


def recommend(code: str, product: str, request_id: str) -> str:
    return f"https://api.aliyun.com/troubleshoot?q={code}&product={product}&requestId={request_id}"


def assert_request_id(value) -> None:
    assert isinstance(value, str) and REQUEST_ID_RE.match(value), \
        f"RequestId {value!r} is not an uppercase UUID"


def _check_message(actual: Optional[str], message: Optional[str], prefix: Optional[str]) -> None:
    if message is not None:
        assert actual == message
    if prefix is not None:
        assert actual is not None and actual.startswith(prefix), actual


def assert_api_error(err: ApiError, status: int, code: str, message: Optional[str] = None,
                     *, prefix: Optional[str] = None) -> None:
    """An error raised through an SDK path (``sdk.ApiError``)."""
    assert (err.status, err.code) == (status, code), str(err)
    _check_message(err.message, message, prefix)
    assert_request_id(err.request_id)


def assert_json_error(resp: RawResponse, status: int, code: str, message: Optional[str] = None,
                      *, prefix: Optional[str] = None, product: Optional[str] = None) -> dict:
    """A raw JSON error envelope: status, content type, the five fields, request-id
    header, HostId. ``product`` (Vpc, Ecs, Sts) pins ``Recommend`` exactly."""
    assert resp.status == status, resp
    assert resp.content_type == JSON_CONTENT_TYPE, resp
    body = resp.json()
    assert set(ERROR_FIELDS) <= set(body), body
    assert body["Code"] == code, body
    _check_message(body["Message"], message, prefix)
    _check_envelope(resp, {k: body[k] for k in ERROR_FIELDS}, product)
    return body


def assert_xml_error(resp: RawResponse, status: int, code: str, message: Optional[str] = None,
                     *, product: Optional[str] = None) -> dict:
    """A raw XML error: ``<Error>`` with the five child elements."""
    assert resp.status == status, resp
    assert resp.content_type == XML_CONTENT_TYPE, resp
    assert resp.body.startswith(XML_DECLARATION), resp
    root = resp.xml()
    assert root.tag == "Error", resp
    fields = {child.tag: child.text for child in root}
    assert set(ERROR_FIELDS) <= set(fields), fields
    assert fields["Code"] == code, fields
    _check_message(fields["Message"], message, None)
    _check_envelope(resp, fields, product)
    return fields


def _check_envelope(resp: RawResponse, fields: dict, product: Optional[str]) -> None:
    request_id = fields["RequestId"]
    assert_request_id(request_id)
    assert resp.request_id_header == request_id
    assert fields["HostId"] == resp.host, fields  # the Host header without its port
    if product is not None:
        assert fields["Recommend"] == recommend(fields["Code"], product, request_id)
    else:
        assert fields["Recommend"].startswith(
            f"https://api.aliyun.com/troubleshoot?q={fields['Code']}&product="), fields
        assert fields["Recommend"].endswith(f"&requestId={request_id}"), fields


def assert_json_ok(resp: RawResponse) -> dict:
    """A raw JSON success: 200, exact content type, RequestId first and in the header."""
    assert resp.status == 200, resp
    assert resp.content_type == JSON_CONTENT_TYPE, resp
    body = resp.json()
    assert next(iter(body), None) == "RequestId", body
    assert_request_id(body["RequestId"])
    assert resp.request_id_header == body["RequestId"]
    return body
