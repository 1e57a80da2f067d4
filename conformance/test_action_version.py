"""How Action and Version find an action (docs/compatibility.md, "Action and Version"), and the
product each error's Recommend names: (a) a Version no product serves is 400 InvalidVersion,
(b) a real version with an action its product lacks and (c) one product's action under another
product's version are 404 InvalidAction.NotFound. Raw (V1 and V3, JSON and XML) and through the
SDKs' generic calls (the core SDK's CommonRequest, Tea's call_api), which send any version."""

from __future__ import annotations

import json

import pytest
from alibabacloud_tea_openapi import utils_models as tea_models
from alibabacloud_tea_openapi.client import Client as TeaClient
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.request import CommonRequest
from darabonba.runtime import RuntimeOptions

from .expect import ACTION_NOT_FOUND, ACTION_OR_VERSION, assert_json_error, assert_xml_error, missing_parameter, recommend
from .raw import v1_request, v3_request
from .sdk import core_client, core_prepare, tea_config

INVALID_VERSION = "Specified parameter Version is not valid."
REGION = {"RegionId": "cn-hangzhou"}

CASES = [
    # (a) a version no product serves: the product of the one product with an action of that name
    pytest.param("DescribeHaVips", "2099-01-01", 400, "InvalidVersion", INVALID_VERSION, "Vpc", id="a-vpc-action"),
    pytest.param("GetCallerIdentity", "2016-04-29", 400, "InvalidVersion", INVALID_VERSION, "Sts", id="a-sts-action"),
    pytest.param("DescribeInstances", "1.0", 400, "InvalidVersion", INVALID_VERSION, "Ecs", id="a-ecs-action"),
    # (b) a real version, an action no product has
    pytest.param("DescribeNothing", "2014-05-26", 404, "InvalidAction.NotFound", ACTION_NOT_FOUND, "Ecs", id="b-ecs"),
    pytest.param("DescribeNothing", "2015-04-01", 404, "InvalidAction.NotFound", ACTION_NOT_FOUND, "Sts", id="b-sts"),
    # (c) one product's action under another product's version
    pytest.param("DescribeHaVips", "2014-05-26", 404, "InvalidAction.NotFound", ACTION_NOT_FOUND, "Ecs", id="c-vpc-under-ecs"),
    pytest.param("GetCallerIdentity", "2016-04-28", 404, "InvalidAction.NotFound", ACTION_NOT_FOUND, "Vpc", id="c-sts-under-vpc"),
    pytest.param("CreateVpc", "2015-04-01", 404, "InvalidAction.NotFound", ACTION_NOT_FOUND, "Sts", id="c-vpc-under-sts"),
]


@pytest.mark.parametrize("action, version, status, code, message, product", CASES)
def test_raw_v1_json_and_xml(raw, action, version, status, code, message, product):
    assert_json_error(raw.send(v1_request(action, REGION, version=version)), status, code, message, product=product)
    assert_xml_error(raw.send(v1_request(action, REGION, version=version, fmt="XML")), status, code, message,
                     product=product)


@pytest.mark.parametrize("action, version, status, code, message, product", CASES)
def test_raw_v3(raw, action, version, status, code, message, product):
    req = v3_request(raw.endpoint, action, REGION, version=version)
    assert_json_error(raw.send(req), status, code, message, product=product)


@pytest.mark.parametrize("action, version, status, code, message, product", CASES)
def test_core_sdk_common_request(havip, action, version, status, code, message, product):
    """aliyun-python-sdk-core's CommonRequest sends the version it is given; its ServerException
    carries the code, status and message."""
    request = CommonRequest(domain=havip.host, version=version, action_name=action)
    request.set_accept_format("json")
    for name, value in REGION.items():
        request.add_query_param(name, value)
    with pytest.raises(ServerException) as caught:
        core_client(havip).do_action_with_exception(core_prepare(request, havip))
    err = caught.value
    assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (status, code, message)


@pytest.mark.parametrize("action, version, status, code, message, product", CASES)
@pytest.mark.parametrize("v1", [False, True], ids=["tea_v3", "tea_v1"])
def test_tea_call_api(havip, v1, action, version, status, code, message, product):
    """The Tea SDK's generic call_api (V3 do_request or V1 do_rpcrequest) with any version; the
    error's data is the envelope as parsed, Recommend included."""
    client = TeaClient(tea_config(havip, v1=v1))
    params = tea_models.Params(action=action, version=version, protocol="HTTP", pathname="/", method="POST",
                               auth_type="AK", style="RPC", req_body_type="formData", body_type="json")
    with pytest.raises(AlibabaCloudException) as caught:
        client.call_api(params, tea_models.OpenApiRequest(query=dict(REGION)), RuntimeOptions())
    err = caught.value
    assert (err.status_code, err.code, err.data["Message"]) == (status, code, message)
    assert err.data["Recommend"] == recommend(code, product, err.request_id)


def test_errors_before_the_action_is_found_name_the_versions_product(raw):
    """The version is read before anything can fail: a request with ECS's version and no action,
    or STS's with a bad Format, names its product."""
    req = v1_request("DescribeInstances", REGION, version="2014-05-26")
    del req.query["Action"]
    assert_json_error(raw.send(req.resign_v1()), 400, "MissingParameter", missing_parameter("Action"), product="Ecs")
    req = v1_request("GetCallerIdentity", version="2015-04-01", fmt="YAML")
    body = assert_json_error(raw.send(req), 400, "InvalidParameter", product="Sts")
    assert json.dumps(body)  # a JSON envelope although YAML was asked for


def test_an_action_parameter_and_header_that_differ(raw):
    """Both named, differently: InvalidParameter "Action or Version", in the version's product."""
    req = v3_request(raw.endpoint, "DescribeInstances", {"Action": "DescribeSecurityGroups", **REGION}, version="2014-05-26")
    assert_json_error(raw.send(req), 400, "InvalidParameter", ACTION_OR_VERSION, product="Ecs")
