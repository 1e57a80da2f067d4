import HaVipModel
import RPCWire

/// ECS `DescribeSecurityGroups`: by VPC, ID or IDs (a JSON array), name, resource group and `Tag.N`.
enum DescribeSecurityGroups: RPCAction {
    static let name = "DescribeSecurityGroups"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = SecurityGroupQuery(page: try parameters.paging(maxSize: 50))
        query.vpcId = parameters.optional("VpcId")
        query.ids = try parameters.jsonArray("SecurityGroupIds", max: 100, error: .invalidParameter("SecurityGroupIds"))
        if let id = parameters.optional("SecurityGroupId") { query.ids.append(id) }
        query.name = parameters.optional("SecurityGroupName")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.tags = try parameters.ecsTagFilters()
        let groups = try await call.read(region) { [query] tx, context in try ComputeOperations.describeSecurityGroups(tx, context, query) }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("SecurityGroups", .list(item: "SecurityGroup", groups.items.map(ResponseNode.securityGroup))),
            .init("TotalCount", .int(groups.total)),
            .init("PageSize", .int(query.page.size)),
            .init("NextToken", ""),
            .init("PageNumber", .int(query.page.number)),
            .init("RegionId", .string(region.id)),
        ])
    }
}
