"""The official SDK client paths, built against a havip endpoint, behind one interface.

Three client paths are exercised, as the spec (section 1.2) describes them:

* ``tea_v3``: the Tea SDK default, ACS3-HMAC-SHA256 (``alibabacloud_<product>``).
* ``tea_v1``: the Tea SDK with ``Config(signature_algorithm='v2')``, RPC V1 HMAC-SHA1.
* ``core``:   the old ``aliyunsdkcore`` ``AcsClient`` with ``aliyunsdk<product>`` request
  classes, RPC V1 HMAC-SHA1.

``SdkPath.call(action, **params)`` runs one API through the real SDK request model and
method, returns the parsed body, and turns the SDK's error into an ``ApiError`` so tests
can assert on code, HTTP status and message the same way on every path.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from typing import Any, Dict, Optional

import aliyunsdkcore.utils.parameter_helper as core_parameter_helper
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.utils import Utils as TeaUtils
from alibabacloud_tea_openapi.utils_models import Config
from aliyunsdkcore.acs_exception.exceptions import ServerException as CoreServerException
from aliyunsdkcore.client import AcsClient
from darabonba.runtime import RuntimeOptions

from .server import TEST_KEY, AccessKey, Endpoint

PATHS = ("tea_v3", "tea_v1", "core")
DEFAULT_REGION = "cn-hangzhou"


@dataclass(frozen=True)
class Product:
    tea_package: str   # holds ``client.Client`` and ``models``
    core_package: str  # holds one ``<Action>Request`` module per API


PRODUCTS = {
    "vpc": Product("alibabacloud_vpc20160428", "aliyunsdkvpc.request.v20160428"),
    "ecs": Product("alibabacloud_ecs20140526", "aliyunsdkecs.request.v20140526"),
    "sts": Product("alibabacloud_sts20150401", "aliyunsdksts.request.v20150401"),
}


# ------------------------------------------------------------------ client builders


def tea_config(endpoint: Endpoint, key: AccessKey = TEST_KEY, *, v1: bool = False) -> Config:
    config = Config(
        access_key_id=key.id,
        access_key_secret=key.secret,
        endpoint=endpoint.netloc,
        protocol="http",
        region_id=DEFAULT_REGION,
    )
    if v1:
        config.signature_algorithm = "v2"  # selects do_rpcrequest: RPC V1, HMAC-SHA1
    return config


def tea_client(product: str, endpoint: Endpoint, key: AccessKey = TEST_KEY, *, v1: bool = False):
    """``alibabacloud_<product>.client.Client`` pointed at havip."""
    module = importlib.import_module(f"{PRODUCTS[product].tea_package}.client")
    return module.Client(tea_config(endpoint, key, v1=v1))


def core_client(endpoint: Endpoint, key: AccessKey = TEST_KEY) -> AcsClient:
    """``AcsClient``; each request must also go through ``core_prepare``."""
    return AcsClient(key.id, key.secret, DEFAULT_REGION, port=endpoint.port)


def core_prepare(request, endpoint: Endpoint):
    """Point one ``aliyunsdk*`` request at havip (the documented custom-endpoint way)."""
    request.set_endpoint(endpoint.host)
    request.set_protocol_type("http")
    return request


def core_call(client: AcsClient, request, endpoint: Endpoint) -> Dict[str, Any]:
    """``do_action_with_exception`` on a prepared request; the parsed JSON body."""
    return json.loads(client.do_action_with_exception(core_prepare(request, endpoint)))


# ----------------------------------------------------------------- uniform interface


class ApiError(Exception):
    """An error response as one SDK path reported it."""

    def __init__(self, path: str, code: str, status: int, message: str,
                 request_id: Optional[str], original: Exception):
        super().__init__(f"[{path}] HTTP {status} {code}: {message} (RequestId {request_id})")
        self.path = path
        self.code = code
        self.status = status
        self.message = message
        self.request_id = request_id
        self.original = original


@dataclass
class Reply:
    body: Dict[str, Any]
    status: Optional[int] = None           # the old core does not expose these two
    headers: Optional[Dict[str, str]] = None
    # The JSON body exactly as parsed from the wire (Tea's ``body`` went through the SDK's
    # response model, which drops fields it does not know): what field-type checks look at.
    raw: Optional[Dict[str, Any]] = None


class SdkPath:
    """One client path for one product and key; see the module docstring."""

    kind: str  # "tea" or "core"

    def __init__(self, name: str, product: str, endpoint: Endpoint, key: AccessKey):
        self.name = name
        self.product = product
        self.endpoint = endpoint
        self.key = key

    def __repr__(self) -> str:
        return f"<{self.name} {self.product} {self.key.id}@{self.endpoint.netloc}>"

    def call(self, action: str, **params: Any) -> Reply:
        raise NotImplementedError

    def freeze_nonce(self, monkeypatch, nonce: str) -> None:
        """Make the SDK sign every request with ``nonce`` until the test ends."""
        raise NotImplementedError

    def freeze_timestamp(self, monkeypatch, timestamp: str) -> None:
        """Make the SDK stamp every request with ``timestamp`` until the test ends."""
        raise NotImplementedError


class TeaPath(SdkPath):
    kind = "tea"

    def __init__(self, name: str, product: str, endpoint: Endpoint, key: AccessKey):
        super().__init__(name, product, endpoint, key)
        self.client = tea_client(product, endpoint, key, v1=(name == "tea_v1"))
        self.models = importlib.import_module(f"{PRODUCTS[product].tea_package}.models")
        self._last_raw: Optional[Dict[str, Any]] = None
        call_api = self.client.call_api

        def recording_call_api(params, request, runtime):
            # Every generated ``*_with_options`` method goes through call_api, which returns
            # {'body': <parsed JSON>, 'headers': ..., 'statusCode': ...} before the model sees it.
            result = call_api(params, request, runtime)
            self._last_raw = result.get("body") if isinstance(result, dict) else None
            return result

        self.client.call_api = recording_call_api

    def _method(self, action: str):
        # describe_zones_with_options, describe_ha_vips_with_options, describe_vswitches_...
        wanted = f"{action}WithOptions".lower()
        for attr in dir(type(self.client)):
            if attr.replace("_", "").lower() == wanted:
                return getattr(self.client, attr)
        raise AttributeError(f"{type(self.client).__module__} has no method for {action}")

    def _request(self, action: str, params: Dict[str, Any]):
        model = getattr(self.models, f"{action}Request", None)
        if model is None:
            if params:
                raise TypeError(f"{action} takes no parameters in the Tea SDK")
            return None
        request = model().from_map(params)
        unknown = set(params) - set(request.to_map())
        if unknown:
            raise TypeError(f"{action}Request has no field(s) {sorted(unknown)}")
        return request

    def call(self, action: str, **params: Any) -> Reply:
        method, request = self._method(action), self._request(action, params)
        args = (RuntimeOptions(),) if request is None else (request, RuntimeOptions())
        self._last_raw = None
        try:
            response = method(*args)
        except AlibabaCloudException as e:
            data = e.data or {}
            raise ApiError(self.name, e.code, e.status_code, data.get("Message"),
                           e.request_id, e) from None
        return Reply(response.body.to_map(), response.status_code, response.headers, self._last_raw)

    def freeze_nonce(self, monkeypatch, nonce: str) -> None:
        # Both do_request (V3 x-acs-signature-nonce) and do_rpcrequest (V1 SignatureNonce)
        # call alibabacloud_tea_openapi.utils.Utils.get_nonce().
        monkeypatch.setattr(TeaUtils, "get_nonce", staticmethod(lambda: nonce))

    def freeze_timestamp(self, monkeypatch, timestamp: str) -> None:
        # V3 x-acs-date and V1 Timestamp both come from Utils.get_timestamp().
        monkeypatch.setattr(TeaUtils, "get_timestamp", staticmethod(lambda: timestamp))


class CorePath(SdkPath):
    kind = "core"

    def __init__(self, name: str, product: str, endpoint: Endpoint, key: AccessKey):
        super().__init__(name, product, endpoint, key)
        self.client = core_client(endpoint, key)

    def _request(self, action: str, params: Dict[str, Any]):
        module = importlib.import_module(f"{PRODUCTS[self.product].core_package}.{action}Request")
        request = getattr(module, f"{action}Request")()
        for name, value in params.items():
            setter = getattr(request, f"set_{name}", None)
            if setter is None and isinstance(value, list):
                # Repeat lists are set with a plural: Tag → set_Tags, ResourceId → set_ResourceIds,
                # Filter → set_Filters, and DescribeHaVips' Tags → set_Tagss.
                setter = getattr(request, f"set_{name}s", None)
            if setter is not None:
                setter(value)
            elif name == "RegionId":
                # Most aliyunsdk* classes have no RegionId setter: the client fills in its
                # own region unless the query already holds one.
                request.add_query_param(name, value)
            else:
                raise TypeError(f"{action}Request has no setter for {name}")
        return request

    def call(self, action: str, **params: Any) -> Reply:
        request = self._request(action, params)
        try:
            body = core_call(self.client, request, self.endpoint)
        except CoreServerException as e:
            raise ApiError(self.name, e.get_error_code(), e.get_http_status(),
                           e.get_error_msg(), e.get_request_id(), e) from None
        return Reply(body, raw=body)

    def freeze_nonce(self, monkeypatch, nonce: str) -> None:
        # rpc_signature_composer reads helper.get_uuid() at call time for SignatureNonce.
        monkeypatch.setattr(core_parameter_helper, "get_uuid", lambda: nonce)

    def freeze_timestamp(self, monkeypatch, timestamp: str) -> None:
        # ... and helper.get_iso_8061_date() for Timestamp.
        monkeypatch.setattr(core_parameter_helper, "get_iso_8061_date", lambda: timestamp)


def make_path(name: str, endpoint: Endpoint, *, product: str = "vpc",
              key: AccessKey = TEST_KEY) -> SdkPath:
    if name not in PATHS:
        raise ValueError(f"unknown client path {name!r}; one of {PATHS}")
    cls = CorePath if name == "core" else TeaPath
    return cls(name, product, endpoint, key)
