"""Every documented error of the HaVip actions, one test per case, with the exact HTTP status,
code and message of docs/semantics.md, through every client path unless a case is costly.

The cases run on a server whose HaVip calls are synchronous (``synchronous_havip``: nothing
to wait for); statuses that only last while a transition runs are produced on a server with
``--transition-delay 30`` (``slow``), so that nothing depends on timing. How statuses move
with a delay is test_havip_status.py's subject."""

from __future__ import annotations

import pytest

from .cloud import Cloud, unique
from .control import Control
from .expect import E, invalid, missing
from .server import OTHER_KEY

NO_SUCH_HAVIP = "havip-doesnotexist0000000000"
NO_SUCH_INSTANCE = "i-doesnotexist000000000000"


@pytest.fixture
def cloud_endpoint(synchronous_havip):
    return synchronous_havip


@pytest.fixture
def slow(make_cloud, path, servers) -> Cloud:
    """The cloud on a server whose HaVip transitions take 30 s: a HaVip stays Creating,
    Associating, … for the whole test."""
    return make_cloud(path, servers.shared("--transition-delay", "30"))


@pytest.fixture
def vip(cloud, net) -> dict:
    """An Available HaVip in ``net``'s vSwitch (CreateHaVip's body)."""
    return cloud.create_havip(net.vswitch_id)


@pytest.fixture
def in_use(cloud, net, vip) -> str:
    """``vip`` associated with both instances of ``net`` (the first is the master)."""
    for instance_id in net.instance_ids:
        cloud.associate(vip["HaVipId"], instance_id)
    return vip["HaVipId"]


# ------------------------------------------------------------------------ CreateHaVip


@pytest.mark.parametrize("address", ["192.168.1.300", "192.168.1", "192.168.1.5.6", "abc",
                                     "192.168.01.5", "192.168.1.-1", "::1"])
def test_create_ip_malformed(cloud, net, address):
    cloud.fails(E.IP_MALFORMED, "CreateHaVip", VSwitchId=net.vswitch_id, IpAddress=address)


@pytest.mark.parametrize("address", ["192.168.2.10", "10.0.0.1", "192.168.0.255"])
def test_create_ip_out_of_range(cloud, net, address):
    cloud.fails(E.IP_OUT_OF_RANGE, "CreateHaVip", VSwitchId=net.vswitch_id, IpAddress=address)


@pytest.mark.parametrize("host", [0, 253, 254, 255])
def test_create_ip_reserved(cloud, net, host):
    cloud.fails(E.IP_RESERVED, "CreateHaVip", VSwitchId=net.vswitch_id, IpAddress=net.address(host))


def test_create_ip_already_used_by_a_havip(cloud, net):
    first = cloud.create_havip(net.vswitch_id, wait=False, IpAddress=net.address(10))
    assert first["IpAddress"] == net.address(10)
    cloud.fails(E.IP_ALREADY_USED, "CreateHaVip", VSwitchId=net.vswitch_id, IpAddress=net.address(10))


def test_create_ip_already_used_by_an_instance(cloud, net):
    instance_ip = cloud.instance(net.instance_ids[0])["VpcAttributes"]["PrivateIpAddress"]["IpAddress"][0]
    cloud.fails(E.IP_ALREADY_USED, "CreateHaVip", VSwitchId=net.vswitch_id, IpAddress=instance_ip)


def test_create_ip_edges_of_the_usable_range(cloud):
    net = cloud.build(instances=0)
    assert cloud.create_havip(net.vswitch_id, wait=False, IpAddress=net.address(1))["IpAddress"] == net.address(1)
    assert cloud.create_havip(net.vswitch_id, wait=False, IpAddress=net.address(252))["IpAddress"] == net.address(252)


def test_create_in_a_full_vswitch(cloud):
    net = cloud.build(instances=0, vswitch_cidr="192.168.9.0/29")  # .1 to .4 are usable
    got = [cloud.create_havip(net.vswitch_id, wait=False)["IpAddress"] for _ in range(4)]
    assert got == ["192.168.9.1", "192.168.9.2", "192.168.9.3", "192.168.9.4"]
    assert cloud.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == 0
    cloud.fails(E.IP_EXHAUSTED, "CreateHaVip", VSwitchId=net.vswitch_id)


@pytest.mark.parametrize("vswitch_id", ["vsw-doesnotexist0000000000", "vpc-wrongkind"])
def test_create_vswitch_not_found(cloud, vswitch_id):
    cloud.fails(E.HAVIP_VSWITCH_NOT_FOUND, "CreateHaVip", VSwitchId=vswitch_id)


def test_create_vswitch_of_another_region(cloud, net):
    cloud.fails(E.HAVIP_VSWITCH_NOT_FOUND, "CreateHaVip", VSwitchId=net.vswitch_id, RegionId="cn-beijing")


