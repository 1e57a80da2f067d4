"""The errors of the resources a HaVip stands on (VPC, vSwitch, EIP, ECS instances, security
groups, ENIs), one test per case with exact status, code and message, on a synchronous
server (``synchronous_havip``)."""

from __future__ import annotations

import pytest

from .cloud import IMAGE_ID, INSTANCE_TYPE, OTHER_ZONE, USABLE_IN_24, ZONE, Cloud
from .control import Control
from .expect import E, Err, invalid

NO_SUCH_VPC = "vpc-doesnotexist0000000000000"
NO_SUCH_VSWITCH = "vsw-doesnotexist0000000000000"
NO_SUCH_EIP = "eip-doesnotexist0000000000000"
NO_SUCH_INSTANCE = "i-doesnotexist000000000000"


@pytest.fixture
def cloud_endpoint(synchronous_havip):
    return synchronous_havip


@pytest.fixture
def vpc_id(cloud) -> str:
    return cloud.create_vpc("10.0.0.0/16")


def run(cloud: Cloud, vswitch_id: str, sg_id: str, **params):
    return cloud.call("RunInstances", VSwitchId=vswitch_id, SecurityGroupId=sg_id, ImageId=IMAGE_ID,
                      InstanceType=INSTANCE_TYPE, **params)


# --------------------------------------------------------------------------------- VPC


@pytest.mark.parametrize("cidr", ["100.64.0.0/16", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/8",
                                  "10.0.0.0/7", "10.0.0.0/29", "10.0.0.1/16", "10.0.0.0", "ten"])
def test_create_vpc_bad_cidr(cloud, cidr):
    cloud.fails(E.VPC_CIDR_INVALID, "CreateVpc", CidrBlock=cidr)


def test_create_vpc_default_cidr(cloud):
    vpc_id = cloud.call("CreateVpc")["VpcId"]
    [vpc] = cloud.call("DescribeVpcs", VpcId=vpc_id)["Vpcs"]["Vpc"]
    assert vpc["CidrBlock"] == "172.16.0.0/12", vpc


@pytest.mark.parametrize("name", ["http://vpc", "https://vpc", "v" * 129])
def test_create_vpc_bad_name(cloud, name):
    cloud.fails(E.VPC_NAME_MALFORMED, "CreateVpc", VpcName=name)


@pytest.mark.parametrize("description", ["http://vpc", "d" * 257])
def test_create_vpc_bad_description(cloud, description):
    cloud.fails(E.VPC_DESCRIPTION_MALFORMED, "CreateVpc", Description=description)


def test_create_vpc_bad_resource_group(cloud):
    cloud.fails(E.RESOURCE_GROUP_INVALID, "CreateVpc", ResourceGroupId="Default")


def test_delete_vpc_not_found(cloud):
    cloud.fails(E.VPC_NOT_FOUND, "DeleteVpc", VpcId=NO_SUCH_VPC)


def test_delete_vpc_with_a_vswitch(cloud, vpc_id):
    cloud.create_vswitch(vpc_id, "10.0.1.0/24")
    cloud.fails(E.VPC_HAS_VSWITCHES, "DeleteVpc", VpcId=vpc_id)


def test_delete_vpc_with_a_security_group(cloud, vpc_id):
    sg_id = cloud.create_security_group(vpc_id)
    cloud.fails(E.VPC_HAS_SECURITY_GROUPS, "DeleteVpc", VpcId=vpc_id)
    cloud.call("DeleteSecurityGroup", SecurityGroupId=sg_id)
    cloud.call("DeleteVpc", VpcId=vpc_id)
    cloud.fails(E.VPC_NOT_FOUND, "DeleteVpc", VpcId=vpc_id)


# ----------------------------------------------------------------------------- vSwitch


@pytest.mark.parametrize("cidr", ["10.1.0.0/24", "192.168.0.0/24", "10.0.0.0/16"])
def test_vswitch_cidr_not_in_vpc(cloud, cidr):
    vpc_id = cloud.create_vpc("10.0.0.0/17")
    cloud.fails(E.VSWITCH_CIDR_NOT_IN_VPC, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock=cidr)


@pytest.mark.parametrize("cidr", ["10.0.1.0/24", "10.0.1.128/25", "10.0.0.0/23", "10.0.0.0/16"])
def test_vswitch_cidr_overlap(cloud, vpc_id, cidr):
    cloud.create_vswitch(vpc_id, "10.0.1.0/24")
    cloud.fails(E.VSWITCH_CIDR_OVERLAPPED, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock=cidr)


