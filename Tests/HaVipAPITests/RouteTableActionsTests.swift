@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// Each VPC's system route table and custom routes to a HaVip, an instance or an ENI: created Pending, made
/// Available by the transitions HaVips use, listed three ways, deleted; a HaVip a route points at stays.
@Suite struct RouteTableActionsTests {
    /// A network with a HaVip in its vSwitch, and the VPC's system route table.
    static func scene() async throws -> (cloud: ECSCloud, network: (vpcId: String, vSwitchId: String, groupId: String), haVipId: String, tableId: String) {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let haVipId = try await cloud.call("CreateHaVip", ["VSwitchId": network.vSwitchId], product: .vpc).string("HaVipId")
        let list = try await cloud.call("DescribeRouteTableList", ["VpcId": network.vpcId], product: .vpc)
        let tableId = try #require(list.node("RouterTableList")?.items.first?["RouteTableId"]?.text)
        return (cloud, network, haVipId, tableId)
    }

    static func setMode(_ cloud: ECSCloud, _ mode: TransitionMode) async throws {
        let now = cloud.clock.now()
        try await cloud.services.store.write { tx in try Transitions.setMode(tx, mode, now: now) }
    }

    static func step(_ cloud: ECSCloud) async throws -> Int {
        let now = cloud.clock.now()
        return try await cloud.services.store.write { tx in try Transitions.step(tx, now: now) }
    }

