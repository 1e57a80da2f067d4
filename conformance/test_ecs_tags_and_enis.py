"""ECS tags (TagResources, UntagResources with ECS's lower-case t, ListTagResources under 2014-05-26) on
instances, security groups and ENIs, and ENIs attached, detached and modified, through every SDK path;
each error with its exact status, code and message."""

from __future__ import annotations

from .expect import E

TAG = [{"Key": "env", "Value": "test"}]


def test_tags_on_each_ecs_type(cloud, net):
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    for resource_type, resource_id in [("instance", net.instance_ids[0]), ("securitygroup", net.sg_id), ("eni", eni)]:
        cloud.call("TagResources", ecs=True, ResourceType=resource_type, ResourceId=[resource_id], Tag=TAG)
        listed = cloud.call("ListTagResources", ecs=True, ResourceType=resource_type, ResourceId=[resource_id])
        assert listed["TagResources"]["TagResource"] == [
            {"ResourceId": resource_id, "TagKey": "env", "ResourceType": resource_type, "TagValue": "test"}], listed
        cloud.call("UntagResources", ResourceType=resource_type, ResourceId=[resource_id], TagKey=["env"])
        assert cloud.call("ListTagResources", ecs=True, ResourceType=resource_type,
                          ResourceId=[resource_id])["TagResources"]["TagResource"] == []
    cloud.call("TagResources", ecs=True, ResourceType="instance", ResourceId=[net.instance_ids[0]], Tag=TAG)
    instance = cloud.call("DescribeInstances", InstanceIds=f'["{net.instance_ids[0]}"]')["Instances"]["Instance"][0]
    assert instance["Tags"] == {"Tag": [{"TagKey": "env", "TagValue": "test"}]}


def test_tag_errors(cloud, net):
    target = {"ResourceType": "securitygroup", "ResourceId": [net.sg_id]}
    cloud.fails(E.ECS_RESOURCE_TYPE_NOT_FOUND, "TagResources", ecs=True, ResourceType="havip", ResourceId=[net.sg_id], Tag=TAG)
    cloud.fails(E.ECS_TAGS_MISSING, "TagResources", ecs=True, **target)
    cloud.fails(E.ECS_RESOURCE_NOT_FOUND, "TagResources", ecs=True, ResourceType="instance", ResourceId=["i-doesnotexist"], Tag=TAG)
    cloud.fails(E.ECS_TAGS_TOO_MANY, "TagResources", ecs=True, Tag=[{"Key": f"k{n}"} for n in range(21)], **target)
    cloud.fails(E.ECS_TAG_KEY_INVALID, "TagResources", ecs=True, Tag=[{"Key": "acs:x"}], **target)
    cloud.fails(E.ECS_TAGS_MISSING, "UntagResources", **target)
    cloud.fails(E.ECS_TAGS_MISSING, "ListTagResources", ecs=True, ResourceType="instance")


def test_attach_detach_and_modify(cloud, net):
    instance_id = net.instance_ids[0]
    eni = cloud.create_eni(net.vswitch_id, net.sg_id)
    cloud.call("AttachNetworkInterface", NetworkInterfaceId=eni, InstanceId=instance_id)
    item = cloud.call("DescribeNetworkInterfaces", NetworkInterfaceId=[eni])["NetworkInterfaceSets"]["NetworkInterfaceSet"][0]
    assert (item["Status"], item["InstanceId"]) == ("InUse", instance_id), item
    cloud.fails(E.ENI_IN_USE, "AttachNetworkInterface", NetworkInterfaceId=eni, InstanceId=instance_id)
    cloud.call("DetachNetworkInterface", NetworkInterfaceId=eni, InstanceId=instance_id)
    item = cloud.call("DescribeNetworkInterfaces", NetworkInterfaceId=[eni])["NetworkInterfaceSets"]["NetworkInterfaceSet"][0]
    assert (item["Status"], item["InstanceId"]) == ("Available", ""), item
    second = cloud.create_security_group(net.vpc_id)
    cloud.call("ModifyNetworkInterfaceAttribute", NetworkInterfaceId=eni, NetworkInterfaceName="eni-a",
               Description="changed", SecurityGroupId=[second])
    item = cloud.call("DescribeNetworkInterfaces", NetworkInterfaceId=[eni])["NetworkInterfaceSets"]["NetworkInterfaceSet"][0]
    assert (item["NetworkInterfaceName"], item["Description"]) == ("eni-a", "changed"), item
    assert item["SecurityGroupIds"] == {"SecurityGroupId": [second]}
    primary = cloud.call("DescribeNetworkInterfaces", InstanceId=instance_id)["NetworkInterfaceSets"]["NetworkInterfaceSet"][0]
    cloud.fails(E.ENI_TYPE, "AttachNetworkInterface", NetworkInterfaceId=primary["NetworkInterfaceId"], InstanceId=instance_id)
    cloud.fails(E.PRIMARY_ENI_DETACH, "DetachNetworkInterface", NetworkInterfaceId=primary["NetworkInterfaceId"],
                InstanceId=instance_id)
    cloud.fails(E.ENI_INSTANCE_NOT_FOUND, "AttachNetworkInterface", NetworkInterfaceId=eni, InstanceId="i-doesnotexist")
    cloud.fails(E.ENI_NOT_FOUND, "AttachNetworkInterface", NetworkInterfaceId="eni-doesnotexist", InstanceId=instance_id)
    classic = cloud.call("CreateSecurityGroup")["SecurityGroupId"]
    cloud.fails(E.SG_NOT_VPC, "ModifyNetworkInterfaceAttribute", NetworkInterfaceId=eni, SecurityGroupId=[classic])
    other_vswitch = cloud.create_vswitch(net.vpc_id, "192.168.9.0/24", zone="cn-hangzhou-i")
    far = cloud.create_eni(other_vswitch, net.sg_id)
    cloud.fails(E.ENI_ZONE_MISMATCH, "AttachNetworkInterface", NetworkInterfaceId=far, InstanceId=instance_id)