@pytest.mark.parametrize("cidr", ["10.0.0.0/15", "10.0.0.0/30", "10.0.0.0/32", "10.0.0.0/8"])
def test_vswitch_mask_length(cloud, cidr):
    vpc_id = cloud.create_vpc("10.0.0.0/8")
    cloud.fails(E.VSWITCH_CIDR_MASK, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock=cidr)


@pytest.mark.parametrize("cidr", ["10.0.0.0/16", "10.0.0.0/29"])
def test_vswitch_mask_bounds_accepted(cloud, cidr):
    vpc_id = cloud.create_vpc("10.0.0.0/8")
    vsw_id = cloud.create_vswitch(vpc_id, cidr)
    assert cloud.vswitch(vsw_id)["AvailableIpAddressCount"] == {"10.0.0.0/16": 65532, "10.0.0.0/29": 4}[cidr]


@pytest.mark.parametrize("cidr", ["10.0.1.1/24", "10.0.1.0", "10.0.1.0/abc", "vsw"])
def test_vswitch_cidr_malformed(cloud, vpc_id, cidr):
    cloud.fails(E.VSWITCH_CIDR_MALFORMED, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock=cidr)


@pytest.mark.parametrize("zone", ["cn-beijing-a", "cn-hangzhou-z", "ap-southeast-1a"])
def test_vswitch_zone_not_in_region(cloud, vpc_id, zone):
    cloud.fails(E.ZONE_NOT_FOUND, "CreateVSwitch", VpcId=vpc_id, ZoneId=zone, CidrBlock="10.0.1.0/24")


def test_vswitch_in_another_zone(cloud, vpc_id):
    vsw_id = cloud.create_vswitch(vpc_id, "10.0.1.0/24", zone=OTHER_ZONE)
    assert cloud.vswitch(vsw_id)["ZoneId"] == OTHER_ZONE


def test_vswitch_vpc_not_found(cloud):
    cloud.fails(E.VPC_NOT_FOUND, "CreateVSwitch", VpcId=NO_SUCH_VPC, ZoneId=ZONE, CidrBlock="10.0.1.0/24")


@pytest.mark.parametrize("name", ["http://vsw", "s" * 129])
def test_vswitch_bad_name(cloud, vpc_id, name):
    cloud.fails(E.VSWITCH_NAME_MALFORMED, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock="10.0.1.0/24",
                VSwitchName=name)


@pytest.mark.parametrize("description", ["https://vsw", "d" * 257])
def test_vswitch_bad_description(cloud, vpc_id, description):
    cloud.fails(E.VSWITCH_DESCRIPTION_MALFORMED, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE,
                CidrBlock="10.0.1.0/24", Description=description)


@pytest.mark.parametrize("path", ["tea_v3", "core"])
def test_vswitch_quota(make_cloud, path, servers):
    limited = make_cloud(path, servers.shared("--max-havip-associations", "2", "--max-havips-per-instance", "2",
                                              "--max-vswitches-per-vpc", "2", "--transition-delay", "0"))
    vpc_id = limited.create_vpc("10.0.0.0/16")
    limited.create_vswitch(vpc_id, "10.0.1.0/24")
    limited.create_vswitch(vpc_id, "10.0.2.0/24")
    limited.fails(E.VSWITCH_QUOTA, "CreateVSwitch", VpcId=vpc_id, ZoneId=ZONE, CidrBlock="10.0.3.0/24")


def test_delete_vswitch_not_found(cloud):
    cloud.fails(E.VSWITCH_NOT_FOUND, "DeleteVSwitch", VSwitchId=NO_SUCH_VSWITCH)


def test_delete_vswitch_with_a_havip(cloud):
    net = cloud.build(instances=0)
    havip_id = cloud.create_havip(net.vswitch_id)["HaVipId"]
    cloud.fails(E.VSWITCH_HAS_HAVIPS, "DeleteVSwitch", VSwitchId=net.vswitch_id)
    cloud.call("DeleteHaVip", HaVipId=havip_id)
    cloud.wait_havip_gone(havip_id)
    cloud.call("DeleteVSwitch", VSwitchId=net.vswitch_id)


def test_delete_vswitch_with_an_instance(cloud):
    net = cloud.build(instances=1)
    cloud.fails(E.VSWITCH_HAS_DEPENDENTS, "DeleteVSwitch", VSwitchId=net.vswitch_id)


