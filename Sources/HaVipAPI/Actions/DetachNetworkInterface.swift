import HaVipModel
import RPCWire

/// ECS `DetachNetworkInterface`: a secondary ENI leaves its instance (at once: `Available`).
enum DetachNetworkInterface: RPCAction {
    static let name = "DetachNetworkInterface"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("NetworkInterfaceId")
        let instanceId = try parameters.required("InstanceId")
        return try await call.write(region) { tx, context in
            try ComputeOperations.detachNetworkInterface(tx, context, id: id, instanceId: instanceId)
            return RPCResponse()
        }
    }
}
