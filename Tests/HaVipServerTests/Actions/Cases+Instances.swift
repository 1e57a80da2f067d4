@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ECS instances: launches (and dry runs that change nothing), the lifecycle seen through
/// DescribeInstances, the attributes, disks and the read-only ECS views of an instance.
extension ActionCases {
    /// RunInstances' parameters in the world's vSwitch and group.
    static func launch(_ world: ActionWorld, _ extra: [String: String?] = [:]) -> ActionRequest {
        let launch: [String: String?] = [
            "VSwitchId": world.vSwitchId, "SecurityGroupId": world.groupId, "ImageId": ActionWorld.image, "InstanceType": ActionWorld.instanceType,
        ]
        return ActionRequest(launch.merging(extra) { $1 })
    }

    static let instances: [ActionCase] = [
        // RunInstances
        .succeeds(RunInstances.self, "one instance at a given address, with names, a description and a tag") { world in
            launch(
                world,
                ["PrivateIpAddress": "192.168.1.100", "InstanceName": "web", "HostName": "web-01", "Description": "a web server",
                 "Tag.1.Key": "role", "Tag.1.Value": "web"])
        } then: { world, exchange async throws in
            let ids = exchange.answer.strings("InstanceIdSets")
            #expect(ids.count == 1 && ids.first?.hasPrefix("i-") == true)
            let instance = try await world.instance(ids.first)
            #expect(instance["Status"]?.string == "Running" && instance["InstanceName"]?.string == "web" && instance["HostName"]?.string == "web-01")
            #expect(instance["Description"]?.string == "a web server" && instance.tags == ["role": "web"])
            #expect(instance["VpcAttributes"]?.strings("PrivateIpAddress") == ["192.168.1.100"])
            #expect(instance["VpcAttributes"]?["VSwitchId"]?.string == world.vSwitchId && instance["ZoneId"]?.string == ActionWorld.zone)
            #expect(instance.strings("SecurityGroupIds") == [world.groupId] && instance["ImageId"]?.string == ActionWorld.image)
            let disk = try await world.described(DescribeDisks.self, ["InstanceId": ids.first], "Disks")
            #expect(disk["Type"]?.string == "system" && disk["Status"]?.string == "In_use")
        },
        .fails(RunInstances.self, "an image that does not exist", .imageNotFound) { world in launch(world, ["ImageId": "m-nothing"]) },
        .fails(RunInstances.self, "Amount 0", .amountInvalid) { world in launch(world, ["Amount": "0"]) },
        .fails(RunInstances.self, "without a security group", .missingParameter("SecurityGroupId")) { world in
            launch(world, ["SecurityGroupId": nil])
        },
        .fails(RunInstances.self, "in a vSwitch that does not exist", .ecsVSwitchNotFound) { world in launch(world, ["VSwitchId": "vsw-nothing"]) },
        .fails(RunInstances.self, "a zone other than the vSwitch's", .zoneVSwitchMismatch) { world in launch(world, ["ZoneId": "cn-hangzhou-b"]) },
        .fails(RunInstances.self, "a group of another VPC", .securityGroupVpcMismatch) { world in
            launch(world, ["SecurityGroupId": try await world.elsewhere().groupId])
        },
        .fails(RunInstances.self, "an address in use", .privateAddress(.alreadyUsed)) { world in
            launch(world, ["PrivateIpAddress": world.haVipAddress])
        },
        .fails(RunInstances.self, "DryRun: every check passes, nothing is launched", .dryRunOperation) { world in
            launch(world, ["DryRun": "true"])
        },

        // CreateInstance
        .succeeds(CreateInstance.self, "one instance, Stopped") { world in
            launch(world, ["InstanceName": "made"])
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["InstanceId"]?.string)
            #expect(exchange.answer.keys == ["InstanceId", "RequestId"])
            let instance = try await world.instance(id)
            #expect(instance["Status"]?.string == "Stopped" && instance["InstanceName"]?.string == "made")
        },
        .fails(CreateInstance.self, "an instance type that does not exist", .ecsInstanceTypeNotSupported) { world in
            launch(world, ["InstanceType": "ecs.none.large"])
        },
        .fails(CreateInstance.self, "a system disk below 20 GiB", .systemDiskSizeBelowMinimum) { world in launch(world, ["SystemDisk.Size": "10"]) },
        .fails(CreateInstance.self, "DryRun: every check passes, nothing is made", .dryRunOperation) { world in launch(world, ["DryRun": "true"]) },

