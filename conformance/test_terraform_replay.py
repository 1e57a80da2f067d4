"""The calls the Alibaba Cloud Terraform provider makes for a typical HaVip configuration, replayed
request by request through the official Python SDKs: ``terraform apply``, a ``terraform refresh`` and
``terraform destroy`` of

    resource "alicloud_vpc"              "vpc"    { vpc_name = "tf-havip", cidr_block = "172.16.0.0/12" }
    resource "alicloud_vswitch"          "vsw"    { vpc_id, cidr_block = "172.16.0.0/21", zone_id, vswitch_name }
    resource "alicloud_security_group"   "sg"     { security_group_name, vpc_id }
    resource "alicloud_instance"         "ecs"    { image_id, instance_type, vswitch_id, security_groups, instance_name }
    resource "alicloud_havip"            "havip"  { vswitch_id, havip_name, description }
    resource "alicloud_havip_attachment" "att"    { havip_id, instance_id }
    resource "alicloud_eip_address"      "eip"    { address_name, bandwidth, internet_charge_type }
    resource "alicloud_eip_association"  "assoc"  { allocation_id, instance_id = havip, instance_type = "HaVip" }
    resource "alicloud_route_entry"      "route"  { route_table_id = vpc.route_table_id, destination_cidrblock,
                                                    nexthop_type = "HaVip", nexthop_id = havip }

Read from github:aliyun/terraform-provider-alicloud (alicloud/resource_alicloud_{vpc,vswitch,security_group,
instance,havip,havip_attachment,eip_address,eip_association,route_entry}.go and the Describe/wait
functions of service_alicloud_{vpc,vpc_v2,ecs,eip_v2}.go). The provider calls in two ways, and so does the
replay:

* ``client.RpcPost(product, version, action, query, request)``: tea-rpc's DoRequest, V1 (HMAC-SHA1), the
  common parameters in the query and the request map as a form body (nested maps and lists flattened
  ``Filter.1.Value.1``). Here: ``alibabacloud_tea_openapi`` ``Client.do_rpcrequest`` with the same maps.
* the old Go SDK's typed requests (``vpc.CreateDescribeRouteTablesRequest()``, ``ecs.CreateDeleteInstanceRequest()``):
  V1, every parameter in the query of a POST. Here: ``aliyunsdkcore`` ``CommonRequest``.

Waits (``BuildStateConf``, ``WaitFor*``) poll as the provider does, with a shorter interval. The provider takes
any 404 as "not found" (``NotFoundError``), which its delete waits rely on.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any, Callable, Dict, List, Optional

import pytest
from alibabacloud_tea_openapi.client import Client as OpenApiClient
from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
from alibabacloud_tea_openapi.utils_models import Config, OpenApiRequest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import CommonRequest
from darabonba.runtime import RuntimeOptions

from .cloud import IMAGE_ID, INSTANCE_TYPE, REGION, ZONE
from .server import TEST_KEY

VPC = ("Vpc", "2016-04-28")
ECS = ("Ecs", "2014-05-26")
POLL = 0.05
TIMEOUT = 20.0


class ProviderError(Exception):
    def __init__(self, code: str, status: int, message: str):
        super().__init__(f"HTTP {status} {code}: {message}")
        self.code, self.status, self.message = code, status, message


def not_found(error: ProviderError) -> bool:
    """alicloud/errors.go NotFoundError: any 404 (or a code the call names)."""
    return error.status == 404


def client_token(action: str) -> str:
    """buildClientToken: a fresh token per call."""
    return f"TF-{action}-{uuid.uuid4().hex[:20]}"


class Provider:
    """The provider's two ways of calling, pointed at havip, and the record of every call made."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.rpc = OpenApiClient(Config(access_key_id=TEST_KEY.id, access_key_secret=TEST_KEY.secret,
                                        endpoint=endpoint.netloc, protocol="http", region_id=REGION))
        self.sdk = AcsClient(TEST_KEY.id, TEST_KEY.secret, REGION, port=endpoint.port)
        self.calls: List[str] = []

    def rpc_post(self, api, action: str, request: Dict[str, Any], query: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
        """client.RpcPost: tea-rpc DoRequest (V1, query + form body)."""
        self.calls.append(action)
        try:
            return self.rpc.do_rpcrequest(action, api[1], "HTTP", "POST", "AK", "json",
                                          OpenApiRequest(query=query or {}, body=request), RuntimeOptions())["body"]
        except AlibabaCloudException as e:
            raise ProviderError(e.code, e.status_code, (e.data or {}).get("Message", "")) from None

    def go_sdk(self, api, action: str, **params: Any) -> Dict[str, Any]:
        """A typed request of the old Go SDK: every parameter in the query of a POST."""
        self.calls.append(action)
        request = CommonRequest(domain=self.endpoint.host, version=api[1], action_name=action, product=api[0])
        request.set_protocol_type("http")
        request.set_method("POST")
        request.set_accept_format("json")
        for name, value in params.items():
            request.add_query_param(name, value)
        try:
            return json.loads(self.sdk.do_action_with_exception(request))
        except ServerException as e:
            raise ProviderError(e.get_error_code(), e.get_http_status(), e.get_error_msg()) from None

    def wait(self, refresh: Callable[[], Optional[str]], targets: List[str], what: str) -> None:
        """BuildStateConf(...).WaitForState(): refresh until the state is a target ("" is gone)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            state = refresh()
            if state in targets:
                return
            assert time.monotonic() < deadline, f"{what}: still {state!r}, waiting for {targets}"
            time.sleep(POLL)

    # ----------------------------------------------------------------- service functions

    def describe_vpc(self, vpc_id: str) -> Optional[Dict[str, Any]]:
        """VpcServiceV2.DescribeVpcVpc: DescribeVpcAttribute; an empty VpcId or a 404 is not found."""
        try:
            body = self.rpc_post(VPC, "DescribeVpcAttribute", {"VpcId": vpc_id, "RegionId": REGION})
        except ProviderError as e:
            if not_found(e):
                return None
            raise
        return body if body.get("VpcId") else None

    def describe_vpc_route_table(self, vpc_id: str) -> Optional[Dict[str, Any]]:
        """VpcServiceV2.DescribeVpcDescribeRouteTableList: the VPC's System table."""
        body = self.rpc_post(VPC, "DescribeRouteTableList", {"VpcId": vpc_id, "RegionId": REGION})
        for item in body["RouterTableList"]["RouterTableListType"]:
            if item["RouteTableType"] == "System" and item["VpcId"] == vpc_id:
                return item
        return None

    def describe_vswitch(self, vswitch_id: str) -> Optional[Dict[str, Any]]:
        """VpcServiceV2.DescribeVpcVswitch: DescribeVSwitchAttributes (VSwitchId in the query)."""
        try:
            body = self.rpc_post(VPC, "DescribeVSwitchAttributes", {"RegionId": REGION}, query={"VSwitchId": vswitch_id})
        except ProviderError as e:
            if not_found(e):
                return None
            raise
        return body if body.get("Status") else None

    def describe_security_group(self, group_id: str) -> Optional[Dict[str, Any]]:
        """EcsService.DescribeSecurityGroup: DescribeSecurityGroupAttribute (Go SDK)."""
        try:
            body = self.go_sdk(ECS, "DescribeSecurityGroupAttribute", SecurityGroupId=group_id, RegionId=REGION)
        except ProviderError as e:
            if e.code == "InvalidSecurityGroupId.NotFound" or not_found(e):
                return None
            raise
        return body if body.get("SecurityGroupId") == group_id else None

    def describe_instance(self, instance_id: str) -> Optional[Dict[str, Any]]:
        """EcsService.DescribeInstance: DescribeInstances by one ID with AdditionalAttributes (Go SDK)."""
        body = self.go_sdk(ECS, "DescribeInstances", RegionId=REGION, InstanceIds=json.dumps([instance_id]),
                           **{f"AdditionalAttributes.{n}": v for n, v in enumerate(
                               ["META_OPTIONS", "NETWORK_PRIMARY_ENI_IP", "LOGIN_AS_NON_ROOT", "DISK_HIGH_DENSITY_MODE"], 1)})
        items = body["Instances"]["Instance"]
        return items[0] if items and items[0]["InstanceId"] == instance_id else None

    def describe_havip(self, havip_id: str) -> Optional[Dict[str, Any]]:
        """VpcService.DescribeHavip: every HaVip, 20 a page, until the ID turns up."""
        page = 1
        while True:
            try:
                body = self.rpc_post(VPC, "DescribeHaVips", {"RegionId": REGION, "PageNumber": page, "PageSize": 20})
            except ProviderError as e:
                if e.code in ("InvalidFilterKey.ValueNotSupported", "InvalidHaVipId.NotFound", "InvalidRegionId.NotFound"):
                    return None
                raise
            items = body["HaVips"]["HaVip"]
            for item in items:
                if item["HaVipId"] == havip_id:
                    return item
            if len(items) < 20:
                return None
            page += 1

    def describe_havip_attachment(self, havip_id: str, instance_id: str) -> Optional[Dict[str, Any]]:
        """VpcServiceV2.DescribeVpcHaVipAttachment: DescribeHaVips with the filter built by sjson."""
        body = self.rpc_post(VPC, "DescribeHaVips", {"Filter": [{"Value": [havip_id], "Key": "HaVipId"}], "RegionId": REGION})
        for item in body["HaVips"]["HaVip"]:
            if item["HaVipId"] == havip_id and instance_id in item["AssociatedInstances"]["associatedInstance"]:
                return item
        return None

    def describe_eip(self, allocation_id: str) -> Optional[Dict[str, Any]]:
        """EipServiceV2.DescribeEipAddress: DescribeEipAddresses (AllocationId and RegionId in the query)."""
        body = self.rpc_post(VPC, "DescribeEipAddresses", {}, query={"AllocationId": allocation_id, "RegionId": REGION})
        items = body["EipAddresses"]["EipAddress"]
        return items[0] if items else None

    def describe_eip_association(self, allocation_id: str, instance_id: str) -> Optional[Dict[str, Any]]:
        """EipServiceV2.DescribeEipAssociation: the EIP, bound to that instance."""
        item = self.describe_eip(allocation_id)
        return item if item and item["InstanceId"] == instance_id else None

    def route_table(self, table_id: str) -> Dict[str, Any]:
        """VpcService.QueryRouteTableById: DescribeRouteTables by ID (Go SDK); an empty page is not found."""
        body = self.go_sdk(VPC, "DescribeRouteTables", RegionId=REGION, RouteTableId=table_id)
        tables = body["RouteTables"]["RouteTable"]
        assert tables and tables[0]["RouteTableId"] == table_id, f"RouteTable {table_id} not found: {body}"
        return tables[0]

    def describe_route_entry(self, table_id: str, cidr: str, hop_type: str, hop_id: str) -> Optional[Dict[str, Any]]:
        """VpcService.DescribeRouteEntry: the table's entry with that destination, next hop type and InstanceId."""
        body = self.go_sdk(VPC, "DescribeRouteTables", RegionId=REGION, RouteTableId=table_id)
        for table in body["RouteTables"]["RouteTable"]:
            for entry in table["RouteEntrys"]["RouteEntry"]:
                if (entry["DestinationCidrBlock"], entry["NextHopType"], entry["InstanceId"]) == (cidr, hop_type, hop_id):
                    return entry
        return None

    def wait_all_route_entries_available(self, table_id: str) -> None:
        """VpcService.WaitForAllRouteEntriesAvailable."""
        self.wait(lambda: "ok" if all(e["Status"] == "Available" for e in self.route_table(table_id)["RouteEntrys"]["RouteEntry"])
                  else "pending", ["ok"], f"routes of {table_id}")


@pytest.fixture
def provider(havip) -> Provider:
    return Provider(havip)


# --------------------------------------------------------------------------- resources


def apply_vpc(p: Provider) -> Dict[str, str]:
    """resourceAliCloudVpcVpcCreate → Update (new: only DescribeRouteTableList) → Read."""
    body = p.rpc_post(VPC, "CreateVpc", {"RegionId": REGION, "ClientToken": client_token("CreateVpc"),
                                         "CidrBlock": "172.16.0.0/12", "VpcName": "tf-havip"})
    vpc_id = body["VpcId"]
    p.wait(lambda: (p.describe_vpc(vpc_id) or {}).get("Status", ""), ["Available"], "alicloud_vpc create")
    assert p.describe_vpc_route_table(vpc_id) is not None
    return read_vpc(p, vpc_id)


def read_vpc(p: Provider, vpc_id: str) -> Dict[str, str]:
    vpc = p.describe_vpc(vpc_id)
    assert vpc is not None and vpc["VpcName"] == "tf-havip" and vpc["CidrBlock"] == "172.16.0.0/12", vpc
    table = p.describe_vpc_route_table(vpc_id)
    assert table is not None and table["RouterId"] == vpc["VRouterId"], table
    return {"id": vpc_id, "route_table_id": table["RouteTableId"], "router_id": table["RouterId"]}


def apply_vswitch(p: Provider, vpc_id: str) -> str:
    body = p.rpc_post(VPC, "CreateVSwitch", {"RegionId": REGION, "ClientToken": client_token("CreateVSwitch"),
                                             "CidrBlock": "172.16.0.0/21", "VpcId": vpc_id, "VSwitchName": "tf-havip",
                                             "ZoneId": ZONE})
    vswitch_id = body["VSwitchId"]
    p.wait(lambda: (p.describe_vswitch(vswitch_id) or {}).get("Status", ""), ["Available"], "alicloud_vswitch create")
    read_vswitch(p, vswitch_id, vpc_id)
    return vswitch_id


def read_vswitch(p: Provider, vswitch_id: str, vpc_id: str) -> None:
    vsw = p.describe_vswitch(vswitch_id)
    assert vsw is not None and (vsw["VpcId"], vsw["ZoneId"], vsw["CidrBlock"]) == (vpc_id, ZONE, "172.16.0.0/21"), vsw


def apply_security_group(p: Provider, vpc_id: str) -> str:
    body = p.rpc_post(ECS, "CreateSecurityGroup", {"RegionId": REGION, "ClientToken": client_token("CreateSecurityGroup"),
                                                   "VpcId": vpc_id, "SecurityGroupName": "tf-havip"})
    group_id = body["SecurityGroupId"]
    assert p.describe_security_group(group_id)["VpcId"] == vpc_id
    return group_id


def apply_instance(p: Provider, vswitch_id: str, group_id: str) -> str:
    """RunInstances, the wait for Running (Pending/Starting/Stopped pending), then the Read."""
    body = p.rpc_post(ECS, "RunInstances", {
        "RegionId": REGION, "ClientToken": client_token("RunInstances"), "InstanceType": INSTANCE_TYPE,
        "ImageId": IMAGE_ID, "ZoneId": ZONE, "SystemDisk": {"Category": "cloud_efficiency", "Size": 40},
        "InstanceName": "tf-havip", "InternetChargeType": "PayByTraffic", "InternetMaxBandwidthOut": 0,
        "InstanceChargeType": "PostPaid", "SecurityEnhancementStrategy": "Active", "VSwitchId": vswitch_id,
        "SecurityGroupIds": [group_id], "Amount": 1})
    instance_id = body["InstanceIdSets"]["InstanceIdSet"][0]
    p.wait(lambda: (p.describe_instance(instance_id) or {}).get("Status", ""), ["Running"], "alicloud_instance create")
    read_instance(p, instance_id, vswitch_id, new=True)
    return instance_id


def read_instance(p: Provider, instance_id: str, vswitch_id: str, *, new: bool) -> None:
    """resourceAliCloudInstanceRead's calls, in order (the RAM role only for a resource that is not new)."""
    instance = p.describe_instance(instance_id)
    assert instance is not None and instance["VpcAttributes"]["VSwitchId"] == vswitch_id, instance
    disks = p.rpc_post(ECS, "DescribeDisks", {"RegionId": REGION, "InstanceId": instance_id, "DiskType": "system"})
    assert len(disks["Disks"]["Disk"]) == 1, disks
    p.go_sdk(ECS, "DescribeUserData", RegionId=REGION, InstanceId=instance_id)
    if not new:
        p.go_sdk(ECS, "DescribeInstanceRamRole", RegionId=REGION, InstanceIds=json.dumps([instance_id]))
    primary = [n for n in instance["NetworkInterfaces"]["NetworkInterface"] if n["Type"] == "Primary"]
    for eni in primary:
        enis = p.rpc_post(ECS, "DescribeNetworkInterfaces", {"RegionId": REGION, "NetworkInterfaceId": [eni["NetworkInterfaceId"]]})
        assert len(enis["NetworkInterfaceSets"]["NetworkInterfaceSet"]) == 1, enis
    maintenance = p.rpc_post(ECS, "DescribeInstanceMaintenanceAttributes", {"RegionId": REGION, "InstanceId": [instance_id]})
    assert len(maintenance["MaintenanceAttributes"]["MaintenanceAttribute"]) == 1, maintenance
    p.go_sdk(ECS, "DescribeInstanceAttribute", InstanceId=instance_id, RegionId=REGION)
    attachments = p.rpc_post(ECS, "DescribeInstanceAttachmentAttributes",
                             {"InstanceIds": f'["{instance_id}"]', "RegionId": REGION})
    assert len(attachments["Instances"]["Instance"]) == 1, attachments
    again = p.rpc_post(ECS, "DescribeInstances", {
        "RegionId": REGION, "InstanceIds": json.dumps([instance_id]),
        "AdditionalAttributes": ["META_OPTIONS", "NETWORK_PRIMARY_ENI_IP", "LOGIN_AS_NON_ROOT", "LOGIN_AS_NON_ROOT",
                                 "CPU_OPTIONS_TOPOLOGY_TYPE"]})
    assert [i["InstanceId"] for i in again["Instances"]["Instance"]] == [instance_id]


def apply_havip(p: Provider, vswitch_id: str) -> str:
    body = p.rpc_post(VPC, "CreateHaVip", {"Description": "tf-havip", "Name": "tf-havip", "RegionId": REGION,
                                           "VSwitchId": vswitch_id})
    havip_id = body["HaVipId"]
    p.wait(lambda: (p.describe_havip(havip_id) or {}).get("Status", ""), ["Available"], "alicloud_havip create")
    assert p.describe_havip(havip_id)["VSwitchId"] == vswitch_id
    return havip_id


def apply_havip_attachment(p: Provider, havip_id: str, instance_id: str) -> None:
    p.rpc_post(VPC, "AssociateHaVip", {"InstanceId": instance_id, "HaVipId": havip_id, "RegionId": REGION,
                                       "ClientToken": client_token("AssociateHaVip")})
    p.wait(lambda: (p.describe_havip_attachment(havip_id, instance_id) or {}).get("Status", ""), ["InUse"],
           "alicloud_havip_attachment create")


def apply_eip(p: Provider) -> str:
    body = p.rpc_post(VPC, "AllocateEipAddress", {"RegionId": REGION, "ClientToken": client_token("AllocateEipAddress"),
                                                  "Bandwidth": "5", "Name": "tf-havip", "InternetChargeType": "PayByTraffic",
                                                  "InstanceChargeType": "PostPaid"})
    allocation_id = body["AllocationId"]
    p.wait(lambda: (p.describe_eip(allocation_id) or {}).get("Status", ""), ["Available", "InUse"], "alicloud_eip_address create")
    return allocation_id


def apply_eip_association(p: Provider, allocation_id: str, havip_id: str) -> None:
    p.rpc_post(VPC, "AssociateEipAddress", {"AllocationId": allocation_id, "InstanceId": havip_id, "RegionId": REGION,
                                            "ClientToken": client_token("AssociateEipAddress"), "InstanceType": "HaVip"})
    assert p.describe_eip_association(allocation_id, havip_id)["Status"] == "InUse"


def apply_route_entry(p: Provider, table_id: str, router_id: str, havip_id: str) -> str:
    """resourceAliyunRouteEntryCreate: the table, every route Available, CreateRouteEntry, the wait."""
    table = p.route_table(table_id)
    assert table["VRouterId"] == router_id
    p.wait_all_route_entries_available(table_id)
    p.go_sdk(VPC, "CreateRouteEntry", RegionId=REGION, RouteTableId=table_id, DestinationCidrBlock="10.99.0.0/16",
             NextHopType="HaVip", NextHopId=havip_id, ClientToken=client_token("CreateRouteEntry"))
    p.wait(lambda: (p.describe_route_entry(table_id, "10.99.0.0/16", "HaVip", havip_id) or {}).get("Status", ""),
           ["Available"], "alicloud_route_entry create")
    return f"{table_id}:{router_id}:10.99.0.0/16:HaVip:{havip_id}"


# ------------------------------------------------------------------------------ destroy


def destroy_route_entry(p: Provider, table_id: str, havip_id: str) -> None:
    p.wait_all_route_entries_available(table_id)
    try:
        p.go_sdk(VPC, "DeleteRouteEntry", RouteTableId=table_id, DestinationCidrBlock="10.99.0.0/16", NextHopId=havip_id,
                 RegionId=REGION)
    except ProviderError as e:
        if e.code != "InvalidRouteEntry.NotFound":
            raise
    p.wait(lambda: (p.describe_route_entry(table_id, "10.99.0.0/16", "HaVip", havip_id) or {}).get("Status", ""),
           [""], "alicloud_route_entry destroy")


def destroy_eip_association(p: Provider, allocation_id: str, havip_id: str) -> None:
    p.rpc_post(VPC, "UnassociateEipAddress", {"AllocationId": allocation_id, "InstanceId": havip_id, "RegionId": REGION,
                                              "ClientToken": client_token("UnassociateEipAddress"), "InstanceType": "HaVip"})
    p.wait(lambda: "" if p.describe_eip_association(allocation_id, havip_id) is None else "bound", [""],
           "alicloud_eip_association destroy")


def destroy_eip(p: Provider, allocation_id: str) -> None:
    p.rpc_post(VPC, "ReleaseEipAddress", {"AllocationId": allocation_id, "RegionId": REGION})
    p.wait(lambda: (p.describe_eip(allocation_id) or {}).get("Status", ""), [""], "alicloud_eip_address destroy")


def destroy_havip_attachment(p: Provider, havip_id: str, instance_id: str) -> None:
    p.rpc_post(VPC, "UnassociateHaVip", {"InstanceId": instance_id, "HaVipId": havip_id, "RegionId": REGION,
                                         "ClientToken": client_token("UnassociateHaVip")})
    p.wait(lambda: "" if p.describe_havip_attachment(havip_id, instance_id) is None else "attached", [""],
           "alicloud_havip_attachment destroy")


def destroy_havip(p: Provider, havip_id: str) -> None:
    """DeleteHaVip retries IncorrectStatus (the unassociation may still be settling), then waits for it to go."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            p.rpc_post(VPC, "DeleteHaVip", {"HaVipId": havip_id, "RegionId": REGION})
            break
        except ProviderError as e:
            if e.code in ("InvalidHaVipId.NotFound", "InvalidRegionId.NotFound"):
                return
            if e.code != "IncorrectStatus" or time.monotonic() > deadline:
                raise
            time.sleep(POLL)
    p.wait(lambda: (p.describe_havip(havip_id) or {}).get("Status", ""), [""], "alicloud_havip destroy")


def destroy_instance(p: Provider, instance_id: str) -> None:
    p.go_sdk(ECS, "DeleteInstance", InstanceId=instance_id, Force="true")
    p.wait(lambda: (p.describe_instance(instance_id) or {}).get("Status", ""), [""], "alicloud_instance destroy")


def destroy_security_group(p: Provider, group_id: str) -> None:
    p.rpc_post(ECS, "DeleteSecurityGroup", {"SecurityGroupId": group_id, "RegionId": REGION})
    assert p.describe_security_group(group_id) is None


def destroy_vswitch(p: Provider, vswitch_id: str) -> None:
    p.rpc_post(VPC, "DeleteVSwitch", {"VSwitchId": vswitch_id, "RegionId": REGION})
    p.wait(lambda: (p.describe_vswitch(vswitch_id) or {}).get("Status", ""), [""], "alicloud_vswitch destroy")


def destroy_vpc(p: Provider, vpc_id: str) -> None:
    p.rpc_post(VPC, "DeleteVpc", {"VpcId": vpc_id, "RegionId": REGION, "ClientToken": client_token("DeleteVpc")})
    p.wait(lambda: (p.describe_vpc(vpc_id) or {}).get("Status", ""), [""], "alicloud_vpc destroy")


# --------------------------------------------------------------------------------- test


def test_apply_refresh_destroy(provider):
    p = provider
    # apply, in dependency order
    vpc = apply_vpc(p)
    vswitch_id = apply_vswitch(p, vpc["id"])
    group_id = apply_security_group(p, vpc["id"])
    instance_id = apply_instance(p, vswitch_id, group_id)
    havip_id = apply_havip(p, vswitch_id)
    apply_havip_attachment(p, havip_id, instance_id)
    allocation_id = apply_eip(p)
    apply_eip_association(p, allocation_id, havip_id)
    apply_route_entry(p, vpc["route_table_id"], vpc["router_id"], havip_id)

    # refresh: every resource's Read finds what apply made
    assert read_vpc(p, vpc["id"]) == vpc
    read_vswitch(p, vswitch_id, vpc["id"])
    assert p.describe_security_group(group_id) is not None
    read_instance(p, instance_id, vswitch_id, new=False)
    havip = p.describe_havip(havip_id)
    assert (havip["Status"], havip["MasterInstanceId"]) == ("InUse", instance_id), havip
    assert p.describe_eip(allocation_id)["IpAddress"] in havip["AssociatedEipAddresses"]["associatedEipAddresse"]
    assert p.describe_havip_attachment(havip_id, instance_id) is not None
    assert p.describe_eip_association(allocation_id, havip_id) is not None
    entry = p.describe_route_entry(vpc["route_table_id"], "10.99.0.0/16", "HaVip", havip_id)
    assert entry is not None and entry["Status"] == "Available", entry

    # destroy, in reverse order, each with its not-found wait
    destroy_route_entry(p, vpc["route_table_id"], havip_id)
    destroy_eip_association(p, allocation_id, havip_id)
    destroy_eip(p, allocation_id)
    destroy_havip_attachment(p, havip_id, instance_id)
    destroy_havip(p, havip_id)
    destroy_instance(p, instance_id)
    destroy_security_group(p, group_id)
    destroy_vswitch(p, vswitch_id)
    destroy_vpc(p, vpc["id"])
    assert "InvalidAction.NotFound" not in p.calls


def test_a_havip_a_route_points_at_is_kept_until_the_route_goes(provider):
    """What a destroy in the wrong order meets: DeleteHaVip refuses while the route exists."""
    p = provider
    vpc = apply_vpc(p)
    vswitch_id = apply_vswitch(p, vpc["id"])
    havip_id = apply_havip(p, vswitch_id)
    apply_route_entry(p, vpc["route_table_id"], vpc["router_id"], havip_id)
    with pytest.raises(ProviderError) as e:
        p.rpc_post(VPC, "DeleteHaVip", {"HaVipId": havip_id, "RegionId": REGION})
    assert (e.value.status, e.value.code) == (400, "DependencyViolation.HaVipReferedByRouteEntry")
    destroy_route_entry(p, vpc["route_table_id"], havip_id)
    destroy_havip(p, havip_id)
    destroy_vswitch(p, vswitch_id)
    destroy_vpc(p, vpc["id"])
