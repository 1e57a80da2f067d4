"""What terraform does with a HaVip, end to end, through each client path: build the network,
create, associate, bind an EIP, tag, move, filter, fail over, and tear everything down.

The ``restarted`` variant runs the same flow on a server of its own that is stopped (SIGTERM)
and started again on the same SQLite file at two points: what was created before each restart
must still be there, unchanged, and usable afterwards."""

from __future__ import annotations

import pytest

from .cloud import (REGION, USABLE_IN_24, ZONE, Cloud, check_havip_item, check_havip_page, ids,
                    tags_of, unique)
from .control import Control
from .expect import E
from .server import OTHER_KEY


@pytest.fixture(params=["running", "restarted"])
def flow_server(request, havip):
    """``(endpoint, restart)``: the session server with a no-op, or a server of this test's own
    with its ``restart``."""
    if request.param == "running":
        return havip, lambda: None
    server = request.getfixturevalue("fresh_server")()
    return server.endpoint, server.restart


def describe_one(cloud: Cloud, havip_id: str) -> dict:
    """DescribeHaVips for one HaVip through ``cloud``, with every check of the envelope and item;
    on the Tea paths the SDK's response model must also have read every field."""
    reply = cloud.reply("DescribeHaVips", Filter=[{"Key": "HaVipId", "Value": [havip_id]}])
    body = reply.raw if reply.raw is not None else reply.body
    [item] = check_havip_page(body, 1, 1, 10)
    if cloud.path != "core":
        assert reply.body == body, "the Tea response model lost or changed fields"
    return item


