@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// VPCs and vSwitches: what creation keeps, what Describe shows (addresses in use included), and what
/// deletion refuses while something remains.
extension ActionCases {
    static let vpcs: [ActionCase] = [
        // CreateVpc
        .succeeds(CreateVpc.self, "with a block, a name, a description, a group and a tag") { _ in
            ["CidrBlock": "10.0.0.0/8", "VpcName": "second", "Description": "the other one", "ResourceGroupId": ActionWorld.resourceGroup,
             "Tag.1.Key": "env", "Tag.1.Value": "test"]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["VpcId"]?.string)
            let routeTable = try #require(exchange.answer["RouteTableId"]?.string)
            #expect(id.hasPrefix("vpc-") && exchange.answer["VRouterId"]?.string?.hasPrefix("vrt-") == true && routeTable.hasPrefix("vtb-"))
            #expect(exchange.answer["ResourceGroupId"]?.string == ActionWorld.resourceGroup)
            let vpc = try await world.described(DescribeVpcs.self, ["VpcId": id], "Vpcs")
            #expect(vpc["Status"]?.string == "Available" && vpc["CidrBlock"]?.string == "10.0.0.0/8" && vpc["VpcName"]?.string == "second")
            #expect(vpc["Description"]?.string == "the other one" && vpc["VRouterId"] == exchange.answer["VRouterId"])
            #expect(vpc.strings("RouterTableIds") == [routeTable] && vpc.strings("VSwitchIds") == [] && vpc.tags == ["env": "test"])
            #expect(vpc["ResourceGroupId"]?.string == ActionWorld.resourceGroup)
        },
        .fails(CreateVpc.self, "a block in a forbidden range", .vpcCidrInvalid) { _ in ["CidrBlock": "100.64.0.0/10"] },
        .fails(CreateVpc.self, "a name that is a URL", .vpcNameMalformed) { _ in ["VpcName": "http://vpc"] },
        .fails(CreateVpc.self, "a description that is a URL", .vpcDescriptionMalformed) { _ in ["Description": "https://vpc"] },
        .fails(CreateVpc.self, "a resource group ID of the wrong shape", .resourceGroupIdInvalid) { _ in ["ResourceGroupId": "group-1"] },

        // DescribeVpcs
        .succeeds(DescribeVpcs.self, "by ID, with its vSwitch") { world in
            ["VpcId": world.vpcId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let vpc = try #require(exchange.answer.items("Vpcs").first)
            #expect(vpc["VpcId"]?.string == world.vpcId && vpc["CidrBlock"]?.string == "192.168.0.0/16" && vpc["VpcName"]?.string == "world")
            #expect(vpc.strings("VSwitchIds") == [world.vSwitchId] && vpc["RegionId"]?.string == ActionWorld.region)
        },
        .fails(DescribeVpcs.self, "more than 20 IDs", .invalidParameter("VpcId")) { _ in
            ["VpcId": (1...21).map { "vpc-\($0)" }.joined(separator: ",")]
        },
        .fails(DescribeVpcs.self, "page number 0", .invalidParameter("PageNumber")) { _ in ["PageNumber": "0"] },
        .fails(DescribeVpcs.self, "IsDefault that is not a boolean", .invalidParameter("IsDefault")) { _ in ["IsDefault": "maybe"] },

        // DeleteVpc
        .succeeds(DeleteVpc.self, "an empty VPC") { world in
            ["VpcId": try await world.newVpc()]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.count(DescribeVpcs.self, ["VpcId": exchange["VpcId"]]) == 0)
        },
        .fails(DeleteVpc.self, "one that does not exist", .vpcNotFound) { _ in ["VpcId": "vpc-nothing"] },
        .fails(DeleteVpc.self, "one with a vSwitch", .vpcHasVSwitches) { world in ["VpcId": world.vpcId] },
        .fails(DeleteVpc.self, "one with a security group only", .vpcHasSecurityGroups) { world in
            let vpcId = try await world.newVpc()
            _ = try await world.newSecurityGroup(vpcId: vpcId)
            return ["VpcId": vpcId]
        },

