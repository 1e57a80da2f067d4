"""Authentication errors through every SDK client path: bad secret, unknown key,
replayed nonce, stale timestamp. Nonces and timestamps are fixed through the SDKs' own
generators (``SdkPath.freeze_nonce`` / ``freeze_timestamp``), restored after each test."""

from __future__ import annotations

import pytest

from .expect import (ACCESS_KEY_NOT_FOUND, CORE_BAD_SECRET, CORE_BAD_SECRET_CODE, NONCE_USED,
                     SIGNATURE_MISMATCH_PREFIX, TIMESTAMP_EXPIRED, assert_api_error)
from .sdk import ApiError
from .server import OTHER_KEY, TEST_KEY, AccessKey
from .signing import new_nonce, utc_timestamp

ACTION = "DescribeRegions"
STALE = pytest.mark.parametrize("offset", [-20 * 60, 20 * 60], ids=["past", "future"])


def test_wrong_secret(make_sdk, path):
    sdk = make_sdk(path, key=AccessKey(TEST_KEY.id, "not-the-secret"))
    with pytest.raises(ApiError) as e:
        sdk.call(ACTION)
    if sdk.kind == "core":
        # The old core compares the text after ':' with its own string to sign and,
        # when equal, rewrites the error: proof that havip quoted it exactly.
        assert_api_error(e.value, 400, CORE_BAD_SECRET_CODE, CORE_BAD_SECRET)
    else:
        assert_api_error(e.value, 400, "SignatureDoesNotMatch", prefix=SIGNATURE_MISMATCH_PREFIX)
        assert "server string to sign is:" in e.value.message
        assert e.value.original.statusCode == 400


def test_unknown_access_key(make_sdk, path):
    sdk = make_sdk(path, key=AccessKey("no-such-key", "whatever"))
    with pytest.raises(ApiError) as e:
        sdk.call(ACTION)
    assert_api_error(e.value, 404, "InvalidAccessKeyId.NotFound", ACCESS_KEY_NOT_FOUND)


def test_reused_nonce(vpc, monkeypatch):
    vpc.freeze_nonce(monkeypatch, new_nonce())
    vpc.call(ACTION)
    with pytest.raises(ApiError) as e:
        vpc.call(ACTION)
    assert_api_error(e.value, 400, "SignatureNonceUsed", NONCE_USED)


def test_nonce_is_remembered_per_access_key(make_sdk, path, monkeypatch):
    first, second = make_sdk(path, key=TEST_KEY), make_sdk(path, key=OTHER_KEY)
    first.freeze_nonce(monkeypatch, new_nonce())
    first.call(ACTION)
    second.call(ACTION)


@STALE
def test_stale_timestamp(vpc, monkeypatch, offset):
    vpc.freeze_timestamp(monkeypatch, utc_timestamp(offset))
    with pytest.raises(ApiError) as e:
        vpc.call(ACTION)
    assert_api_error(e.value, 400, "InvalidTimeStamp.Expired", TIMESTAMP_EXPIRED)


def test_recent_timestamp_is_accepted(vpc, monkeypatch):
    vpc.freeze_timestamp(monkeypatch, utc_timestamp(-5 * 60))
    vpc.call(ACTION)


# -------------------------------------------------------------- permissive servers


def test_permissive_accepts_any_key_and_secret(make_sdk, path, havip_permissive):
    sdk = make_sdk(path, key=AccessKey("whoever", "any-secret"), endpoint=havip_permissive)
    assert sdk.call(ACTION).body["Regions"]["Region"]


@STALE
def test_permissive_still_checks_timestamp(make_sdk, path, havip_permissive, monkeypatch, offset):
    sdk = make_sdk(path, key=AccessKey("whoever", "any-secret"), endpoint=havip_permissive)
    sdk.freeze_timestamp(monkeypatch, utc_timestamp(offset))
    with pytest.raises(ApiError) as e:
        sdk.call(ACTION)
    assert_api_error(e.value, 400, "InvalidTimeStamp.Expired", TIMESTAMP_EXPIRED)


def test_permissive_still_checks_nonce(make_sdk, path, havip_permissive, monkeypatch):
    sdk = make_sdk(path, key=AccessKey("whoever", "any-secret"), endpoint=havip_permissive)
    sdk.freeze_nonce(monkeypatch, new_nonce())
    sdk.call(ACTION)
    with pytest.raises(ApiError) as e:
        sdk.call(ACTION)
    assert_api_error(e.value, 400, "SignatureNonceUsed", NONCE_USED)
