import HaVipModel
import RPCWire

/// ECS `RevokeSecurityGroup`: removes the ingress rule the parameters name.
enum RevokeSecurityGroup: RPCAction {
    static let name = "RevokeSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let (region, groupId, rule) = try call.parameters.ruleRequest(.ingress)
        return try await call.write(region, idempotent: true) { tx, context in
            try ComputeOperations.revoke(tx, context, groupId: groupId, rule)
            return RPCResponse()
        }
    }
}