def test_delete_vswitch_with_an_eni(cloud):
    net = cloud.build(instances=0)
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.fails(E.VSWITCH_HAS_DEPENDENTS, "DeleteVSwitch", VSwitchId=net.vswitch_id)
    cloud.call("DeleteNetworkInterface", NetworkInterfaceId=eni)
    cloud.call("DeleteVSwitch", VSwitchId=net.vswitch_id)


@pytest.mark.parametrize("path", ["tea_v3", "tea_v1"])
def test_describe_vswitches_without_region_or_vpc(cloud):
    cloud.fails(E.REGION_OR_VPC_MISSING, "DescribeVSwitches", RegionId=None)


@pytest.mark.parametrize("path", ["tea_v3", "tea_v1"])
def test_describe_vswitches_by_vpc_alone(cloud, net):
    items = cloud.call("DescribeVSwitches", RegionId=None, VpcId=net.vpc_id)["VSwitches"]["VSwitch"]
    assert [v["VSwitchId"] for v in items] == [net.vswitch_id]


# --------------------------------------------------------------------------------- EIP


@pytest.fixture
def eip(cloud):
    """An Available EIP: ``(AllocationId, address)``."""
    return cloud.allocate_eip()


@pytest.fixture
def havip_id(cloud, net):
    return cloud.create_havip(net.vswitch_id)["HaVipId"]


def bind(cloud: Cloud, allocation_id: str, havip_id: str) -> None:
    cloud.call("AssociateEipAddress", AllocationId=allocation_id, InstanceId=havip_id, InstanceType="HaVip")


def test_associate_eip_not_found(cloud, havip_id):
    cloud.fails(E.EIP_NOT_FOUND, "AssociateEipAddress", AllocationId=NO_SUCH_EIP, InstanceId=havip_id,
                InstanceType="HaVip")


def test_associate_eip_havip_not_found(cloud, eip):
    cloud.fails(E.HAVIP_NOT_FOUND, "AssociateEipAddress", AllocationId=eip[0],
                InstanceId="havip-doesnotexist0000000000", InstanceType="HaVip")


def test_associate_eip_instance_not_found(cloud, eip):
    cloud.fails(E.EIP_INSTANCE_NOT_FOUND, "AssociateEipAddress", AllocationId=eip[0], InstanceId=NO_SUCH_INSTANCE)


def test_associate_eip_unknown_instance_type(cloud, eip, havip_id):
    cloud.fails(E.INSTANCE_TYPE_UNSUPPORTED, "AssociateEipAddress", AllocationId=eip[0], InstanceId=havip_id,
                InstanceType="Nat")


def test_associate_eip_twice(cloud, eip, havip_id):
    bind(cloud, eip[0], havip_id)
    cloud.fails(E.EIP_ASSOCIATION_DUPLICATED, "AssociateEipAddress", AllocationId=eip[0], InstanceId=havip_id,
                InstanceType="HaVip")


def test_second_eip_on_a_havip(cloud, eip, havip_id):
    bind(cloud, eip[0], havip_id)
    second, _ = cloud.allocate_eip()
    cloud.fails(E.EIP_ASSOCIATION_DUPLICATED, "AssociateEipAddress", AllocationId=second, InstanceId=havip_id,
                InstanceType="HaVip")


def test_bound_eip_on_another_havip(cloud, net, eip, havip_id):
    bind(cloud, eip[0], havip_id)
    other = cloud.create_havip(net.vswitch_id)["HaVipId"]
    cloud.fails(E.EIP_NOT_AVAILABLE_FOR_ASSOCIATION, "AssociateEipAddress", AllocationId=eip[0], InstanceId=other,
                InstanceType="HaVip")


def test_eip_on_an_instance(cloud, net, eip):
    cloud.call("AssociateEipAddress", AllocationId=eip[0], InstanceId=net.instance_ids[0])
    assert cloud.instance(net.instance_ids[0])["EipAddress"]["IpAddress"] == eip[1]
    record = cloud.eip(eip[0])
    assert (record["InstanceType"], record["InstanceId"]) == ("EcsInstance", net.instance_ids[0]), record


def test_release_bound_eip(cloud, eip, havip_id):
    bind(cloud, eip[0], havip_id)
    cloud.fails(E.EIP_STATUS, "ReleaseEipAddress", AllocationId=eip[0])


