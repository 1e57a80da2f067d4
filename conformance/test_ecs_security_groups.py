"""ECS security groups through every SDK path: made without a VPC (a classic-network group), described
with their rules, renamed, rules authorized and revoked in both directions, joined and left, deleted;
each error with its exact status, code and message."""

from __future__ import annotations

import pytest

from .cloud import IMAGE_ID, INSTANCE_TYPE
from .expect import E, missing

SSH = {"IpProtocol": "tcp", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0", "Priority": 1, "Policy": "accept",
       "NicType": "intranet"}


def permissions(cloud, group_id, **params):
    return cloud.call("DescribeSecurityGroupAttribute", SecurityGroupId=group_id, **params)["Permissions"]["Permission"]


def test_a_group_without_a_vpc_is_classic(cloud, net):
    group_id = cloud.call("CreateSecurityGroup", Description="libcloud group")["SecurityGroupId"]
    body = cloud.call("DescribeSecurityGroupAttribute", SecurityGroupId=group_id)
    assert (body["VpcId"], body["Description"], body["InnerAccessPolicy"]) == ("", "libcloud group", "Accept"), body
    cloud.fails(E.SECURITY_GROUP_VPC_MISMATCH, "RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=group_id,
                ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE)
    cloud.fails(E.INSTANCE_SG_MISMATCH, "JoinSecurityGroup", InstanceId=net.instance_ids[0], SecurityGroupId=group_id)
    cloud.call("DeleteSecurityGroup", SecurityGroupId=group_id)
    cloud.fails(E.SECURITY_GROUP_NOT_FOUND, "DescribeSecurityGroupAttribute", SecurityGroupId=group_id)


def test_tags_on_groups(cloud, net):
    group_id = cloud.call("CreateSecurityGroup", VpcId=net.vpc_id, Tag=[{"Key": "env", "Value": "dev"}])["SecurityGroupId"]
    listed = cloud.call("DescribeSecurityGroups", SecurityGroupId=group_id)["SecurityGroups"]["SecurityGroup"]
    assert listed[0]["Tags"] == {"Tag": [{"TagKey": "env", "TagValue": "dev"}]}, listed


def test_modify_security_group_attribute(cloud, net):
    cloud.call("ModifySecurityGroupAttribute", SecurityGroupId=net.sg_id, SecurityGroupName="renamed", Description="new")
    body = cloud.call("DescribeSecurityGroupAttribute", SecurityGroupId=net.sg_id)
    assert (body["SecurityGroupName"], body["Description"]) == ("renamed", "new"), body
    cloud.fails(E.SECURITY_GROUP_NAME_MALFORMED, "ModifySecurityGroupAttribute", SecurityGroupId=net.sg_id,
                SecurityGroupName="http://x")
    cloud.fails(E.SECURITY_GROUP_NOT_FOUND_TO_MODIFY, "ModifySecurityGroupAttribute", SecurityGroupId="sg-doesnotexist",
                SecurityGroupName="x")


def test_rules_in_both_directions(cloud, net):
    peer = cloud.call("CreateSecurityGroup", VpcId=net.vpc_id, SecurityGroupName="peer")["SecurityGroupId"]
    cloud.call("AuthorizeSecurityGroup", SecurityGroupId=net.sg_id, **SSH)
    cloud.call("AuthorizeSecurityGroup", SecurityGroupId=net.sg_id, **SSH)  # an identical rule is not added again
    cloud.call("AuthorizeSecurityGroup", SecurityGroupId=net.sg_id, IpProtocol="all", PortRange="-1/-1", SourceGroupId=peer)
    cloud.call("AuthorizeSecurityGroupEgress", SecurityGroupId=net.sg_id, IpProtocol="all", PortRange="-1/-1",
               DestCidrIp="0.0.0.0/0", Policy="drop")
    rules = permissions(cloud, net.sg_id)
    assert [(r["Direction"], r["IpProtocol"], r["PortRange"]) for r in rules] == [
        ("ingress", "TCP", "22/22"), ("ingress", "ALL", "-1/-1"), ("egress", "ALL", "-1/-1")], rules
    assert rules[0]["SourceCidrIp"] == "0.0.0.0/0" and rules[0]["Priority"] == "1" and rules[0]["Policy"] == "Accept"
    assert rules[1]["SourceGroupId"] == peer and rules[1]["SourceGroupName"] == "peer"
    assert rules[2]["DestCidrIp"] == "0.0.0.0/0" and rules[2]["Policy"] == "Drop"
    assert len(permissions(cloud, net.sg_id, Direction="egress")) == 1
    cloud.fails(E.SECURITY_GROUP_REFERENCED, "DeleteSecurityGroup", SecurityGroupId=peer)
    cloud.call("RevokeSecurityGroup", SecurityGroupId=net.sg_id, IpProtocol="all", PortRange="-1/-1", SourceGroupId=peer)
    cloud.fails(E.GROUP_RULE_NOT_FOUND, "RevokeSecurityGroup", SecurityGroupId=net.sg_id, IpProtocol="all",
                PortRange="-1/-1", SourceGroupId=peer)
    cloud.call("RevokeSecurityGroup", SecurityGroupId=net.sg_id, **SSH)
    cloud.call("RevokeSecurityGroupEgress", SecurityGroupId=net.sg_id, IpProtocol="all", PortRange="-1/-1",
               DestCidrIp="0.0.0.0/0", Policy="drop")
    assert permissions(cloud, net.sg_id) == []
    cloud.call("DeleteSecurityGroup", SecurityGroupId=peer)


