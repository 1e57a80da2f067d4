import HaVipModel
import RPCWire

/// ECS `StopInstance`: Running → Stopped; a HaVip whose master it was fails over.
enum StopInstance: RPCAction {
    static let name = "StopInstance"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("InstanceId")
        let region = try await call.region(orRegionOf: Instance.self, id: id, notFound: .instanceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.stop(tx, context, id: id)
            return RPCResponse()
        }
    }
}
