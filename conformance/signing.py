"""Pure-Python Alibaba Cloud RPC request signing, independent of any SDK.

Used by the raw-HTTP conformance tests. ``test_signing_vectors.py`` checks it against
the test vectors of the wire spec (section 2) and against the installed SDKs'
own signing code, so a raw request built here is signed the way an SDK would sign it.

* V1 (``SignatureVersion=1.0``, HMAC-SHA1): the signed set is every query parameter
  plus every form-body parameter except ``Signature``; names and values are
  percent-encoded with RFC 3986 rules (``quote(s, safe='~')`` over UTF-8), sorted by
  encoded name and joined; ``StringToSign = METHOD&%2F&pe(canonical)``;
  ``Signature = b64(HMAC-SHA1(secret + '&', StringToSign))``.
* V3 (``ACS3-HMAC-SHA256``): canonical request over the headers named in
  ``SignedHeaders``; ``Signature = hex(HMAC-SHA256(secret, StringToSign))``.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import hmac
import uuid
from typing import Iterable, Mapping, Optional, Sequence, Tuple, Union
from urllib.parse import quote

Params = Union[Mapping[str, str], Iterable[Tuple[str, str]]]

V1_SIGNATURE_METHOD = "HMAC-SHA1"
V1_SIGNATURE_VERSION = "1.0"
V3_ALGORITHM = "ACS3-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


# --------------------------------------------------------------------------- common


def percent_encode(value: str) -> str:
    """RFC 3986 encoding of the UTF-8 bytes: keeps ``A-Za-z0-9-_.~``, ``%XX`` the rest."""
    return quote(value, safe="~")


def encode_params(params: Params) -> str:
    """``name=value&...`` with both sides percent-encoded; valid as a query string or a
    form body (a server form-decodes it back to the same pairs)."""
    return "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in _pairs(params))


def utc_timestamp(offset_seconds: float = 0) -> str:
    """``yyyy-MM-ddTHH:mm:ssZ`` for now + offset, as every SDK formats it."""
    now = _dt.datetime.now(_dt.timezone.utc) + _dt.timedelta(seconds=offset_seconds)
    return now.strftime(TIMESTAMP_FORMAT)


def new_nonce() -> str:
    return uuid.uuid4().hex


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _pairs(params: Params) -> list:
    items = params.items() if isinstance(params, Mapping) else params
    return [(str(k), str(v)) for k, v in items]


# ------------------------------------------------------------------------------- V1


def v1_canonicalized_query(params: Params) -> str:
    """The CanonicalizedQueryString over ``params`` (``Signature`` is left out)."""
    encoded = sorted(
        (percent_encode(k), percent_encode(v)) for k, v in _pairs(params) if k != "Signature"
    )
    return "&".join(f"{k}={v}" for k, v in encoded)


def v1_string_to_sign(method: str, params: Params) -> str:
    return f"{method.upper()}&{percent_encode('/')}&{percent_encode(v1_canonicalized_query(params))}"


def v1_signature(string_to_sign: str, secret: str) -> str:
    digest = hmac.new((secret + "&").encode(), string_to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def sign_v1(method: str, query: Params, body: Optional[Params], secret: str) -> str:
    """Signature over query ∪ form body, as the server must verify it."""
    signed = _pairs(query) + (_pairs(body) if body else [])
    return v1_signature(v1_string_to_sign(method, signed), secret)


def v1_common_params(
    action: Optional[str],
    access_key_id: str,
    *,
    version: Optional[str],
    fmt: Optional[str] = "json",
    timestamp: Optional[str] = None,
    nonce: Optional[str] = None,
) -> dict:
    """The common parameters in the order terraform's tea-rpc sends them (without
    ``Signature``). A ``None`` action, version or format is left out."""
    params = {
        "Action": action,
        "Format": fmt,
        "Timestamp": timestamp or utc_timestamp(),
        "Version": version,
        "SignatureNonce": nonce or new_nonce(),
        "SignatureMethod": V1_SIGNATURE_METHOD,
        "SignatureVersion": V1_SIGNATURE_VERSION,
        "AccessKeyId": access_key_id,
    }
    return {k: v for k, v in params.items() if v is not None}


# ------------------------------------------------------------------------------- V3


def v3_canonical_query(query: Params) -> str:
    return "&".join(
        f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(_pairs(query))
    )


def v3_canonical_request(
    method: str,
    path: str,
    query: Params,
    headers: Mapping[str, str],
    signed_headers: Sequence[str],
    payload_hash: str,
) -> str:
    """``headers`` are looked up by lowercase name; ``signed_headers`` are lowercase."""
    lower = {k.lower(): v for k, v in headers.items()}
    names = sorted(h.lower() for h in signed_headers)
    canonical_headers = "".join(f"{h}:{str(lower[h]).strip()}\n" for h in names)
    return "\n".join(
        [method.upper(), path or "/", v3_canonical_query(query), canonical_headers, ";".join(names), payload_hash]
    )


def v3_string_to_sign(canonical_request: str) -> str:
    return f"{V3_ALGORITHM}\n{sha256_hex(canonical_request.encode())}"


def v3_signature(string_to_sign: str, secret: str) -> str:
    return hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()


def v3_authorization(access_key_id: str, signed_headers: Sequence[str], signature: str) -> str:
    names = ";".join(sorted(h.lower() for h in signed_headers))
    return f"{V3_ALGORITHM} Credential={access_key_id},SignedHeaders={names},Signature={signature}"


def v3_headers(
    action: Optional[str],
    version: Optional[str],
    host: str,
    *,
    body: bytes = b"",
    content_type: Optional[str] = None,
    timestamp: Optional[str] = None,
    nonce: Optional[str] = None,
) -> dict:
    """The headers a V3 client sets before signing (lowercase names)."""
    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": timestamp or utc_timestamp(),
        "x-acs-signature-nonce": nonce or new_nonce(),
        "x-acs-content-sha256": sha256_hex(body),
        "content-type": content_type,
    }
    return {k: v for k, v in headers.items() if v is not None}


def sign_v3(
    method: str,
    path: str,
    query: Params,
    headers: Mapping[str, str],
    access_key_id: str,
    secret: str,
    *,
    signed_headers: Optional[Sequence[str]] = None,
    payload_hash: Optional[str] = None,
) -> str:
    """The ``Authorization`` value. By default every given header is signed and the
    payload hash is the ``x-acs-content-sha256`` header, as the Python Tea SDK does."""
    lower = {k.lower(): v for k, v in headers.items()}
    names = list(signed_headers) if signed_headers is not None else sorted(lower)
    if payload_hash is None:
        payload_hash = lower["x-acs-content-sha256"]
    creq = v3_canonical_request(method, path, query, lower, names, payload_hash)
    return v3_authorization(access_key_id, names, v3_signature(v3_string_to_sign(creq), secret))
