import HaVipModel
import RPCWire

/// VPC `DescribeRouteTables`: route tables with their routes (system and custom), by table, vRouter, name,
/// type and resource group; paged. An unknown table is an empty page (terraform's route entry reads rely on
/// it). `RegionId` is optional: without it, the named table's region.
enum DescribeRouteTables: RPCAction {
    static let name = "DescribeRouteTables"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        var query = RouteTableQuery(page: try parameters.paging())
        query.id = parameters.optional("RouteTableId")
        query.name = parameters.optional("RouteTableName")
        query.type = parameters.optional("Type")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.vRouterId = try RouteTableQuery.router(
            vRouterId: parameters.optional("VRouterId"), routerId: parameters.optional("RouterId"), routerType: parameters.optional("RouterType"))
        let region: Region
        if parameters.optional("RegionId") == nil, let id = query.id {
            region = try await call.region(orRegionOf: RouteTable.self, id: id, notFound: .regionNotFound)
        } else {
            region = try parameters.region()
        }
        let views = try await call.read(region) { [query] tx, context in try RouteOperations.describeTables(tx, context, query) }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(views.total)), .init("PageSize", .int(query.page.size)), .init("PageNumber", .int(query.page.number)),
            .init("RouteTables", .list(item: "RouteTable", views.items.map(ResponseNode.routeTable))),
        ])
    }
}

extension RouteTableQuery {
    /// The vRouter a request names: `VRouterId`, or `RouterId` when `RouterType` is `VRouter` (the default).
    /// A border router (`VBR`) has no table here: nothing matches.
    static func router(vRouterId: String?, routerId: String?, routerType: String?) throws(APIError) -> String? {
        guard let routerType else { return vRouterId ?? routerId }
        switch routerType {
        case "VRouter": return vRouterId ?? routerId
        case "VBR": return ""
        default: throw .invalidParameter("RouterType")
        }
    }
}
