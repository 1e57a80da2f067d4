@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ENIs: secondary ones made in a vSwitch, attached to and detached from instances of their VPC and zone
/// (within the instance type's count), renamed and regrouped, deleted once detached.
extension ActionCases {
    static let networkInterfaces: [ActionCase] = [
        // CreateNetworkInterface
        .succeeds(CreateNetworkInterface.self, "at a given address, with a name, a description and a tag") { world in
            ["VSwitchId": world.vSwitchId, "SecurityGroupId": world.groupId, "PrimaryIpAddress": "192.168.1.200", "NetworkInterfaceName": "data",
             "Description": "second leg", "Tag.1.Key": "role", "Tag.1.Value": "data"]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["NetworkInterfaceId"]?.string)
            #expect(id.hasPrefix("eni-") && exchange.answer["Status"]?.string == "Available" && exchange.answer["Type"]?.string == "Secondary")
            #expect(exchange.answer["PrivateIpAddress"]?.string == "192.168.1.200" && exchange.answer.tags == ["role": "data"])
            let eni = try await world.networkInterface(id)
            #expect(eni["Status"]?.string == "Available" && eni["PrivateIpAddress"]?.string == "192.168.1.200" && eni["InstanceId"]?.string == "")
            #expect(eni["NetworkInterfaceName"]?.string == "data" && eni["Description"]?.string == "second leg" && eni.tags == ["role": "data"])
            #expect(eni.strings("SecurityGroupIds") == [world.groupId] && eni["VpcId"]?.string == world.vpcId)
            #expect(eni["MacAddress"] == exchange.answer["MacAddress"])
        },
        .fails(CreateNetworkInterface.self, "without a security group", .missingParameter("SecurityGroupId")) { world in
            ["VSwitchId": world.vSwitchId]
        },
        .fails(CreateNetworkInterface.self, "in a vSwitch that does not exist", .ecsVSwitchNotFound) { world in
            ["VSwitchId": "vsw-nothing", "SecurityGroupId": world.groupId]
        },
        .fails(CreateNetworkInterface.self, "at an address in use", .privateAddress(.alreadyUsed)) { world in
            ["VSwitchId": world.vSwitchId, "SecurityGroupId": world.groupId, "PrimaryIpAddress": world.haVipAddress]
        },
        .fails(CreateNetworkInterface.self, "at an address outside the vSwitch", .privateAddress(.outOfRange)) { world in
            ["VSwitchId": world.vSwitchId, "SecurityGroupId": world.groupId, "PrimaryIpAddress": "192.168.9.9"]
        },
        .fails(CreateNetworkInterface.self, "a group of another VPC", .securityGroupVpcMismatch) { world in
            ["VSwitchId": world.vSwitchId, "SecurityGroupId": try await world.elsewhere().groupId]
        },
        .fails(CreateNetworkInterface.self, "a name that is a URL", .networkInterfaceNameMalformed) { world in
            ["VSwitchId": world.vSwitchId, "SecurityGroupId": world.groupId, "NetworkInterfaceName": "http://eni"]
        },

