import HaVipModel
import RPCWire

/// VPC `DeleteRouteEntry`: a custom route, named by `RouteEntryId` or by `RouteTableId` and
/// `DestinationCidrBlock` (and `NextHopId`); removed at once. `RegionId` is optional: without it, the
/// route's or the table's region.
enum DeleteRouteEntry: RPCAction {
    static let name = "DeleteRouteEntry"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        guard try parameters.entries("NextHopList").isEmpty else { throw APIError.invalidParameter("NextHopList") }
        let dryRun = try parameters.boolean("DryRun", default: false)
        let reference: RouteOperations.EntryReference
        let region: Region
        if let id = parameters.optional("RouteEntryId") {
            reference = .id(id)
            region = try await call.region(orRegionOf: RouteEntry.self, id: id, notFound: .routeEntryNotFound)
        } else if let tableId = parameters.optional("RouteTableId"), let cidr = parameters.optional("DestinationCidrBlock") {
            reference = .destination(routeTableId: tableId, cidrBlock: cidr, nextHopId: parameters.optional("NextHopId"))
            region = try await call.region(orRegionOf: RouteTable.self, id: tableId, notFound: .routeTableNotFound)
        } else {
            throw APIError.routeEntryParameterMissing
        }
        return try await call.write(region) { tx, context in
            try RouteOperations.deleteEntry(tx, context, reference)
            if dryRun { throw APIError.dryRunOperation }
            return RPCResponse()
        }
    }
}
