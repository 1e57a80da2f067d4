import HaVipModel
import RPCWire

/// VPC `UnTagResources` (capital T, as VPC spells it): given keys, or every tag with `All=true`.
enum UnTagResources: RPCAction {
    static let name = "UnTagResources"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let (region, type, ids) = try parameters.tagTargets(requireIds: true)
        let keys = try parameters.ids("TagKey", max: 20, error: .tagCountExceeded)
        let all = try parameters.boolean("All", default: false)
        return try await call.write(region) { tx, context in
            try TagOperations.untag(tx, context, resourceType: type, resourceIds: ids, keys: keys, all: all)
            return RPCResponse()
        }
    }
}
