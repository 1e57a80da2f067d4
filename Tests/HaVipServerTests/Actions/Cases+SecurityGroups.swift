@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ECS security groups, their rules (seen through DescribeSecurityGroupAttribute) and the instances that
/// join and leave them (seen through DescribeInstances).
extension ActionCases {
    /// An ingress rule's parameters on the world's group.
    static func ingress(_ world: ActionWorld, _ extra: [String: String?] = [:]) -> ActionRequest {
        let rule: [String: String?] = ["SecurityGroupId": world.groupId, "IpProtocol": "tcp", "PortRange": "22/22", "SourceCidrIp": "10.0.0.0/8"]
        return ActionRequest(rule.merging(extra) { $1 })
    }

    /// An egress rule's parameters on the world's group.
    static func egress(_ world: ActionWorld, _ extra: [String: String?] = [:]) -> ActionRequest {
        let rule: [String: String?] = ["SecurityGroupId": world.groupId, "IpProtocol": "udp", "PortRange": "53/53", "DestCidrIp": "8.8.8.8/32"]
        return ActionRequest(rule.merging(extra) { $1 })
    }

    static let securityGroups: [ActionCase] = [
        // CreateSecurityGroup
        .succeeds(CreateSecurityGroup.self, "in the VPC, with a name, a description and a tag") { world in
            ["VpcId": world.vpcId, "SecurityGroupName": "web", "Description": "web servers", "Tag.1.Key": "env", "Tag.1.Value": "test"]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["SecurityGroupId"]?.string)
            #expect(id.hasPrefix("sg-") && exchange.answer.keys == ["RequestId", "SecurityGroupId"])
            let group = try await world.described(DescribeSecurityGroups.self, ["SecurityGroupId": id], "SecurityGroups")
            #expect(group["VpcId"]?.string == world.vpcId && group["SecurityGroupName"]?.string == "web")
            #expect(group["Description"]?.string == "web servers" && group.tags == ["env": "test"] && group["EcsCount"]?.integer == 0)
        },
        .fails(CreateSecurityGroup.self, "in a VPC that does not exist", .vpcNotFound) { _ in ["VpcId": "vpc-nothing"] },
        .fails(CreateSecurityGroup.self, "a name that is a URL", .securityGroupNameMalformed) { world in
            ["VpcId": world.vpcId, "SecurityGroupName": "http://sg"]
        },
        .fails(CreateSecurityGroup.self, "a description that is a URL", .securityGroupDescriptionMalformed) { world in
            ["VpcId": world.vpcId, "Description": "http://sg"]
        },
        .fails(CreateSecurityGroup.self, "a tag key starting with acs:", TagErrors.ecs.keyInvalid) { world in
            ["VpcId": world.vpcId, "Tag.1.Key": "acs:owner"]
        },

        // DescribeSecurityGroups
        .succeeds(DescribeSecurityGroups.self, "by VPC, with the instances in it") { world in
            ["VpcId": world.vpcId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1 && exchange.answer["RegionId"]?.string == ActionWorld.region)
            let group = try #require(exchange.answer.items("SecurityGroups").first)
            #expect(group["SecurityGroupId"]?.string == world.groupId && group["EcsCount"]?.integer == 2)
        },
        .fails(DescribeSecurityGroups.self, "SecurityGroupIds that are not a JSON array", .invalidParameter("SecurityGroupIds")) { world in
            ["SecurityGroupIds": world.groupId]
        },
        .fails(DescribeSecurityGroups.self, "a page larger than 50", .invalidParameter("PageSize")) { _ in ["PageSize": "51"] },