def test_terraform_flow(path, flow_server):
    endpoint, restart = flow_server
    cloud = Cloud(path, endpoint)
    vpc_name = unique("tf-vpc")

    # ---------------------------------------------------------------- the network
    vpc = cloud.call("CreateVpc", CidrBlock="192.168.0.0/16", VpcName=vpc_name)
    vpc_id, default_group = vpc["VpcId"], vpc["ResourceGroupId"]
    assert default_group.startswith("rg-acfm"), vpc
    vsw_id = cloud.call("CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock="192.168.1.0/24",
                        VSwitchName="tf-vsw")["VSwitchId"]
    sg_id = cloud.call("CreateSecurityGroup", VpcId=vpc_id, SecurityGroupName="tf-sg")["SecurityGroupId"]
    first, second = cloud.run_instances(vsw_id, sg_id, amount=2, InstanceName="tf-ecs")
    for instance_id in (first, second):
        assert cloud.instance(instance_id)["Status"] == "Running"

    # ------------------------------------------------------------------ the HaVip
    created = cloud.call("CreateHaVip", VSwitchId=vsw_id, Name="tf-havip", Description="made by the flow",
                         Tag=[{"Key": "env", "Value": "flow"}])
    havip_id = created["HaVipId"]
    assert created["IpAddress"] == "192.168.1.3", created  # the lowest free one after .1 and .2
    cloud.wait_havip(havip_id, "Available")
    item = describe_one(cloud, havip_id)
    assert item == {
        "HaVipId": havip_id, "RegionId": REGION, "VpcId": vpc_id, "VSwitchId": vsw_id,
        "IpAddress": "192.168.1.3", "Status": "Available", "Name": "tf-havip",
        "Description": "made by the flow", "CreateTime": item["CreateTime"],
        "ResourceGroupId": default_group, "MasterInstanceId": "", "AssociatedInstanceType": "",
        "ChargeType": "", "AssociatedInstances": {"associatedInstance": []},
        "AssociatedEipAddresses": {"associatedEipAddresse": []},
        "Tags": {"Tag": [{"Key": "env", "Value": "flow"}]},
    }
    assert cloud.vswitch(vsw_id)["AvailableIpAddressCount"] == USABLE_IN_24 - 3

    cloud.call("AssociateHaVip", HaVipId=havip_id, InstanceId=first)
    cloud.wait_havip(havip_id, "InUse")
    cloud.call("AssociateHaVip", HaVipId=havip_id, InstanceId=second, InstanceType="EcsInstance")
    cloud.wait_havip(havip_id, "InUse")
    item = describe_one(cloud, havip_id)
    assert item["AssociatedInstances"] == {"associatedInstance": [first, second]}, item
    assert (item["MasterInstanceId"], item["AssociatedInstanceType"]) == (first, "EcsInstance"), item

    restart()
    assert describe_one(cloud, havip_id) == item, "a restart changed the HaVip"

    # ------------------------------------------------------------------- the EIP
    eip_id, eip_address = cloud.allocate_eip()
    cloud.call("AssociateEipAddress", AllocationId=eip_id, InstanceId=havip_id, InstanceType="HaVip")
    eip = cloud.eip(eip_id)
    assert (eip["Status"], eip["InstanceType"], eip["InstanceId"]) == ("InUse", "HaVip", havip_id), eip
    assert describe_one(cloud, havip_id)["AssociatedEipAddresses"] == {"associatedEipAddresse": [eip_address]}

    # ------------------------------------------------------------------ the tags
    marker = unique("m")
    cloud.call("TagResources", ResourceType="HAVIP", ResourceId=[havip_id],
               Tag=[{"Key": "team", "Value": "net"}, {"Key": "marker", "Value": marker}])
    for resource_type in ("HAVIP", "havip"):
        listed = cloud.call("ListTagResources", ResourceType=resource_type, ResourceId=[havip_id])
        assert listed["NextToken"] == "", listed
        assert sorted((t["ResourceId"], t["ResourceType"], t["TagKey"], t["TagValue"])
                      for t in listed["TagResources"]["TagResource"]) == [
            (havip_id, "HAVIP", "env", "flow"), (havip_id, "HAVIP", "marker", marker),
            (havip_id, "HAVIP", "team", "net")], listed
    by_tag = cloud.call("ListTagResources", ResourceType="havip", Tag=[{"Key": "marker", "Value": marker}])
    assert {t["ResourceId"] for t in by_tag["TagResources"]["TagResource"]} == {havip_id}, by_tag
    cloud.call("UnTagResources", ResourceType="havip", ResourceId=[havip_id], TagKey=["team"])
    assert tags_of(describe_one(cloud, havip_id)) == {"env": "flow", "marker": marker}

    # ------------------------------------------------------- the resource group
    group = Control(endpoint).resource_group(unique("flow"), cloud.key.account)
    cloud.call("MoveResourceGroup", ResourceType="HaVip", ResourceId=havip_id, NewResourceGroupId=group)
    assert describe_one(cloud, havip_id)["ResourceGroupId"] == group

    # ----------------------------------------------------------------- filters
    ip = item["IpAddress"]
    assert cloud.havip_ids({"VpcId": vpc_id}) == [havip_id]
    assert cloud.havip_ids({"VSwitchId": vsw_id}) == [havip_id]
    assert cloud.havip_ids({"HaVipId": havip_id}) == [havip_id]
    assert cloud.havip_ids({"HaVipAddress": ip, "VpcId": vpc_id}) == [havip_id]
    assert cloud.havip_ids({"Status": "InUse", "VpcId": vpc_id}) == [havip_id]
    assert cloud.havip_ids({"Status": "Available", "VpcId": vpc_id}) == []
    assert havip_id in cloud.havip_ids({"Status": "InUse"})
    assert cloud.havip_ids(tags={"marker": marker}) == [havip_id]
    assert cloud.havip_ids(tags={"marker": marker, "env": "flow"}) == [havip_id]
    assert cloud.havip_ids(tags={"marker": marker, "env": None}) == [havip_id]  # any value
    assert cloud.havip_ids(tags={"marker": marker, "env": "other"}) == []
    assert cloud.havip_ids(ResourceGroupId=group) == [havip_id]
    assert havip_id not in cloud.havip_ids({"VpcId": vpc_id}, ResourceGroupId=default_group)

    restart()
    assert describe_one(cloud, havip_id)["ResourceGroupId"] == group
    assert cloud.havip_ids(tags={"marker": marker}) == [havip_id]

    # ---------------------------------------------------------------- failover
    cloud.call("StopInstance", InstanceId=first)
    assert cloud.instance(first)["Status"] == "Stopped"
    item = describe_one(cloud, havip_id)
    assert (item["MasterInstanceId"], item["Status"]) == (second, "InUse"), item
    assert item["AssociatedInstances"] == {"associatedInstance": [first, second]}, item

    # ---------------------------------------------------------------- teardown
    cloud.call("UnassociateHaVip", HaVipId=havip_id, InstanceId=first)  # no longer the master
    item = cloud.wait_havip(havip_id, "InUse")
    assert item["AssociatedInstances"] == {"associatedInstance": [second]}, item
    assert item["MasterInstanceId"] == second, item
    cloud.call("UnassociateHaVip", HaVipId=havip_id, InstanceId=second, InstanceType="EcsInstance")
    cloud.wait_havip(havip_id, "Available")
    item = describe_one(cloud, havip_id)
    assert (item["MasterInstanceId"], item["AssociatedInstanceType"]) == ("", ""), item
    assert item["AssociatedInstances"] == {"associatedInstance": []}, item

    cloud.call("UnassociateEipAddress", AllocationId=eip_id, InstanceId=havip_id, InstanceType="HaVip")
    assert cloud.eip(eip_id)["Status"] == "Available"
    assert describe_one(cloud, havip_id)["AssociatedEipAddresses"] == {"associatedEipAddresse": []}

    cloud.call("DeleteHaVip", HaVipId=havip_id)
    cloud.wait_havip_gone(havip_id)
    assert cloud.havip_ids({"VpcId": vpc_id}) == []
    assert cloud.call("ListTagResources", ResourceType="HAVIP",
                      Tag=[{"Key": "marker", "Value": marker}])["TagResources"]["TagResource"] == []
    cloud.call("ReleaseEipAddress", AllocationId=eip_id)
    assert cloud.call("DescribeEipAddresses", AllocationId=eip_id)["EipAddresses"]["EipAddress"] == []

    cloud.call("DeleteInstance", InstanceId=first)                # Stopped
    cloud.call("DeleteInstance", InstanceId=second, Force=True)   # Running
    assert cloud.instance(first) is None and cloud.instance(second) is None
    assert cloud.vswitch(vsw_id)["AvailableIpAddressCount"] == USABLE_IN_24
    cloud.call("DeleteSecurityGroup", SecurityGroupId=sg_id)
    cloud.call("DeleteVSwitch", VSwitchId=vsw_id)
    cloud.call("DeleteVpc", VpcId=vpc_id)
    assert cloud.call("DescribeVpcs", VpcId=vpc_id)["Vpcs"]["Vpc"] == []


