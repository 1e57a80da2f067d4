import HaVipModel
import RPCWire

/// ECS `StartInstance`: Stopped → Running.
enum StartInstance: RPCAction {
    static let name = "StartInstance"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("InstanceId")
        let region = try await call.region(orRegionOf: Instance.self, id: id, notFound: .instanceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.start(tx, context, id: id)
            return RPCResponse()
        }
    }
}
