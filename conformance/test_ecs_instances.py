"""ECS instances through every SDK path (Tea V3, Tea V1, the old core): what RunInstances keeps, the
instance actions around it (attributes, user data, disks, maintenance, private pools, RAM roles,
reboot), token paging, and each of their errors with its exact status, code and message."""

from __future__ import annotations

import base64
import json

import pytest

from .cloud import IMAGE_ID, INSTANCE_TYPE, ZONE, dotted
from .expect import E, missing

ECS_TAGS = [{"Key": "role", "Value": "web"}, {"Key": "env", "Value": "dev"}]


def launch(cloud, net, **params):
    body = cloud.call("RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id, ImageId=IMAGE_ID,
                      InstanceType=INSTANCE_TYPE, **dotted(cloud.path, params))
    return body["InstanceIdSets"]["InstanceIdSet"][0]


def instance(cloud, instance_id):
    items = cloud.call("DescribeInstances", InstanceIds=json.dumps([instance_id]))["Instances"]["Instance"]
    assert len(items) == 1, items
    return items[0]


def test_run_instances_keeps_what_it_is_given(cloud, net):
    user_data = base64.b64encode(b"echo 'net.ipv4.ip_forward=1' >> /etc/sysctl.conf").decode()
    instance_id = launch(cloud, net, HostName="web-01", Description="made by a test", UserData=user_data,
                         InternetChargeType="PayByBandwidth", InternetMaxBandwidthOut=5, InternetMaxBandwidthIn=20,
                         InstanceChargeType="PostPaid", KeyPairName="kp", Tag=ECS_TAGS,
                         **{"SystemDisk.Category": "cloud_essd", "SystemDisk.Size": "50"})
    item = instance(cloud, instance_id)
    assert (item["HostName"], item["Description"], item["InternetChargeType"]) == ("web-01", "made by a test", "PayByBandwidth")
    assert (item["InternetMaxBandwidthOut"], item["InternetMaxBandwidthIn"], item["KeyPairName"]) == (5, 20, "kp")
    assert item["Tags"] == {"Tag": [{"TagKey": "env", "TagValue": "dev"}, {"TagKey": "role", "TagValue": "web"}]}
    assert list(item).index("EipAddress") < list(item).index("PublicIpAddress"), list(item)
    data = cloud.call("DescribeUserData", InstanceId=instance_id)
    assert data["UserData"] == user_data and data["InstanceId"] == instance_id, data
    disks = cloud.call("DescribeDisks", InstanceId=instance_id, DiskType="system")
    assert disks["TotalCount"] == 1, disks
    disk = disks["Disks"]["Disk"][0]
    assert (disk["Category"], disk["Size"], disk["InstanceId"], disk["Status"]) == ("cloud_essd", 50, instance_id, "In_use")


def test_launch_defaults(cloud, net):
    item = instance(cloud, net.instance_ids[0])
    assert item["HostName"] == "iZ" + net.instance_ids[0][2:] + "Z", item
    assert (item["Description"], item["InternetChargeType"], item["InternetMaxBandwidthIn"]) == ("", "PayByTraffic", 10)
    assert item["Tags"] == {"Tag": []} and "KeyPairName" not in item
    assert cloud.call("DescribeUserData", InstanceId=net.instance_ids[0])["UserData"] == ""


@pytest.mark.parametrize("params, expected", [
    ({"ImageId": "centos_6_x64.vhd"}, E.IMAGE_NOT_FOUND),
    ({"InstanceType": "ecs.t1.small"}, E.ECS_INSTANCE_TYPE_NOT_SUPPORTED),
    ({"SystemDisk.Category": "cloud"}, E.SYSTEM_DISK_CATEGORY),
    ({"SystemDisk.Size": "forty"}, E.SYSTEM_DISK_SIZE_INVALID),
    ({"SystemDisk.Size": "10"}, E.SYSTEM_DISK_SIZE_BELOW_MIN),
    ({"SystemDisk.Size": "501"}, E.SYSTEM_DISK_SIZE_ABOVE_MAX),
    ({"HostName": "-bad"}, E.HOST_NAME_MALFORMED),
    ({"Description": "https://x"}, E.INSTANCE_DESCRIPTION_MALFORMED),
    ({"UserData": base64.b64encode(b"x" * (16 * 1024 + 1)).decode()}, E.USER_DATA_TOO_LARGE),
    ({"InternetChargeType": "PayByHour"}, E.INTERNET_CHARGE_TYPE),
    ({"InternetMaxBandwidthOut": 101}, E.BANDWIDTH_OUT),
    ({"InternetMaxBandwidthIn": 201}, E.BANDWIDTH_IN),
    ({"InstanceChargeType": "Monthly"}, E.INSTANCE_CHARGE_TYPE),
    ({"Tag": [{"Key": "aliyun-x", "Value": "v"}]}, E.ECS_TAG_KEY_INVALID),
    ({"Tag": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]}, E.ECS_TAG_DUPLICATED),
    ({"Tag": [{"Key": f"k{n}", "Value": "v"} for n in range(21)]}, E.ECS_TAG_COUNT),
    ({"DryRun": True}, E.DRY_RUN),
])
def test_launch_errors(cloud, net, params, expected):
    base = {"VSwitchId": net.vswitch_id, "SecurityGroupId": net.sg_id, "ImageId": IMAGE_ID, "InstanceType": INSTANCE_TYPE}
    cloud.fails(expected, "RunInstances", **dotted(cloud.path, {**base, **params}))