        // CreateVSwitch
        .succeeds(CreateVSwitch.self, "a second block of the VPC") { world in
            ["VpcId": world.vpcId, "ZoneId": "cn-hangzhou-i", "CidrBlock": "192.168.2.0/24", "VSwitchName": "b", "Description": "second"]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["VSwitchId"]?.string)
            #expect(id.hasPrefix("vsw-") && exchange.answer.keys == ["RequestId", "VSwitchId"])
            let vSwitch = try await world.described(DescribeVSwitches.self, ["VSwitchId": id], "VSwitches")
            #expect(vSwitch["Status"]?.string == "Available" && vSwitch["CidrBlock"]?.string == "192.168.2.0/24")
            #expect(vSwitch["ZoneId"]?.string == "cn-hangzhou-i" && vSwitch["VpcId"]?.string == world.vpcId)
            #expect(vSwitch["VSwitchName"]?.string == "b" && vSwitch["Description"]?.string == "second")
            // A /24 less the first address and the last three.
            #expect(vSwitch["AvailableIpAddressCount"]?.integer == 252)
            let vpc = try await world.described(DescribeVpcs.self, ["VpcId": world.vpcId], "Vpcs")
            #expect(Set(vpc.strings("VSwitchIds")) == [world.vSwitchId, id])
        },
        .fails(CreateVSwitch.self, "in a VPC that does not exist", .vpcNotFound) { _ in
            ["VpcId": "vpc-nothing", "ZoneId": ActionWorld.zone, "CidrBlock": "192.168.2.0/24"]
        },
        .fails(CreateVSwitch.self, "in a zone the region does not have", .zoneNotFound) { world in
            ["VpcId": world.vpcId, "ZoneId": "cn-hangzhou-z", "CidrBlock": "192.168.2.0/24"]
        },
        .fails(CreateVSwitch.self, "a block that is not a CIDR block", .vSwitchCidrMalformed) { world in
            ["VpcId": world.vpcId, "ZoneId": ActionWorld.zone, "CidrBlock": "192.168.2.0"]
        },
        .fails(CreateVSwitch.self, "a /30", .vSwitchCidrMaskLength) { world in
            ["VpcId": world.vpcId, "ZoneId": ActionWorld.zone, "CidrBlock": "192.168.2.0/30"]
        },
        .fails(CreateVSwitch.self, "a block outside the VPC", .vSwitchCidrNotInVpc) { world in
            ["VpcId": world.vpcId, "ZoneId": ActionWorld.zone, "CidrBlock": "10.0.0.0/24"]
        },
        .fails(CreateVSwitch.self, "a block overlapping another vSwitch", .vSwitchCidrOverlapped) { world in
            ["VpcId": world.vpcId, "ZoneId": ActionWorld.zone, "CidrBlock": "192.168.1.128/25"]
        },

        // DescribeVSwitches
        .succeeds(DescribeVSwitches.self, "by VPC alone (no RegionId), with the addresses in use") { world in
            ["VpcId": world.vpcId, "RegionId": nil]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let vSwitch = try #require(exchange.answer.items("VSwitches").first)
            #expect(vSwitch["VSwitchId"]?.string == world.vSwitchId && vSwitch["ZoneId"]?.string == ActionWorld.zone)
            // 252 usable less the two instances, the ENI and the HaVip.
            #expect(vSwitch["AvailableIpAddressCount"]?.integer == 248)
        },
        .fails(DescribeVSwitches.self, "neither RegionId nor VpcId", .missingRegionOrVpc) { _ in ["RegionId": nil] },
        .fails(DescribeVSwitches.self, "a VPC that does not exist, without RegionId", .vpcNotFound) { _ in ["VpcId": "vpc-nothing", "RegionId": nil] },

        // DeleteVSwitch
        .succeeds(DeleteVSwitch.self, "an empty vSwitch") { world in
            ["VSwitchId": try await world.newVSwitch(cidr: "192.168.2.0/24")]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.count(DescribeVSwitches.self, ["VSwitchId": exchange["VSwitchId"]]) == 0)
            let vpc = try await world.described(DescribeVpcs.self, ["VpcId": world.vpcId], "Vpcs")
            #expect(vpc.strings("VSwitchIds") == [world.vSwitchId])
        },
        .fails(DeleteVSwitch.self, "one that does not exist", .vSwitchNotFound) { _ in ["VSwitchId": "vsw-nothing"] },
        .fails(DeleteVSwitch.self, "one with a HaVip", .vSwitchHasHaVips) { world in ["VSwitchId": world.vSwitchId] },
        .fails(DeleteVSwitch.self, "one with an ENI", .vSwitchHasDependents) { world in
            let vSwitchId = try await world.newVSwitch(cidr: "192.168.2.0/24")
            try await world.ok(CreateNetworkInterface.self, ["VSwitchId": vSwitchId, "SecurityGroupId": world.groupId])
            return ["VSwitchId": vSwitchId]
        },
    ]
}
