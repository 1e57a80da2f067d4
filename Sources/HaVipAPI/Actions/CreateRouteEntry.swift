import HaVipModel
import RPCWire

/// VPC `CreateRouteEntry`: a custom route of a table to a HaVip, an ECS instance or an ENI of its VPC.
/// `Pending → Available`. `RegionId` is optional: without it, the table's region.
enum CreateRouteEntry: RPCAction {
    static let name = "CreateRouteEntry"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let tableId = try parameters.required("RouteTableId")
        let destination = try parameters.required("DestinationCidrBlock")
        // ECMP routes (several next hops) are not modelled: docs/compatibility.md.
        guard try parameters.entries("NextHopList").isEmpty else { throw APIError.invalidParameter("NextHopList") }
        let nextHopType = try parameters.wireValue("NextHopType", default: RouteNextHopType.instance, error: .invalidParameter("NextHopType"))
        guard let nextHopId = parameters.optional("NextHopId") else { throw APIError.routeEntryParameterMissing }
        let dryRun = try parameters.boolean("DryRun", default: false)
        let request = RouteOperations.CreateEntryRequest(
            routeTableId: tableId, destinationCidrBlock: destination, nextHopType: nextHopType, nextHopId: nextHopId,
            name: parameters["RouteEntryName"], description: parameters["Description"])
        let region = try await call.region(orRegionOf: RouteTable.self, id: tableId, notFound: .routeTableNotFound)
        return try await call.write(region, idempotent: true) { tx, context in
            let entry = try RouteOperations.createEntry(tx, context, request)
            if dryRun { throw APIError.dryRunOperation }
            // Wire order, RequestId (added by the server) aside.
            return RPCResponse([.init("RouteEntryId", .string(entry.id))])
        }
    }
}
