import HaVipModel
import RPCWire

/// ECS `AttachNetworkInterface`: a secondary ENI joins an instance of its VPC and zone (at once: `InUse`).
enum AttachNetworkInterface: RPCAction {
    static let name = "AttachNetworkInterface"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("NetworkInterfaceId")
        let instanceId = try parameters.required("InstanceId")
        return try await call.write(region) { tx, context in
            try ComputeOperations.attachNetworkInterface(tx, context, id: id, instanceId: instanceId)
            return RPCResponse()
        }
    }
}