    static func route(_ cloud: ECSCloud, _ tableId: String, _ cidr: String, _ hopId: String) async throws -> String {
        try await cloud.call(
            "CreateRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": cidr, "NextHopType": "HaVip", "NextHopId": hopId], product: .vpc
        ).string("RouteEntryId")
    }

    @Test func everyVpcHasItsSystemTable() async throws {
        let (cloud, network, _, tableId) = try await Self.scene()
        let list = try await cloud.call("DescribeRouteTableList", ["VpcId": network.vpcId], product: .vpc)
        #expect(WireOrder.violations(list.withRequestId(.vpc), action: "DescribeRouteTableList", product: .vpc) == [], "\(WireOrder.violations(list.withRequestId(.vpc), action: "DescribeRouteTableList", product: .vpc))")
        #expect(list.names == ["TotalCount", "PageSize", "PageNumber", "RouterTableList"] && list.node("TotalCount") == .int(1))
        let item = try #require(list.node("RouterTableList")?.items.first)
        #expect(item.fields.count == 16 && item["RouteTableType"]?.text == "System" && item["VpcId"]?.text == network.vpcId)
        #expect(item["VSwitchIds"]?.strings == [network.vSwitchId])
        let vpc = try await cloud.call("DescribeVpcAttribute", ["VpcId": network.vpcId], product: .vpc)
        #expect(item["RouterId"]?.text == (try vpc.string("VRouterId")))
        // The table goes with its VPC.
        let other = try await cloud.call("CreateVpc", ["CidrBlock": "10.0.0.0/8"], product: .vpc).string("VpcId")
        #expect(try await cloud.call("DescribeRouteTableList", [:], product: .vpc).node("TotalCount") == .int(2))
        try await cloud.call("DeleteVpc", ["VpcId": other], product: .vpc)
        #expect(try await cloud.call("DescribeRouteTableList", [:], product: .vpc).node("TotalCount") == .int(1))
        #expect(try await cloud.call("DescribeRouteTableList", ["RouteTableType": "Custom"], product: .vpc).node("TotalCount") == .int(0))
        #expect(try await cloud.call("DescribeRouteTableList", ["Tag.1.Key": "k"], product: .vpc).node("TotalCount") == .int(0))
        await cloud.fails(.invalidParameter("RouterType"), "DescribeRouteTableList", ["RouterType": "Other"], product: .vpc)
        await cloud.fails(.missingParameter("RegionId"), "DescribeRouteTableList", product: .vpc, region: nil)
        _ = tableId
    }

    @Test func aRouteToAHaVipIsPendingThenAvailable() async throws {
        let (cloud, _, haVipId, tableId) = try await Self.scene()
        try await Self.setMode(cloud, .manual)
        let created = try await cloud.call(
            "CreateRouteEntry",
            ["RouteTableId": tableId, "DestinationCidrBlock": "10.99.0.0/16", "NextHopType": "HaVip", "NextHopId": haVipId, "RouteEntryName": "to-vip"],
            product: .vpc, region: nil)
        #expect(created.names == ["RouteEntryId"])
        let entryId = try created.string("RouteEntryId")
        func entry() async throws -> ResponseNode? {
            let tables = try await cloud.call("DescribeRouteTables", ["RouteTableId": tableId], product: .vpc)
            return tables.node("RouteTables")?.items.first?["RouteEntrys"]?.items.first { $0["RouteEntryId"]?.text == entryId }
        }
        #expect(try await entry()?["Status"]?.text == "Pending")
        // One route of a table is added at a time.
        await cloud.fails(
            .routeEntryIncorrectStatus, "CreateRouteEntry",
            ["RouteTableId": tableId, "DestinationCidrBlock": "10.98.0.0/16", "NextHopType": "HaVip", "NextHopId": haVipId], product: .vpc)
        #expect(try await Self.step(cloud) == 1)
        let available = try #require(try await entry())
        #expect(available["Status"]?.text == "Available" && available["InstanceId"]?.text == haVipId && available["Type"]?.text == "Custom")
        #expect(available["NextHopType"]?.text == "HaVip" && available["RouteEntryName"]?.text == "to-vip")
        #expect(available["DestinationCidrBlock"]?.text == "10.99.0.0/16")
    }

    @Test func describeShapes() async throws {
        let (cloud, network, haVipId, tableId) = try await Self.scene()
        let entryId = try await Self.route(cloud, tableId, "10.99.0.0/16", haVipId)
        let tables = try await cloud.call("DescribeRouteTables", ["RouteTableId": tableId], product: .vpc, region: nil)
        #expect(WireOrder.violations(tables.withRequestId(.vpc), action: "DescribeRouteTables", product: .vpc) == [], "\(WireOrder.violations(tables.withRequestId(.vpc), action: "DescribeRouteTables", product: .vpc))")
        #expect(tables.names == ["TotalCount", "PageSize", "PageNumber", "RouteTables"])
        let table = try #require(tables.node("RouteTables")?.items.first)
        #expect(table.fields.count == 8 && table["VSwitchIds"]?.strings == [network.vSwitchId])
        // The system routes (the cloud services' range, the vSwitch) come first, then the custom one.
        let entries = table["RouteEntrys"]?.items ?? []
        #expect(entries.map { $0["DestinationCidrBlock"]?.text } == ["100.64.0.0/10", "192.168.1.0/24", "10.99.0.0/16"])
        #expect(entries.map { $0["Type"]?.text } == ["System", "System", "Custom"])
        #expect(entries.map { $0["NextHopType"]?.text } == ["service", "local", "HaVip"] && entries.allSatisfy { $0.fields.count == 10 })
        // An unknown table is an empty page (terraform's reads rely on it).
        let none = try await cloud.call("DescribeRouteTables", ["RouteTableId": "vtb-missing"], product: .vpc)
        #expect(none.node("TotalCount") == .int(0) && none.node("RouteTables")?.items.isEmpty == true)
        #expect(try await cloud.call("DescribeRouteTables", ["RouterType": "VBR"], product: .vpc).node("TotalCount") == .int(0))

        let list = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId], product: .vpc)
        #expect(WireOrder.violations(list.withRequestId(.vpc), action: "DescribeRouteEntryList", product: .vpc) == [], "\(WireOrder.violations(list.withRequestId(.vpc), action: "DescribeRouteEntryList", product: .vpc))")
        #expect(list.names == ["NextToken", "RouteEntrys"] && list.node("NextToken") == "")
        let items = list.node("RouteEntrys")?.items ?? []
        #expect(items.count == 3 && items.allSatisfy { $0.fields.count == 12 })
        let custom = try #require(items.first { $0["RouteEntryId"]?.text == entryId })
        let hop = try #require(custom["NextHops"]?.items.first)
        #expect(hop["NextHopId"]?.text == haVipId && hop["NextHopType"]?.text == "HaVip" && custom["Status"]?.text == "Available")
        let filtered = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "RouteEntryType": "Custom"], product: .vpc)
        #expect(filtered.node("RouteEntrys")?.items.count == 1)
        let byHop = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "NextHopId": haVipId], product: .vpc)
        #expect(byHop.node("RouteEntrys")?.items.count == 1)
        let byCidr = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "DestinationCidrBlock": "192.168.1.0/24"], product: .vpc)
        #expect(byCidr.node("RouteEntrys")?.items.first?["Type"]?.text == "System")
        #expect(try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "IpVersion": "IPv6"], product: .vpc).node("RouteEntrys")?.items.isEmpty == true)
        await cloud.fails(.routeTableNotFound, "DescribeRouteEntryList", ["RouteTableId": "vtb-missing"], product: .vpc)
        await cloud.fails(.missingParameter("RouteTableId"), "DescribeRouteEntryList", product: .vpc)
        await cloud.fails(.invalidParameter("RouteEntryType"), "DescribeRouteEntryList", ["RouteTableId": tableId, "RouteEntryType": "x"], product: .vpc)
        await cloud.fails(.invalidParameter("MaxResult"), "DescribeRouteEntryList", ["RouteTableId": tableId, "MaxResult": "101"], product: .vpc)
        await cloud.fails(.nextTokenInvalid, "DescribeRouteEntryList", ["RouteTableId": tableId, "NextToken": "nope"], product: .vpc)
    }

    @Test func tokenPaging() async throws {
        let (cloud, _, haVipId, tableId) = try await Self.scene()
        for n in 0..<25 {
            cloud.clock.advance(by: 1)
            _ = try await Self.route(cloud, tableId, "10.\(n).0.0/16", haVipId)
        }
        let first = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "MaxResult": "20"], product: .vpc)
        let token = try first.string("NextToken")
        #expect(first.node("RouteEntrys")?.items.count == 20 && !token.isEmpty)
        let second = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "MaxResult": "20", "NextToken": token], product: .vpc)
        #expect(second.node("RouteEntrys")?.items.count == 7 && second.node("NextToken") == "")
        let all = ((first.node("RouteEntrys")?.items ?? []) + (second.node("RouteEntrys")?.items ?? [])).compactMap { $0["RouteEntryId"]?.text }
        #expect(Set(all).count == 27)
    }

    @Test func createErrors() async throws {
        let (cloud, network, haVipId, tableId) = try await Self.scene()
        func fails(_ error: APIError, _ extra: [String: String?], sourceLocation: SourceLocation = #_sourceLocation) async {
            let base: [String: String?] = ["RouteTableId": tableId, "DestinationCidrBlock": "10.99.0.0/16", "NextHopType": "HaVip", "NextHopId": haVipId]
            await cloud.fails(error, "CreateRouteEntry", base.merging(extra) { _, new in new }, product: .vpc, sourceLocation: sourceLocation)
        }
        await fails(.missingParameter("RouteTableId"), ["RouteTableId": nil])
        await fails(.missingParameter("DestinationCidrBlock"), ["DestinationCidrBlock": nil])
        await fails(.routeEntryParameterMissing, ["NextHopId": nil])
        await fails(.invalidParameter("NextHopType"), ["NextHopType": "Tunnel"])
        await fails(.invalidParameter("NextHopList"), ["NextHopList.1.NextHopId": haVipId])
        await fails(.routeTableNotFound, ["RouteTableId": "vtb-missing"])
        await fails(.routeCidrMalformed, ["DestinationCidrBlock": "10.99.0.1/16"])
        await fails(.routeCidrMalformed, ["DestinationCidrBlock": "ten"])
        await fails(.routeCidrInvalid, ["DestinationCidrBlock": "192.168.1.128/25"])
        await fails(.routeCidrInvalid, ["DestinationCidrBlock": "100.100.0.0/16"])
        await fails(.haVipNotFound, ["NextHopId": "havip-missing"])
        await fails(.instanceNotFound, ["NextHopType": "Instance", "NextHopId": "i-missing"])
        await fails(.networkInterfaceNotFound, ["NextHopType": "NetworkInterface", "NextHopId": "eni-missing"])
        await fails(.invalidParameter("RouteEntryName"), ["RouteEntryName": "http://x"])
        await fails(.descriptionMalformed, ["Description": "http://x"])
        await fails(.dryRunOperation, ["DryRun": "true"])
        // A next hop of another VPC.
        let otherVpc = try await cloud.call("CreateVpc", ["CidrBlock": "10.0.0.0/8"], product: .vpc).string("VpcId")
        let otherVSwitch = try await cloud.call("CreateVSwitch", ["VpcId": otherVpc, "ZoneId": ECSCloud.zone, "CidrBlock": "10.1.0.0/24"], product: .vpc)
            .string("VSwitchId")
        let foreign = try await cloud.call("CreateHaVip", ["VSwitchId": otherVSwitch], product: .vpc).string("HaVipId")
        await fails(.routeNextHopVpcMismatch, ["NextHopId": foreign])
        // A /32 from a bare address; then the same destination again.
        let single = try await Self.route(cloud, tableId, "10.99.0.7", haVipId)
        let listed = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "RouteEntryId": single], product: .vpc)
        #expect(listed.node("RouteEntrys")?.items.first?["DestinationCidrBlock"]?.text == "10.99.0.7/32")
        await fails(.routeCidrDuplicate, ["DestinationCidrBlock": "10.99.0.7/32"])
        // Instances and ENIs of the VPC are next hops too.
        let instance = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        _ = try await cloud.call(
            "CreateRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": "10.97.0.0/16", "NextHopType": "Instance", "NextHopId": instance],
            product: .vpc)
        // An instance or ENI a route goes through stays until the route goes (terraform retries DeleteInstance on it).
        await cloud.fails(.instanceIsRouteNextHop, "DeleteInstance", ["InstanceId": instance, "Force": "true"], region: nil)
        let eni = try await cloud.call("CreateNetworkInterface", ["VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId])
            .string("NetworkInterfaceId")
        try await cloud.call(
            "DeleteRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": "10.97.0.0/16"], product: .vpc)
        _ = try await cloud.call(
            "CreateRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": "10.96.0.0/16", "NextHopType": "NetworkInterface", "NextHopId": eni],
            product: .vpc)
        await cloud.fails(.instanceIsRouteNextHop, "DeleteNetworkInterface", ["NetworkInterfaceId": eni])
        try await cloud.call("DeleteInstance", ["InstanceId": instance, "Force": "true"], region: nil)
    }

    @Test func quota() async throws {
        let (cloud, _, haVipId, tableId) = try await Self.scene()
        for n in 0..<200 { _ = try await Self.route(cloud, tableId, "10.\(n).0.0/16", haVipId) }
        await cloud.fails(
            .routeEntryQuotaExceeded, "CreateRouteEntry",
            ["RouteTableId": tableId, "DestinationCidrBlock": "11.0.0.0/16", "NextHopType": "HaVip", "NextHopId": haVipId], product: .vpc)
    }

    @Test func deleteAndTheHaVipItPointsAt() async throws {
        let (cloud, network, haVipId, tableId) = try await Self.scene()
        let entryId = try await Self.route(cloud, tableId, "10.99.0.0/16", haVipId)
        await cloud.fails(.haVipReferencedByRouteEntry, "DeleteHaVip", ["HaVipId": haVipId], product: .vpc)
        let second = try await Self.route(cloud, tableId, "10.98.0.0/16", haVipId)
        // By ID, and by table, destination and next hop.
        try await cloud.call("DeleteRouteEntry", ["RouteEntryId": entryId], product: .vpc, region: nil)
        await cloud.fails(.haVipReferencedByRouteEntry, "DeleteHaVip", ["HaVipId": haVipId], product: .vpc)
        await cloud.fails(
            .routeEntryNotFound, "DeleteRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": "10.98.0.0/16", "NextHopId": "havip-other"],
            product: .vpc)
        try await cloud.call("DeleteRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": "10.98.0.0/16", "NextHopId": haVipId], product: .vpc)
        await cloud.fails(.routeEntryNotFound, "DeleteRouteEntry", ["RouteEntryId": second], product: .vpc)
        await cloud.fails(.routeEntryNotFound, "DeleteRouteEntry", ["RouteEntryId": entryId], product: .vpc)
        try await cloud.call("DeleteHaVip", ["HaVipId": haVipId], product: .vpc)
        // System routes stay.
        await cloud.fails(.routeEntrySystem, "DeleteRouteEntry", ["RouteTableId": tableId, "DestinationCidrBlock": "192.168.1.0/24"], product: .vpc)
        let system = try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "DestinationCidrBlock": "192.168.1.0/24"], product: .vpc)
        let systemId = try #require(system.node("RouteEntrys")?.items.first?["RouteEntryId"]?.text)
        await cloud.fails(.routeEntrySystem, "DeleteRouteEntry", ["RouteEntryId": systemId], product: .vpc)
        await cloud.fails(.routeEntryParameterMissing, "DeleteRouteEntry", ["RouteTableId": tableId], product: .vpc)
        await cloud.fails(.routeTableNotFound, "DeleteRouteEntry", ["RouteTableId": "vtb-missing", "DestinationCidrBlock": "10.0.0.0/8"], product: .vpc)
        _ = network
    }

    @Test func aPendingRouteHoldsDeletes() async throws {
        let (cloud, _, haVipId, tableId) = try await Self.scene()
        let first = try await Self.route(cloud, tableId, "10.99.0.0/16", haVipId)
        try await Self.setMode(cloud, .manual)
        _ = try await Self.route(cloud, tableId, "10.98.0.0/16", haVipId)
        await cloud.fails(.routeEntryIncorrectStatus, "DeleteRouteEntry", ["RouteEntryId": first], product: .vpc)
        // Back to a delay of 0: the held route finishes at once.
        try await Self.setMode(cloud, .delay(seconds: 0))
        try await cloud.call("DeleteRouteEntry", ["RouteEntryId": first], product: .vpc)
    }

    @Test func aDelayedRouteBecomesAvailableWhenDue() async throws {
        let (cloud, _, haVipId, tableId) = try await Self.scene()
        try await Self.setMode(cloud, .delay(seconds: 5))
        let id = try await Self.route(cloud, tableId, "10.99.0.0/16", haVipId)
        func status() async throws -> String? {
            try await cloud.call("DescribeRouteEntryList", ["RouteTableId": tableId, "RouteEntryId": id], product: .vpc).node("RouteEntrys")?.items.first?["Status"]?.text
        }
        #expect(try await status() == "Pending")
        cloud.clock.advance(by: 5)
        #expect(try await status() == "Available")
    }
}