@pytest.mark.parametrize("params, expected", [
    ({"IpProtocol": "sctp"}, E.IP_PROTOCOL),
    ({"PortRange": "0/80"}, E.PORT_RANGE_MALFORMED),
    ({"PortRange": "-1/-1"}, E.PORT_RANGE_MISMATCH),
    ({"SourceCidrIp": "10.0.0.1/8"}, E.SOURCE_CIDR_MALFORMED),
    ({"SourceCidrIp": None}, E.RULE_SOURCE_MISSING),
    ({"SourceCidrIp": None, "SourceGroupId": "sg-doesnotexist"}, E.SOURCE_GROUP_NOT_FOUND),
    ({"Policy": "allow"}, E.POLICY_MALFORMED),
    ({"NicType": "public"}, E.NIC_TYPE),
    ({"Priority": 101}, E.PRIORITY_NOT_SUPPORTED),
    ({"SecurityGroupId": "sg-doesnotexist"}, E.SECURITY_GROUP_NOT_FOUND),
    ({"PortRange": None}, missing("PortRange")),
])
def test_authorize_errors(cloud, net, params, expected):
    cloud.fails(expected, "AuthorizeSecurityGroup", **{"SecurityGroupId": net.sg_id, **SSH, **params})


def test_revoke_and_egress_errors(cloud, net):
    cloud.fails(E.PORT_RANGE_MALFORMED_REVOKE, "RevokeSecurityGroup", SecurityGroupId=net.sg_id, **{**SSH, "PortRange": "x"})
    cloud.fails(E.PEER_GROUP_IS_SELF, "AuthorizeSecurityGroup", SecurityGroupId=net.sg_id, IpProtocol="all",
                PortRange="-1/-1", SourceGroupId=net.sg_id)
    egress = {"SecurityGroupId": net.sg_id, "IpProtocol": "tcp", "PortRange": "80/80"}
    cloud.fails(E.RULE_DEST_MISSING, "AuthorizeSecurityGroupEgress", **egress)
    cloud.fails(E.DEST_CIDR_MALFORMED, "AuthorizeSecurityGroupEgress", DestCidrIp="nowhere", **egress)
    cloud.fails(E.DEST_GROUP_NOT_FOUND, "AuthorizeSecurityGroupEgress", DestGroupId="sg-doesnotexist", **egress)
    cloud.fails(E.SECURITY_GROUP_NOT_FOUND, "RevokeSecurityGroupEgress", **{**egress, "SecurityGroupId": "sg-doesnotexist",
                                                                           "DestCidrIp": "0.0.0.0/0"})


def test_join_and_leave(cloud, net):
    instance_id = net.instance_ids[0]
    second = cloud.create_security_group(net.vpc_id)
    cloud.call("JoinSecurityGroup", InstanceId=instance_id, SecurityGroupId=second)
    body = cloud.call("DescribeInstanceAttribute", InstanceId=instance_id)
    assert body["SecurityGroupIds"]["SecurityGroupId"] == [net.sg_id, second], body
    cloud.fails(E.INSTANCE_ALREADY_IN_SG, "JoinSecurityGroup", InstanceId=instance_id, SecurityGroupId=second)
    cloud.call("LeaveSecurityGroup", InstanceId=instance_id, SecurityGroupId=second)
    cloud.fails(E.INSTANCE_NOT_IN_SG, "LeaveSecurityGroup", InstanceId=instance_id, SecurityGroupId=second)
    cloud.fails(E.INSTANCE_LAST_SG, "LeaveSecurityGroup", InstanceId=instance_id, SecurityGroupId=net.sg_id)
    cloud.fails(E.SECURITY_GROUP_NOT_FOUND, "JoinSecurityGroup", InstanceId=instance_id, SecurityGroupId="sg-doesnotexist")
    cloud.fails(E.INSTANCE_NOT_FOUND, "JoinSecurityGroup", InstanceId="i-doesnotexist", SecurityGroupId=second)