def test_create_without_vswitch(cloud):
    cloud.fails(missing("VSwitchId"), "CreateHaVip")


@pytest.mark.parametrize("name", ["http://havip", "https://havip", "HTTP://havip", "n" * 129])
def test_create_name_malformed(cloud, net, name):
    cloud.fails(E.HAVIP_NAME_MALFORMED, "CreateHaVip", VSwitchId=net.vswitch_id, Name=name)


@pytest.mark.parametrize("description", ["http://desc", "https://desc", "d" * 257])
def test_create_description_malformed(cloud, net, description):
    cloud.fails(E.DESCRIPTION_MALFORMED, "CreateHaVip", VSwitchId=net.vswitch_id, Description=description)


def test_create_longest_name_and_description(cloud, net):
    name, description = "n" * 128, "d" * 256
    created = cloud.create_havip(net.vswitch_id, wait=False, Name=name, Description=description)
    item = cloud.havip(created["HaVipId"])
    assert (item["Name"], item["Description"]) == (name, description)


def test_create_with_a_bad_tag(cloud, net):
    cloud.fails(E.TAG_KEY_INVALID, "CreateHaVip", VSwitchId=net.vswitch_id,
                Tag=[{"Key": "aliyun-owned", "Value": "x"}])


def test_create_with_a_bad_resource_group(cloud, net):
    cloud.fails(E.RESOURCE_GROUP_INVALID, "CreateHaVip", VSwitchId=net.vswitch_id, ResourceGroupId="group-1")


# ----------------------------------------------------------------------- AssociateHaVip


def test_associate_havip_not_found(cloud, net):
    cloud.fails(E.HAVIP_NOT_FOUND, "AssociateHaVip", HaVipId=NO_SUCH_HAVIP, InstanceId=net.instance_ids[0])


def test_associate_instance_not_found(cloud, vip):
    cloud.fails(E.INSTANCE_NOT_FOUND, "AssociateHaVip", HaVipId=vip["HaVipId"], InstanceId=NO_SUCH_INSTANCE)


def test_associate_without_instance(cloud, vip):
    cloud.fails(missing("InstanceId"), "AssociateHaVip", HaVipId=vip["HaVipId"])


def test_associate_instance_of_another_vswitch(cloud, net, vip):
    other_vsw = cloud.create_vswitch(net.vpc_id, "192.168.2.0/24")
    [stranger] = cloud.run_instances(other_vsw, net.sg_id)
    cloud.fails(E.HAVIP_VSWITCH_MISMATCH, "AssociateHaVip", HaVipId=vip["HaVipId"], InstanceId=stranger)


def test_associate_eni_of_another_vswitch(cloud, net, vip):
    other_vsw = cloud.create_vswitch(net.vpc_id, "192.168.2.0/24")
    eni = cloud.create_eni(other_vsw, net.sg_id)
    cloud.fails(E.HAVIP_VSWITCH_MISMATCH, "AssociateHaVip", HaVipId=vip["HaVipId"], InstanceId=eni,
                InstanceType="NetworkInterface")


def test_associate_twice(cloud, net, vip):
    cloud.associate(vip["HaVipId"], net.instance_ids[0])
    cloud.fails(E.HAVIP_ALREADY_ASSOCIATED, "AssociateHaVip", HaVipId=vip["HaVipId"],
                InstanceId=net.instance_ids[0])


def test_associate_a_stopped_instance(cloud, net, vip):
    cloud.call("StopInstance", InstanceId=net.instance_ids[0])
    item = cloud.associate(vip["HaVipId"], net.instance_ids[0])
    assert item["MasterInstanceId"] == net.instance_ids[0]
    # a running instance that joins later takes over from the stopped master at the next election
    cloud.associate(vip["HaVipId"], net.instance_ids[1])
    assert cloud.havip(vip["HaVipId"])["MasterInstanceId"] == net.instance_ids[1]


def test_associate_unknown_instance_type(cloud, net, vip):
    cloud.fails(E.INSTANCE_TYPE_UNSUPPORTED, "AssociateHaVip", HaVipId=vip["HaVipId"],
                InstanceId=net.instance_ids[0], InstanceType="SlbInstance")


def test_associate_eni(cloud, net, vip):
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    item = cloud.associate(vip["HaVipId"], eni, InstanceType="NetworkInterface")
    assert (item["AssociatedInstanceType"], item["MasterInstanceId"]) == ("NetworkInterface", eni), item
    assert item["AssociatedInstances"] == {"associatedInstance": [eni]}, item
    # unassociated without InstanceType: the HaVip's own type applies
    cloud.unassociate(vip["HaVipId"], eni, wait="Available")


