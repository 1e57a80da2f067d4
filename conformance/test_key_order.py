"""Key order on the wire: every object of every Describe answer (VPC and ECS) and of the Create answers
that carry IDs, read from the raw JSON bytes, is in the real service's order (``keyorder.py``: the
``java.util.HashMap`` order of the object's real key set). An XML answer lists its elements in the same
order."""

from __future__ import annotations

import json
from typing import Dict, List, Tuple

import pytest

from . import keyorder
from .cloud import ECS_ACTIONS, IMAGE_ID, INSTANCE_TYPE, REGION, REGIONLESS, ZONE
from .raw import v1_request

ECS_VERSION = "2014-05-26"
VPC_VERSION = "2016-04-28"


def test_the_algorithm_is_javas():
    assert keyorder.hash_code("Aa") == keyorder.hash_code("BB") == 2112
    assert keyorder.hash_code("polygenelubricants") == 0x80000000
    assert keyorder.hash_code("😀") == (0xD83D * 31 + 0xDE00)
    assert [keyorder.capacity(n) for n in (12, 13, 24, 25, 48, 49)] == [16, 32, 32, 64, 64, 128]
    # The DescribeHaVips reference's top level, and a 2020 capture's instance keys around EipAddress.
    assert keyorder.is_ordered(["TotalCount", "HaVips", "PageSize", "RequestId", "PageNumber"], 5)
    assert keyorder.is_ordered(["ImageId", "EipAddress", "HostName", "VlanId"], 55)
    assert not keyorder.is_ordered(["PublicIpAddress", "EipAddress"], 55)


@pytest.fixture
def scene(make_cloud) -> Dict[str, str]:
    """A tagged VPC with a HaVip on an instance, EIPs on both, an ENI and a rule (built through one SDK)."""
    cloud = make_cloud("tea_v3")
    net = cloud.build(instances=2)
    cloud.call("TagResources", ResourceType="VPC", ResourceId=[net.vpc_id], Tag=[{"Key": "env", "Value": "test"}])
    havip = cloud.create_havip(net.vswitch_id)["HaVipId"]
    cloud.associate(havip, net.instance_ids[1])
    vip_eip, _ = cloud.allocate_eip()
    cloud.call("AssociateEipAddress", AllocationId=vip_eip, InstanceId=havip, InstanceType="HaVip")
    eip, _ = cloud.allocate_eip()
    cloud.call("AssociateEipAddress", AllocationId=eip, InstanceId=net.instance_ids[0])
    cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.call("AuthorizeSecurityGroup", SecurityGroupId=net.sg_id, IpProtocol="tcp", PortRange="22/22",
               SourceCidrIp="0.0.0.0/0")
    return {"vpc": net.vpc_id, "vswitch": net.vswitch_id, "sg": net.sg_id, "instance": net.instance_ids[0],
            "havip": havip}


def answers(scene: Dict[str, str]) -> List[Tuple[str, str, Dict[str, str]]]:
    """(product, action, parameters) of every shape."""
    instance = scene["instance"]
    return [
        ("Vpc", "DescribeHaVips", {}),
        ("Vpc", "DescribeVpcs", {}),
        ("Vpc", "DescribeVSwitches", {}),
        ("Vpc", "DescribeEipAddresses", {}),
        ("Vpc", "DescribeRegions", {}),
        ("Vpc", "DescribeZones", {}),
        ("Vpc", "ListTagResources", {"ResourceType": "VPC", "ResourceId.1": scene["vpc"]}),
        ("Vpc", "CreateVpc", {"CidrBlock": "10.0.0.0/8"}),
        ("Vpc", "CreateVSwitch", {"VpcId": scene["vpc"], "ZoneId": ZONE, "CidrBlock": "192.168.2.0/24"}),
        ("Vpc", "CreateHaVip", {"VSwitchId": scene["vswitch"]}),
        ("Vpc", "AllocateEipAddress", {}),
        ("Ecs", "DescribeInstances", {}),
        ("Ecs", "DescribeInstanceAttribute", {"InstanceId": instance}),
        ("Ecs", "DescribeSecurityGroups", {}),
        ("Ecs", "DescribeSecurityGroupAttribute", {"SecurityGroupId": scene["sg"]}),
        ("Ecs", "DescribeNetworkInterfaces", {}),
        ("Ecs", "DescribeDisks", {}),
        ("Ecs", "DescribeUserData", {"InstanceId": instance}),
        ("Ecs", "DescribeInstanceMaintenanceAttributes", {"InstanceId.1": instance}),
        ("Ecs", "DescribeInstanceAttachmentAttributes", {"InstanceIds": json.dumps([instance])}),
        ("Ecs", "DescribeInstanceRamRole", {"InstanceIds": json.dumps([instance])}),
        ("Ecs", "DescribeImages", {"ImageId": IMAGE_ID}),
        ("Ecs", "DescribeInstanceTypes", {"InstanceTypes.1": INSTANCE_TYPE}),
        ("Ecs", "DescribeImageSupportInstanceTypes", {"ImageId": IMAGE_ID}),
        ("Ecs", "DescribeAvailableResource", {"DestinationResource": "InstanceType"}),
        ("Ecs", "DescribeRegions", {}),
        ("Ecs", "DescribeZones", {}),
        ("Ecs", "ListTagResources", {"ResourceType": "instance", "ResourceId.1": instance}),
        ("Ecs", "CreateSecurityGroup", {"VpcId": scene["vpc"]}),
        ("Ecs", "CreateNetworkInterface", {"VSwitchId": scene["vswitch"], "SecurityGroupId": scene["sg"]}),
    ]


def send(raw, product: str, action: str, params: Dict[str, str], fmt: str = "json"):
    params = dict(params)
    if not (action in REGIONLESS or (product == "Ecs" and action == "DescribeRegions")):
        params.setdefault("RegionId", REGION)
    version = ECS_VERSION if product == "Ecs" else VPC_VERSION
    resp = raw.send(v1_request(action, params, version=version, fmt=fmt))
    assert resp.status == 200, resp
    return resp


def test_every_answer_is_in_the_real_order(raw, scene):
    checked = set()
    for product, action, params in answers(scene):
        body = json.loads(send(raw, product, action, params).body)  # dicts keep the wire's order
        assert keyorder.violations(body, product, action) == [], action
        checked.add(action)
    # Every ECS Describe the suite's SDK plumbing knows is covered.
    assert {a for a in ECS_ACTIONS if a.startswith("Describe")} <= checked


def test_a_wrong_order_is_caught():
    good = {"TotalCount": 1, "HaVips": {"HaVip": []}, "PageSize": 10, "RequestId": "r", "PageNumber": 1}
    assert keyorder.violations(good, "Vpc", "DescribeHaVips") == []
    bad = {"RequestId": "r", "TotalCount": 1, "PageNumber": 1, "PageSize": 10, "HaVips": {"HaVip": []}}
    assert keyorder.violations(bad, "Vpc", "DescribeHaVips") != []


def test_xml_lists_elements_in_the_json_order(raw, scene):
    for product, action in (("Vpc", "DescribeHaVips"), ("Vpc", "DescribeVpcs"), ("Ecs", "DescribeInstances")):
        body = json.loads(send(raw, product, action, {}).body)
        root = send(raw, product, action, {}, fmt="xml").xml()
        assert [child.tag for child in root] == list(body), action
        collection = next(k for k, v in body.items() if isinstance(v, dict))
        item_name, items = next(iter(body[collection].items()))
        first_xml = root.find(f"./{collection}/{item_name}")
        assert [child.tag for child in first_xml] == list(items[0]), action
