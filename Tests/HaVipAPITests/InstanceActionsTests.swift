import Foundation
@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ECS instances keep what they are launched with, and the instance actions around them (attributes,
/// user data, disks, maintenance, private pools, RAM roles, reboot): each one's success and its errors.
@Suite struct InstanceActionsTests {
    /// The first instance of a fresh network, launched with everything a client may give.
    static func launched(_ cloud: ECSCloud) async throws -> (network: (vpcId: String, vSwitchId: String, groupId: String), id: String) {
        let network = try await cloud.network()
        try await cloud.makeResourceGroup("rg-acfmtest")
        let id = try await cloud.runInstance(
            vSwitchId: network.vSwitchId, groupId: network.groupId,
            [
                "HostName": "web-01", "Description": "made by a test", "UserData": "ZWNobyBoaQ==", "InternetChargeType": "PayByBandwidth",
                "InternetMaxBandwidthOut": "5", "InternetMaxBandwidthIn": "20", "InstanceChargeType": "PostPaid", "KeyPairName": "kp",
                "ResourceGroupId": "rg-acfmtest", "SystemDisk.Category": "cloud_essd", "SystemDisk.Size": "50", "Tag.1.Key": "role",
                "Tag.1.Value": "web", "Tag.2.Key": "env", "Tag.2.Value": "",
            ])
        return (network, id)
    }

    @Test func runInstancesKeepsWhatItIsGiven() async throws {
        let cloud = try ECSCloud()
        let (_, id) = try await Self.launched(cloud)
        let item = try #require(try await cloud.call("DescribeInstances", ["InstanceIds": "[\"\(id)\"]"]).node("Instances")?.items.first)
        #expect(item["HostName"]?.text == "web-01")
        #expect(item["Description"]?.text == "made by a test")
        #expect(item["InternetChargeType"]?.text == "PayByBandwidth")
        #expect(item["InternetMaxBandwidthOut"] == .int(5) && item["InternetMaxBandwidthIn"] == .int(20))
        #expect(item["KeyPairName"]?.text == "kp" && item["ResourceGroupId"]?.text == "rg-acfmtest")
        #expect(item["Tags"] == .ecsTags([("env", ""), ("role", "web")]))
        #expect(item["Cpu"] == .int(2) && item["Memory"] == .int(8192) && item["InstanceTypeFamily"]?.text == "ecs.g7")
        #expect(item["OSType"]?.text == "linux" && item["OSName"]?.text?.contains("Alibaba Cloud Linux") == true)
        let userData = try await cloud.call("DescribeUserData", ["InstanceId": id])
        #expect(userData.names == ["UserData", "InstanceId", "RegionId"])
        #expect(try userData.string("UserData") == "ZWNobyBoaQ==")
        let disks = try await cloud.call("DescribeDisks", ["InstanceId": id, "DiskType": "system"])
        let disk = try #require(disks.node("Disks")?.items.first)
        #expect(disk["Category"]?.text == "cloud_essd" && disk["Size"] == .int(50) && disk["InstanceId"]?.text == id)
        #expect(disk["Status"]?.text == "In_use" && disk["Type"]?.text == "system" && disk["DeleteWithInstance"] == .bool(true))
        #expect(disk["PerformanceLevel"]?.text == "PL1" && disk["Tags"] == .ecsTags([("env", ""), ("role", "web")]))
        // The tags are on the primary ENI too.
        let eniId = try #require(item["NetworkInterfaces"]?.items.first?["NetworkInterfaceId"]?.text)
        let eni = try #require(try await cloud.call("DescribeNetworkInterfaces", ["NetworkInterfaceId.1": eniId]).node("NetworkInterfaceSets")?.items.first)
        #expect(eni["Tags"] == .ecsTags([("env", ""), ("role", "web")]) && eni["ResourceGroupId"]?.text == "rg-acfmtest")
    }

    /// What a launch without options gets: the real defaults.
    @Test func launchDefaults() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let id = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let item = try #require(try await cloud.call("DescribeInstances").node("Instances")?.items.first)
        #expect(item["HostName"]?.text == "iZ" + id.dropFirst(2) + "Z")
        #expect(item["InstanceName"]?.text == id && item["Description"]?.text == "")
        #expect(item["InternetChargeType"]?.text == "PayByTraffic" && item["InstanceChargeType"]?.text == "PostPaid")
        #expect(item["InternetMaxBandwidthOut"] == .int(0) && item["InternetMaxBandwidthIn"] == .int(10))
        #expect(item["Tags"] == .ecsTags([]) && item.fields.names.contains("KeyPairName") == false)
        #expect(item["ResourceGroupId"]?.text == ResourceGroup.defaultId(for: ECSCloud.account))
        #expect(try await cloud.call("DescribeUserData", ["InstanceId": id]).string("UserData") == "")
        let disk = try #require(try await cloud.call("DescribeDisks", ["InstanceId": id]).node("Disks")?.items.first)
        #expect(disk["Category"]?.text == "cloud_efficiency" && disk["Size"] == .int(40))
        // CreateInstance answers the instance's ID alone (no order for pay-as-you-go).
        let created = try await cloud.call(
            "CreateInstance",
            [
                "VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId, "ImageId": ECSCloud.image,
                "InstanceType": ECSCloud.instanceType, "HostName": "${instance_id}-host",
            ])
        let createdId = try created.string("InstanceId")
        #expect(created.names == ["InstanceId"])
        let createdItem = try #require(try await cloud.call("DescribeInstances", ["InstanceIds": "[\"\(createdId)\"]"]).node("Instances")?.items.first)
        #expect(createdItem["HostName"]?.text == createdId + "-host" && createdItem["Status"]?.text == "Stopped")
        #expect(createdItem["StoppedMode"]?.text == "KeepCharging")
    }

    @Test func launchErrors() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let base: [String: String?] = [
            "VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId, "ImageId": ECSCloud.image, "InstanceType": ECSCloud.instanceType,
        ]
        let cases: [(APIError, [String: String?])] = [
            (.imageNotFound, ["ImageId": "centos_6_x64.vhd"]),
            (.ecsInstanceTypeNotSupported, ["InstanceType": "ecs.t1.small"]),
            (.systemDiskCategoryNotSupported, ["SystemDisk.Category": "cloud"]),
            (.systemDiskSizeInvalid, ["SystemDisk.Size": "forty"]),
            (.systemDiskSizeBelowMinimum, ["SystemDisk.Size": "10"]),
            (.systemDiskSizeAboveMaximum, ["SystemDisk.Size": "501"]),
            (.diskNameMalformed, ["SystemDisk.DiskName": "http://disk"]),
            (.diskDescriptionMalformed, ["SystemDisk.Description": "x"]),
            (.hostNameMalformed, ["HostName": "-bad"]),
            (.hostNameMalformed, ["HostName": "a..b"]),
            (.instanceDescriptionMalformed, ["Description": "https://example.com"]),
            (.userDataTooLarge, ["UserData": Data(repeating: 65, count: 16 * 1024 + 1).base64EncodedString()]),
            (.internetChargeTypeNotSupported, ["InternetChargeType": "PayByHour"]),
            (.bandwidthOutMalformed, ["InternetMaxBandwidthOut": "101"]),
            (.bandwidthOutMalformed, ["InternetMaxBandwidthOut": "-1"]),
            (.bandwidthInMalformed, ["InternetMaxBandwidthIn": "201"]),
            (.instanceChargeTypeNotFound, ["InstanceChargeType": "Monthly"]),
            (TagErrors.ecs.keyInvalid, ["Tag.1.Key": "aliyun-x", "Tag.1.Value": "v"]),
            (TagErrors.ecs.duplicated, ["Tag.1.Key": "a", "Tag.2.Key": "a"]),
            (.securityGroupReferenceNotFound, ["SecurityGroupId": "sg-missing"]),
        ]
        for (error, changes) in cases {
            await cloud.fails(error, "RunInstances", base.merging(changes) { _, new in new })
        }
        // A dry run checks everything, answers DryRunOperation, and makes nothing either.
        await cloud.fails(.dryRunOperation, "RunInstances", base.merging(["DryRun": "true", "Amount": "3"]) { _, new in new })
        await cloud.fails(.dryRunOperation, "CreateInstance", base.merging(["DryRun": "true"]) { _, new in new })
        await cloud.fails(.imageNotFound, "RunInstances", base.merging(["DryRun": "true", "ImageId": "nope"]) { _, new in new })
        // Nothing was made by any of them.
        #expect(try await cloud.call("DescribeInstances").node("TotalCount") == .int(0))
    }

    /// Ansible's count_tag: DescribeInstances finds instances by `Tag.N.Key`/`Tag.N.Value`.
    @Test func describeInstancesFiltersByTags() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let tagged = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId, ["Tag.1.Key": "role", "Tag.1.Value": "a"])
        _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId, ["Tag.1.Key": "role", "Tag.1.Value": "b"])
        func ids(_ filters: [String: String?]) async throws -> [String] {
            try await cloud.call("DescribeInstances", filters).node("Instances")?.items.compactMap { $0["InstanceId"]?.text } ?? []
        }
        #expect(try await ids(["Tag.1.Key": "role", "Tag.1.Value": "a"]) == [tagged])
        #expect(try await ids(["Tag.1.Key": "role"]).count == 2)
        #expect(try await ids(["Tag.1.Key": "role", "Tag.1.Value": "nomatch"]).isEmpty)
        #expect(try await ids(["SecurityGroupId": network.groupId]).count == 2)
        await cloud.fails(.ecsTagFilterMismatch, "DescribeInstances", ["Tag.1.Value": "a"])
    }

    @Test func describeInstanceAttribute() async throws {
        let cloud = try ECSCloud()
        let (network, id) = try await Self.launched(cloud)
        // No RegionId: the instance's own.
        let fields = try await cloud.call("DescribeInstanceAttribute", ["InstanceId": id], region: nil)
        #expect(try fields.string("InstanceId") == id && fields.string("HostName") == "web-01" && fields.string("Description") == "made by a test")
        #expect(fields.node("VpcAttributes")?["VSwitchId"]?.text == network.vSwitchId)
        #expect(fields.node("SecurityGroupIds")?.strings == [network.groupId])
        await cloud.fails(.instanceNotFound, "DescribeInstanceAttribute", ["InstanceId": "i-missing"], region: nil)
        await cloud.fails(.missingParameter("InstanceId"), "DescribeInstanceAttribute", [:])
    }

    @Test func modifyInstanceAttribute() async throws {
        let cloud = try ECSCloud()
        let (network, id) = try await Self.launched(cloud)
        let other = try await cloud.call("CreateSecurityGroup", ["VpcId": network.vpcId]).string("SecurityGroupId")
        try await cloud.call(
            "ModifyInstanceAttribute",
            [
                "InstanceId": id, "InstanceName": "renamed", "Description": "changed", "HostName": "web-02", "UserData": "bmV3",
                "Password": "Passw0rd!", "DeletionProtection": "true", "SecurityGroupIds.1": other,
            ], region: nil)
        let fields = try await cloud.call("DescribeInstanceAttribute", ["InstanceId": id])
        #expect(try fields.string("InstanceName") == "renamed" && fields.string("Description") == "changed" && fields.string("HostName") == "web-02")
        #expect(fields.node("SecurityGroupIds")?.strings == [other])
        #expect(try await cloud.call("DescribeUserData", ["InstanceId": id]).string("UserData") == "bmV3")
        // The primary ENI moved with the instance; the old group is free to go.
        try await cloud.call("DeleteSecurityGroup", ["SecurityGroupId": network.groupId])
        // Release protection holds until it is turned off.
        await cloud.fails(.deletionProtected, "DeleteInstance", ["InstanceId": id, "Force": "true"])
        try await cloud.call("ModifyInstanceAttribute", ["InstanceId": id, "DeletionProtection": "false"])
        try await cloud.call("DeleteInstance", ["InstanceId": id, "Force": "true"])

        let (_, second) = try await Self.launched(cloud)
        await cloud.fails(.passwordMalformed, "ModifyInstanceAttribute", ["InstanceId": second, "Password": "short"])
        await cloud.fails(.hostNameMalformed, "ModifyInstanceAttribute", ["InstanceId": second, "HostName": "x"])
        await cloud.fails(.instanceDescriptionMalformed, "ModifyInstanceAttribute", ["InstanceId": second, "Description": "x"])
        await cloud.fails(.instanceNameMalformed, "ModifyInstanceAttribute", ["InstanceId": second, "InstanceName": "http://x"])
        await cloud.fails(.securityGroupNotFound, "ModifyInstanceAttribute", ["InstanceId": second, "SecurityGroupIds.1": "sg-missing"])
        await cloud.fails(.instanceNotFound, "ModifyInstanceAttribute", ["InstanceId": "i-missing"], region: nil)
    }

    @Test func rebootInstance() async throws {
        let cloud = try ECSCloud()
        let (_, id) = try await Self.launched(cloud)
        try await cloud.call("RebootInstance", ["InstanceId": id, "ForceStop": "false"], region: nil)
        await cloud.fails(.dryRunOperation, "RebootInstance", ["InstanceId": id, "DryRun": "true"], region: nil)
        let item = try #require(try await cloud.call("DescribeInstances").node("Instances")?.items.first)
        #expect(item["Status"]?.text == "Running")
        try await cloud.call("StopInstance", ["InstanceId": id], region: nil)
        await cloud.fails(.instanceIncorrectStatus, "RebootInstance", ["InstanceId": id], region: nil)
        await cloud.fails(.instanceNotFound, "RebootInstance", ["InstanceId": "i-missing"], region: nil)
        await cloud.fails(.invalidParameter("ForceStop"), "RebootInstance", ["InstanceId": id, "ForceStop": "maybe"], region: nil)
    }

    @Test func maintenanceAttachmentAndRamRole() async throws {
        let cloud = try ECSCloud()
        let (_, id) = try await Self.launched(cloud)
        let maintenance = try await cloud.call("DescribeInstanceMaintenanceAttributes", ["InstanceId.1": id])
        let attribute = try #require(maintenance.node("MaintenanceAttributes")?.items.first)
        #expect(attribute["InstanceId"]?.text == id && attribute["NotifyOnMaintenance"] == .bool(false))
        #expect(attribute["MaintenanceWindows"]?.items.isEmpty == true && attribute["ActionOnMaintenance"]?["Value"]?.text == "AutoRecover")
        #expect(try await cloud.call("DescribeInstanceMaintenanceAttributes").node("TotalCount") == .int(1))
        await cloud.fails(.instanceNotFound, "DescribeInstanceMaintenanceAttributes", ["InstanceId.1": "i-missing"])

        let attachment = try await cloud.call("DescribeInstanceAttachmentAttributes", ["InstanceIds": "[\"\(id)\"]"])
        let instance = try #require(attachment.node("Instances")?.items.first)
        #expect(instance.fields.names == ["InstanceId", "PrivatePoolOptionsMatchCriteria", "PrivatePoolOptionsId"])
        #expect(instance["PrivatePoolOptionsMatchCriteria"]?.text == "None")
        await cloud.fails(.instanceIdsNotFound, "DescribeInstanceAttachmentAttributes", ["InstanceIds": "[\"i-missing\"]"])
        await cloud.fails(.attachmentRegionMissing, "DescribeInstanceAttachmentAttributes", ["InstanceIds": "[\"\(id)\"]"], region: nil)
        await cloud.fails(.instanceIdsMalformed, "DescribeInstanceAttachmentAttributes", ["InstanceIds": "i-1"])

        let roles = try await cloud.call("DescribeInstanceRamRole", ["InstanceIds": "[\"\(id)\"]"])
        #expect(roles.node("InstanceRamRoleSets")?.items.isEmpty == true && roles.node("TotalCount") == .int(0))
        await cloud.fails(.ramRoleQueryEmpty, "DescribeInstanceRamRole")
        await cloud.fails(.ramRoleInstanceNotFound, "DescribeInstanceRamRole", ["InstanceIds": "[\"i-missing\"]"])
        await cloud.fails(.ramRoleInstanceIdsMalformed, "DescribeInstanceRamRole", ["InstanceIds": "{"])
        await cloud.fails(.instanceNotFound, "DescribeUserData", ["InstanceId": "i-missing"])
    }

    @Test func describeDisksFiltersAndErrors() async throws {
        let cloud = try ECSCloud()
        let (_, id) = try await Self.launched(cloud)
        let diskId = try #require(try await cloud.call("DescribeDisks").node("Disks")?.items.first?["DiskId"]?.text)
        for filters: [String: String?] in [
            ["DiskIds": "[\"\(diskId)\"]"], ["DiskType": "all"], ["Category": "cloud_essd"], ["Status": "In_use"], ["ZoneId": ECSCloud.zone],
            ["Tag.1.Key": "role", "Tag.1.Value": "web"],
        ] {
            #expect(try await cloud.call("DescribeDisks", filters).node("TotalCount") == .int(1), "\(filters)")
        }
        for filters: [String: String?] in [["DiskType": "data"], ["Category": "cloud_ssd"], ["Status": "Available"], ["InstanceId": "i-x"]] {
            #expect(try await cloud.call("DescribeDisks", filters).node("TotalCount") == .int(0), "\(filters)")
        }
        await cloud.fails(.diskTypeNotSupported, "DescribeDisks", ["DiskType": "root"])
        await cloud.fails(.diskCategoryNotSupported, "DescribeDisks", ["Category": "floppy"])
        await cloud.fails(.diskStatusNotSupported, "DescribeDisks", ["Status": "Broken"])
        await cloud.fails(.diskIdsMalformed, "DescribeDisks", ["DiskIds": "d-1"])
        await cloud.fails(.regionNotFound, "DescribeDisks", ["RegionId": "xx-nowhere-1"])
        // The system disk goes with its instance.
        try await cloud.call("DeleteInstance", ["InstanceId": id, "Force": "true"], region: nil)
        #expect(try await cloud.call("DescribeDisks").node("TotalCount") == .int(0))
    }
}
