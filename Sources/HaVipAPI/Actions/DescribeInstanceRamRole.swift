import HaVipModel
import RPCWire

/// ECS `DescribeInstanceRamRole`: the instance RAM roles of some instances. havip has no RAM, so no
/// instance has one: the set is empty once the instances are found.
enum DescribeInstanceRamRole: RPCAction {
    static let name = "DescribeInstanceRamRole"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let page = try parameters.paging(maxSize: 50)
        let ids = try parameters.jsonArray("InstanceIds", max: 100, error: .ramRoleInstanceIdsMalformed)
        guard !ids.isEmpty || parameters.optional("RamRoleName") != nil else { throw APIError.ramRoleQueryEmpty }
        _ = try await call.read(region) { tx, context in
            try ComputeOperations.instances(tx, context, ids: ids, notFound: .ramRoleInstanceNotFound)
        }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(0)), .init("PageSize", .int(page.size)), .init("PageNumber", .int(page.number)),
            .init("RegionId", .string(region.id)), .init("InstanceRamRoleSets", .list(item: "InstanceRamRoleSet", [])),
        ])
    }
}
