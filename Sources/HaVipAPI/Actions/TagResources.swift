import HaVipModel
import RPCWire

/// VPC `TagResources` for HAVIP, VPC, VSWITCH and EIP (ResourceType in any case).
enum TagResources: RPCAction {
    static let name = "TagResources"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let (region, type, ids) = try parameters.tagTargets(requireIds: true)
        let tags = try parameters.tags()
        guard !tags.isEmpty else { throw APIError.missingParameter("Tag.N.Key") }
        return try await call.write(region) { tx, context in
            try TagOperations.tag(tx, context, resourceType: type, resourceIds: ids, tags: tags)
            return RPCResponse()
        }
    }
}