def test_state_survives_a_restart_for_every_account(fresh_server):
    """Resources of two accounts, with a HaVip mid-transition, across a SIGTERM restart."""
    server = fresh_server("--transition-delay", "1")
    mine, theirs = Cloud("tea_v3", server.endpoint), Cloud("core", server.endpoint, OTHER_KEY)
    net = mine.build(instances=1)
    other_net = theirs.build(instances=1)
    token = unique("token")
    havip_id = mine.create_havip(net.vswitch_id, wait=False, ClientToken=token)["HaVipId"]
    assert mine.havip(havip_id)["Status"] == "Creating"
    other_havip = theirs.create_havip(other_net.vswitch_id, wait=False)["HaVipId"]
    server.restart()
    mine.wait_havip(havip_id, "Available")   # the transition due while it was down finishes
    theirs.wait_havip(other_havip, "Available")
    assert mine.havip_ids({"VpcId": net.vpc_id}) == [havip_id]
    assert theirs.havip_ids({"HaVipId": havip_id}) == []
    assert ids(theirs.havips({"VpcId": other_net.vpc_id})) == [other_havip]
    mine.associate(havip_id, net.instance_ids[0])
    assert mine.havip(havip_id)["MasterInstanceId"] == net.instance_ids[0]
    # ClientTokens are remembered too
    again = mine.call("CreateHaVip", VSwitchId=net.vswitch_id, ClientToken=token)
    assert again["HaVipId"] == havip_id
    mine.fails(E.IDEMPOTENT_MISMATCH, "CreateHaVip", VSwitchId=net.vswitch_id, Name="other", ClientToken=token)
