import HaVipModel
import RPCWire

/// ECS `DescribeInstances`: `InstanceIds` as a JSON array string, VpcId, VSwitchId, ZoneId, Status,
/// InstanceName, SecurityGroupId, `Tag.N`; paged by PageNumber/PageSize (up to 100) or by
/// NextToken/MaxResults.
enum DescribeInstances: RPCAction {
    static let name = "DescribeInstances"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = InstanceQuery(page: try parameters.pageRequest(maxPageSize: 100, maxResults: 100, account: call.account))
        query.ids = try parameters.jsonArray("InstanceIds", max: 100, error: .instanceIdsMalformed)
        query.privateIpAddresses = try parameters.jsonArray("PrivateIpAddresses", max: 100, error: .invalidParameter("PrivateIpAddresses"))
        query.vpcId = parameters.optional("VpcId")
        query.vSwitchId = parameters.optional("VSwitchId")
        query.zoneId = parameters.optional("ZoneId")
        query.status = parameters.optional("Status")
        query.name = parameters.optional("InstanceName")
        query.instanceType = parameters.optional("InstanceType")
        query.imageId = parameters.optional("ImageId")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.keyPairName = parameters.optional("KeyPairName")
        query.securityGroupId = parameters.optional("SecurityGroupId")
        query.tags = try parameters.ecsTagFilters()
        let views = try await call.read(region) { [query] tx, context in try ComputeOperations.describeInstances(tx, context, query) }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("Instances", .list(item: "Instance", views.items.map(ResponseNode.instance))),
            .init("TotalCount", .int(views.total)),
            .init("PageSize", .int(query.page.size)),
            .init("NextToken", RPCResponse.nextToken(views, account: call.account)),
            .init("PageNumber", .int(query.page.number)),
        ])
    }
}
