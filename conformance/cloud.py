"""The emulated cloud through one client path: VPC and ECS calls by action name, a network
built for a test (VPC, vSwitch, security group, instances), HaVip helpers, and waiting for
HaVip transitions by polling with a deadline (never a fixed sleep)."""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import pytest

from .expect import Err, assert_err
from .sdk import ApiError, Reply, SdkPath, make_path
from .server import TEST_KEY, AccessKey, Endpoint

REGION = "cn-hangzhou"
ZONE = "cn-hangzhou-h"
OTHER_ZONE = "cn-hangzhou-i"
IMAGE_ID = "aliyun_3_x64_20G_alibase_20240819.vhd"
INSTANCE_TYPE = "ecs.g7.large"
VPC_CIDR = "192.168.0.0/16"
VSWITCH_CIDR = "192.168.1.0/24"
USABLE_IN_24 = 252  # a /24 less its first address and its last three

ECS_ACTIONS = frozenset({
    "CreateSecurityGroup", "DescribeSecurityGroups", "DeleteSecurityGroup", "RunInstances",
    "CreateInstance", "DescribeInstances", "StartInstance", "StopInstance", "DeleteInstance",
    "CreateNetworkInterface", "DescribeNetworkInterfaces", "DeleteNetworkInterface",
    "DescribeInstanceAttribute", "ModifyInstanceAttribute", "DescribeInstanceMaintenanceAttributes",
    "DescribeInstanceAttachmentAttributes", "DescribeUserData", "DescribeInstanceRamRole", "DescribeDisks",
    "RebootInstance", "DescribeInstanceTypes", "DescribeImages", "DescribeImageSupportInstanceTypes",
    "DescribeAvailableResource", "DescribeSecurityGroupAttribute", "ModifySecurityGroupAttribute",
    "AuthorizeSecurityGroup", "RevokeSecurityGroup", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupEgress",
    "JoinSecurityGroup", "LeaveSecurityGroup", "UntagResources", "AttachNetworkInterface", "DetachNetworkInterface",
    "ModifyNetworkInterfaceAttribute",
})
# ECS actions whose Tea request models have no RegionId (the server finds the instance's region, or needs none).
REGIONLESS = frozenset({"StartInstance", "StopInstance", "DeleteInstance", "DescribeInstanceAttribute",
                        "ModifyInstanceAttribute", "RebootInstance", "DescribeInstanceTypes"})

WAIT_TIMEOUT = 15.0
POLL_INTERVAL = 0.05

HAVIP_ID = re.compile(r"^havip-[0-9a-z]{22}$")
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def poll(check: Callable[[], Any], what: str, timeout: float = WAIT_TIMEOUT) -> Any:
    """Calls ``check`` until it returns something truthy (returned) or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        last = check()
        if last:
            return last
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(POLL_INTERVAL)


def unique(prefix: str = "t") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


FilterSpec = Union[Mapping[str, Union[str, Sequence[str]]], Sequence[Tuple[str, Sequence[str]]]]


def filter_param(filters: FilterSpec) -> List[Dict[str, Any]]:
    """``{"VpcId": "vpc-1", "Status": ["Available", "InUse"]}`` (or pairs, to repeat a key) as the
    SDKs' ``Filter`` list: ``[{"Key": "VpcId", "Value": ["vpc-1"]}, ...]``."""
    items = filters.items() if isinstance(filters, Mapping) else filters
    return [{"Key": key, "Value": [values] if isinstance(values, str) else list(values)}
            for key, values in items]


@dataclass
class Network:
    """What a HaVip test stands on: a VPC with one vSwitch, a security group, instances in it."""
    vpc_id: str
    vswitch_id: str
    vswitch_cidr: str
    sg_id: str
    instance_ids: List[str] = field(default_factory=list)

    def address(self, host: int) -> str:
        """The address ``host`` of the vSwitch's /24 (``address(10)`` → ``192.168.1.10``)."""
        return self.vswitch_cidr.rsplit(".", 1)[0] + f".{host}"