        // DescribeInstances
        .succeeds(DescribeInstances.self, "by VPC") { world in
            ["VpcId": world.vpcId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 2 && exchange.answer["PageNumber"]?.integer == 1)
            let instances = exchange.answer.items("Instances")
            #expect(Set(instances.compactMap { $0["InstanceId"]?.string }) == [world.instanceId, world.otherInstanceId])
            #expect(instances.allSatisfy { $0["Status"]?.string == "Running" && $0["VpcAttributes"]?["VpcId"]?.string == world.vpcId })
        },
        .succeeds(DescribeInstances.self, "by token, MaxResults below 10 counting as 10") { _ in
            ["MaxResults": "1"]
        } then: { world, exchange async throws in
            // Both instances fit the page of 10, and no token follows.
            #expect(exchange.answer.items("Instances").count == 2 && exchange.answer["NextToken"]?.string == "")
        },
        .fails(DescribeInstances.self, "InstanceIds that are not a JSON array", .instanceIdsMalformed) { world in ["InstanceIds": world.instanceId] },
        .fails(DescribeInstances.self, "a NextToken havip never gave", .nextTokenInvalid) { _ in ["NextToken": "not-a-token"] },
        .fails(DescribeInstances.self, "a page larger than 100", .invalidParameter("PageSize")) { _ in ["PageSize": "101"] },

