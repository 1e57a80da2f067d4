import HaVipModel
import RPCWire

/// ECS `DeleteNetworkInterface`: a detached secondary ENI; it leaves any HaVip it was associated with.
enum DeleteNetworkInterface: RPCAction {
    static let name = "DeleteNetworkInterface"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("NetworkInterfaceId")
        let region = try await call.region(orRegionOf: NetworkInterface.self, id: id, notFound: .networkInterfaceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.deleteNetworkInterface(tx, context, id: id)
            return RPCResponse()
        }
    }
}
