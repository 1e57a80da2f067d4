@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// The ECS answers' shapes pinned: each object's literal key sequence (the real field set, in the real
/// service's `java.util.HashMap` order; docs/compatibility.md, "Key order"), and every object of every ECS
/// answer checked against that order for its real key set (``WireOrder``).
@Suite struct ECSWireOrderTests {
    /// A scene with one of everything: a tagged instance with an EIP and a key pair, an ENI, rules.
    static func scene() async throws -> (cloud: ECSCloud, instanceId: String, groupId: String, eniId: String) {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let id = try await cloud.runInstance(
            vSwitchId: network.vSwitchId, groupId: network.groupId, ["KeyPairName": "kp", "Tag.1.Key": "role", "Tag.1.Value": "a"])
        let eip = try await cloud.call("AllocateEipAddress", product: .vpc).string("AllocationId")
        try await cloud.call("AssociateEipAddress", ["AllocationId": eip, "InstanceId": id], product: .vpc)
        let eniId = try await cloud.call("CreateNetworkInterface", ["VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId])
            .string("NetworkInterfaceId")
        try await cloud.call(
            "AuthorizeSecurityGroup", ["SecurityGroupId": network.groupId, "IpProtocol": "tcp", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0"])
        return (cloud, id, network.groupId, eniId)
    }

    @Test func describeInstancesItem() async throws {
        let (cloud, _, _, _) = try await Self.scene()
        let answer = try await cloud.call("DescribeInstances")
        #expect(answer.names == ["Instances", "TotalCount", "PageSize", "NextToken", "PageNumber"])
        let item = try #require(answer.node("Instances")?.items.first)
        #expect(
            item.fields.names == [
                "ResourceGroupId", "Memory", "InstanceChargeType", "Cpu", "OSName", "InstanceNetworkType", "InnerIpAddress", "ExpiredTime",
                "ImageId", "EipAddress", "ImageOptions", "HostName", "Tags", "VlanId", "Status", "HibernationOptions", "MetadataOptions",
                "InstanceId", "StoppedMode", "CpuOptions", "StartTime", "DeletionProtection", "SecurityGroupIds", "VpcAttributes",
                "InternetChargeType", "InstanceName", "DeploymentSetId", "InternetMaxBandwidthOut", "SerialNumber", "OSType", "CreationTime",
                "AutoReleaseTime", "Description", "InstanceTypeFamily", "DedicatedInstanceAttribute", "PublicIpAddress", "GPUSpec",
                "NetworkInterfaces", "SpotPriceLimit", "DeviceAvailable", "SaleCycle", "InstanceType", "OSNameEn", "SpotStrategy", "KeyPairName",
                "IoOptimized", "ZoneId", "ClusterId", "EcsCapacityReservationAttr", "DedicatedHostAttribute", "GPUAmount", "OperationLocks",
                "InternetMaxBandwidthIn", "Recyclable", "RegionId", "CreditSpecification",
            ])
        #expect(item["EipAddress"]?.fields.names == ["Bandwidth", "AllocationId", "IpAddress", "IsSupportUnassociate", "InternetChargeType"])
        #expect(item["VpcAttributes"]?.fields.names == ["PrivateIpAddress", "VpcId", "VSwitchId", "NatIpAddress"])
        #expect(item["Tags"]?.items.first?.fields.names == ["TagKey", "TagValue"])
        #expect(item["NetworkInterfaces"]?.items.first?.fields.names == ["Type", "PrimaryIpAddress", "NetworkInterfaceId", "MacAddress", "PrivateIpSets"])
        #expect(WireOrder.violations(answer.withRequestId(), action: "DescribeInstances", product: .ecs) == [])
        // Without a key pair the item has the 55 keys of the real capture set, EipAddress still before PublicIpAddress.
        let network = try await cloud.network()
        let plain = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let plainAnswer = try await cloud.call("DescribeInstances", ["InstanceIds": "[\"\(plain)\"]"])
        let names = try #require(plainAnswer.node("Instances")?.items.first?.fields.names)
        #expect(names.count == 55 && names.firstIndex(of: "EipAddress")! < names.firstIndex(of: "PublicIpAddress")!)
        #expect(WireOrder.violations(plainAnswer.withRequestId(), action: "DescribeInstances", product: .ecs) == [])
    }

    @Test func theOtherDescribeShapes() async throws {
        let (cloud, id, groupId, eniId) = try await Self.scene()
        let diskId = try #require(try await cloud.call("DescribeDisks").node("Disks")?.items.first?["DiskId"]?.text)
        let answers: [(String, [String: String?], [String])] = [
            ("DescribeInstanceAttribute", ["InstanceId": id], [
                "Description", "Memory", "InstanceChargeType", "Cpu", "InstanceNetworkType", "PublicIpAddress", "InnerIpAddress", "ExpiredTime",
                "ImageId", "EipAddress", "InstanceType", "HostName", "VlanId", "Status", "IoOptimized", "ZoneId", "InstanceId", "ClusterId",
                "StoppedMode", "DedicatedHostAttribute", "SecurityGroupIds", "VpcAttributes", "OperationLocks", "InternetChargeType",
                "InstanceName", "InternetMaxBandwidthOut", "SerialNumber", "InternetMaxBandwidthIn", "CreationTime", "RegionId", "CreditSpecification",
            ]),
            ("DescribeSecurityGroups", [:], ["SecurityGroups", "TotalCount", "PageSize", "NextToken", "PageNumber", "RegionId"]),
            ("DescribeSecurityGroupAttribute", ["SecurityGroupId": groupId], [
                "Description", "SecurityGroupName", "VpcId", "NextToken", "SecurityGroupId", "Permissions", "InnerAccessPolicy", "RegionId",
            ]),
            ("DescribeNetworkInterfaces", [:], ["TotalCount", "PageSize", "NextToken", "PageNumber", "NetworkInterfaceSets"]),
            ("DescribeDisks", ["DiskIds": "[\"\(diskId)\"]"], ["TotalCount", "PageSize", "NextToken", "PageNumber", "Disks"]),
            ("DescribeUserData", ["InstanceId": id], ["UserData", "InstanceId", "RegionId"]),
            ("DescribeInstanceMaintenanceAttributes", ["InstanceId.1": id], ["TotalCount", "PageSize", "PageNumber", "MaintenanceAttributes"]),
            ("DescribeInstanceAttachmentAttributes", ["InstanceIds": "[\"\(id)\"]"], ["Instances", "TotalCount", "PageSize", "PageNumber"]),
            ("DescribeInstanceRamRole", ["InstanceIds": "[\"\(id)\"]"], ["TotalCount", "PageSize", "PageNumber", "RegionId", "InstanceRamRoleSets"]),
            ("DescribeImages", [:], ["TotalCount", "PageSize", "PageNumber", "Images", "RegionId"]),
            ("DescribeInstanceTypes", [:], ["NextToken", "InstanceTypes"]),
            ("DescribeImageSupportInstanceTypes", ["ImageId": ECSCloud.image], ["ImageId", "RegionId", "InstanceTypes"]),
            ("DescribeAvailableResource", ["DestinationResource": "InstanceType"], ["AvailableZones"]),
            ("DescribeRegions", [:], ["Regions"]),
            ("DescribeZones", [:], ["Zones"]),
            ("ListTagResources", ["ResourceType": "instance", "ResourceId.1": id], ["NextToken", "TagResources"]),
        ]
        for (action, parameters, names) in answers {
            let answer = try await cloud.call(action, parameters)
            #expect(answer.names == names, "\(action)")
            #expect(WireOrder.violations(answer.withRequestId(), action: action, product: .ecs) == [], "\(action)")
        }
        let permission = try #require(try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": groupId]).node("Permissions")?.items.first)
        #expect(permission.fields.count == 22 && permission.fields.names.first == "Policy" && permission.fields.names.last == "SourcePrefixListId")
        let eni = try #require(try await cloud.call("DescribeNetworkInterfaces", ["NetworkInterfaceId.1": eniId]).node("NetworkInterfaceSets")?.items.first)
        #expect(
            eni.fields.names == [
                "Status", "PrivateIpAddress", "Description", "ZoneId", "ResourceGroupId", "ServiceManaged", "InstanceId", "VSwitchId",
                "NetworkInterfaceName", "NetworkInterfaceId", "MacAddress", "SecurityGroupIds", "Type", "Ipv6Sets", "VpcId", "OwnerId",
                "AssociatedPublicIp", "CreationTime", "Tags", "PrivateIpSets",
            ])
        let disk = try #require(try await cloud.call("DescribeDisks").node("Disks")?.items.first)
        #expect(disk.fields.count == 49 && disk.fields.names.first == "KMSKeyId" && disk.fields.names.last == "RegionId")
        let group = try #require(try await cloud.call("DescribeSecurityGroups").node("SecurityGroups")?.items.first)
        #expect(
            group.fields.names == [
                "RuleCount", "EcsCount", "Description", "SecurityGroupName", "ResourceGroupId", "ServiceManaged", "SecurityGroupId",
                "SecurityGroupType", "AvailableInstanceAmount", "ServiceID", "VpcId", "GroupToGroupRuleCount", "CreationTime", "Tags",
            ])
    }

    @Test func createAnswers() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let run = try await cloud.call(
            "RunInstances",
            ["VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId, "ImageId": ECSCloud.image, "InstanceType": ECSCloud.instanceType])
        #expect(run.names == ["InstanceIdSets"])
        let eni = try await cloud.call("CreateNetworkInterface", ["VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId])
        #expect(eni.count == 21 && WireOrder.violations(eni.withRequestId(), action: "CreateNetworkInterface", product: .ecs) == [])
        #expect(try await cloud.call("CreateSecurityGroup", ["VpcId": network.vpcId]).names == ["SecurityGroupId"])
    }
}