def test_describe_instances_tag_filters(cloud, net):
    """Ansible's count_tag: instances found by Tag.N.Key/Value."""
    tagged = launch(cloud, net, Tag=[{"Key": "count", "Value": net.vpc_id}])
    found = cloud.call("DescribeInstances", Tag=[{"Key": "count", "Value": net.vpc_id}])["Instances"]["Instance"]
    assert [i["InstanceId"] for i in found] == [tagged]
    assert cloud.call("DescribeInstances", Tag=[{"Key": "count", "Value": "nomatch"}])["TotalCount"] == 0
    cloud.fails(E.ECS_TAG_FILTER_MISMATCH, "DescribeInstances", Tag=[{"Value": "a"}])


def test_describe_instance_attribute(cloud, net):
    body = cloud.call("DescribeInstanceAttribute", InstanceId=net.instance_ids[0])
    assert body["InstanceId"] == net.instance_ids[0] and body["VpcAttributes"]["VSwitchId"] == net.vswitch_id, body
    assert body["SecurityGroupIds"] == {"SecurityGroupId": [net.sg_id]}
    cloud.fails(E.INSTANCE_NOT_FOUND, "DescribeInstanceAttribute", InstanceId="i-doesnotexist")


def test_modify_instance_attribute(cloud, net):
    instance_id = net.instance_ids[0]
    other = cloud.create_security_group(net.vpc_id)
    user_data = base64.b64encode(b"new").decode()
    cloud.call("ModifyInstanceAttribute", InstanceId=instance_id, InstanceName="renamed", Description="changed",
               HostName="web-02", UserData=user_data, Password="Passw0rd!", DeletionProtection=True,
               SecurityGroupIds=[other])
    body = cloud.call("DescribeInstanceAttribute", InstanceId=instance_id)
    assert (body["InstanceName"], body["Description"], body["HostName"]) == ("renamed", "changed", "web-02"), body
    assert body["SecurityGroupIds"] == {"SecurityGroupId": [other]}
    assert cloud.call("DescribeUserData", InstanceId=instance_id)["UserData"] == user_data
    cloud.fails(E.DELETION_PROTECTED, "DeleteInstance", InstanceId=instance_id, Force=True)
    cloud.call("ModifyInstanceAttribute", InstanceId=instance_id, DeletionProtection=False)
    for params, expected in [({"Password": "short"}, E.PASSWORD_MALFORMED), ({"HostName": "x"}, E.HOST_NAME_MALFORMED),
                             ({"Description": "x"}, E.INSTANCE_DESCRIPTION_MALFORMED),
                             ({"InstanceName": "http://x"}, E.INSTANCE_NAME_MALFORMED)]:
        cloud.fails(expected, "ModifyInstanceAttribute", InstanceId=instance_id, **params)
    cloud.fails(E.INSTANCE_NOT_FOUND, "ModifyInstanceAttribute", InstanceId="i-doesnotexist", InstanceName="x")


def test_reboot_instance(cloud, net):
    instance_id = net.instance_ids[0]
    cloud.call("RebootInstance", InstanceId=instance_id, ForceStop=False)
    assert instance(cloud, instance_id)["Status"] == "Running"
    cloud.call("StopInstance", InstanceId=instance_id)
    cloud.fails(E.INSTANCE_STATUS, "RebootInstance", InstanceId=instance_id)
    cloud.fails(E.INSTANCE_NOT_FOUND, "RebootInstance", InstanceId="i-doesnotexist")


