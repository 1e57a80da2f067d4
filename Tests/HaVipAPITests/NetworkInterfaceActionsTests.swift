@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ENIs attached to and detached from instances, and their attributes changed.
@Suite struct NetworkInterfaceActionsTests {
    static func eni(_ cloud: ECSCloud, vSwitchId: String, groupId: String) async throws -> String {
        try await cloud.call("CreateNetworkInterface", ["VSwitchId": vSwitchId, "SecurityGroupId": groupId]).string("NetworkInterfaceId")
    }

    static func status(_ cloud: ECSCloud, _ id: String) async throws -> (status: String?, instanceId: String?) {
        let item = try await cloud.call("DescribeNetworkInterfaces", ["NetworkInterfaceId.1": id]).node("NetworkInterfaceSets")?.items.first
        return (item?["Status"]?.text, item?["InstanceId"]?.text)
    }

    @Test func attachAndDetach() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let instance = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let eni = try await Self.eni(cloud, vSwitchId: network.vSwitchId, groupId: network.groupId)
        try await cloud.call("AttachNetworkInterface", ["NetworkInterfaceId": eni, "InstanceId": instance])
        #expect(try await Self.status(cloud, eni) == ("InUse", instance))
        await cloud.fails(.networkInterfaceInUse, "AttachNetworkInterface", ["NetworkInterfaceId": eni, "InstanceId": instance])
        await cloud.fails(.networkInterfaceInUse, "DeleteNetworkInterface", ["NetworkInterfaceId": eni])
        try await cloud.call("DetachNetworkInterface", ["NetworkInterfaceId": eni, "InstanceId": instance])
        #expect(try await Self.status(cloud, eni) == ("Available", ""))
        await cloud.fails(.networkInterfaceInUse, "DetachNetworkInterface", ["NetworkInterfaceId": eni, "InstanceId": instance])
        // An instance takes as many ENIs as its type allows (ecs.g7.large: 3, its own included).
        let second = try await Self.eni(cloud, vSwitchId: network.vSwitchId, groupId: network.groupId)
        try await cloud.call("AttachNetworkInterface", ["NetworkInterfaceId": eni, "InstanceId": instance])
        try await cloud.call("AttachNetworkInterface", ["NetworkInterfaceId": second, "InstanceId": instance])
        let third = try await Self.eni(cloud, vSwitchId: network.vSwitchId, groupId: network.groupId)
        await cloud.fails(.eniPerInstanceLimit, "AttachNetworkInterface", ["NetworkInterfaceId": third, "InstanceId": instance])
        // Deleting the instance detaches them.
        try await cloud.call("DeleteInstance", ["InstanceId": instance, "Force": "true"], region: nil)
        #expect(try await Self.status(cloud, eni) == ("Available", ""))
    }

    @Test func attachErrors() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let instance = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let primary = try #require(
            try await cloud.call("DescribeNetworkInterfaces", ["InstanceId": instance]).node("NetworkInterfaceSets")?.items.first?["NetworkInterfaceId"]?
                .text)
        let eni = try await Self.eni(cloud, vSwitchId: network.vSwitchId, groupId: network.groupId)
        await cloud.fails(.eniTypeNotAllowed, "AttachNetworkInterface", ["NetworkInterfaceId": primary, "InstanceId": instance])
        await cloud.fails(.primaryEniDetach, "DetachNetworkInterface", ["NetworkInterfaceId": primary, "InstanceId": instance])
        await cloud.fails(.eniInstanceNotFound, "AttachNetworkInterface", ["NetworkInterfaceId": eni, "InstanceId": "i-missing"])
        await cloud.fails(.networkInterfaceNotFound, "AttachNetworkInterface", ["NetworkInterfaceId": "eni-missing", "InstanceId": instance])
        await cloud.fails(.missingParameter("InstanceId"), "AttachNetworkInterface", ["NetworkInterfaceId": eni])
        // Another zone of the same VPC, and another VPC.
        let otherZone = try await cloud.call(
            "CreateVSwitch", ["VpcId": network.vpcId, "ZoneId": "cn-hangzhou-i", "CidrBlock": "192.168.2.0/24"], product: .vpc
        ).string("VSwitchId")
        let farEni = try await Self.eni(cloud, vSwitchId: otherZone, groupId: network.groupId)
        await cloud.fails(.eniZoneMismatch, "AttachNetworkInterface", ["NetworkInterfaceId": farEni, "InstanceId": instance])
        let other = try await cloud.network()
        let foreignEni = try await Self.eni(cloud, vSwitchId: other.vSwitchId, groupId: other.groupId)
        await cloud.fails(.eniVpcMismatch, "AttachNetworkInterface", ["NetworkInterfaceId": foreignEni, "InstanceId": instance])
    }

    @Test func modifyNetworkInterfaceAttribute() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let eni = try await Self.eni(cloud, vSwitchId: network.vSwitchId, groupId: network.groupId)
        let second = try await cloud.call("CreateSecurityGroup", ["VpcId": network.vpcId]).string("SecurityGroupId")
        try await cloud.call(
            "ModifyNetworkInterfaceAttribute",
            ["NetworkInterfaceId": eni, "NetworkInterfaceName": "eni-a", "Description": "changed", "SecurityGroupId.1": second])
        let item = try #require(try await cloud.call("DescribeNetworkInterfaces", ["NetworkInterfaceId.1": eni]).node("NetworkInterfaceSets")?.items.first)
        #expect(item["NetworkInterfaceName"]?.text == "eni-a" && item["Description"]?.text == "changed")
        #expect(item["SecurityGroupIds"]?.strings == [second])
        let classic = try await cloud.call("CreateSecurityGroup").string("SecurityGroupId")
        await cloud.fails(.securityGroupNotVpc, "ModifyNetworkInterfaceAttribute", ["NetworkInterfaceId": eni, "SecurityGroupId.1": classic])
        let other = try await cloud.network()
        await cloud.fails(
            .eniSecurityGroupVpcMismatch, "ModifyNetworkInterfaceAttribute", ["NetworkInterfaceId": eni, "SecurityGroupId.1": other.groupId])
        await cloud.fails(.networkInterfaceNameMalformed, "ModifyNetworkInterfaceAttribute", ["NetworkInterfaceId": eni, "NetworkInterfaceName": "http://x"])
        await cloud.fails(.networkInterfaceNotFound, "ModifyNetworkInterfaceAttribute", ["NetworkInterfaceId": "eni-missing"])
        // A primary ENI's groups are its instance's.
        let instance = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let primary = try #require(
            try await cloud.call("DescribeNetworkInterfaces", ["InstanceId": instance]).node("NetworkInterfaceSets")?.items.first?["NetworkInterfaceId"]?
                .text)
        try await cloud.call("ModifyNetworkInterfaceAttribute", ["NetworkInterfaceId": primary, "SecurityGroupId.1": second])
        #expect(try await cloud.call("DescribeInstanceAttribute", ["InstanceId": instance]).node("SecurityGroupIds")?.strings == [second])
    }
}
