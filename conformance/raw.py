"""Raw HTTP requests to havip, signed with ``signing.py`` (no SDK involved)."""

from __future__ import annotations

import http.client
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl

import requests
from requests.structures import CaseInsensitiveDict

from . import signing
from .server import HEALTH_PATH, TEST_KEY, AccessKey, Endpoint

VPC_VERSION = "2016-04-28"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
TIMEOUT = 30


@dataclass
class RawRequest:
    method: str
    query: Dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    headers: Dict[str, str] = field(default_factory=dict)

    @property
    def target(self) -> str:
        return "/?" + signing.encode_params(self.query) if self.query else "/"

    def resign_v1(self, key: AccessKey = TEST_KEY) -> "RawRequest":
        """Sign again after the query or body was edited on purpose."""
        self.query.pop("Signature", None)
        self.query["Signature"] = signing.sign_v1(self.method, self.query, self.body_params(), key.secret)
        return self

    def body_params(self) -> List[Tuple[str, str]]:
        """The form-decoded body, when it is a form body."""
        content_type = CaseInsensitiveDict(self.headers).get("content-type", "")
        if not content_type.startswith(FORM_CONTENT_TYPE):
            return []
        return parse_qsl(self.body.decode(), keep_blank_values=True)

    def server_string_to_sign(self) -> str:
        """The string to sign a conforming server derives from this request as it will be
        sent now (after any tampering): what a SignatureDoesNotMatch message must quote.
        V1: over query ∪ form body. V3: over the ``SignedHeaders`` as sent and the real
        SHA-256 of the body."""
        headers = CaseInsensitiveDict(self.headers)
        authorization = headers.get("authorization")
        if authorization is None:
            return signing.v1_string_to_sign(self.method, list(self.query.items()) + self.body_params())
        fields = dict(part.split("=", 1) for part in authorization.split(" ", 1)[1].split(","))
        creq = signing.v3_canonical_request(
            self.method, "/", self.query, {k.lower(): v for k, v in headers.items()},
            fields["SignedHeaders"].split(";"), signing.sha256_hex(self.body),
        )
        return signing.v3_string_to_sign(creq)


@dataclass
class RawResponse:
    status: int
    headers: CaseInsensitiveDict
    body: bytes
    host: str  # the host the request was sent to: what an error's HostId must be

    @property
    def content_type(self) -> Optional[str]:
        return self.headers.get("content-type")

    @property
    def request_id_header(self) -> Optional[str]:
        return self.headers.get("x-acs-request-id")

    def json(self) -> Dict[str, Any]:
        return json.loads(self.body)

    def xml(self) -> ET.Element:
        return ET.fromstring(self.body)

    def __repr__(self) -> str:
        return f"<RawResponse {self.status} {self.content_type} {self.body[:500]!r}>"


def v1_request(
    action: Optional[str],
    params: Optional[Mapping[str, str]] = None,
    *,
    body_params: Optional[Mapping[str, str]] = None,
    method: str = "POST",
    version: Optional[str] = VPC_VERSION,
    fmt: Optional[str] = "json",
    key: AccessKey = TEST_KEY,
    timestamp: Optional[str] = None,
    nonce: Optional[str] = None,
) -> RawRequest:
    """A V1-signed request: common parameters and ``params`` in the query,
    ``body_params`` (if any) in a form body, as terraform sends them; the signature
    covers query ∪ body."""
    query = signing.v1_common_params(action, key.id, version=version, fmt=fmt,
                                     timestamp=timestamp, nonce=nonce)
    query.update(params or {})
    req = RawRequest(method, query)
    if body_params is not None:
        req.body = signing.encode_params(body_params).encode()
        req.headers["Content-Type"] = FORM_CONTENT_TYPE
    query["Signature"] = signing.sign_v1(method, query, body_params, key.secret)
    return req


def v3_request(
    endpoint: Endpoint,
    action: Optional[str],
    params: Optional[Mapping[str, str]] = None,
    *,
    body: bytes = b"",
    content_type: Optional[str] = None,
    method: str = "POST",
    version: Optional[str] = VPC_VERSION,
    key: AccessKey = TEST_KEY,
    timestamp: Optional[str] = None,
    nonce: Optional[str] = None,
) -> RawRequest:
    """An ACS3-HMAC-SHA256 request signing host, content-type and the x-acs-* headers."""
    headers = signing.v3_headers(action, version, endpoint.netloc, body=body,
                                 content_type=content_type, timestamp=timestamp, nonce=nonce)
    query = dict(params or {})
    headers["Authorization"] = signing.sign_v3(method, "/", query, headers, key.id, key.secret)
    return RawRequest(method, query, body, headers)


class RawClient:
    def __init__(self, endpoint: Endpoint):
        self.endpoint = endpoint
        self.session = requests.Session()

    def send(self, req: RawRequest) -> RawResponse:
        """Through ``requests`` (the query is already RFC 3986 encoded, which requests
        leaves alone)."""
        resp = self.session.request(req.method, self.endpoint.base_url + req.target,
                                    data=req.body, headers=req.headers, timeout=TIMEOUT)
        return RawResponse(resp.status_code, resp.headers, resp.content, self.endpoint.host)

    def send_verbatim(self, method: str, target: str, body: bytes = b"",
                      headers: Optional[Mapping[str, str]] = None) -> RawResponse:
        """Through ``http.client``, the request target byte for byte. (requests and
        urllib3 re-encode a target holding invalid escapes such as ``%zz``.)"""
        conn = http.client.HTTPConnection(self.endpoint.host, self.endpoint.port, timeout=TIMEOUT)
        try:
            conn.request(method, target, body=body, headers=dict(headers or {}))
            resp = conn.getresponse()
            return RawResponse(resp.status, CaseInsensitiveDict(resp.getheaders()), resp.read(),
                               self.endpoint.host)
        finally:
            conn.close()

    def health(self) -> RawResponse:
        resp = self.session.get(self.endpoint.base_url + HEALTH_PATH, timeout=TIMEOUT)
        return RawResponse(resp.status_code, resp.headers, resp.content, self.endpoint.host)