class Cloud:
    """VPC and ECS through one client path (``tea_v3``, ``tea_v1`` or ``core``) for one account."""

    def __init__(self, path: str, endpoint: Endpoint, key: AccessKey = TEST_KEY):
        self.path = path
        self.endpoint = endpoint
        self.key = key
        self.vpc: SdkPath = make_path(path, endpoint, product="vpc", key=key)
        self.ecs: SdkPath = make_path(path, endpoint, product="ecs", key=key)

    def __repr__(self) -> str:
        return f"<Cloud {self.path} {self.key.id}@{self.endpoint.netloc}>"

    # ------------------------------------------------------------------------- calls

    def reply(self, action: str, *, ecs: Optional[bool] = None, **params: Any) -> Reply:
        """One call; ``RegionId`` defaults to cn-hangzhou (pass ``RegionId=None`` to send none). The product is
        ECS for the ECS-only actions, VPC for the others; ``ecs=True`` picks ECS for the names both have
        (DescribeRegions, DescribeZones, TagResources, ListTagResources)."""
        if action not in REGIONLESS and not (ecs and action == "DescribeRegions"):
            params.setdefault("RegionId", REGION)
        params = {k: v for k, v in params.items() if v is not None}
        sdk = self.ecs if (ecs if ecs is not None else action in ECS_ACTIONS) else self.vpc
        return sdk.call(action, **params)

    def call(self, action: str, **params: Any) -> Dict[str, Any]:
        """The JSON body as it came off the wire."""
        reply = self.reply(action, **params)
        return reply.raw if reply.raw is not None else reply.body

    def error(self, action: str, **params: Any) -> ApiError:
        with pytest.raises(ApiError) as e:
            self.reply(action, **params)
        return e.value

    def fails(self, expected: Err, action: str, **params: Any) -> ApiError:
        """Runs the call and asserts it fails with exactly ``expected`` (status, code, message)."""
        err = self.error(action, **params)
        assert_err(err, expected)
        return err

    # ------------------------------------------------------------------ building blocks

    def create_vpc(self, cidr: str = VPC_CIDR, **params: Any) -> str:
        return self.call("CreateVpc", CidrBlock=cidr, **params)["VpcId"]

    def create_vswitch(self, vpc_id: str, cidr: str = VSWITCH_CIDR, zone: str = ZONE, **params: Any) -> str:
        return self.call("CreateVSwitch", VpcId=vpc_id, ZoneId=zone, CidrBlock=cidr, **params)["VSwitchId"]

    def create_security_group(self, vpc_id: str, **params: Any) -> str:
        return self.call("CreateSecurityGroup", VpcId=vpc_id, **params)["SecurityGroupId"]

    def run_instances(self, vswitch_id: str, sg_id: str, amount: int = 1, **params: Any) -> List[str]:
        body = self.call("RunInstances", VSwitchId=vswitch_id, SecurityGroupId=sg_id, Amount=amount,
                         ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, **params)
        ids = body["InstanceIdSets"]["InstanceIdSet"]
        assert len(ids) == amount, body
        return ids

    def create_eni(self, vswitch_id: str, sg_id: str, **params: Any) -> str:
        return self.call("CreateNetworkInterface", VSwitchId=vswitch_id, SecurityGroupId=sg_id,
                         **params)["NetworkInterfaceId"]

    def build(self, instances: int = 2, vpc_cidr: str = VPC_CIDR,
              vswitch_cidr: str = VSWITCH_CIDR) -> Network:
        """A fresh VPC, vSwitch, security group and ``instances`` running instances."""
        vpc_id = self.create_vpc(vpc_cidr)
        vswitch_id = self.create_vswitch(vpc_id, vswitch_cidr)
        sg_id = self.create_security_group(vpc_id)
        ids = self.run_instances(vswitch_id, sg_id, instances) if instances else []
        return Network(vpc_id, vswitch_id, vswitch_cidr, sg_id, ids)

    def allocate_eip(self, **params: Any) -> Tuple[str, str]:
        body = self.call("AllocateEipAddress", **params)
        return body["AllocationId"], body["EipAddress"]

    def vswitch(self, vswitch_id: str) -> Dict[str, Any]:
        items = self.call("DescribeVSwitches", VSwitchId=vswitch_id)["VSwitches"]["VSwitch"]
        assert len(items) == 1, items
        return items[0]

    def eip(self, allocation_id: str) -> Dict[str, Any]:
        items = self.call("DescribeEipAddresses", AllocationId=allocation_id)["EipAddresses"]["EipAddress"]
        assert len(items) == 1, items
        return items[0]

    def instance(self, instance_id: str) -> Optional[Dict[str, Any]]:
        items = self.call("DescribeInstances", InstanceIds=f'["{instance_id}"]')["Instances"]["Instance"]
        return items[0] if items else None

    # --------------------------------------------------------------------------- HaVips

    def create_havip(self, vswitch_id: str, *, wait: bool = True, **params: Any) -> Dict[str, Any]:
        """CreateHaVip's body (``HaVipId``, ``IpAddress``); by default waits for Available."""
        body = self.call("CreateHaVip", VSwitchId=vswitch_id, **params)
        if wait:
            self.wait_havip(body["HaVipId"], "Available")
        return body

    def describe_havips(self, filters: Optional[FilterSpec] = None, tags: Optional[Mapping[str, Optional[str]]] = None,
                        **params: Any) -> Dict[str, Any]:
        if filters is not None:
            params["Filter"] = filter_param(filters)
        if tags is not None:
            params["Tags"] = [{"Key": k} if v is None else {"Key": k, "Value": v} for k, v in tags.items()]
        return self.call("DescribeHaVips", **params)

    def havips(self, filters: Optional[FilterSpec] = None, **params: Any) -> List[Dict[str, Any]]:
        return self.describe_havips(filters, **params)["HaVips"]["HaVip"]

    def havip_ids(self, filters: Optional[FilterSpec] = None, **params: Any) -> List[str]:
        """Every matching HaVip ID, over all pages (a shared server may hold many)."""
        ids: List[str] = []
        page = 1
        while True:
            body = self.describe_havips(filters, PageSize=50, PageNumber=page, **params)
            ids += [h["HaVipId"] for h in body["HaVips"]["HaVip"]]
            if page * 50 >= body["TotalCount"]:
                return ids
            page += 1

    def havip(self, havip_id: str) -> Optional[Dict[str, Any]]:
        items = self.havips({"HaVipId": havip_id})
        assert len(items) <= 1, items
        return items[0] if items else None

    def wait_havip(self, havip_id: str, status: str, timeout: float = WAIT_TIMEOUT) -> Dict[str, Any]:
        def check():
            item = self.havip(havip_id)
            assert item is not None, f"{havip_id} vanished while waiting for {status}"
            return item if item["Status"] == status else None
        return poll(check, f"{havip_id} to be {status}", timeout)

    def wait_havip_gone(self, havip_id: str, timeout: float = WAIT_TIMEOUT) -> None:
        poll(lambda: self.havip(havip_id) is None, f"{havip_id} to be gone", timeout)

    def associate(self, havip_id: str, instance_id: str, *, wait: bool = True, **params: Any) -> Dict[str, Any]:
        self.call("AssociateHaVip", HaVipId=havip_id, InstanceId=instance_id, **params)
        return self.wait_havip(havip_id, "InUse") if wait else {}

    def unassociate(self, havip_id: str, instance_id: str, *, wait: Optional[str] = None,
                    **params: Any) -> Dict[str, Any]:
        """``wait``: the status to wait for afterwards (``InUse`` or ``Available``)."""
        self.call("UnassociateHaVip", HaVipId=havip_id, InstanceId=instance_id, **params)
        return self.wait_havip(havip_id, wait) if wait else {}