        // DeleteSecurityGroup
        .succeeds(DeleteSecurityGroup.self, "an unused group") { world in
            ["SecurityGroupId": try await world.newSecurityGroup()]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.count(DescribeSecurityGroups.self, ["SecurityGroupId": exchange["SecurityGroupId"]]) == 0)
        },
        .fails(DeleteSecurityGroup.self, "one that does not exist", .securityGroupNotFound) { _ in ["SecurityGroupId": "sg-nothing"] },
        .fails(DeleteSecurityGroup.self, "one instances are in", .securityGroupInUse) { world in ["SecurityGroupId": world.groupId] },
        .fails(DeleteSecurityGroup.self, "one another group's rule names", .securityGroupReferenced) { world in
            let peer = try await world.newSecurityGroup()
            try await world.ok(AuthorizeSecurityGroup.self, ingress(world, ["SourceCidrIp": nil, "SourceGroupId": peer]))
            return ["SecurityGroupId": peer]
        },

        // DescribeSecurityGroupAttribute
        .succeeds(DescribeSecurityGroupAttribute.self, "a group's rules in one direction") { world in
            try await world.ok(AuthorizeSecurityGroup.self, ingress(world))
            try await world.ok(AuthorizeSecurityGroupEgress.self, egress(world))
            return ["SecurityGroupId": world.groupId, "Direction": "egress"]
        } then: { world, exchange async throws in
            #expect(exchange.answer["SecurityGroupId"]?.string == world.groupId && exchange.answer["VpcId"]?.string == world.vpcId)
            let rules = exchange.answer.items("Permissions")
            #expect(rules.count == 1 && rules.first?["Direction"]?.string == "egress" && rules.first?["DestCidrIp"]?.string == "8.8.8.8/32")
            #expect(try await world.securityGroupRules().count == 2)
        },
        .fails(DescribeSecurityGroupAttribute.self, "one that does not exist", .securityGroupNotFound) { _ in ["SecurityGroupId": "sg-nothing"] },
        .fails(DescribeSecurityGroupAttribute.self, "an unknown direction", .securityGroupAttributeParameterInvalid) { world in
            ["SecurityGroupId": world.groupId, "Direction": "sideways"]
        },
        .fails(DescribeSecurityGroupAttribute.self, "an unknown NicType", .nicTypeNotSupported) { world in
            ["SecurityGroupId": world.groupId, "NicType": "wifi"]
        },

        // ModifySecurityGroupAttribute
        .succeeds(ModifySecurityGroupAttribute.self, "name and description") { world in
            ["SecurityGroupId": world.groupId, "SecurityGroupName": "renamed", "Description": "described"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let group = try await world.ok(DescribeSecurityGroupAttribute.self, ["SecurityGroupId": world.groupId])
            #expect(group["SecurityGroupName"]?.string == "renamed" && group["Description"]?.string == "described")
        },
        .fails(ModifySecurityGroupAttribute.self, "one that does not exist", .securityGroupNotFoundToModify) { _ in
            ["SecurityGroupId": "sg-nothing", "SecurityGroupName": "x"]
        },
        .fails(ModifySecurityGroupAttribute.self, "a name that is a URL", .securityGroupNameMalformed) { world in
            ["SecurityGroupId": world.groupId, "SecurityGroupName": "https://sg"]
        },

        // AuthorizeSecurityGroup
        .succeeds(AuthorizeSecurityGroup.self, "from a block, with a priority and a description") { world in
            ingress(world, ["Priority": "2", "Description": "ssh"])
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let rule = try #require(try await world.securityGroupRules().first)
            #expect(rule["Direction"]?.string == "ingress" && rule["IpProtocol"]?.string == "TCP" && rule["PortRange"]?.string == "22/22")
            #expect(rule["SourceCidrIp"]?.string == "10.0.0.0/8" && rule["Priority"]?.string == "2" && rule["Description"]?.string == "ssh")
            #expect(rule["Policy"]?.string == "Accept" && rule["NicType"]?.string == "intranet")
        },
        .succeeds(AuthorizeSecurityGroup.self, "from another group, twice (the second changes nothing)") { world in
            let peer = try await world.newSecurityGroup()
            try await world.ok(AuthorizeSecurityGroup.self, ingress(world, ["SourceCidrIp": nil, "SourceGroupId": peer]))
            return ingress(world, ["SourceCidrIp": nil, "SourceGroupId": peer])
        } then: { world, exchange async throws in
            let rules = try await world.securityGroupRules()
            #expect(rules.count == 1 && rules.first?["SourceGroupId"]?.string == exchange["SourceGroupId"])
        },
        .fails(AuthorizeSecurityGroup.self, "a group that does not exist", .securityGroupNotFound) { world in
            ingress(world, ["SecurityGroupId": "sg-nothing"])
        },
        .fails(AuthorizeSecurityGroup.self, "an unknown protocol", .ipProtocolNotSupported) { world in ingress(world, ["IpProtocol": "sctp"]) },
        .fails(AuthorizeSecurityGroup.self, "a port range that is one port", .portRangeMalformed) { world in ingress(world, ["PortRange": "22"]) },
        .fails(AuthorizeSecurityGroup.self, "TCP without ports", .portRangeMismatch) { world in ingress(world, ["PortRange": "-1/-1"]) },
        .fails(AuthorizeSecurityGroup.self, "no source", .ruleSourceMissing) { world in ingress(world, ["SourceCidrIp": nil]) },
        .fails(AuthorizeSecurityGroup.self, "a source that is not a block", .sourceCidrMalformed) { world in
            ingress(world, ["SourceCidrIp": "10.0.0.0/33"])
        },
        .fails(AuthorizeSecurityGroup.self, "the group itself as source", .peerGroupIsSelf) { world in
            ingress(world, ["SourceCidrIp": nil, "SourceGroupId": world.groupId])
        },
        .fails(AuthorizeSecurityGroup.self, "a source group that does not exist", .sourceGroupNotFound) { world in
            ingress(world, ["SourceCidrIp": nil, "SourceGroupId": "sg-nothing"])
        },
        .fails(AuthorizeSecurityGroup.self, "a source group of another VPC", .peerGroupVpcMismatch) { world in
            ingress(world, ["SourceCidrIp": nil, "SourceGroupId": try await world.elsewhere().groupId])
        },
        .fails(AuthorizeSecurityGroup.self, "priority 101", .priorityNotSupported) { world in ingress(world, ["Priority": "101"]) },
        .fails(AuthorizeSecurityGroup.self, "an unknown policy", .policyMalformed) { world in ingress(world, ["Policy": "maybe"]) },

        // RevokeSecurityGroup
        .succeeds(RevokeSecurityGroup.self, "the rule authorized") { world in
            try await world.ok(AuthorizeSecurityGroup.self, ingress(world))
            return ingress(world)
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.securityGroupRules().isEmpty)
        },
        .fails(RevokeSecurityGroup.self, "a group rule that is not there", .groupRuleNotFound) { world in
            ingress(world, ["SourceCidrIp": nil, "SourceGroupId": try await world.newSecurityGroup()])
        },
        .fails(RevokeSecurityGroup.self, "a port range that is one port", .portRangeMalformedToRevoke) { world in
            ingress(world, ["PortRange": "22"])
        },

        // AuthorizeSecurityGroupEgress
        .succeeds(AuthorizeSecurityGroupEgress.self, "to a block") { world in
            egress(world, ["Policy": "drop"])
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let rule = try #require(try await world.securityGroupRules().first)
            #expect(rule["Direction"]?.string == "egress" && rule["IpProtocol"]?.string == "UDP" && rule["DestCidrIp"]?.string == "8.8.8.8/32")
            #expect(rule["Policy"]?.string == "Drop" && rule["SourceCidrIp"]?.string == "")
        },
        .fails(AuthorizeSecurityGroupEgress.self, "no destination", .ruleDestinationMissing) { world in egress(world, ["DestCidrIp": nil]) },
        .fails(AuthorizeSecurityGroupEgress.self, "a destination that is not a block", .destinationCidrMalformed) { world in
            egress(world, ["DestCidrIp": "8.8.8"])
        },

        // RevokeSecurityGroupEgress
        .succeeds(RevokeSecurityGroupEgress.self, "the rule authorized") { world in
            try await world.ok(AuthorizeSecurityGroupEgress.self, egress(world))
            return egress(world)
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.securityGroupRules().isEmpty)
        },
        .fails(RevokeSecurityGroupEgress.self, "a destination group that does not exist", .destinationGroupNotFound) { world in
            egress(world, ["DestCidrIp": nil, "DestGroupId": "sg-nothing"])
        },

        // JoinSecurityGroup
        .succeeds(JoinSecurityGroup.self, "a second group (no RegionId): the instance and its primary ENI") { world in
            ["InstanceId": world.instanceId, "SecurityGroupId": try await world.newSecurityGroup(), "RegionId": nil]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let instance = try await world.instance()
            #expect(instance.strings("SecurityGroupIds") == [world.groupId, exchange["SecurityGroupId"]])
            let eniId = try #require(instance.items("NetworkInterfaces").first?["NetworkInterfaceId"]?.string)
            #expect(try await world.networkInterface(eniId).strings("SecurityGroupIds") == [world.groupId, exchange["SecurityGroupId"]])
        },
        .fails(JoinSecurityGroup.self, "an instance that does not exist", .instanceNotFound) { world in
            ["InstanceId": "i-nothing", "SecurityGroupId": world.groupId]
        },
        .fails(JoinSecurityGroup.self, "a group it is in", .instanceAlreadyInSecurityGroup) { world in
            ["InstanceId": world.instanceId, "SecurityGroupId": world.groupId]
        },
        .fails(JoinSecurityGroup.self, "a group of another VPC", .instanceSecurityGroupMismatch) { world in
            ["InstanceId": world.instanceId, "SecurityGroupId": try await world.elsewhere().groupId]
        },

        // LeaveSecurityGroup
        .succeeds(LeaveSecurityGroup.self, "one of two groups") { world in
            let second = try await world.newSecurityGroup()
            try await world.ok(JoinSecurityGroup.self, ["InstanceId": world.instanceId, "SecurityGroupId": second])
            return ["InstanceId": world.instanceId, "SecurityGroupId": world.groupId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let groups = try await world.instance().strings("SecurityGroupIds")
            #expect(groups.count == 1 && groups != [world.groupId])
        },
        .fails(LeaveSecurityGroup.self, "its last group", .instanceLastSecurityGroup) { world in
            ["InstanceId": world.instanceId, "SecurityGroupId": world.groupId]
        },
        .fails(LeaveSecurityGroup.self, "a group it is not in", .instanceNotInSecurityGroup) { world in
            ["InstanceId": world.instanceId, "SecurityGroupId": try await world.newSecurityGroup()]
        },
    ]
}