def test_maintenance_attachment_and_ram_role(cloud, net):
    instance_id = net.instance_ids[0]
    body = cloud.call("DescribeInstanceMaintenanceAttributes", InstanceId=[instance_id])
    attribute = body["MaintenanceAttributes"]["MaintenanceAttribute"][0]
    assert attribute["InstanceId"] == instance_id and attribute["NotifyOnMaintenance"] is False, attribute
    assert attribute["MaintenanceWindows"] == {"MaintenanceWindow": []}
    assert attribute["ActionOnMaintenance"]["Value"] == "AutoRecover"
    cloud.fails(E.INSTANCE_NOT_FOUND, "DescribeInstanceMaintenanceAttributes", InstanceId=["i-doesnotexist"])
    cloud.fails(E.INSTANCE_ID_LIMIT, "DescribeInstanceMaintenanceAttributes", InstanceId=[f"i-{n}" for n in range(101)])

    body = cloud.call("DescribeInstanceAttachmentAttributes", InstanceIds=json.dumps([instance_id]))
    assert body["Instances"]["Instance"] == [{"InstanceId": instance_id, "PrivatePoolOptionsMatchCriteria": "None",
                                              "PrivatePoolOptionsId": ""}], body
    cloud.fails(E.INSTANCE_IDS_NOT_FOUND, "DescribeInstanceAttachmentAttributes", InstanceIds='["i-doesnotexist"]')
    cloud.fails(E.INSTANCE_IDS_MALFORMED, "DescribeInstanceAttachmentAttributes", InstanceIds="i-1")

    body = cloud.call("DescribeInstanceRamRole", InstanceIds=json.dumps([instance_id]))
    assert body["InstanceRamRoleSets"] == {"InstanceRamRoleSet": []} and body["TotalCount"] == 0, body
    cloud.fails(E.RAM_ROLE_QUERY_EMPTY, "DescribeInstanceRamRole")
    cloud.fails(E.RAM_ROLE_INSTANCE_NOT_FOUND, "DescribeInstanceRamRole", InstanceIds='["i-doesnotexist"]')
    cloud.fails(E.RAM_ROLE_INSTANCE_IDS_MALFORMED, "DescribeInstanceRamRole", InstanceIds="{")
    cloud.fails(E.INSTANCE_NOT_FOUND, "DescribeUserData", InstanceId="i-doesnotexist")


def test_describe_disks(cloud, net):
    disks = cloud.call("DescribeDisks", InstanceId=net.instance_ids[0])["Disks"]["Disk"]
    assert len(disks) == 1 and disks[0]["Type"] == "system" and disks[0]["ZoneId"] == ZONE, disks
    assert cloud.call("DescribeDisks", DiskIds=json.dumps([disks[0]["DiskId"]]))["TotalCount"] == 1
    for params, expected in [({"DiskType": "root"}, E.DISK_TYPE), ({"Category": "floppy"}, E.DISK_CATEGORY),
                             ({"Status": "Broken"}, E.DISK_STATUS), ({"DiskIds": "d-1"}, E.DISK_IDS_MALFORMED)]:
        cloud.fails(expected, "DescribeDisks", **params)


@pytest.mark.parametrize("action, collection, key", [
    ("DescribeInstances", ("Instances", "Instance"), "InstanceId"),
    ("DescribeNetworkInterfaces", ("NetworkInterfaceSets", "NetworkInterfaceSet"), "NetworkInterfaceId"),
])
def test_next_token_paging(cloud, net, action, collection, key):
    launch(cloud, net, Amount=10)
    by_vpc = {"VpcId": net.vpc_id}
    seen, token, pages = [], None, 0
    while True:
        body = cloud.call(action, MaxResults=10, NextToken=token, **by_vpc)
        seen += [item[key] for item in body[collection[0]][collection[1]]]
        pages += 1
        token = body["NextToken"]
        if not token:
            break
    everything = cloud.call(action, PageSize=100, **by_vpc)[collection[0]][collection[1]]
    assert seen == [item[key] for item in everything] and len(seen) == 12 and pages == 2, seen
    cloud.fails(E.NEXT_TOKEN_INVALID, action, NextToken="caeba0bbb2be03f84eb48b699f0a4883")
    cloud.fails(E.MAX_RESULTS_INVALID, action, MaxResults="ten")