def test_release_eip_not_found(cloud):
    cloud.fails(E.EIP_NOT_FOUND, "ReleaseEipAddress", AllocationId=NO_SUCH_EIP)


def test_unassociate_unbound_eip(cloud, eip, havip_id):
    cloud.fails(E.EIP_STATUS, "UnassociateEipAddress", AllocationId=eip[0], InstanceId=havip_id, InstanceType="HaVip")


def test_unassociate_eip_from_the_wrong_instance(cloud, net, eip, havip_id):
    bind(cloud, eip[0], havip_id)
    other = cloud.create_havip(net.vswitch_id)["HaVipId"]
    cloud.fails(E.EIP_INSTANCE_MISMATCH, "UnassociateEipAddress", AllocationId=eip[0], InstanceId=other,
                InstanceType="HaVip")


@pytest.mark.parametrize("bandwidth", ["0", "abc", "10001"])
def test_allocate_eip_bad_bandwidth(cloud, bandwidth):
    cloud.fails(E.EIP_BANDWIDTH_INVALID, "AllocateEipAddress", Bandwidth=bandwidth)


def test_allocate_eip_bad_charge_type(cloud):
    cloud.fails(E.EIP_CHARGE_TYPE_INVALID, "AllocateEipAddress", InternetChargeType="PayByNothing")


def test_eip_addresses_are_public_and_distinct(cloud):
    addresses = [cloud.allocate_eip()[1] for _ in range(5)]
    assert len(set(addresses)) == 5
    assert all(a.startswith("47.") for a in addresses), addresses


# --------------------------------------------------------------------------------- ECS


def test_describe_instances_by_json_array(cloud, net):
    first, second = net.instance_ids
    body = cloud.call("DescribeInstances", InstanceIds=f'["{first}", "{second}", "{NO_SUCH_INSTANCE}"]')
    assert sorted(i["InstanceId"] for i in body["Instances"]["Instance"]) == sorted(net.instance_ids)
    assert body["TotalCount"] == 2, body


@pytest.mark.parametrize("value", ["i-1,i-2", '["i-1", 2]', "[", '{"i": 1}', "i-1"])
def test_describe_instances_malformed_ids(cloud, value):
    cloud.fails(E.INSTANCE_IDS_MALFORMED, "DescribeInstances", InstanceIds=value)


def test_stop_twice(cloud, net):
    cloud.call("StopInstance", InstanceId=net.instance_ids[0])
    cloud.fails(E.INSTANCE_STATUS, "StopInstance", InstanceId=net.instance_ids[0])


def test_start_a_running_instance(cloud, net):
    cloud.fails(E.INSTANCE_STATUS, "StartInstance", InstanceId=net.instance_ids[0])


@pytest.mark.parametrize("action", ["StopInstance", "StartInstance", "DeleteInstance"])
def test_instance_not_found(cloud, action):
    cloud.fails(E.INSTANCE_NOT_FOUND, action, InstanceId=NO_SUCH_INSTANCE)


@pytest.mark.parametrize("force", [None, False])
def test_delete_running_instance_without_force(cloud, net, force):
    cloud.fails(E.INSTANCE_STATUS, "DeleteInstance", InstanceId=net.instance_ids[0], Force=force)
    assert cloud.instance(net.instance_ids[0])["Status"] == "Running"


def test_delete_security_group_in_use(cloud, net):
    cloud.fails(E.SECURITY_GROUP_IN_USE, "DeleteSecurityGroup", SecurityGroupId=net.sg_id)
    for instance_id in net.instance_ids:
        cloud.call("DeleteInstance", InstanceId=instance_id, Force=True)
    cloud.call("DeleteSecurityGroup", SecurityGroupId=net.sg_id)


def test_delete_security_group_used_by_an_eni(cloud):
    net = cloud.build(instances=0)
    cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.fails(E.SECURITY_GROUP_IN_USE, "DeleteSecurityGroup", SecurityGroupId=net.sg_id)


def test_delete_security_group_not_found(cloud):
    cloud.fails(E.SECURITY_GROUP_NOT_FOUND, "DeleteSecurityGroup", SecurityGroupId="sg-doesnotexist00000000000")


@pytest.mark.parametrize("amount", [0, 101])
def test_run_instances_amount(cloud, net, amount):
    cloud.fails(E.AMOUNT_INVALID, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, Amount=amount)


