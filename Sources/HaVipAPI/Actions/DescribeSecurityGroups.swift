import HaVipModel
import RPCWire

/// ECS `DescribeSecurityGroups`: by VPC, ID or IDs (a JSON array).
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
        let groups = try await call.read(region) { [query] tx, context in try ComputeOperations.describeSecurityGroups(tx, context, query) }
        var response = RPCResponse.page(groups, query.page, collection: "SecurityGroups", item: "SecurityGroup", ResponseNode.securityGroup)
        response.fields.insert(.init("RegionId", .string(region.id)), at: 0)
        return response
    }
}
