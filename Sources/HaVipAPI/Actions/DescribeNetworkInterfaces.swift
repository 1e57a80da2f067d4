import HaVipModel
import RPCWire

/// ECS `DescribeNetworkInterfaces`: by IDs, VPC, vSwitch, instance, address, status, type, name, security
/// group and `Tag.N`; paged by PageNumber/PageSize (up to 500) or by NextToken/MaxResults.
enum DescribeNetworkInterfaces: RPCAction {
    static let name = "DescribeNetworkInterfaces"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = NetworkInterfaceQuery(page: try parameters.pageRequest(maxPageSize: 500, maxResults: 500, account: call.account))
        query.ids = try parameters.ids("NetworkInterfaceId", max: 100, error: .invalidParameter("NetworkInterfaceId"))
        query.vpcId = parameters.optional("VpcId")
        query.vSwitchId = parameters.optional("VSwitchId")
        query.instanceId = parameters.optional("InstanceId")
        query.primaryIpAddress = parameters.optional("PrimaryIpAddress")
        query.status = parameters.optional("Status")
        query.type = parameters.optional("Type")
        query.name = parameters.optional("NetworkInterfaceName")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.securityGroupId = parameters.optional("SecurityGroupId")
        query.tags = try parameters.ecsTagFilters()
        let views = try await call.read(region) { [query] tx, context in
            try ComputeOperations.describeNetworkInterfaces(tx, context, query)
        }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(views.total)),
            .init("PageSize", .int(query.page.size)),
            .init("NextToken", RPCResponse.nextToken(views, account: call.account)),
            .init("PageNumber", .int(query.page.number)),
            .init("NetworkInterfaceSets", .list(item: "NetworkInterfaceSet", views.items.map(ResponseNode.networkInterface))),
        ])
    }
}
