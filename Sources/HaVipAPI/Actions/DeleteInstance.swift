import HaVipModel
import RPCWire

/// ECS `DeleteInstance`: a Stopped instance, or a Running one with `Force=true`.
enum DeleteInstance: RPCAction {
    static let name = "DeleteInstance"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("InstanceId")
        let force = try call.parameters.boolean("Force", default: false)
        let region = try await call.region(orRegionOf: Instance.self, id: id, notFound: .instanceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.delete(tx, context, id: id, force: force)
            return RPCResponse()
        }
    }
}
