@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// Security groups: made with or without a VPC, described with their rules, renamed, their rules
/// authorized and revoked in both directions, joined and left by instances, deleted.
@Suite struct SecurityGroupActionsTests {
    /// Without `VpcId` a group is a classic-network one: it exists and is listed, but nothing in a vSwitch
    /// can use it.
    @Test func aGroupWithoutAVpcIsClassic() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let classic = try await cloud.call("CreateSecurityGroup", ["Description": "libcloud group"]).string("SecurityGroupId")
        let attribute = try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": classic])
        #expect(try attribute.string("VpcId") == "" && attribute.string("Description") == "libcloud group")
        await cloud.fails(
            .securityGroupVpcMismatch, "RunInstances",
            ["VSwitchId": network.vSwitchId, "SecurityGroupId": classic, "ImageId": ECSCloud.image, "InstanceType": ECSCloud.instanceType])
        await cloud.fails(.securityGroupVpcMismatch, "CreateNetworkInterface", ["VSwitchId": network.vSwitchId, "SecurityGroupId": classic])
        let id = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        await cloud.fails(.instanceSecurityGroupMismatch, "JoinSecurityGroup", ["InstanceId": id, "SecurityGroupId": classic], region: nil)
        // Its rules default to the classic network's public side.
        try await cloud.call(
            "AuthorizeSecurityGroup", ["SecurityGroupId": classic, "IpProtocol": "tcp", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0"])
        let rule = try #require(try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": classic]).node("Permissions")?.items.first)
        #expect(rule["NicType"]?.text == "internet")
        try await cloud.call("DeleteSecurityGroup", ["SecurityGroupId": classic])
    }

    @Test func tagsAndTheDescribeShape() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let group = try await cloud.call(
            "CreateSecurityGroup", ["VpcId": network.vpcId, "SecurityGroupName": "web", "Tag.1.Key": "env", "Tag.1.Value": "dev"]
        ).string("SecurityGroupId")
        _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: group)
        let listed = try await cloud.call("DescribeSecurityGroups", ["Tag.1.Key": "env", "Tag.1.Value": "dev"])
        #expect(listed.names == ["SecurityGroups", "TotalCount", "PageSize", "NextToken", "PageNumber", "RegionId"])
        let item = try #require(listed.node("SecurityGroups")?.items.first)
        #expect(listed.node("TotalCount") == .int(1) && item["SecurityGroupId"]?.text == group)
        #expect(item["Tags"] == .ecsTags([("env", "dev")]) && item["EcsCount"] == .int(1) && item["VpcId"]?.text == network.vpcId)
        await cloud.fails(TagErrors.ecs.tooMany, "CreateSecurityGroup", Dictionary(uniqueKeysWithValues: (1...21).map { ("Tag.\($0).Key", "k\($0)") }))
        await cloud.fails(.vpcNotFound, "CreateSecurityGroup", ["VpcId": "vpc-missing"])
    }

    /// The code footmark's and Terraform's delete loops wait for.
    @Test func aGoneGroupIsInvalidSecurityGroupIdNotFound() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        try await cloud.call("DeleteSecurityGroup", ["SecurityGroupId": network.groupId])
        #expect(APIError.securityGroupNotFound.code == "InvalidSecurityGroupId.NotFound" && APIError.securityGroupNotFound.httpStatus == 404)
        await cloud.fails(.securityGroupNotFound, "DeleteSecurityGroup", ["SecurityGroupId": network.groupId])
        await cloud.fails(.securityGroupNotFound, "DescribeSecurityGroupAttribute", ["SecurityGroupId": network.groupId])
        await cloud.fails(.securityGroupNotFoundToModify, "ModifySecurityGroupAttribute", ["SecurityGroupId": network.groupId, "SecurityGroupName": "x"])
    }

    @Test func modifySecurityGroupAttribute() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        try await cloud.call("ModifySecurityGroupAttribute", ["SecurityGroupId": network.groupId, "SecurityGroupName": "renamed", "Description": "new"])
        let attribute = try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": network.groupId])
        #expect(try attribute.string("SecurityGroupName") == "renamed" && attribute.string("Description") == "new")
        await cloud.fails(.securityGroupNameMalformed, "ModifySecurityGroupAttribute", ["SecurityGroupId": network.groupId, "SecurityGroupName": "http://x"])
        await cloud.fails(
            .securityGroupDescriptionMalformed, "ModifySecurityGroupAttribute", ["SecurityGroupId": network.groupId, "Description": "https://x"])
    }

    @Test func rulesAreAuthorizedShownAndRevoked() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let peer = try await cloud.call("CreateSecurityGroup", ["VpcId": network.vpcId, "SecurityGroupName": "peer"]).string("SecurityGroupId")
        let ssh: [String: String?] = [
            "SecurityGroupId": network.groupId, "IpProtocol": "tcp", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0", "Priority": "1",
            "Policy": "accept", "NicType": "intranet", "Description": "ssh",
        ]
        try await cloud.call("AuthorizeSecurityGroup", ssh)
        try await cloud.call("AuthorizeSecurityGroup", ssh)  // the same rule again changes nothing
        try await cloud.call("AuthorizeSecurityGroup", ["SecurityGroupId": network.groupId, "IpProtocol": "all", "PortRange": "-1/-1", "SourceGroupId": peer])
        try await cloud.call(
            "AuthorizeSecurityGroupEgress",
            ["SecurityGroupId": network.groupId, "IpProtocol": "ALL", "PortRange": "-1/-1", "DestCidrIp": "0.0.0.0/0", "Policy": "Drop"])
        let all = try #require(try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": network.groupId]).node("Permissions")?.items)
        #expect(all.count == 3)
        #expect(all[0]["IpProtocol"]?.text == "TCP" && all[0]["PortRange"]?.text == "22/22" && all[0]["Direction"]?.text == "ingress")
        #expect(all[0]["Priority"]?.text == "1" && all[0]["Policy"]?.text == "Accept" && all[0]["Description"]?.text == "ssh")
        #expect(all[1]["SourceGroupId"]?.text == peer && all[1]["SourceGroupName"]?.text == "peer" && all[1]["SourceCidrIp"]?.text == "")
        #expect(all[2]["Direction"]?.text == "egress" && all[2]["DestCidrIp"]?.text == "0.0.0.0/0" && all[2]["Policy"]?.text == "Drop")
        let egress = try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": network.groupId, "Direction": "egress"])
        #expect(egress.node("Permissions")?.items.count == 1)
        // The peer is named by a rule: it cannot go yet.
        await cloud.fails(.securityGroupReferenced, "DeleteSecurityGroup", ["SecurityGroupId": peer])
        try await cloud.call("RevokeSecurityGroup", ["SecurityGroupId": network.groupId, "IpProtocol": "all", "PortRange": "-1/-1", "SourceGroupId": peer])
        await cloud.fails(
            .groupRuleNotFound, "RevokeSecurityGroup",
            ["SecurityGroupId": network.groupId, "IpProtocol": "all", "PortRange": "-1/-1", "SourceGroupId": peer])
        try await cloud.call("RevokeSecurityGroup", ssh)
        try await cloud.call("RevokeSecurityGroup", ssh)  // revoking what is not there succeeds
        try await cloud.call(
            "RevokeSecurityGroupEgress",
            ["SecurityGroupId": network.groupId, "IpProtocol": "all", "PortRange": "-1/-1", "DestCidrIp": "0.0.0.0/0", "Policy": "drop"])
        #expect(try await cloud.call("DescribeSecurityGroupAttribute", ["SecurityGroupId": network.groupId]).node("Permissions")?.items.isEmpty == true)
        try await cloud.call("DeleteSecurityGroup", ["SecurityGroupId": peer])
    }

    @Test func ruleErrors() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let other = try await cloud.call("CreateVpc", ["CidrBlock": "10.0.0.0/16"], product: .vpc).string("VpcId")
        let foreign = try await cloud.call("CreateSecurityGroup", ["VpcId": other]).string("SecurityGroupId")
        let base: [String: String?] = ["SecurityGroupId": network.groupId, "IpProtocol": "tcp", "PortRange": "80/80", "SourceCidrIp": "10.0.0.0/8"]
        let cases: [(APIError, [String: String?])] = [
            (.ipProtocolNotSupported, ["IpProtocol": "sctp"]),
            (.portRangeMalformed, ["PortRange": "80"]),
            (.portRangeMalformed, ["PortRange": "0/80"]),
            (.portRangeMalformed, ["PortRange": "90/80"]),
            (.portRangeMismatch, ["PortRange": "-1/-1"]),
            (.portRangeMismatch, ["IpProtocol": "icmp"]),
            (.sourcePortRangeMalformed, ["SourcePortRange": "x"]),
            (.sourceCidrMalformed, ["SourceCidrIp": "10.0.0.1/8"]),
            (.ruleSourceMissing, ["SourceCidrIp": nil]),
            (.sourceGroupNotFound, ["SourceCidrIp": nil, "SourceGroupId": "sg-missing"]),
            (.peerGroupIsSelf, ["SourceCidrIp": nil, "SourceGroupId": network.groupId]),
            (.peerGroupVpcMismatch, ["SourceCidrIp": nil, "SourceGroupId": foreign]),
            (.policyMalformed, ["Policy": "allow"]),
            (.nicTypeNotSupported, ["NicType": "public"]),
            (.priorityMalformed, ["Priority": "high"]),
            (.priorityNotSupported, ["Priority": "101"]),
            (.ruleDescriptionMalformed, ["Description": "http://x"]),
            (.securityGroupNotFound, ["SecurityGroupId": "sg-missing"]),
            (.missingParameter("IpProtocol"), ["IpProtocol": nil]),
            (.missingParameter("PortRange"), ["PortRange": nil]),
        ]
        for (error, changes) in cases {
            await cloud.fails(error, "AuthorizeSecurityGroup", base.merging(changes) { _, new in new })
        }
        await cloud.fails(.portRangeMalformedToRevoke, "RevokeSecurityGroup", base.merging(["PortRange": "x"]) { _, new in new })
        let egress: [String: String?] = ["SecurityGroupId": network.groupId, "IpProtocol": "tcp", "PortRange": "80/80"]
        await cloud.fails(.ruleDestinationMissing, "AuthorizeSecurityGroupEgress", egress)
        await cloud.fails(.destinationCidrMalformed, "AuthorizeSecurityGroupEgress", egress.merging(["DestCidrIp": "nowhere"]) { _, new in new })
        await cloud.fails(.destinationGroupNotFound, "AuthorizeSecurityGroupEgress", egress.merging(["DestGroupId": "sg-missing"]) { _, new in new })
        // 200 rules at most.
        for port in 1...200 {
            try await cloud.call("AuthorizeSecurityGroup", base.merging(["PortRange": "\(port)/\(port)"]) { _, new in new })
        }
        await cloud.fails(.ruleLimitExceeded, "AuthorizeSecurityGroup", base.merging(["PortRange": "201/201"]) { _, new in new })
    }

    @Test func joinAndLeave() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let id = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let second = try await cloud.call("CreateSecurityGroup", ["VpcId": network.vpcId]).string("SecurityGroupId")
        try await cloud.call("JoinSecurityGroup", ["InstanceId": id, "SecurityGroupId": second], region: nil)
        let groups = try await cloud.call("DescribeInstanceAttribute", ["InstanceId": id]).node("SecurityGroupIds")?.strings
        #expect(groups == [network.groupId, second])
        await cloud.fails(.instanceAlreadyInSecurityGroup, "JoinSecurityGroup", ["InstanceId": id, "SecurityGroupId": second], region: nil)
        await cloud.fails(.securityGroupInUse, "DeleteSecurityGroup", ["SecurityGroupId": second])
        try await cloud.call("LeaveSecurityGroup", ["InstanceId": id, "SecurityGroupId": network.groupId], region: nil)
        await cloud.fails(.instanceNotInSecurityGroup, "LeaveSecurityGroup", ["InstanceId": id, "SecurityGroupId": network.groupId], region: nil)
        await cloud.fails(.instanceLastSecurityGroup, "LeaveSecurityGroup", ["InstanceId": id, "SecurityGroupId": second], region: nil)
        await cloud.fails(.securityGroupNotFound, "JoinSecurityGroup", ["InstanceId": id, "SecurityGroupId": "sg-missing"], region: nil)
        await cloud.fails(.instanceNotFound, "JoinSecurityGroup", ["InstanceId": "i-missing", "SecurityGroupId": second], region: nil)
        for _ in 0..<4 {
            let more = try await cloud.call("CreateSecurityGroup", ["VpcId": network.vpcId]).string("SecurityGroupId")
            try await cloud.call("JoinSecurityGroup", ["InstanceId": id, "SecurityGroupId": more])
        }
        await cloud.fails(.instanceSecurityGroupLimit, "JoinSecurityGroup", ["InstanceId": id, "SecurityGroupId": network.groupId])
        // The group it left is free.
        try await cloud.call("DeleteSecurityGroup", ["SecurityGroupId": network.groupId])
    }
}