        // StartInstance
        .succeeds(StartInstance.self, "a stopped instance (no RegionId)") { world in
            try await world.ok(StopInstance.self, ["InstanceId": world.instanceId])
            return ["InstanceId": world.instanceId, "RegionId": nil]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.instance()["Status"]?.string == "Running")
        },
        .fails(StartInstance.self, "a running instance", .instanceIncorrectStatus) { world in ["InstanceId": world.instanceId] },
        .fails(StartInstance.self, "an instance that does not exist (no RegionId)", .instanceNotFound) { _ in
            ["InstanceId": "i-nothing", "RegionId": nil]
        },

        // StopInstance
        .succeeds(StopInstance.self, "a running instance") { world in
            ["InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let instance = try await world.instance()
            #expect(instance["Status"]?.string == "Stopped" && instance["StoppedMode"]?.string == "KeepCharging")
        },
        .succeeds(StopInstance.self, "the master of a HaVip: the other instance takes over") { world in
            try await world.associateHaVip([world.instanceId, world.otherInstanceId])
            return ["InstanceId": world.instanceId]
        } then: { world, _ async throws in
            let haVip = try await world.haVip()
            #expect(haVip["MasterInstanceId"]?.string == world.otherInstanceId && haVip["Status"]?.string == "InUse")
        },
        .fails(StopInstance.self, "a stopped instance", .instanceIncorrectStatus) { world in
            try await world.ok(StopInstance.self, ["InstanceId": world.instanceId])
            return ["InstanceId": world.instanceId]
        },
        .fails(StopInstance.self, "an instance that does not exist", .instanceNotFound) { _ in ["InstanceId": "i-nothing"] },

        // DeleteInstance
        .succeeds(DeleteInstance.self, "a stopped instance: its disk, ENI and address go with it") { world in
            try await world.ok(StopInstance.self, ["InstanceId": world.instanceId])
            return ["InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.count(DescribeInstances.self, ["InstanceIds": "[\"\(world.instanceId)\"]"]) == 0)
            #expect(try await world.count(DescribeDisks.self, ["InstanceId": world.instanceId]) == 0)
            #expect(try await world.count(DescribeNetworkInterfaces.self, ["InstanceId": world.instanceId]) == 0)
            let vSwitch = try await world.described(DescribeVSwitches.self, ["VSwitchId": world.vSwitchId], "VSwitches")
            #expect(vSwitch["AvailableIpAddressCount"]?.integer == 249)
        },
        .succeeds(DeleteInstance.self, "a running one with Force: it leaves its HaVip and its EIP") { world in
            try await world.associateHaVip([world.instanceId])
            try await world.ok(AssociateEipAddress.self, ["AllocationId": world.allocationId, "InstanceId": world.instanceId])
            return ["InstanceId": world.instanceId, "Force": "true"]
        } then: { world, _ async throws in
            let haVip = try await world.haVip()
            #expect(haVip["Status"]?.string == "Available" && haVip.strings("AssociatedInstances") == [])
            #expect(try await world.eip()["Status"]?.string == "Available")
        },
        .fails(DeleteInstance.self, "a running instance without Force", .instanceIncorrectStatus) { world in ["InstanceId": world.instanceId] },
        .fails(DeleteInstance.self, "one protected from release", .deletionProtected) { world in
            try await world.ok(ModifyInstanceAttribute.self, ["InstanceId": world.instanceId, "DeletionProtection": "true"])
            return ["InstanceId": world.instanceId, "Force": "true"]
        },
        .fails(DeleteInstance.self, "an instance that does not exist", .instanceNotFound) { _ in ["InstanceId": "i-nothing"] },

        // RebootInstance
        .succeeds(RebootInstance.self, "a running instance (no RegionId): it stays Running and master") { world in
            try await world.associateHaVip([world.instanceId, world.otherInstanceId])
            return ["InstanceId": world.instanceId, "RegionId": nil]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.instance()["Status"]?.string == "Running")
            #expect(try await world.haVip()["MasterInstanceId"]?.string == world.instanceId)
        },
        .fails(RebootInstance.self, "a stopped instance", .instanceIncorrectStatus) { world in
            try await world.ok(StopInstance.self, ["InstanceId": world.instanceId])
            return ["InstanceId": world.instanceId]
        },
        .fails(RebootInstance.self, "DryRun", .dryRunOperation) { world in ["InstanceId": world.instanceId, "DryRun": "true"] },

        // DescribeInstanceAttribute
        .succeeds(DescribeInstanceAttribute.self, "one instance (no RegionId)") { world in
            ["InstanceId": world.instanceId, "RegionId": nil]
        } then: { world, exchange async throws in
            let answer = exchange.answer
            #expect(answer["InstanceId"]?.string == world.instanceId && answer["Status"]?.string == "Running")
            #expect(answer["InstanceType"]?.string == ActionWorld.instanceType && answer["RegionId"]?.string == ActionWorld.region)
            #expect(answer["VpcAttributes"]?["VpcId"]?.string == world.vpcId && answer.strings("SecurityGroupIds") == [world.groupId])
        },
        .fails(DescribeInstanceAttribute.self, "an instance that does not exist", .instanceNotFound) { _ in ["InstanceId": "i-nothing"] },
        .fails(DescribeInstanceAttribute.self, "without InstanceId", .missingParameter("InstanceId")) { _ in [:] },

        // ModifyInstanceAttribute
        .succeeds(ModifyInstanceAttribute.self, "name, description, host name, password and user data") { world in
            ["InstanceId": world.instanceId, "InstanceName": "renamed", "Description": "described", "HostName": "host-2",
             "Password": "Secret-2024", "UserData": "ZWNobyBoaQ=="]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let instance = try await world.instance()
            #expect(instance["InstanceName"]?.string == "renamed" && instance["Description"]?.string == "described")
            #expect(instance["HostName"]?.string == "host-2")
            #expect(try await world.ok(DescribeUserData.self, ["InstanceId": world.instanceId])["UserData"]?.string == "ZWNobyBoaQ==")
        },
        .succeeds(ModifyInstanceAttribute.self, "its security groups, which its primary ENI follows") { world in
            ["InstanceId": world.instanceId, "SecurityGroupIds.1": try await world.newSecurityGroup()]
        } then: { world, exchange async throws in
            let instance = try await world.instance()
            #expect(instance.strings("SecurityGroupIds") == [exchange["SecurityGroupIds.1"]])
            let eniId = try #require(instance.items("NetworkInterfaces").first?["NetworkInterfaceId"]?.string)
            #expect(try await world.networkInterface(eniId).strings("SecurityGroupIds") == [exchange["SecurityGroupIds.1"]])
        },
        .fails(ModifyInstanceAttribute.self, "a password too simple", .passwordMalformed) { world in
            ["InstanceId": world.instanceId, "Password": "password"]
        },
        .fails(ModifyInstanceAttribute.self, "a host name with a leading hyphen", .hostNameMalformed) { world in
            ["InstanceId": world.instanceId, "HostName": "-host"]
        },
        .fails(ModifyInstanceAttribute.self, "a group of another VPC", .instanceSecurityGroupMismatch) { world in
            ["InstanceId": world.instanceId, "SecurityGroupIds.1": try await world.elsewhere().groupId]
        },
        .fails(ModifyInstanceAttribute.self, "an instance that does not exist", .instanceNotFound) { _ in ["InstanceId": "i-nothing", "InstanceName": "x"] },

        // DescribeInstanceMaintenanceAttributes
        .succeeds(DescribeInstanceMaintenanceAttributes.self, "one instance: the real defaults") { world in
            ["InstanceId.1": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let item = try #require(exchange.answer.items("MaintenanceAttributes").first)
            #expect(item["InstanceId"]?.string == world.instanceId && item["ActionOnMaintenance"]?["Value"]?.string == "AutoRecover")
            #expect(item["NotifyOnMaintenance"]?.bool == false)
        },
        .fails(DescribeInstanceMaintenanceAttributes.self, "an instance that does not exist", .instanceNotFound) { _ in ["InstanceId.1": "i-nothing"] },
        .fails(DescribeInstanceMaintenanceAttributes.self, "101 instances", .instanceIdLimitExceeded) { _ in
            ActionRequest(Dictionary(uniqueKeysWithValues: (1...101).map { ("InstanceId.\($0)", "i-\($0)" as String?) }))
        },

        // DescribeInstanceAttachmentAttributes
        .succeeds(DescribeInstanceAttachmentAttributes.self, "two instances: no private pool") { world in
            ["InstanceIds": "[\"\(world.instanceId)\",\"\(world.otherInstanceId)\"]"]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 2)
            let items = exchange.answer.items("Instances")
            #expect(Set(items.compactMap { $0["InstanceId"]?.string }) == [world.instanceId, world.otherInstanceId])
            #expect(items.allSatisfy { $0["PrivatePoolOptionsMatchCriteria"]?.string == "None" })
        },
        .fails(DescribeInstanceAttachmentAttributes.self, "without RegionId", .attachmentRegionMissing) { world in
            ["InstanceIds": "[\"\(world.instanceId)\"]", "RegionId": nil]
        },
        .fails(DescribeInstanceAttachmentAttributes.self, "an instance that does not exist", .instanceIdsNotFound) { _ in
            ["InstanceIds": "[\"i-nothing\"]"]
        },
        .fails(DescribeInstanceAttachmentAttributes.self, "without InstanceIds", .missingParameter("InstanceIds")) { _ in [:] },

        // DescribeUserData
        .succeeds(DescribeUserData.self, "what the instance was launched with") { world in
            let launched = try await world.ok(RunInstances.self, launch(world, ["UserData": "IyEvYmluL3NoCg=="]))
            return ["InstanceId": try #require(launched.strings("InstanceIdSets").first)]
        } then: { _, exchange async throws in
            #expect(exchange.answer["UserData"]?.string == "IyEvYmluL3NoCg==" && exchange.answer["InstanceId"]?.string == exchange["InstanceId"])
            #expect(exchange.answer["RegionId"]?.string == ActionWorld.region)
        },
        .fails(DescribeUserData.self, "an instance that does not exist", .instanceNotFound) { _ in ["InstanceId": "i-nothing"] },

        // DescribeInstanceRamRole
        .succeeds(DescribeInstanceRamRole.self, "an instance without a role") { world in
            ["InstanceIds": "[\"\(world.instanceId)\"]"]
        } then: { _, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 0 && exchange.answer.items("InstanceRamRoleSets").isEmpty)
            #expect(exchange.answer["RegionId"]?.string == ActionWorld.region)
        },
        .fails(DescribeInstanceRamRole.self, "neither instances nor a role", .ramRoleQueryEmpty) { _ in [:] },
        .fails(DescribeInstanceRamRole.self, "an instance that does not exist", .ramRoleInstanceNotFound) { _ in ["InstanceIds": "[\"i-nothing\"]"] },
        .fails(DescribeInstanceRamRole.self, "InstanceIds that are not a JSON array", .ramRoleInstanceIdsMalformed) { _ in ["InstanceIds": "i-1"] },

        // DescribeDisks
        .succeeds(DescribeDisks.self, "an instance's system disk") { world in
            ["InstanceId": world.instanceId, "DiskType": "system"]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let disk = try #require(exchange.answer.items("Disks").first)
            #expect(disk["InstanceId"]?.string == world.instanceId && disk["Category"]?.string == "cloud_efficiency")
            #expect(disk["Size"]?.integer == 40 && disk["Status"]?.string == "In_use" && disk["DeleteWithInstance"]?.bool == true)
        },
        .fails(DescribeDisks.self, "an unknown disk type", .diskTypeNotSupported) { _ in ["DiskType": "floppy"] },
        .fails(DescribeDisks.self, "an unknown category", .diskCategoryNotSupported) { _ in ["Category": "tape"] },
        .fails(DescribeDisks.self, "DiskIds that are not a JSON array", .diskIdsMalformed) { _ in ["DiskIds": "d-1"] },
    ]
}