def test_run_instances_vswitch_not_found(cloud, net):
    cloud.fails(E.ECS_VSWITCH_NOT_FOUND, "RunInstances", VSwitchId=NO_SUCH_VSWITCH, SecurityGroupId=net.sg_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE)


def test_run_instances_security_group_not_found(cloud, net):
    cloud.fails(E.SECURITY_GROUP_REFERENCE_NOT_FOUND, "RunInstances", VSwitchId=net.vswitch_id,
                SecurityGroupId="sg-doesnotexist00000000000", ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE)


def test_run_instances_security_group_of_another_vpc(cloud, net):
    other_sg = cloud.create_security_group(cloud.create_vpc("10.0.0.0/16"))
    cloud.fails(E.SECURITY_GROUP_VPC_MISMATCH, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=other_sg,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE)


def test_run_instances_zone_mismatch(cloud, net):
    cloud.fails(E.ZONE_VSWITCH_MISMATCH, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, ZoneId=OTHER_ZONE)


@pytest.mark.parametrize("address, expected", [
    ("192.168.1.300", E.PRIVATE_IP_MALFORMED),
    ("192.168.2.10", E.PRIVATE_IP_OUT_OF_RANGE),
    ("192.168.1.255", E.PRIVATE_IP_OUT_OF_RANGE),   # reserved: ECS says "not in the CIDR block"
    ("192.168.1.1", E.PRIVATE_IP_DUPLICATED),       # the first instance's
])
def test_run_instances_private_ip(cloud, net, address, expected):
    cloud.fails(expected, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id, ImageId=IMAGE_ID,
                InstanceType=INSTANCE_TYPE, PrivateIpAddress=address)


def test_run_instances_consecutive_addresses(cloud, net):
    instance_ids = run(cloud, net.vswitch_id, net.sg_id, Amount=3, PrivateIpAddress="192.168.1.100")[
        "InstanceIdSets"]["InstanceIdSet"]
    addresses = [cloud.instance(i)["VpcAttributes"]["PrivateIpAddress"]["IpAddress"][0] for i in instance_ids]
    assert addresses == ["192.168.1.100", "192.168.1.101", "192.168.1.102"]
    assert cloud.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == USABLE_IN_24 - 5


def test_run_instances_bad_name(cloud, net):
    cloud.fails(E.INSTANCE_NAME_MALFORMED, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, InstanceName="http://ecs")


def test_create_instance_is_stopped(cloud, net):
    instance_id = cloud.call("CreateInstance", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                             ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE)["InstanceId"]
    assert cloud.instance(instance_id)["Status"] == "Stopped"
    cloud.call("DeleteInstance", InstanceId=instance_id)


def test_delete_primary_eni(cloud, net):
    instance = cloud.instance(net.instance_ids[0])
    [primary] = instance["NetworkInterfaces"]["NetworkInterface"]
    cloud.fails(E.ENI_IN_USE, "DeleteNetworkInterface", NetworkInterfaceId=primary["NetworkInterfaceId"])


def test_delete_eni_not_found(cloud):
    cloud.fails(E.ENI_NOT_FOUND, "DeleteNetworkInterface", NetworkInterfaceId="eni-doesnotexist000000000000")


def test_eni_address_rules(cloud, net):
    cloud.fails(E.PRIVATE_IP_DUPLICATED, "CreateNetworkInterface", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                PrimaryIpAddress="192.168.1.2")
    eni = cloud.create_eni(net.vswitch_id, net.sg_id, PrimaryIpAddress="192.168.1.50")
    cloud.fails(E.IP_ALREADY_USED, "CreateHaVip", VSwitchId=net.vswitch_id, IpAddress="192.168.1.50")
    cloud.call("DeleteNetworkInterface", NetworkInterfaceId=eni)
    assert cloud.create_havip(net.vswitch_id, IpAddress="192.168.1.50")["IpAddress"] == "192.168.1.50"


@pytest.mark.parametrize("action, extra", [
    ("CreateVSwitch", {"VpcId": NO_SUCH_VPC, "ZoneId": ZONE, "CidrBlock": "10.0.1.0/24"}),
    ("DeleteVpc", {"VpcId": NO_SUCH_VPC}),
    ("DescribeVSwitches", {}),
    ("DescribeEipAddresses", {}),
    ("ReleaseEipAddress", {"AllocationId": NO_SUCH_EIP}),
    ("RunInstances", {"VSwitchId": NO_SUCH_VSWITCH, "SecurityGroupId": "sg-x", "ImageId": IMAGE_ID,
                      "InstanceType": INSTANCE_TYPE}),
    ("DeleteSecurityGroup", {"SecurityGroupId": "sg-x"}),
])
def test_unknown_region(cloud, action, extra):
    cloud.fails(E.REGION_NOT_FOUND, action, RegionId="xx-nowhere-1", **extra)