        // DescribeNetworkInterfaces
        .succeeds(DescribeNetworkInterfaces.self, "the secondary ENIs of a VPC") { world in
            ["VpcId": world.vpcId, "Type": "Secondary"]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let eni = try #require(exchange.answer.items("NetworkInterfaceSets").first)
            #expect(eni["NetworkInterfaceId"]?.string == world.eniId && eni["Type"]?.string == "Secondary" && eni["Status"]?.string == "Available")
        },
        .succeeds(DescribeNetworkInterfaces.self, "an instance's primary ENI") { world in
            ["InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            let enis = exchange.answer.items("NetworkInterfaceSets")
            #expect(enis.count == 1 && enis.first?["Type"]?.string == "Primary" && enis.first?["Status"]?.string == "InUse")
            let primary = try await world.instance().items("NetworkInterfaces").first?["NetworkInterfaceId"]
            #expect(enis.first?["NetworkInterfaceId"] == primary)
        },
        .fails(DescribeNetworkInterfaces.self, "MaxResults that is not a number", .maxResultsInvalid) { _ in ["MaxResults": "ten"] },
        .fails(DescribeNetworkInterfaces.self, "a NextToken havip never gave", .nextTokenInvalid) { _ in ["NextToken": "0123456789abcdef"] },
        .fails(DescribeNetworkInterfaces.self, "a page larger than 500", .invalidParameter("PageSize")) { _ in ["PageSize": "501"] },

        // DeleteNetworkInterface
        .succeeds(DeleteNetworkInterface.self, "a detached secondary ENI: its address is free again") { world in
            ["NetworkInterfaceId": world.eniId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.count(DescribeNetworkInterfaces.self, ["NetworkInterfaceId.1": world.eniId]) == 0)
            let vSwitch = try await world.described(DescribeVSwitches.self, ["VSwitchId": world.vSwitchId], "VSwitches")
            #expect(vSwitch["AvailableIpAddressCount"]?.integer == 249)
        },
        .fails(DeleteNetworkInterface.self, "one that does not exist", .networkInterfaceNotFound) { _ in ["NetworkInterfaceId": "eni-nothing"] },
        .fails(DeleteNetworkInterface.self, "an attached one", .networkInterfaceInUse) { world in
            try await world.ok(AttachNetworkInterface.self, ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId])
            return ["NetworkInterfaceId": world.eniId]
        },
        .fails(DeleteNetworkInterface.self, "an instance's primary ENI", .networkInterfaceInUse) { world in
            ["NetworkInterfaceId": try #require(try await world.instance().items("NetworkInterfaces").first?["NetworkInterfaceId"]?.string)]
        },

        // AttachNetworkInterface
        .succeeds(AttachNetworkInterface.self, "a secondary ENI to an instance") { world in
            ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let eni = try await world.networkInterface()
            #expect(eni["Status"]?.string == "InUse" && eni["InstanceId"]?.string == world.instanceId)
            #expect(try await world.count(DescribeNetworkInterfaces.self, ["InstanceId": world.instanceId]) == 2)
        },
        .fails(AttachNetworkInterface.self, "to an instance that does not exist", .eniInstanceNotFound) { world in
            ["NetworkInterfaceId": world.eniId, "InstanceId": "i-nothing"]
        },
        .fails(AttachNetworkInterface.self, "an instance's primary ENI", .eniTypeNotAllowed) { world in
            let primary = try #require(try await world.instance(world.otherInstanceId).items("NetworkInterfaces").first?["NetworkInterfaceId"]?.string)
            return ["NetworkInterfaceId": primary, "InstanceId": world.instanceId]
        },
        .fails(AttachNetworkInterface.self, "an ENI already attached", .networkInterfaceInUse) { world in
            try await world.ok(AttachNetworkInterface.self, ["NetworkInterfaceId": world.eniId, "InstanceId": world.otherInstanceId])
            return ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId]
        },
        .fails(AttachNetworkInterface.self, "to an instance of another VPC", .eniVpcMismatch) { world in
            ["NetworkInterfaceId": world.eniId, "InstanceId": try await world.elsewhere().instanceId]
        },
        .fails(AttachNetworkInterface.self, "to an instance of another zone", .eniZoneMismatch) { world in
            let vSwitchId = try await world.created(
                CreateVSwitch.self, ["VpcId": world.vpcId, "ZoneId": "cn-hangzhou-i", "CidrBlock": "192.168.2.0/24"], "VSwitchId")
            let launched = try await world.ok(RunInstances.self, launch(world, ["VSwitchId": vSwitchId]))
            return ["NetworkInterfaceId": world.eniId, "InstanceId": try #require(launched.strings("InstanceIdSets").first)]
        },
        .fails(AttachNetworkInterface.self, "beyond the instance type's ENI count", .eniPerInstanceLimit) { world in
            // ecs.g7.large takes 3: its primary ENI and two more.
            try await world.ok(AttachNetworkInterface.self, ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId])
            try await world.ok(AttachNetworkInterface.self, ["NetworkInterfaceId": try await world.newNetworkInterface(), "InstanceId": world.instanceId])
            return ["NetworkInterfaceId": try await world.newNetworkInterface(), "InstanceId": world.instanceId]
        },

        // DetachNetworkInterface
        .succeeds(DetachNetworkInterface.self, "an attached secondary ENI") { world in
            try await world.ok(AttachNetworkInterface.self, ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId])
            return ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let eni = try await world.networkInterface()
            #expect(eni["Status"]?.string == "Available" && eni["InstanceId"]?.string == "")
        },
        .fails(DetachNetworkInterface.self, "an instance's primary ENI", .primaryEniDetach) { world in
            let primary = try #require(try await world.instance().items("NetworkInterfaces").first?["NetworkInterfaceId"]?.string)
            return ["NetworkInterfaceId": primary, "InstanceId": world.instanceId]
        },
        .fails(DetachNetworkInterface.self, "from an instance it is not attached to", .networkInterfaceInUse) { world in
            ["NetworkInterfaceId": world.eniId, "InstanceId": world.instanceId]
        },
        .fails(DetachNetworkInterface.self, "from an instance that does not exist", .eniInstanceNotFound) { world in
            ["NetworkInterfaceId": world.eniId, "InstanceId": "i-nothing"]
        },

        // ModifyNetworkInterfaceAttribute
        .succeeds(ModifyNetworkInterfaceAttribute.self, "name, description and groups") { world in
            ["NetworkInterfaceId": world.eniId, "NetworkInterfaceName": "renamed", "Description": "described",
             "SecurityGroupId.1": try await world.newSecurityGroup()]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let eni = try await world.networkInterface()
            #expect(eni["NetworkInterfaceName"]?.string == "renamed" && eni["Description"]?.string == "described")
            #expect(eni.strings("SecurityGroupIds") == [exchange["SecurityGroupId.1"]])
        },
        .fails(ModifyNetworkInterfaceAttribute.self, "one that does not exist", .networkInterfaceNotFound) { _ in
            ["NetworkInterfaceId": "eni-nothing", "NetworkInterfaceName": "x"]
        },
        .fails(ModifyNetworkInterfaceAttribute.self, "a group of another VPC", .eniSecurityGroupVpcMismatch) { world in
            ["NetworkInterfaceId": world.eniId, "SecurityGroupId.1": try await world.elsewhere().groupId]
        },
        .fails(ModifyNetworkInterfaceAttribute.self, "a classic-network group", .securityGroupNotVpc) { world in
            ["NetworkInterfaceId": world.eniId, "SecurityGroupId.1": try await world.created(CreateSecurityGroup.self, [:], "SecurityGroupId")]
        },
        .fails(ModifyNetworkInterfaceAttribute.self, "a name that is a URL", .networkInterfaceNameMalformed) { world in
            ["NetworkInterfaceId": world.eniId, "NetworkInterfaceName": "https://eni"]
        },
    ]
}
