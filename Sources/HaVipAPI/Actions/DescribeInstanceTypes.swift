import HaVipModel
import RPCWire

/// ECS `DescribeInstanceTypes`: the built-in instance types (no RegionId: they are the same everywhere),
/// by `InstanceTypes.N` and family. They fit one page, so `NextToken` is always empty.
enum DescribeInstanceTypes: RPCAction {
    static let name = "DescribeInstanceTypes"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let ids = try parameters.ids("InstanceTypes", max: 10, error: .invalidParameter("InstanceTypes"))
        let family = parameters.optional("InstanceTypeFamily")
        if parameters.optional("MaxResults") != nil { _ = try parameters.number("MaxResults", error: .maxResultsInvalid) }
        guard parameters.optional("NextToken") == nil else { throw APIError.nextTokenInvalid }
        let types = InstanceType.builtIn.filter { type in (ids.isEmpty || ids.contains(type.id)) && (family.map { $0 == type.family } ?? true) }
        return RPCResponse([.init("NextToken", ""), .init("InstanceTypes", .list(item: "InstanceType", types.map(ResponseNode.instanceType)))])
    }
}
