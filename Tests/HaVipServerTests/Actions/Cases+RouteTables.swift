@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// The attribute actions of VPCs, vSwitches and EIPs, and each VPC's system route table with custom routes:
/// what Terraform's waits and reads call, and a route whose next hop is a HaVip.
extension ActionCases {
    static let routeTables: [ActionCase] = [
        // DescribeVpcAttribute
        .succeeds(DescribeVpcAttribute.self, "the world's VPC") { world in
            ["VpcId": world.vpcId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["VpcId"]?.string == world.vpcId && exchange.answer["Status"]?.string == "Available")
            #expect(exchange.answer["CidrBlock"]?.string == "192.168.0.0/16" && exchange.answer.strings("VSwitchIds") == [world.vSwitchId])
        },
        .fails(DescribeVpcAttribute.self, "one that does not exist", .vpcNotFound) { _ in ["VpcId": "vpc-nothing"] },
        .fails(DescribeVpcAttribute.self, "without VpcId", .missingParameter("VpcId")) { _ in [:] },

        // ModifyVpcAttribute
        .succeeds(ModifyVpcAttribute.self, "a new name and description") { world in
            ["VpcId": world.vpcId, "VpcName": "prod", "Description": "changed"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let vpc = try await world.described(DescribeVpcs.self, ["VpcId": world.vpcId], "Vpcs")
            #expect(vpc["VpcName"]?.string == "prod" && vpc["Description"]?.string == "changed")
        },
        .fails(ModifyVpcAttribute.self, "a block that leaves the vSwitch out", .vpcCidrInvalid) { world in
            ["VpcId": world.vpcId, "CidrBlock": "10.0.0.0/16"]
        },
        .fails(ModifyVpcAttribute.self, "a name that is a URL", .vpcNameMalformed) { world in ["VpcId": world.vpcId, "VpcName": "http://x"] },

        // DescribeVSwitchAttributes
        .succeeds(DescribeVSwitchAttributes.self, "the world's vSwitch") { world in
            ["VSwitchId": world.vSwitchId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["VSwitchId"]?.string == world.vSwitchId && exchange.answer["VpcId"]?.string == world.vpcId)
            #expect(exchange.answer["Status"]?.string == "Available" && exchange.answer["ZoneId"]?.string == ActionWorld.zone)
        },
        .fails(DescribeVSwitchAttributes.self, "one that does not exist", .vSwitchNotFound) { _ in ["VSwitchId": "vsw-nothing"] },

        // ModifyVSwitchAttribute
        .succeeds(ModifyVSwitchAttribute.self, "a new name") { world in
            ["VSwitchId": world.vSwitchId, "VSwitchName": "web"]
        } then: { world, exchange async throws in
            let vSwitch = try await world.described(DescribeVSwitches.self, ["VSwitchId": world.vSwitchId], "VSwitches")
            #expect(vSwitch["VSwitchName"]?.string == "web")
        },
        .fails(ModifyVSwitchAttribute.self, "a description that is a URL", .vSwitchDescriptionMalformed) { world in
            ["VSwitchId": world.vSwitchId, "Description": "http://x"]
        },
        .fails(ModifyVSwitchAttribute.self, "one that does not exist", .vSwitchNotFound) { _ in ["VSwitchId": "vsw-nothing"] },

        // ModifyEipAddressAttribute
        .succeeds(ModifyEipAddressAttribute.self, "bandwidth and name") { world in
            ["AllocationId": world.allocationId, "Bandwidth": "2", "Name": "edge"]
        } then: { world, exchange async throws in
            let eip = try await world.described(DescribeEipAddresses.self, ["AllocationId": world.allocationId], "EipAddresses")
            #expect(eip["Bandwidth"]?.string == "2" && eip["Name"]?.string == "edge")
        },
        .fails(ModifyEipAddressAttribute.self, "bandwidth 0", .eipBandwidthInvalid) { world in
            ["AllocationId": world.allocationId, "Bandwidth": "0"]
        },
        .fails(ModifyEipAddressAttribute.self, "one that does not exist", .eipNotFound) { _ in ["AllocationId": "eip-nothing"] },

        // DescribeRouteTableList
        .succeeds(DescribeRouteTableList.self, "the VPC's system table") { world in
            ["VpcId": world.vpcId]
        } then: { world, exchange async throws in
            let table = try #require(exchange.answer.items("RouterTableList").first)
            #expect(exchange.answer["TotalCount"]?.integer == 1 && table["RouteTableType"]?.string == "System")
            #expect(table["VpcId"]?.string == world.vpcId && table.strings("VSwitchIds") == [world.vSwitchId])
        },
        .fails(DescribeRouteTableList.self, "an unknown router type", .invalidParameter("RouterType")) { _ in ["RouterType": "Other"] },

        // DescribeRouteTables
        .succeeds(DescribeRouteTables.self, "the system routes of the table") { world in
            ["RouteTableId": try await world.routeTableId()]
        } then: { _, exchange async throws in
            let table = try #require(exchange.answer.items("RouteTables").first)
            let routes = table.items("RouteEntrys")
            #expect(routes.map { $0["DestinationCidrBlock"]?.string } == ["100.64.0.0/10", "192.168.1.0/24"])
            #expect(routes.allSatisfy { $0["Type"]?.string == "System" && $0["Status"]?.string == "Available" })
        },
        .fails(DescribeRouteTables.self, "page number 0", .invalidParameter("PageNumber")) { _ in ["PageNumber": "0"] },

        // CreateRouteEntry
        .succeeds(CreateRouteEntry.self, "a route to the HaVip") { world in
            ["RouteTableId": try await world.routeTableId(), "DestinationCidrBlock": "10.99.0.0/16", "NextHopType": "HaVip",
             "NextHopId": world.haVipId]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["RouteEntryId"]?.string)
            let route = try #require(try await world.route(id))
            #expect(route["Status"]?.string == "Pending" && route.items("NextHops").first?["NextHopType"]?.string == "HaVip")
            world.settle()
            #expect(try await world.route(id)?["Status"]?.string == "Available")
        },
        .fails(CreateRouteEntry.self, "a table that does not exist", .routeTableNotFound) { world in
            ["RouteTableId": "vtb-nothing", "DestinationCidrBlock": "10.99.0.0/16", "NextHopType": "HaVip", "NextHopId": world.haVipId]
        },
        .fails(CreateRouteEntry.self, "a malformed destination", .routeCidrMalformed) { world in
            ["RouteTableId": try await world.routeTableId(), "DestinationCidrBlock": "10.99.0.0/33", "NextHopType": "HaVip",
             "NextHopId": world.haVipId]
        },

        // DescribeRouteEntryList
        .succeeds(DescribeRouteEntryList.self, "the custom routes") { world in
            _ = try await world.routeToHaVip()
            return ["RouteTableId": try await world.routeTableId(), "RouteEntryType": "Custom"]
        } then: { world, exchange async throws in
            let routes = exchange.answer.items("RouteEntrys")
            #expect(routes.count == 1 && routes.first?["DestinationCidrBlock"]?.string == "10.99.0.0/16")
            #expect(routes.first?.items("NextHops").first?["NextHopId"]?.string == world.haVipId)
        },
        .fails(DescribeRouteEntryList.self, "a table that does not exist", .routeTableNotFound) { _ in ["RouteTableId": "vtb-nothing"] },

        // DeleteRouteEntry
        .succeeds(DeleteRouteEntry.self, "the route to the HaVip") { world in
            ["RouteEntryId": try await world.routeToHaVip(), "RouteTableId": try await world.routeTableId()]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.route(exchange["RouteEntryId"]) == nil)
        },
        .fails(DeleteRouteEntry.self, "a system route", .routeEntrySystem) { world in
            ["RouteTableId": try await world.routeTableId(), "DestinationCidrBlock": "192.168.1.0/24"]
        },
        .fails(DeleteHaVip.self, "one a route points at", .haVipReferencedByRouteEntry) { world in
            _ = try await world.routeToHaVip()
            return ["HaVipId": world.haVipId]
        },
    ]
}

extension ActionWorld {
    /// The ID of the world VPC's system route table.
    func routeTableId() async throws -> String {
        try #require(try await ok(DescribeVpcs.self, ["VpcId": vpcId]).items("Vpcs").first?.strings("RouterTableIds").first)
    }

    /// A route to the world's HaVip (10.99.0.0/16), made Available.
    func routeToHaVip() async throws -> String {
        let id = try await created(
            CreateRouteEntry.self,
            ["RouteTableId": try await routeTableId(), "DestinationCidrBlock": "10.99.0.0/16", "NextHopType": "HaVip", "NextHopId": haVipId],
            "RouteEntryId")
        settle()
        return id
    }

    /// The route with this ID as DescribeRouteEntryList shows it, or nil.
    func route(_ id: String) async throws -> JSONValue? {
        try await ok(DescribeRouteEntryList.self, ["RouteTableId": try await routeTableId(), "RouteEntryId": id])
            .items("RouteEntrys").first { $0["RouteEntryId"]?.string == id }
    }
}
