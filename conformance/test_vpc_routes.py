"""The VPC attribute actions and route tables through every SDK path: DescribeVpcAttribute and
DescribeVSwitchAttributes (what terraform's and footmark's waits read), the Modify actions of VPCs,
vSwitches and EIPs, each VPC's system route table (DescribeRouteTables, DescribeRouteTableList),
custom routes to a HaVip (CreateRouteEntry, DescribeRouteEntryList, DeleteRouteEntry) and the HaVip
they hold; each error with its exact status, code and message."""

from __future__ import annotations

import pytest

from .cloud import VSWITCH_CIDR, poll
from .control import Control
from .expect import E, invalid, missing


def system_table(cloud, vpc_id):
    tables = cloud.call("DescribeRouteTableList", VpcId=vpc_id)["RouterTableList"]["RouterTableListType"]
    assert len(tables) == 1 and tables[0]["RouteTableType"] == "System", tables
    return tables[0]


def route(cloud, table_id, cidr, havip_id, **params):
    return cloud.call("CreateRouteEntry", RouteTableId=table_id, DestinationCidrBlock=cidr, NextHopType="HaVip",
                      NextHopId=havip_id, **params)["RouteEntryId"]


def custom_routes(cloud, table_id, **params):
    return cloud.call("DescribeRouteEntryList", RouteTableId=table_id, RouteEntryType="Custom",
                      **params)["RouteEntrys"]["RouteEntry"]


def wait_routes_available(cloud, table_id):
    """terraform's WaitForAllRouteEntriesAvailable: DescribeRouteTables until every route is Available."""
    def check():
        table = cloud.call("DescribeRouteTables", RouteTableId=table_id)["RouteTables"]["RouteTable"][0]
        return all(e["Status"] == "Available" for e in table["RouteEntrys"]["RouteEntry"])
    poll(check, f"every route of {table_id} to be Available")


def test_describe_vpc_attribute(cloud, net):
    body = cloud.call("DescribeVpcAttribute", VpcId=net.vpc_id)
    assert (body["VpcId"], body["Status"], body["VSwitchIds"]) == (net.vpc_id, "Available", {"VSwitchId": [net.vswitch_id]}), body
    assert {"CloudResources", "Ipv6CidrBlocks", "AssociatedCens", "DnsHostnameStatus", "VRouterId"} <= set(body), sorted(body)
    cloud.fails(E.VPC_NOT_FOUND, "DescribeVpcAttribute", VpcId="vpc-doesnotexist")


def test_describe_vswitch_attributes(cloud, net):
    body = cloud.call("DescribeVSwitchAttributes", VSwitchId=net.vswitch_id)
    assert (body["VSwitchId"], body["Status"], body["CidrBlock"], body["VpcId"]) == (
        net.vswitch_id, "Available", VSWITCH_CIDR, net.vpc_id), body
    assert body["RouteTable"]["RouteTableId"] == system_table(cloud, net.vpc_id)["RouteTableId"]
    cloud.fails(E.VSWITCH_NOT_FOUND, "DescribeVSwitchAttributes", VSwitchId="vsw-doesnotexist")


def test_modify_vpc_and_vswitch(cloud, net):
    cloud.call("ModifyVpcAttribute", VpcId=net.vpc_id, VpcName="renamed", Description="changed")
    body = cloud.call("DescribeVpcAttribute", VpcId=net.vpc_id)
    assert (body["VpcName"], body["Description"]) == ("renamed", "changed"), body
    cloud.fails(E.VPC_NAME_MALFORMED, "ModifyVpcAttribute", VpcId=net.vpc_id, VpcName="http://x")
    cloud.fails(E.VPC_CIDR_INVALID, "ModifyVpcAttribute", VpcId=net.vpc_id, CidrBlock="10.0.0.0/16")
    cloud.fails(E.VPC_NOT_FOUND, "ModifyVpcAttribute", VpcId="vpc-doesnotexist", VpcName="x")
    cloud.call("ModifyVSwitchAttribute", VSwitchId=net.vswitch_id, VSwitchName="web", Description="changed")
    body = cloud.call("DescribeVSwitchAttributes", VSwitchId=net.vswitch_id)
    assert (body["VSwitchName"], body["Description"]) == ("web", "changed"), body
    cloud.fails(E.VSWITCH_DESCRIPTION_MALFORMED, "ModifyVSwitchAttribute", VSwitchId=net.vswitch_id, Description="http://x")
    cloud.fails(E.VSWITCH_NOT_FOUND, "ModifyVSwitchAttribute", VSwitchId="vsw-doesnotexist", VSwitchName="x")


