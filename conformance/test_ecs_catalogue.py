"""The ECS catalogue through every SDK path: ECS DescribeRegions and DescribeZones (the names VPC has too,
told apart by version), images, instance types, the types an image runs on, available resources; each
error with its exact status, code and message."""

from __future__ import annotations

import re

from .cloud import IMAGE_ID, REGION
from .expect import E

TYPES = ["ecs.c7.large", "ecs.g7.large", "ecs.g7.xlarge", "ecs.r7.large"]


def test_ecs_regions_and_zones(cloud):
    regions = cloud.call("DescribeRegions", ecs=True)["Regions"]["Region"]
    hangzhou = next(r for r in regions if r["RegionId"] == REGION)
    assert list(hangzhou) == ["Status", "RegionId", "RegionEndpoint", "LocalName"], hangzhou
    assert (hangzhou["Status"], hangzhou["RegionEndpoint"]) == ("available", "ecs.aliyuncs.com")
    cloud.fails(E.ACCEPT_LANGUAGE, "DescribeRegions", ecs=True, AcceptLanguage="fr-FR")
    zones = cloud.call("DescribeZones", ecs=True, InstanceChargeType="PostPaid", SpotStrategy="NoSpot")["Zones"]["Zone"]
    assert zones and all(z["AvailableInstanceTypes"]["InstanceTypes"] == TYPES for z in zones), zones[0]
    assert all("VSwitch" in z["AvailableResourceCreation"]["ResourceTypes"] for z in zones)
    assert zones[0]["AvailableDiskCategories"]["DiskCategories"] == ["cloud_efficiency", "cloud_ssd", "cloud_essd"]
    vpc_zones = cloud.call("DescribeZones")["Zones"]["Zone"]
    assert [z["ZoneId"] for z in vpc_zones] == [z["ZoneId"] for z in zones]
    cloud.fails(E.REGION_NOT_FOUND, "DescribeZones", ecs=True, RegionId="xx-nowhere-1")
    cloud.fails(E.INSTANCE_CHARGE_TYPE, "DescribeZones", ecs=True, InstanceChargeType="Free")
    cloud.fails(E.SPOT_STRATEGY, "DescribeZones", ecs=True, SpotStrategy="Cheap")


def test_images(cloud):
    body = cloud.call("DescribeImages", ImageOwnerAlias="system", PageNumber=1, PageSize=100)
    names = [i["ImageName"] for i in body["Images"]["Image"]]
    assert body["TotalCount"] == len(names) == 3 and IMAGE_ID in names, body
    assert any(re.match(r"^ubuntu_18.*64", name) for name in names), names
    assert cloud.call("DescribeImages", ImageId=IMAGE_ID)["Images"]["Image"][0]["Size"] == 20
    for params, expected in [({"ImageOwnerAlias": "everyone"}, E.IMAGE_OWNER_ALIAS), ({"OSType": "beos"}, E.IMAGE_OS_TYPE),
                             ({"Architecture": "mips"}, E.IMAGE_ARCHITECTURE), ({"Usage": "always"}, E.IMAGE_USAGE),
                             ({"InstanceType": "ecs.t1.small"}, E.ECS_INSTANCE_TYPE_NOT_SUPPORTED)]:
        cloud.fails(expected, "DescribeImages", **params)


def test_instance_types(cloud):
    body = cloud.call("DescribeInstanceTypes")
    types = body["InstanceTypes"]["InstanceType"]
    assert [t["InstanceTypeId"] for t in types] == TYPES and body["NextToken"] == "", body
    g7 = types[1]
    assert (g7["CpuCoreCount"], g7["MemorySize"], g7["InstanceTypeFamily"]) == (2, 8, "ecs.g7"), g7
    assert all(type(g7[k]) is int for k in ("CpuCoreCount", "EniQuantity", "EniPrivateIpAddressQuantity", "GPUAmount"))
    assert len(cloud.call("DescribeInstanceTypes", InstanceTypes=["ecs.g7.xlarge"])["InstanceTypes"]["InstanceType"]) == 1
    cloud.fails(E.NEXT_TOKEN_INVALID, "DescribeInstanceTypes", NextToken="abc")
    body = cloud.call("DescribeImageSupportInstanceTypes", ImageId=IMAGE_ID)
    assert [t["InstanceTypeId"] for t in body["InstanceTypes"]["InstanceType"]] == TYPES, body
    assert cloud.call("DescribeImageSupportInstanceTypes", ImageId="nope")["InstanceTypes"]["InstanceType"] == []


def test_available_resource(cloud):
    body = cloud.call("DescribeAvailableResource", DestinationResource="Zone", IoOptimized="optimized",
                      InstanceChargeType="PostPaid", SpotStrategy="NoSpot")
    zones = body["AvailableZones"]["AvailableZone"]
    assert zones and all(z["Status"] == "Available" and z["StatusCategory"] == "WithStock" for z in zones), zones
    supported = zones[0]["AvailableResources"]["AvailableResource"][0]["SupportedResources"]["SupportedResource"]
    assert supported[0]["Value"] == zones[0]["ZoneId"]
    body = cloud.call("DescribeAvailableResource", DestinationResource="InstanceType", ZoneId=zones[0]["ZoneId"])
    values = body["AvailableZones"]["AvailableZone"][0]["AvailableResources"]["AvailableResource"][0]["SupportedResources"]
    assert [v["Value"] for v in values["SupportedResource"]] == TYPES
    cloud.fails(E.DESTINATION_RESOURCE_INVALID, "DescribeAvailableResource", DestinationResource="Everything")
    cloud.fails(E.AVAILABLE_RESOURCE_REGION, "DescribeAvailableResource", RegionId="xx-nowhere-1", DestinationResource="Zone")
    cloud.fails(E.IO_OPTIMIZED_INVALID, "DescribeAvailableResource", DestinationResource="Zone", IoOptimized="x")
    cloud.fails(E.NETWORK_CATEGORY_INVALID, "DescribeAvailableResource", DestinationResource="Zone", NetworkCategory="x")
