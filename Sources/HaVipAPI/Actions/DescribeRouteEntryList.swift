import HaVipModel
import RPCWire

/// VPC `DescribeRouteEntryList`: the routes of one table (system and custom), by ID, name, type, destination
/// and next hop; paged by `NextToken`/`MaxResult`.
enum DescribeRouteEntryList: RPCAction {
    static let name = "DescribeRouteEntryList"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let size = try parameters.integer("MaxResult", default: 50, in: 20...100)
        var cursor: PageCursor?
        if let token = parameters.optional("NextToken") { cursor = try NextToken.decode(token, account: call.account) }
        var query = RouteEntryQuery(routeTableId: try parameters.required("RouteTableId"), page: .after(cursor, size: size))
        query.ids = parameters.optional("RouteEntryId").map { [$0] } ?? []
        query.name = parameters.optional("RouteEntryName")
        query.type = try parameters.oneOf("RouteEntryType", ["System", "Custom"], error: .invalidParameter("RouteEntryType"))
        query.destinationCidrBlocks = try parameters.values("DestCidrBlockList") + (parameters.optional("DestinationCidrBlock").map { [$0] } ?? [])
        query.nextHopId = parameters.optional("NextHopId")
        query.nextHopType = parameters.optional("NextHopType")
        switch parameters.optional("IpVersion")?.lowercased() {
        case nil, "ipv4": break
        case "ipv6": query.onlyIPv6 = true
        default: throw APIError.invalidParameter("IpVersion")
        }
        let page = try await call.read(region) { [query] tx, context in try RouteOperations.describeEntries(tx, context, query) }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("NextToken", .string(page.next.map { NextToken.encode($0, account: call.account) } ?? "")),
            .init("RouteEntrys", .list(item: "RouteEntry", page.items.map { ResponseNode.routeEntry($0, regionId: region.id) })),
        ])
    }
}
