@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// DescribeVpcAttribute, DescribeVSwitchAttributes and the Modify actions of VPCs, vSwitches and EIPs: what
/// terraform's and footmark's waits and reads call, each answer's field set in the real wire order.
@Suite struct VpcAttributeActionsTests {
    @Test func describeVpcAttribute() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let vpc = try await cloud.call("DescribeVpcAttribute", ["VpcId": network.vpcId], product: .vpc)
        #expect(WireOrder.violations(vpc.withRequestId(.vpc), action: "DescribeVpcAttribute", product: .vpc) == [], "\(WireOrder.violations(vpc.withRequestId(.vpc), action: "DescribeVpcAttribute", product: .vpc))")
        #expect(vpc.names.count == 27)
        #expect(try vpc.string("VpcId") == network.vpcId && vpc.string("Status") == "Available" && vpc.string("CidrBlock") == "192.168.0.0/16")
        #expect(vpc.node("VSwitchIds")?.strings == [network.vSwitchId])
        #expect(vpc.node("OwnerId") == .integer(1_111_111_111_111_111))
        #expect(vpc.node("CloudResources")?.items.first?.fields.names == ["ResourceCount", "ResourceType"])
        await cloud.fails(.vpcNotFound, "DescribeVpcAttribute", ["VpcId": "vpc-missing"], product: .vpc)
        await cloud.fails(.missingParameter("VpcId"), "DescribeVpcAttribute", product: .vpc)
        await cloud.fails(.missingParameter("RegionId"), "DescribeVpcAttribute", ["VpcId": network.vpcId], product: .vpc, region: nil)
        await cloud.fails(.vpcNotFound, "DescribeVpcAttribute", ["VpcId": network.vpcId], product: .vpc, region: "cn-beijing")
    }

    @Test func describeVSwitchAttributes() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        // RegionId is optional: the vSwitch's own region answers.
        let vSwitch = try await cloud.call("DescribeVSwitchAttributes", ["VSwitchId": network.vSwitchId], product: .vpc, region: nil)
        #expect(WireOrder.violations(vSwitch.withRequestId(.vpc), action: "DescribeVSwitchAttributes", product: .vpc) == [], "\(WireOrder.violations(vSwitch.withRequestId(.vpc), action: "DescribeVSwitchAttributes", product: .vpc))")
        #expect(vSwitch.names.count == 18)
        #expect(try vSwitch.string("Status") == "Available" && vSwitch.string("VpcId") == network.vpcId)
        #expect(vSwitch.node("AvailableIpAddressCount") == .int(252))
        let vpc = try await cloud.call("DescribeVpcs", ["VpcId": network.vpcId], product: .vpc)
        let tableId = try #require(vpc.node("Vpcs")?.items.first?["RouterTableIds"]?.strings.first)
        #expect(vSwitch.node("RouteTable")?["RouteTableId"]?.text == tableId)
        await cloud.fails(.vSwitchNotFound, "DescribeVSwitchAttributes", ["VSwitchId": "vsw-missing"], product: .vpc, region: nil)
        await cloud.fails(.missingParameter("VSwitchId"), "DescribeVSwitchAttributes", product: .vpc)
    }

    @Test func modifyVpcAttribute() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        try await cloud.call("ModifyVpcAttribute", ["VpcId": network.vpcId, "VpcName": "prod", "Description": "changed"], product: .vpc, region: nil)
        var vpc = try await cloud.call("DescribeVpcAttribute", ["VpcId": network.vpcId], product: .vpc)
        #expect(try vpc.string("VpcName") == "prod" && vpc.string("Description") == "changed" && vpc.string("CidrBlock") == "192.168.0.0/16")
        // A wider block holding every vSwitch is taken; one that leaves a vSwitch out is not.
        try await cloud.call("ModifyVpcAttribute", ["VpcId": network.vpcId, "CidrBlock": "192.168.0.0/15"], product: .vpc)
        vpc = try await cloud.call("DescribeVpcAttribute", ["VpcId": network.vpcId], product: .vpc)
        #expect(try vpc.string("CidrBlock") == "192.168.0.0/15" && vpc.string("VpcName") == "prod")
        await cloud.fails(.vpcCidrInvalid, "ModifyVpcAttribute", ["VpcId": network.vpcId, "CidrBlock": "10.0.0.0/16"], product: .vpc)
        await cloud.fails(.vpcCidrInvalid, "ModifyVpcAttribute", ["VpcId": network.vpcId, "CidrBlock": "192.168.0.1/16"], product: .vpc)
        await cloud.fails(.vpcNameMalformed, "ModifyVpcAttribute", ["VpcId": network.vpcId, "VpcName": "http://x"], product: .vpc)
        await cloud.fails(.vpcDescriptionMalformed, "ModifyVpcAttribute", ["VpcId": network.vpcId, "Description": "https://x"], product: .vpc)
        await cloud.fails(.vpcNotFound, "ModifyVpcAttribute", ["VpcId": "vpc-missing"], product: .vpc, region: nil)
        await cloud.fails(.missingParameter("VpcId"), "ModifyVpcAttribute", product: .vpc)
    }

    @Test func modifyVSwitchAttribute() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        try await cloud.call("ModifyVSwitchAttribute", ["VSwitchId": network.vSwitchId, "VSwitchName": "web"], product: .vpc)
        try await cloud.call("ModifyVSwitchAttribute", ["VSwitchId": network.vSwitchId, "Description": "changed"], product: .vpc, region: nil)
        let vSwitch = try await cloud.call("DescribeVSwitchAttributes", ["VSwitchId": network.vSwitchId], product: .vpc)
        #expect(try vSwitch.string("VSwitchName") == "web" && vSwitch.string("Description") == "changed")
        await cloud.fails(.vSwitchNameMalformed, "ModifyVSwitchAttribute", ["VSwitchId": network.vSwitchId, "VSwitchName": "http://x"], product: .vpc)
        await cloud.fails(
            .vSwitchDescriptionMalformed, "ModifyVSwitchAttribute", ["VSwitchId": network.vSwitchId, "Description": "http://x"], product: .vpc)
        await cloud.fails(.vSwitchNotFound, "ModifyVSwitchAttribute", ["VSwitchId": "vsw-missing"], product: .vpc)
        await cloud.fails(.missingParameter("VSwitchId"), "ModifyVSwitchAttribute", product: .vpc)
    }

    @Test func modifyEipAddressAttribute() async throws {
        let cloud = try ECSCloud()
        let eip = try await cloud.call("AllocateEipAddress", ["Bandwidth": "1"], product: .vpc).string("AllocationId")
        try await cloud.call(
            "ModifyEipAddressAttribute", ["AllocationId": eip, "Bandwidth": "2", "Name": "edge", "Description": "changed"], product: .vpc, region: nil)
        let item = try #require(try await cloud.call("DescribeEipAddresses", ["AllocationId": eip], product: .vpc).node("EipAddresses")?.items.first)
        #expect(item["Bandwidth"]?.text == "2" && item["Name"]?.text == "edge" && item["Description"]?.text == "changed")
        await cloud.fails(.eipBandwidthInvalid, "ModifyEipAddressAttribute", ["AllocationId": eip, "Bandwidth": "0"], product: .vpc)
        await cloud.fails(.invalidParameter("Name"), "ModifyEipAddressAttribute", ["AllocationId": eip, "Name": "http://x"], product: .vpc)
        await cloud.fails(.descriptionMalformed, "ModifyEipAddressAttribute", ["AllocationId": eip, "Description": "http://x"], product: .vpc)
        await cloud.fails(.eipNotFound, "ModifyEipAddressAttribute", ["AllocationId": "eip-missing"], product: .vpc)
        await cloud.fails(.missingParameter("AllocationId"), "ModifyEipAddressAttribute", product: .vpc)
    }
}
