import HaVipModel
import RPCWire

/// ECS `UntagResources` (lower-case t, as ECS spells it; VPC's is `UnTagResources`): given keys, or every
/// tag with `All=true`.
enum UntagResources: RPCAction {
    static let name = "UntagResources"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let (region, type, ids) = try parameters.ecsTagTargets(requireIds: true)
        let keys = try parameters.ids("TagKey", max: 20, error: .ecsTagsTooMany)
        let all = try parameters.boolean("All", default: false)
        guard !keys.isEmpty || all else { throw APIError.ecsTagsMissing }
        return try await call.write(region) { tx, context in
            try TagOperations.untag(tx, context, resourceType: type, resourceIds: ids, keys: keys, all: all && keys.isEmpty)
            return RPCResponse()
        }
    }
}
