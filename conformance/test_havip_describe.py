"""DescribeHaVips: paging, PageSize bounds, filter keys, OR within a key and AND across keys,
and IDs that match nothing."""

from __future__ import annotations

import pytest

from .cloud import REGION, check_havip_page, ids
from .expect import E, assert_json_error, invalid, invalid_parameter, missing
from .raw import v1_request

COUNT = 23


@pytest.fixture
def many(cloud, net):
    """``COUNT`` HaVips in the test's vSwitch, in creation order (not waited for: paging does
    not care about their status)."""
    return [cloud.create_havip(net.vswitch_id, wait=False)["HaVipId"] for _ in range(COUNT)]


def test_paging(cloud, net, many):
    scope = {"VSwitchId": net.vswitch_id}
    seen = []
    for page, expected_len in ((1, 10), (2, 10), (3, 3)):
        body = cloud.describe_havips(scope, PageNumber=page, PageSize=10)
        items = check_havip_page(body, COUNT, page, 10)
        assert len(items) == expected_len, (page, ids(items))
        seen += ids(items)
    assert len(set(seen)) == COUNT, "a HaVip was listed twice"
    assert seen == many, "pages are not in creation order"
    past_the_end = cloud.describe_havips(scope, PageNumber=4, PageSize=10)
    assert check_havip_page(past_the_end, COUNT, 4, 10) == []


def test_default_and_largest_page(cloud, net, many):
    scope = {"VSwitchId": net.vswitch_id}
    assert ids(check_havip_page(cloud.describe_havips(scope), COUNT, 1, 10)) == many[:10]
    assert ids(check_havip_page(cloud.describe_havips(scope, PageSize=50), COUNT, 1, 50)) == many


@pytest.mark.parametrize("name, value", [
    ("PageSize", 51), ("PageSize", 0), ("PageSize", "abc"), ("PageNumber", 0), ("PageNumber", "x"),
])
def test_paging_parameter_out_of_range(cloud, name, value):
    cloud.fails(invalid(name), "DescribeHaVips", **{name: value})


@pytest.mark.parametrize("key", ["InstanceId", "vpcid", "Name"])
def test_unknown_filter_key(cloud, key):
    """The seed's error table: the offending filter is named (Filter.2.key)."""
    cloud.fails(E.filter_key_unsupported(2), "DescribeHaVips",
                Filter=[{"Key": "VpcId", "Value": ["vpc-x"]}, {"Key": key, "Value": ["x"]}])
    cloud.fails(E.filter_key_unsupported(1), "DescribeHaVips", Filter=[{"Key": key, "Value": ["x"]}])


def test_filters_or_within_a_key_and_across_keys(cloud, net):
    a, b, c = (cloud.create_havip(net.vswitch_id, wait=False) for _ in range(3))
    ida, idb, idc = a["HaVipId"], b["HaVipId"], c["HaVipId"]
    assert cloud.havip_ids({"HaVipId": [ida, idb]}) == [ida, idb]
    here = {"VSwitchId": net.vswitch_id}  # other tests' vSwitches use the same addresses
    assert cloud.havip_ids({**here, "HaVipAddress": [a["IpAddress"], c["IpAddress"]]}) == [ida, idc]
    assert cloud.havip_ids({"HaVipId": [ida, idb], "HaVipAddress": [b["IpAddress"], c["IpAddress"]]}) == [idb]
    assert cloud.havip_ids({"HaVipId": [ida, idb], "VSwitchId": net.vswitch_id, "VpcId": net.vpc_id}) == [ida, idb]
    assert cloud.havip_ids({"HaVipId": ida, "VpcId": "vpc-somewhereelse"}) == []
    cloud.wait_havip(idc, "Available")
    cloud.associate(idc, net.instance_ids[0])
    cloud.wait_havip(ida, "Available")
    cloud.wait_havip(idb, "Available")
    assert cloud.havip_ids({"VSwitchId": net.vswitch_id, "Status": ["InUse"]}) == [idc]
    assert cloud.havip_ids({"VSwitchId": net.vswitch_id, "Status": ["Available", "InUse"]}) == [ida, idb, idc]
    assert cloud.havip_ids([("VSwitchId", [net.vswitch_id]), ("Status", ["Available"])]) == [ida, idb]


def test_havip_id_that_does_not_exist(cloud):
    body = cloud.describe_havips({"HaVipId": "havip-doesnotexist0000000000"})
    assert check_havip_page(body, 0, 1, 10) == []
    assert body["HaVips"] == {"HaVip": []}


def test_too_many_filters_or_values(cloud):
    """N and M of Filter.N.Key / Filter.N.Value.M are 1 to 5: the sixth is refused by name."""
    six = [{"Key": "VpcId", "Value": [f"vpc-{i}"]} for i in range(6)]
    cloud.fails(invalid("Filter.6.Key"), "DescribeHaVips", Filter=six)
    cloud.fails(invalid("Filter.1.Value.6"), "DescribeHaVips",
                Filter=[{"Key": "VpcId", "Value": [f"vpc-{i}" for i in range(6)]}])


def test_a_sixth_filter_alone_is_refused(raw):
    """Filter.6.Key on its own (a gap the SDKs never send) is a client error, not a filter applied."""
    resp = raw.send(v1_request("DescribeHaVips", {"RegionId": REGION, "Filter.6.Key": "VpcId", "Filter.6.Value.1": "vpc-x"}))
    assert_json_error(resp, 400, "InvalidParameter", invalid_parameter("Filter.6.Key"))
    resp = raw.send(v1_request("DescribeHaVips", {"RegionId": REGION, "Filter.1.Key": "VpcId", "Filter.1.Value.9": "vpc-x"}))
    assert_json_error(resp, 400, "InvalidParameter", invalid_parameter("Filter.1.Value.9"))


def test_filter_without_key_or_values(cloud):
    cloud.fails(missing("Filter.N.Key"), "DescribeHaVips", Filter=[{"Value": ["x"]}])
    cloud.fails(missing("Filter.N.Value.M"), "DescribeHaVips", Filter=[{"Key": "VpcId"}])


@pytest.mark.parametrize("path", ["tea_v3", "tea_v1"])
def test_without_region(cloud):
    """The Tea SDKs send no RegionId when none is set (the old core always sends its own)."""
    cloud.fails(missing("RegionId"), "DescribeHaVips", RegionId=None)
