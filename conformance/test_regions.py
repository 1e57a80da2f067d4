"""DescribeRegions / DescribeZones (VPC 2016-04-28) through every SDK client path."""

from __future__ import annotations

import re

import pytest

from .expect import (REGION_NOT_FOUND, assert_api_error, assert_request_id,
                     missing_parameter)
from .sdk import ApiError

REGIONS = ("cn-hangzhou", "cn-beijing", "ap-southeast-1", "us-west-1")
HAN = re.compile(r"[\u4e00-\u9fff]")


def region_endpoint(region_id: str) -> str:
    return "vpc.aliyuncs.com" if region_id == "cn-hangzhou" else f"vpc.{region_id}.aliyuncs.com"


def regions_by_id(body: dict) -> dict:
    assert_request_id(body["RequestId"])
    return {r["RegionId"]: r for r in body["Regions"]["Region"]}


def zones(body: dict) -> list:
    assert_request_id(body["RequestId"])
    return body["Zones"]["Zone"]


def test_describe_regions(vpc):
    regions = regions_by_id(vpc.call("DescribeRegions").body)
    for region_id in REGIONS:
        assert region_id in regions, sorted(regions)
    for region_id, region in regions.items():
        assert region["LocalName"], region
        assert region["RegionEndpoint"] == region_endpoint(region_id)
    assert regions["ap-southeast-1"]["RegionEndpoint"] == "vpc.ap-southeast-1.aliyuncs.com"


def test_describe_regions_default_language_is_chinese(vpc):
    regions = regions_by_id(vpc.call("DescribeRegions").body)
    assert "杭州" in regions["cn-hangzhou"]["LocalName"]
    for region_id in REGIONS:
        assert HAN.search(regions[region_id]["LocalName"]), regions[region_id]


def test_describe_regions_in_english(vpc):
    regions = regions_by_id(vpc.call("DescribeRegions", AcceptLanguage="en-US").body)
    assert "Hangzhou" in regions["cn-hangzhou"]["LocalName"]
    for region_id in REGIONS:
        assert not HAN.search(regions[region_id]["LocalName"]), regions[region_id]


def test_describe_zones(vpc):
    found = zones(vpc.call("DescribeZones", RegionId="cn-hangzhou").body)
    ids = {z["ZoneId"] for z in found}
    assert {"cn-hangzhou-h", "cn-hangzhou-i"} <= ids, sorted(ids)
    for zone in found:
        assert zone["ZoneId"].startswith("cn-hangzhou"), zone
        assert zone["ZoneType"] == "AvailabilityZone", zone
        assert zone["LocalName"], zone


def test_describe_zones_of_another_region(vpc):
    found = zones(vpc.call("DescribeZones", RegionId="ap-southeast-1").body)
    assert found
    assert all(z["ZoneId"].startswith("ap-southeast-1") for z in found), found


def test_describe_zones_unknown_region(vpc):
    with pytest.raises(ApiError) as e:
        vpc.call("DescribeZones", RegionId="xx-nowhere-1")
    assert_api_error(e.value, 404, "InvalidRegionId.NotFound", REGION_NOT_FOUND)


@pytest.mark.parametrize("path", ["tea_v3", "tea_v1"])
def test_describe_zones_without_region(vpc):
    with pytest.raises(ApiError) as e:
        vpc.call("DescribeZones")
    assert_api_error(e.value, 400, "MissingParameter", missing_parameter("RegionId"))


def test_old_core_fills_in_its_own_region(make_sdk):
    """The old core sends the client's region (cn-hangzhou) when RegionId is not set
    (RpcRequest.get_url), so it can never send DescribeZones without one."""
    found = zones(make_sdk("core").call("DescribeZones").body)
    assert {"cn-hangzhou-h", "cn-hangzhou-i"} <= {z["ZoneId"] for z in found}
