import HaVipModel
import RPCWire

/// ECS `DeleteSecurityGroup`: refused while an instance or ENI is in it.
enum DeleteSecurityGroup: RPCAction {
    static let name = "DeleteSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let id = try call.parameters.required("SecurityGroupId")
        return try await call.write(region) { tx, context in
            try ComputeOperations.deleteSecurityGroup(tx, context, id: id)
            return RPCResponse()
        }
    }
}
