import HaVipModel
import RPCWire

/// ECS `DescribeSecurityGroups`: by VPC, ID or IDs (a JSON array).
enum DescribeSecurityGroups: RPCAction {
    static let name = "DescribeSecurityGroups"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let (number, size) = try parameters.paging(maxSize: 50)
        var conditions: [Condition<SecurityGroup>] = []
        if let vpcId = parameters.optional("VpcId") { conditions.append(.equals(SecurityGroup.column.vpcId, vpcId)) }
        var ids = try parameters.jsonArray("SecurityGroupIds", max: 100, error: .invalidParameter("SecurityGroupIds"))
        if let id = parameters.optional("SecurityGroupId") { ids.append(id) }
        if !ids.isEmpty { conditions.append(.isIn(SecurityGroup.column.id, ids)) }
        if let name = parameters.optional("SecurityGroupName") { conditions.append(.equals(SecurityGroup.column.name, name)) }
        let conditionsToUse = conditions
        let (total, groups) = try await call.read(region) { tx, context in
            try ResourceQueries.page(tx, context, SecurityGroup.self, conditionsToUse, pageNumber: number, pageSize: size)
        }
        var response = RPCResponse.page(
            total: total, number: number, size: size, collection: "SecurityGroups", item: "SecurityGroup", groups.map(ResponseNode.securityGroup))
        response.fields.insert(.init("RegionId", .string(region.id)), at: 0)
        return response
    }
}