def test_associate_eni_without_instance_type(cloud, net, vip):
    """InstanceType defaults to EcsInstance, so an ENI ID is not an instance."""
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.fails(E.INSTANCE_NOT_FOUND, "AssociateHaVip", HaVipId=vip["HaVipId"], InstanceId=eni)


def test_associate_eni_not_found(cloud, vip):
    cloud.fails(E.ENI_NOT_FOUND, "AssociateHaVip", HaVipId=vip["HaVipId"],
                InstanceId="eni-doesnotexist000000000000", InstanceType="NetworkInterface")


def test_associate_eni_to_a_havip_with_instances(cloud, net, vip):
    cloud.associate(vip["HaVipId"], net.instance_ids[0])
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.fails(E.HAVIP_INSTANCE_TYPE_MIXED, "AssociateHaVip", HaVipId=vip["HaVipId"], InstanceId=eni,
                InstanceType="NetworkInterface")


def test_associate_instance_to_a_havip_with_enis(cloud, net, vip):
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.associate(vip["HaVipId"], eni, InstanceType="NetworkInterface")
    cloud.fails(E.HAVIP_INSTANCE_TYPE_MIXED, "AssociateHaVip", HaVipId=vip["HaVipId"],
                InstanceId=net.instance_ids[0], InstanceType="EcsInstance")