def test_page_size_limits_of_other_describes(cloud):
    cloud.fails(invalid("PageSize"), "DescribeVpcs", PageSize=51)
    cloud.fails(invalid("PageSize"), "DescribeEipAddresses", PageSize=101)
    cloud.fails(invalid("PageSize"), "DescribeInstances", PageSize=101)


def test_run_instances_is_all_or_nothing(cloud, net):
    """Three consecutive addresses from .100 where .101 is taken: no instance is created, .100 stays free."""
    cloud.create_havip(net.vswitch_id, IpAddress="192.168.1.101")
    before = cloud.vswitch(net.vswitch_id)["AvailableIpAddressCount"]
    cloud.fails(E.PRIVATE_IP_DUPLICATED, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, Amount=3, PrivateIpAddress="192.168.1.100")
    assert cloud.vswitch(net.vswitch_id)["AvailableIpAddressCount"] == before
    assert cloud.call("DescribeInstances", VSwitchId=net.vswitch_id)["TotalCount"] == 2
    assert cloud.create_havip(net.vswitch_id, IpAddress="192.168.1.100")["IpAddress"] == "192.168.1.100"


def test_run_instances_in_a_full_vswitch(cloud):
    net = cloud.build(instances=0, vswitch_cidr="192.168.9.0/29")
    run(cloud, net.vswitch_id, net.sg_id, Amount=4)
    cloud.fails(E.IP_EXHAUSTED, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE)
    cloud.fails(E.IP_EXHAUSTED, "RunInstances", VSwitchId=cloud.create_vswitch(net.vpc_id, "192.168.10.0/29"),
                SecurityGroupId=net.sg_id, ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, Amount=5)


@pytest.mark.parametrize("resource_type", ["VPC", "vpc", "VSWITCH", "VSwitch", "EIP", "eip"])
def test_tags_and_groups_of_other_resources(cloud, net, resource_type):
    canonical = resource_type.upper()
    resource_id = {"VPC": net.vpc_id, "VSWITCH": net.vswitch_id}.get(canonical) or cloud.allocate_eip()[0]
    cloud.call("TagResources", ResourceType=resource_type, ResourceId=[resource_id], Tag=[{"Key": "k", "Value": "v"}])
    listed = cloud.call("ListTagResources", ResourceType=resource_type, ResourceId=[resource_id])
    assert [(t["ResourceId"], t["ResourceType"], t["TagKey"], t["TagValue"])
            for t in listed["TagResources"]["TagResource"]] == [(resource_id, canonical, "k", "v")], listed
    group = Control(cloud.endpoint).resource_group(f"moved-{resource_type}-{resource_id}", cloud.key.account)
    cloud.call("MoveResourceGroup", ResourceType=resource_type, ResourceId=resource_id, NewResourceGroupId=group)
    if canonical == "VPC":
        [item] = cloud.call("DescribeVpcs", VpcId=resource_id)["Vpcs"]["Vpc"]
    elif canonical == "VSWITCH":
        item = cloud.vswitch(resource_id)
    else:
        item = cloud.eip(resource_id)
    assert item["ResourceGroupId"] == group, item
    assert item["Tags"] == {"Tag": [{"Key": "k", "Value": "v"}]}, item


@pytest.mark.parametrize("params, expected", [
    ({"SecurityGroupName": "http://sg"}, E.SECURITY_GROUP_NAME_MALFORMED),
    ({"SecurityGroupName": "s" * 129}, E.SECURITY_GROUP_NAME_MALFORMED),
    ({"Description": "https://sg"}, Err(400, "InvalidSecurityGroupDiscription.Malformed",
                                        "Specified security group description is not valid.")),
])
def test_security_group_bad_name_or_description(cloud, vpc_id, params, expected):
    cloud.fails(expected, "CreateSecurityGroup", VpcId=vpc_id, **params)


def test_security_group_vpc_not_found(cloud):
    cloud.fails(E.VPC_NOT_FOUND, "CreateSecurityGroup", VpcId=NO_SUCH_VPC)