def test_modify_eip_address_attribute(cloud):
    allocation_id, _ = cloud.allocate_eip(Bandwidth="1")
    cloud.call("ModifyEipAddressAttribute", AllocationId=allocation_id, Bandwidth="2", Name="edge", Description="changed")
    eip = cloud.eip(allocation_id)
    assert (eip["Bandwidth"], eip["Name"], eip["Description"]) == ("2", "edge", "changed"), eip
    cloud.fails(E.EIP_BANDWIDTH_INVALID, "ModifyEipAddressAttribute", AllocationId=allocation_id, Bandwidth="0")
    cloud.fails(E.EIP_NOT_FOUND, "ModifyEipAddressAttribute", AllocationId="eip-doesnotexist", Name="x")
    cloud.call("ReleaseEipAddress", AllocationId=allocation_id)


def test_system_route_table(cloud, net):
    table = system_table(cloud, net.vpc_id)
    vpc = cloud.call("DescribeVpcAttribute", VpcId=net.vpc_id)
    assert (table["VpcId"], table["RouterId"], table["VSwitchIds"]) == (net.vpc_id, vpc["VRouterId"], {"VSwitchId": [net.vswitch_id]})
    described = cloud.call("DescribeRouteTables", RouteTableId=table["RouteTableId"])
    assert described["TotalCount"] == 1, described
    entries = described["RouteTables"]["RouteTable"][0]["RouteEntrys"]["RouteEntry"]
    assert [(e["DestinationCidrBlock"], e["Type"], e["Status"]) for e in entries] == [
        ("100.64.0.0/10", "System", "Available"), (VSWITCH_CIDR, "System", "Available")], entries
    # terraform's reads take an empty page for a table that does not exist.
    assert cloud.call("DescribeRouteTables", RouteTableId="vtb-doesnotexist")["TotalCount"] == 0
    cloud.fails(E.ROUTE_TABLE_NOT_FOUND, "DescribeRouteEntryList", RouteTableId="vtb-doesnotexist")


def test_a_route_to_a_havip(cloud, net):
    havip = cloud.create_havip(net.vswitch_id)["HaVipId"]
    table_id = system_table(cloud, net.vpc_id)["RouteTableId"]
    entry_id = route(cloud, table_id, "10.99.0.0/16", havip, RouteEntryName="to-vip")
    wait_routes_available(cloud, table_id)
    [entry] = custom_routes(cloud, table_id)
    assert (entry["RouteEntryId"], entry["Status"], entry["RouteEntryName"], entry["DestinationCidrBlock"]) == (
        entry_id, "Available", "to-vip", "10.99.0.0/16"), entry
    assert entry["NextHops"]["NextHop"][0]["NextHopId"] == havip and entry["NextHops"]["NextHop"][0]["NextHopType"] == "HaVip"
    table = cloud.call("DescribeRouteTables", RouteTableId=table_id)["RouteTables"]["RouteTable"][0]
    custom = [e for e in table["RouteEntrys"]["RouteEntry"] if e["Type"] == "Custom"]
    assert [(e["InstanceId"], e["NextHopType"]) for e in custom] == [(havip, "HaVip")], custom
    # The HaVip cannot go while the route points at it.
    cloud.fails(E.HAVIP_ROUTED, "DeleteHaVip", HaVipId=havip)
    cloud.fails(E.ROUTE_CIDR_DUPLICATE, "CreateRouteEntry", RouteTableId=table_id, DestinationCidrBlock="10.99.0.0/16",
                NextHopType="HaVip", NextHopId=havip)
    cloud.call("DeleteRouteEntry", RouteTableId=table_id, DestinationCidrBlock="10.99.0.0/16", NextHopId=havip)
    assert custom_routes(cloud, table_id) == []
    cloud.fails(E.ROUTE_ENTRY_NOT_FOUND, "DeleteRouteEntry", RouteEntryId=entry_id)
    cloud.call("DeleteHaVip", HaVipId=havip)
    cloud.wait_havip_gone(havip)