@pytest.mark.parametrize("path", ["tea_v3"])
def test_associate_while_creating(slow):
    net = slow.build(instances=1)
    havip_id = slow.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    assert slow.havip(havip_id)["Status"] == "Creating"
    slow.fails(E.HAVIP_ASSOCIATE_STATUS, "AssociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[0])


@pytest.fixture
def limited(make_cloud, path, servers) -> Cloud:
    return make_cloud(path, servers.shared("--max-havip-associations", "2", "--max-havips-per-instance", "2",
                                           "--max-vswitches-per-vpc", "2", "--transition-delay", "0"))


@pytest.mark.parametrize("path", ["tea_v3", "core"])
def test_associate_over_the_havip_limit(limited):
    net = limited.build(instances=3)
    havip_id = limited.create_havip(net.vswitch_id)["HaVipId"]
    for instance_id in net.instance_ids[:2]:
        limited.associate(havip_id, instance_id)
    limited.fails(E.HAVIP_INSTANCE_LIMIT, "AssociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[2])


@pytest.mark.parametrize("path", ["tea_v1"])
def test_associate_over_the_instance_limit(limited):
    net = limited.build(instances=1)
    havips = [limited.create_havip(net.vswitch_id)["HaVipId"] for _ in range(3)]
    for havip_id in havips[:2]:
        limited.associate(havip_id, net.instance_ids[0])
    limited.fails(E.HAVIP_PER_INSTANCE_LIMIT, "AssociateHaVip", HaVipId=havips[2], InstanceId=net.instance_ids[0])


# --------------------------------------------------------------------- UnassociateHaVip


def test_unassociate_when_available(cloud, net, vip):
    cloud.fails(E.HAVIP_UNASSOCIATE_STATUS, "UnassociateHaVip", HaVipId=vip["HaVipId"],
                InstanceId=net.instance_ids[0])


def test_unassociate_not_associated(cloud, net, vip):
    cloud.associate(vip["HaVipId"], net.instance_ids[0])
    cloud.fails(E.HAVIP_NOT_ASSOCIATED, "UnassociateHaVip", HaVipId=vip["HaVipId"],
                InstanceId=net.instance_ids[1])


def test_unassociate_instance_not_found(cloud, in_use):
    cloud.fails(E.INSTANCE_NOT_FOUND, "UnassociateHaVip", HaVipId=in_use, InstanceId=NO_SUCH_INSTANCE)


def test_unassociate_havip_not_found(cloud, net):
    cloud.fails(E.HAVIP_NOT_FOUND, "UnassociateHaVip", HaVipId=NO_SUCH_HAVIP, InstanceId=net.instance_ids[0])


@pytest.mark.parametrize("force", [None, "False", False])
def test_unassociate_master_without_force(cloud, net, in_use, force):
    master = net.instance_ids[0]
    assert cloud.havip(in_use)["MasterInstanceId"] == master
    cloud.fails(E.HAVIP_MASTER_NEEDS_FORCE, "UnassociateHaVip", HaVipId=in_use, InstanceId=master, Force=force)


@pytest.mark.parametrize("force", ["True", True, "true"])
def test_unassociate_master_with_force(cloud, net, in_use, force):
    master, other = net.instance_ids
    item = cloud.unassociate(in_use, master, Force=force, wait="InUse")
    assert item["MasterInstanceId"] == other, item
    assert item["AssociatedInstances"] == {"associatedInstance": [other]}, item


def test_unassociate_the_last_master_needs_no_force(cloud, net, vip):
    cloud.associate(vip["HaVipId"], net.instance_ids[0])
    item = cloud.unassociate(vip["HaVipId"], net.instance_ids[0], wait="Available")
    assert (item["MasterInstanceId"], item["AssociatedInstances"]) == ("", {"associatedInstance": []}), item


def test_unassociate_bad_force(cloud, net, in_use):
    cloud.fails(invalid("Force"), "UnassociateHaVip", HaVipId=in_use, InstanceId=net.instance_ids[1], Force="yes")


@pytest.mark.parametrize("path", ["tea_v3"])
def test_unassociate_while_creating(slow):
    net = slow.build(instances=1)
    havip_id = slow.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    slow.fails(E.HAVIP_UNASSOCIATE_STATUS, "UnassociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[0])


# --------------------------------------------------------------------------- DeleteHaVip


def test_delete_in_use(cloud, in_use):
    cloud.fails(E.HAVIP_DELETE_STATUS, "DeleteHaVip", HaVipId=in_use)


def test_delete_with_an_eip(cloud, vip):
    eip_id, _ = cloud.allocate_eip()
    cloud.call("AssociateEipAddress", AllocationId=eip_id, InstanceId=vip["HaVipId"], InstanceType="HaVip")
    cloud.fails(E.HAVIP_HAS_EIP, "DeleteHaVip", HaVipId=vip["HaVipId"])
    cloud.call("UnassociateEipAddress", AllocationId=eip_id, InstanceId=vip["HaVipId"], InstanceType="HaVip")
    cloud.call("DeleteHaVip", HaVipId=vip["HaVipId"])
    cloud.wait_havip_gone(vip["HaVipId"])


def test_delete_not_found(cloud):
    cloud.fails(E.HAVIP_NOT_FOUND, "DeleteHaVip", HaVipId=NO_SUCH_HAVIP)


def test_delete_twice(cloud, vip):
    cloud.call("DeleteHaVip", HaVipId=vip["HaVipId"])
    cloud.wait_havip_gone(vip["HaVipId"])
    cloud.fails(E.HAVIP_NOT_FOUND, "DeleteHaVip", HaVipId=vip["HaVipId"])


def test_delete_returns_the_address(cloud, net, vip):
    before = cloud.vswitch(net.vswitch_id)["AvailableIpAddressCount"]
    cloud.call("DeleteHaVip", HaVipId=vip["HaVipId"])
    cloud.wait_havip_gone(vip["HaVipId"])
    assert cloud.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == before + 1
    again = cloud.create_havip(net.vswitch_id, wait=False, IpAddress=vip["IpAddress"])
    assert again["IpAddress"] == vip["IpAddress"]


@pytest.mark.parametrize("path", ["core"])
def test_delete_while_creating(slow):
    net = slow.build(instances=0)
    havip_id = slow.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    slow.fails(E.HAVIP_DELETE_STATUS, "DeleteHaVip", HaVipId=havip_id)


# ------------------------------------------------------------------ ModifyHaVipAttribute


@pytest.mark.parametrize("name", ["http://x", "https://x", "n" * 129])
def test_modify_name_malformed(cloud, vip, name):
    cloud.fails(E.HAVIP_NAME_MALFORMED, "ModifyHaVipAttribute", HaVipId=vip["HaVipId"], Name=name)


@pytest.mark.parametrize("description", ["http://x", "https://x", "d" * 257])
def test_modify_description_malformed(cloud, vip, description):
    cloud.fails(E.DESCRIPTION_MALFORMED, "ModifyHaVipAttribute", HaVipId=vip["HaVipId"],
                Description=description)


def test_modify_not_found(cloud):
    cloud.fails(E.HAVIP_NOT_FOUND, "ModifyHaVipAttribute", HaVipId=NO_SUCH_HAVIP, Name="x")


def test_modify_in_use(cloud, in_use):
    cloud.call("ModifyHaVipAttribute", HaVipId=in_use, Name="renamed", Description="described")
    item = cloud.havip(in_use)
    assert (item["Name"], item["Description"], item["Status"]) == ("renamed", "described", "InUse")
    cloud.call("ModifyHaVipAttribute", HaVipId=in_use, Description="only this")
    assert (cloud.havip(in_use)["Name"], cloud.havip(in_use)["Description"]) == ("renamed", "only this")


@pytest.mark.parametrize("path", ["tea_v1"])
def test_modify_while_creating(slow):
    net = slow.build(instances=0)
    havip_id = slow.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    slow.fails(E.HAVIP_MODIFY_STATUS, "ModifyHaVipAttribute", HaVipId=havip_id, Name="x")


# ---------------------------------------------------------------- tags, resource groups


def tag_list(count: int, prefix: str = "k"):
    return [{"Key": f"{prefix}{i}", "Value": f"v{i}"} for i in range(count)]


@pytest.mark.parametrize("key", ["aliyun-owned", "ALIYUNx", "acs:thing", "has http://inside", "k" * 129])
def test_tag_key_invalid(cloud, vip, key):
    cloud.fails(E.TAG_KEY_INVALID, "TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                Tag=[{"Key": key, "Value": "v"}])


@pytest.mark.parametrize("value", ["aliyun-owned", "acs:x", "https://x", "v" * 129])
def test_tag_value_invalid(cloud, vip, value):
    cloud.fails(E.TAG_VALUE_INVALID, "TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                Tag=[{"Key": "k", "Value": value}])


def test_tag_longest_key_and_empty_value(cloud, vip):
    key = "k" * 128
    cloud.call("TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]], Tag=[{"Key": key, "Value": ""}])
    assert cloud.havip(vip["HaVipId"])["Tags"] == {"Tag": [{"Key": key, "Value": ""}]}


def test_tag_21_in_one_request(cloud, vip):
    cloud.fails(E.TAG_COUNT_EXCEEDED, "TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                Tag=tag_list(21))


def test_create_with_21_tags(cloud, net):
    cloud.fails(E.TAG_COUNT_EXCEEDED, "CreateHaVip", VSwitchId=net.vswitch_id, Tag=tag_list(21))


def test_tag_more_than_20_on_a_resource(cloud, vip):
    target = dict(ResourceType="HAVIP", ResourceId=[vip["HaVipId"]])
    cloud.call("TagResources", **target, Tag=tag_list(15))
    cloud.call("TagResources", **target, Tag=tag_list(5, "j"))              # 20: the quota
    cloud.call("TagResources", **target, Tag=[{"Key": "k0", "Value": "new"}])  # overwriting adds none
    cloud.fails(E.TAG_QUOTA_EXCEEDED, "TagResources", **target, Tag=[{"Key": "one-more", "Value": "x"}])
    assert len(cloud.havip(vip["HaVipId"])["Tags"]["Tag"]) == 20


def test_tag_duplicated_key(cloud, vip):
    cloud.fails(E.TAG_KEY_DUPLICATED, "TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                Tag=[{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}])


@pytest.mark.parametrize("action", ["TagResources", "UnTagResources", "ListTagResources"])
@pytest.mark.parametrize("resource_type", ["INSTANCE", "ecs", "HaVips"])
def test_tag_unknown_resource_type(cloud, vip, action, resource_type):
    extra = {"Tag": [{"Key": "k", "Value": "v"}]} if action == "TagResources" else {}
    cloud.fails(E.RESOURCE_TYPE_INVALID, action, ResourceType=resource_type, ResourceId=[vip["HaVipId"]], **extra)


def test_tag_resource_not_found(cloud, vip):
    cloud.fails(E.RESOURCE_ID_NOT_FOUND, "TagResources", ResourceType="HAVIP",
                ResourceId=[vip["HaVipId"], NO_SUCH_HAVIP], Tag=[{"Key": "k", "Value": "v"}])


def test_tag_51_resources(cloud, vip):
    cloud.fails(E.RESOURCE_ID_COUNT_EXCEEDED, "TagResources", ResourceType="HAVIP",
                ResourceId=[vip["HaVipId"]] * 51, Tag=[{"Key": "k", "Value": "v"}])


def test_list_tags_without_resources_or_tags(cloud):
    cloud.fails(E.TAGS_AND_RESOURCES_EMPTY, "ListTagResources", ResourceType="HAVIP")


def test_list_tags_in_pages(cloud, vip):
    cloud.call("TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]], Tag=tag_list(5))
    seen, token = [], None
    while True:
        body = cloud.call("ListTagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                          MaxResults=2, NextToken=token)
        seen += [t["TagKey"] for t in body["TagResources"]["TagResource"]]
        token = body["NextToken"]
        if not token:
            break
    assert seen == [f"k{i}" for i in range(5)]


def test_untag_all(cloud, vip):
    cloud.call("TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]], Tag=tag_list(3))
    cloud.call("UnTagResources", ResourceType="Havip", ResourceId=[vip["HaVipId"]], All=True)
    assert cloud.havip(vip["HaVipId"])["Tags"] == {"Tag": []}


@pytest.mark.parametrize("group", ["group-1", "rg-UPPER", "rg-", "rg-with_underscore"])
def test_move_to_an_invalid_group(cloud, vip, group):
    cloud.fails(E.RESOURCE_GROUP_INVALID, "MoveResourceGroup", ResourceType="HaVip", ResourceId=vip["HaVipId"],
                NewResourceGroupId=group)


def test_move_to_an_unknown_group_or_another_accounts(cloud, stranger, vip):
    """The issue's probe: rg-doesnotexist000 answered 200. A group must exist and be the caller's: another
    account's stored group, and its default group, are refused alike, and the HaVip stays where it was."""
    theirs = Control(cloud.endpoint).resource_group(unique("theirs"), stranger.key.account)
    their_default = stranger.call("CreateVpc", CidrBlock="10.0.0.0/8")["ResourceGroupId"]
    before = cloud.havip(vip["HaVipId"])["ResourceGroupId"]
    for group in ["rg-doesnotexist000", theirs, their_default]:
        cloud.fails(E.RESOURCE_GROUP_INVALID, "MoveResourceGroup", ResourceType="HaVip", ResourceId=vip["HaVipId"],
                    NewResourceGroupId=group)
    assert cloud.havip(vip["HaVipId"])["ResourceGroupId"] == before
    mine = Control(cloud.endpoint).resource_group(unique("mine"), cloud.key.account)
    cloud.call("MoveResourceGroup", ResourceType="HaVip", ResourceId=vip["HaVipId"], NewResourceGroupId=mine)
    assert cloud.havip(vip["HaVipId"])["ResourceGroupId"] == mine


def test_create_in_an_unknown_group_creates_nothing(cloud, net):
    before = cloud.havip_ids({"VSwitchId": net.vswitch_id})
    cloud.fails(E.RESOURCE_GROUP_INVALID, "CreateHaVip", VSwitchId=net.vswitch_id, ResourceGroupId="rg-doesnotexist000")
    cloud.fails(E.RESOURCE_GROUP_INVALID, "CreateVpc", CidrBlock="10.0.0.0/8", ResourceGroupId="rg-doesnotexist000")
    assert cloud.havip_ids({"VSwitchId": net.vswitch_id}) == before


def test_move_unknown_resource(cloud):
    cloud.fails(E.RESOURCE_ID_NOT_FOUND, "MoveResourceGroup", ResourceType="HAVIP", ResourceId=NO_SUCH_HAVIP,
                NewResourceGroupId="rg-aek2somewhere")


def test_move_unknown_resource_type(cloud, vip):
    cloud.fails(E.RESOURCE_TYPE_INVALID, "MoveResourceGroup", ResourceType="Instance", ResourceId=vip["HaVipId"],
                NewResourceGroupId="rg-aek2somewhere")


# ------------------------------------------------------------------------- ClientToken


def test_client_token_replays_the_create(cloud, net):
    token = unique("token")
    first = cloud.call("CreateHaVip", VSwitchId=net.vswitch_id, Name="idem", ClientToken=token)
    again = cloud.call("CreateHaVip", VSwitchId=net.vswitch_id, Name="idem", ClientToken=token)
    assert (again["HaVipId"], again["IpAddress"]) == (first["HaVipId"], first["IpAddress"])
    assert again["RequestId"] != first["RequestId"]
    assert cloud.havip_ids({"VSwitchId": net.vswitch_id}) == [first["HaVipId"]]


def test_client_token_with_other_parameters(cloud, net):
    token = unique("token")
    cloud.call("CreateHaVip", VSwitchId=net.vswitch_id, Name="idem", ClientToken=token)
    cloud.fails(E.IDEMPOTENT_MISMATCH, "CreateHaVip", VSwitchId=net.vswitch_id, Name="other", ClientToken=token)
    assert len(cloud.havip_ids({"VSwitchId": net.vswitch_id})) == 1


def test_client_token_replays_an_association(cloud, net, vip):
    token = unique("token")
    args = dict(HaVipId=vip["HaVipId"], InstanceId=net.instance_ids[0], ClientToken=token)
    cloud.call("AssociateHaVip", **args)
    cloud.wait_havip(vip["HaVipId"], "InUse")
    cloud.call("AssociateHaVip", **args)  # the first answer again, not InvalidAssociation.Duplicated
    assert cloud.havip(vip["HaVipId"])["AssociatedInstances"] == {"associatedInstance": [net.instance_ids[0]]}


def test_client_token_is_per_account(cloud, make_cloud, path, net):
    token = unique("token")
    mine = cloud.call("CreateHaVip", VSwitchId=net.vswitch_id, ClientToken=token)
    other = make_cloud(path, key=OTHER_KEY)
    other_net = other.build(instances=0)
    theirs = other.call("CreateHaVip", VSwitchId=other_net.vswitch_id, ClientToken=token)
    assert theirs["HaVipId"] != mine["HaVipId"]


def test_client_token_too_long(cloud, net):
    cloud.fails(invalid("ClientToken"), "CreateHaVip", VSwitchId=net.vswitch_id, ClientToken="t" * 65)


# ----------------------------------------------------------- accounts and regions


@pytest.fixture
def stranger(make_cloud, path) -> Cloud:
    """The other account (otherid), through the same client path."""
    return make_cloud(path, key=OTHER_KEY)


def test_other_account_cannot_see_the_havip(stranger, vip):
    assert stranger.havip(vip["HaVipId"]) is None
    assert vip["HaVipId"] not in stranger.havip_ids()


@pytest.mark.parametrize("action, extra", [
    ("DeleteHaVip", {}),
    ("ModifyHaVipAttribute", {"Name": "mine-now"}),
    ("AssociateHaVip", {"InstanceId": NO_SUCH_INSTANCE}),
    ("UnassociateHaVip", {"InstanceId": NO_SUCH_INSTANCE}),
])
def test_other_account_cannot_touch_the_havip(stranger, vip, action, extra):
    stranger.fails(E.HAVIP_NOT_FOUND, action, HaVipId=vip["HaVipId"], **extra)


def test_other_account_cannot_use_its_instances_with_the_havip(stranger, cloud, vip):
    other_net = stranger.build(instances=1)
    # the HaVip is not found first: the stranger cannot learn it exists
    stranger.fails(E.HAVIP_NOT_FOUND, "AssociateHaVip", HaVipId=vip["HaVipId"], InstanceId=other_net.instance_ids[0])
    stranger.fails(E.HAVIP_VSWITCH_NOT_FOUND, "CreateHaVip", VSwitchId=cloud.havip(vip["HaVipId"])["VSwitchId"])
    eip_id, _ = stranger.allocate_eip()
    stranger.fails(E.HAVIP_NOT_FOUND, "AssociateEipAddress", AllocationId=eip_id, InstanceId=vip["HaVipId"],
                   InstanceType="HaVip")


def test_other_account_cannot_tag_the_havip(stranger, vip):
    stranger.fails(E.RESOURCE_ID_NOT_FOUND, "TagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                   Tag=[{"Key": "k", "Value": "v"}])
    stranger.fails(E.RESOURCE_ID_NOT_FOUND, "MoveResourceGroup", ResourceType="HAVIP", ResourceId=vip["HaVipId"],
                   NewResourceGroupId="rg-aek2somewhere")


def test_havip_of_another_region(cloud, vip):
    cloud.fails(E.HAVIP_NOT_FOUND, "DeleteHaVip", HaVipId=vip["HaVipId"], RegionId="cn-beijing")
    assert cloud.havips({"HaVipId": vip["HaVipId"]}, RegionId="cn-beijing") == []


@pytest.mark.parametrize("action, extra", [
    ("CreateHaVip", {"VSwitchId": "vsw-x"}),
    ("DescribeHaVips", {}),
    ("DeleteHaVip", {"HaVipId": NO_SUCH_HAVIP}),
    ("AssociateHaVip", {"HaVipId": NO_SUCH_HAVIP, "InstanceId": NO_SUCH_INSTANCE}),
    ("UnassociateHaVip", {"HaVipId": NO_SUCH_HAVIP, "InstanceId": NO_SUCH_INSTANCE}),
    ("ModifyHaVipAttribute", {"HaVipId": NO_SUCH_HAVIP}),
    ("TagResources", {"ResourceType": "HAVIP", "ResourceId": [NO_SUCH_HAVIP], "Tag": [{"Key": "k", "Value": "v"}]}),
    ("UnTagResources", {"ResourceType": "HAVIP", "ResourceId": [NO_SUCH_HAVIP], "All": True}),
    ("ListTagResources", {"ResourceType": "HAVIP", "ResourceId": [NO_SUCH_HAVIP]}),
    ("MoveResourceGroup", {"ResourceType": "HAVIP", "ResourceId": NO_SUCH_HAVIP, "NewResourceGroupId": "rg-aek2x"}),
    ("CreateVpc", {}),
    ("AllocateEipAddress", {}),
    ("CreateSecurityGroup", {"VpcId": "vpc-x"}),
    ("DescribeInstances", {}),
])
def test_unknown_region(cloud, action, extra):
    cloud.fails(E.REGION_NOT_FOUND, action, RegionId="xx-nowhere-1", **extra)


# --------------------------------------------------- instances that go away or stop


def test_deleting_an_instance_leaves_its_havips(cloud, net, in_use):
    master, other = net.instance_ids
    eip_id, _ = cloud.allocate_eip()
    cloud.call("AssociateEipAddress", AllocationId=eip_id, InstanceId=master)
    cloud.call("DeleteInstance", InstanceId=master, Force=True)
    item = cloud.havip(in_use)
    assert item["AssociatedInstances"] == {"associatedInstance": [other]}, item
    assert (item["MasterInstanceId"], item["Status"]) == (other, "InUse"), item
    assert cloud.eip(eip_id)["Status"] == "Available"
    cloud.call("StopInstance", InstanceId=other)
    cloud.call("DeleteInstance", InstanceId=other)
    item = cloud.havip(in_use)
    assert (item["Status"], item["MasterInstanceId"], item["AssociatedInstanceType"]) == ("Available", "", ""), item


def test_master_follows_running_instances(cloud, net, in_use):
    first, second = net.instance_ids
    cloud.call("StopInstance", InstanceId=first)
    assert cloud.havip(in_use)["MasterInstanceId"] == second
    cloud.call("StartInstance", InstanceId=first)
    assert cloud.havip(in_use)["MasterInstanceId"] == second  # the master keeps the role while it runs
    cloud.call("StopInstance", InstanceId=second)
    assert cloud.havip(in_use)["MasterInstanceId"] == first
    cloud.call("StopInstance", InstanceId=first)
    assert cloud.havip(in_use)["MasterInstanceId"] == first  # none runs: the first associated one


def test_master_moves_to_the_first_running_instance(cloud):
    net = cloud.build(instances=3)
    a, b, c = net.instance_ids
    havip_id = cloud.create_havip(net.vswitch_id)["HaVipId"]
    for instance_id in (a, b, c):
        cloud.associate(havip_id, instance_id)
    cloud.call("StopInstance", InstanceId=b)
    assert cloud.havip(havip_id)["MasterInstanceId"] == a  # b was not the master
    item = cloud.unassociate(havip_id, a, Force=True, wait="InUse")
    assert item["MasterInstanceId"] == c, item  # b comes first but is stopped
    assert item["AssociatedInstances"] == {"associatedInstance": [b, c]}, item


def test_deleting_an_eni_leaves_its_havips(cloud, net, vip):
    first, second = (cloud.create_eni(net.vswitch_id, net.sg_id) for _ in range(2))
    for eni in (first, second):
        cloud.associate(vip["HaVipId"], eni, InstanceType="NetworkInterface")
    assert cloud.havip(vip["HaVipId"])["MasterInstanceId"] == first
    cloud.call("DeleteNetworkInterface", NetworkInterfaceId=first)
    item = cloud.havip(vip["HaVipId"])
    assert (item["MasterInstanceId"], item["AssociatedInstances"]) == (second, {"associatedInstance": [second]}), item
    cloud.call("DeleteNetworkInterface", NetworkInterfaceId=second)
    item = cloud.havip(vip["HaVipId"])
    assert (item["Status"], item["MasterInstanceId"], item["AssociatedInstanceType"]) == ("Available", "", ""), item


def test_a_failed_tag_request_changes_nothing(cloud, net):
    """TagResources on two HaVips where the second is full: the first gets nothing either."""
    empty = cloud.create_havip(net.vswitch_id)["HaVipId"]
    full = cloud.create_havip(net.vswitch_id, Tag=tag_list(20))["HaVipId"]
    cloud.fails(E.TAG_QUOTA_EXCEEDED, "TagResources", ResourceType="HAVIP", ResourceId=[empty, full],
                Tag=[{"Key": "new", "Value": "x"}])
    assert cloud.havip(empty)["Tags"] == {"Tag": []}


def test_untag_21_keys(cloud, vip):
    cloud.fails(E.TAG_COUNT_EXCEEDED, "UnTagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                TagKey=[f"k{i}" for i in range(21)])


def test_describe_with_21_tag_filters(cloud):
    cloud.fails(E.TAG_COUNT_EXCEEDED, "DescribeHaVips", Tags=tag_list(21))


@pytest.mark.parametrize("max_results", [0, 51])
def test_list_tags_max_results(cloud, vip, max_results):
    cloud.fails(invalid("MaxResults"), "ListTagResources", ResourceType="HAVIP", ResourceId=[vip["HaVipId"]],
                MaxResults=max_results)


def test_client_token_is_per_action(cloud, net):
    token = unique("token")
    cloud.call("CreateHaVip", VSwitchId=net.vswitch_id, ClientToken=token)
    assert cloud.call("CreateVpc", CidrBlock="10.0.0.0/16", ClientToken=token)["VpcId"].startswith("vpc-")


def test_client_token_replays_an_unassociation(cloud, net, in_use):
    token = unique("token")
    args = dict(HaVipId=in_use, InstanceId=net.instance_ids[1], ClientToken=token)
    cloud.call("UnassociateHaVip", **args)
    cloud.wait_havip(in_use, "InUse")
    cloud.call("UnassociateHaVip", **args)  # the first answer again, not ResourceNotAssociated
    assert cloud.havip(in_use)["AssociatedInstances"] == {"associatedInstance": [net.instance_ids[0]]}
