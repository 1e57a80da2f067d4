import HaVipModel
import RPCWire

/// VPC `DescribeRouteTableList`: route tables without their routes, by VPC, table, name, type, router,
/// resource group and tags; paged (terraform reads a VPC's system table with it after every create).
enum DescribeRouteTableList: RPCAction {
    static let name = "DescribeRouteTableList"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = RouteTableQuery(page: try parameters.paging())
        query.id = parameters.optional("RouteTableId")
        query.name = parameters.optional("RouteTableName")
        query.type = parameters.optional("RouteTableType")
        query.vpcId = parameters.optional("VpcId")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.vRouterId = try RouteTableQuery.router(vRouterId: nil, routerId: parameters.optional("RouterId"), routerType: parameters.optional("RouterType"))
        query.tags = try parameters.tagFilters("Tag")
        let views = try await call.read(region) { [query] tx, context in try RouteOperations.describeTables(tx, context, query) }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(views.total)), .init("PageSize", .int(query.page.size)), .init("PageNumber", .int(query.page.number)),
            .init("RouterTableList", .list(item: "RouterTableListType", views.items.map(ResponseNode.routeTableListItem))),
        ])
    }
}