def test_route_errors(cloud, net):
    havip = cloud.create_havip(net.vswitch_id)["HaVipId"]
    table_id = system_table(cloud, net.vpc_id)["RouteTableId"]
    base = dict(RouteTableId=table_id, DestinationCidrBlock="10.99.0.0/16", NextHopType="HaVip", NextHopId=havip)
    cloud.fails(E.ROUTE_TABLE_NOT_FOUND, "CreateRouteEntry", **{**base, "RouteTableId": "vtb-doesnotexist"})
    cloud.fails(E.ROUTE_CIDR_MALFORMED, "CreateRouteEntry", **{**base, "DestinationCidrBlock": "10.99.0.1/16"})
    cloud.fails(E.ROUTE_CIDR_INVALID, "CreateRouteEntry", **{**base, "DestinationCidrBlock": "192.168.1.0/25"})
    cloud.fails(E.ROUTE_CIDR_INVALID, "CreateRouteEntry", **{**base, "DestinationCidrBlock": "100.64.1.0/24"})
    cloud.fails(E.HAVIP_NOT_FOUND, "CreateRouteEntry", **{**base, "NextHopId": "havip-doesnotexist"})
    cloud.fails(invalid("NextHopType"), "CreateRouteEntry", **{**base, "NextHopType": "Tunnel"})
    cloud.fails(E.ROUTE_PARAMETER_MISSING, "CreateRouteEntry", **{k: v for k, v in base.items() if k != "NextHopId"})
    cloud.fails(missing("DestinationCidrBlock"), "CreateRouteEntry", **{k: v for k, v in base.items() if k != "DestinationCidrBlock"})
    cloud.fails(E.DRY_RUN, "CreateRouteEntry", **base, DryRun=True)
    cloud.fails(E.ROUTE_ENTRY_SYSTEM, "DeleteRouteEntry", RouteTableId=table_id, DestinationCidrBlock=VSWITCH_CIDR)
    cloud.fails(E.ROUTE_PARAMETER_MISSING, "DeleteRouteEntry", RouteTableId=table_id)
    assert custom_routes(cloud, table_id) == []


def test_a_pending_route_blocks_the_next(make_cloud, havip):
    """Manual transitions hold a route Pending (as they hold a HaVip); the table takes no other route until a
    step, which makes the route Available."""
    cloud = make_cloud("tea_v3")
    net = cloud.build(instances=0)
    havip_id = cloud.create_havip(net.vswitch_id)["HaVipId"]
    table_id = system_table(cloud, net.vpc_id)["RouteTableId"]
    control = Control(havip)
    mode = control.transitions()
    control.set_transitions({"mode": "manual"})
    try:
        route(cloud, table_id, "10.99.0.0/16", havip_id)
        assert [e["Status"] for e in custom_routes(cloud, table_id)] == ["Pending"]
        cloud.fails(E.ROUTE_ENTRY_STATUS, "CreateRouteEntry", RouteTableId=table_id, DestinationCidrBlock="10.98.0.0/16",
                    NextHopType="HaVip", NextHopId=havip_id)
        assert control.step() >= 1
        assert [e["Status"] for e in custom_routes(cloud, table_id)] == ["Available"]
    finally:
        control.set_transitions(mode)
