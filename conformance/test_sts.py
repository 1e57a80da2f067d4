"""STS GetCallerIdentity (2015-04-01): who havip thinks the caller is."""

from __future__ import annotations

import pytest

from .expect import assert_request_id
from .server import OTHER_KEY, TEST_KEY, AccessKey


def caller_identity(sdk) -> dict:
    body = sdk.call("GetCallerIdentity").body
    assert_request_id(body["RequestId"])
    return body


@pytest.mark.parametrize("key", [TEST_KEY, OTHER_KEY], ids=lambda k: k.id)
def test_configured_keys(make_sdk, path, key):
    body = caller_identity(make_sdk(path, product="sts", key=key))
    assert body["AccountId"] == key.account
    assert body["IdentityType"] == "Account"
    assert body["Arn"] == f"acs:ram::{key.account}:root"


def test_tea_sts_client(tea_sts):
    body = tea_sts.get_caller_identity().body
    assert (body.account_id, body.identity_type) == (TEST_KEY.account, "Account")


def test_old_core_sts_request(core_call):
    from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest

    body = core_call(GetCallerIdentityRequest())
    assert (body["AccountId"], body["IdentityType"]) == (TEST_KEY.account, "Account")


@pytest.mark.parametrize("key_id", ["whoever", "someone-else"])
def test_permissive_any_key_is_its_own_account(make_sdk, path, havip_permissive, key_id):
    sdk = make_sdk(path, product="sts", key=AccessKey(key_id, "any-secret"),
                   endpoint=havip_permissive)
    body = caller_identity(sdk)
    assert body["AccountId"] == key_id
    assert body["IdentityType"] == "Account"