def dotted(path: str, params: Mapping[str, Any]) -> Dict[str, Any]:
    """Parameters with dotted wire names (``SystemDisk.Category``) as each SDK takes them: nested
    (``SystemDisk={"Category": …}``) for the Tea models, one setter (``SystemDiskCategory``) for the old core."""
    out: Dict[str, Any] = {}
    for name, value in params.items():
        if "." not in name:
            out[name] = value
        elif path == "core":
            out[name.replace(".", "")] = value
        else:
            outer, inner = name.split(".", 1)
            out.setdefault(outer, {})[inner] = value
    return out


# ------------------------------------------------------------------ response shapes

# Every field of a DescribeHaVips item and its JSON type; lists are wrapped objects.
HAVIP_STRING_FIELDS = (
    "HaVipId", "RegionId", "VpcId", "VSwitchId", "IpAddress", "Status", "Name", "Description",
    "CreateTime", "ResourceGroupId", "MasterInstanceId", "AssociatedInstanceType", "ChargeType",
)
HAVIP_LIST_FIELDS = {
    "AssociatedInstances": "associatedInstance",
    "AssociatedEipAddresses": "associatedEipAddresse",
    "Tags": "Tag",
}


def check_havip_item(item: Dict[str, Any]) -> None:
    """Every field present, with its JSON type; wrapped lists hold strings (tags: Key/Value)."""
    assert set(item) == set(HAVIP_STRING_FIELDS) | set(HAVIP_LIST_FIELDS), sorted(item)
    for name in HAVIP_STRING_FIELDS:
        assert isinstance(item[name], str), (name, item[name])
    for name, inner in HAVIP_LIST_FIELDS.items():
        wrapper = item[name]
        assert isinstance(wrapper, dict) and set(wrapper) == {inner}, (name, wrapper)
        assert isinstance(wrapper[inner], list), (name, wrapper)
    for value in item["AssociatedInstances"]["associatedInstance"] + item["AssociatedEipAddresses"]["associatedEipAddresse"]:
        assert isinstance(value, str), item
    for tag in item["Tags"]["Tag"]:
        assert set(tag) == {"Key", "Value"} and all(isinstance(v, str) for v in tag.values()), tag
    assert HAVIP_ID.match(item["HaVipId"]), item["HaVipId"]
    assert TIMESTAMP.match(item["CreateTime"]), item["CreateTime"]
    assert item["ChargeType"] == "", item


def check_havip_page(body: Dict[str, Any], total: int, page_number: int, page_size: int) -> List[Dict[str, Any]]:
    """The DescribeHaVips envelope: integers and the wrapped list; returns the items."""
    assert set(body) == {"RequestId", "TotalCount", "PageNumber", "PageSize", "HaVips"}, sorted(body)
    assert (body["TotalCount"], body["PageNumber"], body["PageSize"]) == (total, page_number, page_size), body
    assert all(type(body[k]) is int for k in ("TotalCount", "PageNumber", "PageSize")), body
    assert set(body["HaVips"]) == {"HaVip"} and isinstance(body["HaVips"]["HaVip"], list), body
    for item in body["HaVips"]["HaVip"]:
        check_havip_item(item)
    return body["HaVips"]["HaVip"]


def tags_of(item: Dict[str, Any]) -> Dict[str, str]:
    return {t["Key"]: t["Value"] for t in item["Tags"]["Tag"]}


def ids(items: Iterable[Dict[str, Any]], key: str = "HaVipId") -> List[str]:
    return [i[key] for i in items]
